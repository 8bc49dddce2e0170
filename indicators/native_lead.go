package indicators

import "slices"

// Most native programs begin with a word of an alternation, and most of
// those words are forms of the automaton already. The hits of those forms
// are then every place a match can begin, and the program runs only there
// instead of testing every rune of the text (see findAllAt).

// maxLead bounds the number of words leadWords expands.
const maxLead = 64

// leadWords returns words such that every match of the program begins with
// one of them, or false if it knows none. The words are as long as the
// program's first literals allow, so that they are rare in text.
func (p *nativeProgram) leadWords() ([]string, bool) {
	if p.anchored {
		return nil, false
	}
	return p.lead(p.start, 0)
}

func (p *nativeProgram) lead(i int32, depth int) ([]string, bool) {
	if depth > 8 {
		return nil, false
	}
	n := &p.nodes[i]
	switch n.op {
	case nativeLit:
		rest, ok := p.lead(n.next, depth+1)
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
		if n.min == 1 && n.max == 1 {
			rest, ok = p.lead(n.next, depth+1)
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
			words, ok := p.lead(a, depth+1)
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

// addLeads gives each native program whose lead words are all forms of
// the automaton, or words of two or more runes that can become forms, the
// automaton patterns of those words. One-rune words that are not forms
// yet are left out: they occur in most texts, and as forms they would
// add many hits to every scan.
func (cp *compiler) addLeads() {
	c := cp.c
	c.leads = make([][]int32, len(c.native))
	for i, p := range c.native {
		if p == nil {
			continue
		}
		words, ok := p.leadWords()
		if !ok || slices.ContainsFunc(words, func(w string) bool { return w == "" || cp.newShortWord(w) }) {
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
// place a match can begin, in ascending order.
func (p *nativeProgram) findAllAt(s string, starts []int32, dst [][2]int32, limit int) ([][2]int32, bool) {
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
