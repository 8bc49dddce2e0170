package indicators

import "github.com/fanzha/fanzha/normalize"

// findBankCards appends the bank card numbers in s: 16–19 digits, in one
// run or in groups of four (the last may be shorter) joined by spaces or
// dashes, starting with an issuer digit (3 JCB/Amex, 4 Visa, 5 Mastercard,
// 6 UnionPay, 9 domestic debit) and passing the Luhn check. The first-digit
// rule keeps dates, timestamps and most order numbers out; numbers
// announced as an order or other reference number are left out too.
func findBankCards(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	var digits [19]byte
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i = x.nextDigit(i + 1)
			continue
		}
		j := digitsEnd(s, i)
		if !isolatedLeft(s, i) {
			i = j
			continue
		}
		n, end := 0, j
		switch {
		case j-i >= 16 && j-i <= 19:
			n = copy(digits[:], s[i:j])
		case j-i == 4 && j < len(s) && isGroupSep(s[j]):
			sep := s[j]
			if i >= 2 && s[i-1] == sep && isDigit(s[i-2]) {
				break // the middle of a longer grouped number
			}
			n = copy(digits[:], s[i:j])
			for g := 1; ; g++ {
				a, b, ok := nextGroup(s, end, sep)
				if !ok || b-a > 4 || n+b-a > 19 || g >= 4 && b-a > 3 {
					break
				}
				n += copy(digits[n:], s[a:b])
				end = b
				if b-a < 4 {
					break
				}
			}
			if _, _, more := nextGroup(s, end, sep); more {
				n = 0
			}
		}
		if n >= 16 && isolatedRight(s, end) && issuerDigit(digits[0]) && luhn(digits[:n]) &&
			!isReference(t, i) {
			v := s[i:end] // no copy when the number is written in one run
			if end-i != n {
				v = string(digits[:n])
			}
			dst = append(dst, entityMatch{Kind: BankCard, Value: v, Start: i, End: end})
			i = end
			continue
		}
		i = j
	}
	return dst
}

// isReference reports whether the number at i is announced as an order or
// other reference number.
func isReference(t *normalize.Text, i int) bool {
	_, ok := cueBefore(t, i, referenceCueSet, 2)
	return ok
}

func issuerDigit(d byte) bool {
	return d == '3' || d == '4' || d == '5' || d == '6' || d == '9'
}

// luhn reports whether the digits pass the Luhn check.
func luhn(digits []byte) bool {
	sum := 0
	for k := range digits {
		d := int(digits[len(digits)-1-k] - '0')
		if k%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
