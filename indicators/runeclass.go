package indicators

import (
	"slices"
	"unicode/utf8"
)

// runeClass is a set of runes for the native pattern engine: a bitmap for
// ASCII and sorted ranges for the rest.
type runeClass struct {
	ascii  [2]uint64
	ranges []rune // lo, hi pairs, sorted and disjoint, all >= utf8.RuneSelf
	all    []rune // lo, hi pairs of the whole class, for union
	// hanSieve, when hanSparse, is a sieve (see sieve) of the runes of the
	// class in the CJK blocks 2E80–9FFF: Chinese text against \d, or
	// against \d and a few first characters of words, mostly fails it.
	hanSieve  [4]uint64
	hanSparse bool
	// but, when not nil, holds every rune >= utf8.RuneSelf that is not in
	// the class: negations of a few runes, such as [^。！？] or ., are the
	// commonest classes of the catalog's patterns, and a short list is
	// quicker to check than their ranges.
	but []rune
	// sieve, when sparse, has the bit runeHash(r) of every rune r >=
	// utf8.RuneSelf in the class: most runes of a text fail it, without a
	// look at the ranges. Classes of a few Chinese words' first characters
	// are tested at every rune of a text.
	sieve  [4]uint64
	sparse bool
}

// maxSparse is the most runes >= utf8.RuneSelf a class may have to get a
// sieve: with more, too many runes would pass it.
const maxSparse = 48

// runeHash spreads runes over the 256 bits of a sieve.
func runeHash(r rune) uint8 { return uint8(uint32(r) * 2654435761 >> 24) }

// newRuneClass returns the class of the sorted, disjoint lo, hi pairs in
// ranges, as regexp/syntax gives them.
func newRuneClass(ranges []rune) *runeClass {
	c := &runeClass{all: ranges}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			c.ascii[r>>6] |= 1 << (r & 63)
		}
		if hi >= utf8.RuneSelf {
			c.ranges = append(c.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	c.but = c.gaps(maxBut)
	c.sparse = sift(&c.sieve, c.ranges, utf8.RuneSelf, utf8.MaxRune)
	c.hanSparse = sift(&c.hanSieve, c.ranges, hanFirst, hanLast)
	return c
}

// The CJK blocks, where most runes of Chinese text are.
const (
	hanFirst = 0x2E80
	hanLast  = 0x9FFF
)

// sift sets the bit runeHash(r) in sieve of every rune r of the ranges
// between lo and hi, and reports whether there are at most maxSparse.
func sift(sieve *[4]uint64, ranges []rune, lo, hi rune) bool {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(max(0, min(hi, ranges[i+1])-max(lo, ranges[i])+1))
	}
	if n > maxSparse {
		return false
	}
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := max(lo, ranges[i]); r <= min(hi, ranges[i+1]); r++ {
			h := runeHash(r)
			sieve[h>>6] |= 1 << (h & 63)
		}
	}
	return true
}

// maxBut is the most runes a class may lack to be checked by its gaps.
const maxBut = 8

// gaps returns the runes >= utf8.RuneSelf that are not in c, or nil if
// there are none or more than max.
func (c *runeClass) gaps(max int) []rune {
	var out []rune
	next := rune(utf8.RuneSelf) // the first rune not known to be in c
	add := func(lo, hi rune) bool {
		if int(hi-lo+1) > max-len(out) {
			return false
		}
		for r := lo; r <= hi; r++ {
			out = append(out, r)
		}
		return true
	}
	for i := 0; i+1 < len(c.ranges); i += 2 {
		if c.ranges[i] > next && !add(next, c.ranges[i]-1) {
			return nil
		}
		next = c.ranges[i+1] + 1
	}
	if next <= utf8.MaxRune && !add(next, utf8.MaxRune) {
		return nil
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// has reports whether r is in the class; -1 (no rune) never is.
func (c *runeClass) has(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && c.ascii[r>>6]&(1<<(r&63)) != 0
	}
	if c.hanSparse && hanFirst <= r && r <= hanLast {
		if h := runeHash(r); c.hanSieve[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	if c.sparse {
		if h := runeHash(r); c.sieve[h>>6]&(1<<(h&63)) == 0 {
			return false
		}
	}
	if c.but != nil {
		for _, x := range c.but {
			if r == x {
				return false
			}
		}
		return r <= utf8.MaxRune
	}
	rs := c.ranges
	if len(rs) <= 16 {
		for i := 0; i < len(rs); i += 2 {
			if r < rs[i] {
				return false
			}
			if r <= rs[i+1] {
				return true
			}
		}
		return false
	}
	// The first pair whose hi is >= r.
	lo, hi := 0, len(rs)/2
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if rs[2*m+1] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(rs)/2 && rs[2*lo] <= r
}

// union returns the class of the runes of c or d; nil stands for a class
// that admits anything, and absorbs the other.
func (c *runeClass) union(d *runeClass) *runeClass {
	if c == nil || d == nil {
		return nil
	}
	type span struct{ lo, hi rune }
	var spans []span
	for _, x := range [][]rune{c.all, d.all} {
		for i := 0; i+1 < len(x); i += 2 {
			spans = append(spans, span{x[i], x[i+1]})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.lo - b.lo) })
	var out []rune
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.lo <= out[n-1]+1 {
			out[n-1] = max(out[n-1], sp.hi)
			continue
		}
		out = append(out, sp.lo, sp.hi)
	}
	return newRuneClass(out)
}

// leadBytes returns the bytes that can begin the UTF-8 encoding of a rune
// of c, so that a search for where c can match steps over the others a byte
// at a time instead of decoding every rune: Chinese text against a class
// of digits skips whole runes on the first byte. It returns nil when c
// admits anything or has U+FFFD, which decodeRune also returns for a
// continuation byte on its own: then a search must decode at every rune.
func (c *runeClass) leadBytes() *[256]bool {
	if c == nil || c.has(utf8.RuneError) {
		return nil
	}
	var lead [256]bool
	for b := range utf8.RuneSelf {
		lead[b] = c.has(rune(b))
	}
	// The runes a lead byte can begin, a superset where it could also
	// begin an invalid sequence: those decode to U+FFFD, not in c.
	span := func(b int) (lo, hi rune) {
		switch {
		case b < 0xE0:
			lo = rune(b&0x1F) << 6
			return lo, lo | 0x3F
		case b < 0xF0:
			lo = rune(b&0x0F) << 12
			return lo, lo | 0xFFF
		}
		lo = rune(b&0x07) << 18
		return lo, lo | 0x3FFFF
	}
	for b := 0xC2; b <= 0xF4; b++ {
		lo, hi := span(b)
		for i := 0; i+1 < len(c.ranges); i += 2 {
			if c.ranges[i] <= hi && lo <= c.ranges[i+1] {
				lead[b] = true
				break
			}
		}
	}
	return &lead
}
