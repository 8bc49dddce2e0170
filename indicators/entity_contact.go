package indicators

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

// A cue is a word that announces a contact ("qq", "微信", "飞机"). A weak
// cue is also an ordinary word or letter (扣, 微, v): the contact must
// follow it at once, after at most a colon, a space or 号.
type cue struct {
	word string
	weak bool
}

var (
	qqCues = []cue{
		{"qq", false}, {"扣扣", false}, {"企鹅", false}, {"🐧", false},
		{"q号", false}, {"球球", false}, {"扣", true},
	}
	weChatCues = []cue{
		{"微信", false}, {"vx", false}, {"wx", false}, {"v信", false},
		{"薇信", false}, {"威信", false}, {"weixin", false}, {"wechat", false},
		{"微", true}, {"v", true},
	}
	telegramCues = []cue{
		{"飞机", false}, {"telegram", false}, {"tg", false}, {"✈", false},
	}
	// referenceCues announce a number that is a reference, not a phone
	// or a card: order, waybill, serial, staff and student numbers. They
	// are weak cues, so they count only right before the number.
	referenceCues = []cue{
		{"订单", true}, {"单号", true}, {"编号", true}, {"运单", true}, {"快递", true},
		{"流水", true}, {"交易号", true}, {"工号", true}, {"学号", true}, {"序列号", true},
	}
)

// maxCueGap is how many runes may stand between a strong cue and the
// contact it announces ("qq号码是 …"); telegramNear is the window, before or
// after, in which a cue makes an @handle a Telegram handle.
const (
	maxCueGap    = 6
	telegramNear = 12
)

// A cueSet is a list of cues indexed by their last byte, so that cueAt
// rejects most positions with one load and tries only the cues that end
// with the byte there.
type cueSet struct {
	cues   []cue
	byLast [256]uint16 // bit j is set when cues[j] ends with the byte
}

func newCueSet(cues []cue) *cueSet {
	set := &cueSet{cues: cues}
	for j, c := range cues {
		set.byLast[c.word[len(c.word)-1]] |= 1 << j
	}
	return set
}

// The cue lists as sets, for cueAt.
var (
	qqCueSet        = newCueSet(qqCues)
	weChatCueSet    = newCueSet(weChatCues)
	telegramCueSet  = newCueSet(telegramCues)
	referenceCueSet = newCueSet(referenceCues)
)

// cueAt reports whether one of the cues of set ends at k in s and may
// announce a contact separated from it by gap. Of several, the first in the
// set's order counts.
func cueAt(s string, k int, set *cueSet, gap string) (cue, bool) {
	if k == 0 {
		return cue{}, false
	}
	for m := set.byLast[s[k-1]]; m != 0; m &= m - 1 {
		c := set.cues[bits.TrailingZeros16(m)]
		if !strings.HasSuffix(s[:k], c.word) {
			continue
		}
		a := k - len(c.word)
		// Latin cues must start a word: "vx" not inside "dvx", "v" not
		// the end of "dev". Digits may come before ("…015tg").
		if isLower(c.word[0]) && a > 0 && isAlpha(s[a-1:a]) {
			continue
		}
		if c.weak && !weakGap(gap) {
			continue
		}
		return c, true
	}
	return cue{}, false
}

// weakGap reports whether gap may stand between a weak cue and its contact.
func weakGap(gap string) bool {
	n := 0
	for _, r := range gap {
		switch r {
		case ' ', ':', '：', '-', '号', '#':
		default:
			return false
		}
		if n++; n > 2 {
			return false
		}
	}
	return true
}

// isStop reports whether r ends the sentence a cue belongs to.
func isStop(r rune) bool {
	switch r {
	case '\n', '\r', '。', '！', '？', '!', '?', '；', ';':
		return true
	}
	return false
}

// cueBefore reports whether a cue ends at most maxGap runes before i in
// t's normalized text, with neither a digit nor a sentence end between. It
// returns the gap as the original has it: the normalizer removes
// punctuation such as "：" or "。" next to CJK characters, and both matter
// here.
func cueBefore(t *normalize.Text, i int, cues *cueSet, maxGap int) (gap string, ok bool) {
	s := t.Normalized()
	k := i
	for n := 0; ; n++ {
		if c, ok := cueAt(s, k, cues, s[k:i]); ok {
			gap := originalGap(t, k-len(c.word), k, i)
			if strings.IndexFunc(gap, isStop) >= 0 {
				return "", false
			}
			return gap, true
		}
		r, size := lastRune(s, k)
		if n == maxGap || size == 0 || r < utf8.RuneSelf && isDigit(byte(r)) || isStop(r) {
			return "", false
		}
		k -= size
	}
}

// originalGap returns the original text between a cue at [a, k) and a
// contact starting at i in the normalized text.
func originalGap(t *normalize.Text, a, k, i int) string {
	_, ge := t.Span(a, k)
	gs := len(t.Original())
	if i < len(t.Normalized()) {
		gs, _ = t.Span(i, i+1)
	}
	if ge > gs {
		return ""
	}
	return t.Original()[ge:gs]
}

// cueAfter reports whether a strong cue starts at most maxGap runes after j,
// with no sentence end between.
func cueAfter(s string, j int, cues []cue, maxGap int) bool {
	k := j
	for n := 0; n <= maxGap && k < len(s); n++ {
		for _, c := range cues {
			if !c.weak && strings.HasPrefix(s[k:], c.word) && !(isLower(c.word[0]) && k > 0 && isAlnum(s[k-1])) {
				return true
			}
		}
		r, size := utf8.DecodeRuneInString(s[k:])
		if isStop(r) {
			return false
		}
		k += size
	}
	return false
}

// unitAfter reports whether the number ending at j is followed by a unit or
// counter (元, 万, %, 年 …), which makes it an amount, a date or a count.
func unitAfter(s string, j int) bool {
	if j < len(s) && s[j] == ' ' {
		j++
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return strings.ContainsRune("元块万亿千百%岁年月日天次人个分秒米斤楼期位条件单笔", r)
}

// findQQ appends the QQ numbers in s: 5–11 digits, not starting with 0,
// announced by a QQ cue a few runes before.
func findQQ(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	g := newCueGate(t, qqCueSet)
	for i := 0; i < len(s) && !g.closed(); {
		if !isDigit(s[i]) {
			i = x.nextDigit(i + 1)
			continue
		}
		j := digitsEnd(s, i)
		if n := j - i; 5 <= n && n <= 11 && s[i] != '0' && isolatedLeft(s, i) && isolatedRight(s, j) && !unitAfter(s, j) {
			if _, ok := g.before(i, maxCueGap); ok {
				dst = append(dst, entityMatch{Kind: QQ, Value: s[i:j], Start: i, End: j})
			}
		}
		i = j
	}
	return dst
}

// idMarkEnds reports whether the original gap ends with a colon or 号, and
// maybe spaces or invisible characters: "微信号：name", "vx: name".
func idMarkEnds(gap string) bool {
	gap = strings.TrimRightFunc(gap, func(r rune) bool { return r == ' ' || unicode.Is(unicode.Cf, r) })
	r, _ := utf8.DecodeLastRuneInString(gap)
	return r == ':' || r == '：' || r == '号'
}

// isIDByte reports whether b may appear in a WeChat ID or Telegram handle.
func isIDByte(b byte) bool { return isLower(b) || isDigit(b) || b == '_' || b == '-' }

// tokenEnd returns the end of the run of ID bytes that starts at i. Like
// handleEnd, it stops before a glued link.
func tokenEnd(s string, i int) int {
	start := i
	for i < len(s) && isIDByte(s[i]) {
		if s[i] == 'h' && i > start && startsLink(s[i:]) {
			break
		}
		i++
	}
	return i
}

// partOfAddress reports whether the token s[i:j] is a piece of a domain, an
// e-mail address or a URL rather than a word of its own.
func partOfAddress(s string, i, j int) bool {
	if i > 0 && (s[i-1] == '.' || s[i-1] == '@' || s[i-1] == '/') {
		return true
	}
	if j < len(s) && (s[j] == '@' || s[j] == '/' || s[j] == ':' && strings.HasPrefix(s[j:], "://")) {
		return true
	}
	return j+1 < len(s) && s[j] == '.' && isAlnum(s[j+1])
}

// cueWords holds the words of the contact cues, for isCueWord: the
// scanners ask about most Latin words of a text, and one lookup costs less
// than comparing with every cue.
var cueWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, cs := range [][]cue{qqCues, weChatCues, telegramCues} {
		for _, c := range cs {
			m[c.word] = true
		}
	}
	return m
}()

// isCueWord reports whether tok is itself a cue, as in "微信 weixin".
func isCueWord(tok string) bool { return cueWords[tok] }

// findWeChat appends the WeChat IDs in s: IDs by WeChat's rules (6–20
// letters, digits, "_" or "-", a letter first) and mobile numbers announced
// by a WeChat cue, and "wxid_" IDs wherever they are. An ID of letters only
// is taken only when a colon or 号 stands right before it, since it could be
// an ordinary word (the normalizer removes the space in "微信 account").
func findWeChat(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	g := newCueGate(t, weChatCueSet)
	for i, tail := 0, false; i < len(s); {
		if g.closed() && !tail {
			// Without a cue, only "wxid_" IDs are left to find (none
			// are, as long as "wx" is a cue).
			if !strings.Contains(s[i:], "wxid_") {
				break
			}
			tail = true
		}
		switch {
		case isDigit(s[i]):
			j := digitsEnd(s, i)
			if m, ok := mobileAt(s, i, j); ok {
				if _, ok := g.before(m.Start, maxCueGap); ok {
					m.Kind = WeChatID
					dst = append(dst, m)
					i = m.End
					continue
				}
			}
			i = j
		case isLower(s[i]) && (i == 0 || !isIDByte(s[i-1])):
			j := tokenEnd(s, i)
			if m, ok := weChatIDAt(&g, i, j); ok {
				dst = append(dst, m)
			}
			i = j
		case isIDByte(s[i]):
			i = tokenEnd(s, i)
		default:
			i = x.nextIDByte(i + 1)
		}
	}
	return dst
}

// weChatIDAt tries to read a WeChat ID in the token s[i:j]; g gates the
// WeChat cues.
func weChatIDAt(g *cueGate, i, j int) (entityMatch, bool) {
	s := g.t.Normalized()
	for j > i && s[j-1] == '-' {
		j--
	}
	tok := s[i:j]
	if strings.HasPrefix(tok, "wxid_") && len(tok) >= 10 && len(tok) <= 32 && !partOfAddress(s, i, j) {
		return entityMatch{Kind: WeChatID, Value: tok, Start: i, End: j}, true
	}
	if len(tok) < 6 || len(tok) > 20 || partOfAddress(s, i, j) || !g.open(i) || isCueWord(tok) {
		return entityMatch{}, false
	}
	gap, ok := cueBefore(g.t, i, weChatCueSet, maxCueGap)
	if !ok {
		return entityMatch{}, false
	}
	if isAllLower(tok) && !idMarkEnds(gap) {
		return entityMatch{}, false
	}
	return entityMatch{Kind: WeChatID, Value: tok, Start: i, End: j}, true
}

// isAllLower reports whether s is made of lower-case ASCII letters only.
func isAllLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) {
			return false
		}
	}
	return true
}

// isHandle reports whether h is a Telegram username: 5–32 letters, digits
// or "_", a letter first.
func isHandle(h string) bool {
	if len(h) < 5 || len(h) > 32 || !isLower(h[0]) {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !isLower(h[i]) && !isDigit(h[i]) && h[i] != '_' {
			return false
		}
	}
	return true
}

// findTelegram appends the Telegram handles and links in t: "@name" with a
// Telegram cue nearby, a bare name right after a cue and a colon ("飞机：
// name"), and every t.me or telegram.me link. The value is "@name", or for
// invitation links the link itself, case preserved.
func findTelegram(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	g := newCueGate(t, telegramCueSet)
	for i, tail := 0, false; i < len(s); {
		if g.closed() && !tail {
			// Without a cue, only t.me links are left to find
			// (telegram.me and telegram.dog hold the cue "telegram").
			if !strings.Contains(s[i:], "t.me/") {
				break
			}
			tail = true
		}
		b := s[i]
		switch {
		case b == '@' && i+1 < len(s) && isLower(s[i+1]) && (i == 0 || !isHandleByte(s[i-1]) && s[i-1] != '.'):
			j := handleEnd(s, i+1)
			h := s[i+1 : j]
			// "@name" is an e-mail domain if a dot and more follow.
			if isHandle(h) && !partOfAddress(s, i, j) {
				_, before := g.before(i, telegramNear)
				if before || cueAfter(s, j, telegramCues, telegramNear) {
					dst = append(dst, entityMatch{Kind: Telegram, Value: "@" + h, Start: i, End: j})
				}
			}
			i = j
		case isLower(b) && (i == 0 || !isIDByte(s[i-1]) && s[i-1] != '.' && s[i-1] != '/' || startsLink(s[i:])):
			// Links start with "http" or "t" (t.me, telegram.me).
			if b == 'h' || b == 't' {
				if m, ok := telegramLinkAt(t, s, i); ok {
					dst = append(dst, m)
					i = m.End
					continue
				}
			}
			j := handleEnd(s, i)
			if isHandle(s[i:j]) && !partOfAddress(s, i, j) && g.open(i) && !isCueWord(s[i:j]) {
				if gap, ok := cueBefore(t, i, telegramCueSet, 3); ok && strings.ContainsAny(gap, ":：") {
					dst = append(dst, entityMatch{Kind: Telegram, Value: "@" + s[i:j], Start: i, End: j})
				}
			}
			i = tokenEnd(s, i)
		case i+1 < len(s) && isLower(s[i+1]):
			i++ // the next word, without the call: Latin text has many
		default:
			i = x.nextLowerOrAt(i + 1)
		}
	}
	return dst
}

func isHandleByte(b byte) bool { return isLower(b) || isDigit(b) || b == '_' }

// handleEnd returns the end of the run of handle bytes starting at i. It
// stops before a link glued to the handle ("@name" + "https://…").
func handleEnd(s string, i int) int {
	start := i
	for i < len(s) && isHandleByte(s[i]) {
		if s[i] == 'h' && i > start && startsLink(s[i:]) {
			break
		}
		i++
	}
	return i
}

// startsLink reports whether s starts with "http://" or "https://".
func startsLink(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// telegramLinkAt tries to read a t.me or telegram.me link at i, with or
// without a scheme.
func telegramLinkAt(t *normalize.Text, s string, i int) (entityMatch, bool) {
	k := i
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(s[k:], scheme) {
			k += len(scheme)
			break
		}
	}
	var host string
	for _, h := range []string{"t.me/", "telegram.me/", "telegram.dog/"} {
		if strings.HasPrefix(s[k:], h) {
			host = h
			break
		}
	}
	if host == "" {
		return entityMatch{}, false
	}
	k += len(host)
	if strings.HasPrefix(s[k:], "s/") {
		k += 2 // channel preview: t.me/s/name
	}
	if j := handleEnd(s, k); isHandle(s[k:j]) && s[k:j] != "joinchat" {
		return entityMatch{Kind: Telegram, Value: "@" + s[k:j], Start: i, End: j}, true
	}
	// Invitation: t.me/+code or t.me/joinchat/code; the code is case
	// sensitive, so take it from the original.
	code := k
	switch {
	case strings.HasPrefix(s[k:], "+"):
		code++
	case strings.HasPrefix(s[k:], "joinchat/"):
		code += len("joinchat/")
	default:
		return entityMatch{}, false
	}
	j := code
	for j < len(s) && (isAlnum(s[j]) || s[j] == '_' || s[j] == '-') {
		j++
	}
	if j-code < 8 {
		return entityMatch{}, false
	}
	v := "https://t.me/" + originalCase(t, k, j, s[k:j])
	return entityMatch{Kind: Telegram, Value: v, Detail: "invite", Start: i, End: j}, true
}
