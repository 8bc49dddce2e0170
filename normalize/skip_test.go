package normalize

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// normalizeUnskipped is Normalize without the skips: it runs every pass
// the options select, whatever decode saw.
func (n *Normalizer) normalizeUnskipped(s string) Text {
	if s == "" || len(s) > MaxLen {
		return Text{original: s, normalized: s}
	}
	us, trailing, _ := n.decode(nil, s)
	if n.opts.Separator {
		us = removeSeparators(us, new(facts))
	}
	if n.opts.Numeral {
		foldNumerals(us)
	}
	if n.opts.Traditional {
		for range maxPasses {
			if changed, _ := traditionalPass(us); !changed {
				break
			}
		}
	}
	return build(s, us, trailing)
}

// checkSkips checks that every pass Normalize skips for s would have
// changed nothing, and that Normalize gives what the unskipped passes give.
func checkSkips(t *testing.T, n *Normalizer, s string) {
	t.Helper()
	if got, want := n.Normalize(s), n.normalizeUnskipped(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("Normalize(%q) = %q %v, without skips %q %v", s, got.Normalized(), got.m, want.Normalized(), want.m)
	}
	if s == "" || len(s) > MaxLen {
		return
	}
	us, _, seen := n.decode(nil, s)
	f := facts{seen: seen, numerals: seen.isNumeral(), phraseRunes: hasPhraseRune(us)}
	if n.opts.Separator {
		us = removeSeparators(us, &f)
		if want := hasPhraseRune(us); f.phraseRunes != want {
			t.Fatalf("%q: removeSeparators found phraseRunes %v, want %v", s, f.phraseRunes, want)
		}
	}
	if !f.numerals {
		folded := slices.Clone(us)
		foldNumerals(folded)
		if !slices.Equal(folded, us) {
			t.Fatalf("%q: numeral pass skipped but it changes the text", s)
		}
	}
	if n.opts.Numeral {
		foldNumerals(us)
	}
	may := f.mayFoldTraditional()
	for pass := 1; pass <= maxPasses; pass++ {
		if changed, _ := traditionalPass(slices.Clone(us)); changed && !may {
			t.Fatalf("%q: traditional pass %d skipped but it changes the text", s, pass)
		}
		changed, again := traditionalPass(us)
		if !changed {
			break
		}
		if want := mayFoldAgain(us); again != want {
			t.Fatalf("%q: traditional pass %d says again = %v, the units %v", s, pass, again, want)
		}
		may = again
	}
}

// mayFoldAgain reports whether traditionalPass could change us, computing
// the facts from the units.
func mayFoldAgain(us []unit) bool {
	var seen info
	for i := range us {
		seen |= us[i].info
	}
	f := facts{seen: seen, phraseRunes: hasPhraseRune(us)}
	return f.mayFoldTraditional()
}

// skipOptions are option sets that change what decode sees and which
// passes run.
var skipOptions = []*Normalizer{
	Default,
	New(Options{Traditional: true}),
	New(Options{Numeral: true}),
	New(Options{Numeral: true, Traditional: true, Invisible: true}),
	New(Options{Width: true, Separator: true, Numeral: true}),
	New(Options{Width: true, Separator: true, Numeral: true, Traditional: true}),
}

func TestSkips(t *testing.T) {
	for _, s := range []string{
		// Phrases that change a rune the character table keeps.
		"这件事一目瞭然，不用再反覆说明", "以免藉口拖延", "傷亡枕藉以免藉口", "他意志消沈了很久", "彷彿回到从前",
		"傢俱城周末打折", "请尽快回覆邮件", "復甦计划", "么麼小事",
		// Phrase starts that change nothing, and plain text.
		"今天下午我们在公司开会", "反正都一样", "一起去吃饭吧", "三个月后再说",
		// Traditional characters.
		"請把款項轉帳到指定帳戶", "乾淨俐落", "張法乾",
		// Numeral runs, whole and split by separators or other runes.
		"一二三四", "一二三四五", "一 二 三 四 五", "壹-贰-叁-肆-伍", "1 2 3 4 5",
		"12 34 5", "12a345", "①②③④⑤", "⑴⑵⑶⑷⑸", "１２３４５", "一二\u200b三四五",
		"一二\u200d三\u3164四五", "13812345678，一起", "统一13812345678",
		"电话：壹叁捌①②③④伍陆柒捌", "1234", "12345", "1-2-3-4-5", "a1 2 3 4 5",
		"+8613812345678", "〇零一二三", "四五六七\xff八", "一二三四|五六七八",
		// Mixed.
		"加 * 微 · 信 ＶＸ 轉帳 反覆 一二三四五", "new xbox 1 2 3", "",
	} {
		for _, n := range skipOptions {
			checkSkips(t, n, s)
		}
	}
	for _, s := range []string{plainText, traditionalText, disguisedText} {
		checkSkips(t, Default, s)
	}
}

// TestSkipsTaken checks that the skips do happen for the texts they are
// for, so that the benchmarks measure them.
func TestSkipsTaken(t *testing.T) {
	for _, tt := range []struct {
		s                     string
		numerals, traditional bool
	}{
		{plainText, false, false},
		{"反正都一样，一起去吃饭吧", false, false},
		{"一目瞭然", false, true},
		{"轉帳", false, true},
		{"一 二 三 四 五", true, false},
		{strings.Repeat("一二三四号，", 3), false, false},
		{strings.Repeat("一二三四，", 3), true, false},
		{disguisedText, true, true},
	} {
		us, _, seen := Default.decode(nil, tt.s)
		f := facts{seen: seen}
		removeSeparators(us, &f)
		if f.numerals != tt.numerals {
			t.Errorf("%q: numerals = %v, want %v", tt.s, f.numerals, tt.numerals)
		}
		if got := f.mayFoldTraditional(); got != tt.traditional {
			t.Errorf("%q: mayFoldTraditional = %v, want %v", tt.s, got, tt.traditional)
		}
	}
}

// fastOptions are option sets for the fast path.
var fastOptions = []*Normalizer{
	Default, New(Options{Separator: true}), New(Options{Separator: true, Case: true}),
	New(Options{Separator: true, Width: true, Numeral: true}),
	New(Options{Separator: true, Traditional: true}),
}

// checkFast checks that the fast path, if it takes s, gives what the
// general path gives, and reports whether it took s.
func checkFast(t *testing.T, n *Normalizer, s string) bool {
	t.Helper()
	if s == "" || len(s) > maxPooled {
		return false
	}
	got, ok := fastNormalize(s, &n.opts)
	if !ok {
		return false
	}
	if want := n.normalizeUnskipped(s); !reflect.DeepEqual(got, want) {
		t.Fatalf("%+v: fast path on %q = %q %v, general path %q %v", n.opts, s, got.Normalized(), got.m, want.Normalized(), want.m)
	}
	checkMap(t, n, s)
	return true
}

// TestFastPath compares the fast path with the general one on texts made
// of the pieces it handles and a few it gives up on, and checks that it
// is taken for enough of them to be tested.
func TestFastPath(t *testing.T) {
	pieces := []string{
		"今天", "我们", "开会", "的", "了", "一", "二", "三", "五", "十", "两", "个", "月",
		"a", "b", "x", "v", "new", "box", "A", "V", "APP", "QQ", "1", "2", "38", "0",
		"，", "。", "、", "：", "！", " ", "  ", "-", "*", "·", ".", ",", "/", "\n", "（", "）",
		"+", "@", "http://t.me/a", "🐧", "✈", "😀", "\u3000", "Ｖ", "ｘ", "ＱＱ", "１", "２３", "①",
		"！", "？", "（", "）", "．", "＋", "＠", "_",
		// Traditional characters, in phrases and not, and phrase starts.
		"們", "會", "發", "門", "開", "見", "計劃", "轉帳", "帳戶", "乾淨", "乾", "淨", "車站",
		"傷亡", "枕", "藉", "以免", "口", "一目", "然", "陸", "貳", "𠀋", "上", "鍊", "七逕",
		"\u35F2", // folds to a rune of four bytes
		// Runes that only a phrase changes (么 in 么麼), and characters
		// that fold to them (麼 → 么).
		"么", "麼", "麽", "什么", "怎麼", "坏", "沈", "覆", "反",
		// The general path: folds, invisible characters, phrases, numerals.
		"瞭", "ｶ", "㍻", "\u200b", "а", "反覆", "\xff", "壹",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	taken, total := 0, 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(24) {
			// Mostly the pieces the fast path handles.
			b.WriteString(pieces[rng.IntN(len(pieces)-8*rng.IntN(2))])
		}
		s := b.String()
		for _, n := range fastOptions {
			if s == "" {
				continue
			}
			total++
			if checkFast(t, n, s) {
				taken++
			}
		}
	}
	t.Logf("fast path taken for %d of %d texts", taken, total)
	if taken < total/8 {
		t.Errorf("fast path taken for %d of %d texts", taken, total)
	}
}

// TestFastPathTaken checks which texts the fast path takes, so that the
// benchmarks measure it and the texts it gives up on are tested.
func TestFastPathTaken(t *testing.T) {
	for _, tt := range []struct {
		s    string
		fast bool
	}{
		{"今天下午我们开会，讨论计划。", true},
		{"明天早上我們在車站門口集合", true}, // traditional characters
		{"請把款項轉帳到指定帳戶", true},   // and in phrases that fold them as the table does
		{"乾淨俐落", true},
		{"上鍊", false},       // a phrase folds 鍊 without ambiguity
		{"我的鍊，鍊", true},     // 鍊 alone folds as the table does
		{"傷亡枕藉以免藉口", false}, // a phrase folds 藉 otherwise
		{"一目瞭然", false},     // a phrase changes 瞭, which the table keeps
		{"这是什么，怎麼办", true},  // 么 and 麼 → 么, which no phrase changes here
		{"么麼", false},       // a phrase changes 么
		{"们們", true},
		{"ＱＱ：１２３", true},
		{"加飞机 @job_offer_888 咨询", true}, // entity syntax
		{"电话+86 138，邮箱a@b.cn", true},
		{"＋８６，＠ｘ", true},
		{"壹叁捌①②③④伍陆柒捌", false}, // a numeral run
		{"微\u200b信", false},
	} {
		if got := checkFast(t, Default, tt.s); got != tt.fast {
			t.Errorf("fast path taken for %q: %v, want %v", tt.s, got, tt.fast)
		}
	}
	for i, s := range smsTexts {
		if want := i != 14; checkFast(t, Default, s) != want {
			t.Errorf("fast path taken for smsTexts[%d]: %v, want %v", i, !want, want)
		}
	}
}

// TestFastPathPhrases compares the fast path with the general one on the
// phrase keys, with a rune before and after, and on their variants in
// which one rune is a traditional character that folds to it: a phrase
// that matches only once the character is folded, on a later pass of the
// traditional fold (子陶壞 → 子陶坏 → 子陶坯), is what phrasesAgree checks
// when a rune that only a phrase changes is left.
func TestFastPathPhrases(t *testing.T) {
	trad := map[rune][]rune{} // simplified character → traditional ones
	for r := rune(0x3400); r < 0x30000; r++ {
		if inf := lookup(r); inf.op() == opTrad || inf.op() == opTradAmbiguous {
			trad[inf.payload()] = append(trad[inf.payload()], r)
		}
	}
	taken := 0
	for _, p := range phrases {
		key := []rune(p.key)
		variants := []string{p.key}
		for k, r := range key {
			for _, tr := range trad[r] {
				v := slices.Clone(key)
				v[k] = tr
				variants = append(variants, string(v))
			}
		}
		for _, v := range variants {
			for _, s := range []string{v, "子" + v + "子"} {
				if checkFast(t, Default, s) {
					taken++
				}
			}
		}
	}
	if taken == 0 {
		t.Error("fast path never taken")
	}
}
