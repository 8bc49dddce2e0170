package indicators

import (
	"context"
	"math/bits"
	"testing"

	"github.com/fanzha/fanzha/internal/benchcpu"
)

// BenchmarkDetectStages runs Detect on the SMS mix stage by stage, each
// sub-benchmark one stage more than the one before, so that the
// differences say where the time goes:
//
//	keywords   normalize, the keyword pass and the marks of its hits
//	entities   + extracting the entities
//	possible   + choosing the candidate rules and asking each whether it
//	           can match (see possible)
//	rules      + evaluating them, without keeping what fires
//	report     DetectTo: + the findings, their explanations and the score
//
// The first two stages are work every report needs whatever the rules;
// they bound what the rest of the engine can be made to cost.
func BenchmarkDetectStages(b *testing.B) {
	d := Default()
	c := d.c
	texts := benchSMS
	var ents []Extracted
	stages := []struct {
		name string
		scan func(text string)
	}{
		{"keywords", func(text string) { c.putScan(c.getScan(text)) }},
		{"entities", func(text string) {
			s := c.getScan(text)
			ents = s.extracted(ents[:0])
			c.putScan(s)
		}},
		{"possible", func(text string) {
			s := c.getScan(text)
			ents = s.extracted(ents[:0])
			s.markCandidates()
			s.eachCandidate(func(r *crule) { s.possible(r.root) })
			c.putScan(s)
		}},
		{"rules", func(text string) {
			s := c.getScan(text)
			ents = s.extracted(ents[:0])
			s.markCandidates()
			s.eachCandidate(func(r *crule) {
				mk := s.mark()
				s.eval(r.root)
				s.err = nil
				s.buf = s.buf[:mk]
			})
			c.putScan(s)
		}},
	}
	var rep Report
	ctx := context.Background()
	stages = append(stages, struct {
		name string
		scan func(text string)
	}{"report", func(text string) { d.DetectTo(ctx, text, &rep) }})
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(int64(totalLen(texts)))
			b.ReportAllocs()
			defer benchcpu.Metric(b, totalLen(texts))()
			for b.Loop() {
				for _, t := range texts {
					st.scan(t)
				}
			}
		})
	}
}

// eachCandidate calls fn with each candidate rule whose necessary sets
// the text satisfies, in rule order, as run does.
func (s *scan) eachCandidate(fn func(r *crule)) {
	for w, word := range s.cand {
		for word != 0 {
			i := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if r := &s.c.rules[i]; s.satisfied(r) {
				fn(r)
			}
		}
	}
}
