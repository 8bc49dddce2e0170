//go:build race

package normalize

// raceEnabled is set when testing with the race detector, under which
// sync.Pool drops items at random and allocation counts are not exact.
const raceEnabled = true
