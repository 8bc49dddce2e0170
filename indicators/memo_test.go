package indicators

import "testing"

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

// TestNeedMarks checks the marks of markNeeds against the hits themselves:
// a leaf's necessary set is marked on a text exactly when one of its forms
// occurs there.
func TestNeedMarks(t *testing.T) {
	d := defaultDetector()
	texts := append(append([]string{}, benchSMS...), benchShort...)
	for _, r := range d.Rules() {
		texts = append(texts, r.Match...)
	}
	var leaves []*cnode
	var walk func(n *cnode)
	walk = func(n *cnode) {
		if n.needSlot >= 0 {
			leaves = append(leaves, n)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	for i := range d.c.rules {
		walk(d.c.rules[i].root)
	}
	if len(leaves) == 0 {
		t.Fatal("no leaf has a necessary set")
	}
	marked := 0
	for _, text := range texts {
		s := d.c.getScan(text)
		for _, n := range leaves {
			want := false
			for _, p := range n.needs.pats {
				want = want || s.first[p] != 0
			}
			if got := s.needHit[n.needSlot] == s.gen; got != want {
				t.Fatalf("%q: leaf %v marked %v, want %v", text, n.terms, got, want)
			}
			if want {
				marked++
			}
		}
		d.c.putScan(s)
	}
	if marked == 0 {
		t.Error("no leaf was marked on any text")
	}
}
