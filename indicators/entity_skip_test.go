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
	texts := []string{"", "a", "中文中文中文中文", "中文中文中文中文x1", "abc\xff\xfe0+", all.String()}
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
		next func(string, int) int
		want func(byte) bool
	}{
		{"nextDigit", nextDigit, isDigit},
		{"nextDigitOrPlus", nextDigitOrPlus, func(b byte) bool { return isDigit(b) || b == '+' }},
		{"nextAlnum", nextAlnum, isAlnum},
		{"nextIDByte", nextIDByte, isIDByte},
		{"nextLowerOrAt", nextLowerOrAt, func(b byte) bool { return isLower(b) || b == '@' }},
		{"nextWalletStart", nextWalletStart, func(b byte) bool { return b == '0' || b == 't' || b == 'T' }},
	} {
		for _, s := range texts {
			for i := 0; i <= len(s); i++ {
				want := i
				for want < len(s) && !tt.want(s[want]) {
					want++
				}
				if got := tt.next(s, i); got != want {
					t.Fatalf("%s(%q, %d) = %d, want %d", tt.name, s, i, got, want)
				}
			}
		}
	}
}

// TestASCIIAlnum checks asciiAlnum against a byte-by-byte scan, with the
// digit or letter at every offset of a word.
func TestASCIIAlnum(t *testing.T) {
	texts := []string{"", "中文", "中文中文中文中文", "a", "Z", "7", "@[`{/:", "中文中文中文中文Q", "中文中文中文中文中文中文5x"}
	for _, b := range []byte{'0', '9', 'a', 'z', 'A', 'Z', '@', '[', '`', '{', '/', ':', 0xc1, 0xe1} {
		for at := range 17 {
			s := []byte(strings.Repeat("\x80 ", 9))
			s[at] = b
			texts = append(texts, string(s))
		}
	}
	for _, s := range texts {
		var digit, letter bool
		for i := 0; i < len(s); i++ {
			digit = digit || '0' <= s[i] && s[i] <= '9'
			letter = letter || 'a' <= s[i] && s[i] <= 'z' || 'A' <= s[i] && s[i] <= 'Z'
		}
		if d, l := asciiAlnum(s); d != digit || l != letter {
			t.Errorf("asciiAlnum(%q) = %v, %v, want %v, %v", s, d, l, digit, letter)
		}
	}
}
