package indicators

import (
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

// entityMatch is one entity found in normalized text; Start/End are byte
// offsets in t.Normalized().
type entityMatch struct {
	Kind       EntityKind
	Value      string // canonical value (see Extracted.Value)
	Detail     string // see Extracted.Detail
	Start, End int
}

// findEntities appends the entities of the given kind found in t to dst, in
// order of position. Unknown kinds find nothing.
//
// The scanners are hand-written and run in time linear in the text (each
// looks at a bounded window around its anchors). They expect the shape the
// normalizer produces: Latin letters in lower case, numerals folded to ASCII
// digits, separators kept only between multi-character tokens.
func findEntities(t *normalize.Text, kind EntityKind, dst []entityMatch) []entityMatch {
	var buf [4]uint64 // the bitmap of a text of up to 256 bytes
	x, _, _ := newEntityText(t, buf[:0])
	return x.find(kind, dst)
}

// An entityText is a normalized text prepared for the scanners: with a
// bitmap of its ASCII bytes, with which each scanner jumps over a stretch
// of Chinese text in one step instead of testing it eight bytes at a time.
// A Detect prepares it once for the eight scanners.
type entityText struct {
	t     *normalize.Text
	s     string   // t.Normalized()
	ascii []uint64 // bit i%64 of ascii[i/64] is set when s[i] is ASCII
}

// newEntityText prepares t for the scanners, with buf (emptied) for the
// bitmap, and reports whether the text has an ASCII digit and whether it
// has an ASCII letter.
func newEntityText(t *normalize.Text, buf []uint64) (x entityText, digit, letter bool) {
	x.t = t
	x.s = t.Normalized()
	x.ascii, digit, letter = asciiBitmap(x.s, buf)
	return x, digit, letter
}

// find is findEntities on a prepared text.
func (x *entityText) find(kind EntityKind, dst []entityMatch) []entityMatch {
	switch kind {
	case MobileCN:
		return findMobiles(x, dst)
	case PhoneIntl:
		return findIntlPhones(x, dst)
	case QQ:
		return findQQ(x, dst)
	case WeChatID:
		return findWeChat(x, dst)
	case Telegram:
		return findTelegram(x, dst)
	case URL:
		return findURLs(x, dst)
	case Wallet:
		return findWallets(x, dst)
	case BankCard:
		return findBankCards(x, dst)
	}
	return dst
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// skipNonASCII returns the index of the first ASCII byte of s at or after
// i, or len(s). Every entity is written in ASCII (the normalizer folds
// full-width forms and other numerals), so the scanners step over the
// bytes of Chinese text with it; a byte of a multi-byte UTF-8 sequence is
// never ASCII, so it never stops inside a rune.
func skipNonASCII(s string, i int) int {
	// Eight bytes at a time while none of them is ASCII.
	const high = 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&high != high {
			break
		}
	}
	for i < len(s) && s[i] >= utf8.RuneSelf {
		i++
	}
	return i
}
func isLower(b byte) bool { return 'a' <= b && b <= 'z' }
func isAlnum(b byte) bool { return isDigit(b) || isLower(b) || 'A' <= b && b <= 'Z' }

// digitsEnd returns the end of the run of ASCII digits that starts at i.
func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// isolatedLeft reports whether a number starting at i is not the tail of a
// longer number: no digit touches it and it is not the fraction of a
// decimal ("1.5") or a group of three after a thousands separator
// ("3,800"). A comma before other digits is a list: the normalizer turns
// "，" into ",".
func isolatedLeft(s string, i int) bool {
	if i == 0 {
		return true
	}
	if isDigit(s[i-1]) {
		return false
	}
	if i < 2 || !isDigit(s[i-2]) {
		return true
	}
	switch s[i-1] {
	case '.':
		return false
	case ',':
		return digitsEnd(s, i)-i != 3
	}
	return true
}

// isolatedRight is isolatedLeft for a number ending at j.
func isolatedRight(s string, j int) bool {
	if j >= len(s) {
		return true
	}
	if isDigit(s[j]) {
		return false
	}
	if j+1 >= len(s) || !isDigit(s[j+1]) {
		return true
	}
	switch s[j] {
	case '.':
		return false
	case ',':
		return digitsEnd(s, j+1)-(j+1) != 3
	}
	return true
}

// isGroupSep reports whether b may join the digit groups of a written
// number ("138 1234 5678", "138-1234-5678").
func isGroupSep(b byte) bool { return b == ' ' || b == '-' }

// nextGroup returns the digit group that follows the group ending at j
// across exactly one separator sep, or ok == false.
func nextGroup(s string, j int, sep byte) (start, end int, ok bool) {
	if j+1 < len(s) && s[j] == sep && isDigit(s[j+1]) {
		return j + 1, digitsEnd(s, j+1), true
	}
	return 0, 0, false
}

// lastRune returns the rune that ends at i and its size, or (utf8.RuneError,
// 0) at the start of s.
func lastRune(s string, i int) (rune, int) {
	if i <= 0 {
		return utf8.RuneError, 0
	}
	return utf8.DecodeLastRuneInString(s[:i])
}
