// Package ahocorasick finds every occurrence of a fixed set of byte strings
// in one pass over a text.
//
// The Matcher is a deterministic automaton over byte equivalence classes:
// every byte that occurs in some pattern has its own class, all other bytes
// share one. Each state has a dense row of transitions, so matching costs
// one table load per input byte, whatever the number of patterns. Patterns
// that end at a state are found through precomputed output and dictionary
// links, so reporting a hit never walks failure links.
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
	class  [256]uint8 // byte → equivalence class; 0 is "in no pattern"
	stride int        // number of classes: the length of a row

	// trans holds one row of stride transitions per state. If premul is
	// set, as it is unless the table has more than 1<<32 entries, an entry
	// holds the target state times stride, the offset of its row, which
	// saves a multiplication on the critical path of the inner loop;
	// otherwise it holds the target state.
	trans  []uint32
	premul bool

	// States are numbered so that those that report something come last:
	// state s reports a hit if and only if s >= firstOut. That keeps the
	// inner loop down to one load and one compare per byte.
	firstOut uint32
	// recip is ⌈2³²/stride⌉: for a multiple x of stride below 2³², x/stride
	// is (x*recip)>>32, which spares a division per hit.
	recip uint64

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
		m.patLen[id] = int32(len(p))
		if p == "" {
			continue
		}
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
	stride := uint32(m.stride)
	class := &m.class
	tr := m.trans
	var s uint32
	if m.premul {
		first := m.firstOut * stride
		for i := 0; i < len(text); i++ {
			s = tr[s+uint32(class[text[i]])]
			if s >= first {
				dst = m.emit(dst, uint32((uint64(s-first)*m.recip)>>32), int32(i+1))
			}
		}
		return dst
	}
	first := m.firstOut
	for i := 0; i < len(text); i++ {
		s = tr[s*stride+uint32(class[text[i]])]
		if s >= first {
			dst = m.emit(dst, s-first, int32(i+1))
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
	return 4*len(m.trans) +
		4*(len(m.outStart)+len(m.outIDs)+len(m.dict)+len(m.patLen)) + 256 + 64
}
