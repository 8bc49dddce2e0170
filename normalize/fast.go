package normalize

import (
	"sync"
	"unicode/utf8"
)

// The fast path handles the text most messages are: Han, ASCII, and
// full-width or compatibility forms of ASCII characters (ＱＱ, １２３, ！),
// where the separator fold and the folds of one rune to one ASCII byte are
// all that change anything. It works on the original bytes, without
// units: it records the offset of each rune kept, the runs of separators
// it removes and the runes it replaces, and copies the rest of the text as
// it is. On anything else it gives up and Normalize takes the general
// path, which gives the same result (TestFastPath, TestSkips and
// FuzzNormalize compare the two). Giving up costs the part of the text
// already scanned, a few per cent for a message that needs the general
// path, against about a third less time for the messages it takes.

// fastScratch holds the buffers of the fast path, kept for reuse.
type fastScratch struct {
	events []int32 // see fastScan
	runes  []rune  // see phrasesAgree
}

var fastPool = sync.Pool{New: func() any { return new(fastScratch) }}

// plainHan is a bitmap, from U+4E00 to U+9FFF, of the Han characters that
// no fold changes, which is most of ordinary text: their info is classCJK,
// perhaps with the phrase bit (一, 上, 不 start phrases), and no phrase
// changes them. It is 2.6 KB, a cheaper look-up than the two levels of the
// table.
var plainHan = plainHanRunes()

const plainHanLo, plainHanHi = 0x4E00, 0xA000

// plainHanRunes returns plainHan, an array so that the bound check of
// fastScan is the range check it does anyway.
func plainHanRunes() *[(plainHanHi - plainHanLo) / 64]uint64 {
	bits := new([(plainHanHi - plainHanLo) / 64]uint64)
	for r := rune(plainHanLo); r < plainHanHi; r++ {
		if lookup(r)&^phraseBit == classCJK && !changedByPhrase(r) {
			bits[(r-plainHanLo)/64] |= 1 << ((r - plainHanLo) % 64)
		}
	}
	return bits
}

// fastNormalize returns the normalization of s with the folds of opts, of
// which Separator is on, and false if the text needs the general path. s
// is at most maxPooled bytes long, so that the buffers are always kept.
func fastNormalize(s string, opts *Options) (Text, bool) {
	p := fastPool.Get().(*fastScratch)
	events, phrases, ok := fastScan(p.events[:0], s, opts)
	if ok && phrases {
		p.runes, ok = phrasesAgree(p.runes[:0], s, events)
	}
	var t Text
	if ok {
		t = fastBuild(s, events)
	}
	p.events = events
	fastPool.Put(p)
	return t, ok
}

// fastScan applies the separator rule of removeSeparators to s. It
// appends to events, in order, what changes s: the byte range [start, end)
// of every run of separators it removes, and (offset, replacement) for
// every rune that a fold turns into one ASCII byte (ＶＸ１, ！ and capitals),
// where replacement is -1 - (kind<<replShift | rune). With the Traditional
// fold it also replaces each traditional character by its simplified one,
// and reports in phrases whether one of them is in a phrase, which
// phrasesAgree then has to check. It reports false in ok if a rune of s
// may be changed in any other way, or if the separator rule needs what
// only the general path knows.
func fastScan(events []int32, s string, opts *Options) (_ []int32, phrases, ok bool) {
	prev := classOther // as in removeSeparators
	tok := 0
	numRun, numWide := 0, false // the run of digit-like runes, and whether it has one that is not ASCII
	sepStart := -1              // start of the current run of separators, or -1
	sepEvents := 0              // len(events) at the start of the run
	for i := 0; i < len(s); {
		var r rune
		var inf info
		plain := false // a Han character in plainHan
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
			inf = lookup(r)
		} else if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// As in decode: the valid three-byte sequences of CJK.
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			size = 3
			if x := uint32(r - plainHanLo); x < plainHanHi-plainHanLo && plainHan[x/64]&(1<<(x%64)) != 0 {
				inf, plain = classCJK, true
			} else {
				inf = lookup(r)
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || lookalike(r) != 0 {
				return events, false, false
			}
			inf = lookup(r)
		}
		var repl int32 // the replacement event of r, or 0
		if !plain {
			// Invisible characters and runes a traditional phrase
			// changes are for the general path.
			if inf.class() == classInvisible || changedByPhrase(r) {
				return events, false, false
			}
			switch op := inf.op(); {
			case op == opNone:
			case op == opCase && r < utf8.RuneSelf:
				if opts.Case {
					repl = -1 - (int32(Case)<<replShift | int32(inf.payload()))
				}
			case (op == opWidth || op == opCompat) && opts.Width:
				f := foldString(inf)
				if len(f) != 1 {
					return events, false, false
				}
				// The units of the general path carry the info of the
				// folded rune, which decides the separator rule.
				k := Compat
				if op == opWidth {
					k = Width
				}
				r, inf = rune(f[0]), lookup(rune(f[0]))
				if inf.op() == opCase && opts.Case {
					k |= Case
					r = inf.payload()
					inf = lookup(r)
				}
				repl = -1 - (int32(k)<<replShift | r)
			case op == opTrad || op == opTradAmbiguous:
				if !opts.Traditional {
					break
				}
				// The general path folds traditional characters after
				// the separator rule, which sees the rune itself: only
				// the output changes. A simplified character that folds
				// again is for the general path, which repeats the fold.
				f := inf.payload()
				if lookup(f).op() != opNone || changedByPhrase(f) {
					return events, false, false
				}
				k := Traditional
				if op == opTradAmbiguous {
					k |= Ambiguous
				}
				repl = -1 - (int32(k)<<replShift | f)
				phrases = phrases || inPhrase(r)
			default:
				return events, false, false
			}
		}
		c := inf.class()
		if c == classSep {
			if r == '+' || r == '@' || inf.isNumeral() {
				// Entity syntax depends on the next rune; a digit-like
				// separator would join a numeral run.
				return events, false, false
			}
			if sepStart < 0 {
				sepStart, sepEvents = i, len(events)
			}
			if repl != 0 {
				// Dropped with the run if it is removed.
				events = append(events, int32(i), repl)
			}
			i += size
			continue
		}
		if sepStart >= 0 {
			remove := false
			if isWord(prev) && isWord(c) {
				remove = prev == classCJK || c == classCJK
				if !remove && tok == 1 {
					// Both neighbours are Latin or digits: removed only
					// between tokens of one character.
					remove = i+size == len(s) || nextClass(s[i+size:], opts.Width) != classAlnum
				}
			}
			if remove {
				events = append(events[:sepEvents], int32(sepStart), int32(i))
			} else {
				numRun = 0
			}
			prev, tok = classSep, 0
			sepStart = -1
		}
		if repl != 0 {
			events = append(events, int32(i), repl)
		}
		if c == classAlnum {
			tok++
		} else {
			tok = 0
		}
		prev = c
		if inf.isNumeral() {
			if numRun == 0 {
				numWide = false
			}
			numRun++
			numWide = numWide || r >= utf8.RuneSelf
			if numRun >= NumeralRun && numWide {
				return events, false, false
			}
		} else {
			numRun = 0
		}
		i += size
		if plain {
			// A run of plain Han leaves the state as the first one set
			// it (prev is CJK, tok and numRun are 0): it only needs
			// checking.
			for i+2 < len(s) {
				c := s[i]
				if c < 0xE1 || c > 0xEF || c == 0xED || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
					break
				}
				r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
				if x := uint32(r - plainHanLo); x >= plainHanHi-plainHanLo || plainHan[x/64]&(1<<(x%64)) == 0 {
					break
				}
				i += 3
			}
		}
	}
	// Separators at the end are kept.
	return events, phrases, true
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
// appends to rs; a second pass would change nothing, since fastScan
// leaves no rune that the character table or a phrase changes.
func phrasesAgree(rs []rune, s string, events []int32) ([]rune, bool) {
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
					return rs, false
				}
			} else if v != rs[i] {
				return rs, false
			}
			i++
		}
	}
	return rs, true
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
	// Copy the bytes between the events.
	j, start, t := 0, 0, 0
	gap, gapJ := -1, 0
	for k := 0; k < len(events); k += 2 {
		at := int(events[k])
		if gap >= 0 && gap != at {
			m[t], m[t+1], m[t+2] = int32(gapJ), int32(gap), 0
			t += 3
		}
		gap = -1
		j += copy(out[j:], s[start:at])
		if events[k+1] >= 0 {
			// A cut: the rune after it records the removal.
			start = int(events[k+1])
			m[t], m[t+1], m[t+2] = int32(j), int32(start), int32(Separator)
			t += 3
			continue
		}
		x := -1 - events[k+1]
		if t > 0 && int(m[t-3]) == j {
			m[t-1] |= x >> replShift
		} else {
			m[t], m[t+1], m[t+2] = int32(j), int32(at), x>>replShift
			t += 3
		}
		l := seqLen(s[at])
		if r := x & (1<<replShift - 1); r < utf8.RuneSelf {
			out[j] = byte(r)
			j++
		} else {
			j += utf8.EncodeRune(out[j:], r)
		}
		start = at + l
		if j-int(m[t-3]) != l {
			gap, gapJ = start, j
		}
	}
	if gap >= 0 && gap < len(s) {
		m[t], m[t+1], m[t+2] = int32(gapJ), int32(gap), 0
	}
	copy(out[j:], s[start:])
	return Text{original: s, normalized: stringOf(out), m: m}
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
