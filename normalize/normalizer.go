package normalize

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"
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

// MaxLen is the length in bytes of the longest string Normalize folds.
// Offsets are stored in 32 bits; a longer string is returned unchanged,
// as if no fold applied.
const MaxLen = math.MaxInt32

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

// Normalize returns the normalization of s.
func (n *Normalizer) Normalize(s string) Text {
	if s == "" || len(s) > MaxLen {
		return Text{original: s, normalized: s}
	}
	p := unitPool.Get().(*[]unit)
	us, trailing := n.decode((*p)[:0], s)
	if n.opts.Separator {
		us = removeSeparators(us)
	}
	if n.opts.Numeral {
		foldNumerals(us)
	}
	if n.opts.Traditional {
		foldTraditional(us)
	}
	t := build(s, us, trailing)
	if cap(us) <= 1<<16 {
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

// decode appends the units of s to us, applying the per-rune folds:
// invalid bytes, invisible characters, width and compatibility forms, case
// and look-alike letters. It also returns the kinds of the characters
// removed at the end of s, which no unit records.
func (n *Normalizer) decode(us []unit, s string) ([]unit, Kind) {
	var pending Kind
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			us = n.appendRune(us, rune(c), lookup(rune(c)), int32(i), pending)
			pending = 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			us = append(us, unit{utf8.RuneError, int32(i), pending | Invalid, lookup(utf8.RuneError)})
			pending = 0
			i++
			continue
		}
		inf := lookup(r)
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
				pending = 0
			}
		default:
			us = n.appendRune(us, r, inf, int32(i), pending)
			pending = 0
		}
		i += size
	}
	return us, pending
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
	size := 0
	all := trailing
	for i := range us {
		all |= us[i].kind
		if r := us[i].r; r < utf8.RuneSelf {
			size++
		} else {
			size += utf8.RuneLen(r)
		}
	}
	if all == 0 {
		// Every rune was kept as it was: the fast path of the contract.
		return Text{original: s, normalized: s}
	}
	var b strings.Builder
	b.Grow(size)
	m := make([]mapEntry, size)
	j := 0
	for i := range us {
		u := &us[i]
		e := mapEntry{u.src, u.kind}
		if u.r < utf8.RuneSelf {
			b.WriteByte(byte(u.r))
			m[j] = e
			j++
			continue
		}
		w, _ := b.WriteRune(u.r)
		for k := range w {
			m[j+k] = e
		}
		j += w
	}
	return Text{original: s, normalized: b.String(), m: m}
}
