// Package ahocorasick finds every occurrence of a fixed set of byte strings
// in one pass over a text.
//
// The Matcher is a deterministic automaton over byte equivalence classes:
// every byte that occurs in some pattern has its own class, all other bytes
// share one. Each state has a dense row of transitions, so matching costs
// one table load per input byte, whatever the number of patterns. Patterns
// that end at a state are found through precomputed output and dictionary
// links, so reporting a hit never walks failure links. Texts of some length
// are scanned as two interleaved halves, so that the table loads, which
// for a large pattern set mostly miss the caches, overlap.
package ahocorasick

import "math"

// Hit is one occurrence of a pattern: its ID and the byte span [Start, End)
// of the text it occupies.
type Hit struct {
	Pattern, Start, End int32
}

// Matcher finds all occurrences of a fixed set of byte-string patterns. A
// Matcher is immutable and safe for concurrent use.
type Matcher struct {
	n      int        // number of patterns given to New
	maxLen int        // length of the longest pattern
	class  [256]uint8 // byte → equivalence class; 0 is "in no pattern"
	stride int        // number of classes: the length of a row

	// The transitions are stored column by column: the target of state s
	// on class c is at index c*states + s. A byte's column offset comes
	// from colOff, so the inner loop adds the state to it and loads, with
	// no multiplication; and since the states are numbered breadth first,
	// the transitions of the shallow states, which most bytes of a text
	// take, share cache lines. Up to 1<<16 states the entries are 16 bits
	// wide (trans16, halving the table); beyond, 32 (trans32).
	states  uint32
	colOff  [256]uint32 // class[b]*states, if trans16 is used
	trans16 []uint16
	trans32 []uint32

	// States are numbered so that those that report something come last:
	// state s reports a hit if and only if s >= firstOut. That keeps the
	// inner loop down to one load and one compare per byte.
	firstOut uint32

	// Output state s has the output index i = s-firstOut. The patterns
	// that end exactly at s are outIDs[outStart[i]:outStart[i+1]], and
	// dict[i] is 1 + the output index of the nearest output state on the
	// failure chain of s, or 0 if there is none.
	outStart []int32
	outIDs   []int32
	dict     []uint32

	patLen []int32 // length in bytes of each pattern, by ID
}

// New builds a Matcher for patterns; pattern i has ID i. Empty patterns are
// ignored. Duplicate patterns are allowed: each is reported under its own ID.
func New(patterns []string) *Matcher {
	m := &Matcher{n: len(patterns), patLen: make([]int32, len(patterns))}

	// Byte classes: numbered in byte order, so that the result does not
	// depend on the order of the patterns.
	var seen [256]bool
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			seen[p[i]] = true
		}
	}
	stride := 1
	for b := range seen {
		if seen[b] {
			m.class[b] = uint8(stride) // wraps to 0 only if all 256 bytes occur; see below
			stride++
		}
	}
	if stride == 257 {
		// Every byte occurs in some pattern: no "other" class is needed.
		for b := range m.class {
			m.class[b] = uint8(b)
		}
		stride = 256
	}
	m.stride = stride

	maxStates := 1
	for _, p := range patterns {
		maxStates += len(p)
	}
	b := newBuilder(stride, maxStates)
	for id, p := range patterns {
		if len(p) > math.MaxInt32 {
			continue
		}
		if p == "" {
			continue
		}
		m.patLen[id] = int32(len(p))
		m.maxLen = max(m.maxLen, len(p))
		b.add(m, id, p)
	}
	b.finish(m)
	return m
}

// Len returns the number of patterns the Matcher was built with, empty ones
// included.
func (m *Matcher) Len() int { return m.n }

// FindAll appends every occurrence of every pattern in text to dst,
// overlapping occurrences included, and returns the extended slice. Hits are
// ordered by End; hits with the same End by Start ascending (the longest
// first); hits with the same span by pattern ID. FindAll allocates only when
// dst must grow. Only the first math.MaxInt32 bytes of text are searched.
func (m *Matcher) FindAll(text string, dst []Hit) []Hit {
	if len(text) > math.MaxInt32 {
		text = text[:math.MaxInt32]
	}
	var s uint32
	first := m.firstOut
	if tr := m.trans16; tr != nil {
		if len(text) >= splitMin && len(text) >= 4*m.maxLen {
			var pend [32]event
			return m.findAll2(text, dst, pend[:0])
		}
		off := &m.colOff
		for i := 0; i < len(text); i++ {
			s = uint32(tr[off[text[i]]+s])
			if s >= first {
				dst = m.emit(dst, s-first, int32(i+1))
			}
		}
		return dst
	}
	tr, n := m.trans32, uint64(m.states)
	for i := 0; i < len(text); i++ {
		s = tr[uint64(m.class[text[i]])*n+uint64(s)]
		if s >= first {
			dst = m.emit(dst, s-first, int32(i+1))
		}
	}
	return dst
}

// splitMin is the shortest text that FindAll scans in two streams: below,
// the streams would be short and the maxLen bytes they share a large part.
const splitMin = 64

// An event is a hit of the second stream of findAll2 waiting to be emitted:
// the output index of the state and the end of the hits.
type event struct{ o, end uint32 }

// findAll2 is FindAll on a 16-bit table for a text of at least maxLen
// bytes. Each step of the automaton waits for the load of the step before,
// which for a table larger than the caches is mostly a miss; so it runs
// two automata on the two halves of the text, interleaved, whose loads
// overlap. The state after a byte depends only on the last maxLen bytes
// (no trie path is longer), so the second automaton starts from the root
// maxLen bytes before the middle and reports only hits that end after it.
// Its hits must follow all those of the first, so it records them in pend
// (an empty slice with room) until the first is done; if pend fills up, the
// first finishes alone and the second goes on after it.
func (m *Matcher) findAll2(text string, dst []Hit, pend []event) []Hit {
	tr, off, first := m.trans16, &m.colOff, m.firstOut
	// The first scans text[:mid], the second text[lo:], as long or one byte
	// shorter.
	mid := (len(text) + m.maxLen + 1) / 2
	lo := mid - m.maxLen
	a, b := text[:mid], text[lo:]
	skip := m.maxLen // the second reports hits ending after b[skip-1]
	var sa, sb uint32
	k := 0
	for ; k < len(b); k++ {
		if len(pend) == cap(pend) {
			break
		}
		sa = uint32(tr[off[a[k]]+sa])
		sb = uint32(tr[off[b[k]]+sb])
		if sa >= first {
			dst = m.emit(dst, sa-first, int32(k+1))
		}
		if sb >= first && k >= skip {
			pend = append(pend, event{sb - first, uint32(lo + k + 1)})
		}
	}
	for i := k; i < len(a); i++ {
		sa = uint32(tr[off[a[i]]+sa])
		if sa >= first {
			dst = m.emit(dst, sa-first, int32(i+1))
		}
	}
	for _, e := range pend {
		dst = m.emit(dst, e.o, int32(e.end))
	}
	for ; k < len(b); k++ {
		sb = uint32(tr[off[b[k]]+sb])
		if sb >= first {
			dst = m.emit(dst, sb-first, int32(lo+k+1))
		}
	}
	return dst
}

// emit appends the hits of the output state with output index o ending at
// end: those of the state itself, then those of its dictionary chain, each
// shorter than the one before.
func (m *Matcher) emit(dst []Hit, o uint32, end int32) []Hit {
	for {
		for _, id := range m.outIDs[m.outStart[o]:m.outStart[o+1]] {
			dst = append(dst, Hit{Pattern: id, Start: end - m.patLen[id], End: end})
		}
		next := m.dict[o]
		if next == 0 {
			return dst
		}
		o = next - 1
	}
}

// MemoryBytes returns an estimate of the memory the Matcher holds, for
// benchmarks and capacity planning.
func (m *Matcher) MemoryBytes() int {
	return 2*len(m.trans16) + 4*len(m.trans32) +
		4*(len(m.outStart)+len(m.outIDs)+len(m.dict)+len(m.patLen)) + 256 + 4*256 + 64
}
