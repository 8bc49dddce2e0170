package indicators

import "math/bits"

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
func nextDigit(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		if m := digitMask(w); m != 0 {
			return firstSet(i, m)
		}
	}
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	return i
}

// nextDigitOrPlus is nextDigit that also stops at "+".
func nextDigitOrPlus(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		if m := digitMask(w) | byteMask(w, '+'); m != 0 {
			return firstSet(i, m)
		}
	}
	for i < len(s) && !isDigit(s[i]) && s[i] != '+' {
		i++
	}
	return i
}

// nextAlnum returns the index of the first ASCII letter or digit of s at
// or after i, or len(s).
func nextAlnum(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		if m := alnumMask(w); m != 0 {
			return firstSet(i, m)
		}
	}
	for i < len(s) && !isAlnum(s[i]) {
		i++
	}
	return i
}

// nextIDByte returns the index of the first byte of s at or after i that
// may appear in an ID (see isIDByte), or len(s).
func nextIDByte(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		if m := digitMask(w) | lowerMask(w) | byteMask(w, '_') | byteMask(w, '-'); m != 0 {
			return firstSet(i, m)
		}
	}
	for i < len(s) && !isIDByte(s[i]) {
		i++
	}
	return i
}

// nextLowerOrAt returns the index of the first lower-case ASCII letter or
// "@" of s at or after i, or len(s).
func nextLowerOrAt(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		if m := lowerMask(w) | byteMask(w, '@'); m != 0 {
			return firstSet(i, m)
		}
	}
	for i < len(s) && !isLower(s[i]) && s[i] != '@' {
		i++
	}
	return i
}

// nextWalletStart returns the index of the first byte of s at or after i
// that may start a wallet address ("0", "t" or "T"), or len(s).
func nextWalletStart(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		if m := byteMask(w, '0') | byteMask(w|0x2020202020202020, 't'); m != 0 {
			return firstSet(i, m)
		}
	}
	for i < len(s) && s[i] != '0' && s[i] != 't' && s[i] != 'T' {
		i++
	}
	return i
}

// asciiAlnum reports whether s has an ASCII digit and whether it has an
// ASCII letter.
func asciiAlnum(s string) (digit, letter bool) {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w, ok := load8(s, i)
		if !ok {
			continue
		}
		digit = digit || digitMask(w) != 0
		letter = letter || lowerMask(w|0x2020202020202020) != 0
		if digit && letter {
			return true, true
		}
	}
	for ; i < len(s); i++ {
		digit = digit || isDigit(s[i])
		letter = letter || isLetter(s[i])
	}
	return digit, letter
}

func isLetter(b byte) bool { return isLower(b | 0x20) }
