package normalize

import (
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks, for any input and a few option sets: no panic,
// idempotence, and that every mapped range lies within the original, on
// rune boundaries, and moves forward with the normalized position.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"加 * 微 · 信", "ＶＸ１３８", "壹叁捌①②③④伍陆柒捌", "轉帳到安全帳戶", "аррӏе",
		"微\u200b信", "a\xffb", "new xbox", "https://t.me/abc", "✈️ @abc", "㍻",
		"傷亡枕藉以免藉口", "一目瞭然，反覆說明", "一 二 三 四 五",
		"客服ＱＱ：１２３４５，加V详聊！", "下载APP？（免费）", "a，b c-d",
		"明天我們在車站門口集合，記得帶雨傘", "請把款項轉帳到指定帳戶，乾淨俐落", "以免藉口", "陸貳們𠀋",
	} {
		f.Add(s)
	}
	opts := []*Normalizer{
		Default,
		New(Options{Width: true, Separator: true, Numeral: true}),
		New(Options{Case: true, Lookalike: true, Invisible: true, Traditional: true}),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, n := range opts {
			checkText(t, n, s)
			checkMap(t, n, s)
		}
		for _, n := range skipOptions {
			checkSkips(t, n, s)
		}
		for _, n := range fastOptions {
			checkFast(t, n, s)
		}
	})
}

func checkText(t *testing.T, n *Normalizer, s string) {
	t.Helper()
	txt := n.Normalize(s)
	norm := txt.Normalized()
	if !utf8.ValidString(norm) {
		t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, norm)
	}
	if again := n.String(norm); again != norm {
		t.Fatalf("not idempotent: %q → %q → %q", s, norm, again)
	}
	if txt.Changed() != (norm != s) {
		t.Fatalf("Normalize(%q): Changed = %v, normalized %q", s, txt.Changed(), norm)
	}
	bounds := boundaries(s)
	prevStart, prevEnd := 0, 0
	for i := range norm {
		_, size := utf8.DecodeRuneInString(norm[i:])
		start, end := txt.Span(i, i+size)
		if start < 0 || end > len(s) || start >= end {
			t.Fatalf("Normalize(%q): Span(%d, %d) = %d, %d", s, i, i+size, start, end)
		}
		if !bounds[start] || !bounds[end] {
			t.Fatalf("Normalize(%q): Span(%d, %d) = %d, %d not on rune boundaries", s, i, i+size, start, end)
		}
		if start < prevStart || end < prevEnd {
			t.Fatalf("Normalize(%q): Span(%d, %d) = %d, %d goes back from %d, %d", s, i, i+size, start, end, prevStart, prevEnd)
		}
		prevStart, prevEnd = start, end
		if whole, wend := txt.Span(0, i+size); whole > start || wend != end {
			t.Fatalf("Normalize(%q): Span(0, %d) = %d, %d, rune span %d, %d", s, i+size, whole, wend, start, end)
		}
		k := txt.Kinds(i, i+size)
		if k&removedBefore != 0 {
			t.Fatalf("Normalize(%q): Kinds of one rune = %v", s, k)
		}
		if s2, e2, k2 := txt.SpanKinds(i, i+size); s2 != start || e2 != end || k2 != k {
			t.Fatalf("Normalize(%q): SpanKinds(%d, %d) = %d, %d, %v, want %d, %d, %v", s, i, i+size, s2, e2, k2, start, end, k)
		}
	}
	checkKinds(t, txt)
}

// checkKinds checks that Kinds of a range is the union of the kinds of its
// runes and of the removals between them, for ranges from the first runes
// to the end.
func checkKinds(t *testing.T, txt Text) {
	t.Helper()
	norm := txt.Normalized()
	var starts []int
	for i := range norm {
		starts = append(starts, i)
	}
	starts = append(starts, len(norm))
	for a := 0; a < len(starts)-1 && a < 16; a++ {
		var want Kind
		for b := a; b < len(starts)-1; b++ {
			want |= txt.Kinds(starts[b], starts[b+1])
			if b > a {
				want |= txt.Kinds(starts[b-1], starts[b+1]) & removedBefore
			}
			if got := txt.Kinds(starts[a], starts[b+1]); got != want {
				t.Fatalf("Normalize(%q).Kinds(%d, %d) = %v, want %v", txt.Original(), starts[a], starts[b+1], got, want)
			}
			if b >= a+64 {
				continue // SpanKinds walks the range as Kinds does: bound the cost
			}
			s, e := txt.Span(starts[a], starts[b+1])
			if s2, e2, got := txt.SpanKinds(starts[a], starts[b+1]); s2 != s || e2 != e || got != want {
				t.Fatalf("Normalize(%q).SpanKinds(%d, %d) = %d, %d, %v, want %d, %d, %v", txt.Original(), starts[a], starts[b+1], s2, e2, got, s, e, want)
			}
		}
	}
}

// boundaries reports which offsets of s are rune boundaries, counting each
// invalid byte as a rune.
func boundaries(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		b[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	b[len(s)] = true
	return b
}
