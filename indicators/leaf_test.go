package indicators

import "testing"

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
