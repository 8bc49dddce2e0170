package indicators

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// wordOf gives each rule of the scoring tests its own word, so that a text
// is the list of the rules it fires.
var wordOf = map[string]string{}

var scoringWords = []string{"苹果", "香蕉", "葡萄", "西瓜", "桃子", "橙子", "柠檬", "芒果", "草莓", "樱桃", "菠萝", "石榴", "荔枝", "龙眼", "李子", "杏子"}

func word(id string) string {
	w, ok := wordOf[id]
	if !ok {
		w = scoringWords[len(wordOf)]
		wordOf[id] = w
	}
	return w
}

func scoringDetector(t *testing.T, cfg Config, rules map[string]int) *Detector {
	t.Helper()
	var rs []Rule
	for id, pts := range rules {
		cat, _, _ := strings.Cut(id, ".")
		rs = append(rs, Rule{ID: id, Category: cat, Points: pts, Reason: "测试", When: Keywords(word(id))})
	}
	d, err := Compile(rs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func words(ids ...string) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(word(id) + "，")
	}
	return b.String()
}

func TestScoring(t *testing.T) {
	rules := map[string]int{
		"job.a": 30, "job.b": 25, "job.c": 20,
		"contact.a": 15, "contact.b": 50,
		"evasion.a": 15, "evasion.b": 15,
		"money.a": 100,
	}
	d := scoringDetector(t, Config{}, rules)
	cases := []struct {
		fired   []string
		score   int
		level   Level
		flagged bool
		cats    string
	}{
		{nil, 0, LevelNone, false, ""},
		{[]string{"contact.a"}, 15, LevelNone, false, "contact 15"},
		{[]string{"job.c"}, 20, LevelLow, false, "job 20"},
		{[]string{"job.a", "contact.a"}, 45, LevelMedium, true, "job 30, contact 15"},
		{[]string{"job.a", "job.b", "job.c"}, 60, LevelMedium, true, "job 60"},  // capped at 60
		{[]string{"evasion.a", "evasion.b"}, 20, LevelLow, false, "evasion 20"}, // evasion cap 20
		{[]string{"job.a", "job.b", "contact.b"}, 100, LevelHigh, true, "job 55, contact 50"},
		{[]string{"money.a"}, 60, LevelMedium, true, "money 60"},
		{[]string{"contact.a", "evasion.a"}, 30, LevelLow, false, "contact 15, evasion 15"}, // ties by name
	}
	for _, c := range cases {
		r := d.Detect(words(c.fired...))
		var cats []string
		for _, cs := range r.Categories {
			cats = append(cats, fmt.Sprintf("%s %d", cs.Category, cs.Score))
		}
		if r.Score != c.score || r.Level != c.level || r.Flagged != c.flagged || strings.Join(cats, ", ") != c.cats {
			t.Errorf("%v: score %d %v flagged %v cats %q; want %d %v %v %q",
				c.fired, r.Score, r.Level, r.Flagged, cats, c.score, c.level, c.flagged, c.cats)
		}
	}
}

func TestScoringConfig(t *testing.T) {
	rules := map[string]int{"job.a": 30, "job.b": 25, "evasion.a": 30, "contact.a": 10}
	cases := []struct {
		cfg     Config
		fired   []string
		score   int
		level   Level
		flagged bool
	}{
		{Config{CategoryCap: 40}, []string{"job.a", "job.b"}, 40, LevelMedium, true},
		{Config{CategoryCaps: map[string]int{"job": 35}}, []string{"job.a", "job.b"}, 35, LevelLow, false},
		{Config{CategoryCaps: map[string]int{"evasion": 100}}, []string{"evasion.a"}, 30, LevelLow, false},
		{Config{FlagAt: 25}, []string{"job.a"}, 30, LevelLow, true},
		{Config{Thresholds: Thresholds{Low: 5, Medium: 10, High: 30}}, []string{"job.a"}, 30, LevelHigh, true},
		{Config{Only: []string{"contact"}}, []string{"job.a", "contact.a"}, 10, LevelNone, false},
	}
	for i, c := range cases {
		d := scoringDetector(t, c.cfg, rules)
		r := d.Detect(words(c.fired...))
		if r.Score != c.score || r.Level != c.level || r.Flagged != c.flagged {
			t.Errorf("case %d: score %d %v flagged %v; want %d %v %v", i, r.Score, r.Level, r.Flagged, c.score, c.level, c.flagged)
		}
	}
	d := scoringDetector(t, Config{Only: []string{"contact"}}, rules)
	if r := d.Detect(words("job.a", "contact.a")); len(r.Findings) != 1 || r.Findings[0].Category != "contact" {
		t.Errorf("Only: findings %+v, want the contact rule only", r.Findings)
	}
}

// TestScoreMonotone checks that a text that fires more rules never scores
// lower: every subset of the rules against every superset.
func TestScoreMonotone(t *testing.T) {
	rules := map[string]int{
		"job.a": 30, "job.b": 45, "contact.a": 15, "contact.b": 40,
		"evasion.a": 12, "evasion.b": 18, "money.a": 70,
	}
	d := scoringDetector(t, Config{}, rules)
	var ids []string
	for id := range rules {
		ids = append(ids, id)
	}
	score := func(mask int) int {
		var fired []string
		for i, id := range ids {
			if mask&(1<<i) != 0 {
				fired = append(fired, id)
			}
		}
		return d.Detect(words(fired...)).Score
	}
	n := 1 << len(ids)
	scores := make([]int, n)
	for m := range n {
		scores[m] = score(m)
	}
	for m := range n {
		for i := range ids {
			if sup := m | 1<<i; scores[sup] < scores[m] {
				t.Fatalf("adding %s lowers the score from %d to %d", ids[i], scores[m], scores[sup])
			}
		}
	}
}

func TestFindingOrder(t *testing.T) {
	d := scoringDetector(t, Config{}, map[string]int{"b.x": 10, "a.x": 10, "c.x": 10})
	r := d.Detect(words("c.x", "a.x", "b.x"))
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Rule)
	}
	if strings.Join(got, " ") != "c.x a.x b.x" {
		t.Errorf("order = %v, want by position", got)
	}
}

// TestReportOrder checks reportOrder against a plain sort by start, then
// rule ID, for as many fired rules as take the insertion sort and more,
// with ties of start.
func TestReportOrder(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5, 12, 13, 40} {
		s := &scan{}
		ms := make([]Match, n)
		for i := range n {
			// Starts repeat, so that rule IDs decide; IDs are not in
			// the order of the rules.
			ms[i].Start = (i * 7) % 5
			s.fired = append(s.fired, firedRule{rule: &Rule{ID: fmt.Sprintf("r%02d", (i*11)%n)}})
		}
		want := make([]int32, n)
		for i := range want {
			want[i] = int32(i)
		}
		slices.SortFunc(want, func(a, b int32) int {
			return cmp.Or(cmp.Compare(ms[a].Start, ms[b].Start), cmp.Compare(s.fired[a].rule.ID, s.fired[b].rule.ID))
		})
		if got := s.reportOrder(ms); !slices.Equal(got, want) {
			t.Errorf("%d fired: order %v, want %v", n, got, want)
		}
	}
}

func TestFindingOncePerRule(t *testing.T) {
	f, ok := fire(t, Keywords("刷单"), "刷单，刷单，还是刷单")
	if !ok || f.Points != 10 || f.Start != 0 {
		t.Errorf("finding = %+v, want 10 points at the first match", f)
	}
}
