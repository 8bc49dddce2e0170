package indicators

import (
	"slices"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
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

// need returns the necessary set of n, computed once per node: the scan
// checks it before evaluating a node (see possible).
func (c *compiled) need(n *cnode) needSet {
	if !n.needDone {
		n.needs, n.needDone = c.need1(n), true
	}
	return n.needs
}

func (c *compiled) need1(n *cnode) needSet {
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
		c.needAll(c.rules[i].root)
		s := c.need(c.rules[i].root)
		if s.always {
			c.always = append(c.always, int32(i))
			continue
		}
		pats := slices.Clone(s.pats) // s.pats is also a node's set
		slices.Sort(pats)
		for _, p := range slices.Compact(pats) {
			c.byPat[p] = append(c.byPat[p], int32(i))
		}
	}
}

// needAll computes the necessary set of every node under n.
func (c *compiled) needAll(n *cnode) {
	c.need(n)
	for _, k := range n.kids {
		c.needAll(k)
	}
}

// possible reports whether n can match on the text of s, without running
// patterns: it is false when none of n's necessary keywords occurs, when n
// is an Entity and the text has none of that kind (entities are found for
// every report anyway), when n is Disguised and the text shows none of its
// kinds of disguise, or when the children of a combinator rule it out.
// Combinators check their children with it before evaluating any, so that
// a pattern is not run for an All whose other child cannot match.
func (s *scan) possible(n *cnode) bool { return s.memoPossible(n) }

func (s *scan) possible1(n *cnode) bool {
	// Only leaves have a needSlot: a combinator's necessary set is made of
	// its children's, which are checked (and memoized) below.
	if n.needSlot >= 0 && s.needHit[n.needSlot] != s.gen {
		return false // see markNeeds
	}
	switch n.op {
	case opPattern:
		return s.mayMatch(n.re)
	case opEntity:
		return len(s.entities(n.entity)) > 0
	case opDisguised:
		return s.textKinds()&n.kinds != 0 && s.possible(n.kids[0])
	case opAll, opNear:
		for _, k := range n.kids {
			if !s.possible(k) {
				return false
			}
		}
	case opAny:
		return slices.ContainsFunc(n.kids, s.possible)
	case opAtLeast:
		return s.countPossible(n.kids) >= n.n
	case opUnless, opExcept, opWeight:
		return s.possible(n.kids[0])
	}
	return true
}

// countPossible returns how many of kids are possible.
func (s *scan) countPossible(kids []*cnode) int {
	c := 0
	for _, k := range kids {
		if s.possible(k) {
			c++
		}
	}
	return c
}

// textKinds returns the kinds of disguise anywhere in the text, a superset
// of the kinds of any match.
func (s *scan) textKinds() normalize.Kind {
	if !s.kindsDone {
		s.kinds, s.kindsDone = s.t.Kinds(0, s.t.Len()), true
	}
	return s.kinds
}
