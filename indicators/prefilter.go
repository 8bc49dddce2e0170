package indicators

import (
	"slices"
	"unicode/utf8"
)

// A rule can only fire when one of its necessary keywords occurs in the
// normalized text. need computes that set from the indicator tree; a nil
// set with always true means the rule must run on every text.

// needSet is a set of automaton patterns, one of which must occur.
type needSet struct {
	pats   []int32
	always bool
}

var alwaysNeeded = needSet{always: true}

// need returns the necessary set of n.
func (c *compiled) need(n *cnode) needSet {
	switch n.op {
	case opKeywords:
		s := needSet{}
		for _, t := range n.terms {
			s.pats = append(s.pats, t.pat)
		}
		return s
	case opPattern:
		if len(n.pre) == 0 {
			return alwaysNeeded
		}
		return needSet{pats: append([]int32(nil), n.pre...)}
	case opAll, opNear:
		// Every child must match: any constrained child's set is
		// necessary, so take the most selective one.
		best, found := needSet{}, false
		for _, k := range n.kids {
			s := c.need(k)
			if s.always {
				continue
			}
			if !found || c.cost(s) < c.cost(best) {
				best, found = s, true
			}
		}
		if !found {
			return alwaysNeeded
		}
		return best
	case opAny, opAtLeast:
		var u needSet
		for _, k := range n.kids {
			s := c.need(k)
			if s.always {
				return alwaysNeeded
			}
			u.pats = append(u.pats, s.pats...)
		}
		return u
	case opUnless, opExcept, opWeight, opDisguised:
		return c.need(n.kids[0])
	}
	// Not and Entity can match on texts without any keyword.
	return alwaysNeeded
}

// cost estimates how often a set lets its rule run: short forms, above all
// single Han characters, occur in many texts.
func (c *compiled) cost(s needSet) float64 {
	var sum float64
	for _, p := range s.pats {
		r := float64(utf8.RuneCountInString(c.forms[p]))
		sum += 1 / (r * r)
	}
	return sum
}

// buildPrefilter inverts the rules' necessary sets to pattern → rules.
func (cp *compiler) buildPrefilter() {
	c := cp.c
	c.byPat = make([][]int32, len(c.forms))
	for i := range c.rules {
		s := c.need(c.rules[i].root)
		if s.always {
			c.always = append(c.always, int32(i))
			continue
		}
		slices.Sort(s.pats)
		for _, p := range slices.Compact(s.pats) {
			c.byPat[p] = append(c.byPat[p], int32(i))
		}
	}
}
