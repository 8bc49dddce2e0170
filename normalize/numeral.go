package normalize

// foldNumerals turns every run of NumeralRun or more digit-like runes into
// ASCII digits. Shorter runs are words (一起, 三个月, 十一月), and are kept.
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
			for k := i; k < j; k++ {
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
