package ahocorasick

import "slices"

// builder holds the trie while New is building it. Its table has a dense
// row per state (the final table is stored by column, see Matcher), wide
// entries and the states in creation order, which suits adding states one
// at a time; 0 stands for "no edge" until finish fills in the failure
// transitions, which is unambiguous because no edge leads back to the root.
type builder struct {
	stride int
	tab    []uint32
	out    [][]int32 // patterns ending at each state, in ID order
}

// newBuilder returns a builder with room for up to maxStates states (the
// most the patterns can need), or fewer for large pattern sets, whose
// prefixes are shared more often than not.
func newBuilder(stride, maxStates int) *builder {
	maxStates = min(maxStates, 1<<15)
	return &builder{stride: stride, tab: make([]uint32, stride, stride*maxStates), out: make([][]int32, 1, maxStates)}
}

// narrowLimit is the largest number of states for which the table has
// 16-bit entries. Tests lower it to cover the other path.
var narrowLimit uint64 = 1 << 16

// add inserts pattern p with the given ID into the trie.
func (b *builder) add(m *Matcher, id int, p string) {
	var s uint32
	for i := 0; i < len(p); i++ {
		c := uint32(m.class[p[i]])
		next := b.tab[int(s)*b.stride+int(c)]
		if next == 0 {
			next = uint32(len(b.out))
			b.tab[int(s)*b.stride+int(c)] = next
			b.tab = slices.Grow(b.tab, b.stride)
			b.tab = b.tab[:len(b.tab)+b.stride]
			clear(b.tab[len(b.tab)-b.stride:])
			b.out = append(b.out, nil)
		}
		s = next
	}
	b.out[s] = append(b.out[s], int32(id))
}

// finish turns the trie into the automaton: it computes failure links in
// breadth-first order, completes every row with the transitions of the
// failure state, links each state to the nearest output state on its
// failure chain, then renumbers the states so that output states come last.
func (b *builder) finish(m *Matcher) {
	stride := b.stride
	n := len(b.out)
	fail := make([]uint32, n)
	dict := make([]uint32, n)
	depth := make([]uint32, n)
	order := make([]uint32, 0, n) // breadth-first order, root first
	order = append(order, 0)
	for q := 0; q < len(order); q++ {
		s := order[q]
		row := b.tab[int(s)*stride : int(s+1)*stride]
		frow := b.tab[int(fail[s])*stride : int(fail[s]+1)*stride]
		for c, t := range row {
			if t == 0 {
				if s != 0 {
					row[c] = frow[c]
				}
				continue
			}
			depth[t] = depth[s] + 1
			if s != 0 {
				f := frow[c]
				fail[t] = f
				if len(b.out[f]) > 0 {
					dict[t] = f
				} else {
					dict[t] = dict[f]
				}
			}
			order = append(order, t)
		}
	}

	// Renumber: states that report nothing first (the root stays 0), then
	// the output states, each group in breadth-first order.
	isOut := func(s uint32) bool { return len(b.out[s]) > 0 || dict[s] != 0 }
	newID := make([]uint32, n)
	next := uint32(0)
	for _, s := range order {
		if !isOut(s) {
			newID[s] = next
			next++
		}
	}
	m.firstOut = next
	for _, s := range order {
		if isOut(s) {
			newID[s] = next
			next++
		}
	}

	nOut := n - int(m.firstOut)
	m.outs = make([]outState, nOut+1)
	np := int32(0)
	for _, s := range order {
		if !isOut(s) {
			continue
		}
		o := newID[s] - m.firstOut
		m.outs[o].start = int32(len(b.out[s])) // a count for now
		np += int32(len(b.out[s]))
		if dict[s] != 0 {
			m.outs[o].dict = newID[dict[s]] - m.firstOut + 1
		}
	}
	for o, start := 0, int32(0); o <= nOut; o++ {
		start, m.outs[o].start = start+m.outs[o].start, start
	}
	m.pats = make([]patEnd, np)
	m.depth = make([]uint8, n)
	for s, dp := range depth {
		m.depth[newID[s]] = uint8(min(dp, depthUnknown))
		if isOut(uint32(s)) {
			// Every pattern that ends at s is the path to s.
			ps := m.pats[m.outs[newID[s]-m.firstOut].start:]
			for i, id := range b.out[s] {
				ps[i] = patEnd{id, int32(dp)}
			}
		}
	}

	// Rewrite the table in the new numbering, column by column (see
	// Matcher.trans16), into an allocation of exactly the right size.
	m.states = uint32(n)
	if uint64(n) <= narrowLimit {
		for x, c := range m.class {
			m.colOff[x] = uint32(c) * uint32(n)
		}
		m.trans16 = make([]uint16, n*stride)
		for s := range n {
			for c, t := range b.tab[s*stride : (s+1)*stride] {
				m.trans16[c*n+int(newID[s])] = uint16(newID[t])
			}
		}
		return
	}
	m.trans32 = make([]uint32, n*stride)
	for s := range n {
		for c, t := range b.tab[s*stride : (s+1)*stride] {
			m.trans32[c*n+int(newID[s])] = newID[t]
		}
	}
}
