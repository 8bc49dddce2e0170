package ahocorasick

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// naiveFindAll is the reference: every occurrence of every non-empty
// pattern, in the order FindAll documents.
func naiveFindAll(patterns []string, text string) []Hit {
	var hits []Hit
	for id, p := range patterns {
		if p == "" {
			continue
		}
		for i := 0; i+len(p) <= len(text); i++ {
			if text[i:i+len(p)] == p {
				hits = append(hits, Hit{Pattern: int32(id), Start: int32(i), End: int32(i + len(p))})
			}
		}
	}
	slices.SortFunc(hits, compareHits)
	return hits
}

func compareHits(a, b Hit) int {
	if a.End != b.End {
		return int(a.End - b.End)
	}
	if a.Start != b.Start {
		return int(a.Start - b.Start)
	}
	return int(a.Pattern - b.Pattern)
}

func TestFindAll(t *testing.T) {
	tests := []struct {
		name     string
		patterns []string
		text     string
		want     []Hit
	}{
		{"no patterns", nil, "abc", nil},
		{"empty text", []string{"a"}, "", nil},
		{"empty pattern ignored", []string{"", "b"}, "abc", []Hit{{1, 1, 2}}},
		{"classic", []string{"he", "she", "his", "hers"}, "ushers",
			[]Hit{{1, 1, 4}, {0, 2, 4}, {3, 2, 6}}},
		{"overlapping repeats", []string{"aa"}, "aaaa",
			[]Hit{{0, 0, 2}, {0, 1, 3}, {0, 2, 4}}},
		{"nested suffixes", []string{"a", "ba", "cba"}, "xcba",
			[]Hit{{2, 1, 4}, {1, 2, 4}, {0, 3, 4}}},
		{"duplicates", []string{"ab", "ab"}, "ab", []Hit{{0, 0, 2}, {1, 0, 2}}},
		{"han", []string{"微信", "加微信", "信"}, "请加微信谢谢",
			[]Hit{{1, 3, 12}, {0, 6, 12}, {2, 9, 12}}},
		{"han no partial-rune hit", []string{"信"}, "\xe4\xbf", nil},
		{"emoji", []string{"🐧", "qq"}, "加🐧qq", []Hit{{0, 3, 7}, {1, 7, 9}}},
		{"byte outside patterns resets", []string{"abc"}, "abxabc", []Hit{{0, 3, 6}}},
		{"all bytes", []string{allBytes(), "\xff\x00"}, allBytes() + allBytes(),
			[]Hit{{0, 0, 256}, {1, 255, 257}, {0, 256, 512}}},
		{"prefixes of each other", []string{"abc", "a", "ab"}, "abcab",
			[]Hit{{1, 0, 1}, {2, 0, 2}, {0, 0, 3}, {1, 3, 4}, {2, 3, 5}}},
		{"suffixes of each other", []string{"c", "abc", "bc"}, "xabc",
			[]Hit{{1, 1, 4}, {2, 2, 4}, {0, 3, 4}}},
		{"failure to a deep state", []string{"abcd", "bcx", "cxy"}, "abcxy",
			[]Hit{{1, 1, 4}, {2, 2, 5}}},
		{"han prefix and suffix", []string{"微信号", "信号", "微信"}, "微信号码",
			[]Hit{{2, 0, 6}, {0, 0, 9}, {1, 3, 9}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(tt.patterns)
			if m.Len() != len(tt.patterns) {
				t.Errorf("Len() = %d, want %d", m.Len(), len(tt.patterns))
			}
			got := m.FindAll(tt.text, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("FindAll(%q) = %v, want %v", tt.text, got, tt.want)
			}
			if ref := naiveFindAll(tt.patterns, tt.text); !slices.Equal(ref, tt.want) {
				t.Errorf("reference = %v, want %v (test table is wrong)", ref, tt.want)
			}
		})
	}
}

func allBytes() string {
	var b strings.Builder
	for i := range 256 {
		b.WriteByte(byte(i))
	}
	return b.String()
}

func TestFindAllAppends(t *testing.T) {
	m := New([]string{"b"})
	dst := make([]Hit, 1, 8)
	dst[0] = Hit{Pattern: 9}
	got := m.FindAll("abab", dst)
	want := []Hit{{9, 0, 0}, {0, 1, 2}, {0, 3, 4}}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if &got[0] != &dst[0] {
		t.Error("FindAll reallocated although dst had room")
	}
	if n := testing.AllocsPerRun(100, func() { m.FindAll("abab", dst[:0]) }); n != 0 {
		t.Errorf("FindAll with room in dst: %v allocs, want 0", n)
	}
}

// TestWideTable covers the 32-bit transitions, used for automata with
// more than 1<<16 states.
func TestWideTable(t *testing.T) {
	defer func(limit uint64) { narrowLimit = limit }(narrowLimit)
	narrowLimit = 0
	patterns := []string{"he", "she", "his", "hers", "微信", "信"}
	m := New(patterns)
	if m.trans16 != nil || m.trans32 == nil {
		t.Fatal("16-bit table despite narrowLimit = 0")
	}
	text := "ushers加微信his"
	if got, want := m.FindAll(text, nil), naiveFindAll(patterns, text); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// checkSplit compares findAll4, the four-stream scan FindAll uses on long
// texts, with want on any text it accepts, with room for no pending event
// (so that the segments are scanned one after the other), one (so that a
// buffer overflows whenever a stream has two) and many.
func checkSplit(t *testing.T, m *Matcher, text string, want []Hit) {
	t.Helper()
	if m.trans16 == nil || len(text) >= chunkLen+splitMin {
		return
	}
	for _, room := range []int{0, 1, maxPend} {
		got, _ := m.findAll4(text, 0, 0, nil, room)
		if !slices.Equal(got, want) {
			t.Fatalf("findAll4 with room for %d events, text %q: got %v, want %v", room, text, got, want)
		}
	}
}

// TestSplit covers the four-stream scan on texts of every length up to
// beyond two chunks, with and without overflowing pending hits.
func TestSplit(t *testing.T) {
	patterns := []string{"a", "aa", "ab", "bab", "微信", "加微信", "信"}
	m := New(patterns)
	unit := "abab加微信xaab信"
	for n := 0; n <= 2*chunkLen+splitMin+8; n++ {
		text := strings.Repeat(unit, n/len(unit)+1)[:n]
		want := naiveFindAll(patterns, text)
		if got := m.FindAll(text, nil); !slices.Equal(got, want) {
			t.Fatalf("text %q: got %v, want %v", text, got, want)
		}
		checkSplit(t, m, text, want)
	}
	text := strings.Repeat(unit, 20)
	dst := m.FindAll(text, nil)
	if n := testing.AllocsPerRun(100, func() { m.FindAll(text, dst[:0]) }); n != 0 {
		t.Errorf("FindAll on a long text with room in dst: %v allocs, want 0", n)
	}
}

// TestSplitSync covers the fix-up of the streams that start in the middle
// of a text: keywords across the segment and chunk boundaries, states that
// are in step with the stream at once, late or never within a segment,
// depths beyond what Matcher.depth holds, and buffers that overflow.
func TestSplitSync(t *testing.T) {
	long := strings.Repeat("x", 300) // deeper than depthUnknown
	tests := []struct {
		name     string
		patterns []string
		text     string
	}{
		{"no state", []string{"zz"}, strings.Repeat("abcdefgh", 40)},
		{"keyword per rune", []string{"微信", "信号", "微"}, strings.Repeat("加微信号", 70)},
		{"keyword across every boundary", []string{"0123456789abcdefghij"},
			strings.Repeat("0123456789abcdefghij", 60)},
		{"chain longer than a segment", []string{strings.Repeat("a", 200) + "b", "ab"},
			strings.Repeat("a", 700) + "b" + strings.Repeat("a", 100)},
		{"nested prefixes", []string{"a", "aa", "aaa", "aaaa"}, strings.Repeat("a", 600)},
		{"in step after 30 bytes", []string{strings.Repeat("a", 30)}, strings.Repeat("a", 300)},
		{"nested suffixes", []string{"d", "cd", "bcd", "abcd"}, strings.Repeat("abcd", 150)},
		{"depth unknown", []string{long, "xx"}, long + long + "y" + long},
		{"every byte", append(strings.Split(allBytes()[1:], ""), "\x00\xff"),
			strings.Repeat(allBytes(), 3)},
		{"hits at the ends", []string{"<", ">"}, "<" + strings.Repeat(".", 126) + ">"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := New(tt.patterns)
			for _, n := range []int{len(tt.text), len(tt.text) / 2, splitMin, splitMin + 3, chunkLen + splitMin - 1} {
				text := tt.text[:min(n, len(tt.text))]
				want := naiveFindAll(tt.patterns, text)
				if got := m.FindAll(text, nil); !slices.Equal(got, want) {
					t.Fatalf("%d bytes: got %v, want %v", len(text), got, want)
				}
				checkSplit(t, m, text, want)
			}
		})
	}
}

func FuzzFindAll(f *testing.F) {
	f.Add("he\x00she\x00his\x00hers", "ushers")
	f.Add("微信\x00加微信\x00信\x00vx", "请加微信vx谢谢")
	f.Add("a\x00aa\x00aaa\x00\x00a", "aaaaab")
	// Long enough for the four-stream scan, with keywords across its
	// segment boundaries.
	f.Add("微信\x00加微信\x00信号\x00abcabc", strings.Repeat("加微信号abcab", 12))
	f.Fuzz(func(t *testing.T, joined, text string) {
		patterns := strings.Split(joined, "\x00")
		m := New(patterns)
		got := m.FindAll(text, nil)
		want := naiveFindAll(patterns, text)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q text %q: got %v, want %v", patterns, text, got, want)
		}
		checkSplit(t, m, text, want)
	})
}

// TestConcurrent shares one Matcher between goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	patterns := []string{"微信", "加微信", "qq", "刷单", "返利"}
	m := New(patterns)
	text := strings.Repeat("兼职刷单返利，加微信或qq。", 50)
	want := naiveFindAll(patterns, text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var hits []Hit
			for range 20 {
				hits = m.FindAll(text, hits[:0])
				if !slices.Equal(hits, want) {
					t.Error("concurrent FindAll differs from the reference")
					return
				}
			}
		})
	}
	wg.Wait()
}
