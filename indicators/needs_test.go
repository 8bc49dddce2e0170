package indicators

import (
	"testing"
)

// TestNeedMarks checks the marks of markNeeds against the hits themselves:
// a leaf's necessary set is marked on a text exactly when one of its forms
// occurs there.
func TestNeedMarks(t *testing.T) {
	d := defaultDetector()
	texts := append(append([]string{}, benchSMS...), benchShort...)
	for _, r := range d.Rules() {
		texts = append(texts, r.Match...)
	}
	var leaves []*cnode
	var walk func(n *cnode)
	walk = func(n *cnode) {
		if n.needSlot >= 0 {
			leaves = append(leaves, n)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	for i := range d.c.rules {
		walk(d.c.rules[i].root)
	}
	if len(leaves) == 0 {
		t.Fatal("no leaf has a necessary set")
	}
	marked := 0
	for _, text := range texts {
		s := d.c.getScan(text)
		for _, n := range leaves {
			want := false
			for _, p := range n.needs.pats {
				want = want || s.first[p] != 0
			}
			if got := s.needHit[n.needSlot] == s.gen; got != want {
				t.Fatalf("%q: leaf %v marked %v, want %v", text, n.terms, got, want)
			}
			if want {
				marked++
			}
		}
		d.c.putScan(s)
	}
	if marked == 0 {
		t.Error("no leaf was marked on any text")
	}
}

// TestCandidates checks the candidate bits of markCandidates against the
// rules' necessary sets: a rule is a candidate on a text exactly when it
// has none (it runs on every text) or one of the forms of its set occurs
// there.
func TestCandidates(t *testing.T) {
	d := Default()
	c := d.c
	tests := []struct {
		name  string
		texts []string
	}{
		{"corpus and examples", corpusAndExamples(d)},
		{"empty", []string{""}},
		{"no keyword", []string{"hello world", "12345"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, text := range tt.texts {
				s := c.getScan(text)
				s.markCandidates()
				for i := range c.rules {
					set := c.need(c.rules[i].root)
					want := set.always
					for _, p := range set.pats {
						want = want || s.first[p] != 0
					}
					if got := s.cand[i/64]&(1<<(i%64)) != 0; got != want {
						t.Errorf("%.40q: rule %s candidate %v, want %v", text, c.rules[i].rule.ID, got, want)
					}
				}
				c.putScan(s)
			}
		})
	}
}

// TestSatisfied checks that the necessary sets of a rule (see conjuncts)
// are sound, that a rule whose sets the text does not satisfy never
// matches it, and that they rule out some candidates that the prefilter
// lets through.
func TestSatisfied(t *testing.T) {
	d := Default()
	c := d.c
	texts := corpusAndExamples(d)
	pruned := 0
	for _, text := range texts {
		s := c.getScan(text)
		s.markCandidates()
		for i := range c.rules {
			r := &c.rules[i]
			if s.satisfied(r) {
				continue
			}
			if s.cand[i/64]&(1<<(i%64)) != 0 {
				pruned++
			}
			mk := s.mark()
			if ms := s.eval(r.root); len(ms) > 0 {
				t.Errorf("%s matches %.40q, whose keywords do not satisfy its necessary sets", r.rule.ID, text)
			}
			s.err = nil
			s.buf = s.buf[:mk]
		}
		c.putScan(s)
	}
	if pruned == 0 {
		t.Error("the necessary sets rule out no candidate rule")
	}
	t.Logf("%d candidates ruled out", pruned)
}
