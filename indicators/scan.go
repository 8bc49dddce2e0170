package indicators

import (
	"cmp"
	"context"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators/internal/ahocorasick"
	"github.com/fanzha/fanzha/normalize"
)

// hit is an occurrence of a keyword form in the normalized text.
type hit = ahocorasick.Hit

// scan is the state of one Detect call. Scans are pooled so that the slices
// they hold are reused across texts.
type scan struct {
	c         *compiled
	t         normalize.Text
	norm      string
	hits      []ahocorasick.Hit // in the automaton's order, see chainHits
	first     []int32           // by pattern: 1 + index in hits of its first hit, or 0
	last      []int32           // by pattern: 1 + index in hits of its last hit, or 0
	next      []int32           // by hit: 1 + index of the next hit of its pattern, or 0
	pats      []int32           // the patterns with hits
	cand      []uint64          // bit set of the rules that can fire
	ents      [8][]entityMatch  // cache by index in EntityKinds
	have      [8]bool
	err       error        // error of the rule being evaluated
	buf       []imatch     // arena of the rule being evaluated (see imatch)
	bufHigh   int          // the most of buf a rule of the text has used
	events    []event      // Near's sweep
	found     []int32      // Near's composites, by index in buf
	runs      []patternRun // by regexp, see runPattern
	ran       []int        // the regexps that ran on this text
	pspans    [][2]int32   // matches of the patterns, see runPattern
	starts    []int32      // where a native program may match, see leadStarts
	runes     []rune       // the normalized text, see decodeRunes
	runeOff   []int32
	runesDone bool
	kinds     normalize.Kind // see textKinds
	kindsDone bool
	fired     []firedRule // see run
	caps      []int       // the caps of the findings' categories, see findings
	kept      []imatch    // the parts of fired[i].best, see keep
	exported  []Match     // the matches of fired, see findings
	order     []int32     // see reportOrder
	ascii     uint8       // see mayHold
	ent       entityText  // the text for the entity scanners, see mayHold
	gen       uint32      // the text's generation, see memo.go
	poss      []uint32    // by node id: gen<<1 | possible
	kwm       []kwMemo    // by keyword slot
	kwBuf     []imatch    // the results of kwm
	evm       []kwMemo    // by node id: the result of a shared node, see memoEval
	evBuf     []imatch    // the results of evm and their trees
	needHit   []uint32    // by necessary set: gen when satisfied, see markNeeds
	kwTerms   []int32     // scratch of keywords: the forms that occur
	big       bool        // from the pool of long texts, see bigText
}

// Texts longer than bigText take their scans from a pool of their own:
// their buffers are sized for long texts, and handing them to short texts
// would keep that memory alive as long as short texts keep coming, while
// dropping them would make every long text allocate them again. A pool
// that only long texts use is emptied by the garbage collector when they
// stop coming.
const bigText = 64 << 10

func (c *compiled) getScan(text string) *scan {
	pool := &c.pool
	if len(text) > bigText {
		pool = &c.bigPool
	}
	s, _ := pool.Get().(*scan)
	if s == nil {
		s = &scan{c: c, big: pool == &c.bigPool}
	}
	s.nextText()
	s.t = c.norm.Normalize(text)
	s.norm = s.t.Normalized()
	s.hits = c.matcher.FindAll(s.norm, s.hits[:0])
	s.chainHits()
	s.markNeeds()
	return s
}

// chainHits links the hits of each pattern in text order, in first, last
// and next, and lists the patterns that occur in pats: the automaton
// reports hits by end, and sorting them by pattern cost more than the
// links.
func (s *scan) chainHits() {
	if len(s.first) != len(s.c.forms) {
		s.first = make([]int32, len(s.c.forms))
		s.last = make([]int32, len(s.c.forms))
	}
	if cap(s.next) < len(s.hits) {
		s.next = make([]int32, len(s.hits), cap(s.hits))
	}
	s.next = s.next[:len(s.hits)]
	s.pats = s.pats[:0]
	for i, h := range s.hits {
		s.next[i] = 0
		if l := s.last[h.Pattern]; l != 0 {
			s.next[l-1] = int32(i + 1)
		} else {
			s.first[h.Pattern] = int32(i + 1)
			s.pats = append(s.pats, h.Pattern)
		}
		s.last[h.Pattern] = int32(i + 1)
	}
}

func (c *compiled) putScan(s *scan) {
	pool := &c.pool
	if s.big {
		pool = &c.bigPool
	}
	// huge reports whether a buffer of n items is too large to keep for
	// the short texts of the main pool.
	huge := func(n, limit int) bool { return !s.big && n > limit }
	for _, i := range s.ran {
		s.runs[i] = patternRun{}
	}
	s.ran = s.ran[:0]
	s.pspans = s.pspans[:0]
	s.runesDone = false
	if huge(cap(s.runes), 1<<16) {
		s.runes, s.runeOff = nil, nil // do not keep the memory of one huge text
	}
	for _, p := range s.pats {
		s.first[p], s.last[p] = 0, 0
	}
	s.pats = s.pats[:0]
	s.t = normalize.Text{}
	s.norm = ""
	s.err = nil
	s.kinds, s.kindsDone = 0, false
	s.ascii = 0
	s.ent.t, s.ent.s = nil, ""
	if huge(cap(s.ent.ascii), 1<<10) {
		s.ent.ascii = nil // do not keep the memory of one huge text
	}
	clear(s.kwBuf) // drop references to values
	s.kwBuf = s.kwBuf[:0]
	clear(s.evBuf)
	s.evBuf = s.evBuf[:0]
	// Drop references to values in as much of the arena as the text used:
	// the arena of a long text's scan can be much larger.
	clear(s.buf[:max(len(s.buf), s.bufHigh)])
	s.buf, s.bufHigh = s.buf[:0], 0
	if huge(cap(s.buf), 1<<14) {
		s.buf = nil
	}
	for i := range s.ents {
		clear(s.ents[i]) // drop references to values
		s.ents[i] = s.ents[i][:0]
		s.have[i] = false
	}
	if huge(cap(s.hits), 1<<16) {
		s.hits, s.next = nil, nil // do not keep the memory of one huge text
	}
	pool.Put(s)
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
	for _, p := range s.pats {
		for _, r := range s.c.byPat[p] {
			s.cand[r/64] |= 1 << (r % 64)
		}
	}
}

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

func (d *Detector) detect(ctx context.Context, text string, rep *Report) error {
	old := *rep
	*rep = Report{
		Findings:   rep.Findings[:0],
		Categories: rep.Categories[:0],
		Entities:   rep.Entities[:0],
		parts:      rep.parts[:0],
		names:      rep.names[:0],
	}
	defer rep.clearStale(&old)
	if len(text) > d.cfg.MaxInput {
		text = truncate(text, d.cfg.MaxInput)
		rep.Truncated = true
	}
	c := d.c
	s := c.getScan(text)
	defer c.putScan(s)
	rep.Entities = s.extracted(rep.Entities)
	s.markCandidates()
	err := s.run(ctx, rep)
	d.score(rep, s.caps)
	return err
}

// run evaluates the candidate rules in rule order, checking ctx between
// rules, and adds the findings of the rules that fire to rep.
func (s *scan) run(ctx context.Context, rep *Report) error {
	// The match a fired rule scores by is kept until the end, so that the
	// findings are built together, in a few allocations of the right size
	// (see findings); the arena is reset after every rule, except after a
	// rule that fired leaving little in it (see keepInPlace).
	defer s.findings(rep)
	for w, word := range s.cand {
		for word != 0 {
			i := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if err := ctx.Err(); err != nil {
				return err
			}
			r := &s.c.rules[i]
			if !s.satisfied(r) {
				continue
			}
			mk := s.mark()
			ms := s.eval(r.root)
			s.bufHigh = max(s.bufHigh, len(s.buf))
			if s.err != nil {
				rep.Errors = append(rep.Errors, &RuleError{Rule: r.rule.ID, Err: s.err})
				s.err = nil
				s.buf = s.buf[:mk]
				continue
			}
			if len(ms) > 0 {
				best := strongest(ms)
				if len(s.buf)-mk <= s.c.keepInPlace {
					// Leave the rule's arena as it is: later rules
					// only append to the arena, so the tree of best
					// stays valid until findings, and copying it
					// would cost more than the room it takes.
					s.fired = append(s.fired, firedRule{rule: r.rule, cap: r.cap, best: *best})
					continue
				}
				s.fired = append(s.fired, firedRule{rule: r.rule, cap: r.cap, best: s.keep(best)})
			}
			s.buf = s.buf[:mk]
		}
	}
	return nil
}

// keepInPlace is the most matches the arena of a fired rule may hold for
// run to leave its match there instead of copying it out with keep: the
// arena then keeps what the rule's evaluation left besides the match until
// the end of the text, which a bound keeps small. In the SMS of the
// benchmarks a fired rule leaves 4 matches on average and at most 32.
const keepInPlace = 64

// firedRule is a rule that fired and the match it scores by.
type firedRule struct {
	rule *Rule
	cap  int    // the cap of its category
	best imatch // its parts are in s.kept or the arena
}

// keep copies the tree of m out of the arena into s.kept and returns the
// copy. When s.kept grows, the trees copied before keep the old array:
// they are never written again.
func (s *scan) keep(m *imatch) imatch {
	out := *m
	n := len(m.parts)
	if n == 0 {
		return out
	}
	at := len(s.kept)
	s.kept = append(s.kept, m.parts...)
	for i := range n {
		k := s.keep(&m.parts[i])
		s.kept[at+i] = k
	}
	out.parts = s.kept[at : at+n : at+n]
	return out
}

// strongest returns the match a rule scores by: the rule scores once, by
// its strongest match; the earliest of the strongest is shown.
func strongest(ms []imatch) *imatch {
	best := 0
	for i := range ms {
		if ms[i].weight > ms[best].weight || ms[i].weight == ms[best].weight && ms[i].start >= 0 && (ms[best].start < 0 || ms[i].start < ms[best].start) {
			best = i
		}
	}
	return &ms[best]
}

// findings appends the findings of the rules that fired to rep. The
// Parts of all their matches share one allocation, and so do the names
// of their disguises.
func (s *scan) findings(rep *Report) {
	s.caps = s.caps[:0]
	if len(s.fired) == 0 {
		return
	}
	n := 0
	for i := range s.fired {
		n += countParts(&s.fired[i].best)
	}
	slab := slices.Grow(rep.parts[:0], n)[:n]
	rep.parts = slab
	first := len(rep.Findings)
	rep.Findings = slices.Grow(rep.Findings, len(s.fired))
	// A Match is large: the matches are built in place, and copied once,
	// into their findings.
	ms := slices.Grow(s.exported[:0], len(s.fired))[:len(s.fired)]
	for i := range s.fired {
		s.exportTo(&s.fired[i].best, &ms[i], &slab)
	}
	names := 0
	for _, i := range s.reportOrder(ms) {
		f := &s.fired[i]
		r := f.rule
		m := &ms[i]
		names += bits.OnesCount32(uint32(m.Disguise))
		s.caps = append(s.caps, f.cap)
		rep.Findings = rep.Findings[:len(rep.Findings)+1]
		out := &rep.Findings[len(rep.Findings)-1]
		*out = Finding{
			Rule:       r.ID,
			Category:   r.Category,
			Points:     rulePoints(r.Points, f.best.weight),
			Reason:     r.Reason,
			ReasonEN:   r.ReasonEN,
			Start:      m.Start,
			End:        m.End,
			Evidence:   m.Evidence,
			Normalized: m.Normalized,
			Match:      *m,
		}
	}
	// Disguise is never nil, so that JSON says [].
	all := slices.Grow(rep.names[:0], names)
	if all == nil {
		all = []string{}
	}
	for i := first; i < len(rep.Findings); i++ {
		f := &rep.Findings[i]
		at := len(all)
		all = f.Match.Disguise.AppendNames(all)
		f.Disguise = all[at:len(all):len(all)]
	}
	rep.names = all
	clear(ms) // drop references to the text
	s.exported = ms[:0]
	clear(s.fired) // drop references to the kept matches
	s.fired = s.fired[:0]
	clear(s.kept)
	s.kept = s.kept[:0]
	if cap(s.kept) > 1<<12 && !s.big { // see putScan
		s.kept = nil // do not keep the memory of one huge report
	}
}

// reportOrder returns the indices of s.fired in the order of the report's
// findings, by start in the original text, then by rule ID (score does not
// sort them again): sorting them here moves indices instead of Findings.
// ms are the exported matches of s.fired.
func (s *scan) reportOrder(ms []Match) []int32 {
	order := s.order[:0]
	for i := range ms {
		order = append(order, int32(i))
	}
	// Rule IDs are unique, so the order is total and any sort gives it.
	byPos := func(a, b int32) int {
		if ms[a].Start != ms[b].Start {
			return cmp.Compare(ms[a].Start, ms[b].Start)
		}
		return cmp.Compare(s.fired[a].rule.ID, s.fired[b].rule.ID)
	}
	if len(order) > 12 {
		slices.SortFunc(order, byPos)
	} else {
		// A text fires a few rules: an insertion sort with the comparison
		// inlined costs a fraction of SortFunc's calls.
		for i := 1; i < len(order); i++ {
			for j := i; j > 0 && byPos(order[j], order[j-1]) < 0; j-- {
				order[j], order[j-1] = order[j-1], order[j]
			}
		}
	}
	s.order = order
	return order
}

// fires reports whether rule i of the compiled rules fires on text. It is
// used to check the rules' examples.
func (c *compiled) fires(i int, text string) (bool, error) {
	s := c.getScan(text)
	defer c.putScan(s)
	ms := s.eval(c.rules[i].root)
	return len(ms) > 0, s.err
}

// countParts returns the number of parts in the tree of m, m excluded.
func countParts(m *imatch) int {
	n := len(m.parts)
	for i := range m.parts {
		if len(m.parts[i].parts) > 0 { // most parts are leaves: no call
			n += countParts(&m.parts[i])
		}
	}
	return n
}

// exportTo converts an engine match to a Match in the original text, in
// out, taking the Parts from slab. The disguise of a combinator is that of
// its parts, computed bottom-up (see kindsOf).
func (s *scan) exportTo(m *imatch, out *Match, slab *[]Match) {
	if len(m.parts) == 0 && !m.spanless() {
		// A leaf with a span, the most common: its Match in one store.
		start, end, kinds := s.t.SpanKinds(int(m.start), int(m.end))
		*out = Match{
			Start:      start,
			End:        end,
			Evidence:   s.t.Original()[start:end],
			Normalized: s.norm[m.start:m.end],
			Term:       m.term,
			Value:      m.value,
			Op:         opName(m.op),
			Disguise:   kinds,
			Weight:     m.weight,
		}
		return
	}
	*out = Match{
		Start:  -1,
		End:    -1,
		Term:   m.term,
		Value:  m.value,
		Op:     opName(m.op),
		Weight: m.weight,
	}
	if len(m.parts) == 0 {
		return
	}
	n := len(m.parts)
	out.Parts = (*slab)[:n:n]
	*slab = (*slab)[n:]
	// The span of a composite is the hull of its parts' spans (see
	// composite), and Span maps a hull to the hull of the mapped spans as
	// long as no part is empty, which none is: runPattern drops empty
	// matches, and keywords and entities are never empty.
	for i := range m.parts {
		p := &out.Parts[i]
		s.exportTo(&m.parts[i], p, slab)
		out.Disguise |= p.Disguise
		if p.Start < 0 {
			continue // spanless parts take no room, see composite
		}
		if out.Start < 0 || p.Start < out.Start {
			out.Start = p.Start
		}
		out.End = max(out.End, p.End)
	}
	if m.spanless() {
		return
	}
	out.Evidence = s.t.Original()[out.Start:out.End]
	out.Normalized = s.norm[m.start:m.end]
}

// entities returns the entities of kind in the text, computing them once.
func (s *scan) entities(kind EntityKind) []entityMatch {
	i := kindIndex(kind)
	if i < 0 {
		return nil // the compiler rejects unknown kinds
	}
	return s.entitiesAt(i)
}

// entitiesAt is entities for the kind EntityKinds[i]. extracted asks for
// every kind of every text, so it skips the kind's lookup.
func (s *scan) entitiesAt(i int) []entityMatch {
	if !s.have[i] {
		s.ents[i] = s.ents[i][:0]
		if s.mayHold(i) {
			s.ents[i] = s.ent.find(EntityKinds[i], s.ents[i])
		}
		s.have[i] = true
	}
	return s.ents[i]
}

// Classes of ASCII characters in a text, for mayHold.
const (
	asciiDone   = 1 << iota // the classes have been computed
	asciiDigit              // the text has an ASCII digit
	asciiLetter             // the text has an ASCII letter
)

// kindNeeds holds the classes of which a text must have one for mayHold
// to hold an entity of the kind EntityKinds[i]: a digit for the numbers.
var kindNeeds = [8]uint8{
	asciiDigit, asciiDigit, asciiDigit, // MobileCN, PhoneIntl, QQ
	asciiDigit | asciiLetter, asciiDigit | asciiLetter, asciiDigit | asciiLetter, asciiDigit | asciiLetter, // WeChatID, Telegram, URL, Wallet
	asciiDigit, // BankCard
}

// mayHold reports whether the text can hold an entity of the kind
// EntityKinds[i]: every entity is written with ASCII letters or digits
// (the normalizer folds other numerals and full-width forms to ASCII), and
// numbers need digits. Most chat lines in Chinese have neither, and skip
// all eight scanners. The first call of a text prepares s.ent, which the
// scanners of all kinds share, and learns the classes in the same pass.
func (s *scan) mayHold(i int) bool {
	if s.ascii == 0 {
		s.prepareEntities()
	}
	return s.ascii&kindNeeds[i] != 0
}

// prepareEntities prepares s.ent and learns the classes of s.ascii.
func (s *scan) prepareEntities() {
	var digit, letter bool
	s.ent, digit, letter = newEntityText(&s.t, s.ent.ascii)
	s.ascii = asciiDone
	if digit {
		s.ascii |= asciiDigit
	}
	if letter {
		s.ascii |= asciiLetter
	}
}

// extracted appends to dst every entity of the text in the original,
// sorted.
func (s *scan) extracted(dst []Extracted) []Extracted {
	n := 0
	for i := range s.ents {
		n += len(s.entitiesAt(i))
	}
	if n == 0 {
		return dst
	}
	out := slices.Grow(dst, n)
	at := len(out)
	orig := s.t.Original()
	for i := range s.ents {
		for _, e := range s.entitiesAt(i) {
			os, oe := s.t.Span(int(e.Start), int(e.End))
			out = append(out, Extracted{
				Kind: e.Kind, Value: e.Value, Detail: e.Detail,
				Start: os, End: oe, Evidence: orig[os:oe],
			})
		}
	}
	// Often the entities are in order already: one kind, or kinds in the
	// order of the text.
	byPos := func(a, b Extracted) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(a.End, b.End)
	}
	if !slices.IsSortedFunc(out[at:], byPos) {
		slices.SortStableFunc(out[at:], byPos)
	}
	return out
}

func (d *Detector) extract(text string) []Extracted {
	text = truncate(text, d.cfg.MaxInput)
	s := d.c.getScan(text)
	defer d.c.putScan(s)
	return s.extracted(nil)
}
