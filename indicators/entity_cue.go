package indicators

import (
	"math/bits"
	"strings"

	"github.com/fanzha/fanzha/normalize"
)

// A cueGate answers cueBefore for one scanner on one text, and skips the
// backward walk of cueBefore for contacts that stand before the first cue
// of its set in the text. Latin text has a candidate at nearly every word,
// and most such texts have no cue at all.
type cueGate struct {
	t     *normalize.Text
	cues  *cueSet
	calls int
	first int  // where the first cue of the text ends, or -1 before the search
	shut  bool // the search found no cue: see closed
}

func newCueGate(t *normalize.Text, cues *cueSet) cueGate {
	return cueGate{t: t, cues: cues, first: -1}
}

// before is cueBefore(g.t, i, g.cues, maxGap).
func (g *cueGate) before(i, maxGap int) (gap string, ok bool) {
	if !g.open(i) {
		return "", false
	}
	return cueBefore(g.t, i, g.cues, maxGap)
}

// open reports whether a cue of the set ends at or before i, which
// cueBefore needs to succeed. Scanners ask it before their own checks that
// cost more.
func (g *cueGate) open(i int) bool {
	// The first question of a text is answered yes: a text with one
	// candidate does not pay for the search.
	if g.calls++; g.calls == 1 {
		return true
	}
	if g.first < 0 {
		s := g.t.Normalized()
		g.first = firstCueEnd(s, g.cues)
		g.shut = g.first > len(s)
	}
	return g.first <= i
}

// closed reports whether the gate has searched the text and found no cue
// in it: then no contact that needs a cue can follow, and a scanner may
// stop once nothing else it finds is ahead.
// The scanners ask it at every step, so it is a field.
func (g *cueGate) closed() bool { return g.shut }

// firstCueEnd returns where the first cue of set that may count ends in s,
// or len(s)+1 if none does. It walks s once, and tries the cues that end
// with a byte only where that byte is: searching for each cue in turn cost
// more on a text without any.
func firstCueEnd(s string, set *cueSet) int {
	for k := 1; k <= len(s); k++ {
		for m := set.byLast[s[k-1]]; m != 0; m &= m - 1 {
			w := set.cues[bits.TrailingZeros16(m)].word
			if !strings.HasSuffix(s[:k], w) {
				continue
			}
			// As in cueAt: a Latin cue must start a word.
			if a := k - len(w); isLower(w[0]) && a > 0 && isAlpha(s[a-1:a]) {
				continue
			}
			return k
		}
	}
	return len(s) + 1
}
