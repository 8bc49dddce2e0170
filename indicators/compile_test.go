package indicators

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fanzha/fanzha/normalize"
)

func TestCompileErrors(t *testing.T) {
	ok := Keywords("刷单")
	cases := []struct {
		name string
		rule Rule
		want string // in the error message
	}{
		{"bad id", Rule{ID: "Test.x", Category: "test", Points: 1, Reason: "r", When: ok}, "ID must"},
		{"id without dot", Rule{ID: "test", Category: "test", Points: 1, Reason: "r", When: ok}, "ID must"},
		{"category mismatch", Rule{ID: "other.x", Category: "test", Points: 1, Reason: "r", When: ok}, "start with the category"},
		{"zero points", Rule{ID: "test.x", Category: "test", Points: 0, Reason: "r", When: ok}, "points"},
		{"too many points", Rule{ID: "test.x", Category: "test", Points: 101, Reason: "r", When: ok}, "points"},
		{"no reason", Rule{ID: "test.x", Category: "test", Points: 1, When: ok}, "reason"},
		{"no indicator", Rule{ID: "test.x", Category: "test", Points: 1, Reason: "r"}, "no indicator"},
		{"no keywords", testRule("x", 1, Keywords()), "no words"},
		{"empty keyword", testRule("x", 1, Keywords("刷单", "")), "empty after normalization"},
		{"bad pattern", testRule("x", 1, Pattern(`(`)), "pattern"},
		{"unknown entity", testRule("x", 1, Entity("fax")), "unknown kind"},
		{"at_least too many", testRule("x", 1, AtLeast(3, ok, ok)), "at_least"},
		{"at_least zero", testRule("x", 1, AtLeast(0, ok)), "at_least"},
		{"near zero window", testRule("x", 1, Near(0, ok)), "window"},
		{"zero weight", testRule("x", 1, Weight(0, ok)), "weight"},
		{"huge weight", testRule("x", 1, Weight(1000, ok)), "weight"},
		{"no kinds", testRule("x", 1, Disguised(0, ok)), "disguised"},
		{"not at top", testRule("x", 1, Not(ok)), "not cannot"},
		{"not under weight", testRule("x", 1, Weight(2, Not(ok))), "not cannot"},
		{"nil child", testRule("x", 1, All(ok, nil)), "nil indicator"},
		{"empty all", testRule("x", 1, All()), "no indicators"},
		{"unless without context", testRule("x", 1, Unless(ok)), "unless"},
		{"too deep", testRule("x", 1, deep(40)), "deeper"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Compile([]Rule{c.rule}, Config{})
			if err == nil {
				t.Fatal("Compile succeeded")
			}
			var re *RuleError
			if !errors.As(err, &re) || re.Rule != c.rule.ID {
				t.Errorf("error %v does not name rule %q", err, c.rule.ID)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func deep(n int) Indicator {
	in := Keywords("刷单")
	for range n {
		in = Any(in)
	}
	return in
}

func TestCompileDuplicateAndJoined(t *testing.T) {
	rules := []Rule{
		testRule("a", 1, Keywords("刷单")),
		testRule("a", 1, Keywords("返利")),
		testRule("b", 0, Keywords("返利")),
	}
	_, err := Compile(rules, Config{})
	if err == nil {
		t.Fatal("Compile succeeded")
	}
	for _, want := range []string{"rule test.a: duplicate rule ID", "rule test.b: points"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestCompileBadExamples(t *testing.T) {
	r := testRule("shua-dan", 10, Keywords("刷单"))
	r.Match = []string{"招人刷单", "在家兼职"}
	r.NoMatch = []string{"天气很好", "刷单返利"}
	_, err := Compile([]Rule{r}, Config{})
	if err == nil {
		t.Fatal("Compile succeeded with bad examples")
	}
	for _, want := range []string{"rule test.shua-dan: match[1] does not fire", "rule test.shua-dan: no_match[1] fires"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := Compile([]Rule{r}, Config{SkipExamples: true}); err != nil {
		t.Errorf("SkipExamples: %v", err)
	}
}

func TestCompileGoodExamples(t *testing.T) {
	r := testRule("shua-dan", 10, Unless(Keywords("刷单"), Keywords("警方提醒")))
	r.Match = []string{"招人刷单"}
	r.NoMatch = []string{"警方提醒：刷单是诈骗"}
	if _, err := Compile([]Rule{r}, Config{}); err != nil {
		t.Fatal(err)
	}
}

func TestCompileDisabled(t *testing.T) {
	on := testRule("on", 10, Keywords("刷单"))
	off := testRule("off", 10, Keywords("刷单"))
	off.Disabled = true
	stub := Rule{ID: "test.stub", Disabled: true}
	d, err := Compile([]Rule{on, off, stub}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Detect("刷单")
	if len(r.Findings) != 1 || r.Findings[0].Rule != "test.on" {
		t.Errorf("findings = %+v, want only test.on", r.Findings)
	}
	if len(d.Rules()) != 3 {
		t.Errorf("Rules() has %d rules, want 3", len(d.Rules()))
	}
	// A disabled rule is still validated.
	bad := testRule("bad", 0, Keywords("刷单"))
	bad.Disabled = true
	if _, err := Compile([]Rule{bad}, Config{}); err == nil {
		t.Error("disabled rule with 0 points compiled")
	}
}

func TestConfigDefaults(t *testing.T) {
	d := MustCompile(nil, Config{})
	c := d.Config()
	if c.Normalizer != normalize.Default || c.Thresholds != DefaultThresholds || c.FlagAt != 40 ||
		c.CategoryCap != 60 || c.MaxInput != 1<<20 || c.PatternTimeout != 500*time.Millisecond {
		t.Errorf("defaults = %+v", c)
	}
	for _, bad := range []Config{
		{Thresholds: Thresholds{Low: 50, Medium: 40, High: 70}},
		{FlagAt: 101},
		{CategoryCap: -1},
		{CategoryCaps: map[string]int{"x": 0}},
		{MaxInput: -1},
		{PatternTimeout: -time.Second},
	} {
		if _, err := Compile(nil, bad); err == nil {
			t.Errorf("Compile accepted %+v", bad)
		}
	}
}

// TestPrefilter checks the necessary-keyword sets that decide which rules
// run on a text.
func TestPrefilter(t *testing.T) {
	kw := Keywords("刷单", "返利")
	cases := []struct {
		name   string
		in     Indicator
		always bool
		forms  []string
	}{
		{"keywords", kw, false, []string{"刷单", "返利"}},
		{"pattern with prefilter", Pattern(`\d+`, "日赚"), false, []string{"日赚"}},
		{"pattern without", Pattern(`\d+`), true, nil},
		{"entity", Entity(MobileCN), true, nil},
		{"all picks selective", All(Keywords("加"), Keywords("微信号")), false, []string{"微信号"}},
		{"all skips unconstrained", All(Entity(QQ), Keywords("扣扣")), false, []string{"扣扣"}},
		{"all of unconstrained", All(Entity(QQ), Not(kw)), true, nil},
		{"any unions", Any(Keywords("a1"), Keywords("b2")), false, []string{"a1", "b2"}},
		{"any with unconstrained", Any(kw, Entity(URL)), true, nil},
		{"near", Near(5, Keywords("加"), Keywords("飞机号")), false, []string{"飞机号"}},
		{"modifier", Unless(Weight(2, kw), Entity(URL)), false, []string{"刷单", "返利"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := MustCompile([]Rule{testRule("x", 1, c.in)}, Config{SkipExamples: true})
			s := d.c.need(d.c.rules[0].root)
			if s.always != c.always {
				t.Fatalf("always = %v, want %v", s.always, c.always)
			}
			var forms []string
			for _, p := range s.pats {
				forms = append(forms, d.c.forms[p])
			}
			if strings.Join(forms, ",") != strings.Join(c.forms, ",") {
				t.Errorf("forms = %q, want %q", forms, c.forms)
			}
		})
	}
}

// TestPrefilterSkipsRules checks that a rule whose keywords are absent does
// not run: its pattern would time out if it ran.
func TestPrefilterSkipsRules(t *testing.T) {
	slow := testRule("slow", 10, Pattern(`(a+)+$`, "触发"))
	d := MustCompile([]Rule{slow}, Config{SkipExamples: true, PatternTimeout: time.Millisecond})
	text := strings.Repeat("a", 5000) + "!"
	if r := d.Detect(text); len(r.Errors) != 0 {
		t.Errorf("rule ran without its prefilter keyword: %v", r.Errors)
	}
	if r := d.Detect("触发" + text); len(r.Errors) != 1 {
		t.Errorf("rule with its prefilter keyword: errors %v, want a timeout", r.Errors)
	}
}
