package indicators

import "github.com/fanzha/fanzha/normalize"

// An Indicator finds evidence in normalized text. Leaves (Keywords, Aliases,
// Pattern, Entity) find spans; combinators (All, Any, AtLeast, Near, Not,
// Unless, Except, Weight, Disguised) compose other indicators. Indicators
// carry no points: only a Rule scores. An Indicator is a description; it is
// validated and compiled by Compile.
type Indicator interface {
	// node returns the description of the indicator (engine internal).
	node() *node
}

// nodeOp names the operator of a node.
type nodeOp uint8

const (
	opKeywords nodeOp = iota + 1
	opPattern
	opEntity
	opAll
	opAny
	opAtLeast
	opNear
	opNot
	opUnless
	opExcept
	opWeight
	opDisguised
)

// node is the uncompiled description shared by every Indicator.
type node struct {
	op        nodeOp
	terms     []term         // opKeywords: forms with their canonical term
	wholeWord bool           // opKeywords: Latin/digit forms match whole words only (default true)
	expr      string         // opPattern
	prefilter []string       // opPattern: keywords one of which must appear for the pattern to run
	entity    EntityKind     // opEntity
	n         int            // opAtLeast: how many; opNear: window in runes
	factor    float64        // opWeight
	kinds     normalize.Kind // opDisguised
	kids      []Indicator    // children; for Unless/Except kids[0] is the subject
}

func (n *node) node() *node { return n }

// term is one keyword form and the canonical term it stands for.
type term struct {
	form      string
	canonical string
}

// Keywords matches any of words anywhere in the normalized text. Each word is
// normalized at compile time, so 微信, 微信 written in traditional characters
// and ＶＸ all work. Words made of Latin letters or digits match whole words
// only: "vx" does not match inside "vxworks", and "qq" not inside "qqq"; a
// letter next to a digit is a word boundary, so "vx" matches in "vx123".
// Han, kana and other characters match anywhere.
func Keywords(words ...string) Indicator {
	n := &node{op: opKeywords, wholeWord: true}
	for _, w := range words {
		n.terms = append(n.terms, term{form: w, canonical: w})
	}
	return n
}

// Aliases matches any of forms, or canonical itself, and reports the match
// under the canonical term: Aliases("微信", "薇信", "威信", "vx") reports "微信"
// as the term and the form that was written as the normalized evidence.
func Aliases(canonical string, forms ...string) Indicator {
	n := &node{op: opKeywords, wholeWord: true}
	n.terms = append(n.terms, term{form: canonical, canonical: canonical})
	for _, f := range forms {
		n.terms = append(n.terms, term{form: f, canonical: canonical})
	}
	return n
}

// Substrings is like Keywords but Latin and digit words match anywhere,
// also inside longer words.
func Substrings(words ...string) Indicator {
	n := Keywords(words...).node()
	n.wholeWord = false
	return n
}

// Pattern matches the regexp2 (v2) expression expr against the normalized
// text. The engine sets a match timeout and a backtracking limit; a pattern
// that exceeds them yields a *RuleError wrapping ErrTimeout for its rule.
// When prefilter keywords are given, the pattern runs only on texts that
// contain one of them (after normalization); patterns without a prefilter run
// on every text, so give one whenever you can.
//
// Most patterns do not run on regexp2's interpreter: an expression made of
// literals, classes, alternation, greedy repetition of one character,
// optional groups, ^ and lookaheads runs on a faster engine of this package
// that finds the same matches (checked against regexp2 by a differential
// test and fuzzing), and one that begins with words of the keyword pass
// runs only where those words occur. Lookbehind, backreferences, inline
// options, lazy quantifiers, word boundaries, \w and $ keep it on regexp2;
// see docs/rule-file.md.
func Pattern(expr string, prefilter ...string) Indicator {
	return &node{op: opPattern, expr: expr, prefilter: prefilter}
}

// Entity matches every entity of the given kind (see EntityKind), such as
// a mainland mobile number or a Telegram handle.
func Entity(kind EntityKind) Indicator {
	return &node{op: opEntity, entity: kind}
}

// All matches when every one of ins matches. Its match spans the first match
// of each child and carries them as parts.
func All(ins ...Indicator) Indicator { return &node{op: opAll, kids: ins} }

// Any matches wherever any of ins matches; its matches are those of the
// children.
func Any(ins ...Indicator) Indicator { return &node{op: opAny, kids: ins} }

// AtLeast matches when at least n of ins match (YARA's "n of them").
func AtLeast(n int, ins ...Indicator) Indicator {
	return &node{op: opAtLeast, n: n, kids: ins}
}

// Near matches when every one of ins matches inside one stretch of at most
// window runes of normalized text, measured from the start of the first
// match to the end of the last.
func Near(window int, ins ...Indicator) Indicator {
	return &node{op: opNear, n: window, kids: ins}
}

// Not matches, with an empty span, when in does not match. It is meant as a
// child of All: All(x, Not(y)).
func Not(in Indicator) Indicator { return &node{op: opNot, kids: []Indicator{in}} }

// Unless matches where in matches, except when any of context matches
// anywhere in the text: Unless(x, Keywords("警方提醒")) stays silent on a
// police warning that quotes a scam.
func Unless(in Indicator, context ...Indicator) Indicator {
	return &node{op: opUnless, kids: append([]Indicator{in}, context...)}
}

// Except matches where in matches, dropping each match that overlaps a match
// of any of allowed. It is an allow-list that really overrides: Except(
// Keywords("跑分"), Keywords("手机跑分", "安兔兔跑分")) ignores 跑分 inside the
// allowed phrases but still reports it elsewhere in the same text.
func Except(in Indicator, allowed ...Indicator) Indicator {
	return &node{op: opExcept, kids: append([]Indicator{in}, allowed...)}
}

// Weight multiplies the weight of in's matches by factor. A rule scores its
// points times the largest weight among its matches, so Weight lets one
// branch of an Any count more or less than the others.
func Weight(factor float64, in Indicator) Indicator {
	return &node{op: opWeight, factor: factor, kids: []Indicator{in}}
}

// Disguised keeps only the matches of in whose text was disguised by one of
// kinds (for example normalize.Separator|normalize.Invisible): evidence that
// someone tried to hide a word from a filter.
func Disguised(kinds normalize.Kind, in Indicator) Indicator {
	return &node{op: opDisguised, kinds: kinds, kids: []Indicator{in}}
}
