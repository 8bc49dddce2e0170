package normalize

import (
	"slices"
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

// fastScratch holds the buffers of fastScan, kept for reuse.
type fastScratch struct {
	events []int32 // see fastScan
	src    []int32 // for each rune kept, the offset of its first byte
}

var fastPool = sync.Pool{New: func() any { return new(fastScratch) }}

// plainHan is a bitmap, from U+4E00 to U+9FFF, of the Han characters that
// no fold changes and no phrase involves, which is most of ordinary text:
// their info is classCJK alone. It is 2.6 KB, a cheaper look-up than the
// two levels of the table.
var plainHan = plainHanRunes()

const plainHanLo, plainHanHi = 0x4E00, 0xA000

// plainHanRunes returns plainHan, an array so that the bound check of
// fastScan is the range check it does anyway.
func plainHanRunes() *[(plainHanHi - plainHanLo) / 64]uint64 {
	bits := new([(plainHanHi - plainHanLo) / 64]uint64)
	for r := rune(plainHanLo); r < plainHanHi; r++ {
		if lookup(r) == classCJK && !changedByPhrase(r) {
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
	// One offset per rune at most: size the buffer once.
	events, src, ok := fastScan(p.events[:0], slices.Grow(p.src[:0], len(s)), s, opts)
	var t Text
	if ok {
		t = fastBuild(s, events, src)
	}
	p.events, p.src = events, src
	fastPool.Put(p)
	return t, ok
}

// fastScan applies the separator rule of removeSeparators to s. It
// appends to events, in order, what changes s: the byte range [start, end)
// of every run of separators it removes, and (offset, replacement) for
// every rune that a fold turns into one ASCII byte (ＶＸ１, ！ and capitals),
// where replacement is -1 - (kind<<8 | byte); and to src the offset of
// every rune that remains. It reports false if a rune of s may be changed
// in any other way, or if the separator rule needs what only the general
// path knows.
func fastScan(events, src []int32, s string, opts *Options) ([]int32, []int32, bool) {
	prev := classOther // as in removeSeparators
	tok := 0
	numRun, numWide := 0, false // the run of digit-like runes, and whether it has one that is not ASCII
	sepStart := -1              // start of the current run of separators, or -1
	sepSrc, sepEvents := 0, 0   // len(src) and len(events) at the start of the run
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
				return events, src, false
			}
			inf = lookup(r)
		}
		var repl int32 // the replacement event of r, or 0
		if !plain {
			// Invisible characters and runes a traditional phrase
			// changes are for the general path.
			if inf.class() == classInvisible || changedByPhrase(r) {
				return events, src, false
			}
			switch op := inf.op(); {
			case op == opNone:
			case op == opCase && r < utf8.RuneSelf:
				if opts.Case {
					repl = -1 - (int32(Case)<<8 | int32(inf.payload()))
				}
			case (op == opWidth || op == opCompat) && opts.Width:
				f := foldString(inf)
				if len(f) != 1 {
					return events, src, false
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
				repl = -1 - (int32(k)<<8 | r)
			default:
				return events, src, false
			}
		}
		c := inf.class()
		if c == classSep {
			if r == '+' || r == '@' || inf.isNumeral() {
				// Entity syntax depends on the next rune; a digit-like
				// separator would join a numeral run.
				return events, src, false
			}
			if sepStart < 0 {
				sepStart, sepSrc, sepEvents = i, len(src), len(events)
			}
			if repl != 0 {
				// Dropped with the run if it is removed.
				events = append(events, int32(i), repl)
			}
			src = append(src, int32(i))
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
				src = src[:sepSrc]
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
				return events, src, false
			}
		} else {
			numRun = 0
		}
		src = append(src, int32(i))
		i += size
		if plain {
			// A run of plain Han leaves the state as the first one set
			// it (prev is CJK, tok and numRun are 0): only the offsets
			// need noting.
			for i+2 < len(s) {
				c := s[i]
				if c < 0xE1 || c > 0xEF || c == 0xED || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
					break
				}
				r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
				if x := uint32(r - plainHanLo); x >= plainHanHi-plainHanLo || plainHan[x/64]&(1<<(x%64)) == 0 {
					break
				}
				src = append(src, int32(i))
				i += 3
			}
		}
	}
	// Separators at the end are kept.
	return events, src, true
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

// fastBuild makes the Text of s from the events and offsets of fastScan.
func fastBuild(s string, events, src []int32) Text {
	if len(events) == 0 {
		return Text{original: s, normalized: s}
	}
	removed, marked := 0, 0
	for k := 0; k < len(events); k += 2 {
		if events[k+1] >= 0 {
			removed += int(events[k+1] - events[k])
			marked++
			continue
		}
		removed += seqLen(s[events[k]]) - 1
		if k == 0 || events[k-1] != events[k] {
			// A rune right after a cut shares its mark.
			marked++
		}
	}
	size := len(s) - removed
	out := make([]byte, size)
	runes := len(src)
	nb := numBlocks(size)
	m := make([]int32, runes+nb+2*marked)
	copy(m, src)
	pairs := m[runes+nb:]
	// Copy the bytes between the events.
	j, start, p := 0, 0, 0
	for k := 0; k < len(events); k += 2 {
		end := int(events[k])
		j += copy(out[j:], s[start:end])
		if events[k+1] >= 0 {
			// A cut: the rune after it records the removal.
			pairs[p], pairs[p+1] = int32(j), int32(Separator)
			p += 2
			start = int(events[k+1])
			continue
		}
		x := -1 - events[k+1]
		if p > 0 && pairs[p-2] == int32(j) {
			pairs[p-1] |= x >> 8
		} else {
			pairs[p], pairs[p+1] = int32(j), x>>8
			p += 2
		}
		out[j] = byte(x)
		j++
		start = end + seqLen(s[end])
	}
	copy(out[j:], s[start:])
	countRuneStarts(m[runes:runes+nb], out)
	return Text{original: s, normalized: stringOf(out), m: m, runes: runes}
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
