package indicators

import (
	"strings"

	"github.com/fanzha/fanzha/normalize"
)

// bareTLDs are the top-level domains for which a bare domain ("abc.top")
// counts as a URL. Domains with a scheme or "www." may have any TLD. Left
// out on purpose: endings that are more often file extensions or code
// ("zip", "mov", "py", "js", "md") or words ("in", "is", "id").
var bareTLDs = wordSet("com net org cn top xyz vip cc me io app info club shop site online " +
	"biz co tv ltd link live pro store tech fun icu ink work wang mobi asia " +
	"hk tw mo ph kh la mm th vn my sg jp kr us uk ru de ai ly gl gd im lt so nz " +
	"win bet cash fit today life world space website cloud run dev fans games group email " +
	"bio red pub ren xin kim tk ml ga cf gq")

// shorteners are hosts of link-shortening services, which hide where a
// link goes.
var shorteners = wordSet("t.cn url.cn w.url.cn dwz.cn dwz.date suo.im suo.nz mrw.so sina.lt " +
	"bit.ly tinyurl.com is.gd v.gd t.co goo.gl ow.ly buff.ly cutt.ly rb.gy " +
	"rebrand.ly tiny.cc s.id u.nu 6du.in")

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// isHostByte reports whether b may appear in a host name label.
func isHostByte(b byte) bool { return isAlnum(b) || b == '-' }

// findURLs appends the links in t: URLs with http or https, hosts starting
// with "www.", and bare domains with a TLD from bareTLDs. The value is the
// URL with its scheme ("http://" when none was written), host in lower case
// and the rest as written; the detail flags short links, raw IPv4 hosts and
// bare domains.
func findURLs(x *entityText, dst []entityMatch) []entityMatch {
	t, s := x.t, x.s
	for i := 0; i < len(s); {
		if !isAlnum(s[i]) {
			if i++; i < len(s) && !isAlnum(s[i]) {
				i = x.nextAlnum(i) // the call only past a single separator
			}
			continue
		}
		if i > 0 && (isHostByte(s[i-1]) || strings.IndexByte("._@/%+=&?#~", s[i-1]) >= 0) && !startsLink(s[i:]) {
			// Inside some token that did not start a URL.
			i++
			continue
		}
		if mayStartURL(s, i) {
			if m, ok := urlAt(t, s, i); ok {
				dst = append(dst, m)
				i = m.End
				continue
			}
		}
		// Skip the rest of the token, up to a link glued to it.
		i++
		for i < len(s) && isHostByte(s[i]) && !(s[i] == 'h' && startsLink(s[i:])) {
			i++
		}
	}
	return dst
}

// mayStartURL reports whether urlAt may find a URL at i: one with a
// scheme, or a host whose first label is followed by a dot and another
// label. Most words are not, and are done with here.
func mayStartURL(s string, i int) bool {
	if s[i]|0x20 == 'h' {
		return true
	}
	j := i
	for j < len(s) && isHostByte(s[j]) {
		j++
	}
	return j+1 < len(s) && s[j] == '.' && isHostByte(s[j+1])
}

// urlAt tries to read a URL that starts at i.
func urlAt(t *normalize.Text, s string, i int) (entityMatch, bool) {
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
	lowered := hasUpper(host)
	if lowered {
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
	rest := originalURLPart(t, h, end)
	var value string
	if scheme != "" && !lowered && s[i:k] == scheme && rest == s[h:end] {
		// The URL is as the text has it: no copy.
		value = s[i:end]
	} else {
		if scheme == "" {
			scheme = "http://"
		}
		value = scheme + host + rest
	}
	return entityMatch{Kind: URL, Value: value, Detail: detail, Start: i, End: end}, true
}

// urlDetails holds the Detail strings for every combination of flags, so
// that building one allocates nothing.
var urlDetails = func() (d [8]string) {
	for i := range d {
		var flags []string
		for bit, name := range []string{"short_link", "ip_host", "bare_domain"} {
			if i&(1<<bit) != 0 {
				flags = append(flags, name)
			}
		}
		d[i] = strings.Join(flags, ",")
	}
	return d
}()

// urlDetail returns the Detail of a URL with the given flags.
func urlDetail(short, ip, bare bool) string {
	i := 0
	if short {
		i |= 1
	}
	if ip {
		i |= 2
	}
	if bare {
		i |= 4
	}
	return urlDetails[i]
}

// hostEnd returns the end of the host name starting at k: labels of letters,
// digits and inner hyphens joined by single dots.
func hostEnd(s string, k int) int {
	end := k
	for j := k; ; {
		a := j
		for j < len(s) && isHostByte(s[j]) {
			j++
		}
		if j == a || j-a > 63 || s[a] == '-' || s[j-1] == '-' {
			return end
		}
		end = j
		if j+1 >= len(s) || s[j] != '.' || !isHostByte(s[j+1]) {
			return end
		}
		j++
	}
}

// isAlpha reports whether s is made of ASCII letters only.
func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLower(s[i]) && !('A' <= s[i] && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

// hasUpper reports whether s has an ASCII upper-case letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// isIPv4 reports whether host is the four numbers of an IPv4 address.
func isIPv4(host string) bool {
	for l := range strings.SplitSeq(host, ".") {
		if len(l) == 0 || len(l) > 3 || !isAllDigits(l) || len(l) > 1 && l[0] == '0' {
			return false
		}
		n := 0
		for i := 0; i < len(l); i++ {
			n = n*10 + int(l[i]-'0')
		}
		if n > 255 {
			return false
		}
	}
	return true
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// pathEnd returns the end of the path, query and fragment starting at j:
// ASCII URL characters up to a space or any other character, without
// trailing punctuation that belongs to the sentence.
func pathEnd(s string, j int) int {
	for j < len(s) && s[j] > ' ' && s[j] < 0x7f && strings.IndexByte("<>\"{}|\\^`", s[j]) < 0 {
		j++
	}
	for j > 0 && strings.IndexByte(".,;:!?)]}'", s[j-1]) >= 0 {
		j--
	}
	return j
}

// originalURLPart returns the port, path, query and fragment of a URL, the
// normalized range [start, end), as the original has them if they are plain
// URL characters there: paths are case-sensitive, and the normalizer may
// have removed punctuation it took for separators ("?a=1" → "?a1").
func originalURLPart(t *normalize.Text, start, end int) string {
	norm := t.Normalized()[start:end]
	if start >= end {
		return norm
	}
	os, oe := t.Span(start, end)
	o := t.Original()[os:oe]
	for i := 0; i < len(o); i++ {
		if o[i] <= ' ' || o[i] >= 0x7f {
			return norm
		}
	}
	return o
}

// originalCase returns the original text of the normalized range
// [start, end) if it differs from norm only in letter case, else norm. It
// recovers case-sensitive parts (paths, codes) that normalization lowered.
func originalCase(t *normalize.Text, start, end int, norm string) string {
	if start >= end {
		return norm
	}
	os, oe := t.Span(start, end)
	o := t.Original()[os:oe]
	if len(o) == len(norm) && strings.EqualFold(o, norm) {
		return o
	}
	return norm
}
