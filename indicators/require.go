package indicators

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// A pattern's prefilter says when it is worth running; most of the time it
// runs and finds nothing, because the rest of the expression is absent.
// Literal words that every match must contain are often far rarer than the
// prefilter: "(?:我是|这里是)[^。]{0,16}(?:客服|专员)" cannot match a text
// without 客服 or 专员. Compile extracts such sets of words from each
// expression and adds them to the one pass over the text, so that the
// expression runs only when every set has a word in the text. Skipping it
// otherwise changes nothing: it would have found no match.

// requiredLiterals returns sets of strings such that every match of expr
// contains a string of each set; it returns nil if none is known.
//
// It reads expr with regexp/syntax, whose syntax agrees with regexp2's on
// the constructs it accepts. An expression that it rejects, or that uses a
// construct the two read differently, has no sets.
func requiredLiterals(expr string) [][]string {
	// .NET character class subtraction ([a-z-[aeiou]]) reads as a class
	// followed by a literal "]" in RE2 syntax; keep clear of it and of
	// braces that are not a quantifier in either.
	if strings.Contains(expr, "-[") || strings.Contains(expr, "{,") {
		return nil
	}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return required(re)
}

// required returns sets of literals such that every match of re contains
// one literal of each set.
func required(re *syntax.Regexp) [][]string {
	if set, ok := exact(re); ok {
		if slices.Contains(set, "") {
			return nil
		}
		return [][]string{set}
	}
	switch re.Op {
	case syntax.OpLiteral:
		lit := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 || lit == "" || strings.ContainsRune(lit, utf8.RuneError) {
			return nil
		}
		return [][]string{{lit}}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil
		}
		return required(re.Sub[0])
	case syntax.OpConcat:
		// Every part matches: the sets of all parts hold. Runs of parts
		// that match a few strings make one set of their concatenations,
		// which undoes the factoring of common prefixes by the parser
		// (刑侦|刑警 reads as 刑(?:侦|警)).
		var sets [][]string
		for i := 0; i < len(re.Sub); {
			j := i
			run := []string{""}
			for ; j < len(re.Sub); j++ {
				set, ok := exact(re.Sub[j])
				if !ok {
					break
				}
				next := product(run, set)
				if next == nil {
					break // too many: the next run starts here
				}
				run = next
			}
			if j > i && !slices.Contains(run, "") {
				sets = append(sets, run)
			}
			if j == i {
				sets = append(sets, required(re.Sub[i])...)
				j++
			}
			i = j
		}
		return sets
	case syntax.OpAlternate:
		// One branch matches: the union of one set of each branch holds.
		var union []string
		for _, sub := range re.Sub {
			set := rarest(required(sub))
			if set == nil {
				return nil
			}
			union = append(union, set...)
		}
		return [][]string{union}
	}
	return nil
}

// maxExact bounds the sets of strings that exact and product build.
const maxExact = 64

// exact returns the strings re matches, if they are at most maxExact.
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		lit := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 || strings.ContainsRune(lit, utf8.RuneError) {
			return nil, false
		}
		return []string{lit}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpCharClass:
		return classRunes(re.Rune)
	case syntax.OpQuest:
		set, ok := exact(re.Sub[0])
		if !ok || len(set) >= maxExact {
			return nil, false
		}
		return append(set, ""), true
	case syntax.OpAlternate:
		var union []string
		for _, sub := range re.Sub {
			set, ok := exact(sub)
			if !ok || len(union)+len(set) > maxExact {
				return nil, false
			}
			union = append(union, set...)
		}
		return union, true
	case syntax.OpConcat:
		set := []string{""}
		for _, sub := range re.Sub {
			s, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if set = product(set, s); set == nil {
				return nil, false
			}
		}
		return set, true
	}
	return nil, false
}

// classRunes returns the runes of a class as strings if they are few and
// all Han characters or other CJK symbols. The parser turns 送|赠 into
// [赠送]; classes written with escapes such as \d or \w, which regexp2
// reads as Unicode classes and RE2 syntax as ASCII ones, hold ASCII runes
// and are left out.
func classRunes(ranges []rune) ([]string, bool) {
	var set []string
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		if lo < 0x2E80 || hi-lo >= 8 || len(set)+int(hi-lo)+1 > 8 {
			return nil, false
		}
		for r := lo; r <= hi; r++ {
			set = append(set, string(r))
		}
	}
	return set, len(set) > 0
}

// product returns the concatenations of a string of a and one of b, or nil
// if there would be more than maxExact.
func product(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// rarest returns the set whose words are least likely to occur in a text,
// estimated as the prefilter's cost does: short words, above all single
// Han characters, occur in many texts.
func rarest(sets [][]string) []string {
	var best []string
	bestCost := 0.0
	for _, set := range sets {
		var cost float64
		for _, w := range set {
			r := float64(utf8.RuneCountInString(w))
			cost += 1 / (r * r)
		}
		if best == nil || cost < bestCost {
			best, bestCost = set, cost
		}
	}
	return best
}

// addRequired adds the required literals of every pattern to the forms of
// the automaton, after the keywords, so that Keywords can leave them out.
// A set with a one-rune word is used only if the automaton looks for that
// word anyway: one-rune words occur in most texts, so as new forms they
// would rule out little and add many hits to the scan.
func (cp *compiler) addRequired() {
	c := cp.c
	c.reqs = make([][][]int32, len(c.regexps))
	for i, re := range c.regexps {
		for _, set := range requiredLiterals(re.String()) {
			if slices.ContainsFunc(set, cp.newShortWord) {
				continue
			}
			pats := make([]int32, len(set))
			for j, w := range set {
				pats[j] = cp.form(w)
			}
			c.reqs[i] = append(c.reqs[i], pats)
		}
	}
}

// mayMatch reports whether regexp i can match the text: whether each of
// its sets of required literals has one in the text.
func (s *scan) mayMatch(i int) bool {
	for _, set := range s.c.reqs[i] {
		if !s.anyHit(set) {
			return false
		}
	}
	return true
}

// anyHit reports whether some form of pats occurs in the text.
func (s *scan) anyHit(pats []int32) bool {
	for _, p := range pats {
		if s.first[p] != 0 {
			return true
		}
	}
	return false
}

// newShortWord reports whether w is one rune that is not yet a form.
func (cp *compiler) newShortWord(w string) bool {
	_, ok := cp.index[w]
	return !ok && utf8.RuneCountInString(w) <= 1
}
