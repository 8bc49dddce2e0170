package indicators

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// composite appends to the arena the match of a combinator made of parts
// (copied into the arena): its span is the hull of the parts that have one.
func (s *scan) composite(op nodeOp, parts []imatch, weight float64) {
	mk := s.mark()
	s.buf = append(s.buf, parts...)
	m := imatch{start: -1, end: -1, op: op, weight: weight, parts: s.since(mk)}
	for i := range parts {
		p := &parts[i]
		if p.spanless() {
			continue
		}
		if m.start < 0 || p.start < m.start {
			m.start = p.start
		}
		if p.end > m.end {
			m.end = p.end
		}
	}
	s.buf = append(s.buf, m)
}

func maxWeight(ms []imatch) float64 {
	w := ms[0].weight
	for i := range ms[1:] {
		w = max(w, ms[i+1].weight)
	}
	return w
}

// all matches once, with the first match of each child as parts. Its
// weight is the product over the children of their largest weight, so
// that more evidence never lowers it.
func (s *scan) all(n *cnode) []imatch {
	for _, k := range n.kids {
		if !s.possible(k) {
			return nil
		}
	}
	var local [8]imatch
	parts := local[:0]
	w := 1.0
	for _, k := range n.kids {
		ms := s.eval(k)
		if len(ms) == 0 {
			return nil
		}
		parts = append(parts, ms[0])
		w *= maxWeight(ms)
	}
	mk := s.mark()
	s.composite(opAll, parts, w)
	return s.since(mk + len(parts))
}

// any returns the matches of every child.
func (s *scan) any(n *cnode) []imatch {
	var local [8][]imatch
	found := local[:0]
	for _, k := range n.kids {
		if ms := s.eval(k); len(ms) > 0 {
			found = append(found, ms)
		}
	}
	switch len(found) {
	case 0:
		return nil
	case 1:
		return found[0]
	}
	mk := s.mark()
	for _, ms := range found {
		s.buf = append(s.buf, ms...)
	}
	out := s.since(mk)
	sortMatches(out)
	return out
}

// atLeast matches once when n.n children match, with the first match of
// each matching child as parts. Its weight is the product of the n largest
// child weights.
func (s *scan) atLeast(n *cnode) []imatch {
	var local [8]imatch
	var wlocal [8]float64
	parts, ws := local[:0], wlocal[:0]
	if s.countPossible(n.kids) < n.n {
		return nil
	}
	for i, k := range n.kids {
		if len(parts)+len(n.kids)-i < n.n {
			return nil // too few children left to reach n
		}
		ms := s.eval(k)
		if s.err != nil {
			return nil
		}
		if len(ms) > 0 {
			parts = append(parts, ms[0])
			ws = append(ws, maxWeight(ms))
		}
	}
	if len(parts) < n.n {
		return nil
	}
	slices.SortFunc(ws, func(a, b float64) int { return cmp.Compare(b, a) })
	w := 1.0
	for _, x := range ws[:n.n] {
		w *= x
	}
	mk := s.mark()
	s.composite(opAtLeast, parts, w)
	return s.since(mk + len(parts))
}

// event is a match of a child of Near, for the sweep.
type event struct {
	kid int
	m   *imatch
}

// near returns the stretches of at most n.n runes that hold a match of
// every child. It sweeps the children's matches by start, keeping the
// latest match of each child; when every child has one and they fit the
// window, it reports them and starts afresh, so reported stretches do not
// share matches. Children whose matches have no span (Not) are conditions:
// they must match but take no room.
func (s *scan) near(n *cnode) []imatch {
	for _, k := range n.kids {
		if !s.possible(k) {
			return nil
		}
	}
	var klocal [8][]imatch
	kids := klocal[:0]
	for _, k := range n.kids {
		ms := s.eval(k)
		if len(ms) == 0 {
			return nil
		}
		kids = append(kids, ms)
	}
	var slocal [8]bool
	var llocal [8]*imatch
	var plocal [8]imatch
	spanned := append(slocal[:0], make([]bool, len(kids))...)
	last := append(llocal[:0], make([]*imatch, len(kids))...)
	events := s.events[:0]
	for i, ms := range kids {
		for j := range ms {
			if !ms[j].spanless() {
				events = append(events, event{i, &ms[j]})
				spanned[i] = true
			}
		}
		if !spanned[i] {
			last[i] = &ms[0]
		}
	}
	slices.SortStableFunc(events, func(a, b event) int { return cmp.Compare(a.m.start, b.m.start) })
	s.events = events
	found := s.found[:0] // where the composites are in the arena
	for _, e := range events {
		last[e.kid] = e.m
		lo, hi, ok := int32(-1), int32(-1), true
		for i, m := range last {
			if m == nil {
				ok = false
				break
			}
			if !spanned[i] {
				continue
			}
			if lo < 0 || m.start < lo {
				lo = m.start
			}
			hi = max(hi, m.end)
		}
		if !ok || !s.within(int(lo), int(hi), n.n) {
			continue
		}
		parts := plocal[:0]
		w := 1.0
		for i, m := range last {
			parts = append(parts, *m)
			w *= m.weight
			if spanned[i] {
				last[i] = nil
			}
		}
		s.composite(opNear, parts, w)
		found = append(found, int32(len(s.buf)-1))
	}
	for i := range s.events {
		s.events[i].m = nil
	}
	s.found = found
	switch len(found) {
	case 0:
		return nil
	case 1:
		at := int(found[0])
		return s.buf[at : at+1 : at+1]
	}
	// Each composite follows its parts in the arena: gather them at its
	// end, so that the result is one slice of the arena.
	mk := s.mark()
	for _, at := range found {
		m := s.buf[at]
		s.buf = append(s.buf, m)
	}
	return s.since(mk)
}

// within reports whether the normalized text [lo, hi) has at most n runes.
func (s *scan) within(lo, hi, n int) bool {
	switch {
	case hi-lo <= n:
		return true
	case hi-lo > n*utf8.UTFMax:
		return false
	}
	return utf8.RuneCountInString(s.norm[lo:hi]) <= n
}

// except drops the matches of the subject that overlap an allowed match.
func (s *scan) except(n *cnode) []imatch {
	ms := s.eval(n.kids[0])
	if len(ms) == 0 {
		return nil
	}
	ms = s.copied(ms)
	var local [8][]imatch
	allowed := local[:0]
	for _, k := range n.kids[1:] {
		if as := s.eval(k); len(as) > 0 {
			allowed = append(allowed, as)
		}
	}
	return slices.DeleteFunc(ms, func(m imatch) bool {
		if m.spanless() {
			return false
		}
		for _, as := range allowed {
			for i := range as {
				a := &as[i]
				if !a.spanless() && m.start < a.end && a.start < m.end {
					return true
				}
			}
		}
		return false
	})
}
