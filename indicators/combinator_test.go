package indicators

import "testing"

func TestCombinators(t *testing.T) {
	job := Keywords("打字员", "刷单")
	pay := Keywords("日结", "返利")
	warn := Keywords("警方提醒")
	runIndicatorCases(t, []indicatorCase{
		{"all both", All(job, pay), "招打字员，日结工资", true, "打字员，日结"},
		{"all one missing", All(job, pay), "招打字员，月结工资", false, ""},
		{"all reversed order", All(job, pay), "日结工资，招打字员", true, "日结工资，招打字员"},
		{"any first child", Any(job, pay), "今天日结", true, "日结"},
		{"any none", Any(job, pay), "今天休息", false, ""},
		{"at_least met", AtLeast(2, job, pay, Keywords("包吃住")), "包吃住，日结", true, "包吃住，日结"},
		{"at_least short", AtLeast(2, job, pay, Keywords("包吃住")), "包吃住，月结", false, ""},
		{"near within", Near(4, Keywords("加"), Keywords("微信")), "请加我微信", true, "加我微信"},
		{"near exact window", Near(3, Keywords("加"), Keywords("微信")), "加我微信", false, ""},
		{"near window counts runes", Near(4, Keywords("加"), Keywords("微信")), "加我微信", true, "加我微信"},
		{"near too far", Near(4, Keywords("加"), Keywords("微信")), "加班很多，没有微信", false, ""},
		{"near picks close pair", Near(3, Keywords("加"), Keywords("微信")), "加班很多。微信请加微信", true, "加微信"},
		{"near with not", Near(4, Keywords("加"), Keywords("微信"), Not(warn)), "请加微信", true, "加微信"},
		{"near with failing not", Near(4, Keywords("加"), Keywords("微信"), Not(warn)), "警方提醒：别加微信", false, ""},
		{"all with not", All(job, Not(warn)), "招打字员", true, "打字员"},
		{"all with failing not", All(job, Not(warn)), "警方提醒：打字员是骗局", false, ""},
		{"unless silent", Unless(job, warn), "警方提醒：刷单是诈骗", false, ""},
		{"unless fires", Unless(job, warn), "刷单是赚钱的好办法", true, "刷单"},
		{"except allowed phrase", Except(Keywords("跑分"), Keywords("手机跑分")), "这台手机跑分很高", false, ""},
		{"except elsewhere", Except(Keywords("跑分"), Keywords("手机跑分")), "手机跑分很高，也招人跑分", true, "跑分"},
		{"weight passes matches", Weight(2, job), "刷单", true, "刷单"},
		{"nested", Any(All(job, pay), Near(3, Keywords("收"), Keywords("卡"))), "高价收银行卡", false, ""},
		{"nested near", Any(All(job, pay), Near(3, Keywords("收"), Keywords("卡"))), "收卡", true, "收卡"},
	})
}

func TestExceptEvidenceIsTheSurvivor(t *testing.T) {
	f, ok := fire(t, Except(Keywords("跑分"), Keywords("手机跑分")), "手机跑分很高，也招人跑分")
	if !ok {
		t.Fatal("did not fire")
	}
	if want := len("手机跑分很高，也招人"); f.Start != want {
		t.Errorf("start = %d, want %d (the second 跑分)", f.Start, want)
	}
}

func TestWeightScoring(t *testing.T) {
	cases := []struct {
		in   Indicator
		text string
		want int
	}{
		{Keywords("刷单"), "刷单", 10},
		{Weight(2, Keywords("刷单")), "刷单", 20},
		{Weight(0.5, Keywords("刷单")), "刷单", 5},
		{Weight(0.01, Keywords("刷单")), "刷单", 1}, // at least 1
		// Any: the strongest branch scores, whichever comes first.
		{Any(Keywords("返利"), Weight(2, Keywords("刷单"))), "返利刷单", 20},
		// All multiplies its children's weights.
		{All(Weight(2, Keywords("刷单")), Weight(1.5, Keywords("返利"))), "刷单返利", 30},
		{AtLeast(1, Weight(2, Keywords("刷单")), Weight(3, Keywords("返利"))), "刷单返利", 30},
	}
	for _, c := range cases {
		f, ok := fire(t, c.in, c.text)
		if !ok || f.Points != c.want {
			t.Errorf("%s: points = %d (fired %v), want %d", c.text, f.Points, ok, c.want)
		}
	}
}

func TestMatchTree(t *testing.T) {
	f, ok := fire(t, All(Keywords("打字员"), Any(Keywords("日结"), Keywords("返利")), Not(Keywords("警方提醒"))), "招打字员，返利高")
	if !ok {
		t.Fatal("did not fire")
	}
	m := f.Match
	if m.Op != "all" || len(m.Parts) != 3 {
		t.Fatalf("match = %+v, want all with 3 parts", m)
	}
	if m.Parts[0].Evidence != "打字员" || m.Parts[1].Evidence != "返利" || m.Parts[1].Term != "返利" {
		t.Errorf("parts = %+v", m.Parts)
	}
	if p := m.Parts[2]; p.Op != "not" || p.Start != -1 || p.End != -1 || p.Evidence != "" {
		t.Errorf("not part = %+v, want no span", p)
	}
}

// TestMatchCounts checks how many matches each combinator reports, which
// the rule's single finding does not show.
func TestMatchCounts(t *testing.T) {
	cases := []struct {
		name string
		in   Indicator
		text string
		want int
	}{
		{"keywords every hit", Keywords("加"), "加一加再加", 3},
		{"near two stretches", Near(4, Keywords("加"), Keywords("微信")), "加微信。很多字很多字。加了微信", 2},
		{"near does not reuse", Near(3, Keywords("加"), Keywords("微信")), "加微信微信", 1},
		{"near three kids", Near(5, Keywords("加"), Keywords("我"), Keywords("微信")), "加我微信，我加你微信", 2},
		{"any merges", Any(Keywords("加"), Keywords("微信")), "加微信加", 3},
		{"all once", All(Keywords("加"), Keywords("微信")), "加微信加微信", 1},
		{"at_least once", AtLeast(1, Keywords("加"), Keywords("微信")), "加微信加微信", 1},
		{"except some", Except(Keywords("跑分"), Keywords("手机跑分")), "跑分手机跑分跑分", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := MustCompile([]Rule{testRule("x", 1, c.in)}, Config{SkipExamples: true})
			s := d.c.getScan(c.text)
			defer d.c.putScan(s)
			ms := s.eval(d.c.rules[0].root)
			if len(ms) != c.want {
				t.Errorf("%d matches, want %d: %+v", len(ms), c.want, ms)
			}
			for i := 1; i < len(ms); i++ {
				if ms[i].start < ms[i-1].start {
					t.Errorf("matches not sorted by start: %+v", ms)
				}
			}
		})
	}
}
