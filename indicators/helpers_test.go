package indicators

import (
	"slices"
	"testing"
)

// testRule wraps an indicator in a rule of the "test" category.
func testRule(id string, points int, in Indicator) Rule {
	return Rule{ID: "test." + id, Category: "test", Points: points, Reason: "测试规则", When: in}
}

// fire compiles in as the only rule and returns its finding on text, if any.
func fire(t *testing.T, in Indicator, text string) (Finding, bool) {
	t.Helper()
	d, err := Compile([]Rule{testRule("rule", 10, in)}, Config{SkipExamples: true})
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	r := d.Detect(text)
	if len(r.Errors) > 0 {
		t.Fatalf("Detect errors: %v", r.Errors)
	}
	if len(r.Findings) == 0 {
		return Finding{}, false
	}
	return r.Findings[0], true
}

// indicatorCase is one row of the leaf and combinator tables.
type indicatorCase struct {
	name     string
	in       Indicator
	text     string
	fires    bool
	evidence string // when fires: the finding's evidence
}

func runIndicatorCases(t *testing.T, cases []indicatorCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := fire(t, c.in, c.text)
			if ok != c.fires {
				t.Fatalf("fires = %v, want %v (finding %+v)", ok, c.fires, f)
			}
			if ok {
				if f.Evidence != c.evidence {
					t.Errorf("evidence = %q, want %q", f.Evidence, c.evidence)
				}
				if c.text[f.Start:f.End] != f.Evidence {
					t.Errorf("text[%d:%d] = %q, evidence %q", f.Start, f.End, c.text[f.Start:f.End], f.Evidence)
				}
			}
		})
	}
}

// corpusAndExamples returns the benchmark corpus and the examples of
// every rule of d: texts that reach most of the catalog's rules.
func corpusAndExamples(d *Detector) []string {
	texts := slices.Concat(benchShort, benchSMS, benchLong)
	for _, r := range d.Rules() {
		texts = append(texts, r.Match...)
		texts = append(texts, r.NoMatch...)
	}
	return texts
}
