package indicators

import (
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
	first int // where the first cue of the text ends, or -1 before the search
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
		g.first = firstCueEnd(g.t.Normalized(), g.cues.cues)
	}
	return g.first <= i
}

// closed reports whether the gate has searched the text and found no cue
// in it: then no contact that needs a cue can follow, and a scanner may
// stop once nothing else it finds is ahead.
func (g *cueGate) closed() bool { return g.first > len(g.t.Normalized()) }

// firstCueEnd returns where the first cue of cues that may count ends in s,
// or len(s)+1 if none does. Each cue is searched for only up to the first
// end found so far, so a text with a cue near its start is not read to its
// end.
func firstCueEnd(s string, cues []cue) int {
	first := len(s) + 1
	for _, c := range cues {
		w := c.word
		for a := 0; a+len(w) < first; a++ {
			k := strings.Index(s[a:min(first-1, len(s))], w)
			if k < 0 {
				break
			}
			a += k
			// As in cueAt: a Latin cue must start a word.
			if isLower(w[0]) && a > 0 && isAlpha(s[a-1:a]) {
				continue
			}
			first = a + len(w)
			break
		}
	}
	return first
}
