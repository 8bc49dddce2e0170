package indicators

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// Rule patterns mostly have one shape: alternations of words, bounded gaps
// of some class of characters, and more words, as in
// "(?:我是|这里是)[^。]{0,16}(?:客服|专员)". regexp2 runs them through a
// general interpreter over runes, which dominates the cost of a scan.
//
// compileNative translates a pattern of that shape into a small program
// that backtracks over the UTF-8 text itself, trying the same choices in
// the same order as regexp2 (alternatives in order, greedy repetition
// backing off one character at a time), so that it finds the very same
// leftmost-first matches. Every alternative and repetition also knows
// which characters a match through it can start with, and is skipped at
// once on any other character. A pattern outside the subset (lookaround,
// backreferences, inline options, lazy quantifiers, word boundaries, ...)
// keeps running on regexp2; so does a text on which the program exceeds
// its step budget, where regexp2's timeout then applies.

// nativeProgram is a pattern compiled for the native engine.
type nativeProgram struct {
	nodes    []nativeNode // nodes[0] accepts
	start    int32
	anchored bool         // the program starts with ^: it can only match at 0
	starts   *[256]bool   // bytes a match can begin with, or nil: see leadBytes
	looks    []nativeLook // the lookaheads, while the program is built
	// Where findAllAt starts the program besides the starts it is given
	// (see setLeads): the runes of mix, found by their first bytes
	// mixBytes, and the start of the text if mixBegin.
	mix      *runeClass
	mixBytes *[256]bool
	mixBegin bool
	// It also starts it one rune before each rune of after, found by
	// their first bytes afterBytes.
	after      *runeClass
	afterBytes *[256]bool
	mixed      bool // mix, mixBegin or after: one test for findAllAt
}

// nativeLook is a lookahead of the expression: RE2 syntax has none, so
// nativeSyntax puts a mark rune in its place (see isLookMark), and emit
// turns the mark into a nativeAhead node.
type nativeLook struct {
	re     *syntax.Regexp
	negate bool
}

// The lookahead marks are runes of a private use plane, which
// compileNative rejects in expressions.
const (
	lookMark    = 0xF0000
	maxLookMark = 0xF00FF
)

func isLookMark(r rune) bool { return lookMark <= r && r <= maxLookMark }

type nativeOp uint8

const (
	nativeMatch nativeOp = iota // the match ends here
	nativeLit                   // the literal lit
	nativeRep                   // min to max (< 0: any number) runes of cls, greedy
	nativeAlt                   // the first of alts that leads to a match
	nativeBegin                 // the start of the text
	nativeAhead                 // the program from sub matches here (or, if negate, does not)
)

type nativeNode struct {
	op       nativeOp
	lit      string
	cls      *runeClass
	min, max int
	alts     []int32
	sub      int32    // nativeAhead
	negate   bool     // nativeAhead
	pick     *altPick // nativeAlt
	next     int32
	// first holds the runes a match from this node can start with; nil
	// if it can succeed without consuming one.
	first *runeClass
}

// nativeBudgetPerByte bounds the steps of the program per byte of text;
// a pattern that needs more falls back to regexp2 on that text.
const nativeBudgetPerByte = 64

// compileNative returns the native program of a regexp2 expression, or nil
// if the expression is outside the subset the native engine runs exactly.
func compileNative(expr string) *nativeProgram {
	if strings.ContainsFunc(expr, isLookMark) {
		return nil
	}
	goExpr, looks, ok := nativeSyntax(expr, true)
	if !ok {
		return nil
	}
	re, err := syntax.Parse(goExpr, syntax.Perl)
	if err != nil || nullable(re) {
		// An expression that matches the empty string makes regexp2
		// report empty matches and step over them; leave it to regexp2.
		return nil
	}
	p := &nativeProgram{nodes: []nativeNode{{op: nativeMatch}}}
	for _, l := range looks {
		sub, err := syntax.Parse(l.expr, syntax.Perl)
		if err != nil {
			return nil
		}
		p.looks = append(p.looks, nativeLook{re: sub, negate: l.negate})
	}
	start, ok := p.emit(re, 0)
	if !ok || len(p.nodes) > 1<<12 {
		return nil
	}
	p.start = start
	p.anchored = p.nodes[start].op == nativeBegin
	done := make([]bool, len(p.nodes))
	for i := range p.nodes {
		p.firstOf(int32(i), done)
	}
	for i := range p.nodes {
		p.nodes[i].pick = p.altPick(&p.nodes[i])
	}
	p.starts = p.nodes[start].first.leadBytes()
	return p
}

// altPick sorts the alternatives of an alternation by the runes they can
// start with, so that a try of the alternation at a rune tests the few
// alternatives that rune can start, not all of them: a list of forty words
// after a gap is tried at every rune the gap gives back. (Alternations of
// two alternatives gain too: one of them is often a rest that cannot
// start at the rune.) Bucket runeHash(r) lists, in order, every
// alternative that can start with a rune of that hash: those whose first
// class has one, and those with a large first class or none, which are in
// every bucket.
type altPick struct {
	bucket [256]uint8 // index into lists
	lists  [][]int32
}

// altPick returns the altPick of node n, or nil if it is not an
// alternation.
func (p *nativeProgram) altPick(n *nativeNode) *altPick {
	if n.op != nativeAlt {
		return nil
	}
	var hashes [256][]int32
	for _, a := range n.alts {
		var runes []rune
		if f := p.nodes[a].first; f != nil {
			runes = f.runes(16)
		}
		if runes == nil {
			for h := range hashes {
				hashes[h] = append(hashes[h], a)
			}
			continue
		}
		for _, r := range runes {
			h := runeHash(r)
			if l := hashes[h]; len(l) == 0 || l[len(l)-1] != a {
				hashes[h] = append(l, a)
			}
		}
	}
	pick := &altPick{}
	for h, l := range hashes {
		j := slices.IndexFunc(pick.lists, func(x []int32) bool { return slices.Equal(x, l) })
		if j < 0 {
			if len(pick.lists) == 256 {
				return nil
			}
			j = len(pick.lists)
			pick.lists = append(pick.lists, l)
		}
		pick.bucket[h] = uint8(j)
	}
	return pick
}

// spaceClass is what regexp2 reads \s as: Unicode White_Space, the runes
// for which unicode.IsSpace is true (checked rune by rune in a test).
const spaceClass = `\t\n\v\f\r\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}`

// nativeSyntax rewrites a regexp2 expression into RE2 syntax with the same
// meaning, or reports false if it uses a construct the two may read
// differently. regexp2 reads \d as any Unicode decimal digit and \s as any
// Unicode space, where RE2 means ASCII; those are spelled out. If looks is
// true, each lookahead (?=…) or (?!…) becomes a mark rune (see nativeLook)
// and its expression is returned in place.
func nativeSyntax(expr string, looks bool) (string, []lookSource, bool) {
	// .NET class subtraction and {,n} read differently.
	if strings.Contains(expr, "-[") || strings.Contains(expr, "{,") {
		return "", nil, false
	}
	var b strings.Builder
	var found []lookSource
	inClass := false
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		switch c {
		case '\\':
			if i+1 >= len(expr) {
				return "", nil, false
			}
			i++
			d := expr[i]
			switch {
			case d == 'd':
				b.WriteString(`\p{Nd}`)
			case d == 'D' && !inClass:
				b.WriteString(`\P{Nd}`)
			case d == 's' && inClass:
				b.WriteString(spaceClass)
			case d == 's':
				b.WriteString("[" + spaceClass + "]")
			case d == 'S' && !inClass:
				b.WriteString("[^" + spaceClass + "]")
			case d == 'n' || d == 't' || d == 'r' || d == 'f' || d == 'v':
				b.WriteByte('\\')
				b.WriteByte(d)
			case d == 'u':
				// regexp2's \uXXXX: exactly four hex digits, a UTF-16
				// code unit; RE2 rejects the surrogates among them.
				if i+4 >= len(expr) || !isHex(expr[i+1:i+5]) {
					return "", nil, false
				}
				b.WriteString(`\x{` + expr[i+1:i+5] + `}`)
				i += 4
			case d == 'x':
				if i+2 >= len(expr) || !isHex(expr[i+1:i+3]) {
					return "", nil, false
				}
				b.WriteString(expr[i-1 : i+3])
				i += 2
			case strings.IndexByte(`\\.^$|?*+()[]{}/-# `, d) >= 0:
				b.WriteByte('\\') // an escaped metacharacter
				b.WriteByte(d)
			default:
				return "", nil, false
			}
			continue
		case '[':
			rest := expr[i+1:]
			if inClass {
				if strings.HasPrefix(rest, ":") {
					return "", nil, false // a POSIX class in RE2
				}
				break
			}
			inClass = true
			// A ] right after [ or [^ is read differently.
			if strings.HasPrefix(rest, "]") || strings.HasPrefix(rest, "^]") {
				return "", nil, false
			}
		case ']':
			inClass = false
		case '(':
			if inClass || !strings.HasPrefix(expr[i+1:], "?") || strings.HasPrefix(expr[i+1:], "?:") {
				break
			}
			negate := strings.HasPrefix(expr[i+1:], "?!")
			if !looks || !negate && !strings.HasPrefix(expr[i+1:], "?=") || len(found) > maxLookMark-lookMark {
				return "", nil, false // options, named groups, lookbehind, nesting
			}
			end := groupEnd(expr, i)
			if end < 0 {
				return "", nil, false
			}
			inner, _, ok := nativeSyntax(expr[i+3:end], false)
			if !ok {
				return "", nil, false
			}
			// Two marks: a literal of two runes, which the parser never
			// merges into a class the way it merges a|b into [ab].
			fmt.Fprintf(&b, `\x{%X}\x{%X}`, lookMark+len(found), lookMark+len(found))
			found = append(found, lookSource{expr: inner, negate: negate})
			i = end
			continue
		case '{':
			// Only a plain quantifier: braces that are not one are read
			// differently ({00}, {x}, a leading {).
			if !inClass {
				n := quantifierLen(expr[i:])
				if n == 0 || i == 0 {
					return "", nil, false
				}
				b.WriteString(expr[i : i+n])
				i += n - 1
				continue
			}
		case '$':
			if !inClass {
				return "", nil, false // .NET's $ also matches before a final \n
			}
		}
		b.WriteByte(c)
	}
	return b.String(), found, !inClass
}

// lookSource is a lookahead found by nativeSyntax, in RE2 syntax.
type lookSource struct {
	expr   string
	negate bool
}

// groupEnd returns the index of the ) that closes the group opened at i,
// or -1.
func groupEnd(expr string, i int) int {
	depth, inClass := 0, false
	for ; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
		case c == '(':
			depth++
		case c == ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// quantifierLen returns the length of the {n}, {n,} or {n,m} quantifier at
// the start of s, numbers written without leading zeros, or 0.
func quantifierLen(s string) int {
	i := 1
	number := func() bool {
		j := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		return i > j && i-j <= 4 && (s[j] != '0' || i-j == 1)
	}
	if !number() {
		return 0
	}
	if i < len(s) && s[i] == ',' {
		i++
		if i < len(s) && s[i] != '}' && !number() {
			return 0
		}
	}
	if i < len(s) && s[i] == '}' {
		return i + 1
	}
	return 0
}

// nullable reports whether re can match the empty string.
func nullable(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpStar, syntax.OpQuest,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if !isLookMark(r) {
				return false
			}
		}
		return true // only lookaheads, which match no text
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || nullable(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !nullable(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		return slices.ContainsFunc(re.Sub, nullable)
	}
	return false
}

func (p *nativeProgram) add(n nativeNode) int32 {
	p.nodes = append(p.nodes, n)
	return int32(len(p.nodes) - 1)
}

// emit adds the nodes of re, followed by the node next, and returns the
// first of them.
func (p *nativeProgram) emit(re *syntax.Regexp, next int32) (int32, bool) {
	if re.Flags&(syntax.FoldCase|syntax.NonGreedy) != 0 {
		return 0, false
	}
	switch re.Op {
	case syntax.OpEmptyMatch:
		return next, true
	case syntax.OpLiteral:
		return p.emitLiteral(re.Rune, next)
	case syntax.OpCharClass, syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return p.add(nativeNode{op: nativeRep, cls: oneRuneClass(re), min: 1, max: 1, next: next}), true
	case syntax.OpBeginText:
		return p.add(nativeNode{op: nativeBegin, next: next}), true
	case syntax.OpCapture:
		return p.emit(re.Sub[0], next)
	case syntax.OpConcat:
		for i := len(re.Sub) - 1; i >= 0; i-- {
			var ok bool
			if next, ok = p.emit(re.Sub[i], next); !ok {
				return 0, false
			}
		}
		return next, true
	case syntax.OpAlternate:
		alts := make([]int32, len(re.Sub))
		for i, sub := range re.Sub {
			var ok bool
			if alts[i], ok = p.emit(sub, next); !ok {
				return 0, false
			}
		}
		return p.add(nativeNode{op: nativeAlt, alts: alts, next: next}), true
	case syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		min, max := 0, 1
		switch re.Op {
		case syntax.OpStar:
			max = -1
		case syntax.OpPlus:
			min, max = 1, -1
		case syntax.OpRepeat:
			min, max = re.Min, re.Max
		}
		if cls := oneRuneClass(re.Sub[0]); cls != nil {
			return p.add(nativeNode{op: nativeRep, cls: cls, min: min, max: max, next: next}), true
		}
		if re.Op == syntax.OpQuest { // (?:x)? tries x first, then nothing
			sub, ok := p.emit(re.Sub[0], next)
			if !ok {
				return 0, false
			}
			return p.add(nativeNode{op: nativeAlt, alts: []int32{sub, next}, next: next}), true
		}
	}
	return 0, false
}

// emitLiteral adds the nodes of a literal, in which mark runes stand for
// lookaheads, followed by next.
func (p *nativeProgram) emitLiteral(lit []rune, next int32) (int32, bool) {
	for end := len(lit); end > 0; {
		if r := lit[end-1]; isLookMark(r) {
			if end < 2 || lit[end-2] != r {
				return 0, false // a mark that lost its pair
			}
			l := p.looks[r-lookMark]
			sub, ok := p.emit(l.re, 0) // the lookahead ends in the accepting node
			if !ok {
				return 0, false
			}
			next = p.add(nativeNode{op: nativeAhead, sub: sub, negate: l.negate, next: next})
			end -= 2
			continue
		}
		start := end
		for start > 0 && !isLookMark(lit[start-1]) {
			start--
		}
		next = p.add(nativeNode{op: nativeLit, lit: string(lit[start:end]), next: next})
		end = start
	}
	return next, true
}

// oneRuneClass returns the class of runes re matches if re matches exactly
// one rune, or nil.
func oneRuneClass(re *syntax.Regexp) *runeClass {
	if re.Flags&syntax.FoldCase != 0 {
		return nil
	}
	switch re.Op {
	case syntax.OpCharClass:
		return newRuneClass(re.Rune)
	case syntax.OpAnyCharNotNL:
		return newRuneClass([]rune{0, '\n' - 1, '\n' + 1, utf8.MaxRune})
	case syntax.OpAnyChar:
		return newRuneClass([]rune{0, utf8.MaxRune})
	case syntax.OpLiteral:
		if len(re.Rune) == 1 {
			return newRuneClass([]rune{re.Rune[0], re.Rune[0]})
		}
	}
	return nil
}

// firstOf computes the first class of node i and of the nodes after it.
func (p *nativeProgram) firstOf(i int32, done []bool) *runeClass {
	n := &p.nodes[i]
	if done[i] {
		return n.first
	}
	done[i] = true
	var first *runeClass
	switch n.op {
	case nativeLit:
		r, _ := utf8.DecodeRuneInString(n.lit)
		first = newRuneClass([]rune{r, r})
	case nativeRep:
		first = n.cls
		if n.min == 0 {
			first = first.union(p.firstOf(n.next, done))
		}
	case nativeAlt:
		first = p.firstOf(n.alts[0], done)
		for _, a := range n.alts[1:] {
			first = first.union(p.firstOf(a, done))
		}
	case nativeBegin, nativeAhead:
		first = p.firstOf(n.next, done)
	}
	n.first = first
	return first
}

// findAll appends the spans of the leftmost-first, non-overlapping matches
// in s to dst, at most limit of them. It reports false if it ran out of
// steps; dst is then returned as it came.
func (p *nativeProgram) findAll(s string, dst [][2]int32, limit int) ([][2]int32, bool) {
	m := p.matcher(s)
	first := p.nodes[p.start].first
	n0 := len(dst)
	for pos := 0; pos < len(s) && len(dst)-n0 < limit; {
		if p.starts != nil && !p.starts[s[pos]] {
			pos++
			continue
		}
		r, size := decodeRune(s, pos)
		if !first.has(r) {
			pos += size
			continue
		}
		if p.anchored && pos > 0 {
			break
		}
		var end int
		var ok bool
		if dst, end, ok = m.match(pos, dst); !ok {
			return dst[:n0], false
		}
		if end > pos {
			pos = end
		} else {
			pos += size
		}
	}
	return dst, true
}

// matcher returns a matcher of p over s with the step budget of s.
func (p *nativeProgram) matcher(s string) nativeMatcher {
	return nativeMatcher{p: p, s: s, budget: nativeBudgetPerByte*len(s) + 1024}
}

// match runs the program at pos and appends its match, if any, to dst. It
// returns the end of the match or nativeNoMatch, and false if the program
// ran out of steps.
func (m *nativeMatcher) match(pos int, dst [][2]int32) ([][2]int32, int, bool) {
	end := m.run(m.p.start, pos)
	if end == nativeOutOfSteps {
		return dst, end, false
	}
	if end > pos {
		dst = append(dst, [2]int32{int32(pos), int32(end)})
	}
	return dst, end, true
}

const (
	nativeNoMatch    = -1
	nativeOutOfSteps = -2
)

type nativeMatcher struct {
	p      *nativeProgram
	s      string
	budget int
}

// run returns the end of the first match from node i at pos in the order
// regexp2 tries them, nativeNoMatch, or nativeOutOfSteps.
func (m *nativeMatcher) run(i int32, pos int) int {
	s := m.s
	for {
		if m.budget--; m.budget < 0 {
			return nativeOutOfSteps
		}
		n := &m.p.nodes[i]
		switch n.op {
		case nativeMatch:
			return pos
		case nativeLit:
			if !strings.HasPrefix(s[pos:], n.lit) {
				return nativeNoMatch
			}
			pos += len(n.lit)
		case nativeBegin:
			if pos != 0 {
				return nativeNoMatch
			}
		case nativeAhead:
			end := m.run(n.sub, pos)
			if end == nativeOutOfSteps {
				return end
			}
			if (end != nativeNoMatch) == n.negate {
				return nativeNoMatch
			}
		case nativeAlt:
			r := runeAt(s, pos)
			for _, a := range n.pick.lists[n.pick.bucket[runeHash(r)]] {
				if f := m.p.nodes[a].first; f != nil && !f.has(r) {
					continue
				}
				if end := m.run(a, pos); end != nativeNoMatch {
					return end
				}
			}
			return nativeNoMatch
		case nativeRep:
			return m.rep(n, pos)
		}
		i = n.next
	}
}

// rep runs a greedy repetition: it takes as many runes of the class as it
// may, then gives them back one at a time until the rest matches. It keeps
// the rune at end, r, as it goes, so that the rest's first class is
// checked without decoding that rune again.
func (m *nativeMatcher) rep(n *nativeNode, pos int) int {
	s := m.s
	end, k := pos, 0
	r := rune(-1) // the rune at end: none at the end of s
	for end < len(s) {
		c, size := decodeRune(s, end)
		if k == n.max || !n.cls.has(c) {
			r = c
			break
		}
		end += size
		k++
	}
	if k < n.min {
		return nativeNoMatch
	}
	next := &m.p.nodes[n.next]
	if next.op == nativeMatch {
		return end
	}
	for {
		if next.first == nil || next.first.has(r) {
			if e := m.run(n.next, end); e != nativeNoMatch {
				return e
			}
		} else if m.budget--; m.budget < 0 {
			return nativeOutOfSteps
		}
		if k == n.min {
			return nativeNoMatch
		}
		var size int
		r, size = runeBefore(s, end)
		end -= size
		k--
	}
}

// runeBefore is utf8.DecodeLastRuneInString(s[:end]), end > 0, with ASCII
// and the three-byte sequences of decodeRune inline.
func runeBefore(s string, end int) (rune, int) {
	if b := s[end-1]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	if end >= 3 {
		b, b1, b2 := s[end-3], s[end-2], s[end-1]
		if (0xE1 <= b && b <= 0xEC || 0xEE <= b && b <= 0xEF) && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeLastRuneInString(s[:end])
}

// runeAt returns the rune at byte pos of s, or -1 at the end.
func runeAt(s string, pos int) rune {
	if pos >= len(s) {
		return -1
	}
	r, _ := decodeRune(s, pos)
	return r
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) with the cases of Chinese
// text inline: ASCII, and three-byte sequences whose lead byte allows any
// continuation bytes (which excludes overlong forms and surrogates).
func decodeRune(s string, i int) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	if (0xE1 <= b && b <= 0xEC || 0xEE <= b && b <= 0xEF) && i+2 < len(s) {
		if b1, b2 := s[i+1], s[i+2]; b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
