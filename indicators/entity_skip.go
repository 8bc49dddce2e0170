package indicators

import (
	"math/bits"
	"slices"
	"unicode/utf8"
)

// Word-at-a-time searches for the bytes a scanner acts on. Each scanner
// steps over everything else: Chinese text, and for the number scanners
// also Latin words, which make up most of the text. They compare eight
// bytes at once with the "has a byte between m and n" test of Bit
// Twiddling Hacks, which is exact for every byte (no carry crosses a byte)
// so the lowest set bit is the first byte wanted.

const (
	ones  = 0x0101010101010101
	low7  = 0x7f7f7f7f7f7f7f7f
	highs = 0x8080808080808080
)

// load8 returns the eight bytes of s at i as a little-endian word, or
// ok == false when the eight are all non-ASCII: Chinese text is skipped
// with one test. The compiler makes the bytes one load, with one bounds
// check.
func load8(s string, i int) (w uint64, ok bool) {
	b := s[i : i+8]
	w = uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	return w, w&highs != highs
}

// inRange returns a word with the high bit of byte k set exactly when byte
// k of w is an ASCII byte from lo to hi (lo ≥ 1, hi ≤ 126).
func inRange(w uint64, lo, hi byte) uint64 {
	a := w & low7
	return (ones*(uint64(hi)+128) - a) & (a + ones*(128-uint64(lo))) &^ w & highs
}

// firstSet returns i plus the index of the first byte whose high bit is set
// in m, which is not zero.
func firstSet(i int, m uint64) int { return i + bits.TrailingZeros64(m)/8 }

func digitMask(w uint64) uint64 { return inRange(w, '0', '9') }

func lowerMask(w uint64) uint64 { return inRange(w, 'a', 'z') }

// alnumMask folds case first: only 'A'–'Z' and 'a'–'z' land in 'a'–'z'.
func alnumMask(w uint64) uint64 { return digitMask(w) | lowerMask(w|0x2020202020202020) }

func byteMask(w uint64, b byte) uint64 { return inRange(w, b, b) }

// nextDigit returns the index of the first ASCII digit of s at or after
// i, or len(s).
func (x *entityText) nextDigit(i int) int {
	s := x.s
	for i+8 <= len(s) {
		w, ok := load8(s, i)
		if !ok {
			i = x.nextASCII(i + 8)
			continue
		}
		if m := digitMask(w); m != 0 {
			return firstSet(i, m)
		}
		i += 8
	}
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	return i
}

// nextDigitOrPlus is nextDigit that also stops at "+".
func (x *entityText) nextDigitOrPlus(i int) int {
	s := x.s
	for i+8 <= len(s) {
		w, ok := load8(s, i)
		if !ok {
			i = x.nextASCII(i + 8)
			continue
		}
		if m := digitMask(w) | byteMask(w, '+'); m != 0 {
			return firstSet(i, m)
		}
		i += 8
	}
	for i < len(s) && !isDigit(s[i]) && s[i] != '+' {
		i++
	}
	return i
}

// nextAlnum returns the index of the first ASCII letter or digit of s at
// or after i, or len(s).
func (x *entityText) nextAlnum(i int) int {
	s := x.s
	for i+8 <= len(s) {
		w, ok := load8(s, i)
		if !ok {
			i = x.nextASCII(i + 8)
			continue
		}
		if m := alnumMask(w); m != 0 {
			return firstSet(i, m)
		}
		i += 8
	}
	for i < len(s) && !isAlnum(s[i]) {
		i++
	}
	return i
}

// nextIDByte returns the index of the first byte of s at or after i that
// may appear in an ID (see isIDByte), or len(s).
func (x *entityText) nextIDByte(i int) int {
	s := x.s
	for i+8 <= len(s) {
		w, ok := load8(s, i)
		if !ok {
			i = x.nextASCII(i + 8)
			continue
		}
		if m := digitMask(w) | lowerMask(w) | byteMask(w, '_') | byteMask(w, '-'); m != 0 {
			return firstSet(i, m)
		}
		i += 8
	}
	for i < len(s) && !isIDByte(s[i]) {
		i++
	}
	return i
}

// nextLowerOrAt returns the index of the first lower-case ASCII letter or
// "@" of s at or after i, or len(s).
func (x *entityText) nextLowerOrAt(i int) int {
	s := x.s
	for i+8 <= len(s) {
		w, ok := load8(s, i)
		if !ok {
			i = x.nextASCII(i + 8)
			continue
		}
		if m := lowerMask(w) | byteMask(w, '@'); m != 0 {
			return firstSet(i, m)
		}
		i += 8
	}
	for i < len(s) && !isLower(s[i]) && s[i] != '@' {
		i++
	}
	return i
}

// nextWalletStart returns the index of the first byte of s at or after i
// that may start a wallet address ("0", "t" or "T"), or len(s).
func (x *entityText) nextWalletStart(i int) int {
	s := x.s
	for i+8 <= len(s) {
		w, ok := load8(s, i)
		if !ok {
			i = x.nextASCII(i + 8)
			continue
		}
		if m := byteMask(w, '0') | byteMask(w|0x2020202020202020, 't'); m != 0 {
			return firstSet(i, m)
		}
		i += 8
	}
	for i < len(s) && s[i] != '0' && s[i] != 't' && s[i] != 'T' {
		i++
	}
	return i
}

func isLetter(b byte) bool { return isLower(b | 0x20) }

// asciiBitmap returns the bitmap of the ASCII bytes of s (see
// entityText.ascii), in buf emptied and grown as needed, and whether s has
// an ASCII digit and whether it has an ASCII letter. Thirty-two bytes of
// Chinese text cost one test.
func asciiBitmap(s string, buf []uint64) (bm []uint64, digit, letter bool) {
	n := (len(s) + 63) / 64
	bm = slices.Grow(buf[:0], n)[:n]
	clear(bm)
	if len(s) < 16 {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < utf8.RuneSelf {
				bm[0] |= 1 << i
				digit = digit || isDigit(c)
				letter = letter || isLetter(c)
			}
		}
		return bm, digit, letter
	}
	var d, l uint64
	for i := 0; ; i += 16 {
		if i+32 <= len(s) {
			a, _ := load8(s, i)
			b, _ := load8(s, i+8)
			c, _ := load8(s, i+16)
			e, _ := load8(s, i+24)
			if a&b&c&e&highs == highs {
				i += 16
				continue
			}
		}
		// Blocks of sixteen bytes, the last one overlapping the one
		// before so that no byte is left over: setting a bit or a class
		// twice changes nothing.
		last := i+16 >= len(s)
		if last {
			i = len(s) - 16
		}
		a, _ := load8(s, i)
		b, _ := load8(s, i+8)
		if a&b&highs != highs {
			// gather moves the high bit of byte k to bit 56+k: no two
			// partial products of the multiplication share a bit.
			const gather = 0x0002040810204081
			m := (^a&highs)*gather>>56 | (^b&highs)*gather>>56<<8
			bm[i/64] |= m << (i & 63)
			if i&63 > 48 {
				bm[i/64+1] |= m >> (64 - i&63)
			}
			d |= digitMask(a) | digitMask(b)
			l |= lowerMask(a|0x2020202020202020) | lowerMask(b|0x2020202020202020)
		}
		if last {
			return bm, d != 0, l != 0
		}
	}
}

// nextASCII returns the index of the first ASCII byte of x.s at or after
// i, or len(x.s).
func (x *entityText) nextASCII(i int) int {
	k := i / 64
	if k >= len(x.ascii) {
		return len(x.s)
	}
	if m := x.ascii[k] >> (i & 63); m != 0 {
		return i + bits.TrailingZeros64(m)
	}
	for k++; k < len(x.ascii); k++ {
		if m := x.ascii[k]; m != 0 {
			return k*64 + bits.TrailingZeros64(m)
		}
	}
	return len(x.s)
}
