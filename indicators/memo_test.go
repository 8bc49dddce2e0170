package indicators

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestMemoIDs checks which nodes share a memo entry: only nodes that give
// the same answers on every text.
func TestMemoIDs(t *testing.T) {
	contact := func() Indicator { return Near(8, Keywords("加", "添加"), Aliases("微信", "vx")) }
	d := MustCompile([]Rule{
		testRule("a", 10, All(Keywords("兼职"), contact())),
		testRule("b", 10, All(Keywords("刷单"), contact())),
		testRule("c", 10, All(Keywords("兼职"), Near(9, Keywords("加", "添加"), Aliases("微信", "vx")))),
		testRule("d", 10, All(Keywords("兼职"), Pattern(`日结\d+`, "日结"))),
		testRule("e", 10, All(Keywords("兼职"), Pattern(`日结\d+`, "日结", "结"))),
		testRule("f", 10, All(Substrings("兼职"), Pattern(`日结\d+`, "日结"))),
	}, Config{SkipExamples: true})
	root := func(i int) *cnode { return d.c.rules[i].root }
	for _, tc := range []struct {
		name string
		a, b *cnode
		same bool
	}{
		{"same subtree in two rules", root(0).kids[1], root(1).kids[1], true},
		{"same keywords in two rules", root(0).kids[0], root(2).kids[0], true},
		{"different windows", root(0).kids[1], root(2).kids[1], false},
		{"different first child", root(0), root(1), false},
		{"same pattern, other prefilter", root(3).kids[1], root(4).kids[1], false},
		{"keywords and substrings", root(3).kids[0], root(5).kids[0], false},
		{"same pattern and prefilter", root(3).kids[1], root(5).kids[1], true},
	} {
		if got := tc.a.id == tc.b.id; got != tc.same {
			t.Errorf("%s: ids %d and %d, want same=%v", tc.name, tc.a.id, tc.b.id, tc.same)
		}
	}
	if a, b := root(0).kids[0], root(5).kids[0]; a.slot == b.slot {
		t.Errorf("keywords and substrings share keyword slot %d", a.slot)
	}
}

// TestSharedMemo compares the default catalog with and without the memo
// of shared nodes on the catalog's examples and the benchmark corpus: the
// reports must be the same, and the memo must be used.
func TestSharedMemo(t *testing.T) {
	with := MustCompile(DefaultRules(), Config{SkipExamples: true})
	without := MustCompile(DefaultRules(), Config{SkipExamples: true})
	shared := 0
	for i := range without.c.rules {
		var walk func(n *cnode)
		walk = func(n *cnode) {
			if n.shared {
				shared++
			}
			n.shared = false
			for _, k := range n.kids {
				walk(k)
			}
		}
		walk(without.c.rules[i].root)
	}
	if shared == 0 {
		t.Fatal("no node of the default catalog is marked shared")
	}
	texts := corpusAndExamples(with)
	reused := 0
	for _, text := range texts {
		got, want := with.Detect(text), without.Detect(text)
		if !reflect.DeepEqual(exportedOnly(got), exportedOnly(want)) {
			t.Errorf("%.40q: the memo of shared nodes changes the report:\n got %+v\nwant %+v", text, got, want)
		}
		s := with.c.getScan(text)
		s.markCandidates()
		s.run(context.Background(), &Report{})
		for _, m := range s.evm {
			if m.gen == s.gen {
				reused++
				break
			}
		}
		with.c.putScan(s)
	}
	if reused*4 < len(texts) {
		t.Errorf("the memo held a result for %d of %d texts, want a quarter at least", reused, len(texts))
	}
}

// TestCompactNodes checks that after Compile every node id has exactly one
// node, shared by all the rules that have that structure.
func TestCompactNodes(t *testing.T) {
	d := Default()
	byID := map[int32]*cnode{}
	var walk func(n *cnode)
	walk = func(n *cnode) {
		if m, ok := byID[n.id]; ok && m != n {
			t.Fatalf("id %d has two nodes", n.id)
		}
		byID[n.id] = n
		for _, k := range n.kids {
			walk(k)
		}
	}
	for i := range d.c.rules {
		walk(d.c.rules[i].root)
	}
	if len(byID) != d.c.nodes {
		t.Errorf("%d nodes reachable, %d ids", len(byID), d.c.nodes)
	}
}

// TestMemoKeywordsBounds checks that memoKeywords gives the result of
// keywords whether it keeps it or not, keeps it in s.kwBuf only within the
// bounds, and leaves the results kept before as they were.
func TestMemoKeywordsBounds(t *testing.T) {
	d := MustCompile([]Rule{testRule("kw", 10, Keywords("兼职"))}, Config{SkipExamples: true})
	n := d.c.rules[0].root
	for _, tc := range []struct {
		name   string
		hits   int // of the keyword in the text
		before int // matches kept in s.kwBuf before
		kept   bool
	}{
		{"none", 0, 0, true},
		{"few", 3, 0, true},
		{"at the result bound", kwMemoMaxResult, 0, true},
		{"over the result bound", kwMemoMaxResult + 1, 0, false},
		{"fills the buffer", 3, kwMemoMaxTotal - 3, true},
		{"over the total bound", 3, kwMemoMaxTotal - 2, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := d.c.getScan(strings.Repeat("兼职 ", tc.hits))
			defer d.c.putScan(s)
			want := slices.Clone(s.keywords(n))
			if len(want) != tc.hits {
				t.Fatalf("keywords found %d matches, want %d", len(want), tc.hits)
			}
			s.buf = s.buf[:0]
			old := make([]imatch, tc.before)
			for i := range old {
				old[i] = imatch{start: int32(i), end: int32(i + 1), term: "before"}
			}
			s.kwBuf = append(s.kwBuf[:0], old...)
			s.kwm[n.slot] = kwMemo{}
			same := func(a, b imatch) bool { return reflect.DeepEqual(a, b) }
			for try := range 2 {
				got := s.memoKeywords(n)
				if !slices.EqualFunc(got, want, same) {
					t.Fatalf("call %d: got %v, want %v", try, got, want)
				}
				if !slices.EqualFunc(s.kwBuf[:tc.before], old, same) {
					t.Fatalf("call %d: the results kept before were written", try)
				}
				wantLen := tc.before
				if tc.kept {
					wantLen += tc.hits
				}
				if len(s.kwBuf) != wantLen {
					t.Fatalf("call %d: len(kwBuf) = %d, want %d", try, len(s.kwBuf), wantLen)
				}
				if kept := s.kwm[n.slot].gen == s.gen; kept != tc.kept {
					t.Fatalf("call %d: kept = %v, want %v", try, kept, tc.kept)
				}
			}
		})
	}
}
