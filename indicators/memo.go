package indicators

import (
	"encoding/binary"
	"math"
)

// Rules share much of their structure: the keyword sets of sets.json
// appear in dozens of rules, and combinators ask each child whether it can
// match (possible) before evaluating any. Without memos a text answers the
// same questions many times. The memos below live in the scan and are
// valid for one text: an entry counts only when its stamp equals the
// scan's generation, so that starting a text clears nothing.

// kwMemo is the memoized result of a node: buf[lo:hi] of the buffer of
// its memo (s.kwBuf or s.evBuf).
type kwMemo struct {
	gen    uint32
	lo, hi int32
}

// get returns the result in buf and true if it was kept for the text of
// generation gen.
func (m *kwMemo) get(gen uint32, buf []imatch) ([]imatch, bool) {
	if m.gen != gen {
		return nil, false
	}
	return buf[m.lo:m.hi:m.hi], true
}

// set keeps buf[lo:hi] as the result for the text of generation gen and
// returns it.
func (m *kwMemo) set(gen uint32, buf []imatch, lo, hi int) []imatch {
	*m = kwMemo{gen: gen, lo: int32(lo), hi: int32(hi)}
	if lo == hi {
		return nil
	}
	return buf[lo:hi:hi]
}

// Bounds of the keyword memo, so that a long text with many hits does not
// keep every leaf's hits: larger results are computed again when asked.
const (
	kwMemoMaxResult = 64
	kwMemoMaxTotal  = 1 << 12
)

// numberNodes gives every node an id for the possible memo and every
// keyword leaf a slot in the keyword memo. Nodes of the same structure (the
// same operator, settings and children, wherever they occur) share their
// id, and keyword leaves with the same forms and whole-word setting share
// their slot: they give the same answers on every text.
func (cp *compiler) numberNodes() {
	c := cp.c
	ids := map[string]int32{}
	slots := map[string]int32{}
	var key []byte // scratch for the map keys
	var walk func(n *cnode) int32
	walk = func(n *cnode) int32 {
		kids := make([]int32, len(n.kids))
		for i, k := range n.kids {
			kids[i] = walk(k)
		}
		n.slot = -1
		if n.op == opKeywords {
			key = binary.AppendUvarint(key[:0], uint64(len(n.terms)))
			key = append(key, 0)
			if n.wholeWord {
				key[len(key)-1] = 1
			}
			for _, t := range n.terms {
				key = binary.AppendUvarint(key, uint64(t.pat))
				key = binary.AppendUvarint(key, uint64(len(t.canonical)))
				key = append(key, t.canonical...)
			}
			s, ok := slots[string(key)]
			if !ok {
				s = int32(len(slots))
				slots[string(key)] = s
			}
			n.slot = s
		}
		key = append(key[:0], byte(n.op))
		for _, v := range []int64{int64(n.slot), int64(n.re), int64(kindIndex(n.entity)), int64(n.n),
			int64(math.Float64bits(n.factor)), int64(n.kinds), int64(len(n.pre)), int64(len(kids))} {
			key = binary.AppendVarint(key, v)
		}
		for _, p := range n.pre {
			key = binary.AppendVarint(key, int64(p))
		}
		for _, k := range kids {
			key = binary.AppendVarint(key, int64(k))
		}
		id, ok := ids[string(key)]
		if !ok {
			id = int32(len(ids))
			ids[string(key)] = id
		}
		n.id = id
		return id
	}
	for i := range c.rules {
		walk(c.rules[i].root)
	}
	c.nodes, c.slots = len(ids), len(slots)
	cp.markShared()
	cp.numberNeeds()
	cp.compactNodes()
}

// compactNodes replaces the rules' trees by one array of nodes, one per
// id: nodes of the same id are interchangeable (they give the same answers
// on every text, see numberNodes), so the trees become a graph that shares
// them. The scan walks these nodes for every text; in one array, in the
// order a walk of the rules meets them, they take a few hundred kilobytes
// instead of being spread over the heap in several times that.
func (cp *compiler) compactNodes() {
	c := cp.c
	nodes := make([]cnode, 0, c.nodes)
	at := make([]int32, c.nodes) // by id: 1 + index in nodes, or 0
	var kids []*cnode            // the kids of all nodes, carved in order
	var place func(n *cnode) *cnode
	place = func(n *cnode) *cnode {
		if i := at[n.id]; i != 0 {
			return &nodes[i-1]
		}
		i := len(nodes)
		nodes = append(nodes, *n) // within capacity: the pointers stay valid
		at[n.id] = int32(i + 1)
		if len(n.kids) > 0 {
			lo := len(kids)
			kids = append(kids, n.kids...)
			for j, k := range n.kids {
				kids[lo+j] = place(k)
			}
			nodes[i].kids = kids[lo : lo+len(n.kids) : lo+len(n.kids)]
		}
		return &nodes[i]
	}
	for i := range c.rules {
		c.rules[i].root = place(c.rules[i].root)
	}
}

// markShared marks the nodes whose structure occurs more than once in the
// rules, such as the sets of sets.json that dozens of rules refer to:
// their results are kept for the text (see memoEval). Keyword leaves have
// a memo of their own.
func (cp *compiler) markShared() {
	count := make([]int32, cp.c.nodes)
	var visit func(n *cnode, fn func(*cnode))
	visit = func(n *cnode, fn func(*cnode)) {
		fn(n)
		for _, k := range n.kids {
			visit(k, fn)
		}
	}
	for i := range cp.c.rules {
		visit(cp.c.rules[i].root, func(n *cnode) { count[n.id]++ })
	}
	for i := range cp.c.rules {
		visit(cp.c.rules[i].root, func(n *cnode) { n.shared = count[n.id] > 1 && n.op != opKeywords })
	}
}

// nextText starts the memos of a new text.
func (s *scan) nextText() {
	if len(s.poss) != s.c.nodes {
		s.poss = make([]uint32, s.c.nodes)
		s.evm = make([]kwMemo, s.c.nodes)
		s.kwm = make([]kwMemo, s.c.slots)
		s.needHit = make([]uint32, s.c.needSets)
		s.gen = 0
	}
	s.gen++
	if s.gen >= 1<<31 { // the stamps of poss hold gen<<1
		clear(s.poss)
		clear(s.kwm)
		clear(s.evm)
		clear(s.needHit)
		s.gen = 1
	}
	s.kwBuf = s.kwBuf[:0]
	s.evBuf = s.evBuf[:0]
}

// memoPossible is possible with its answer kept for the text.
func (s *scan) memoPossible(n *cnode) bool {
	if v := s.poss[n.id]; v>>1 == s.gen {
		return v&1 == 1
	}
	ok := s.possible1(n)
	v := s.gen << 1
	if ok {
		v |= 1
	}
	s.poss[n.id] = v
	return ok
}

// memoKeywords is keywords with its result kept for the text. Results are
// never written to by their users (see Weight, Disguised and Except, which
// copy), so one result can be handed to every rule that asks.
func (s *scan) memoKeywords(n *cnode) []imatch {
	m := &s.kwm[n.slot]
	if out, ok := m.get(s.gen, s.kwBuf); ok {
		return out
	}
	// keywords appends to s.buf: lent s.kwBuf as the arena, it writes the
	// result where it is kept, instead of in the arena for a copy. It only
	// appends, so the results kept before are not written.
	lo := len(s.kwBuf)
	arena := s.buf
	s.buf = s.kwBuf
	out := s.keywords(n)
	s.kwBuf, s.buf = s.buf, arena
	if len(out) > kwMemoMaxResult || len(s.kwBuf) > kwMemoMaxTotal {
		// Too large to keep: the result goes to the arena after all.
		mk := s.mark()
		s.buf = append(s.buf, out...)
		s.kwBuf = s.kwBuf[:lo]
		return s.since(mk)
	}
	return m.set(s.gen, s.kwBuf, lo, len(s.kwBuf))
}

// Bounds of the memo of shared nodes, in matches (parts included), so
// that a long text does not keep every shared node's matches.
const (
	evalMemoMaxResult = 256
	evalMemoMaxTotal  = 1 << 13
)

// memoEval is eval1 with the result of a shared node kept for the text:
// the rules that refer to the same set, or share a clause, evaluate it
// once. The result and the trees of its matches are copied out of the
// arena to s.evBuf, which grows but is never written to where it holds a
// result (see persist). Like those of memoKeywords, results are never
// written to by their users.
func (s *scan) memoEval(n *cnode) []imatch {
	m := &s.evm[n.id]
	if out, ok := m.get(s.gen, s.evBuf); ok {
		return out
	}
	mk := s.mark()
	out := s.eval1(n)
	if s.err != nil || len(out) > evalMemoMaxResult {
		return out
	}
	size := len(out)
	for i := range out {
		size += countParts(&out[i])
	}
	if len(s.evBuf)+size > evalMemoMaxTotal {
		return out
	}
	lo := len(s.evBuf)
	s.persist(out)
	s.buf = s.buf[:mk] // out is copied
	return m.set(s.gen, s.evBuf, lo, lo+len(out))
}

// persist copies ms and the trees of its matches to s.evBuf and returns
// the copy. When s.evBuf grows, the copies made before keep the old array:
// they are never written again.
func (s *scan) persist(ms []imatch) []imatch {
	if len(ms) == 0 {
		return nil
	}
	at := len(s.evBuf)
	s.evBuf = append(s.evBuf, ms...)
	for i := range ms {
		parts := s.persist(ms[i].parts)
		s.evBuf[at+i].parts = parts
	}
	return s.evBuf[at : at+len(ms) : at+len(ms)]
}

// copied returns a copy of ms in the arena, for a caller that changes it.
func (s *scan) copied(ms []imatch) []imatch {
	mk := s.mark()
	s.buf = append(s.buf, ms...)
	return s.since(mk)
}
