package normalize_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

// hostileKinds are inputs written to defeat a normalizer: one character
// repeated, only invisible characters, separators between every character,
// endless digits and numerals, deep brackets, bytes that are not UTF-8,
// traditional phrases, and a long run of disguised text without a newline.
var hostileKinds = []struct {
	name string
	unit string // repeated to the wanted size
}{
	{"han", "加"},
	{"zero-width", "\u200b\u200c\u200d\ufeff\u2060"},
	{"sep-cjk", "加-"},
	{"sep-latin", "a b "},
	{"digits", "1234567890"},
	{"numerals", "壹叁捌①②③④伍陆柒捌"},
	{"brackets", "(（[【{《"},
	{"invalid-utf8", "\xff\xfe\x80\xe5\x8a\xc0"},
	{"traditional", "轉帳到安全帳戶"},
	{"no-newline", "高薪兼职‼️加 * 微 · 信：Ｖ\u200bＸ 壹叁捌①②③④伍陆柒捌，✈️ @аbc_vip "},
}

// hostile returns unit repeated and cut to at most size bytes, at a unit
// boundary. Brackets open first and then close, to nest as deep as the
// size allows.
func hostile(unit string, size int) string {
	if unit == "(（[【{《" {
		return strings.Repeat(unit, size/2/len(unit)) + strings.Repeat("》}】]）)", size/2/len(unit))
	}
	return strings.Repeat(unit, size/len(unit))
}

// TestHostileInput normalizes 1 MiB of each hostile kind and 100,000
// digits, and checks the result: valid UTF-8, idempotent, and every
// normalized rune mapped to a range of the original on its rune
// boundaries, moving forward. BenchmarkHostile shows the cost is linear.
func TestHostileInput(t *testing.T) {
	inputs := map[string]string{"digits-100000": strings.Repeat("7", 100000)}
	for _, k := range hostileKinds {
		inputs[k.name] = hostile(k.unit, 1<<20)
	}
	for name, s := range inputs {
		t.Run(name, func(t *testing.T) {
			txt := normalize.Normalize(s)
			norm := txt.Normalized()
			if txt.Original() != s {
				t.Fatal("Original differs from the input")
			}
			if !utf8.ValidString(norm) {
				t.Fatal("normalized text is not valid UTF-8")
			}
			if again := normalize.Default.String(norm); again != norm {
				t.Fatal("normalization is not idempotent")
			}
			bounds := make([]bool, len(s)+1)
			for i := range s {
				bounds[i] = true
			}
			bounds[len(s)] = true
			prevStart, prevEnd := 0, 0
			for i, r := range norm {
				start, end := txt.Span(i, i+utf8.RuneLen(r))
				if start < 0 || end > len(s) || start >= end || !bounds[start] || !bounds[end] {
					t.Fatalf("Span of normalized rune at %d = [%d, %d): not a rune range of the %d-byte original", i, start, end, len(s))
				}
				if start < prevStart || end < prevEnd {
					t.Fatalf("Span of normalized rune at %d = [%d, %d) goes back from [%d, %d)", i, start, end, prevStart, prevEnd)
				}
				prevStart, prevEnd = start, end
			}
			if start, end := txt.Span(0, len(norm)); len(norm) > 0 && (start < 0 || end > len(s) || start >= end) {
				t.Fatalf("Span of the whole text = [%d, %d)", start, end)
			}
		})
	}
}
