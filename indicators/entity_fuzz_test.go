package indicators

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

// FuzzEntities checks the invariants every extractor keeps on any input:
// no panic, spans inside the text on rune boundaries, in order and not
// overlapping, the right kind, and values of the documented shape.
func FuzzEntities(f *testing.F) {
	for _, tt := range entityTests {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, in string) {
		text := normalize.Normalize(in)
		s := text.Normalized()
		valid := utf8.ValidString(s) // rune boundaries need valid UTF-8, which the normalizer produces
		for _, k := range EntityKinds {
			prev := 0
			for _, m := range findEntities(&text, k, nil) {
				if m.Kind != k {
					t.Fatalf("%s: match of kind %s", k, m.Kind)
				}
				if m.Start < prev || m.End <= m.Start || m.End > len(s) {
					t.Fatalf("%s: span [%d,%d) after %d in %d bytes", k, m.Start, m.End, prev, len(s))
				}
				if valid && (!utf8.RuneStart(s[m.Start]) || m.End < len(s) && !utf8.RuneStart(s[m.End])) {
					t.Fatalf("%s: span [%d,%d) not on rune boundaries", k, m.Start, m.End)
				}
				prev = m.End
				if err := checkValue(m); err != "" {
					t.Fatalf("%s: value %q: %s", k, m.Value, err)
				}
				os, oe := text.Span(m.Start, m.End)
				if os < 0 || oe > len(in) || os >= oe {
					t.Fatalf("%s: original span [%d,%d) of %d bytes", k, os, oe, len(in))
				}
			}
		}
	})
}

// checkValue returns what is wrong with the shape of m's value, or "".
func checkValue(m entityMatch) string {
	v := m.Value
	switch m.Kind {
	case MobileCN:
		if !isMobile(v) || !isAllDigits(v) {
			return "not a mobile number"
		}
	case PhoneIntl:
		if len(v) < 8 || v[0] != '+' || !isAllDigits(v[1:]) || m.Detail == "" {
			return "not +digits with a country"
		}
	case QQ:
		if len(v) < 5 || len(v) > 11 || v[0] == '0' || !isAllDigits(v) {
			return "not a QQ number"
		}
	case WeChatID:
		if len(v) < 6 || len(v) > 32 || !isLower(v[0]) && !isMobile(v) {
			return "not a WeChat ID"
		}
	case Telegram:
		if !strings.HasPrefix(v, "@") && !strings.HasPrefix(v, "https://t.me/") {
			return "not a handle or link"
		}
	case URL:
		if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
			return "no scheme"
		}
	case Wallet:
		if !(m.Detail == "trc20" && len(v) == 34 && validTron(v)) && !(m.Detail == "erc20" && len(v) == 42 && isHex(v[2:])) {
			return "not a wallet address"
		}
	case BankCard:
		if len(v) < 16 || len(v) > 19 || !isAllDigits(v) || !luhn([]byte(v)) {
			return "not a card number"
		}
	}
	return ""
}
