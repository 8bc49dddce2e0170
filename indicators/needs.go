package indicators

import (
	"encoding/binary"
	"slices"
)

// A text can only satisfy a leaf when one of the forms of the leaf's
// necessary set occurs in it (see need), and a rule only when it satisfies
// every set along the parts that must match. The sets are numbered at
// Compile; a text marks those its keywords satisfy once (markNeeds), and
// the scan looks marks up instead of looking for keywords.

// needSets numbers necessary sets: sets of the same forms share their
// index.
type needSets struct {
	c   *compiled
	ids map[string]int32
	key []byte // scratch for the map keys
}

// id returns the index of the set of forms pats, numbering it and listing
// it under each of its forms in c.byPatNeed if it is new.
func (ns *needSets) id(pats []int32) int32 {
	pats = slices.Compact(slices.Sorted(slices.Values(pats)))
	ns.key = ns.key[:0]
	for _, p := range pats {
		ns.key = binary.AppendUvarint(ns.key, uint64(p))
	}
	id, ok := ns.ids[string(ns.key)]
	if !ok {
		id = int32(len(ns.ids))
		ns.ids[string(ns.key)] = id
		for _, p := range pats {
			ns.c.byPatNeed[p] = append(ns.c.byPatNeed[p], id)
		}
	}
	return id
}

// numberNeeds gives the necessary set of every leaf an index and lists
// the sets by automaton pattern, so that possible looks a leaf's mark up
// instead of looking for each of its keywords in the text; and lists for
// every rule the sets that must all be satisfied (see conjuncts).
func (cp *compiler) numberNeeds() {
	c := cp.c
	c.byPatNeed = make([][]int32, len(c.forms))
	ns := &needSets{c: c, ids: map[string]int32{}}
	var walk func(n *cnode)
	walk = func(n *cnode) {
		for _, k := range n.kids {
			walk(k)
		}
		n.needSlot = -1
		if n.op != opKeywords && n.op != opPattern || n.needs.always {
			return
		}
		n.needSlot = ns.id(n.needs.pats)
	}
	for i := range c.rules {
		walk(c.rules[i].root)
	}
	for i := range c.rules {
		r := &c.rules[i]
		r.needs = slices.Compact(slices.Sorted(slices.Values(c.conjuncts(r.root, nil, ns))))
	}
	c.needSets = len(ns.ids)
}

// conjuncts appends to out the indices of the necessary sets of n and of
// every node that must match for n to match: the children of All and Near,
// the subject of Unless, Except, Weight and Disguised; and the sets of
// literals that a pattern's matches require (see addRequired). A rule can
// only fire on a text that satisfies all of them, which the scan checks
// before walking the rule's tree (see satisfied); the prefilter only looks
// at the most selective one.
func (c *compiled) conjuncts(n *cnode, out []int32, ns *needSets) []int32 {
	if !n.needs.always {
		out = append(out, ns.id(n.needs.pats))
	}
	switch n.op {
	case opPattern:
		for _, set := range c.reqs[n.re] {
			out = append(out, ns.id(set))
		}
	case opAll, opNear:
		for _, k := range n.kids {
			out = c.conjuncts(k, out, ns)
		}
	case opUnless, opExcept, opWeight, opDisguised:
		out = c.conjuncts(n.kids[0], out, ns)
	}
	return out
}

// satisfied reports whether the text satisfies every necessary set of r
// (see conjuncts).
func (s *scan) satisfied(r *crule) bool {
	for _, ns := range r.needs {
		if s.needHit[ns] != s.gen {
			return false
		}
	}
	return true
}

// markNeeds stamps the necessary sets that the keywords of the text
// satisfy.
func (s *scan) markNeeds() {
	// Locals: otherwise every store to needHit reloads the fields of s.
	byPatNeed, needHit, gen := s.c.byPatNeed, s.needHit, s.gen
	for _, p := range s.pats {
		for _, ns := range byPatNeed[p] {
			needHit[ns] = gen
		}
	}
}
