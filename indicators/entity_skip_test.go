package indicators

import (
	"strings"
	"testing"
)

// TestNextByte checks the word-at-a-time searches against byte-by-byte
// ones on texts that put every ASCII byte and some non-ASCII bytes at every
// offset of a word.
func TestNextByte(t *testing.T) {
	var all strings.Builder
	for b := range 256 {
		all.WriteByte(byte(b))
	}
	long := strings.Repeat("中文", 20)
	texts := []string{"", "a", "中文中文中文中文", "中文中文中文中文x1", "abc\xff\xfe0+", all.String(),
		long + "x1" + long + "+-_@0t" + long, long + long + "9"}
	for b := range 256 {
		// The byte at every position of a word, among bytes no search wants.
		for at := range 17 {
			s := []byte(strings.Repeat("\x80 ", 9))
			s[at] = byte(b)
			texts = append(texts, string(s))
		}
	}
	for _, tt := range []struct {
		name string
		next func(*entityText, int) int
		want func(byte) bool
	}{
		{"nextDigit", (*entityText).nextDigit, isDigit},
		{"nextDigitOrPlus", (*entityText).nextDigitOrPlus, func(b byte) bool { return isDigit(b) || b == '+' }},
		{"nextAlnum", (*entityText).nextAlnum, isAlnum},
		{"nextIDByte", (*entityText).nextIDByte, isIDByte},
		{"nextLowerOrAt", (*entityText).nextLowerOrAt, func(b byte) bool { return isLower(b) || b == '@' }},
		{"nextWalletStart", (*entityText).nextWalletStart, func(b byte) bool { return b == '0' || b == 't' || b == 'T' }},
	} {
		for _, s := range texts {
			bm, _, _ := asciiBitmap(s, nil)
			x := entityText{s: s, ascii: bm}
			for i := 0; i <= len(s); i++ {
				want := i
				for want < len(s) && !tt.want(s[want]) {
					want++
				}
				if got := tt.next(&x, i); got != want {
					t.Fatalf("%s(%q, %d) = %d, want %d", tt.name, s, i, got, want)
				}
			}
		}
	}
}

// TestNextASCII checks the ASCII bitmap and nextASCII against a
// byte-by-byte search, with an ASCII byte at every offset of two bitmap
// words, on texts that end at every offset of a word.
func TestNextASCII(t *testing.T) {
	texts := []string{"", "a", "中", strings.Repeat("中文", 50)}
	for at := range 130 {
		for _, n := range []int{at + 1, at + 7, 130, 200} {
			s := []byte(strings.Repeat("\x80", n))
			s[at] = 'x'
			texts = append(texts, string(s))
		}
	}
	// A bitmap buffer with stale bits must not leak them.
	stale := []uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
	for _, s := range texts {
		bm, _, _ := asciiBitmap(s, stale)
		x := entityText{s: s, ascii: bm}
		for i := 0; i <= len(s)+1; i++ {
			want := min(i, len(s))
			for want < len(s) && s[want] >= 0x80 {
				want++
			}
			if got := x.nextASCII(i); got != want {
				t.Fatalf("nextASCII(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

// TestASCIIAlnum checks the classes asciiBitmap reports against a
// byte-by-byte scan, with the digit or letter at every offset of the
// sixteen-byte steps and of the tail, among other ASCII bytes or none.
func TestASCIIAlnum(t *testing.T) {
	texts := []string{"", "中文", "中文中文中文中文", "a", "Z", "7", "@[`{/:", "中文中文中文中文Q", "中文中文中文中文中文中文5x"}
	for _, b := range []byte{'0', '9', 'a', 'z', 'A', 'Z', '@', '[', '`', '{', '/', ':', 0xc1, 0xe1} {
		for _, filler := range []string{"\x80 ", "\x80"} {
			for at := range 40 {
				s := []byte(strings.Repeat(filler, 40)[:40])
				s[at] = b
				texts = append(texts, string(s))
			}
		}
	}
	for _, s := range texts {
		var digit, letter bool
		for i := 0; i < len(s); i++ {
			digit = digit || '0' <= s[i] && s[i] <= '9'
			letter = letter || 'a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z'
		}
		if _, d, l := asciiBitmap(s, nil); d != digit || l != letter {
			t.Errorf("asciiBitmap(%q) = %v, %v, want %v, %v", s, d, l, digit, letter)
		}
	}
}
