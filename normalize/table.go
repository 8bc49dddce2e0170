package normalize

//go:generate go run maketables.go

// info describes one rune; lookup returns it from the generated tables.
//
//	bits  0–2   class (classOther …)
//	bits  3–5   op: the fold that applies to the rune itself (opNone …)
//	bit   6     the rune starts a traditional phrase
//	bits  7–10  numeral value + 1, or 0 if the rune is not digit-like
//	bits 11–31  payload: index into foldIndex (opWidth, opCompat) or
//	            the folded rune (opCase, opTrad, opTradAmbiguous)
//
// The class of a rune that has a width or compatibility fold describes the
// rune itself; the runes of the fold have their own info.
type info uint32

// Classes of runes, as seen by the separator rule.
const (
	classOther     = iota // breaks words and is kept: controls, U+FFFD, unassigned
	classAlnum            // letter or digit outside CJK scripts, combining mark
	classCJK              // Han, kana, Hangul, Bopomofo, a meaningful emoji
	classSep              // space, punctuation, symbol, other emoji
	classInvisible        // removed by the Invisible fold
)

// Folds a rune may have in the table.
const (
	opNone          = iota
	opWidth         // width fold, payload indexes foldIndex
	opCompat        // other NFKC fold, payload indexes foldIndex
	opCase          // Latin upper/title case, payload is the lower-case rune
	opTrad          // traditional character, payload is the simplified one
	opTradAmbiguous // as opTrad, but OpenCC lists several candidates
)

const (
	opShift      = 3
	phraseBit    = 1 << 6
	numeralShift = 7
	payloadShift = 11
)

func (i info) class() int      { return int(i & 7) }
func (i info) op() int         { return int(i>>opShift) & 7 }
func (i info) phrase() bool    { return i&phraseBit != 0 }
func (i info) payload() rune   { return rune(i >> payloadShift) }
func (i info) isNumeral() bool { return i>>numeralShift&15 != 0 }

// numeral returns the digit value of a digit-like rune.
func (i info) numeral() byte { return byte(i>>numeralShift&15) - 1 }

// lookup returns the info of r, which must be a valid rune.
func lookup(r rune) info {
	if r < tableLimit {
		b := blockIndex[r>>blockShift]
		return info(blockData[int(b)<<blockShift|int(r&(1<<blockShift-1))])
	}
	// Above the table only tags and variation selectors are invisible;
	// maketables checks that everything else there is classOther.
	if r == 0xE0001 || r >= 0xE0020 && r <= 0xE007F || r >= 0xE0100 && r <= 0xE01EF {
		return classInvisible
	}
	return classOther
}

// foldString returns the fold of a rune whose op is opWidth or opCompat.
func foldString(i info) string {
	x := foldIndex[i.payload()]
	return foldData[x>>8 : x>>8+x&0xff]
}

// A phrase is a traditional phrase and its simplified form, with the same
// number of runes. Ambiguous phrases have several candidates in OpenCC.
type phrase struct {
	key, value string
	ambiguous  bool
}

// A phraseStart gives the phrases[lo:hi] that start with r.
type phraseStart struct {
	r      rune
	lo, hi uint16
}
