package normalize

import (
	"slices"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Options selects the folds a Normalizer applies. The zero Options applies
// none; DefaultOptions applies all.
type Options struct {
	Width       bool // fold full-width/half-width and NFKC compatibility forms
	Case        bool // fold Latin letters to lower case
	Traditional bool // fold traditional characters to simplified (OpenCC)
	Lookalike   bool // fold Cyrillic and Greek look-alike letters to Latin
	Invisible   bool // remove invisible characters
	Separator   bool // remove separators between the characters of a word
	Numeral     bool // fold numerals in runs of five or more to ASCII digits
}

// DefaultOptions returns Options with every fold on.
func DefaultOptions() Options {
	return Options{true, true, true, true, true, true, true}
}

// A Normalizer folds text to a canonical form for matching. It is immutable
// and safe for concurrent use.
type Normalizer struct {
	opts Options
}

// New returns a Normalizer that applies the folds selected by opts.
func New(opts Options) *Normalizer { return &Normalizer{opts: opts} }

// Default is the Normalizer with every fold on.
var Default = New(DefaultOptions())

// Options returns the options n was built with.
func (n *Normalizer) Options() Options { return n.opts }

// MaxLen is the length in bytes of the longest string Normalize folds; a
// longer string is returned unchanged, as if no fold applied. Offsets are
// stored in 32 bits, and a rune may expand to 18 (U+FDFA), so this keeps
// every offset in range; it also bounds the memory one call can take
// (about 20 bytes per rune while normalizing).
const MaxLen = 1 << 26

// NumeralRun is the length of the shortest run of digit-like characters
// that the Numeral fold turns into ASCII digits.
const NumeralRun = 5

// maxPasses bounds the repetitions of the traditional fold; maketables.go
// checks that the phrase table converges well within it.
const maxPasses = 4

// A unit is one rune of the text being normalized, with the offset of the
// original rune that produced it and the kinds of change so far. Invisible
// and Separator in kind mean "removed just before this rune".
type unit struct {
	r    rune
	src  int32
	kind Kind
	info info
}

var unitPool = sync.Pool{New: func() any { return new([]unit) }}

// maxPooled is the capacity of the largest unit buffer kept for reuse; the
// buffers of longer texts are left to the garbage collector.
const maxPooled = 1 << 16

// Normalize returns the normalization of s.
func (n *Normalizer) Normalize(s string) Text {
	if s == "" || len(s) > MaxLen {
		return Text{original: s, normalized: s}
	}
	// Most messages need only the separator fold and folds of a rune to
	// one ASCII byte, which fastNormalize does without units. Longer texts
	// take the general path: they are rarely ordinary messages, and the
	// fast path's buffers would grow past the pooled size, to be thrown
	// away if it gives up late (BenchmarkHostile at 1 MiB).
	if n.opts.Separator && len(s) <= maxPooled {
		if t, ok := fastNormalize(s, &n.opts); ok {
			return t
		}
	}
	// One unit per rune (more only where NFKC expands): size the buffer once
	// so that long texts do not pay for repeated regrowth. Short texts use
	// the byte length, an upper bound that needs no counting pass.
	size := len(s)
	if size > maxPooled {
		size = utf8.RuneCountInString(s)
	}
	p := unitPool.Get().(*[]unit)
	us, trailing, seen := n.decode(slices.Grow((*p)[:0], size), s)
	// The passes below are skipped when the facts gathered by decode and
	// removeSeparators show that they cannot change anything; skip_test.go
	// checks that against running them.
	f := facts{seen: seen, numerals: seen.isNumeral()}
	if n.opts.Separator {
		us = removeSeparators(us, &f)
	} else if n.opts.Traditional {
		f.phraseRunes = hasPhraseRune(us)
	}
	if n.opts.Numeral && f.numerals {
		foldNumerals(us)
	}
	if n.opts.Traditional && f.mayFoldTraditional() {
		foldTraditional(us)
	}
	t := build(s, us, trailing)
	if cap(us) <= maxPooled {
		*p = us
		unitPool.Put(p)
	}
	return t
}

// String returns the normalized form of s.
func (n *Normalizer) String(s string) string {
	t := n.Normalize(s)
	return t.Normalized()
}

// Normalize returns the normalization of s by Default.
func Normalize(s string) Text { return Default.Normalize(s) }

// facts are what the passes saw of the units, enough to skip the later
// passes that cannot change them. Removing units and folding numerals to
// ASCII digits keeps them true.
type facts struct {
	seen        info // the bitwise OR of the infos of the units
	numerals    bool // the units may hold a run of NumeralRun digit-like runes
	phraseRunes bool // a unit is a rune that a phrase changes (changedByPhrase)
}

// decode appends the units of s to us, applying the per-rune folds:
// invalid bytes, invisible characters, width and compatibility forms, case
// and look-alike letters. It also returns the kinds of the characters
// removed at the end of s, which no unit records, and the bitwise OR of
// the infos of the units it appended, from which Normalize tells which
// later passes can change nothing.
func (n *Normalizer) decode(us []unit, s string) ([]unit, Kind, info) {
	var pending Kind
	var seen info
	for i := 0; i < len(s); {
		var r rune
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			r = rune(c)
		} else if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// A three-byte sequence without the overlong and surrogate
			// cases of E0 and ED: all of CJK, inline for speed.
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			size = 3
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				inf := lookup(utf8.RuneError)
				seen |= inf
				us = append(us, unit{utf8.RuneError, int32(i), pending | Invalid, inf})
				pending = 0
				i++
				continue
			}
		}
		inf := lookup(r)
		// The common case, nothing to fold, in one test: op is opNone and
		// the class is not classInvisible, the only one with bit 2 set.
		if inf&(7<<opShift|classInvisible) == 0 && (r < lookalikeBase || !n.opts.Lookalike || lookalike(r) == 0) {
			seen |= inf
			us = append(us, unit{r, int32(i), pending, inf})
			pending = 0
			i += size
			continue
		}
		switch op := inf.op(); {
		case inf.class() == classInvisible && n.opts.Invisible:
			pending |= Invisible
		case (op == opWidth || op == opCompat) && n.opts.Width:
			k := Compat
			if op == opWidth {
				k = Width
			}
			for _, fr := range foldString(inf) {
				us = n.appendRune(us, fr, lookup(fr), int32(i), k|pending)
				seen |= us[len(us)-1].info
				pending = 0
			}
		default:
			us = n.appendRune(us, r, inf, int32(i), pending)
			seen |= us[len(us)-1].info
			pending = 0
		}
		i += size
	}
	return us, pending, seen
}

// appendRune appends r after the case and look-alike folds.
func (n *Normalizer) appendRune(us []unit, r rune, inf info, src int32, k Kind) []unit {
	if n.opts.Case && inf.op() == opCase {
		r = inf.payload()
		k |= Case
		inf = lookup(r)
	} else if n.opts.Lookalike {
		if l := lookalike(r); l != 0 {
			r = l
			k |= Lookalike
			if n.opts.Case && 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
				k |= Case
			}
			inf = lookup(r)
		}
	}
	return append(us, unit{r, src, k, inf})
}

// build makes the Text from the units.
func build(s string, us []unit, trailing Kind) Text {
	size, n := 0, 0
	var next int32 // the source of a unit copied on from the one before
	for i := range us {
		u := &us[i]
		if u.kind != 0 || u.src != next {
			n++
		}
		l := runeLen(u.r)
		next = u.src + int32(l)
		size += l
	}
	if n == 0 && trailing == 0 {
		// Every rune was kept as it was: the fast path of the contract.
		return Text{original: s, normalized: s}
	}
	// The normalized bytes are written into a buffer of exactly the right
	// size, which then becomes the string without a copy (as
	// strings.Builder does, without its checks on every write).
	m, out := newText(n, size)
	// Runes that did not change are copied from s in runs, which is much
	// faster than writing them one by one.
	pos, j, copyStart, copyEnd := 0, 0, 0, 0
	next, n = 0, 0
	for i := range us {
		u := &us[i]
		l := runeLen(u.r)
		if u.kind != 0 || u.src != next {
			m[n], m[n+1], m[n+2] = int32(pos), u.src, int32(u.kind)
			n += 3
		}
		next = u.src + int32(l)
		pos += l
		if u.kind&^removedBefore == 0 {
			// The rune itself is the original one.
			if int(u.src) != copyEnd {
				j += copy(out[j:], s[copyStart:copyEnd])
				copyStart = int(u.src)
			}
			copyEnd = int(u.src) + l
			continue
		}
		j += copy(out[j:], s[copyStart:copyEnd])
		copyStart, copyEnd = 0, 0
		j += utf8.EncodeRune(out[j:], u.r)
	}
	copy(out[j:], s[copyStart:copyEnd])
	return Text{original: s, normalized: stringOf(out), m: m}
}

// newText returns the buffers of a changed Text with n triples and a
// normalized string of size bytes. They share one allocation: for a
// message the allocation costs about as much as the rest of the work.
func newText(n, size int) ([]int32, []byte) {
	buf := make([]int32, 3*n+(size+3)/4)
	if size == 0 {
		return buf, nil // no runes, no triples
	}
	return buf[: 3*n : 3*n], unsafe.Slice((*byte)(unsafe.Pointer(&buf[3*n])), size)
}

// stringOf returns the bytes of b as a string without copying them, as
// strings.Builder does; b must not be written to afterwards. It saves
// Normalize an allocation and a copy of the normalized text.
func stringOf(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// runeLen is utf8.RuneLen for valid runes, inlinable.
func runeLen(r rune) int {
	switch {
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	}
	return 4
}
