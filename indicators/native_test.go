package indicators

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/fanzha/fanzha/normalize"
)

// regexp2Spans returns the byte spans of the non-empty matches of expr in
// text as runPattern collects them from regexp2.
func regexp2Spans(t testing.TB, re *regexp2.Regexp, text string) ([][2]int32, error) {
	t.Helper()
	runes := []rune(text)
	off := make([]int32, 0, len(runes)+1)
	for i := range text {
		off = append(off, int32(i))
	}
	off = append(off, int32(len(text)))
	var spans [][2]int32
	err := re.FindRunesMatches(runes, 0, func(m regexp2.MatchView) bool {
		at, n, _ := m.GroupRange(0)
		if n > 0 {
			spans = append(spans, [2]int32{off[at], off[at+n]})
		}
		return len(spans) < maxPatternHit
	})
	return spans, err
}

// nativeSpans returns the spans the native program of expr finds.
func nativeSpans(t testing.TB, p *nativeProgram, text string) [][2]int32 {
	t.Helper()
	spans, ok := p.findAll(text, nil, maxPatternHit)
	if !ok {
		t.Fatalf("native engine ran out of steps on %q", text)
	}
	return spans
}

func TestNativeUnsupported(t *testing.T) {
	for _, expr := range []string{
		`(?<!\d)\d{5}`,               // lookbehind
		`(?i)vx`,                     // inline options
		`微信$`,                        // .NET's $ also matches before a final newline
		`\bvx\b`,                     // word boundary
		`\w+`,                        // .NET word class
		`加.{0,5}?微信`,                 // lazy
		`(a)\1`,                      // backreference
		`(?:ab)+c`,                   // repetition of more than one rune
		`a*`,                         // matches the empty string
		`^`,                          // matches the empty string
		`[[:alpha:]]x`,               // POSIX class
		`[a-z-[aeiou]]`,              // .NET class subtraction
		`x{,3}`,                      // read differently
		`[]a]`,                       // read differently
		`\u4e0`,                      // too few hex digits
		`\p{IsCJKUnifiedIdeographs}`, // .NET block
		`(?<name>x)`,                 // named group
		`(?>x+)x`,                    // atomic group
		`a(?=(?!b)c)`,                // nested lookahead
		`(?=a)*b`,                    // repeated lookahead
		"a\U000F0000",                // a rune the engine uses as a mark
	} {
		if p := compileNative(expr); p != nil {
			t.Errorf("compileNative(%q) = program, want nil", expr)
		}
	}
}

// TestNativeClasses checks, rune by rune, that the classes the native
// engine spells out mean what regexp2 means by them.
func TestNativeClasses(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every rune")
	}
	for _, expr := range []string{`\d`, `\D`, `\s`, `\S`, `.`, `[^\d\s。]`, `[\d]`, `\x41`, `[éßΩ]`, `[我你他]`, `[a-z我ß]`, `[😀-🙏]`, "[\u00a0-\u07ff]", `[^。！？]`, `[^é，😀]`, `[\d我你]`, `\d|存|十`} {
		p := compileNative(expr)
		if p == nil {
			t.Fatalf("compileNative(%q) = nil", expr)
		}
		re := regexp2.MustCompile(`^(?:` + expr + `)$`)
		var buf [1]rune
		last := rune(unicode.MaxRune)
		if raceEnabled {
			last = 0xFFFF // the Basic Multilingual Plane: a walk of every plane takes minutes
		}
		for r := rune(0); r <= last; r++ {
			if 0xD800 <= r && r <= 0xDFFF {
				continue
			}
			buf[0] = r
			want, err := re.MatchRunes(buf[:])
			if err != nil {
				t.Fatal(err)
			}
			s := string(r)
			got := len(nativeSpans(t, p, s)) == 1
			if got != want {
				t.Errorf("%s on U+%04X: native %v, regexp2 %v", expr, r, got, want)
				break
			}
		}
	}
}

// nativeTexts are texts to compare the engines on: every example of the
// default catalog and the benchmark corpus, normalized as Detect sees
// them, and some sentences that exercise backtracking.
func nativeTexts() []string {
	n := normalize.Default
	var texts []string
	for _, r := range DefaultRules() {
		for _, x := range slices.Concat(r.Match, r.NoMatch) {
			texts = append(texts, n.Normalize(x).Normalized())
		}
	}
	for _, x := range slices.Concat(benchShort, benchSMS, benchLong) {
		texts = append(texts, n.Normalize(x).Normalized())
	}
	return append(texts,
		"", "我是", "我是你的老同学我是你的老同学啊", "aaaaaaaaab", "日结300日结3000元",
		"我是我是我是客服客服", "首充100送100送", "借我点钱借2000", "六合彩六合肖",
		"月薪1２000元 ~ 15000 元", "下载app下载软件下载", "\n我是\n客服\n", "x\u0661\u0662\u0663\u0664\u0665y")
}

// TestNativeMatchesRegexp2 runs every pattern of the default catalog, and
// some of shapes the catalog does not have, through both engines.
func TestNativeMatchesRegexp2(t *testing.T) {
	var exprs []string
	for _, r := range DefaultRules() {
		exprs = append(exprs, patternsOf(r.When)...)
	}
	slices.Sort(exprs)
	exprs = slices.Compact(exprs)
	native := 0
	for _, e := range exprs {
		if compileNative(e) != nil {
			native++
		}
	}
	t.Logf("%d of %d catalog patterns run natively", native, len(exprs))
	if native*4 < len(exprs)*3 {
		t.Errorf("only %d of %d catalog patterns run natively, want three quarters", native, len(exprs))
	}
	exprs = append(exprs,
		`a|ab|abc`, `(?:ab|a)(?:bc|c)?d?`, `(?:我是|我是你|我是你的)(?:的)?[^。]{0,4}(?:同学|老同学)`,
		`x?y?z`, `(?:a(?:b|c)?)+?d`, `[a-c]{2,3}c`, `.{0,3}.{0,3}b`, `^.{0,5}客服`, `(?:^|我)是`,
		`帮我(?![^。]{0,4}(?:外卖|话费))[^。]{0,6}(?:转账|转一下)`, `a(?=b)`, `(?!ab)a.`, `x(?=y|z)(?:yz|y)`,
		`(?:a|(?!b))c`, `我是(?=[^。]{0,8}客服)`, `(?!ab)(?!ac)a[a-z]`, `[:：]\d`, `今[日天][^。]{0,6}\d+[:：]\d+前`,
		`(?:(?=a)|b)a`, `(?=a)?ab`, `\u6211[\u4e00-\u9fff]{1,2}(?![\u4e00-\u9fff]|b)`, `[^\u0030-\u0039]\d`)
	texts := nativeTexts()
	leads := 0
	defer func() { t.Logf("%d of %d patterns have lead words", leads, len(exprs)) }()
	for _, e := range exprs {
		p := compileNative(e)
		if p == nil {
			continue
		}
		re := regexp2.MustCompile(e)
		re.MatchTimeout = time.Minute
		if _, ok := p.setLeads(noShortWords); ok {
			leads++
		}
		for _, text := range texts {
			want, err := regexp2Spans(t, re, text)
			if err != nil {
				t.Fatal(err)
			}
			if got := nativeSpans(t, p, text); !slices.Equal(got, want) {
				t.Errorf("%s on %q:\nnative  %v\nregexp2 %v", e, text, got, want)
			}
			for _, short := range leadShortWords {
				words, lead := p.setLeads(short.f)
				if !lead {
					continue
				}
				got, ok := p.findAllAt(text, occurrences(text, words), nil, maxPatternHit)
				if !ok || !slices.Equal(got, want) {
					t.Errorf("%s on %q from lead words %q (%s):\nnative  %v\nregexp2 %v", e, text, words, short.name, got, want)
				}
			}
		}
	}
}

// leadShortWords are the choices of the words setLeads leaves to the class
// of runes findAllAt scans for: none, or every word of one rune, as when
// no one-rune word is a form of the automaton yet.
var leadShortWords = []struct {
	name string
	f    func(w string) bool
}{
	{"no short words", noShortWords},
	{"one-rune words short", oneRuneWord},
}

func noShortWords(string) bool  { return false }
func oneRuneWord(w string) bool { return utf8.RuneCountInString(w) == 1 }

// occurrences returns the starts of every occurrence of the words in text,
// sorted and without repeats.
func occurrences(text string, words []string) []int32 {
	var out []int32
	for _, w := range words {
		for i := 0; i+len(w) <= len(text); i++ {
			if strings.HasPrefix(text[i:], w) {
				out = append(out, int32(i))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// patternsOf returns the expressions of the Pattern leaves of in.
func patternsOf(in Indicator) []string {
	var out []string
	var walk func(in Indicator)
	walk = func(in Indicator) {
		n := in.node()
		if n.op == opPattern {
			out = append(out, n.expr)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(in)
	return out
}

func TestNativeOutOfSteps(t *testing.T) {
	p := compileNative(`.{0,60}.{0,60}.{0,60}客服`)
	if p == nil {
		t.Fatal("no program")
	}
	text := strings.Repeat("你", 2000)
	if _, ok := p.findAll(text, nil, maxPatternHit); ok {
		t.Fatal("findAll finished a search of about 2000·60³ steps")
	}
	// Detect falls back to regexp2 and reports the same as regexp2 alone.
	d := MustCompile([]Rule{testRule("steps", 10, Pattern(`.{0,60}.{0,60}.{0,60}客服`))}, Config{PatternTimeout: time.Minute})
	rep := d.Detect(text + "客服")
	if len(rep.Findings) != 1 || len(rep.Errors) != 0 {
		t.Fatalf("report after fallback: %+v", rep)
	}
}

func FuzzNative(f *testing.F) {
	for _, r := range DefaultRules() {
		for _, e := range patternsOf(r.When) {
			if len(r.Match) > 0 {
				f.Add(e, r.Match[0])
			}
		}
	}
	f.Add(`(?:ab|a)(?:bc|c)?d?`, "abcd abd acd")
	f.Add(`(?:^|[^0-9a-z第])[0-9]{1,4}彩`, "12彩 a3彩 第45彩，我6彩٣彩")
	f.Add(`月薪|.\d+`, "月薪1 2月薪 😀3 ab45")
	f.Add(`帮我(?![^。]{0,4}(?:外卖|话费))[^。]{0,6}转账`, "帮我交话费转账，帮我把钱转账")
	f.Fuzz(func(t *testing.T, expr, text string) {
		if len(expr) > 200 || len(text) > 2000 {
			return
		}
		p := compileNative(expr)
		if p == nil {
			return
		}
		re, err := regexp2.Compile(expr)
		if err != nil {
			return // Compile rejects it before the native engine sees it
		}
		re.MatchTimeout = 5 * time.Second
		text = strings.ToValidUTF8(text, "\uFFFD")
		want, err := regexp2Spans(t, re, text)
		if err != nil {
			return // regexp2 timed out
		}
		got, ok := p.findAll(text, nil, maxPatternHit)
		if !ok {
			return
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s on %q:\nnative  %v\nregexp2 %v", expr, text, got, want)
		}
		for _, short := range leadShortWords {
			words, ok := p.setLeads(short.f)
			if !ok {
				continue
			}
			got, ok := p.findAllAt(text, occurrences(text, words), nil, maxPatternHit)
			if ok && !slices.Equal(got, want) {
				t.Fatalf("%s on %q from lead words %q (%s):\nnative  %v\nregexp2 %v", expr, text, words, short.name, got, want)
			}
		}
	})
}

func TestDecodeRune(t *testing.T) {
	texts := []string{"我是客服", "a\u00e9\u4e00\uffff\U0001F600", "\xe4\xb8", "\xb8\xad", "\xe4\xe4\xb8\xad", "\xed\xa0\x80", "\xe0\x80\xaf", "\xef\xbf\xbd", "\xee\x80\x80z"}
	for r := rune(0x800); r < 0x10000; r += 7 {
		texts = append(texts, string(r))
	}
	for _, s := range texts {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
			checkRuneBefore(t, s, i+1)
		}
	}
}

// checkRuneBefore checks runeBefore(s, end) against the utf8 package.
func checkRuneBefore(t *testing.T, s string, end int) {
	t.Helper()
	wr, wn := utf8.DecodeLastRuneInString(s[:end])
	if r, n := runeBefore(s, end); r != wr || n != wn {
		t.Fatalf("runeBefore(%q, %d) = %U, %d; want %U, %d", s, end, r, n, wr, wn)
	}
}

func FuzzDecodeRune(f *testing.F) {
	f.Add("我是\xe4\xb8客服\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i < len(s); i++ {
			r, n := decodeRune(s, i)
			if wr, wn := utf8.DecodeRuneInString(s[i:]); r != wr || n != wn {
				t.Fatalf("decodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
			checkRuneBefore(t, s, i+1)
		}
	})
}

// TestNativeMixedLeads checks findAllAt on programs that start both at
// the hits of words and at the runes of a class, or at the start of the
// text, against findAll and regexp2, on the native texts and on texts
// made of the pieces the patterns look for.
func TestNativeMixedLeads(t *testing.T) {
	for _, c := range []struct {
		expr  string
		short func(string) bool
		mix   bool // setLeads must choose a mix, not words alone or findAll
	}{
		{`(?:月薪|薪资)[^。]{0,4}\d+|[1-9]\d,\d{3}`, noShortWords, true},
		{`(?:存|首充)\d{0,3}送|(?:\d|一|十)倍流水`, oneRuneWord, true},
		{`(?:存|首充)\d{0,3}送|(?:\d|一|十)倍流水`, noShortWords, true},
		{`(?:首|每日)(?:冲|存)[^。]{0,3}送|存(?!款)`, oneRuneWord, true},
		{`(?:首|每日)(?:冲|存)[^。]{0,3}送|存(?!款)`, noShortWords, false}, // words alone
		{`(?:^|我)是谁|\d号`, noShortWords, true},
		{`(?:^|我是)谁`, noShortWords, true},
		{`\d+小时内|逾期|截止`, noShortWords, true},
		{`a?b?\d|ab`, noShortWords, true},
		{`(?=\d)\d\d|ab|(?!ac)a.`, noShortWords, true},
		{`[0-9]*(?:元|块)钱|送\d`, oneRuneWord, true},
		{`(?:ab|a)(?:bc|c)?d?|\d`, noShortWords, true},
		{`我是(?:你|您)|[0-9]{2}`, noShortWords, true},
		{`(?:^|[^0-9a-z第])[0-9]{1,4}彩(?![\u4e00-\u9fff]|led|rgb)`, noShortWords, true},
		{`[^。]\d+元`, noShortWords, true},          // one rune before a digit, no words
		{`月薪|[^。]\d`, noShortWords, true},         // words and one rune before a digit
		{`x?.\d|ab|\d号`, noShortWords, true},      // a class, words and a rune before
		{`(?:ab|[^x])[٣0-9]`, noShortWords, true}, // two-byte runes after
		{`.😀|.[😀]x`, noShortWords, true},          // four-byte runes after
		{`[^。]我|[^a]\d`, oneRuneWord, true},       // a short word's rune after
		{`月薪|[^。][^a]`, noShortWords, false},      // a class of almost every rune after
		{`月薪|[^。]{2}\d`, noShortWords, false},     // two runes before
		{`\d{5,}`, noShortWords, false},           // no words: findAll's own
		{`月薪|日结`, noShortWords, false},            // words alone
	} {
		p := compileNative(c.expr)
		if p == nil {
			t.Fatalf("compileNative(%q) = nil", c.expr)
		}
		words, ok := p.setLeads(c.short)
		if mix := ok && (p.mix != nil || p.mixBegin || p.after != nil); mix != c.mix {
			t.Errorf("%s: mix %v (words %q), want %v", c.expr, mix, words, c.mix)
		}
		if !ok {
			continue
		}
		re := regexp2.MustCompile(c.expr)
		re.MatchTimeout = time.Minute
		texts := slices.Concat(nativeTexts(), mixedTexts(c.expr, 300))
		for _, text := range texts {
			want, err := regexp2Spans(t, re, text)
			if err != nil {
				t.Fatal(err)
			}
			all := nativeSpans(t, p, text)
			got, ok := p.findAllAt(text, occurrences(text, words), nil, maxPatternHit)
			if !ok || !slices.Equal(got, want) || !slices.Equal(all, want) {
				t.Fatalf("%s on %q from words %q:\nfindAllAt %v\nfindAll   %v\nregexp2   %v", c.expr, text, words, got, all, want)
			}
		}
	}
}

// mixedTexts returns n texts of up to 24 runes drawn from the runes of
// expr and a few others, so that the words and classes of expr meet, overlap
// and nearly match.
func mixedTexts(expr string, n int) []string {
	var pool []rune
	for _, r := range expr + "0123456789٣。，我的 \n" {
		if !strings.ContainsRune(`\()[]{}|?*+^$:!=-,`, r) {
			pool = append(pool, r)
		}
	}
	seed := uint32(len(expr))*2654435761 + 1
	rnd := func(k int) int {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return int(seed % uint32(k))
	}
	out := make([]string, n)
	for i := range out {
		b := make([]rune, rnd(25))
		for j := range b {
			b[j] = pool[rnd(len(pool))]
		}
		out[i] = string(b)
	}
	return out
}
