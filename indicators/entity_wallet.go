package indicators

import (
	"crypto/sha256"
	"strings"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

// findWallets appends the USDT wallet addresses in t: TRC-20 (Tron: "T"
// and 33 base58 characters with a valid base58check checksum) and ERC-20
// (Ethereum: "0x" and 40 hex digits). Addresses are case-sensitive, so the
// value is taken from the original text.
func findWallets(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	for i := x.nextWalletStart(0); i < len(s); i = x.nextWalletStart(i + 1) {
		b := s[i]
		if b != '0' && b != 't' && b != 'T' || i > 0 && isAlnum(s[i-1]) {
			continue
		}
		if b == '0' {
			j := i + 42
			if j <= len(s) && (s[i+1] == 'x' || s[i+1] == 'X') && isHex(s[i+2:j]) && (j == len(s) || !isAlnum(s[j])) {
				if v, ok := originalAddress(t, i, j); ok && isHex(v[2:]) {
					dst = append(dst, entityMatch{Kind: Wallet, Value: v, Detail: "erc20", Start: i, End: j})
					i = j - 1
				}
			}
			continue
		}
		j := i + 34
		if j <= len(s) && isBase58Fold(s[i+1:j]) && (j == len(s) || !isAlnum(s[j])) {
			if v, ok := originalAddress(t, i, j); ok && v[0] == 'T' && validTron(v) {
				dst = append(dst, entityMatch{Kind: Wallet, Value: v, Detail: "trc20", Start: i, End: j})
				i = j - 1
			}
		}
	}
	return dst
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i] | 0x20; !isDigit(s[i]) && !('a' <= b && b <= 'f') {
			return false
		}
	}
	return true
}

// isBase58Fold reports whether s could be base58 text after case folding:
// digits 1–9 and letters.
func isBase58Fold(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i] | 0x20; !('1' <= s[i] && s[i] <= '9') && !('a' <= b && b <= 'z') {
			return false
		}
	}
	return true
}

// originalAddress returns the address that the normalized range [start,
// end) came from, with the case the writer gave it: the ASCII letters and
// digits of the original span, full-width ones folded, anything else
// (invisible characters, separators the normalizer removed) dropped. It
// fails if that does not give as many characters as the normalized range.
func originalAddress(t *normalize.Text, start, end int) (string, bool) {
	os, oe := t.Span(start, end)
	o := t.Original()[os:oe]
	if len(o) == end-start {
		return o, true
	}
	var b strings.Builder
	for _, r := range o {
		if 0xff01 <= r && r <= 0xff5e {
			r -= 0xfee0 // full-width ASCII
		}
		if r < utf8.RuneSelf && isAlnum(byte(r)) {
			b.WriteByte(byte(r))
		}
	}
	if b.Len() != end-start {
		return "", false
	}
	return b.String(), true
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Digit maps a byte to its base58 value, or -1.
var base58Digit = func() (d [256]int8) {
	for i := range d {
		d[i] = -1
	}
	for i := range len(base58Alphabet) {
		d[base58Alphabet[i]] = int8(i)
	}
	return d
}()

// validTron reports whether addr is a Tron address: 25 bytes in base58,
// version byte 0x41, and a checksum of the first four bytes of the double
// SHA-256 of the rest.
func validTron(addr string) bool {
	var n [25]byte // big-endian
	for i := 0; i < len(addr); i++ {
		d := base58Digit[addr[i]]
		if d < 0 {
			return false
		}
		carry := int(d)
		for k := len(n) - 1; k >= 0; k-- {
			carry += int(n[k]) * 58
			n[k] = byte(carry)
			carry >>= 8
		}
		if carry != 0 {
			return false // more than 25 bytes
		}
	}
	if n[0] != 0x41 {
		return false
	}
	h := sha256.Sum256(n[:21])
	h = sha256.Sum256(h[:])
	return string(h[:4]) == string(n[21:])
}
