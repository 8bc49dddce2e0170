package indicators

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// evil backtracks exponentially on a run of a's that does not end the text.
const evil = `(a+)+$`

func TestPatternTimeout(t *testing.T) {
	rules := []Rule{
		testRule("slow", 10, Pattern(evil)),
		testRule("fine", 10, Keywords("秘密")),
	}
	d := MustCompile(rules, Config{SkipExamples: true, PatternTimeout: 5 * time.Millisecond})
	text := "秘密" + strings.Repeat("a", 3000) + "!"
	r := d.Detect(text)
	if len(r.Errors) != 1 {
		t.Fatalf("errors = %v, want one", r.Errors)
	}
	e := r.Errors[0]
	if e.Rule != "test.slow" || !errors.Is(e, ErrTimeout) {
		t.Errorf("error = %v, want test.slow wrapping ErrTimeout", e)
	}
	if strings.Contains(e.Error(), "秘密") || strings.Contains(e.Error(), "aaa") {
		t.Errorf("error message contains the text: %q", e.Error())
	}
	if len(r.Findings) != 1 || r.Findings[0].Rule != "test.fine" {
		t.Errorf("findings = %+v, want test.fine despite the timeout", r.Findings)
	}
}

func TestPatternExampleTimeout(t *testing.T) {
	r := testRule("slow", 10, Pattern(evil))
	r.NoMatch = []string{strings.Repeat("a", 3000) + "!"}
	_, err := Compile([]Rule{r}, Config{PatternTimeout: 5 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "test.slow") {
		t.Errorf("Compile error = %v, want a timeout naming test.slow", err)
	}
}

// TestNoGoroutineLeak checks that scans, timed out or not, leave no
// goroutines behind. regexp2 keeps one clock goroutine while deadlines are
// pending and stops it about a second after the last one.
func TestNoGoroutineLeak(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for regexp2's clock to stop")
	}
	d := MustCompile([]Rule{
		testRule("slow", 10, Pattern(evil)),
		testRule("fast", 10, Pattern(`日赚\d+`)),
	}, Config{SkipExamples: true, PatternTimeout: time.Millisecond})
	before := runtime.NumGoroutine()
	slow := strings.Repeat("a", 200) + "!"
	for i := range 200 {
		text := "日赚300"
		if i%20 == 0 {
			text += slow
		}
		d.Detect(text)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines: %d before, %d after", before, runtime.NumGoroutine())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSharedPattern checks that rules sharing an expression share one
// compiled pattern that runs once per text: each rule still reports the
// timeout, but the text pays for it once.
func TestSharedPattern(t *testing.T) {
	var rules []Rule
	for _, id := range []string{"a", "b", "c", "d"} {
		rules = append(rules, testRule(id, 10, Pattern(evil)))
	}
	rules = append(rules, testRule("e", 10, Pattern(`日赚\d+`)))
	d := MustCompile(rules, Config{SkipExamples: true, PatternTimeout: 50 * time.Millisecond})
	if n := len(d.c.regexps); n != 2 {
		t.Fatalf("%d compiled patterns, want 2", n)
	}
	start := time.Now()
	r := d.Detect(strings.Repeat("a", 5000) + "!日赚300")
	elapsed := time.Since(start)
	if len(r.Errors) != 4 || len(r.Findings) != 1 {
		t.Fatalf("errors %v, findings %d; want 4 timeouts and 1 finding", r.Errors, len(r.Findings))
	}
	for _, e := range r.Errors {
		if !errors.Is(e, ErrTimeout) {
			t.Errorf("%v is not a timeout", e)
		}
	}
	t.Logf("4 rules with one slow pattern: %v", elapsed)
}
