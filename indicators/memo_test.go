package indicators

import (
	"context"
	"reflect"
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
