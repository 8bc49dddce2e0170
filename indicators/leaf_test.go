package indicators

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

func TestKeywords(t *testing.T) {
	runIndicatorCases(t, []indicatorCase{
		{"han anywhere", Keywords("刷单"), "这里招聘刷单兼职", true, "刷单"},
		{"han absent", Keywords("刷单"), "这里招聘兼职", false, ""},
		{"first of several", Keywords("返利", "刷单"), "刷单有返利", true, "刷单"},
		{"latin whole word", Keywords("vx"), "加vx聊", true, "vx"},
		{"latin inside word", Keywords("vx"), "we use vxworks here", false, ""},
		{"latin after letter", Keywords("vx"), "avx", false, ""},
		{"latin next to digit", Keywords("vx"), "vx123456", true, "vx"},
		{"latin next to space", Keywords("qq"), "my qq is", true, "qq"},
		{"qq inside qqq", Keywords("qq"), "qqq", false, ""},
		{"digit form next to digit", Keywords("110"), "call 1101", false, ""},
		{"digit form next to letter", Keywords("110"), "call a110b", true, "110"},
		{"mixed form edge", Keywords("v信"), "加v信", true, "v信"},
		{"mixed form after letter", Keywords("v信"), "加xv信", false, ""},
		{"greek letter is a letter", Keywords("tg"), "αtg", false, ""},
		{"substrings inside word", Substrings("vx"), "we use vxworks here", true, "vx"},
		{"aliases alias form", Aliases("微信", "薇信", "威信"), "加薇信", true, "薇信"},
		{"aliases canonical", Aliases("微信", "薇信"), "加微信", true, "微信"},
	})
}

func TestAliasesTerm(t *testing.T) {
	f, ok := fire(t, Aliases("微信", "薇信", "vx"), "请加薇信")
	if !ok {
		t.Fatal("did not fire")
	}
	if f.Match.Term != "微信" || f.Match.Normalized != "薇信" || f.Match.Op != "keywords" {
		t.Errorf("match = %+v, want term 微信, normalized 薇信, op keywords", f.Match)
	}
}

func TestPattern(t *testing.T) {
	runIndicatorCases(t, []indicatorCase{
		{"plain", Pattern(`日[赚入]\d+`), "在家日赚500元", true, "日赚500"},
		{"lookahead", Pattern(`返利(?=\d+%)`), "刷单返利20%", true, "返利"},
		{"lookahead fails", Pattern(`返利(?=\d+%)`), "刷单返利很多", false, ""},
		{"prefilter present", Pattern(`\d{3,}元`, "日赚"), "日赚 800元", true, "800元"},
		{"prefilter absent", Pattern(`\d{3,}元`, "日赚"), "月薪 800元", false, ""},
		{"empty match ignored", Pattern(`x*`), "abc", false, ""},
	})
}

func TestPatternTerm(t *testing.T) {
	f, ok := fire(t, Pattern(`日赚\d+`), "日赚300")
	if !ok || f.Match.Term != `日赚\d+` || f.Match.Op != "pattern" {
		t.Fatalf("finding = %+v, %v", f, ok)
	}
}

// TestKeywordsManyForms checks keywords, which merges the hit chains of
// the forms that occur or sorts them when more than 8 do, against a
// straightforward reference: every hit of every form, in n.terms order,
// whole-word filtered, stably sorted by span.
func TestKeywordsManyForms(t *testing.T) {
	// 30 Han forms of two characters, some of which overlap in a text of
	// the same characters, and Latin forms that normalize alike.
	han := []rune("甲乙丙丁戊己")
	var many []string
	for _, a := range han[:5] {
		for _, b := range han {
			many = append(many, string([]rune{a, b}))
		}
	}
	many = append(many, "vx", "VX", "ｖｘ", "qq", "QQ", "甲乙", "v信", "V信")
	cases := []struct {
		name  string
		words []string
		whole bool
		text  string
		occur int // the least number of distinct forms that occur
	}{
		{"none occurs", many, true, "没有关键词的文本", 0},
		{"one form", many, true, "加vx聊", 1},
		{"alike forms", many, true, "加VX或ｖｘ或vx, qq QQ", 2},
		{"few forms", many, true, "甲乙 丙丁 加v信", 3},
		{"merge of overlaps", many, true, "甲乙丙 甲乙丙 乙丙丁", 4},
		{"more than 8 forms", many, true, "甲乙丙丁戊己甲丙乙丁丙戊丁己戊甲己乙 vx avx vxb V信", 9},
		{"sorted, not whole words", many, false, "甲乙丙丁戊己甲丙乙丁丙戊丁己戊甲己乙 vx avx vxb qqq", 9},
		{"many hits", many, true, strings.Repeat("甲乙丙丁戊己甲丙乙丁 vx ", 40), 9},
		{"small leaf", []string{"vx", "VX", "甲乙"}, true, "vx 甲乙甲乙 avx VX", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Keywords(c.words...)
			if !c.whole {
				in = Substrings(c.words...)
			}
			d, err := Compile([]Rule{testRule("kw", 10, in)}, Config{SkipExamples: true})
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			n := d.c.rules[0].root
			if n.op != opKeywords {
				t.Fatalf("root is op %v, want keywords", n.op)
			}
			s := d.c.getScan(c.text)
			defer d.c.putScan(s)
			var want []imatch
			for i := range n.terms {
				tm := &n.terms[i]
				for _, h := range s.hits {
					if h.Pattern == tm.pat && (!n.wholeWord || s.wholeWord(*tm, int(h.Start), int(h.End))) {
						want = append(want, imatch{start: h.Start, end: h.End, weight: 1, op: opKeywords, term: tm.canonical})
					}
				}
			}
			slices.SortStableFunc(want, func(a, b imatch) int {
				return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
			})
			occur := map[int32]bool{}
			for _, m := range want {
				occur[s.hits[slices.IndexFunc(s.hits, func(h hit) bool { return h.Start == m.start && h.End == m.end })].Pattern] = true
			}
			if len(occur) < c.occur {
				t.Fatalf("%d forms occur, want at least %d: the case does not test what it says", len(occur), c.occur)
			}
			got := s.keywords(n)
			if !slices.EqualFunc(got, want, func(a, b imatch) bool {
				return a.start == b.start && a.end == b.end && a.term == b.term && a.op == b.op && a.weight == b.weight
			}) {
				t.Errorf("keywords = %v\nwant %v", got, want)
			}
		})
	}
}
