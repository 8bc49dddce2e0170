// Package ahocorasick finds every occurrence of a fixed set of byte strings
// in one pass over a text.
//
// The Matcher is a deterministic automaton over byte equivalence classes:
// every byte that occurs in some pattern has its own class, all other bytes
// share one. Each state has a dense row of transitions, so matching costs
// one table load per input byte, whatever the number of patterns. Patterns
// that end at a state are found through precomputed output and dictionary
// links, so reporting a hit never walks failure links.
//
// Each step waits for the table load of the step before, which for a large
// pattern set mostly misses L1: one automaton on a text is bound by the
// latency of the caches, not by the number of instructions. So texts of
// some length are cut into four segments scanned by four automata at once,
// whose loads overlap; the automata that start in the middle of the text
// are in step with the true state a few bytes in, and the bytes before
// are scanned again from the true state (see findAll4).
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
	// that end exactly at s are pats[outs[i].start:outs[i+1].start], and
	// outs[i].dict is 1 + the output index of the nearest output state on
	// the failure chain of s, or 0 if there is none. (outs has a last
	// entry that only ends the patterns of the last output state.) What
	// emit needs of an output state sits together, in two places at most.
	outs []outState
	pats []patEnd

	// depth is the length of the trie path of each state, or depthUnknown
	// if it is that or more; findAll4 uses it to find where a stream that
	// started in the middle of the text is right.
	depth []uint8
}

// An outState is what emit needs to know of an output state.
type outState struct {
	start int32  // index in Matcher.pats of its first pattern
	dict  uint32 // 1 + the output index of the next output state, or 0
}

// A patEnd is a pattern that ends at an output state: its ID and length.
type patEnd struct{ id, len int32 }

// depthUnknown marks the depths that do not fit in Matcher.depth.
const depthUnknown = math.MaxUint8

// New builds a Matcher for patterns; pattern i has ID i. Empty patterns are
// ignored. Duplicate patterns are allowed: each is reported under its own ID.
func New(patterns []string) *Matcher {
	m := &Matcher{n: len(patterns)}

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
		i := 0
		for len(text)-i >= splitMin {
			n := len(text) - i
			if n >= chunkLen+splitMin {
				n = chunkLen
			}
			dst, s = m.findAll4(text[i:i+n], i, s, dst, maxPend)
			i += n
		}
		off := &m.colOff
		for ; i < len(text); i++ {
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

// splitMin is the shortest text that FindAll scans in several streams:
// below, the streams would be short and their fix-ups a large part.
const splitMin = 64

// chunkLen is the length of the pieces a long text is scanned in, four
// streams at a time, so that a stream's hits usually fit in its buffer.
const chunkLen = 512

// A segment of findAll4 is shorter than depthUnknown, so that a state whose
// depth Matcher.depth does not hold is never taken to be in step.
var _ [depthUnknown - (chunkLen+splitMin)/4]struct{}

// maxPend is the number of hits each stream of findAll4 can hold back:
// enough for chat messages full of keywords. A power of two, see findAll4.
const maxPend = 32

// An event is an output state reached by a stream of findAll4, waiting to
// be emitted: the state and the index of the byte in the stream's segment.
type event struct{ s, i uint32 }

// findAll4 is FindAll on a 16-bit table for a text that starts at byte
// base of the whole, in which the automaton is in state w before it; it
// also returns the state after the text. FindAll gives it pieces of at
// least splitMin and less than chunkLen+splitMin bytes.
//
// Each step of the automaton waits for the load of the step before, which
// for a large pattern set mostly misses L1; so findAll4 splits the text
// into four segments and runs one automaton on each, interleaved, so that
// their loads overlap. The first starts in state w; the others from the
// root, since they do not know the text before their segment, so their
// state is wrong until the true state, that of the text up to there, has a
// depth of at most p-b at a position p, b being the start of the segment:
// both are then the longest suffix of text[b:p] that is a trie path. After
// the interleaved scan, each segment in turn is fixed up: the true state,
// coming from the segment before, is advanced, emitting hits, until the
// two agree, which takes at most as many bytes as the longest pattern has
// and usually a rune or two; from there on the stream's hits are right.
//
// In the interleaved scan the streams record the output states they reach
// in buffers of room events (at most maxPend), without a branch: a
// mispredicted one would cancel the loads in flight. When a buffer fills
// up, the interleaved scan stops and the segments are finished one after
// the other.
func (m *Matcher) findAll4(text string, base int, w uint32, dst []Hit, room int) ([]Hit, uint32) {
	tr, off, first := m.trans16, &m.colOff, m.firstOut
	h := len(text) / 4
	a, b, c, d := text[:h], text[h:2*h], text[2*h:3*h], text[3*h:4*h]
	b, c, d = b[:len(a)], c[:len(a)], d[:len(a)] // spares the loop bounds checks
	var pend [4][maxPend]event
	var n [4]int // the number of events in each buffer
	sa, sb, sc, sd := w, uint32(0), uint32(0), uint32(0)
	i := 0
	for {
		// Each step adds at most one event to each buffer, and writes one
		// past the last (so the index must stay in bounds, whence the
		// mask, which also spares a bounds check).
		lim := min(len(a), i+room-max(n[0], n[1], n[2], n[3]))
		if lim <= i {
			break
		}
		na, nb, nc, nd := n[0], n[1], n[2], n[3]
		a, b, c, d := a[:lim], b[:lim], c[:lim], d[:lim]
		for ; i < len(a); i++ {
			sa = uint32(tr[off[a[i]]+sa])
			sb = uint32(tr[off[b[i]]+sb])
			sc = uint32(tr[off[c[i]]+sc])
			sd = uint32(tr[off[d[i]]+sd])
			// (first-1-s)>>31 is 1 if s >= first, else 0: s < 1<<16 and first >= 1.
			pend[0][na&(maxPend-1)] = event{sa, uint32(i)}
			na += int((first - 1 - sa) >> 31)
			pend[1][nb&(maxPend-1)] = event{sb, uint32(i)}
			nb += int((first - 1 - sb) >> 31)
			pend[2][nc&(maxPend-1)] = event{sc, uint32(i)}
			nc += int((first - 1 - sc) >> 31)
			pend[3][nd&(maxPend-1)] = event{sd, uint32(i)}
			nd += int((first - 1 - sd) >> 31)
		}
		n = [4]int{na, nb, nc, nd}
	}

	// Finish the segments in order; w is the true state at p.
	states := [4]uint32{sa, sb, sc, sd}
	p := 0
	for j := range 4 {
		start, end := j*h, (j+1)*h
		if j == 3 {
			end = len(text)
		}
		for {
			if j == 0 || int(m.depth[w]) <= p-start {
				// In step with the stream: take over its hits and its
				// state.
				for _, e := range pend[j][:n[j]] {
					if end := start + int(e.i) + 1; end > p {
						dst = m.emit(dst, e.s-first, int32(base+end))
					}
				}
				w, p = states[j], start+i
				break
			}
			if p == start+i {
				break // past what the stream scanned: go on alone
			}
			w = uint32(tr[off[text[p]]+w])
			p++
			if w >= first {
				dst = m.emit(dst, w-first, int32(base+p))
			}
		}
		for ; p < end; p++ {
			w = uint32(tr[off[text[p]]+w])
			if w >= first {
				dst = m.emit(dst, w-first, int32(base+p+1))
			}
		}
	}
	return dst, w
}

// emit appends the hits of the output state with output index o ending at
// end: those of the state itself, then those of its dictionary chain, each
// shorter than the one before.
func (m *Matcher) emit(dst []Hit, o uint32, end int32) []Hit {
	for {
		r := m.outs[o]
		for _, p := range m.pats[r.start:m.outs[o+1].start] {
			dst = append(dst, Hit{Pattern: p.id, Start: end - p.len, End: end})
		}
		if r.dict == 0 {
			return dst
		}
		o = r.dict - 1
	}
}

// MemoryBytes returns an estimate of the memory the Matcher holds, for
// benchmarks and capacity planning.
func (m *Matcher) MemoryBytes() int {
	return 2*len(m.trans16) + 4*len(m.trans32) + len(m.depth) +
		8*(len(m.outs)+len(m.pats)) + 256 + 4*256 + 64
}
