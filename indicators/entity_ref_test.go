package indicators

// The entity scanners as they were before they learned to skip to their
// candidates with word-at-a-time searches. FuzzEntitiesReference checks
// that the scanners find exactly what these find.

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

func refFindEntities(t *normalize.Text, kind EntityKind, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	switch kind {
	case MobileCN:
		return refFindMobiles(t, dst)
	case PhoneIntl:
		return refFindIntlPhones(s, dst)
	case QQ:
		return refFindQQ(t, dst)
	case WeChatID:
		return refFindWeChat(t, dst)
	case Telegram:
		return refFindTelegram(t, dst)
	case URL:
		return refFindURLs(t, dst)
	case Wallet:
		return refFindWallets(t, dst)
	case BankCard:
		return refFindBankCards(t, dst)
	}
	return dst
}

func refFindMobiles(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i = skipNonASCII(s, i+1)
			continue
		}
		j := digitsEnd(s, i)
		if m, ok := mobileAt(s, i, j); ok {
			if _, ref := refCueBefore(t, m.Start, referenceCues, 2); !ref {
				dst = append(dst, m)
			}
			i = m.End
			continue
		}
		i = j
	}
	return dst
}

func refFindIntlPhones(s string, dst []entityMatch) []entityMatch {
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
			i = skipNonASCII(s, i+1)
		}
	}
	return dst
}

func refFindBankCards(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	var digits [19]byte
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i = skipNonASCII(s, i+1)
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
			!refIsReference(t, i) {
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

func refIsReference(t *normalize.Text, i int) bool {
	_, ok := refCueBefore(t, i, referenceCues, 2)
	return ok
}

func refFindWallets(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	for i := 0; i < len(s); i++ {
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

func refFindURLs(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) {
			i = skipNonASCII(s, i+1)
			continue
		}
		if i > 0 && (isHostByte(s[i-1]) || strings.IndexByte("._@/%+=&?#~", s[i-1]) >= 0) && !startsLink(s[i:]) {
			// Inside some token that did not start a URL.
			i++
			continue
		}
		if m, ok := refUrlAt(t, s, i); ok {
			dst = append(dst, m)
			i = m.End
			continue
		}
		// Skip the rest of the token, up to a link glued to it.
		i++
		for i < len(s) && isHostByte(s[i]) && !(s[i] == 'h' && startsLink(s[i:])) {
			i++
		}
	}
	return dst
}

func refUrlAt(t *normalize.Text, s string, i int) (entityMatch, bool) {
	scheme := ""
	k := i
	for _, sc := range []string{"https://", "http://"} {
		if len(s)-k >= len(sc) && strings.EqualFold(s[k:k+len(sc)], sc) {
			scheme = sc
			k += len(sc)
			break
		}
	}
	www := len(s)-k >= 4 && strings.EqualFold(s[k:k+4], "www.")
	h := hostEnd(s, k)
	if h == k {
		return entityMatch{}, false
	}
	host := s[k:h]
	if hasUpper(host) {
		host = strings.ToLower(host)
	}
	dots := strings.Count(host, ".")
	tld := host[strings.LastIndexByte(host, '.')+1:]
	ip := dots == 3 && isIPv4(host)
	end := h
	if end+1 < len(s) && s[end] == ':' && isDigit(s[end+1]) {
		end = digitsEnd(s, end+1) // port
	}
	hasPath := end < len(s) && strings.IndexByte("/?#", s[end]) >= 0
	switch {
	case dots == 0 || end < len(s) && s[end] == '@':
		return entityMatch{}, false
	case ip:
		// A bare dotted quad is as likely a version number.
		if scheme == "" && end == h && !hasPath {
			return entityMatch{}, false
		}
	case !isAlpha(tld) || len(tld) < 2:
		return entityMatch{}, false
	case scheme == "" && www:
		if dots < 2 {
			return entityMatch{}, false
		}
	case scheme == "" && !bareTLDs[tld]:
		return entityMatch{}, false
	}
	if hasPath {
		end = pathEnd(s, end)
	}
	detail := urlDetail(shorteners[strings.TrimPrefix(host, "www.")], ip, scheme == "" && !www)
	if scheme == "" {
		scheme = "http://"
	}
	rest := originalURLPart(t, h, end)
	return entityMatch{
		Kind: URL, Value: strings.ToLower(scheme) + host + rest,
		Detail: detail, Start: i, End: end,
	}, true
}

func refFindQQ(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i = skipNonASCII(s, i+1)
			continue
		}
		j := digitsEnd(s, i)
		if n := j - i; 5 <= n && n <= 11 && s[i] != '0' && isolatedLeft(s, i) && isolatedRight(s, j) && !unitAfter(s, j) {
			if _, ok := refCueBefore(t, i, qqCues, maxCueGap); ok {
				dst = append(dst, entityMatch{Kind: QQ, Value: s[i:j], Start: i, End: j})
			}
		}
		i = j
	}
	return dst
}

func refFindWeChat(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	for i := 0; i < len(s); {
		switch {
		case isDigit(s[i]):
			j := digitsEnd(s, i)
			if m, ok := mobileAt(s, i, j); ok {
				if _, ok := refCueBefore(t, m.Start, weChatCues, maxCueGap); ok {
					m.Kind = WeChatID
					dst = append(dst, m)
					i = m.End
					continue
				}
			}
			i = j
		case isLower(s[i]) && (i == 0 || !isIDByte(s[i-1])):
			j := tokenEnd(s, i)
			if m, ok := refWeChatIDAt(t, i, j); ok {
				dst = append(dst, m)
			}
			i = j
		case isIDByte(s[i]):
			i = tokenEnd(s, i)
		default:
			i = skipNonASCII(s, i+1)
		}
	}
	return dst
}

func refWeChatIDAt(t *normalize.Text, i, j int) (entityMatch, bool) {
	s := t.Normalized()
	for j > i && s[j-1] == '-' {
		j--
	}
	tok := s[i:j]
	if strings.HasPrefix(tok, "wxid_") && len(tok) >= 10 && len(tok) <= 32 && !partOfAddress(s, i, j) {
		return entityMatch{Kind: WeChatID, Value: tok, Start: i, End: j}, true
	}
	if len(tok) < 6 || len(tok) > 20 || partOfAddress(s, i, j) || isCueWord(tok) {
		return entityMatch{}, false
	}
	gap, ok := refCueBefore(t, i, weChatCues, maxCueGap)
	if !ok {
		return entityMatch{}, false
	}
	if strings.TrimLeft(tok, "abcdefghijklmnopqrstuvwxyz") == "" && !idMarkEnds(gap) {
		return entityMatch{}, false
	}
	return entityMatch{Kind: WeChatID, Value: tok, Start: i, End: j}, true
}

func refFindTelegram(t *normalize.Text, dst []entityMatch) []entityMatch {
	s := t.Normalized()
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b == '@' && i+1 < len(s) && isLower(s[i+1]) && (i == 0 || !isHandleByte(s[i-1]) && s[i-1] != '.'):
			j := handleEnd(s, i+1)
			h := s[i+1 : j]
			// "@name" is an e-mail domain if a dot and more follow.
			if isHandle(h) && !partOfAddress(s, i, j) {
				_, before := refCueBefore(t, i, telegramCues, telegramNear)
				if before || cueAfter(s, j, telegramCues, telegramNear) {
					dst = append(dst, entityMatch{Kind: Telegram, Value: "@" + h, Start: i, End: j})
				}
			}
			i = j
		case isLower(b) && (i == 0 || !isIDByte(s[i-1]) && s[i-1] != '.' && s[i-1] != '/' || startsLink(s[i:])):
			if m, ok := telegramLinkAt(t, s, i); ok {
				dst = append(dst, m)
				i = m.End
				continue
			}
			j := handleEnd(s, i)
			if isHandle(s[i:j]) && !partOfAddress(s, i, j) && !isCueWord(s[i:j]) {
				if gap, ok := refCueBefore(t, i, telegramCues, 3); ok && strings.ContainsAny(gap, ":：") {
					dst = append(dst, entityMatch{Kind: Telegram, Value: "@" + s[i:j], Start: i, End: j})
				}
			}
			i = tokenEnd(s, i)
		default:
			i = skipNonASCII(s, i+1)
		}
	}
	return dst
}

func refCueBefore(t *normalize.Text, i int, cues []cue, maxGap int) (gap string, ok bool) {
	s := t.Normalized()
	k := i
	for n := 0; ; n++ {
		if c, ok := refCueAt(s, k, cues, s[k:i]); ok {
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

// refCueAt is cueAt trying every cue of the list in turn.
func refCueAt(s string, k int, cues []cue, gap string) (cue, bool) {
	for _, c := range cues {
		if !strings.HasSuffix(s[:k], c.word) {
			continue
		}
		a := k - len(c.word)
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

// entityRefSeeds returns texts for comparing the scanners with the
// reference: the entity tests, the benchmark texts and some that put cues,
// numbers and links next to each other.
func entityRefSeeds() []string {
	seeds := []string{
		"", "a", "0", "+", "@", "t", "T", "0x",
		"the quarterly report is due on friday. please send your numbers",
		"vx:abcdef 微信号：wxid_abcdefghij v 13812345678 飞机：job_offer tg @handle_one",
		"qq 87654321 扣扣：123456 企鹅 5566778 🐧12345678 q号 99999",
		"订单号6222021234567890128 卡号 6222 0212 3456 7890 128",
		"+855 12 345 678 00855-12-345-678 +63 (917) 123 4567 0x52908400098527886E0F7030069857D2E4169EE7",
		"TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj t.me/joinchat/AbCdEfGhIj https://t.me/+AbCdEfGh12 telegram.me/s/channel",
		"http://Example.COM:8080/a?b=1#c www.abc.co.uk abc.top 192.168.1.1/x https://1.2.3.4 x.zip",
		"wechatabcdef weixin: hello_world vx abc-def- 微 abcdefg v：abcdefgh",
		// No cue at all, then what needs none.
		"hello world1 abcdefg wxid_abcdefghij",
		"please review together t.me/abcdefgh",
		"please review together telegram.dog/joinchat/AbCdEfGhIj",
		"please review together https://telegram.me/abcdefgh",
		// A cue as far before the contact as it may be, after another
		// candidate.
		"aaaaaaa1 微信号码就是这个abcdefg1 aaaaaaa2 微信😀😀😀😀😀😀abcdefg2",
		"qq 123456 扣扣号码就是这个654321 企鹅😀😀😀😀😀😀7654321",
		"@someone1 飞机号码就是这个很好的一个人啊@handle_two 飞机😀😀😀😀😀😀😀😀😀😀😀😀@handle_three",
	}
	for _, tt := range entityTests {
		seeds = append(seeds, tt.text)
	}
	seeds = append(seeds, benchSMS...)
	seeds = append(seeds, benchShort...)
	seeds = append(seeds, benchLong...)
	return seeds
}

// TestEntitiesReference checks that the scanners find exactly what the
// reference scanners find on the seeds.
func TestEntitiesReference(t *testing.T) {
	for _, s := range entityRefSeeds() {
		checkEntitiesReference(t, s)
	}
}

// FuzzEntitiesReference checks that the scanners find exactly what the
// reference scanners find on any input.
func FuzzEntitiesReference(f *testing.F) {
	for _, s := range entityRefSeeds() {
		f.Add(s)
	}
	f.Fuzz(checkEntitiesReference)
}

func checkEntitiesReference(t *testing.T, in string) {
	text := normalize.Normalize(in)
	for _, k := range EntityKinds {
		got := findEntities(&text, k, nil)
		want := refFindEntities(&text, k, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("%s in %q:\n got %v\nwant %v", k, in, got, want)
		}
	}
}
