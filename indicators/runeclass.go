package indicators

import (
	"slices"
	"unicode/utf8"
)

// runeClass is a set of runes for the native pattern engine: a bitmap for
// ASCII and sorted ranges for the rest.
type runeClass struct {
	ascii  [2]uint64
	ranges []rune // lo, hi pairs, sorted and disjoint, all >= utf8.RuneSelf
	all    []rune // lo, hi pairs of the whole class, for union
	noHan  bool   // no rune of the CJK blocks 2E80–9FFF is in the class
}

// newRuneClass returns the class of the sorted, disjoint lo, hi pairs in
// ranges, as regexp/syntax gives them.
func newRuneClass(ranges []rune) *runeClass {
	c := &runeClass{all: ranges, noHan: true}
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= 0x9FFF && ranges[i+1] >= 0x2E80 {
			c.noHan = false
		}
		lo, hi := ranges[i], ranges[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			c.ascii[r>>6] |= 1 << (r & 63)
		}
		if hi >= utf8.RuneSelf {
			c.ranges = append(c.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	return c
}

// has reports whether r is in the class; -1 (no rune) never is.
func (c *runeClass) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && c.ascii[r>>6]&(1<<(r&63)) != 0
	}
	if c.noHan && 0x2E80 <= r && r <= 0x9FFF {
		return false // Chinese text against \d and the like
	}
	rs := c.ranges
	if len(rs) <= 16 {
		for i := 0; i < len(rs); i += 2 {
			if r < rs[i] {
				return false
			}
			if r <= rs[i+1] {
				return true
			}
		}
		return false
	}
	// The first pair whose hi is >= r.
	lo, hi := 0, len(rs)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rs[2*m+1] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(rs)/2 && rs[2*lo] <= r
}

// union returns the class of the runes of c or d; nil stands for a class
// that admits anything, and absorbs the other.
func (c *runeClass) union(d *runeClass) *runeClass {
	if c == nil || d == nil {
		return nil
	}
	type span struct{ lo, hi rune }
	var spans []span
	for _, x := range [][]rune{c.all, d.all} {
		for i := 0; i+1 < len(x); i += 2 {
			spans = append(spans, span{x[i], x[i+1]})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.lo - b.lo) })
	var out []rune
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], sp.hi)
			continue
		}
		out = append(out, sp.lo, sp.hi)
	}
	return newRuneClass(out)
}
