package indicators

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// composite builds the match of a combinator from its parts: its span is
// the hull of the parts that have one, its disguise their union.
func composite(op nodeOp, parts []imatch, weight float64) imatch {
	m := imatch{start: -1, end: -1, op: op, weight: weight, parts: parts}
	for i := range parts {
		p := &parts[i]
		m.kinds |= p.kinds
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
	return m
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
	parts := make([]imatch, 0, len(n.kids))
	w := 1.0
	for _, k := range n.kids {
		ms := s.eval(k)
		if len(ms) == 0 {
			return nil
		}
		parts = append(parts, ms[0])
		w *= maxWeight(ms)
	}
	return []imatch{composite(opAll, parts, w)}
}

// any returns the matches of every child.
func (s *scan) any(n *cnode) []imatch {
	var out []imatch
	for _, k := range n.kids {
		out = append(out, s.eval(k)...)
	}
	if len(n.kids) > 1 {
		sortMatches(out)
	}
	return out
}

// atLeast matches once when n.n children match, with the first match of
// each matching child as parts. Its weight is the product of the n largest
// child weights.
func (s *scan) atLeast(n *cnode) []imatch {
	var parts []imatch
	var ws []float64
	for _, k := range n.kids {
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
	return []imatch{composite(opAtLeast, parts, w)}
}

// near returns the stretches of at most n.n runes that hold a match of
// every child. It sweeps the children's matches by start, keeping the
// latest match of each child; when every child has one and they fit the
// window, it reports them and starts afresh, so reported stretches do not
// share matches. Children whose matches have no span (Not) are conditions:
// they must match but take no room.
func (s *scan) near(n *cnode) []imatch {
	kids := make([][]imatch, len(n.kids))
	for i, k := range n.kids {
		ms := s.eval(k)
		if len(ms) == 0 {
			return nil
		}
		kids[i] = ms
	}
	type event struct {
		kid int
		m   *imatch
	}
	var events []event
	spanned := make([]bool, len(kids))
	for i, ms := range kids {
		for j := range ms {
			if !ms[j].spanless() {
				events = append(events, event{i, &ms[j]})
				spanned[i] = true
			}
		}
	}
	slices.SortStableFunc(events, func(a, b event) int { return cmp.Compare(a.m.start, b.m.start) })
	last := make([]*imatch, len(kids))
	for i := range kids {
		if !spanned[i] {
			last[i] = &kids[i][0]
		}
	}
	var out []imatch
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
		parts := make([]imatch, len(last))
		w := 1.0
		for i, m := range last {
			parts[i] = *m
			w *= m.weight
			if spanned[i] {
				last[i] = nil
			}
		}
		out = append(out, composite(opNear, parts, w))
	}
	return out
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
	var allowed []imatch
	for _, k := range n.kids[1:] {
		allowed = append(allowed, s.eval(k)...)
	}
	return slices.DeleteFunc(ms, func(m imatch) bool {
		for i := range allowed {
			a := &allowed[i]
			if !m.spanless() && !a.spanless() && m.start < a.end && a.start < m.end {
				return true
			}
		}
		return false
	})
}
