package indicators_test

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

// hostileKinds are inputs written to defeat a scanner: one character
// repeated, only invisible characters, separators between every character,
// endless digits, deep brackets, bytes that are not UTF-8, and a long run
// of scam-like text without a newline.
var hostileKinds = []struct {
	name string
	unit string // repeated to the wanted size
}{
	{"han", "加"},
	{"zero-width", "\u200b\u200c\u200d\ufeff\u2060"},
	{"sep-cjk", "加-"},
	{"sep-latin", "a b "},
	{"digits", "1234567890"},
	{"brackets", "(（[【{《"},
	{"invalid-utf8", "\xff\xfe\x80\xe5\x8a\xc0"},
	{"no-newline", "高薪兼职加薇信vx_abc123日结，联系13812345678或扣扣275012345，刷单返利 t.me/abcde "},
	{"disguised", "加\u200b微 · 信①③⑧"},
}

// hostile returns kind's unit repeated and cut to at most size bytes, at a
// unit boundary so that valid units stay valid. Brackets open first and
// then close, to nest as deep as the size allows.
func hostile(unit string, size int) string {
	if unit == "(（[【{《" {
		open := strings.Repeat(unit, size/2/len(unit))
		closing := strings.Repeat("》}】]）)", size/2/len(unit))
		return open + closing
	}
	return strings.Repeat(unit, size/len(unit))
}

// runeStarts reports which offsets of s begin a rune or end s; an invalid
// byte counts as a rune of its own, as in a range loop.
func runeStarts(s string) []bool {
	b := make([]bool, len(s)+1)
	for i := range s {
		b[i] = true
	}
	b[len(s)] = true
	return b
}

// checkReport checks the invariants every report must keep, whatever the
// input: spans within the scanned text and on its rune boundaries,
// evidence equal to the text they slice, scores in range.
func checkReport(t *testing.T, scanned string, r indicators.Report) {
	t.Helper()
	bounds := runeStarts(scanned)
	check := func(what string, start, end int, evidence string) {
		t.Helper()
		if start < 0 || end > len(scanned) || start > end {
			t.Fatalf("%s: span [%d, %d) outside the text (%d bytes)", what, start, end, len(scanned))
		}
		if !bounds[start] || !bounds[end] {
			t.Fatalf("%s: span [%d, %d) not on rune boundaries", what, start, end)
		}
		if scanned[start:end] != evidence {
			t.Fatalf("%s: evidence %q != text[%d:%d] = %q", what, evidence, start, end, scanned[start:end])
		}
	}
	if r.Score < 0 || r.Score > 100 {
		t.Fatalf("score %d outside [0, 100]", r.Score)
	}
	for _, c := range r.Categories {
		if c.Score < 0 || c.Score > 100 {
			t.Fatalf("category %s score %d outside [0, 100]", c.Category, c.Score)
		}
	}
	var walk func(rule string, m indicators.Match)
	walk = func(rule string, m indicators.Match) {
		if m.Start >= 0 {
			check(rule+"/"+m.Op, m.Start, m.End, m.Evidence)
		}
		for _, p := range m.Parts {
			walk(rule, p)
		}
	}
	for _, f := range r.Findings {
		check(f.Rule, f.Start, f.End, f.Evidence)
		walk(f.Rule, f.Match)
	}
	for _, e := range r.Entities {
		check(string(e.Kind), e.Start, e.End, e.Evidence)
	}
}

// TestHostileInput runs the default catalog over 1 MiB of each hostile
// kind (the default MaxInput, so nothing is truncated; 64 KiB with -short).
// Each must finish with a valid report and without errors. Patterns get a
// generous timeout: the default 50ms is wall-clock time, which a pattern
// running over a whole 1 MiB text can use up on a busy machine or under
// -race; an error here is then a pattern that hit the backtracking limit.
// The benchmark sweep in hostile_bench_test.go shows that the cost is
// linear.
func TestHostileInput(t *testing.T) {
	d, err := indicators.Compile(indicators.DefaultRules(), indicators.Config{SkipExamples: true, PatternTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	size := d.Config().MaxInput
	if testing.Short() {
		size = 64 << 10
	}
	inputs := map[string]string{"digits-100000": strings.Repeat("7", 100000)}
	for _, k := range hostileKinds {
		inputs[k.name] = hostile(k.unit, size)
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			r := d.Detect(text)
			t.Logf("%d bytes in %v: score %d, %d findings, %d entities, %d errors",
				len(text), time.Since(start).Round(time.Millisecond), r.Score, len(r.Findings), len(r.Entities), len(r.Errors))
			if r.Truncated {
				t.Errorf("%d bytes truncated with MaxInput %d", len(text), d.Config().MaxInput)
			}
			if len(r.Errors) > 0 {
				t.Errorf("errors: %v", r.Errors)
			}
			checkReport(t, text, r)
		})
	}
}

// TestMaxInput checks the documented behaviour of a text longer than
// MaxInput: the longest prefix of at most MaxInput bytes that ends on a
// rune boundary is scanned, the report says Truncated, and its spans lie in
// that prefix.
func TestMaxInput(t *testing.T) {
	const contact = "加微信vx_abc123，联系13812345678"
	tests := []struct {
		name     string
		max      int
		text     string
		scanned  int // bytes scanned
		truncate bool
	}{
		{"shorter", 100, contact, len(contact), false},
		{"exact", len(contact), contact, len(contact), false},
		// 加 is 3 bytes: a limit of 7 falls inside the third rune.
		{"inside rune", 7, "加加加加", 6, true},
		{"on boundary", 6, "加加加加", 6, true},
		{"inside first rune", 2, "加加", 0, true},
		{"contact cut", len(contact) - 4, contact, len(contact) - 4, true},
		{"invalid bytes", 3, "\xff\xff\xff\xff", 3, true},
		{"big", 1 << 16, strings.Repeat("刷单返利加薇信", 10000), 1<<16 - 1<<16%3, true},
		// The default limit, 1 MiB, falls inside the 349,526th 加.
		{"default", 0, strings.Repeat("加", 1<<20/3+1), 1<<20 - 1<<20%3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && len(tt.text) > 1<<16 {
				t.Skip("1 MiB")
			}
			d, err := indicators.Compile(indicators.DefaultRules(), indicators.Config{MaxInput: tt.max, SkipExamples: true, PatternTimeout: time.Minute})
			if err != nil {
				t.Fatal(err)
			}
			r := d.Detect(tt.text)
			if r.Truncated != tt.truncate {
				t.Errorf("Truncated = %v, want %v", r.Truncated, tt.truncate)
			}
			scanned := tt.text[:tt.scanned]
			if !utf8.ValidString(scanned) && utf8.ValidString(tt.text) {
				t.Fatalf("test error: prefix %q is not valid", scanned)
			}
			checkReport(t, scanned, r)
			// The prefix alone gives the same report, except for the flag.
			want := d.Detect(scanned)
			r.Truncated = false
			if !reflect.DeepEqual(r, want) {
				t.Errorf("report of the truncated text differs from that of its prefix:\n%v\n%v", r, want)
			}
		})
	}
}

// catastrophic is a rule file with two patterns that backtrack
// exponentially and one ordinary rule.
// catastrophic holds two patterns that backtrack without end on
// catastrophicText. The words each requires (see requiredLiterals) occur in
// that text, so the scan cannot skip them.
const catastrophic = `{"rules": [
	{"id": "test.nested-plus", "category": "test", "points": 10, "reason": "嵌套量词", "when": {"pattern": "(a+)+$"}},
	{"id": "test.nested-star", "category": "test", "points": 10, "reason": "嵌套星号", "when": {"pattern": "(.*加.*)*微信.号"}},
	{"id": "test.plain", "category": "test", "points": 30, "reason": "普通关键词", "when": {"keywords": ["刷单"]}}
]}`

// secret marks message text that must never reach an error or a log.
const secret = "机密标记Zq9"

func catastrophicDetector(t testing.TB, timeout time.Duration) *indicators.Detector {
	t.Helper()
	rules, err := indicators.LoadRules(strings.NewReader(catastrophic))
	if err != nil {
		t.Fatal(err)
	}
	d, err := indicators.Compile(rules, indicators.Config{PatternTimeout: timeout, SkipExamples: true})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// catastrophicText makes both catastrophic patterns backtrack and the
// ordinary rule fire.
var catastrophicText = secret + "刷单" + strings.Repeat("a", 5000) + "!" + strings.Repeat("加", 3000) + "微信"

func TestCatastrophicPattern(t *testing.T) {
	d := catastrophicDetector(t, 20*time.Millisecond)
	start := time.Now()
	r := d.Detect(catastrophicText)
	elapsed := time.Since(start)
	failed := map[string]bool{}
	for _, e := range r.Errors {
		failed[e.Rule] = true
		if !errors.Is(e, indicators.ErrTimeout) {
			t.Errorf("%v: not ErrTimeout", e)
		}
		for _, s := range []string{secret, "aaaa", "加加"} {
			if strings.Contains(e.Error(), s) {
				t.Errorf("error %q contains the text %q", e, s)
			}
		}
		var re *indicators.RuleError
		if !errors.As(e, &re) || re.Rule != e.Rule {
			t.Errorf("%v: not a *RuleError of its rule", e)
		}
	}
	for _, id := range []string{"test.nested-plus", "test.nested-star"} {
		if !failed[id] {
			t.Errorf("%s: no error (errors %v, findings %v)", id, r.Errors, r.Findings)
		}
	}
	if len(r.Findings) != 1 || r.Findings[0].Rule != "test.plain" {
		t.Errorf("findings %+v, want test.plain only", r.Findings)
	}
	// Two patterns, each bounded by its timeout (or the backtracking
	// limit), plus the rest of the scan.
	if elapsed > 2*time.Second {
		t.Errorf("scan took %v with a 20ms pattern timeout", elapsed)
	}
	checkReport(t, catastrophicText, r)
}

// TestCatastrophicNoGoroutineLeak runs many concurrent scans whose
// patterns time out (regexp2 timeouts use a clock goroutine) and checks that
// the number of goroutines settles back.
func TestCatastrophicNoGoroutineLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for regexp2's clock to stop")
	}
	before := runtime.NumGoroutine()
	d := catastrophicDetector(t, time.Millisecond)
	texts := []string{catastrophicText, "刷单" + strings.Repeat("a", 100) + "!", "你好"}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				d.Detect(texts[(g+i)%len(texts)])
			}
		}()
	}
	wg.Wait()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines after the scans, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRuleFileLimits checks that each documented limit of a rule file
// gives an error that names it.
func TestRuleFileLimits(t *testing.T) {
	rule := func(id, when string) string {
		return `{"id": "test.` + id + `", "category": "test", "points": 5, "reason": "限制", "when": ` + when + `}`
	}
	words := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf(`"词%d"`, i)
		}
		return `{"keywords": [` + strings.Join(w, ",") + `]}`
	}
	nested := func(depth int) string {
		return strings.Repeat(`{"not": `, depth-1) + `{"keywords": ["深"]}` + strings.Repeat(`}`, depth-1)
	}
	manyRules := func(n int) string {
		r := make([]string, n)
		for i := range r {
			r[i] = rule(fmt.Sprintf("r%d", i), `{"keywords": ["词"]}`)
		}
		return `{"rules": [` + strings.Join(r, ",") + `]}`
	}
	tests := []struct {
		name string
		file string
		want string // substring of the error; "" for none
	}{
		{"keywords at limit", `{"rules": [` + rule("k", words(10000)) + `]}`, ""},
		{"keywords over limit", `{"rules": [` + rule("k", words(10001)) + `]}`, "more than 10000 words"},
		{"aliases over limit", `{"rules": [` + rule("k", `{"keywords": [[`+strings.Repeat(`"词",`, 10000)+`"词"]]}`) + `]}`, "more than 10000 words"},
		{"nesting at limit", `{"rules": [` + rule("n", `{"all": [`+nested(31)+`]}`) + `]}`, ""},
		{"nesting over limit", `{"rules": [` + rule("n", `{"all": [`+nested(32)+`]}`) + `]}`, "nested deeper than 32"},
		{"rules at limit", manyRules(10000), ""},
		{"rules over limit", manyRules(10001), "more than 10000 rules"},
		{"file over limit", `{"rules": [], "sets": {"x": {"keywords": ["` + strings.Repeat("大", 3<<20) + `"]}}}`, "larger than 8 MiB"},
		{"window over limit", `{"rules": [` + rule("w", `{"near": 1048577, "of": [{"keywords": ["词"]}]}`) + `]}`, "window larger than 1048576"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules, err := indicators.LoadRules(strings.NewReader(tt.file))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("LoadRules: %v", err)
				}
				return
			}
			if err == nil || rules != nil {
				t.Fatalf("LoadRules = %d rules, %v; want error %q", len(rules), err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %.200q does not contain %q", err, tt.want)
			}
			if len(err.Error()) > 1000 {
				t.Errorf("error is %d bytes long: %.200q", len(err.Error()), err)
			}
		})
	}
}

// TestCompileDepthLimit checks the nesting limit on indicators built in Go,
// which do not go through LoadRules.
func TestCompileDepthLimit(t *testing.T) {
	in := indicators.Keywords("深")
	for range 40 {
		in = indicators.Any(in)
	}
	_, err := indicators.Compile([]indicators.Rule{{ID: "test.deep", Category: "test", Points: 5, Reason: "深", When: in}}, indicators.Config{})
	if err == nil || !strings.Contains(err.Error(), "nested deeper than 32") {
		t.Errorf("Compile of 41 levels: %v", err)
	}
}

// TestHotSwap shares detectors among goroutines under -race while a
// reloader swaps them, as the service does on SIGHUP. Every report must be
// exactly the one that the detector a goroutine loaded gives for the text:
// never a mix of the two rule sets.
func TestHotSwap(t *testing.T) {
	extra, err := indicators.LoadRules(strings.NewReader(`{"rules": [
		{"id": "test.contact", "category": "test", "points": 15, "reason": "联系方式", "when": {"any": [{"entity": "mobile_cn"}, {"entity": "qq"}, {"entity": "wechat_id"}]}},
		{"id": "test.split", "category": "test", "points": 5, "reason": "分隔符", "when": {"keywords": ["加"], "disguised": ["separator"]}}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	// Pattern timeouts are wall-clock: under -race on a busy machine a
	// benign pattern can exceed the default 50ms, which would make the
	// expected reports differ by an error. Give them room.
	one, err := indicators.Compile(indicators.DefaultRules(), indicators.Config{SkipExamples: true, PatternTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	two, err := indicators.Compile(indicators.Merge(indicators.DefaultRules(), extra), indicators.Config{SkipExamples: true, FlagAt: 20, CategoryCap: 30, PatternTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"急招打字员，在家兼职日结，有意者加薇信详聊 vx_abc123",
		"刷单返利，一单一结，扫码进群，联系13812345678",
		"今天天气不错，我们下午去公园散步吧。",
		"警方提醒：凡是要求刷单、垫付的兼职都是诈骗。",
		"长期收U，私聊扣扣 2750123456，百家乐充值返水",
		hostile("加-", 4096),
	}
	want := map[*indicators.Detector][]indicators.Report{}
	for _, d := range []*indicators.Detector{one, two} {
		for _, text := range texts {
			want[d] = append(want[d], d.Detect(text))
		}
	}
	for _, i := range []int{0, 1, 4} {
		if reflect.DeepEqual(want[one][i], want[two][i]) {
			t.Fatalf("text %d: both detectors give the same report; the test could not see a mix", i)
		}
	}
	var cur atomic.Pointer[indicators.Detector]
	cur.Store(one)
	stop := make(chan struct{})
	var swaps atomic.Int64
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if cur.Load() == one {
				cur.Store(two)
			} else {
				cur.Store(one)
			}
			swaps.Add(1)
			runtime.Gosched()
		}
	}()
	var wg sync.WaitGroup
	var scans atomic.Int64
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				d := cur.Load()
				k := (g + i) % len(texts)
				got := d.Detect(texts[k])
				scans.Add(1)
				if !reflect.DeepEqual(got, want[d][k]) {
					t.Errorf("goroutine %d text %d: report differs from its detector's:\n%v\nwant\n%v", g, k, got, want[d][k])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	t.Logf("%d scans, %d swaps", scans.Load(), swaps.Load())
}

// TestErrorsHaveNoText puts a marker in every text the library sees, the
// scanned messages and the examples of rule files, and checks that no error
// from LoadRules, Compile or Detect repeats it.
func TestErrorsHaveNoText(t *testing.T) {
	rule := func(extra string) string {
		return `{"rules": [{"id": "test.privacy", "category": "test", "points": 5, "reason": "隐私", "when": {"keywords": ["刷单"]}` + extra + `}]}`
	}
	files := []struct {
		name string
		file string
	}{
		{"syntax error in example", rule(`, "match": ["` + secret + `"`)},
		{"example of wrong type", rule(`, "match": [1, "` + secret + `"]`)},
		{"unknown key value", rule(`, "x": "` + secret + `"`)},
		{"bad points", `{"rules": [{"id": "test.privacy", "category": "test", "points": "` + secret + `", "reason": "r", "when": {"keywords": ["a"]}}]}`},
		{"control character", rule(`, "match": ["` + secret + "\x01" + `"]`)},
	}
	check := func(what string, err error) {
		t.Helper()
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Errorf("%s: error contains the text: %v", what, err)
		}
	}
	for _, f := range files {
		_, err := indicators.LoadRules(strings.NewReader(f.file))
		if err == nil {
			t.Errorf("%s: LoadRules accepted the file", f.name)
		}
		check("LoadRules "+f.name, err)
	}

	// Examples that fail: a match that does not fire, a no_match that
	// fires, and one whose pattern times out.
	rules, err := indicators.LoadRules(strings.NewReader(`{"rules": [
		{"id": "test.miss", "category": "test", "points": 5, "reason": "r", "when": {"keywords": ["刷单"]}, "match": ["` + secret + `"]},
		{"id": "test.fires", "category": "test", "points": 5, "reason": "r", "when": {"keywords": ["刷单"]}, "no_match": ["` + secret + `刷单"]},
		{"id": "test.slow", "category": "test", "points": 5, "reason": "r", "when": {"pattern": "(a+)+$"}, "match": ["` + secret + strings.Repeat("a", 3000) + `!"]}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = indicators.Compile(rules, indicators.Config{PatternTimeout: time.Millisecond})
	if err == nil {
		t.Fatal("Compile accepted failing examples")
	}
	for _, id := range []string{"test.miss", "test.fires", "test.slow"} {
		if !strings.Contains(err.Error(), id) {
			t.Errorf("Compile error does not name %s: %v", id, err)
		}
	}
	check("Compile", err)

	// Errors in reports, in their text form and in JSON.
	r := catastrophicDetector(t, time.Millisecond).Detect(catastrophicText)
	if len(r.Errors) == 0 {
		t.Fatal("no scan errors")
	}
	for _, e := range r.Errors {
		check("Detect", e)
		b, err := e.MarshalJSON()
		if err != nil || strings.Contains(string(b), secret) {
			t.Errorf("JSON of %v = %s, %v", e, b, err)
		}
	}
}
