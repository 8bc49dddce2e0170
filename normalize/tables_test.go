package normalize

import (
	"bufio"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

const openccDir = "../third_party/opencc/"

// readOpenCC returns the entries of an OpenCC dictionary: key and
// candidates.
func readOpenCC(t *testing.T, name string) map[string][]string {
	t.Helper()
	f, err := os.Open(openccDir + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", name, line)
		}
		out[k] = strings.Fields(v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCharacterTable checks the generated character table against
// TSCharacters.txt, entry by entry and for every other rune.
func TestCharacterTable(t *testing.T) {
	dict := readOpenCC(t, "TSCharacters.txt")
	first := map[rune]rune{}
	for k, cands := range dict {
		r, _ := utf8.DecodeRuneInString(k)
		first[r], _ = utf8.DecodeRuneInString(cands[0])
	}
	first['帳'] = '账' // the documented override
	// want follows chains such as 薴 → 苧 → 苎 to the end.
	want := func(r rune) rune {
		for {
			v, ok := first[r]
			if !ok || v == r {
				return r
			}
			r = v
		}
	}
	checked := 0
	for r := rune(0); r < utf8.MaxRune; r++ {
		inf := lookup(r)
		op := inf.op()
		k := string(r)
		cands, inDict := dict[k]
		switch w := want(r); {
		case !inDict:
			if op == opTrad || op == opTradAmbiguous {
				t.Errorf("%U %s is not in TSCharacters but folds to %c", r, k, inf.payload())
			}
		case w == r:
			if op == opTrad || op == opTradAmbiguous {
				t.Errorf("%U %s folds to %c, want itself (candidates %v)", r, k, inf.payload(), cands)
			}
		default:
			checked++
			if op != opTrad && op != opTradAmbiguous || inf.payload() != w {
				t.Errorf("%U %s: op %d payload %c, want %c", r, k, op, inf.payload(), w)
			}
			if amb := op == opTradAmbiguous; amb != (len(cands) > 1) {
				t.Errorf("%U %s: ambiguous %v with candidates %v", r, k, amb, cands)
			}
		}
	}
	if checked < 3000 {
		t.Errorf("only %d characters fold", checked)
	}
}

// TestPhraseTable checks the generated phrase list against TSPhrases.txt:
// every OpenCC phrase is there with its first candidate (after the
// documented repairs), and every other entry is an identity phrase added
// to keep the fold idempotent.
func TestPhraseTable(t *testing.T) {
	dict := readOpenCC(t, "TSPhrases.txt")
	chars := readOpenCC(t, "TSCharacters.txt")
	got := map[string]phrase{}
	for i, p := range phrases {
		if i > 0 && phrases[i-1].key >= p.key {
			t.Fatalf("phrases not sorted at %q", p.key)
		}
		got[p.key] = p
		r, _ := utf8.DecodeRuneInString(p.key)
		if !lookup(r).phrase() {
			t.Errorf("%q: first rune not marked as a phrase start", p.key)
		}
		if utf8.RuneCountInString(p.key) != utf8.RuneCountInString(p.value) {
			t.Errorf("%q → %q changes the rune count", p.key, p.value)
		}
	}
	for key, cands := range dict {
		p, ok := got[key]
		if !ok {
			t.Errorf("phrase %q missing", key)
			continue
		}
		want := []rune(cands[0])
		for i, r := range []rune(key) {
			switch c := chars[string(r)]; {
			case r == '帳' && want[i] == '帐':
				want[i] = '账'
			case want[i] == r && len(c) == 1 && c[0] != string(r):
				// OpenCC copied a character that has one simplified form.
				want[i], _ = utf8.DecodeRuneInString(c[0])
			}
		}
		if p.value != string(want) || p.ambiguous != (len(cands) > 1) {
			t.Errorf("phrase %q = %q (ambiguous %v), want %q (%v)", key, p.value, p.ambiguous, string(want), len(cands) > 1)
		}
		delete(got, key)
	}
	for key, p := range got {
		if p.value != key || p.ambiguous {
			t.Errorf("extra phrase %q → %q is not an identity", key, p.value)
		}
	}
	for _, s := range phraseStarts {
		for _, p := range phrases[s.lo:s.hi] {
			if !strings.HasPrefix(p.key, string(s.r)) {
				t.Errorf("phraseStarts %c holds %q", s.r, p.key)
			}
		}
	}
}

// TestWidthTable checks the width and compatibility folds of every rune
// against golang.org/x/text.
func TestWidthTable(t *testing.T) {
	if norm.Version != UnicodeVersion {
		t.Skipf("x/text has Unicode %s, tables have %s", norm.Version, UnicodeVersion)
	}
	digits := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		inf := lookup(r)
		if inf.class() == classInvisible {
			if inf.op() != opNone {
				t.Errorf("%U is invisible but has op %d", r, inf.op())
			}
			continue
		}
		s := string(r)
		want := norm.NFKC.String(s)
		if d, ok := digitForm(r); ok {
			want = d
			digits++
		}
		op := inf.op()
		if want == s {
			if op == opWidth || op == opCompat {
				t.Errorf("%U %q folds to %q, want no fold", r, s, foldString(inf))
			}
			continue
		}
		if op != opWidth && op != opCompat {
			t.Errorf("%U %q has op %d, want fold to %q", r, s, op, want)
			continue
		}
		if got := foldString(inf); got != want {
			t.Errorf("%U %q folds to %q, want %q", r, s, got, want)
		}
		if isWidth := width.Fold.String(s) != s; isWidth != (op == opWidth) {
			t.Errorf("%U %q: op %d, width.Fold changes it: %v", r, s, op, isWidth)
		}
	}
	if digits != 71 {
		t.Errorf("%d digit forms, want 71", digits)
	}
}

// digitForm returns the documented fold of the circled, parenthesised and
// dingbat digits where it differs from NFKC.
func digitForm(r rune) (string, bool) {
	ranges := []struct {
		lo, hi rune
		first  int
	}{
		{'⑴', '⒇', 1}, {'❶', '❿', 1}, {'➀', '➉', 1}, {'➊', '➓', 1},
		{'⓫', '⓴', 11}, {'⓵', '⓾', 1}, {'⓿', '⓿', 0},
	}
	for _, rg := range ranges {
		if rg.lo <= r && r <= rg.hi {
			n := int(r-rg.lo) + rg.first
			if n >= 10 {
				return string(rune('0'+n/10)) + string(rune('0'+n%10)), true
			}
			return string(rune('0' + n)), true
		}
	}
	return "", false
}

// TestClasses spot-checks the classes the separator rule relies on.
func TestClasses(t *testing.T) {
	tests := []struct {
		r     rune
		class int
	}{
		{'a', classAlnum}, {'7', classAlnum}, {'é', classAlnum}, {'д', classAlnum},
		{'微', classCJK}, {'か', classCJK}, {'ー', classCJK}, {'한', classCJK}, {'〇', classCJK},
		{'✈', classCJK}, {'🐧', classCJK}, {'💰', classCJK}, {'🎰', classCJK}, {0x1F6EB, classCJK},
		{' ', classSep}, {'\n', classSep}, {0x3000, classSep}, {0xA0, classSep}, {'-', classSep},
		{'·', classSep}, {'‧', classSep}, {'🌹', classSep}, {'😀', classSep}, {'+', classSep},
		{'@', classSep}, {'，', classSep}, {0x20E3, classSep},
		{0x200B, classInvisible}, {0xFE0F, classInvisible}, {0x3164, classInvisible},
		{0xE0100, classInvisible}, {0xE0041, classInvisible}, {0x2800, classInvisible},
		{0, classOther}, {0xFFFD, classOther}, {0xE000, classOther}, {0x10FFFF, classOther},
	}
	for _, tt := range tests {
		if got := lookup(tt.r).class(); got != tt.class {
			t.Errorf("class of %U = %d, want %d", tt.r, got, tt.class)
		}
	}
}
