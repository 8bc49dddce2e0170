package indicators

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/fanzha/fanzha/normalize"
)

// imatch is a match in the normalized text while a rule is evaluated; only
// the matches of rules that fire are exported to Match.
//
// Matches live in the scan's arena (s.buf) while one rule is evaluated:
// every result is a slice of the arena with its capacity cut to its length,
// so a caller that appends to it copies instead of overwriting the arena.
// The arena is reset between rules (see run) and reused between texts,
// which keeps the evaluation of rules that do not fire free of
// allocations.
type imatch struct {
	start, end int32 // normalized byte span; -1, -1 for Not
	weight     float64
	op         nodeOp
	term       string
	value      string
	parts      []imatch
}

func (m *imatch) spanless() bool { return m.start < 0 }

// mark returns the current end of the arena.
func (s *scan) mark() int { return len(s.buf) }

// since returns the arena from mark on as a result slice.
func (s *scan) since(mark int) []imatch {
	if mark == len(s.buf) {
		return nil
	}
	return s.buf[mark:len(s.buf):len(s.buf)]
}

// kindsOf returns how the text of m was disguised: for a leaf, the kinds of
// its span; for a combinator, those of its parts.
func (s *scan) kindsOf(m *imatch) normalize.Kind {
	if len(m.parts) == 0 {
		if m.spanless() {
			return 0
		}
		return s.t.Kinds(int(m.start), int(m.end))
	}
	var k normalize.Kind
	for i := range m.parts {
		k |= s.kindsOf(&m.parts[i])
	}
	return k
}

// eval returns the matches of n, sorted by start. A leaf that fails sets
// s.err; the caller then discards the rule.
func (s *scan) eval(n *cnode) []imatch {
	if s.err != nil {
		return nil
	}
	if n.shared {
		return s.memoEval(n)
	}
	return s.eval1(n)
}

// eval1 is eval without the memo of shared nodes.
func (s *scan) eval1(n *cnode) []imatch {
	switch n.op {
	case opKeywords:
		return s.memoKeywords(n)
	case opPattern:
		return s.pattern(n)
	case opEntity:
		return s.entity(n)
	case opAll:
		return s.all(n)
	case opAny:
		return s.any(n)
	case opAtLeast:
		return s.atLeast(n)
	case opNear:
		return s.near(n)
	case opNot:
		if len(s.eval(n.kids[0])) > 0 {
			return nil
		}
		mk := s.mark()
		s.buf = append(s.buf, imatch{start: -1, end: -1, weight: 1, op: opNot})
		return s.since(mk)
	case opUnless:
		ms := s.eval(n.kids[0])
		if len(ms) == 0 {
			return nil
		}
		for _, k := range n.kids[1:] {
			if len(s.eval(k)) > 0 {
				return nil
			}
		}
		return ms
	case opExcept:
		return s.except(n)
	case opWeight:
		ms := s.copied(s.eval(n.kids[0]))
		for i := range ms {
			ms[i].weight *= n.factor
		}
		return ms
	case opDisguised:
		if s.textKinds()&n.kinds == 0 {
			return nil
		}
		ms := s.copied(s.eval(n.kids[0]))
		return slices.DeleteFunc(ms, func(m imatch) bool { return s.kindsOf(&m)&n.kinds == 0 })
	}
	return nil
}

// keywords returns the whole-word hits of the leaf's forms, by start.
// Each form's hits are chained in order (see chainHits), so the result is
// a merge of the chains of the forms that occur: a k-way merge when few
// do, which is linear in the hits of a long text, and a sort of their
// concatenation when many do. Only forms of the same pattern (different
// words that normalize alike) share a span: the merge puts those in
// n.terms order, and the sort gets them in that order.
func (s *scan) keywords(n *cnode) []imatch {
	if n.needSlot >= 0 && s.needHit[n.needSlot] != s.gen {
		return nil // none of its forms occurs, see markNeeds
	}
	occ := s.occurring(n)
	if len(occ) > 8 {
		return s.keywordsSorted(n, occ)
	}
	mk := s.mark()
	var heads [8]int32 // the next hit of each form that occurs, see chainHits
	for i, ti := range occ {
		heads[i] = s.first[n.terms[ti].pat]
	}
	for {
		best := -1
		for i, h := range heads[:len(occ)] {
			if h != 0 && (best < 0 || hitBefore(&s.hits[h-1], &s.hits[heads[best]-1])) {
				best = i
			}
		}
		if best < 0 {
			return s.since(mk)
		}
		h := heads[best]
		heads[best] = s.next[h-1]
		s.keyword(n, &n.terms[occ[best]], &s.hits[h-1])
	}
}

// occurring returns the indices in n.terms of the forms of keyword leaf n
// that occur in the text, in increasing order, in s.kwTerms. Most forms do
// not occur, so this loop is most of the cost of a leaf with many forms:
// apart from keywords, and with s.first and n.terms in locals that the
// appends do not make the compiler reload, it takes half the instructions.
func (s *scan) occurring(n *cnode) []int32 {
	out := s.kwTerms[:0]
	first, terms := s.first, n.terms
	for i := range terms {
		if first[terms[i].pat] != 0 {
			out = append(out, int32(i))
		}
	}
	s.kwTerms = out
	return out
}

// hitBefore orders hits by start, then end.
func hitBefore(a, b *hit) bool {
	return a.Start < b.Start || a.Start == b.Start && a.End < b.End
}

// keyword appends the match of hit h of form t, if it is a whole word
// where the leaf wants one.
func (s *scan) keyword(n *cnode, t *cterm, h *hit) {
	if n.wholeWord && !s.wholeWord(*t, int(h.Start), int(h.End)) {
		return
	}
	s.buf = append(s.buf, imatch{start: h.Start, end: h.End, weight: 1, op: opKeywords, term: t.canonical})
}

// keywordsSorted is keywords for a leaf with many forms in the text, occ:
// it appends the hits form by form and sorts them.
func (s *scan) keywordsSorted(n *cnode, occ []int32) []imatch {
	mark := s.mark()
	for _, ti := range occ {
		t := &n.terms[ti]
		for h := s.first[t.pat]; h != 0; h = s.next[h-1] {
			s.keyword(n, t, &s.hits[h-1])
		}
	}
	out := s.since(mark)
	slices.SortFunc(out, func(a, b imatch) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(a.end, b.end)
	})
	return out
}

// wholeWord reports whether the hit [start, end) of t is a whole word: a
// form that begins or ends with a letter does not touch a letter there, and
// one that begins or ends with a digit does not touch a digit.
func (s *scan) wholeWord(t cterm, start, end int) bool {
	if t.head != edgeOther && start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s.norm[:start])
		if edgeOf(r) == t.head {
			return false
		}
	}
	if t.tail != edgeOther && end < len(s.norm) {
		r, _ := utf8.DecodeRuneInString(s.norm[end:])
		if edgeOf(r) == t.tail {
			return false
		}
	}
	return true
}

// isWordLetter reports whether r is a letter of an alphabet written with
// spaces between words: Latin, Greek or Cyrillic. Han characters are not, so
// "vx" matches in "加vx".
func isWordLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case 0x2E80 <= r && r < 0xFF00:
		return false // CJK: the common case, without a table search
	}
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

func isWordDigit(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return '0' <= r && r <= '9'
	case 0x2E80 <= r && r < 0xFF00:
		return false
	}
	return unicode.IsDigit(r)
}

// pattern runs the leaf's expression when one of its prefilter forms
// occurs (or always, without a prefilter).
func (s *scan) pattern(n *cnode) []imatch {
	if len(n.pre) > 0 {
		found := false
		for _, p := range n.pre {
			if s.first[p] != 0 {
				found = true
				break
			}
		}
		if !found {
			return nil
		}
	}
	if !s.mayMatch(n.re) {
		return nil
	}
	idx, err := s.runPattern(n.re)
	if err != nil {
		s.err = err
		return nil
	}
	mk := s.mark()
	for _, m := range idx {
		s.buf = append(s.buf, imatch{start: m[0], end: m[1], weight: 1, op: opPattern, term: n.expr})
	}
	return s.since(mk)
}

// entity returns the entities of the leaf's kind.
func (s *scan) entity(n *cnode) []imatch {
	es := s.entities(n.entity)
	if len(es) == 0 {
		return nil
	}
	mk := s.mark()
	for _, e := range es {
		s.buf = append(s.buf, imatch{
			start: int32(e.Start), end: int32(e.End), weight: 1, op: opEntity,
			term: string(e.Kind), value: e.Value,
		})
	}
	out := s.since(mk)
	sortMatches(out)
	return out
}

// sortMatches sorts by start, then end; Not matches come first.
func sortMatches(ms []imatch) {
	slices.SortStableFunc(ms, func(a, b imatch) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		return cmp.Compare(a.end, b.end)
	})
}

// patternRun is the outcome of one pattern on the text of a scan: its
// matches are s.pspans[lo:hi].
type patternRun struct {
	done   bool
	lo, hi int
	err    error
}

// runPattern runs regexp i on the text once per scan, however many rules
// use it, so that a pattern that times out costs its timeout only once.
// The text is decoded to runes once for all patterns (regexp2 would decode
// it again for every pattern), and the matches go to an arena of the scan.
func (s *scan) runPattern(i int) ([][2]int32, error) {
	if len(s.runs) != len(s.c.regexps) {
		s.runs = make([]patternRun, len(s.c.regexps))
	}
	r := &s.runs[i]
	if !r.done {
		r.done = true
		s.ran = append(s.ran, i)
		r.lo = len(s.pspans)
		if p := s.c.native[i]; p != nil {
			var ok bool
			if lead := s.c.leads[i]; lead != nil {
				s.starts = s.leadStarts(lead, s.starts)
				s.pspans, ok = p.findAllAt(s.norm, s.starts, s.pspans, maxPatternHit)
			} else {
				s.pspans, ok = p.findAll(s.norm, s.pspans, maxPatternHit)
			}
			if ok {
				r.hi = len(s.pspans)
				return s.pspans[r.lo:r.hi], nil
			}
		}
		s.decodeRunes()
		r.err = s.c.regexps[i].FindRunesMatches(s.runes, 0, func(m regexp2.MatchView) bool {
			at, n, _ := m.GroupRange(0)
			if n > 0 { // an empty match is no evidence
				s.pspans = append(s.pspans, [2]int32{s.runeOff[at], s.runeOff[at+n]})
			}
			return len(s.pspans)-r.lo < maxPatternHit
		})
		if r.err != nil {
			// Never keep regexp2's error: its text contains the input.
			if errors.Is(r.err, regexp2.ErrBacktrackingStackLimit) {
				r.err = fmt.Errorf("%w (backtracking limit)", ErrTimeout)
			} else {
				r.err = ErrTimeout
			}
			s.pspans = s.pspans[:r.lo]
		}
		r.hi = len(s.pspans)
	}
	return s.pspans[r.lo:r.hi], r.err
}

// decodeRunes fills s.runes with the runes of the normalized text and
// s.runeOff with their byte offsets, followed by the length of the text.
// Each invalid byte counts as one rune, as in regexp2.
func (s *scan) decodeRunes() {
	if s.runesDone {
		return
	}
	s.runesDone = true
	n := utf8.RuneCountInString(s.norm)
	if cap(s.runes) < n {
		s.runes, s.runeOff = make([]rune, 0, n), make([]int32, 0, n+1)
	}
	s.runes, s.runeOff = s.runes[:0], s.runeOff[:0]
	for i, r := range s.norm {
		s.runes = append(s.runes, r)
		s.runeOff = append(s.runeOff, int32(i))
	}
	s.runeOff = append(s.runeOff, int32(len(s.norm)))
}
