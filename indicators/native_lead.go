package indicators

import (
	"slices"
	"unicode/utf8"
)

// Most native programs begin with a word of an alternation, and most of
// those words are forms of the automaton already. The hits of those forms
// are then every place a match can begin, and the program runs only there
// instead of testing every rune of the text (see findAllAt).
//
// Some alternations also have alternatives that begin with a class, most
// often digits, as in "(?:月薪|薪资)…|[1-9]\d,\d{3}…", or with a word of
// one rune that is not a form. Those programs start at the hits of the
// other alternatives' words and at the runes of that class, which a scan
// of the text finds through a table of their first bytes: in Chinese text
// a class of digits or of a few runes is rare, where the first runes of
// all the words, which findAll looks for, are everywhere.

// maxLead bounds the number of words lead expands.
const maxLead = 64

// leadPlan tells where a match of a program can begin: at one of words,
// at a rune of cls, one rune before a rune of after, or, if begin, at the
// start of the text; anywhere if any.
type leadPlan struct {
	words []string
	cls   *runeClass
	after *runeClass
	begin bool
	any   bool
}

// plan returns where a match from node i can begin: the words of lead
// where it knows them, else for an alternation the words of the
// alternatives that have words and the first runes of the others.
func (p *nativeProgram) plan(i int32, depth int) leadPlan {
	if words, ok := p.lead(i, depth, true); ok {
		return leadPlan{words: words}
	}
	n := &p.nodes[i]
	whole := leadPlan{cls: n.first, any: n.first == nil}
	if depth > 8 {
		return whole
	}
	switch n.op {
	case nativeAlt:
		var out leadPlan
		for _, a := range n.alts {
			pa := p.plan(a, depth+1)
			if pa.any || len(out.words)+len(pa.words) > maxLead {
				return whole
			}
			out.words = append(out.words, pa.words...)
			out.cls = joinClass(out.cls, pa.cls)
			out.after = joinClass(out.after, pa.after)
			out.begin = out.begin || pa.begin
		}
		return out
	case nativeBegin:
		return leadPlan{begin: true}
	case nativeAhead:
		// A lookahead consumes nothing: the match begins as what follows.
		return p.plan(n.next, depth+1)
	case nativeRep:
		if n.min == 0 {
			out := p.plan(n.next, depth+1)
			if out.any {
				return whole
			}
			out.cls = joinClass(out.cls, n.cls)
			return out
		}
		// One rune of a wide class, as in [^0-9a-z]\d+, before a narrow
		// one: the match begins one rune before a rune of the narrow
		// class, which a scan finds by its first bytes.
		if n.min == 1 && n.max == 1 && !narrow(n.cls) {
			if f := p.nodes[n.next].first; narrow(f) {
				return leadPlan{after: f}
			}
		}
	}
	return whole
}

// narrow reports whether c is rare in Chinese text and known by the bytes
// its runes begin with, so that a scan for it can skip most of a text.
func narrow(c *runeClass) bool {
	return c != nil && c.hanSparse && c.leadBytes() != nil
}

// joinClass is the union of two classes, where nil stands for no rune.
func joinClass(c, d *runeClass) *runeClass {
	if c == nil {
		return d
	}
	if d == nil {
		return c
	}
	return c.union(d)
}

// setLeads decides where findAllAt starts the program and returns the
// words whose hits it must be given, or false if findAll serves better.
// The words for which short reports true (one-rune words that would be
// new forms: see addLeads) join the class of runes findAllAt scans for.
// The class must be narrow: rare in Chinese text, and known to findAllAt
// by the bytes its runes begin with.
func (p *nativeProgram) setLeads(short func(w string) bool) ([]string, bool) {
	p.mix, p.mixBytes, p.mixBegin = nil, nil, false
	p.after, p.afterBytes, p.mixed = nil, nil, false
	if p.anchored {
		return nil, false
	}
	pl := p.plan(p.start, 0)
	if pl.any {
		return nil, false
	}
	var words []string
	for _, w := range pl.words {
		if w == "" {
			return nil, false
		}
		if !short(w) {
			words = append(words, w)
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		if size != len(w) {
			return nil, false
		}
		pl.cls = joinClass(pl.cls, newRuneClass([]rune{r, r}))
	}
	if len(words) == 0 && pl.after == nil {
		return nil, false // the class alone is findAll's
	}
	if pl.cls == nil && pl.after == nil && !pl.begin {
		return words, true
	}
	if pl.cls != nil {
		if !narrow(pl.cls) {
			return nil, false
		}
		p.mix, p.mixBytes = pl.cls, pl.cls.leadBytes()
	}
	if pl.after != nil {
		if !narrow(pl.after) {
			p.mix, p.mixBytes = nil, nil
			return nil, false
		}
		p.after, p.afterBytes = pl.after, pl.after.leadBytes()
	}
	p.mixBegin = pl.begin
	p.mixed = true
	if words == nil {
		words = []string{} // no words, but findAllAt all the same
	}
	return words, true
}

// lead returns words such that every match from node i begins with one
// of them, or false if it knows none. If extend,
// it lengthens literals with the words of what follows, as far as the
// words stay few; an alternation that would have too many of them takes
// its alternatives' first literals alone.
func (p *nativeProgram) lead(i int32, depth int, extend bool) ([]string, bool) {
	if depth > 8 {
		return nil, false
	}
	n := &p.nodes[i]
	switch n.op {
	case nativeLit:
		if !extend {
			return []string{n.lit}, true
		}
		rest, ok := p.lead(n.next, depth+1, true)
		if !ok || len(rest) > maxLead {
			return []string{n.lit}, true
		}
		out := make([]string, len(rest))
		for j, r := range rest {
			out[j] = n.lit + r
		}
		return out, true
	case nativeRep:
		runes := n.cls.runes(8)
		if runes == nil || n.min < 1 {
			return nil, false
		}
		var rest []string
		ok := false
		if extend && n.min == 1 && n.max == 1 {
			rest, ok = p.lead(n.next, depth+1, true)
		}
		if !ok || len(runes)*len(rest) > maxLead {
			rest = []string{""}
		}
		var out []string
		for _, r := range runes {
			for _, x := range rest {
				out = append(out, string(r)+x)
			}
		}
		return out, true
	case nativeAlt:
		var out []string
		for _, a := range n.alts {
			words, ok := p.lead(a, depth+1, extend)
			if ok && len(out)+len(words) > maxLead && extend {
				return p.lead(i, depth, false)
			}
			if !ok || len(out)+len(words) > maxLead {
				return nil, false
			}
			out = append(out, words...)
		}
		return out, true
	}
	return nil, false
}

// runes returns the runes of the class if they are at most max, or nil.
func (c *runeClass) runes(max int) []rune {
	var out []rune
	for i := 0; i+1 < len(c.all); i += 2 {
		if int(c.all[i+1]-c.all[i])+1+len(out) > max {
			return nil
		}
		for r := c.all[i]; r <= c.all[i+1]; r++ {
			out = append(out, r)
		}
	}
	return out
}

// addLeads gives each native program that setLeads finds words for the
// automaton patterns of those words: forms of the automaton, or words of
// two or more runes that can become forms. One-rune words that are not
// forms yet become runes the program scans for instead: they occur in
// most texts, and as forms they would add many hits to every scan.
func (cp *compiler) addLeads() {
	c := cp.c
	c.leads = make([][]int32, len(c.native))
	for i, p := range c.native {
		if p == nil {
			continue
		}
		words, ok := p.setLeads(cp.newShortWord)
		if !ok {
			continue
		}
		pats := make([]int32, len(words))
		for j, w := range words {
			pats[j] = cp.form(w)
		}
		c.leads[i] = pats
	}
}

// leadStarts returns the starts of the hits of pats in ascending order,
// without repeats, in buf.
func (s *scan) leadStarts(pats []int32, buf []int32) []int32 {
	buf = buf[:0]
	for _, p := range pats {
		for h := s.first[p]; h != 0; h = s.next[h-1] {
			buf = append(buf, s.hits[h-1].Start)
		}
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// findAllAt is findAll trying only the given starts, which must hold every
// place a match can begin but those setLeads left to the class mix, to the
// runes before those of after and to the start of the text, in ascending
// order.
func (p *nativeProgram) findAllAt(s string, starts []int32, dst [][2]int32, limit int) ([][2]int32, bool) {
	if p.mixed {
		if p.after != nil {
			return p.findAllAfter(s, starts, dst, limit)
		}
		return p.findAllMixed(s, starts, dst, limit)
	}
	m := p.matcher(s)
	n0 := len(dst)
	last := 0
	for _, st := range starts {
		if len(dst)-n0 >= limit {
			break
		}
		pos := int(st)
		if pos < last || pos >= len(s) {
			continue
		}
		var end int
		var ok bool
		if dst, end, ok = m.match(pos, dst); !ok {
			return dst[:n0], false
		}
		if end > pos {
			last = end
		}
	}
	return dst, true
}

// findAllMixed is findAllAt for a program with a class mix or a start at
// the start of the text: it merges the starts with the runes of the class,
// which it finds by their first bytes.
func (p *nativeProgram) findAllMixed(s string, starts []int32, dst [][2]int32, limit int) ([][2]int32, bool) {
	m := p.matcher(s)
	n0 := len(dst)
	mix, bytes := p.mix, p.mixBytes
	pos, k := 0, 0
	for pos < len(s) && len(dst)-n0 < limit {
		for k < len(starts) && int(starts[k]) < pos {
			k++
		}
		at := len(s) // the next place to try
		if k < len(starts) {
			at = int(starts[k])
		}
		if pos == 0 && p.mixBegin {
			at = 0
		} else if mix != nil {
			q := pos
			for q < at && !bytes[s[q]] {
				q++
			}
			if q < at {
				r, size := decodeRune(s, q)
				if !mix.has(r) {
					pos = q + size
					continue
				}
				at = q
			}
		}
		if at >= len(s) {
			break
		}
		var end int
		var ok bool
		if dst, end, ok = m.match(at, dst); !ok {
			return dst[:n0], false
		}
		if end > at {
			pos = end
		} else {
			_, size := decodeRune(s, at)
			pos = at + size
		}
	}
	return dst, true
}

// findAllAfter is findAllMixed for a program with a class after as well:
// it also tries the runes before those of after, which it finds by their
// first bytes. The scan for after runs ahead of the starts it gives: aq is
// the next byte it looks at, ac the start it found last. (findAllMixed
// stays apart: its loop runs at every scan, and the scan for after slows
// it down.)
func (p *nativeProgram) findAllAfter(s string, starts []int32, dst [][2]int32, limit int) ([][2]int32, bool) {
	m := p.matcher(s)
	n0 := len(dst)
	mix, bytes := p.mix, p.mixBytes
	after, afterBytes := p.after, p.afterBytes
	pos, k := 0, 0
	aq, ac := 0, -1
	for pos < len(s) && len(dst)-n0 < limit {
		for k < len(starts) && int(starts[k]) < pos {
			k++
		}
		at := len(s) // the next place to try
		if k < len(starts) {
			at = int(starts[k])
		}
		if ac < pos {
			// A start at pos or later is one rune before a byte after pos.
			ac = len(s)
			for q := max(aq, pos+1); q < len(s); q++ {
				if !afterBytes[s[q]] {
					continue
				}
				if r, _ := decodeRune(s, q); after.has(r) {
					_, size := runeBefore(s, q)
					ac, aq = q-size, q+1
					break
				}
			}
			if ac == len(s) {
				aq = len(s)
			}
		}
		at = min(at, ac)
		if pos == 0 && p.mixBegin {
			at = 0
		} else if mix != nil {
			q := pos
			for q < at && !bytes[s[q]] {
				q++
			}
			if q < at {
				r, size := decodeRune(s, q)
				if !mix.has(r) {
					pos = q + size
					continue
				}
				at = q
			}
		}
		if at >= len(s) {
			break
		}
		var end int
		var ok bool
		if dst, end, ok = m.match(at, dst); !ok {
			return dst[:n0], false
		}
		if end > at {
			pos = end
		} else {
			_, size := decodeRune(s, at)
			pos = at + size
		}
	}
	return dst, true
}
