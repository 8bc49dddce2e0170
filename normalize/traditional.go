package normalize

import (
	"slices"
	"unicode/utf8"
)

// foldTraditional folds traditional characters to simplified ones: at each
// position the longest OpenCC phrase that matches, else the character
// table. Every mapping keeps the rune count, so the units are rewritten in
// place. A phrase can match differently once its neighbours are folded
// (傷亡枕藉以免藉口), so the fold is repeated until nothing changes, which
// makes it idempotent; maketables.go checks that this takes few passes.
//
// Most text needs one pass: the facts a pass gathers about the units it
// leaves show when the next would change nothing.
func foldTraditional(us []unit) {
	for range maxPasses {
		if _, again := traditionalPass(us); !again {
			return
		}
	}
}

// traditionalPass applies the fold once and reports whether it changed
// anything, and whether another pass could change more (see
// facts.mayFoldTraditional).
func traditionalPass(us []unit) (changed, again bool) {
	var f facts
	for i := 0; i < len(us); {
		inf := us[i].info
		if inf.phrase() {
			if p := longestPhrase(us[i:]); p != nil {
				k := Traditional
				if p.ambiguous {
					k |= Ambiguous
				}
				for _, v := range p.value {
					u := &us[i]
					if u.r != v {
						u.r = v
						u.kind |= k
						u.info = lookup(v)
						changed = true
					}
					f.add(u)
					i++
				}
				continue
			}
		}
		u := &us[i]
		if op := inf.op(); op == opTrad || op == opTradAmbiguous {
			u.r = inf.payload()
			u.kind |= Traditional
			if op == opTradAmbiguous {
				u.kind |= Ambiguous
			}
			u.info = lookup(u.r)
			changed = true
		}
		f.add(u)
		i++
	}
	return changed, changed && f.mayFoldTraditional()
}

// maxPhraseRunes is the length in runes of the longest phrase key
// (TestPhraseKeys).
const maxPhraseRunes = 10

// longestPhrase returns the longest phrase whose key the units start with.
func longestPhrase(us []unit) *phrase {
	// Every key has two runes or more (TestPhraseKeys).
	if len(us) < 2 || !mayStartPhrase(us[0].r, us[1].r) {
		return nil
	}
	r := us[0].r
	lo, hi := 0, len(phraseStarts)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if phraseStarts[m].r < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(phraseStarts) || phraseStarts[lo].r != r {
		return nil
	}
	var best *phrase
	ps := phrases[phraseStarts[lo].lo:phraseStarts[lo].hi]
	for i := range ps {
		if (best == nil || len(ps[i].key) > len(best.key)) && hasPrefix(us, ps[i].key) {
			best = &ps[i]
		}
	}
	return best
}

// phrasePairs is a Bloom filter of the first two runes of the phrase
// keys. Common characters start phrases (一, 上, 不), but are seldom
// followed by the second rune of one, and the filter says so for less than
// the search of the phrases.
var phrasePairs = phrasePairBits()

// pairBits is the base-2 logarithm of the size of phrasePairs in bits: a
// few per cent of the pairs that start no phrase pass.
const pairBits = 13

func phrasePairBits() *[1 << pairBits / 64]uint64 {
	bits := new([1 << pairBits / 64]uint64)
	for _, p := range phrases {
		a, n := utf8.DecodeRuneInString(p.key)
		b, _ := utf8.DecodeRuneInString(p.key[n:])
		h := pairHash(a, b)
		bits[h/64] |= 1 << (h % 64)
	}
	return bits
}

func pairHash(a, b rune) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> (32 - pairBits)
}

// mayStartPhrase reports whether a phrase key may start with a and b.
func mayStartPhrase(a, b rune) bool {
	h := pairHash(a, b)
	return phrasePairs[h/64]&(1<<(h%64)) != 0
}

// hasPrefix reports whether the runes of us start with key.
func hasPrefix(us []unit, key string) bool {
	i := 0
	for len(key) > 0 {
		var r rune
		n := 3
		if c := key[0]; c >= 0xE0 && c < 0xF0 && len(key) >= 3 {
			// Keys are valid UTF-8 and nearly all Han: decode the
			// three-byte sequences inline.
			r = rune(c&0x0F)<<12 | rune(key[1]&0x3F)<<6 | rune(key[2]&0x3F)
		} else {
			r, n = utf8.DecodeRuneInString(key)
		}
		if i == len(us) || us[i].r != r {
			return false
		}
		key = key[n:]
		i++
	}
	return true
}

// phraseOnly is a bitmap, from rune phraseOnlyLo on, of the runes that
// some phrase changes although the character table leaves them (覆 in 反覆,
// 藉 in 以免藉口). They are a few Han characters, so the bitmap is small and
// one comparison rejects everything else.
var phraseOnly, phraseOnlyLo = phraseOnlyRunes()

func phraseOnlyRunes() ([]uint64, rune) {
	var rs []rune
	for _, p := range phrases {
		v := p.value
		for _, k := range p.key {
			sv, n := utf8.DecodeRuneInString(v)
			v = v[n:]
			if k == sv {
				continue
			}
			if op := lookup(k).op(); op == opTrad || op == opTradAmbiguous {
				continue
			}
			rs = append(rs, k)
		}
	}
	return runeBitmap(rs)
}

// tradInPhrase is a bitmap, from rune tradInPhraseLo on, of the
// characters with a character fold that some phrase folds otherwise: to
// another character, or to itself, or with another ambiguity. A phrase
// that folds each of its runes as the character table does changes
// nothing, whichever runes the phrases before it took; so a text in which
// the character table and the phrases disagree holds one of these, or a
// rune that only a phrase changes (see changedByPhrase and phrasesAgree).
var tradInPhrase, tradInPhraseLo = tradInPhraseRunes()

func tradInPhraseRunes() ([]uint64, rune) {
	var rs []rune
	for _, p := range phrases {
		v := p.value
		for _, k := range p.key {
			sv, n := utf8.DecodeRuneInString(v)
			v = v[n:]
			inf := lookup(k)
			if op := inf.op(); (op == opTrad || op == opTradAmbiguous) &&
				(sv != inf.payload() || p.ambiguous != (op == opTradAmbiguous)) {
				rs = append(rs, k)
			}
		}
	}
	return runeBitmap(rs)
}

// inPhrase reports whether r, which has a character fold, is in
// tradInPhrase.
func inPhrase(r rune) bool {
	i := uint32(r - tradInPhraseLo)
	return i < uint32(len(tradInPhrase))*64 && tradInPhrase[i/64]&(1<<(i%64)) != 0
}

// runeBitmap returns a bitmap of the runes rs, from the least of them on.
func runeBitmap(rs []rune) ([]uint64, rune) {
	if len(rs) == 0 {
		return nil, 0
	}
	lo, hi := slices.Min(rs), slices.Max(rs)
	bits := make([]uint64, (hi-lo)/64+1)
	for _, r := range rs {
		bits[(r-lo)/64] |= 1 << ((r - lo) % 64)
	}
	return bits, lo
}

// add records the unit u in f.
func (f *facts) add(u *unit) {
	f.seen |= u.info
	if changedByPhrase(u.r) {
		f.phraseRunes = true
	}
}

// hasPhraseRune reports whether a unit of us is a rune that a phrase
// changes.
func hasPhraseRune(us []unit) bool {
	for i := range us {
		if changedByPhrase(us[i].r) {
			return true
		}
	}
	return false
}

// changedByPhrase reports whether r is a rune that some phrase changes
// although the character table leaves it.
func changedByPhrase(r rune) bool {
	i := uint32(r - phraseOnlyLo)
	return i < uint32(len(phraseOnly))*64 && phraseOnly[i/64]&(1<<(i%64)) != 0
}

// mayFoldTraditional reports whether traditionalPass could change units
// of which f is true: only when a unit has a character fold, or a phrase
// starts at a unit and a unit is a rune that phrases change. A phrase that
// matches otherwise maps every rune to itself.
func (f facts) mayFoldTraditional() bool {
	if op := f.seen.op(); op&opTrad != 0 { // opTrad or opTradAmbiguous
		return true
	}
	return f.seen.phrase() && f.phraseRunes
}
