package normalize

import (
	"strings"
	"testing"
)

// checkMap checks the triples of n.Normalize(s) against the units of the
// general path: every normalized rune maps to the source of its unit and
// has its kind, and there is a triple exactly for the runes that need one
// (see Text).
func checkMap(t *testing.T, n *Normalizer, s string) {
	t.Helper()
	txt := n.Normalize(s)
	if !txt.Changed() {
		return
	}
	us := n.units(s)
	pos, k := 0, 0
	var next int32
	for i := range us {
		u := &us[i]
		if got := txt.source(pos); got != int(u.src) {
			t.Fatalf("Normalize(%q): rune at %d maps to %d, want %d", s, pos, got, u.src)
		}
		need := u.kind != 0 || u.src != next
		has := k < len(txt.m) && int(txt.m[k]) == pos
		if need != has {
			t.Fatalf("Normalize(%q): rune at %d has a triple: %v, needs one: %v (%v)", s, pos, has, need, txt.m)
		}
		if has {
			if txt.m[k+1] != u.src || Kind(txt.m[k+2]) != u.kind {
				t.Fatalf("Normalize(%q): triple %v at %d, want source %d kind %v", s, txt.m[k:k+3], pos, u.src, u.kind)
			}
			k += 3
		}
		next = u.src + int32(runeLen(u.r))
		pos += runeLen(u.r)
	}
	if k != len(txt.m) || pos != txt.Len() {
		t.Fatalf("Normalize(%q): %d of %d triples and %d of %d bytes seen", s, k, len(txt.m), pos, txt.Len())
	}
}

// units returns the units of s after every pass of the general path.
func (n *Normalizer) units(s string) []unit {
	us, _, _ := n.decode(nil, s)
	if n.opts.Separator {
		us = removeSeparators(us, new(facts))
	}
	if n.opts.Numeral {
		foldNumerals(us)
	}
	if n.opts.Traditional {
		foldTraditional(us)
	}
	return us
}

func TestMap(t *testing.T) {
	for _, s := range []string{
		"加 * 微 · 信", "ＶＸ１３８", "ＶＸ", "aＶ", "Ｖa", "ＡＢ，ＣＤ", "壹叁捌①②③④伍陆柒捌", "轉帳到安全帳戶",
		"аррӏе", "微\u200b信", "a\xffb", "\xff", "\u200b", "a\u200b", "new xbox", "https://t.me/abc",
		"✈️ @abc", "㍻", "㍻a", "a㍻", "ﷺ", "傷亡枕藉以免藉口", "客服ＱＱ：１２３４５，加V详聊！",
		"下载APP？（免费）", "a，b c-d", "今天，我们！", "Ａ，Ｂ", "V‧X", "𠀋們", "們𠀋",
		plainText, traditionalText, disguisedText, strings.Join(smsTexts, ""),
	} {
		for _, n := range append(skipOptions, New(Options{Separator: true}), New(Options{Separator: true, Case: true})) {
			checkMap(t, n, s)
		}
	}
}

// TestPhraseKeys checks what longestPhrase and phrasesAgree assume of the
// phrases: every key has two runes or more and at most maxPhraseRunes,
// and the filter of their first
// two runes lets every key through.
func TestPhraseKeys(t *testing.T) {
	for _, p := range phrases {
		rs := []rune(p.key)
		if len(rs) < 2 || len(rs) > maxPhraseRunes {
			t.Errorf("phrase key %q has %d runes", p.key, len(rs))
			continue
		}
		if !mayStartPhrase(rs[0], rs[1]) {
			t.Errorf("phrase key %q does not pass the filter", p.key)
		}
	}
}

// TestPlainRunes checks plainCJK, plainSep, plainSepFold, plainNum and plainTrad, which plainRunes computes
// block by block, against their definitions, rune by rune.
func TestPlainRunes(t *testing.T) {
	sep := func(r rune, inf info) bool {
		return inf.class() == classSep && !inf.isNumeral() && !changedByPhrase(r) && r != '+' && r != '@'
	}
	for r := rune(0); r < 1<<16; r++ {
		valid := r >= 0x800 && (r < 0xD800 || r >= 0xE000)
		inf := lookup(r)
		wantCJK := valid && inf&^phraseBit == classCJK && !changedByPhrase(r)
		wantNum := valid && inf.class() == classCJK && inf.op() == opNone && inf.isNumeral() && !changedByPhrase(r)
		op, f := inf.op(), inf.payload()
		wantTrad := valid && (op == opTrad || op == opTradAmbiguous) && inf.class() == classCJK && !inf.isNumeral() &&
			!changedByPhrase(r) && lookup(f).op() == opNone && !changedByPhrase(f)
		wantSep := valid && sep(r, inf)
		switch inf.op() {
		case opNone:
		case opWidth, opCompat:
			f := foldString(inf)
			wantSep = wantSep && len(f) == 1 && sep(rune(f[0]), lookup(rune(f[0]))) && lookup(rune(f[0])).op() == opNone
		default:
			wantSep = false
		}
		if got := plainCJK[r/64]&(1<<(r%64)) != 0; got != wantCJK {
			t.Errorf("U+%04X in plainCJK: %v, want %v", r, got, wantCJK)
		}
		if got := plainTrad[r/64]&(1<<(r%64)) != 0; got != wantTrad {
			t.Errorf("U+%04X in plainTrad: %v, want %v", r, got, wantTrad)
		}
		if got := plainNum[r/64]&(1<<(r%64)) != 0; got != wantNum {
			t.Errorf("U+%04X in plainNum: %v, want %v", r, got, wantNum)
		}
		if got := plainSep[r/64]&(1<<(r%64)) != 0; got != wantSep {
			t.Errorf("U+%04X in plainSep: %v, want %v", r, got, wantSep)
		}
		if got, want := plainSepFold[r/64]&(1<<(r%64)) != 0, wantSep && inf.op() != opNone; got != want {
			t.Errorf("U+%04X in plainSepFold: %v, want %v", r, got, want)
		}
	}
}
