package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

type foldTest struct {
	in, want string
	kinds    Kind // Kinds over the whole normalized text
}

func runFoldTests(t *testing.T, n *Normalizer, tests []foldTest) {
	t.Helper()
	for _, tt := range tests {
		got := n.Normalize(tt.in)
		if got.Normalized() != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got.Normalized(), tt.want)
			continue
		}
		if k := got.Kinds(0, got.Len()); k != tt.kinds {
			t.Errorf("Normalize(%q).Kinds = %v, want %v", tt.in, k, tt.kinds)
		}
	}
}

func TestWidth(t *testing.T) {
	runFoldTests(t, New(Options{Width: true}), []foldTest{
		{"加ＶＸ１３８", "加VX138", Width},
		{"ｶﾀｶﾅ", "カタカナ", Width},
		{"明天　见", "明天 见", Width},
		{"号码①②③", "号码123", Compat},
		{"㊙密渠道", "秘密渠道", Compat},
		{"㍻", "平成", Compat},
		{"⑴⑶⑻", "138", Compat},
		{"❶➂➑⓿", "1380", Compat},
		{"ﬁne", "fine", Compat},
		{"今天天气不错", "今天天气不错", 0},
	})
}

func TestCase(t *testing.T) {
	runFoldTests(t, New(Options{Case: true}), []foldTest{
		{"加VX", "加vx", Case},
		{"Telegram", "telegram", Case},
		{"ÉCOLE", "école", Case},
		{"ΑΒΓ", "ΑΒΓ", 0}, // Greek is not Latin
		{"already lower", "already lower", 0},
	})
}

func TestLookalike(t *testing.T) {
	runFoldTests(t, New(Options{Case: true, Lookalike: true}), []foldTest{
		{"аррӏе", "apple", Lookalike},      // Cyrillic а р р ӏ е
		{"ВТС", "btc", Lookalike | Case},   // Cyrillic capitals
		{"usdт", "usdt", Lookalike},        // one Cyrillic т
		{"νх", "vx", Lookalike},            // Greek ν, Cyrillic х
		{"ΤΕΛΕ", "teΛe", Lookalike | Case}, // Λ looks like no Latin letter
		{"привет", "пpиbet", Lookalike},    // п and и are not in the table
		{"0一", "0一", 0},                    // digits and Han untouched
		{"ок", "ok", Lookalike},
	})
}

func TestInvisible(t *testing.T) {
	runFoldTests(t, New(Options{Invisible: true}), []foldTest{
		{"微\u200b信", "微信", Invisible},
		{"加\u200d\u2060微\ufeff信", "加微信", Invisible},
		{"✈\ufe0f", "✈", 0}, // removed at the end: nothing after it records it
		{"\u202e信微", "信微", 0},
		{"v\u00adx", "vx", Invisible},
		{"扣\u3164扣", "扣扣", Invisible},
		{"Q\u2800Q", "QQ", Invisible},
		{"a\U000E0041b", "ab", Invisible},
	})
}

func TestSeparator(t *testing.T) {
	n := New(Options{Width: true, Case: true, Invisible: true, Separator: true})
	runFoldTests(t, n, []foldTest{
		{"加 微 信", "加微信", Separator},
		{"加-微-信", "加微信", Separator},
		{"加*微*信", "加微信", Separator},
		{"加 * 微 · 信", "加微信", Separator},
		{"微.信", "微信", Separator},
		{"加 V X", "加vx", Case | Separator},
		{"v‧x", "vx", Separator},
		{"扣 扣", "扣扣", Separator},
		{"加🌹微🌹信", "加微信", Separator},
		{"飞机 ✈ 联系", "飞机✈联系", Separator},
		{"🐧 号", "🐧号", Separator},
		{"1 3 8", "138", Separator},
		{"v\u200b x", "vx", Invisible | Separator},
		// Kept: Latin words, URLs, addresses, grouped numbers.
		{"new xbox", "new xbox", 0},
		{"a new xbox", "a new xbox", 0},
		{"https://t.me/abc", "https://t.me/abc", 0},
		{"abc@qq.com", "abc@qq.com", 0},
		{"138 1234 5678", "138 1234 5678", 0},
	})
	runFoldTests(t, n, []foldTest{
		// '+' before a digit is entity syntax, not a separator, so the space
		// before it has a non-word neighbour and stays.
		{"联系 +8613812345678", "联系 +8613812345678", 0},
		{"加 @abc", "加 @abc", 0},
		{"加+微", "加微", Separator},
		// Start and end of text.
		{" 加微信 ", " 加微信 ", 0},
		{"「加微信」", "「加微信」", 0},
		// A single letter next to a longer token keeps its space.
		{"ab c", "ab c", 0},
		{"a b cd", "ab cd", Separator},
		// Full-width separators are folded, then removed or kept.
		{"加，微，信", "加微信", Separator},
		{"ok，go", "ok,go", Width},
		{"ab\x00 cd", "ab\x00 cd", 0},
	})
}

func TestNumeral(t *testing.T) {
	runFoldTests(t, Default, []foldTest{
		{"壹叁捌①②③④伍陆柒捌", "13812345678", Compat | Numeral},
		{"电话一三八一二三四五六七八", "电话13812345678", Numeral},
		{"QQ:壹贰叁肆伍陆", "qq123456", Case | Separator | Numeral},
		{"貳參陸壹零", "23610", Numeral},
		{"〇一二三四", "01234", Numeral},
		{"扣扣 一 二 三 四 五 六", "扣扣123456", Separator | Numeral},
		{"12三45", "12345", Numeral},
		{"一起", "一起", 0},
		{"三个月", "三个月", 0},
		{"十一月", "十一月", 0},
		{"一二三", "一二三", 0},
		{"一二三四", "一二三四", 0},
		{"两两三三四四", "两两三三四四", 0}, // 两 is not a digit: runs of 4
		// A single Chinese numeral at the end of a run next to a digit is
		// the start or end of a word.
		{"号码13812345678，一起来", "号码13812345678一起来", Separator},
		{"统一13812345678", "统一13812345678", 0},
		{"13八12345678", "13812345678", Numeral},
		{"一二1234", "121234", Numeral},
	})
}

func TestTraditional(t *testing.T) {
	runFoldTests(t, New(Options{Traditional: true}), []foldTest{
		{"轉帳到安全帳戶", "转账到安全账户", Traditional},
		{"高薪招聘，包吃住", "高薪招聘，包吃住", 0},
		{"博彩網站註冊", "博彩网站注册", Traditional},
		{"頭髮", "头发", Traditional},
		{"乾坤", "乾坤", 0},                     // phrase keeps 乾
		{"乾乾淨淨", "干干净净", Traditional},       // phrase folds 乾, not ambiguous
		{"乾", "干", Traditional | Ambiguous}, // character table, several candidates
		{"張法乾", "张法乾", Traditional},         // protected phrase result
		{"瞭解情況", "了解情况", Traditional},       // phrase with a character that has a variant
		{"覆帳", "复账", Traditional},           // phrase with the 帳 override
		{"不可貲計", "不可赀计", Traditional},       // repaired phrase value
		{"繁體字與简体字", "繁体字与简体字", Traditional},
	})
}

func TestOptionsOff(t *testing.T) {
	in := "加 Ｖ\u200b Х 轉帳 壹叁捌壹贰叁肆"
	if got := New(Options{}).String(in); got != in {
		t.Errorf("zero Options changed %q to %q", in, got)
	}
	if got, want := Default.String(in), "加vx转账1381234"; got != want {
		t.Errorf("Default.String(%q) = %q, want %q", in, got, want)
	}
}

func TestUnchanged(t *testing.T) {
	for _, s := range []string{"", "今天天气不错我们去公园散步吧", "new xbox", "https://t.me/abc", "一起三个月"} {
		txt := Normalize(s)
		if txt.Changed() || txt.Normalized() != s || txt.Original() != s {
			t.Errorf("Normalize(%q) changed it to %q", s, txt.Normalized())
		}
		if s != "" && unsafe.StringData(txt.Normalized()) != unsafe.StringData(s) {
			t.Errorf("Normalize(%q): Normalized is a copy of the original", s)
		}
		if raceEnabled {
			continue
		}
		if a := testing.AllocsPerRun(20, func() { Normalize(s) }); a != 0 {
			t.Errorf("Normalize(%q) allocates %v times, want 0", s, a)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"\xff", "\ufffd"},
		{"a\xffb", "a\ufffdb"},
		{"加\xe5\xbe微", "加\ufffd\ufffd微"},       // truncated 3-byte sequence: two bad bytes
		{"\xed\xa0\x80", "\ufffd\ufffd\ufffd"}, // surrogate
		{"\xc0\x80", "\ufffd\ufffd"},           // overlong NUL
	}
	for _, tt := range tests {
		txt := Normalize(tt.in)
		if txt.Normalized() != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, txt.Normalized(), tt.want)
			continue
		}
		// Each U+FFFD maps back to one byte, and has kind Invalid.
		for i, r := range txt.Normalized() {
			if r != utf8.RuneError {
				continue
			}
			s, e := txt.Span(i, i+3)
			if e-s != 1 || utf8.ValidString(tt.in[s:e]) {
				t.Errorf("Normalize(%q): U+FFFD at %d maps to %q", tt.in, i, tt.in[s:e])
			}
			if k := txt.Kinds(i, i+3); k&Invalid == 0 {
				t.Errorf("Normalize(%q): U+FFFD at %d has kinds %v", tt.in, i, k)
			}
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		in       string
		sub      string // a substring of the normalized text
		evidence string
		kinds    Kind
	}{
		{"请加 * 微 · 信联系", "加微信", "加 * 微 · 信", Separator},
		{"请加 * 微 · 信联系", "微", "微", 0},
		{"请加 * 微 · 信联系", "信联", "信联", 0},
		{" 加\u200bV X", "加v", "加\u200bV", Invisible | Case},
		{"加ＶＸ好友", "vx", "ＶＸ", Width | Case},
		{"㍻元年", "成", "㍻", Compat},
		{"㍻元年", "平成元", "㍻元", Compat},
		{"轉帳給我", "转账", "轉帳", Traditional},
		{"号码壹叁捌一二三四伍陆柒捌", "13812345678", "壹叁捌一二三四伍陆柒捌", Numeral},
		{"x\xffy", "\ufffd", "\xff", Invalid},
		{"✈️ @abc123", "✈", "✈", 0},
		{"✈️ @abc123", "abc", "abc", 0},
	}
	for _, tt := range tests {
		txt := Normalize(tt.in)
		i := strings.Index(txt.Normalized(), tt.sub)
		if i < 0 {
			t.Errorf("Normalize(%q) = %q, no %q in it", tt.in, txt.Normalized(), tt.sub)
			continue
		}
		s, e := txt.Span(i, i+len(tt.sub))
		if got := tt.in[s:e]; got != tt.evidence {
			t.Errorf("Normalize(%q): Span of %q = %q, want %q", tt.in, tt.sub, got, tt.evidence)
		}
		if k := txt.Kinds(i, i+len(tt.sub)); k != tt.kinds {
			t.Errorf("Normalize(%q): Kinds of %q = %v, want %v", tt.in, tt.sub, k, tt.kinds)
		}
		if s2, e2, k := txt.SpanKinds(i, i+len(tt.sub)); s2 != s || e2 != e || k != tt.kinds {
			t.Errorf("Normalize(%q): SpanKinds of %q = %d, %d, %v, want %d, %d, %v", tt.in, tt.sub, s2, e2, k, s, e, tt.kinds)
		}
	}
}

// TestSpanKinds checks that SpanKinds is Span and Kinds together for every
// range of texts with each kind of change, on rune boundaries or not, and
// out of range.
func TestSpanKinds(t *testing.T) {
	for _, in := range []string{
		"", "plain ascii", "\u200b\u200c", "\u200b加 微信\u200b", "请加 * 微 · 信联系", " 加\u200bV X",
		"加ＶＸ好友", "㍻元年", "轉帳給我", "号码壹叁捌一二三四伍陆柒捌", "x\xffy\xc0\x80", "✈️ @abc123",
		"аррӏе 微\u200b信 ＱＱ：１２３", "a，b c-d 一 二 三",
	} {
		txt := Normalize(in)
		n := txt.Len()
		for start := -1; start <= n+1; start++ {
			for end := -1; end <= n+1; end++ {
				s, e := txt.Span(start, end)
				k := txt.Kinds(start, end)
				if s2, e2, k2 := txt.SpanKinds(start, end); s2 != s || e2 != e || k2 != k {
					t.Fatalf("Normalize(%q).SpanKinds(%d, %d) = %d, %d, %v, want %d, %d, %v", in, start, end, s2, e2, k2, s, e, k)
				}
			}
		}
	}
}

func TestSpanEdges(t *testing.T) {
	txt := Normalize("\u200b加 微信\u200b")
	if got := txt.Normalized(); got != "加微信" {
		t.Fatalf("Normalized = %q", got)
	}
	tests := []struct{ start, end, ostart, oend int }{
		{0, 9, 3, 13},    // removed before the first and after the last: excluded
		{-5, 100, 3, 13}, // clamped
		{1, 2, 3, 6},     // inside 加: moved outwards
		{4, 4, 7, 7},     // empty inside 微: start of its original rune
		{9, 9, 13, 13},   // empty at the end: end of the last original rune
		{6, 3, 7, 7},     // start > end: empty at end
	}
	for _, tt := range tests {
		s, e := txt.Span(tt.start, tt.end)
		if s != tt.ostart || e != tt.oend {
			t.Errorf("Span(%d, %d) = %d, %d, want %d, %d", tt.start, tt.end, s, e, tt.ostart, tt.oend)
		}
	}
	var zero Text
	if s, e := zero.Span(0, 10); s != 0 || e != 0 || zero.Kinds(0, 10) != 0 || zero.Normalized() != "" {
		t.Errorf("zero Text: Span = %d, %d", s, e)
	}
	all := Normalize("\u200b\u200c")
	if all.Normalized() != "" || !all.Changed() {
		t.Errorf("Normalize(invisible only) = %q, changed %v", all.Normalized(), all.Changed())
	}
	if s, e := all.Span(0, 0); s != 0 || e != 0 {
		t.Errorf("Normalize(invisible only).Span(0, 0) = %d, %d", s, e)
	}
}

func TestSourceRune(t *testing.T) {
	txt := Normalize("请加 Ｖ")
	for i, want := range []string{"请", "请", "请", "加", "加", "加", "Ｖ"} {
		s, e := txt.SourceRune(i)
		if got := txt.Original()[s:e]; got != want {
			t.Errorf("SourceRune(%d) = %q, want %q", i, got, want)
		}
	}
	plain := Normalize("ab")
	if s, e := plain.SourceRune(5); s != 1 || e != 2 {
		t.Errorf("unchanged SourceRune(5) = %d, %d, want 1, 2", s, e)
	}
}

func TestIdempotentSamples(t *testing.T) {
	for _, s := range []string{
		"傷亡枕藉以免藉口", "於其一二三四五", "ab 1二三四五", "\ufffd 一二三四五 ab",
		"+八六一三八一二三四五", "a b cd", "加 V X 壹叁捌", "乾坤一擲", "⑴⑵ ⑶",
	} {
		once := Default.String(s)
		if twice := Default.String(once); twice != once {
			t.Errorf("not idempotent: %q → %q → %q", s, once, twice)
		}
	}
}

// TestIdempotentRunes checks every rune alone and between two Han
// characters, with every fold on.
func TestIdempotentRunes(t *testing.T) {
	contexts := []string{"", "加"}
	if raceEnabled || testing.Short() {
		contexts = contexts[:1] // the race detector makes this slow
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, c := range contexts {
			s := c + string(r) + c
			once := Default.String(s)
			if twice := Default.String(once); twice != once {
				t.Fatalf("not idempotent: %q → %q → %q", s, once, twice)
			}
		}
	}
}

func TestKindString(t *testing.T) {
	if got := (Separator | Width).String(); got != "width|separator" {
		t.Errorf("String = %q", got)
	}
	for i, name := range kindNames {
		if k, ok := ParseKind(name); !ok || k != 1<<i {
			t.Errorf("ParseKind(%q) = %v, %v", name, k, ok)
		}
	}
}

// TestIdempotentMixed normalizes random strings built from the pieces the
// folds treat specially, including OpenCC phrases next to each other, and
// checks idempotence and the offset map.
func TestIdempotentMixed(t *testing.T) {
	pieces := []string{
		"加", "微", "信", " ", "-", "*", "·", ".", "，", "V", "x", "ab", "1", "23", "Ｖ", "１",
		"一", "二", "三", "五", "壹", "叁", "捌", "貳", "參", "陸", "①", "⑴", "❸", "+", "@", "@a",
		"\u200b", "\ufe0f", "✈", "🐧", "🌹", "а", "Ν", "帳", "乾", "於", "藉", "沈", "\xff", "\ufffd", "\x00",
	}
	for _, p := range phrases {
		pieces = append(pieces, p.key, p.value)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	opts := []*Normalizer{Default, New(Options{Separator: true, Numeral: true, Traditional: true})}
	var b strings.Builder
	n := 20000
	if raceEnabled || testing.Short() {
		n = 4000
	}
	for range n {
		b.Reset()
		for range rng.IntN(8) + 1 {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		for _, n := range opts {
			checkText(t, n, b.String())
		}
	}
}

func TestAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are not exact under the race detector")
	}
	for _, s := range []string{"加 * 微 · 信，Ｖ\u200bＸ", strings.Repeat("今天我们开会，讨论计划。", 50)} {
		if a := testing.AllocsPerRun(20, func() { Normalize(s) }); a > 2 {
			t.Errorf("Normalize(%.20q…) allocates %v times, want at most 2", s, a)
		}
	}
}

func TestMaxLen(t *testing.T) {
	s := strings.Repeat("Ａ", MaxLen/len("Ａ")+1)
	if txt := Normalize(s); txt.Changed() || txt.Len() != len(s) {
		t.Errorf("Normalize of %d bytes changed it", len(s))
	}
}
