package normalize

// removeSeparators removes the runs of separators that split a word and
// returns the shortened units. A run is removed when it lies between two
// word characters and either of them is CJK, or both belong to Latin/digit
// tokens one character long (v‧x, 1 3 8); any other run is kept as it is,
// so that Latin words stay apart (new xbox) and URLs, e-mail addresses and
// grouped numbers keep their punctuation. Tokens are those of the text
// before any run is removed, which makes the rule idempotent: removing a run
// only lengthens tokens, and a run kept once is kept again.
//
// The removed runes leave Separator, and the Invisible marks they carried,
// on the rune after the run.
//
// removeSeparators also sets f.numerals, whether the units it returns
// hold a run of NumeralRun or more digit-like runes, and f.phraseRunes:
// plain text has neither, and this loop finds out for little more than it
// costs already.
func removeSeparators(us []unit, f *facts) []unit {
	w := 0
	prev := classOther // class of the unit before the current one, or classOther at the start
	tok := 0           // length of the Latin/digit token ending at the previous unit
	run, numerals, phraseRunes := 0, false, false
	for i := 0; i < len(us); {
		c := us[i].info.class()
		if c == classSep {
			c = classAt(us, i)
		} else if c == classInvisible {
			c = classOther
		}
		if c != classSep {
			if c == classAlnum {
				tok++
			} else {
				tok = 0
			}
			prev = c
			if us[i].info.isNumeral() {
				run++
				numerals = numerals || run >= NumeralRun
			} else {
				run = 0
			}
			if changedByPhrase(us[i].r) {
				phraseRunes = true
			}
			if w != i {
				us[w] = us[i]
			}
			w++
			i++
			continue
		}
		j := i + 1
		for j < len(us) && classAt(us, j) == classSep {
			j++
		}
		if j < len(us) && removable(prev, classAt(us, j), tok == 1 && (j+1 == len(us) || classAt(us, j+1) != classAlnum)) {
			var k Kind
			for _, u := range us[i:j] {
				k |= u.kind & Invisible
			}
			us[j].kind |= k | Separator
		} else {
			for _, u := range us[i:j] {
				if u.info.isNumeral() {
					run++
					numerals = numerals || run >= NumeralRun
				} else {
					run = 0
				}
				phraseRunes = phraseRunes || changedByPhrase(u.r)
			}
			w += copy(us[w:], us[i:j])
		}
		prev, tok = classSep, 0
		i = j
	}
	f.numerals, f.phraseRunes = numerals, phraseRunes
	return us[:w]
}

// removable reports whether a run of separators between runes of classes
// left and right is removed; single tells whether both neighbouring tokens
// are one character long.
func removable(left, right int, single bool) bool {
	if !isWord(left) || !isWord(right) {
		return false
	}
	return left == classCJK || right == classCJK || single
}

func isWord(c int) bool { return c == classAlnum || c == classCJK }

// classAt returns the class of us[i] in context: '+' before an ASCII digit
// and '@' before an ASCII letter or digit are entity syntax (+86…, @handle),
// neither word characters nor separators.
func classAt(us []unit, i int) int {
	c := us[i].info.class()
	if c == classInvisible {
		// Kept because the Invisible fold is off: it breaks words but is
		// not a separator.
		return classOther
	}
	if c != classSep || i+1 == len(us) {
		return c
	}
	switch next := us[i+1].r; us[i].r {
	case '+':
		if '0' <= next && next <= '9' {
			return classOther
		}
	case '@':
		if '0' <= next && next <= '9' || 'a' <= next && next <= 'z' || 'A' <= next && next <= 'Z' {
			return classOther
		}
	}
	return c
}
