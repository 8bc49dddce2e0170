package normalize

// Text is the result of normalizing a string: the original, the normalized
// form, and a map from every normalized byte range back to the bytes of the
// original that produced it. A Text is immutable and safe for concurrent use.
// The zero Text is the normalization of "".
type Text struct {
	original   string
	normalized string
	// PLACEHOLDER representation: identity. The real implementation keeps
	// per-rune source offsets and kinds; see normalizer.go.
}

// Original returns the string that was normalized.
func (t *Text) Original() string { return t.original }

// Normalized returns the normalized string.
func (t *Text) Normalized() string { return t.normalized }

// String returns the normalized string.
func (t *Text) String() string { return t.normalized }

// Changed reports whether the normalized string differs from the original.
func (t *Text) Changed() bool { return t.original != t.normalized }

// Span maps the normalized byte range [start, end) to the byte range of the
// original that produced it. start and end are clamped to [0, len(normalized)]
// and moved outwards to rune boundaries. The result lies on rune boundaries of
// the original, covers every original byte that produced a rune in the range
// (including separators and invisible characters removed between them, but
// not those before the first or after the last), and is empty only when the
// range is. Original()[ostart:oend] is the evidence a user should see.
func (t *Text) Span(start, end int) (ostart, oend int) {
	start, end = clampRange(start, end, len(t.normalized))
	return start, end
}

// Kinds returns the kinds of change that produced the normalized range
// [start, end): the changes to the runes in it, and the characters removed
// between them (not before the first or after the last).
func (t *Text) Kinds(start, end int) Kind { return 0 }

func clampRange(start, end, n int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > n {
		end = n
	}
	if start > end {
		start = end
	}
	return start, end
}
