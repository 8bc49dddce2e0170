// Package normalize folds Chinese text to a canonical form for matching and
// maps every position of the normalized text back to the bytes of the
// original that produced it.
package normalize
