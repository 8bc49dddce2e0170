package indicators

import (
	"cmp"
	"context"
	"slices"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators/internal/ahocorasick"
	"github.com/fanzha/fanzha/normalize"
)

// scan is the state of one Detect call. Scans are pooled so that the slices
// they hold are reused across texts.
type hit = ahocorasick.Hit

type scan struct {
	c    *compiled
	t    normalize.Text
	norm string
	hits []ahocorasick.Hit // sorted by pattern, then start
	cand []uint64          // bit set of the rules that can fire
	ents [8][]entityMatch  // cache by index in EntityKinds
	have [8]bool
	err  error // error of the rule being evaluated
}

func (c *compiled) getScan(text string) *scan {
	s, _ := c.pool.Get().(*scan)
	if s == nil {
		s = &scan{c: c}
	}
	s.t = c.norm.Normalize(text)
	s.norm = s.t.Normalized()
	s.hits = c.matcher.FindAll(s.norm, s.hits[:0])
	slices.SortFunc(s.hits, func(a, b ahocorasick.Hit) int {
		if a.Pattern != b.Pattern {
			return cmp.Compare(a.Pattern, b.Pattern)
		}
		return cmp.Compare(a.Start, b.Start)
	})
	return s
}

func (c *compiled) putScan(s *scan) {
	s.t = normalize.Text{}
	s.norm = ""
	s.err = nil
	for i := range s.ents {
		clear(s.ents[i]) // drop references to values
		s.ents[i] = s.ents[i][:0]
		s.have[i] = false
	}
	if cap(s.hits) > 1<<16 {
		s.hits = nil // do not keep the memory of one huge text
	}
	c.pool.Put(s)
}

// markCandidates sets the bit of every rule that can fire on the text.
func (s *scan) markCandidates() {
	n := (len(s.c.rules) + 63) / 64
	if cap(s.cand) < n {
		s.cand = make([]uint64, n)
	}
	s.cand = s.cand[:n]
	clear(s.cand)
	for _, r := range s.c.always {
		s.cand[r/64] |= 1 << (r % 64)
	}
	last := int32(-1)
	for _, h := range s.hits {
		if h.Pattern == last {
			continue
		}
		last = h.Pattern
		for _, r := range s.c.byPat[h.Pattern] {
			s.cand[r/64] |= 1 << (r % 64)
		}
	}
}

func (s *scan) isCandidate(r int) bool { return s.cand[r/64]&(1<<(r%64)) != 0 }

// truncate cuts text to at most max bytes at a rune boundary.
func truncate(text string, max int) string {
	if len(text) <= max {
		return text
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

func (d *Detector) detect(ctx context.Context, text string) (Report, error) {
	var rep Report
	if len(text) > d.cfg.MaxInput {
		text = truncate(text, d.cfg.MaxInput)
		rep.Truncated = true
	}
	c := d.c
	s := c.getScan(text)
	defer c.putScan(s)
	rep.Entities = s.extracted()
	s.markCandidates()
	var err error
	for i := range c.rules {
		if !s.isCandidate(i) {
			continue
		}
		if err = ctx.Err(); err != nil {
			break
		}
		ms := s.eval(c.rules[i].root)
		if s.err != nil {
			rep.Errors = append(rep.Errors, &RuleError{Rule: c.rules[i].rule.ID, Err: s.err})
			s.err = nil
			continue
		}
		if len(ms) > 0 {
			rep.Findings = append(rep.Findings, s.finding(c.rules[i].rule, ms))
		}
	}
	d.score(&rep)
	return rep, err
}

// fires reports whether rule i of the compiled rules fires on text. It is
// used to check the rules' examples.
func (c *compiled) fires(i int, text string) (bool, error) {
	s := c.getScan(text)
	defer c.putScan(s)
	ms := s.eval(c.rules[i].root)
	return len(ms) > 0, s.err
}

// finding builds the Finding of rule r from its matches. The rule scores
// once, by its strongest match; the earliest of the strongest is shown.
func (s *scan) finding(r *Rule, ms []imatch) Finding {
	best := 0
	for i := range ms {
		if ms[i].weight > ms[best].weight || ms[i].weight == ms[best].weight && ms[i].start >= 0 && (ms[best].start < 0 || ms[i].start < ms[best].start) {
			best = i
		}
	}
	m := s.export(&ms[best])
	f := Finding{
		Rule:       r.ID,
		Category:   r.Category,
		Points:     rulePoints(r.Points, ms[best].weight),
		Reason:     r.Reason,
		ReasonEN:   r.ReasonEN,
		Start:      m.Start,
		End:        m.End,
		Evidence:   m.Evidence,
		Normalized: m.Normalized,
		Disguise:   kindNames(m.Disguise),
		Match:      m,
	}
	return f
}

// kindNames returns the names of k, never nil, so that JSON says [] .
func kindNames(k normalize.Kind) []string {
	if names := k.Names(); names != nil {
		return names
	}
	return []string{}
}

// export converts an engine match to a Match in the original text.
func (s *scan) export(m *imatch) Match {
	out := Match{
		Start:    -1,
		End:      -1,
		Term:     m.term,
		Value:    m.value,
		Op:       opName(m.op),
		Disguise: m.kinds,
		Weight:   m.weight,
	}
	if m.start >= 0 {
		os, oe := s.t.Span(int(m.start), int(m.end))
		out.Start, out.End = os, oe
		out.Evidence = s.t.Original()[os:oe]
		out.Normalized = s.norm[m.start:m.end]
	}
	if len(m.parts) > 0 {
		out.Parts = make([]Match, len(m.parts))
		for i := range m.parts {
			out.Parts[i] = s.export(&m.parts[i])
		}
	}
	return out
}

// entities returns the entities of kind in the text, computing them once.
func (s *scan) entities(kind EntityKind) []entityMatch {
	i := slices.Index(EntityKinds, kind)
	if !s.have[i] {
		s.ents[i] = findEntities(&s.t, kind, s.ents[i][:0])
		s.have[i] = true
	}
	return s.ents[i]
}

// extracted returns every entity of the text in the original, sorted.
func (s *scan) extracted() []Extracted {
	var out []Extracted
	orig := s.t.Original()
	for _, k := range EntityKinds {
		for _, e := range s.entities(k) {
			os, oe := s.t.Span(int(e.Start), int(e.End))
			out = append(out, Extracted{
				Kind: e.Kind, Value: e.Value, Detail: e.Detail,
				Start: os, End: oe, Evidence: orig[os:oe],
			})
		}
	}
	slices.SortStableFunc(out, func(a, b Extracted) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(a.End, b.End)
	})
	return out
}

func (d *Detector) extract(text string) []Extracted {
	text = truncate(text, d.cfg.MaxInput)
	s := d.c.getScan(text)
	defer d.c.putScan(s)
	return s.extracted()
}
