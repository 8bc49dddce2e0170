package normalize

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"
)

// The fast path handles the text most messages are: Han, ASCII, and
// full-width or compatibility forms of ASCII characters (ＱＱ, １２３, ！),
// and traditional characters, where the separator fold, the folds of one
// rune to one ASCII byte and the character table of the traditional fold
// are all that change anything (phrasesAgree checks that the phrases of
// the traditional fold agree). It works on the original bytes, without
// units: it records the runs of separators it removes and the runes it
// replaces, and copies the rest of the text as it is; most runes cost it
// a test of the byte pattern and one bit of a bitmap. On anything else it
// gives up and Normalize takes the general path, which gives the same
// result (TestFastPath, TestSkips and FuzzNormalize compare the two).
// Giving up costs the part of the text already scanned, a few per cent for
// a message that needs the general path, against several times less time
// for the messages it takes.

// fastScratch holds the buffers of the fast path, kept for reuse.
type fastScratch struct {
	events []int32 // see fastScan
	runes  []rune  // see phrasesAgree
}

var fastPool = sync.Pool{New: func() any { return new(fastScratch) }}

// plainCJK is a bitmap of the runes of the Basic Multilingual Plane that
// no fold changes and that are word characters of CJK, which is most of
// ordinary text: their info is classCJK, perhaps with the phrase bit (一,
// 上, 不 start phrases), and no phrase changes them. fastScan tests the
// three-byte sequences against it and the bitmaps below (2.6 KB of each
// for the common Han characters) before anything else: a rune it holds
// needs nothing more, and since none holds surrogates or runes below
// U+0800, a sequence one holds is valid UTF-8. They are arrays, not
// pointers, so that their address is a constant of the code.
//
// plainSep is a bitmap of the same runes that are separators, both
// themselves and folded, with no fold but one to an ASCII separator (，！？
// and 。、《》): fastScan only notes them, in the run of separators they
// are in, whatever the options. plainSepFold holds those of them that have
// that fold (，！？), the only ones that may need a replacement event.
//
// plainNum is a bitmap of the same runes that are CJK numerals and need
// nothing else (一, 二, 十): fastScan only counts them in their numeral
// run.
//
// plainTrad is a bitmap of the same runes that are traditional characters
// and not numerals, with a simplified character that needs nothing
// (們, 會, 說): fastScan replaces them without more ado.
var plainCJK, plainSep, plainSepFold, plainNum, plainTrad = plainRunes()

// plainRunes returns plainCJK, plainSep, plainSepFold, plainNum and
// plainTrad. It works on the blocks of the table rather than on each rune,
// which takes a tenth of the time.
func plainRunes() (cjk, sep, sepFold, num, trad [1 << 16 / 64]uint64) {
	// The masks of the runes of each block of blockData, in the order of
	// the results.
	var masks [5][len(blockData) >> blockShift]uint8
	for b := range masks[0] {
		for k := range 1 << blockShift {
			inf := info(blockData[b<<blockShift|k])
			if inf&^phraseBit == classCJK {
				masks[0][b] |= 1 << k
			}
			if inf&^phraseBit&^(15<<numeralShift) == classCJK && inf.isNumeral() {
				masks[3][b] |= 1 << k
			}
			if op := inf.op(); (op == opTrad || op == opTradAmbiguous) && inf.class() == classCJK && !inf.isNumeral() {
				if f := inf.payload(); lookup(f).op() == opNone && !changedByPhrase(f) {
					masks[4][b] |= 1 << k
				}
			}
			if isSep(inf) {
				switch inf.op() {
				case opNone:
				case opWidth, opCompat:
					if f := foldString(inf); len(f) != 1 || !isSep(asciiInfo[f[0]]) || f[0] == '+' || f[0] == '@' {
						continue
					}
					masks[2][b] |= 1 << k
				default:
					continue
				}
				masks[1][b] |= 1 << k
			}
		}
	}
	var bitmaps [len(masks)][1 << 16 / 64]uint64
	for g := 0x800 >> blockShift; g < 1<<16>>blockShift; g++ {
		b, shift := blockIndex[g], g<<blockShift%64
		for k := range masks {
			bitmaps[k][g<<blockShift/64] |= uint64(masks[k][b]) << shift
		}
	}
	// None holds surrogates, or the runes a phrase changes.
	for k := range bitmaps {
		bits := &bitmaps[k]
		for r := rune(0xD800); r < 0xE000; r += 64 {
			bits[r/64] = 0
		}
		for r := phraseOnlyLo; r < phraseOnlyLo+rune(len(phraseOnly))*64 && r < 1<<16; r++ {
			if changedByPhrase(r) {
				bits[r/64] &^= 1 << (r % 64)
			}
		}
	}
	return bitmaps[0], bitmaps[1], bitmaps[2], bitmaps[3], bitmaps[4]
}

// isSep reports whether a rune of info inf is a separator that fastScan
// may just note: not a digit-like one, and with no fold but width and
// compatibility ones.
func isSep(inf info) bool {
	return inf.class() == classSep && !inf.isNumeral() && inf.op() <= opCompat
}

// asciiInfo is the info of each ASCII character, a shorter look-up than
// lookup's; the upper half is never used.
var asciiInfo = func() (a [256]info) {
	for c := range utf8.RuneSelf {
		a[c] = lookup(rune(c))
	}
	return a
}()

// asciiKeep tells the ASCII characters that fastFold returns as they are,
// whatever the options: no fold applies to them, and they are neither
// invisible nor changed by a phrase. The upper half is false.
var asciiKeep = func() (a [256]bool) {
	for c := range utf8.RuneSelf {
		inf := asciiInfo[c]
		a[c] = inf.op() == opNone && inf.class() != classInvisible && !changedByPhrase(rune(c))
	}
	return a
}()

// fastNormalize returns the normalization of s with the folds of opts, of
// which Separator is on, and false if the text needs the general path. s
// is at most maxPooled bytes long, so that the buffers are always kept.
func fastNormalize(s string, opts *Options) (Text, bool) {
	if len(s) <= smallText {
		// A message: its events fit on the stack, which costs less
		// than the pool.
		var stack [smallEvents]int32
		events, phrases, ok := fastScan(stack[:0], s, opts)
		if ok && phrases != 0 {
			p := fastPool.Get().(*fastScratch)
			p.runes, ok = phrasesAgree(p.runes[:0], s, events, phrases&phrasesTwice != 0)
			fastPool.Put(p)
		}
		if !ok {
			return Text{}, false
		}
		return fastBuild(s, events), true
	}
	p := fastPool.Get().(*fastScratch)
	events, phrases, ok := fastScan(p.events[:0], s, opts)
	if ok && phrases != 0 {
		p.runes, ok = phrasesAgree(p.runes[:0], s, events, phrases&phrasesTwice != 0)
	}
	var t Text
	if ok {
		t = fastBuild(s, events)
	}
	p.events = events
	fastPool.Put(p)
	return t, ok
}

// smallText is the length of the longest text whose events fastNormalize
// keeps on the stack, and smallEvents their room there, enough for all
// but texts of mostly replaced or removed runes (which then take the
// heap).
const smallText, smallEvents = 512, 128

// fastScan applies the separator rule of removeSeparators to s. It
// appends to events, in order, what changes s: the byte range [start, end)
// of every run of separators it removes, and (offset, replacement) for
// every rune it replaces, where replacement is -1 - (kind<<replShift |
// rune): the runes that a fold turns into one ASCII byte (ＶＸ１, ！ and
// capitals) and, with the Traditional fold, the traditional characters,
// by the character table. It reports in phrases what phrasesAgree then
// has to check (phrasesOnce, phrasesTwice, or 0 for nothing), and false in
// ok if a rune of s may be changed in any other way, or if the separator
// rule needs what only the general path knows.
func fastScan(events []int32, s string, opts *Options) (_ []int32, phrases uint8, ok bool) {
	sc := scanner{opts: opts, prev: classOther, sepStart: -1}
	events, ok = sc.scan(events, s)
	return events, sc.phrases, ok
}

// scanner is the state of fastScan. It is kept in memory rather than in
// local variables, so that the hot loop of scan holds only the text and
// the offset in registers, and reads and writes the rest where it needs
// them: with a dozen loop-carried variables, the compiler spilled and
// reloaded them all on every rune. The events are passed around instead,
// which keeps them off the heap.
type scanner struct {
	opts      *Options
	prev      int   // as in removeSeparators
	tok       int   // as in removeSeparators
	numRun    int   // the run of digit-like runes
	numWide   bool  // the run has one that is not ASCII
	sepStart  int   // start of the current run of separators, or -1
	sepEvents int   // len(events) at the start of the run
	sepLazy   bool  // the run has runes of plainSepFold, without their events
	phrases   uint8 // see fastScan
}

// scan appends the events of s to events, as fastScan describes.
func (sc *scanner) scan(events []int32, s string) ([]int32, bool) {
	for i := 0; i < len(s); {
		// Most runes are three-byte sequences of the bitmaps, which this
		// loop takes with the least work: they are all CJK word
		// characters but those of plainSep.
		for len(s)-i >= 3 {
			rest := s[i:]
			c0, c1, c2 := rest[0], rest[1], rest[2]
			if c0&0xF0 != 0xE0 || (uint16(c1)|uint16(c2)<<8)&0xC0C0 != 0x8080 {
				break
			}
			// The bitmap index is the rune without its low six bits,
			// which select the bit.
			w, bit := uint(c0&0x0F)<<6|uint(c1&0x3F), uint64(1)<<(c2&0x3F)
			if plainCJK[w]&bit != 0 {
				if sc.sepStart >= 0 {
					events = sc.endSepRun(events, s, i)
				}
				sc.prev, sc.tok, sc.numRun = classCJK, 0, 0
				// A run of plain Han leaves the state as its first
				// rune set it: it only needs checking, four bytes at
				// a time (one load), the last rune of s aside.
				rest = rest[3:]
				for len(rest) >= 4 {
					v := uint32(rest[0]) | uint32(rest[1])<<8 | uint32(rest[2])<<16 | uint32(rest[3])<<24
					if v&0xC0C0F0 != 0x8080E0 || plainCJK[(v&0x0F)<<6|v>>8&0x3F]&(1<<(v>>16&0x3F)) == 0 {
						break
					}
					rest = rest[3:]
				}
				i = len(s) - len(rest)
				continue
			}
			if plainSep[w]&bit != 0 {
				// Chinese punctuation, nearly always removed: the
				// replacement event of one that folds waits until
				// its run is kept.
				if sc.sepStart < 0 {
					sc.sepStart, sc.sepEvents = i, len(events)
				}
				if plainSepFold[w]&bit != 0 {
					sc.sepLazy = true
				}
				i += 3
				continue
			}
			num, trad := plainNum[w]&bit != 0, plainTrad[w]&bit != 0
			if !num && !trad {
				break
			}
			if sc.sepStart >= 0 {
				events = sc.endSepRun(events, s, i)
			}
			sc.prev, sc.tok = classCJK, 0
			if num {
				// Only the numeral run needs to know.
				if sc.numRun == 0 {
					sc.numWide = false
				}
				sc.numRun++
				sc.numWide = true
				if sc.numRun >= NumeralRun {
					return events, false
				}
			} else {
				sc.numRun = 0
				if sc.opts.Traditional {
					events = sc.trad(events, rune(c0&0x0F)<<12|rune(w&0x3F)<<6|rune(c2&0x3F), i)
				}
			}
			i += 3
		}
		if i >= len(s) {
			break
		}
		if sc.sepStart < 0 {
			// Latin text and numbers: runs of ASCII lower-case
			// letters and digits only count.
			if j := sc.alnumRun(s, i); j > i {
				i = j
				continue
			}
		}
		var size int
		var ok bool
		if events, size, ok = sc.other(events, s, i); !ok {
			return events, false
		}
		i += size
	}
	// Separators at the end are kept.
	if sc.sepLazy {
		events = appendSepEvents(events[:sc.sepEvents], s, sc.sepStart, len(s), sc.opts)
	}
	return events, true
}

// endSepRun ends the run of separators before s[i:], whose rune is a CJK
// word character: the run is removed if a word character is before it.
func (sc *scanner) endSepRun(events []int32, s string, i int) []int32 {
	if isWord(sc.prev) {
		events = append(events[:sc.sepEvents], int32(sc.sepStart), int32(i))
	} else {
		sc.numRun = 0
		if sc.sepLazy {
			events = appendSepEvents(events[:sc.sepEvents], s, sc.sepStart, i, sc.opts)
		}
	}
	sc.sepStart, sc.sepLazy = -1, false
	return events
}

// alnumRun returns the end of the run of ASCII lower-case letters and
// digits at s[i:], outside a run of separators, and updates the state as
// other would for each: they are word characters of classAlnum that
// nothing folds. It stops before a digit that would make a numeral run
// that the general path folds.
func (sc *scanner) alnumRun(s string, i int) int {
	numRun, numWide := sc.numRun, sc.numWide
	j := i
	for ; j < len(s); j++ {
		if c := s[j]; 'a' <= c && c <= 'z' {
			numRun = 0
		} else if '0' <= c && c <= '9' && (numRun == 0 || !numWide) {
			if numRun == 0 {
				numWide = false
			}
			numRun++
		} else {
			break
		}
	}
	if j > i {
		sc.prev, sc.tok = classAlnum, sc.tok+j-i
		sc.numRun, sc.numWide = numRun, numWide
	}
	return j
}

// trad appends the replacement event of r, at offset i, a rune of
// plainTrad, as fastFold would make it.
func (sc *scanner) trad(events []int32, r rune, i int) []int32 {
	ti := lookup(r)
	k := Traditional
	if ti.op() == opTradAmbiguous {
		k |= Ambiguous
	}
	events = append(events, int32(i), -1-(int32(k)<<replShift|ti.payload()))
	if inPhrase(r) {
		sc.phrases |= phrasesOnce
	}
	return events
}

// other appends the events of the rune at s[i:], which is not one of the
// bitmaps, to events. It returns its size, and false if the text needs the
// general path.
func (sc *scanner) other(events []int32, s string, i int) (_ []int32, size int, ok bool) {
	var r rune
	var inf info
	var repl int32 // the replacement event of r, or 0
	size = 1
	if c := s[i]; c < utf8.RuneSelf && asciiKeep[c] {
		// No fold changes it: fastFold would return it as it is.
		r, inf = rune(c), asciiInfo[c]
	} else {
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			inf = asciiInfo[c]
		case i+2 < len(s) && c&0xF0 == 0xE0 && c != 0xE0 && c != 0xED && (uint16(s[i+1])|uint16(s[i+2])<<8)&0xC0C0 == 0x8080:
			// Without the overlong and surrogate cases of E0 and
			// ED, the sequence is valid.
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			inf, size = lookup(r), 3
		default:
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || lookalike(r) != 0 {
				return events, 0, false
			}
			inf = lookup(r)
		}
		var phrases uint8
		if r, inf, repl, phrases, ok = fastFold(r, inf, sc.opts); !ok {
			return events, 0, false
		}
		sc.phrases |= phrases
	}
	c := inf.class()
	if c == classSep && (r == '+' || r == '@') && i+size < len(s) && isEntity(r, s[i+size:], sc.opts.Width) {
		// Entity syntax (+86…, @handle), as classAt sees it.
		c = classOther
	}
	if c == classSep {
		if inf.isNumeral() {
			// A digit-like separator would join a numeral run.
			return events, 0, false
		}
		if sc.sepStart < 0 {
			sc.sepStart, sc.sepEvents = i, len(events)
		}
		if repl != 0 {
			// Dropped with the run if it is removed.
			events = append(events, int32(i), repl)
		}
		return events, size, true
	}
	if sc.sepStart >= 0 {
		remove := false
		if isWord(sc.prev) && isWord(c) {
			remove = sc.prev == classCJK || c == classCJK
			if !remove && sc.tok == 1 {
				// Both neighbours are Latin or digits: removed only
				// between tokens of one character.
				remove = i+size == len(s) || nextClass(s[i+size:], sc.opts.Width) != classAlnum
			}
		}
		if remove {
			events = append(events[:sc.sepEvents], int32(sc.sepStart), int32(i))
		} else {
			sc.numRun = 0
			if sc.sepLazy {
				events = appendSepEvents(events[:sc.sepEvents], s, sc.sepStart, i, sc.opts)
			}
		}
		sc.prev, sc.tok = classSep, 0
		sc.sepStart, sc.sepLazy = -1, false
	}
	if repl != 0 {
		events = append(events, int32(i), repl)
	}
	if c == classAlnum {
		sc.tok++
	} else {
		sc.tok = 0
	}
	sc.prev = c
	if inf.isNumeral() {
		if sc.numRun == 0 {
			sc.numWide = false
		}
		sc.numRun++
		sc.numWide = sc.numWide || r >= utf8.RuneSelf
		if sc.numRun >= NumeralRun && sc.numWide {
			return events, 0, false
		}
	} else {
		sc.numRun = 0
	}
	return events, size, true
}

// fastFold applies the folds of opts that fastScan handles to r, of info
// inf, which is not in plainCJK. It returns the rune and info of the unit
// the general path makes of r, which decide the separator rule, the
// replacement event of r or 0, and what phrasesAgree has to check about r
// (see fastScan); it reports false in ok if the general path must fold r.
func fastFold(r rune, inf info, opts *Options) (_ rune, _ info, repl int32, phrases uint8, ok bool) {
	// Invisible characters are for the general path.
	if inf.class() == classInvisible {
		return r, inf, 0, 0, false
	}
	switch op := inf.op(); {
	case op == opNone:
		if changedByPhrase(r) && opts.Traditional {
			// A phrase may change it (么 in 么麼), on the first pass
			// or on a later one.
			return r, inf, 0, phrasesTwice, true
		}
	case changedByPhrase(r):
		// With a fold of its own as well: for the general path.
		return r, inf, 0, 0, false
	case op == opCase && r < utf8.RuneSelf:
		if opts.Case {
			repl = -1 - (int32(Case)<<replShift | int32(inf.payload()))
		}
	case (op == opWidth || op == opCompat) && opts.Width:
		f := foldString(inf)
		if len(f) != 1 {
			return r, inf, 0, 0, false
		}
		k := Compat
		if op == opWidth {
			k = Width
		}
		r, inf = rune(f[0]), asciiInfo[f[0]]
		if inf.op() == opCase && opts.Case {
			k |= Case
			r = inf.payload()
			inf = asciiInfo[byte(r)]
		}
		repl = -1 - (int32(k)<<replShift | r)
	case op == opTrad || op == opTradAmbiguous:
		if !opts.Traditional {
			break
		}
		// The general path folds traditional characters after the
		// separator rule, which sees the rune itself: only the output
		// changes. A simplified character that folds again is for the
		// general path, which repeats the fold.
		f := inf.payload()
		if lookup(f).op() != opNone {
			return r, inf, 0, 0, false
		}
		k := Traditional
		if op == opTradAmbiguous {
			k |= Ambiguous
		}
		if changedByPhrase(f) {
			// A phrase may change the simplified character (麼 → 么)
			// on the next pass.
			phrases = phrasesTwice
		} else if inPhrase(r) {
			phrases = phrasesOnce
		}
		return r, inf, -1 - (int32(k)<<replShift | f), phrases, true
	default:
		return r, inf, 0, 0, false
	}
	return r, inf, repl, 0, true
}

// What phrasesAgree has to check: the first pass of the traditional fold
// only, or the next one as well.
const (
	phrasesOnce  = 1 << iota // a traditional character that a phrase folds otherwise (inPhrase)
	phrasesTwice             // a rune, kept or folded to, that only a phrase changes (changedByPhrase)
)

// appendSepEvents appends to events the replacement events of the runes
// of s[start:end], a run of separators that fastScan has checked and
// keeps.
func appendSepEvents(events []int32, s string, start, end int, opts *Options) []int32 {
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(s[i:])
		if _, _, repl, _, _ := fastFold(r, lookup(r), opts); repl != 0 {
			events = append(events, int32(i), repl)
		}
		i += n
	}
	return events
}

// isEntity reports whether r, '+' or '@', starts entity syntax before s,
// which is not empty, as classAt tells it from the unit the general path
// makes of the first rune of s: '+' before an ASCII digit, '@' before an
// ASCII letter or digit. A rune that fastScan gives up on may give any
// answer.
func isEntity(r rune, s string, width bool) bool {
	next, _ := utf8.DecodeRuneInString(s)
	if width && next >= utf8.RuneSelf {
		if inf := lookup(next); inf.op() == opWidth || inf.op() == opCompat {
			next, _ = utf8.DecodeRuneInString(foldString(inf))
		}
	}
	if r == '+' {
		return '0' <= next && next <= '9'
	}
	return '0' <= next && next <= '9' || 'a' <= next && next <= 'z' || 'A' <= next && next <= 'Z'
}

// nextClass returns the class of the unit the general path makes of the
// first rune of s, which is not empty, as far as fastScan needs it: a rune
// that fastScan gives up on may have any class.
func nextClass(s string, width bool) int {
	r, _ := utf8.DecodeRuneInString(s)
	inf := lookup(r)
	if op := inf.op(); width && (op == opWidth || op == opCompat) {
		r, _ = utf8.DecodeRuneInString(foldString(inf))
		inf = lookup(r)
	}
	return inf.class()
}

// phrasesAgree reports whether the phrases of the traditional fold change
// the runes that fastScan kept, given by s and its events, as the
// character fold of fastScan does: the general path would then give the
// same result. It matches the phrases as traditionalPass does on its
// first pass, on the runes as the separator rule left them, which it
// appends to rs. fastScan leaves no rune that the character table
// changes, so a second pass can only change a rune that only a phrase
// changes: if twice, fastScan may have left one, and phrasesAgree also
// checks that the phrases change nothing in the runes the first pass
// leaves, so that there is no second pass or it changes nothing.
func phrasesAgree(rs []rune, s string, events []int32, twice bool) ([]rune, bool) {
	for i, e := 0, 0; i < len(s); {
		if e < len(events) && int(events[e]) == i {
			x := events[e+1]
			e += 2
			if x >= 0 {
				i = int(x) // a cut
				continue
			}
			if x = -1 - x; Kind(x>>replShift)&Traditional == 0 {
				// A width or case fold: phrases see the folded rune.
				rs = append(rs, x&(1<<replShift-1))
				i += seqLen(s[i])
				continue
			}
		}
		if c := s[i]; c >= 0xE0 && c < 0xF0 {
			// fastScan has checked that s is valid UTF-8.
			rs = append(rs, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		rs = append(rs, r)
		i += n
	}
	if !phrasesKeep(rs) {
		return rs, false
	}
	if twice {
		// The runes after the first pass, which phrasesKeep has
		// checked to fold each traditional character as the table
		// does.
		for i, r := range rs {
			if inf := lookup(r); inf.op() == opTrad || inf.op() == opTradAmbiguous {
				rs[i] = inf.payload()
			}
		}
		return rs, phrasesKeep(rs)
	}
	return rs, true
}

// phrasesKeep reports whether the phrases that a pass of the traditional
// fold matches in rs change each rune as the character table does: a
// traditional character to its table fold, with the same ambiguity, and
// any other rune to itself.
func phrasesKeep(rs []rune) bool {
	var win [maxPhraseRunes]unit // longestPhrase looks at no more
	for i := 0; i+1 < len(rs); {
		if !mayStartPhrase(rs[i], rs[i+1]) || !lookup(rs[i]).phrase() {
			i++
			continue
		}
		n := min(len(rs)-i, maxPhraseRunes)
		for k := range n {
			win[k].r = rs[i+k]
		}
		p := longestPhrase(win[:n])
		if p == nil {
			i++
			continue
		}
		for _, v := range p.value {
			inf := lookup(rs[i])
			if op := inf.op(); op == opTrad || op == opTradAmbiguous {
				if v != inf.payload() || p.ambiguous != (op == opTradAmbiguous) {
					return false
				}
			} else if v != rs[i] {
				return false
			}
			i++
		}
	}
	return true
}

// replShift is where the kind starts in a replacement event, above the
// rune: the kinds of a replacement, at most Ambiguous, fit below bit 31.
const replShift = 21

// fastBuild makes the Text of s from the events of fastScan.
func fastBuild(s string, events []int32) Text {
	if len(events) == 0 {
		return Text{original: s, normalized: s}
	}
	// Count the bytes and the triples (see Text). After a rune replaced
	// by one of another length, the next rune needs a triple, unless an
	// event gives it one or removes it.
	size, n, gap := len(s), 0, -1
	for k := 0; k < len(events); k += 2 {
		at := int(events[k])
		if gap >= 0 && gap != at {
			n++
		}
		gap = -1
		if events[k+1] >= 0 {
			size -= int(events[k+1]) - at
			n++
			continue
		}
		x := -1 - events[k+1]
		l, nl := seqLen(s[at]), runeLen(x&(1<<replShift-1))
		size += nl - l
		if k == 0 || int(events[k-1]) != at {
			// A rune right after a cut shares its triple.
			n++
		}
		if l != nl {
			gap = at + l
		}
	}
	if gap >= 0 && gap < len(s) {
		n++
	}
	m, out := newText(n, size)
	// Copy the bytes between the events. The loop calls nothing but
	// memmove for a long piece, which spares it spilling its variables.
	j, start, t := 0, 0, 0
	gap, gapJ := -1, 0
	for k := 0; k+1 < len(events); k += 2 {
		at, x := int(events[k]), events[k+1]
		if gap >= 0 && gap != at {
			mt := m[t : t+3]
			mt[0], mt[1], mt[2] = int32(gapJ), int32(gap), 0
			t += 3
		}
		gap = -1
		if n := at - start; n <= 32 && j+32 <= len(out) && start+32 <= len(s) {
			// A short piece: four eight-byte moves cost less than
			// calling memmove. They may write past the piece, into
			// bytes that are written later.
			d, src := out[j:j+32], s[start:start+32]
			binary.LittleEndian.PutUint64(d[0:8], load64(src[0:8]))
			binary.LittleEndian.PutUint64(d[8:16], load64(src[8:16]))
			binary.LittleEndian.PutUint64(d[16:24], load64(src[16:24]))
			binary.LittleEndian.PutUint64(d[24:32], load64(src[24:32]))
			j += n
		} else {
			j += copy(out[j:], s[start:at])
		}
		if x >= 0 {
			// A cut: the rune after it records the removal.
			start = int(x)
			mt := m[t : t+3]
			mt[0], mt[1], mt[2] = int32(j), x, int32(Separator)
			t += 3
			continue
		}
		x = -1 - x
		if t > 0 && int(m[t-3]) == j {
			// Right after a cut: the rune shares its triple.
			m[t-1] |= x >> replShift
		} else {
			mt := m[t : t+3]
			mt[0], mt[1], mt[2] = int32(j), int32(at), x>>replShift
			t += 3
		}
		l := seqLen(s[at])
		start = at + l
		// Write the rune, as utf8.EncodeRune would for a valid one.
		nl := 0
		switch r := x & (1<<replShift - 1); {
		case r < utf8.RuneSelf:
			out[j] = byte(r)
			nl = 1
		case r < 0x800:
			o := out[j : j+2]
			o[0], o[1] = 0xC0|byte(r>>6), 0x80|byte(r)&0x3F
			nl = 2
		case r < 0x10000:
			o := out[j : j+3]
			o[0], o[1], o[2] = 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F
			nl = 3
		default:
			o := out[j : j+4]
			o[0], o[1], o[2], o[3] = 0xF0|byte(r>>18), 0x80|byte(r>>12)&0x3F, 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F
			nl = 4
		}
		j += nl
		if nl != l {
			gap, gapJ = start, j
		}
	}
	if gap >= 0 && gap < len(s) {
		mt := m[t : t+3]
		mt[0], mt[1], mt[2] = int32(gapJ), int32(gap), 0
	}
	copy(out[j:], s[start:])
	return Text{original: s, normalized: stringOf(out), m: m}
}

// load64 returns the first eight bytes of s, which has them, as a
// little-endian number: one load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// seqLen returns the length of the UTF-8 sequence that starts with the
// byte c, of valid UTF-8.
func seqLen(c byte) int {
	switch {
	case c < 0x80:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}
