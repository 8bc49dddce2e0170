package normalize

// foldNumerals turns every run of NumeralRun or more digit-like runes into
// ASCII digits. Shorter runs are words (一起, 三个月, 十一月), and are kept.
//
// A single Chinese numeral at either end of a run, next to an ASCII digit,
// is kept too: it is nearly always the start or end of a word that the
// separator fold joined to a number (13812345678，一起 → 13812345678一起,
// not 138123456781起). The rule looks only at the runes of the run, which
// a second normalization sees unchanged, so it stays idempotent.
func foldNumerals(us []unit) {
	for i := 0; i < len(us); {
		if !us[i].info.isNumeral() {
			i++
			continue
		}
		j := i + 1
		for j < len(us) && us[j].info.isNumeral() {
			j++
		}
		if j-i >= NumeralRun {
			lo, hi := i, j
			if !isDigit(us[lo].r) && isDigit(us[lo+1].r) {
				lo++
			}
			if !isDigit(us[hi-1].r) && isDigit(us[hi-2].r) {
				hi--
			}
			for k := lo; k < hi; k++ {
				u := &us[k]
				if d := '0' + rune(u.info.numeral()); u.r != d {
					u.r = d
					u.kind |= Numeral
					u.info = lookup(d)
				}
			}
		}
		i = j
	}
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }
