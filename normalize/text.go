package normalize

import "unicode/utf8"

// Text is the result of normalizing a string: the original, the normalized
// form, and a map from every normalized byte range back to the bytes of the
// original that produced it. A Text is immutable and safe for concurrent use.
// The zero Text is the normalization of "".
type Text struct {
	original   string
	normalized string
	// m is nil when normalized is original (nothing changed). Otherwise
	// it holds triples (offset, source, kind), sorted by offset, for the
	// normalized runes where the map from normalized to original bytes
	// does not simply go on:
	//
	//	offset  the byte offset of the normalized rune
	//	source  the byte offset of the original rune that produced it
	//	kind    its Kind, or 0
	//
	// There is a triple for every rune with a nonzero Kind, and for every
	// rune whose source is not the source of the rune before it plus the
	// normalized length of that rune (for the first rune: not 0). Every
	// other rune was copied on from the rune before it, so its source is
	// the source of the last triple before it plus the distance from that
	// triple's offset, or its own offset if there is no triple before it.
	// Most runes of a message are copied, so this is much smaller than an
	// offset per rune, and needs no index to find the rune at an offset.
	//
	// A kind of Invisible or Separator means that such characters were
	// removed just before the rune; the other kinds describe the rune
	// itself.
	m []int32
}

// removedBefore are the kinds a rune records about the characters removed
// before it, rather than about itself.
const removedBefore = Invisible | Separator

// Original returns the string that was normalized.
func (t Text) Original() string { return t.original }

// Normalized returns the normalized string.
func (t Text) Normalized() string { return t.normalized }

// String returns the normalized string.
func (t Text) String() string { return t.normalized }

// Len returns the length in bytes of the normalized string.
func (t Text) Len() int { return len(t.normalized) }

// Changed reports whether the normalized string differs from the original.
func (t Text) Changed() bool { return t.m != nil }

// Span maps the normalized byte range [start, end) to the byte range of the
// original that produced it. start and end are clamped to [0, len(normalized)]
// and moved outwards to rune boundaries. The result lies on rune boundaries of
// the original, covers every original byte that produced a rune in the range
// (including separators and invisible characters removed between them, but
// not those before the first or after the last), and is empty only when the
// range is. Original()[ostart:oend] is the evidence a user should see.
//
// An empty range maps to the empty range at the start of the original
// rune that produced the rune at start, or at the end of the original
// rune that produced the last rune if start is the end.
func (t Text) Span(start, end int) (ostart, oend int) {
	// As in SpanKinds, the work is done on the fields rather than through
	// the helpers that take the Text by value and copy it at every call.
	norm, m := t.normalized, t.m
	if !isRange(norm, start, end) {
		start, end = t.align(start, end)
		if m != nil && start == end {
			return t.emptySpan(start)
		}
	}
	if m == nil {
		return start, end
	}
	// k is the number of triples at or before start; those at or before
	// the last rune's start are at least as many, so that search begins
	// at k.
	k := triplesBefore(m, start+1, 0)
	ostart = start
	if k > 0 {
		ostart += int(m[3*k-2]) - int(m[3*k-3])
	}
	last := end - 1
	for last > 0 && !utf8.RuneStart(norm[last]) {
		last--
	}
	k = triplesBefore(m, last+1, k)
	p := last
	if k > 0 {
		p += int(m[3*k-2]) - int(m[3*k-3])
	}
	_, n := utf8.DecodeRuneInString(t.original[p:])
	return ostart, p + n
}

// isRange reports whether [start, end) is a non-empty range of s on rune
// boundaries, as the ranges of matches are, so that align would leave it
// as it is.
func isRange(s string, start, end int) bool {
	return 0 <= start && start < end && end <= len(s) && utf8.RuneStart(s[start]) && (end == len(s) || utf8.RuneStart(s[end]))
}

// emptySpan is Span of the empty range at start, a rune boundary of a
// changed text.
func (t Text) emptySpan(start int) (ostart, oend int) {
	if start < len(t.normalized) {
		p := t.source(start)
		return p, p
	}
	if start == 0 {
		return 0, 0
	}
	_, p := t.runeSource(t.runeStart(start - 1))
	return p, p
}

// SpanKinds returns Span(start, end) and Kinds(start, end) together, for
// a caller that needs both, as an explanation does for each of its leaves:
// the walk over the range's changed runes that Kinds makes also finds the
// triples Span needs, so the pair costs one search instead of three.
func (t Text) SpanKinds(start, end int) (ostart, oend int, kinds Kind) {
	// The work is done on the fields: the helpers that take the Text by
	// value copy it at every call, which costs more here than the rest.
	norm, m := t.normalized, t.m
	if !isRange(norm, start, end) {
		start, end = t.align(start, end)
	}
	if m == nil {
		return start, end, 0
	}
	if start == end {
		ostart, oend = t.emptySpan(start)
		return ostart, oend, 0
	}
	// i is the first triple at or after start; every triple before end is
	// at or before the last rune's start, so the walk to end also finds
	// the last triple at most that start.
	i := 3 * triplesBefore(m, start, 0)
	if i < len(m) && int(m[i]) == start {
		kinds = Kind(m[i+2]) &^ removedBefore
		i += 3
	}
	ostart = start
	if i > 0 { // the source of start is that of the last triple at most start
		ostart += int(m[i-2]) - int(m[i-3])
	}
	for ; i < len(m) && int(m[i]) < end; i += 3 {
		kinds |= Kind(m[i+2])
	}
	last := end - 1
	for last > 0 && !utf8.RuneStart(norm[last]) {
		last--
	}
	p := last
	if i > 0 {
		p += int(m[i-2]) - int(m[i-3])
	}
	_, n := utf8.DecodeRuneInString(t.original[p:])
	return ostart, p + n, kinds
}

// SourceRune returns the byte range of the original rune that produced the
// normalized rune containing byte i; i is clamped to the normalized string.
// It returns (0, 0) for an empty normalized string.
func (t Text) SourceRune(i int) (ostart, oend int) {
	if len(t.normalized) == 0 {
		return 0, 0
	}
	i = min(max(i, 0), len(t.normalized)-1)
	if t.m == nil {
		return t.align(i, i+1)
	}
	return t.runeSource(t.runeStart(i))
}

// runeStart returns the start of the normalized rune containing byte i.
func (t Text) runeStart(i int) int {
	for i > 0 && !utf8.RuneStart(t.normalized[i]) {
		i--
	}
	return i
}

// upTo returns the number of triples of a changed text whose offset is
// at most i, given that at least lo are.
func (t Text) upTo(i, lo int) int { return triplesBefore(t.m, i+1, lo) }

// triplesBefore returns the number of triples of m whose offset is less
// than i, given that at least lo are. It takes the triples rather than the
// Text, which callers on the hot path would copy.
func triplesBefore(m []int32, i, lo int) int {
	hi := len(m) / 3
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if int(m[3*h]) < i {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// source returns the offset of the original rune that produced the
// normalized rune starting at byte i of a changed text.
func (t Text) source(i int) int { return t.sourceBy(t.upTo(i, 0), i) }

// sourceBy is source given k, the number of triples whose offset is at
// most i.
func (t Text) sourceBy(k, i int) int {
	if k == 0 {
		return i
	}
	k = 3 * (k - 1)
	return int(t.m[k+1]) + i - int(t.m[k])
}

// runeSource returns the original rune that produced the normalized rune
// starting at byte i of a changed text.
func (t Text) runeSource(i int) (int, int) {
	p := t.source(i)
	_, n := utf8.DecodeRuneInString(t.original[p:])
	return p, p + n
}

// Kinds returns the kinds of change that produced the normalized range
// [start, end): the changes to the runes in it, and the characters removed
// between them (not before the first or after the last).
func (t Text) Kinds(start, end int) Kind {
	// As in SpanKinds, the work is done on the fields.
	norm, m := t.normalized, t.m
	if m == nil {
		return 0
	}
	if !isRange(norm, start, end) {
		if start, end = t.align(start, end); start == end {
			return 0
		}
	}
	// i is the first triple at or after start: only it can be at start,
	// where the characters removed before the range do not count.
	var k Kind
	i := 3 * triplesBefore(m, start, 0)
	if i < len(m) && int(m[i]) == start {
		k = Kind(m[i+2]) &^ removedBefore
		i += 3
	}
	for ; i < len(m) && int(m[i]) < end; i += 3 {
		k |= Kind(m[i+2])
	}
	return k
}

// align clamps [start, end) to the normalized string and moves it outwards
// to rune boundaries.
func (t Text) align(start, end int) (int, int) {
	start, end = clampRange(start, end, len(t.normalized))
	s := t.normalized
	empty := start == end
	for start > 0 && start < len(s) && !utf8.RuneStart(s[start]) {
		start--
	}
	if empty {
		return start, start
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return start, end
}

func clampRange(start, end, n int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > n {
		end = n
	}
	if start > end {
		start = end
	}
	return start, end
}
