//go:build !race

package indicators

// raceEnabled is set under the race detector, where sync.Pool drops items
// at random, so allocation counts are not stable.
const raceEnabled = false
