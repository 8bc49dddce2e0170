package indicators

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dlclark/regexp2/v2"
)

func TestRequiredLiterals(t *testing.T) {
	for _, c := range []struct {
		expr string
		want [][]string
	}{
		{"客服", [][]string{{"客服"}}},
		{"(?:我是|这里是)[^。]{0,16}(?:客服|专员)", [][]string{{"我是", "这里是"}, {"客服", "专员"}}},
		// The parser factors prefixes (刑侦|刑警 → 刑(?:侦|警)); the
		// concatenation undoes it.
		{"刑侦|刑警", [][]string{{"刑侦", "刑警"}}},
		{"(?:账号|帐号)(?:名)?密码", [][]string{{"账号名密码", "账号密码", "帐号名密码", "帐号密码"}}},
		// Single-rune alternatives become a class of Han characters.
		{"存.{0,4}(?:送|赠)", [][]string{{"存"}, {"赠", "送"}}},
		{"存款.{0,4}(?:送钱|赠)[金币]", [][]string{{"存款"}, {"送钱币", "送钱金", "赠币", "赠金"}}},
		{"(?:我|我们)[^。]{0,9}(?:局|公安)", [][]string{{"我", "我们"}, {"局", "公安"}}},
		{"a+b", [][]string{{"a"}, {"b"}}},
		{`\d{5,}`, nil},
		{"(?:验证码)?", nil},
		{"(?:验证码)+", [][]string{{"验证码"}}},
		{"(?:验证码){0,2}", nil},
		{"(?i)password", nil},
		// Constructs that RE2 syntax rejects or reads otherwise.
		{`(?<!\d)验证码`, nil},
		{"[a-z-[aeiou]]验证码", nil},
		{"x{,3}验证码", nil},
		{`[\d]{2}验证码`, [][]string{{"验证码"}}},
	} {
		got := requiredLiterals(c.expr)
		if !slices.EqualFunc(got, c.want, slices.Equal) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
}

// TestAddRequired checks that a set with a one-rune word is used only when
// the automaton looks for that word anyway.
func TestAddRequired(t *testing.T) {
	pattern := Pattern("(?:我是|我们是)[^。]{0,9}(?:局|公安)", "我是", "我们是")
	for _, c := range []struct {
		name string
		in   Indicator
		sets int
	}{
		{"new one-rune word", pattern, 1}, // 我是 or 我们是 only
		{"known one-rune word", All(pattern, Keywords("局")), 2},
	} {
		d, err := Compile([]Rule{testRule("rule", 10, c.in)}, Config{SkipExamples: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(d.c.reqs[0]); got != c.sets {
			t.Errorf("%s: %d required sets, want %d", c.name, got, c.sets)
		}
	}
}

// TestRequiredLiteralsSound checks on every pattern of the default catalog
// and every golden text that each match holds a word of each required set:
// skipping a pattern whose sets are absent loses no match.
func TestRequiredLiteralsSound(t *testing.T) {
	d := Default()
	n := 0
	for _, text := range goldenTexts() {
		norm := []rune(d.c.norm.String(text))
		for _, re := range d.c.regexps {
			sets := requiredLiterals(re.String())
			err := re.FindRunesMatches(norm, 0, func(m regexp2.MatchView) bool {
				at, l, _ := m.GroupRange(0)
				if l == 0 {
					return true
				}
				n++
				match := string(norm[at : at+l])
				for _, set := range sets {
					if !slices.ContainsFunc(set, func(w string) bool { return strings.Contains(match, w) }) {
						t.Errorf("%q matches %q, which holds no word of %q", re.String(), match, set)
					}
				}
				return true
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if n == 0 {
		t.Fatal("no pattern matched any golden text")
	}
}

// FuzzRequiredLiterals checks that requiredLiterals reads an expression as
// regexp2 does, as far as it matters: every match regexp2 finds holds a
// word of each required set.
func FuzzRequiredLiterals(f *testing.F) {
	for _, seed := range [][2]string{
		{"(?:我是|这里是)[^。]{0,16}(?:客服|专员)", "您好，这里是平台客服，您的订单异常"},
		{"刑侦|刑警", "我是刑警队的"},
		{"(?:账号|帐号)(?:名)?(?:和|及)?密码", "请提供账号和密码"},
		{"[a-z-[aeiou]]+验证码", "xyz验证码"},
		{`(?<!\d)(?:验证码|校验码)\d{4,6}`, "验证码123456"},
		{"(?i)Code[0-9]+", "code42"},
		{"x{,3}y", "x{,3}y"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, expr, text string) {
		if len(expr) > 200 || len(text) > 2000 {
			return
		}
		re, err := compilePattern(expr, time.Second)
		if err != nil {
			return
		}
		sets := requiredLiterals(expr)
		runes := []rune(text)
		_ = re.FindRunesMatches(runes, 0, func(m regexp2.MatchView) bool {
			at, n, _ := m.GroupRange(0)
			match := string(runes[at : at+n])
			for _, set := range sets {
				if !slices.ContainsFunc(set, func(w string) bool { return strings.Contains(match, w) }) {
					t.Fatalf("%q matches %q in %q, which holds no word of %q", expr, match, text, set)
				}
			}
			return true
		})
	})
}
