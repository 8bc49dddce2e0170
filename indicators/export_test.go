package indicators

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// exportReference is exportTo as first written: the span of every node,
// composite or not, is mapped to the original with Span. exportTo takes
// the span of a composite from its parts instead; the two must agree.
func (s *scan) exportReference(m *imatch) Match {
	out := Match{Start: -1, End: -1, Term: m.term, Value: m.value, Op: opName(m.op), Weight: m.weight}
	if m.start >= 0 {
		out.Start, out.End = s.t.Span(int(m.start), int(m.end))
		out.Evidence = s.t.Original()[out.Start:out.End]
		out.Normalized = s.norm[m.start:m.end]
	}
	if len(m.parts) == 0 {
		if !m.spanless() {
			out.Disguise = s.t.Kinds(int(m.start), int(m.end))
		}
		return out
	}
	for i := range m.parts {
		p := s.exportReference(&m.parts[i])
		out.Parts = append(out.Parts, p)
		out.Disguise |= p.Disguise
	}
	return out
}

// checkExport evaluates every rule of d on text and compares exportTo with
// exportReference on the match each fired rule scores by.
func checkExport(t *testing.T, d *Detector, text string) {
	t.Helper()
	s := d.c.getScan(truncate(text, d.cfg.MaxInput))
	defer d.c.putScan(s)
	s.markCandidates()
	if err := s.run(context.Background(), &Report{}); err != nil {
		t.Fatal(err)
	}
	// run has built the findings and dropped the fired rules: evaluate
	// again, rule by rule, keeping the arena.
	for i := range d.c.rules {
		mk := s.mark()
		ms := s.eval(d.c.rules[i].root)
		s.err = nil
		if len(ms) == 0 {
			s.buf = s.buf[:mk]
			continue
		}
		m := strongest(ms)
		var slab []Match
		if n := countParts(m); n > 0 {
			slab = make([]Match, n)
		}
		var got Match
		s.exportTo(m, &got, &slab)
		want := s.exportReference(m)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("rule %s on %q:\nexportTo  %+v\nreference %+v", d.c.rules[i].rule.ID, text, got, want)
		}
		s.buf = s.buf[:mk]
	}
}

func TestExportMatchesReference(t *testing.T) {
	d := defaultDetector()
	texts := append(append([]string{}, benchSMS...), benchShort...)
	for _, r := range d.Rules() {
		texts = append(texts, r.Match...)
	}
	for _, text := range texts {
		checkExport(t, d, text)
	}
	fz := MustCompile(fuzzRules, Config{SkipExamples: true})
	for _, text := range []string{"加微信", "加 微 信", "你好，加 vx，刷单兼职", "加\u200b微\u200b信，日结 500元返利", "手机跑分很高，也招人跑分"} {
		checkExport(t, fz, text)
	}
}

// TestKeepInPlace checks that the report is the same whether run leaves
// the matches of fired rules in the arena or copies them out with keep, on
// the golden texts and on long repetitive ones, where fired rules leave
// more than keepInPlace matches in the arena.
func TestKeepInPlace(t *testing.T) {
	texts := append(goldenTexts(),
		strings.Repeat("加微信，刷单返利，日结500元，", 300),
		strings.Repeat("加 v x 领取返利 ", 500)+strings.Repeat("http://a.example/x 1381234567 ", 100))
	report := func(d *Detector, text string) string {
		r := d.Detect(text)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Findings {
			b = fmt.Appendf(b, "\n%s disguise %s", f.Rule, matchDisguises(f.Match))
		}
		return string(b)
	}
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = report(Default(), text)
	}
	for _, tt := range []struct {
		name  string
		limit int
	}{
		{"always keep", -1},
		{"keep all but tiny", 1},
		{"never keep", 1 << 30},
	} {
		d := MustCompile(DefaultRules(), Config{SkipExamples: true})
		d.c.keepInPlace = tt.limit
		for i, text := range texts {
			if got := report(d, text); got != want[i] {
				t.Fatalf("%s: text %d: report\n%s\nwant (keepInPlace %d)\n%s", tt.name, i, got, keepInPlace, want[i])
			}
		}
	}
}
