package indicators

import "strings"

// findMobiles appends the mainland mobile numbers in s: 1[3-9] and nine
// more digits, written in one run or grouped 3-4-4 or 3-8 with spaces or
// dashes, optionally after +86, 86 or 0086, and not announced as an order
// or other reference number. The value is the eleven digits.
func findMobiles(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i = x.nextDigit(i + 1)
			continue
		}
		j := digitsEnd(s, i)
		if m, ok := mobileAt(s, i, j); ok {
			if _, ref := cueBefore(t, m.Start, referenceCueSet, 2); !ref {
				dst = append(dst, m)
			}
			i = m.End
			continue
		}
		i = j
	}
	return dst
}

// isMobile reports whether d is eleven digits of a mainland mobile number.
func isMobile(d string) bool {
	return len(d) == 11 && d[0] == '1' && '3' <= d[1] && d[1] <= '9'
}

// mobileAt tries to read a mobile number whose first digit run is s[i:j].
func mobileAt(s string, i, j int) (entityMatch, bool) {
	if !isolatedLeft(s, i) {
		return entityMatch{}, false
	}
	run := s[i:j]
	start := i
	switch {
	case len(run) == 13 && strings.HasPrefix(run, "86"):
		run = run[2:]
		if i > 0 && s[i-1] == '+' {
			start = i - 1
		}
	case len(run) == 15 && strings.HasPrefix(run, "0086"):
		run = run[4:]
	default:
		// A "+" directly before the number makes it international
		// ("+13812345678" is a +1 number); leave it to findIntlPhones.
		if i > 0 && s[i-1] == '+' {
			return entityMatch{}, false
		}
		start = cnPrefixBefore(s, i)
	}
	if isMobile(run) {
		if !isolatedRight(s, j) {
			return entityMatch{}, false
		}
		return entityMatch{Kind: MobileCN, Value: run, Start: start, End: j}, true
	}
	// A grouped number starts with the three digits 1[3-9]x, checked in
	// place: building a string to ask isMobile allocated at every
	// three-digit number.
	if len(run) != 3 || run[0] != '1' || run[1] < '3' || run[1] > '9' || j >= len(s) || !isGroupSep(s[j]) {
		return entityMatch{}, false
	}
	// Grouped: 3-4-4 or 3-8, one kind of separator, and not a piece of a
	// longer grouped number on either side.
	sep := s[j]
	if start == i && i >= 2 && s[i-1] == sep && isDigit(s[i-2]) {
		return entityMatch{}, false
	}
	a, b, ok := nextGroup(s, j, sep)
	if !ok {
		return entityMatch{}, false
	}
	value := run + s[a:b]
	end := b
	if b-a == 4 {
		c, d, ok := nextGroup(s, b, sep)
		if !ok || d-c != 4 {
			return entityMatch{}, false
		}
		value += s[c:d]
		end = d
	}
	if !isMobile(value) || !isolatedRight(s, end) {
		return entityMatch{}, false
	}
	if _, _, more := nextGroup(s, end, sep); more {
		return entityMatch{}, false
	}
	return entityMatch{Kind: MobileCN, Value: value, Start: start, End: end}, true
}

// cnPrefixes are the ways the country code of China is written before a
// separate number.
var cnPrefixes = []string{"(+86)", "(86)", "+86", "0086", "86"}

// cnPrefixBefore returns the start of a country code for China written just
// before i, with at most one space or dash between, or i if there is none.
func cnPrefixBefore(s string, i int) int {
	if i == 0 || !isGroupSep(s[i-1]) && s[i-1] != ')' {
		return i // the common case: no prefix
	}
	k := i
	if k > 0 && isGroupSep(s[k-1]) {
		k--
	}
	for _, p := range cnPrefixes {
		if !strings.HasSuffix(s[:k], p) {
			continue
		}
		a := k - len(p)
		if p[0] != '(' && p[0] != '+' && !isolatedLeft(s, a) {
			continue // "186 …" is not a prefix
		}
		if a > 0 && p == "86" && s[a-1] == '+' {
			a--
		}
		if k == i && p[len(p)-1] != ')' {
			continue // no separator: would be one digit run
		}
		return a
	}
	return i
}

// A country is a calling code with the national number lengths it uses.
type country struct {
	name     string
	min, max int // length of the national number, without trunk prefix
}

// callingCodes maps the calling codes findIntlPhones knows to their
// countries: the places scam compounds operate from and their neighbours,
// and the big international ones. Calling codes are prefix-free, so a
// number has at most one.
var callingCodes = map[string]country{
	"1":   {"United States or Canada", 10, 10},
	"7":   {"Russia or Kazakhstan", 10, 10},
	"20":  {"Egypt", 9, 10},
	"27":  {"South Africa", 9, 9},
	"33":  {"France", 9, 9},
	"34":  {"Spain", 9, 9},
	"39":  {"Italy", 6, 11},
	"44":  {"United Kingdom", 9, 10},
	"49":  {"Germany", 6, 11},
	"52":  {"Mexico", 10, 10},
	"55":  {"Brazil", 10, 11},
	"60":  {"Malaysia", 8, 10},
	"61":  {"Australia", 9, 9},
	"62":  {"Indonesia", 8, 12},
	"63":  {"Philippines", 8, 10},
	"64":  {"New Zealand", 8, 10},
	"65":  {"Singapore", 8, 8},
	"66":  {"Thailand", 8, 9},
	"81":  {"Japan", 9, 10},
	"82":  {"South Korea", 8, 10},
	"84":  {"Vietnam", 9, 10},
	"90":  {"Turkey", 10, 10},
	"91":  {"India", 10, 10},
	"92":  {"Pakistan", 10, 10},
	"94":  {"Sri Lanka", 9, 9},
	"95":  {"Myanmar", 7, 10},
	"234": {"Nigeria", 8, 10},
	"254": {"Kenya", 9, 9},
	"670": {"Timor-Leste", 7, 8},
	"673": {"Brunei", 7, 7},
	"850": {"North Korea", 6, 10},
	"852": {"Hong Kong", 8, 8},
	"853": {"Macau", 8, 8},
	"855": {"Cambodia", 8, 9},
	"856": {"Laos", 8, 10},
	"880": {"Bangladesh", 10, 10},
	"886": {"Taiwan", 8, 9},
	"960": {"Maldives", 7, 7},
	"966": {"Saudi Arabia", 8, 9},
	"971": {"United Arab Emirates", 8, 9},
	"972": {"Israel", 8, 9},
	"974": {"Qatar", 8, 8},
	"975": {"Bhutan", 7, 8},
	"976": {"Mongolia", 8, 8},
	"977": {"Nepal", 8, 10},
	"992": {"Tajikistan", 9, 9},
	"993": {"Turkmenistan", 8, 8},
	"995": {"Georgia", 9, 9},
	"996": {"Kyrgyzstan", 9, 9},
	"998": {"Uzbekistan", 9, 9},
}

// findIntlPhones appends the numbers in s written with "+" or "00" and a
// foreign calling code it knows ("+95 9 123 456 789", "00855-12-345-678",
// "+63 (917) 123 4567"). The value is "+", the calling code and the
// national digits; the detail is the country. China's +86 is left to
// findMobiles.
func findIntlPhones(x *entityText, dst []entityMatch) []entityMatch {
	s := x.s
	for i := 0; i < len(s); {
		var m entityMatch
		ok := false
		switch {
		case s[i] == '+':
			if i == 0 || !isAlnum(s[i-1]) && s[i-1] != '+' {
				m, ok = intlPhoneAt(s, i, i+1)
			}
		case s[i] == '0' && i+1 < len(s) && s[i+1] == '0' && isolatedLeft(s, i) && (i == 0 || s[i-1] != '+'):
			m, ok = intlPhoneAt(s, i, i+2)
		}
		switch {
		case ok:
			dst = append(dst, m)
			i = m.End
		case isDigit(s[i]):
			i = digitsEnd(s, i)
		default:
			i = x.nextDigitOrPlus(i + 1)
		}
	}
	return dst
}

// intlPhoneAt tries to read an international number whose prefix ("+" or
// "00") starts at p and whose calling code starts at i.
func intlPhoneAt(s string, p, i int) (entityMatch, bool) {
	j := digitsEnd(s, i)
	if j == i {
		return entityMatch{}, false
	}
	var code string
	var c country
	for n := 1; n <= 3 && n <= j-i; n++ {
		if cc, ok := callingCodes[s[i:i+n]]; ok {
			code, c = s[i:i+n], cc
			break
		}
	}
	if code == "" {
		return entityMatch{}, false
	}
	// value is "+", the code and the national number: at most 1+3+12 bytes.
	var value [16]byte
	value[0] = '+'
	n := 1 + copy(value[1:], s[i:j])
	if n > 1+len(code)+c.max {
		return entityMatch{}, false
	}
	end := j
	// Groups after the first: one separator each, an optional "(…)" around
	// the first group of the national number.
	for n-1-len(code) < c.max {
		k := end
		if k < len(s) && isGroupSep(s[k]) {
			k++
		}
		paren := false
		if k < len(s) && s[k] == '(' && n == 1+len(code) {
			paren = true
			k++
		}
		if k == end || k >= len(s) || !isDigit(s[k]) {
			break
		}
		e := digitsEnd(s, k)
		if n-1-len(code)+e-k > c.max {
			break
		}
		if paren {
			if e >= len(s) || s[e] != ')' {
				break
			}
			n += copy(value[n:], s[k:e])
			end = e + 1
			continue
		}
		n += copy(value[n:], s[k:e])
		end = e
	}
	if national := n - 1 - len(code); national < c.min || national > c.max || !isolatedRight(s, end) {
		return entityMatch{}, false
	}
	return entityMatch{Kind: PhoneIntl, Value: string(value[:n]), Detail: c.name, Start: p, End: end}, true
}
