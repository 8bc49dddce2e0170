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
type imatch struct {
	start, end int32 // normalized byte span; -1, -1 for Not
	weight     float64
	kinds      normalize.Kind
	op         nodeOp
	term       string
	value      string
	parts      []imatch
}

func (m *imatch) spanless() bool { return m.start < 0 }

// eval returns the matches of n, sorted by start. A leaf that fails sets
// s.err; the caller then discards the rule.
func (s *scan) eval(n *cnode) []imatch {
	if s.err != nil {
		return nil
	}
	switch n.op {
	case opKeywords:
		return s.keywords(n)
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
		return []imatch{{start: -1, end: -1, weight: 1, op: opNot}}
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
		ms := s.eval(n.kids[0])
		for i := range ms {
			ms[i].weight *= n.factor
		}
		return ms
	case opDisguised:
		ms := s.eval(n.kids[0])
		return slices.DeleteFunc(ms, func(m imatch) bool { return m.kinds&n.kinds == 0 })
	}
	return nil
}

// keywords returns the whole-word hits of the leaf's forms.
func (s *scan) keywords(n *cnode) []imatch {
	var out []imatch
	for _, t := range n.terms {
		i, _ := slices.BinarySearchFunc(s.hits, t.pat, func(h hit, p int32) int { return cmp.Compare(h.Pattern, p) })
		for ; i < len(s.hits) && s.hits[i].Pattern == t.pat; i++ {
			h := s.hits[i]
			if n.wholeWord && !s.wholeWord(t, int(h.Start), int(h.End)) {
				continue
			}
			out = append(out, imatch{
				start: h.Start, end: h.End, weight: 1, op: opKeywords, term: t.canonical,
				kinds: s.t.Kinds(int(h.Start), int(h.End)),
			})
		}
	}
	if len(n.terms) > 1 {
		sortMatches(out)
	}
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
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

func isWordDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// pattern runs the leaf's expression when one of its prefilter forms
// occurs (or always, without a prefilter).
func (s *scan) pattern(n *cnode) []imatch {
	if len(n.pre) > 0 {
		found := false
		for _, p := range n.pre {
			if _, ok := slices.BinarySearchFunc(s.hits, p, func(h hit, p int32) int { return cmp.Compare(h.Pattern, p) }); ok {
				found = true
				break
			}
		}
		if !found {
			return nil
		}
	}
	idx, err := n.re.FindAllStringIndex(s.norm, maxPatternHit)
	if err != nil {
		// Never keep regexp2's error: its text contains the input.
		if errors.Is(err, regexp2.ErrBacktrackingStackLimit) {
			s.err = fmt.Errorf("%w (backtracking limit)", ErrTimeout)
		} else {
			s.err = ErrTimeout
		}
		return nil
	}
	var out []imatch
	for _, m := range idx {
		if m[0] == m[1] {
			continue // an empty match is no evidence
		}
		out = append(out, imatch{
			start: int32(m[0]), end: int32(m[1]), weight: 1, op: opPattern, term: n.expr,
			kinds: s.t.Kinds(m[0], m[1]),
		})
	}
	return out
}

// entity returns the entities of the leaf's kind.
func (s *scan) entity(n *cnode) []imatch {
	es := s.entities(n.entity)
	if len(es) == 0 {
		return nil
	}
	out := make([]imatch, 0, len(es))
	for _, e := range es {
		out = append(out, imatch{
			start: int32(e.Start), end: int32(e.End), weight: 1, op: opEntity,
			term: string(e.Kind), value: e.Value,
			kinds: s.t.Kinds(int(e.Start), int(e.End)),
		})
	}
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
