package indicators

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// fuzzDetector exercises every operator on short texts.
var fuzzRules = []Rule{
	testRule("keywords", 10, Aliases("微信", "薇信", "vx", "v信")),
	testRule("near", 20, Near(6, Keywords("加", "添加"), Aliases("微信", "vx", "qq", "扣扣"))),
	testRule("all", 15, All(Keywords("刷单", "兼职"), Not(Keywords("警方提醒")))),
	testRule("at-least", 15, AtLeast(2, Keywords("日结"), Keywords("返利"), Pattern(`\d{3,}元`, "元"))),
	testRule("except", 10, Except(Substrings("跑分"), Keywords("手机跑分"))),
	testRule("unless", 10, Unless(Keywords("安全账户"), Keywords("反诈"))),
	testRule("disguised", 5, Disguised(0xffff, Keywords("微信", "刷单"))),
	testRule("weight", 30, Any(Weight(0.5, Keywords("博彩")), Weight(2, Entity(Telegram)))),
	testRule("entity", 20, Any(Entity(MobileCN), Entity(QQ), Entity(URL), Entity(Wallet))),
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"", "有意者加薇信详聊", "加 - 微 - 信", "ＶＸ１３８", "刷单兼职日结500元", "手机跑分很高，也招人跑分",
		"联系13812345678", "t.me/abc", "\xff\xfe加微信", "加\u200b微\u200b信", "警方提醒：刷单是诈骗",
	} {
		f.Add(s)
	}
	d := MustCompile(fuzzRules, Config{SkipExamples: true, MaxInput: 4096})
	f.Fuzz(func(t *testing.T, text string) {
		r := d.Detect(text)
		scanned := truncate(text, 4096)
		if r.Score < 0 || r.Score > 100 {
			t.Fatalf("score %d", r.Score)
		}
		check := func(what string, start, end int, evidence string) {
			if start < 0 || end > len(scanned) || start > end {
				t.Fatalf("%s: span [%d, %d) outside the text (%d bytes)", what, start, end, len(scanned))
			}
			if !boundary(scanned, start) || !boundary(scanned, end) {
				t.Fatalf("%s: span [%d, %d) not on rune boundaries", what, start, end)
			}
			if scanned[start:end] != evidence {
				t.Fatalf("%s: evidence %q != text[%d:%d] = %q", what, evidence, start, end, scanned[start:end])
			}
		}
		for _, fi := range r.Findings {
			check(fi.Rule, fi.Start, fi.End, fi.Evidence)
			walk(fi.Match, func(m Match) {
				if m.Start >= 0 {
					check(fi.Rule+"/"+m.Op, m.Start, m.End, m.Evidence)
				}
			})
		}
		for _, e := range r.Entities {
			check(string(e.Kind), e.Start, e.End, e.Evidence)
		}
		checkExport(t, d, text)
		if again := d.Detect(text); !reflect.DeepEqual(r, again) {
			t.Fatalf("not deterministic:\n%+v\n%+v", r, again)
		}
		// A report reused from another text must come out the same.
		var reused Report
		d.DetectTo(context.Background(), fuzzReuseText, &reused)
		d.DetectTo(context.Background(), text, &reused)
		if !reflect.DeepEqual(exportedOnly(reused), exportedOnly(r)) {
			t.Fatalf("DetectTo into a reused report differs:\n%+v\n%+v", reused, r)
		}
	})
}

// fuzzReuseText fills the report that FuzzDetect reuses: findings,
// disguises and entities of several kinds.
const fuzzReuseText = "高薪兼职：刷單返利，日结五百，加 V·X：wx_fast2024，官网 http://a.example.top，电话 13812345678，不要告诉家人"

// boundary reports whether i is where a rune (or an invalid byte) of s
// starts, or its end.
func boundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j >= i {
			return j == i
		}
	}
	return false
}

func walk(m Match, fn func(Match)) {
	fn(m)
	for _, p := range m.Parts {
		walk(p, fn)
	}
}

func FuzzLoadRules(f *testing.F) {
	f.Add(goodFile)
	f.Add(`{"rules": [{"id": "test.x", "disabled": true}]}`)
	f.Add(`{"sets": {"a": {"ref": "b"}, "b": {"ref": "a"}}}`)
	f.Add(`{"rules": [{"id": "test.x", "category": "test", "points": 5, "reason": "r", "when": {"near": 3, "of": [{"keywords": [["a", "b"]]}, {"pattern": "\\d+", "prefilter": ["c"]}], "weight": 2, "disguised": ["separator"]}}]}`)
	f.Fuzz(func(t *testing.T, file string) {
		rules, err := LoadRules(strings.NewReader(file))
		if err != nil {
			if rules != nil {
				t.Fatal("rules returned with an error")
			}
			return
		}
		// Whatever loads must compile or fail cleanly, never panic.
		d, err := Compile(rules, Config{SkipExamples: true})
		if err == nil {
			d.Detect(file)
		}
	})
}
