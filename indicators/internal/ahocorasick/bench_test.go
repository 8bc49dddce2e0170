package ahocorasick

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// benchAlphabet is a block of 3,000 consecutive CJK ideographs that patterns
// and texts draw from, so that the automaton sees the same mix of deep and
// shallow states as with real keywords and real chat text.
const benchAlphabet = 3000

func hanRune(r *rand.Rand) rune { return rune(0x4e00 + r.IntN(benchAlphabet)) }

// benchPatterns returns n keywords shaped like the catalog's: mostly 2–8 Han
// characters, some lower-case Latin/digit words, a few emoji.
func benchPatterns(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	ps := make([]string, n)
	for i := range ps {
		var b strings.Builder
		switch {
		case i%50 == 0:
			b.WriteRune(rune(0x1f300 + r.IntN(200)))
		case i%10 == 0:
			for range 2 + r.IntN(6) {
				b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789"[r.IntN(36)])
			}
		default:
			for range 2 + r.IntN(3) + r.IntN(2)*r.IntN(4) {
				b.WriteRune(hanRune(r))
			}
		}
		ps[i] = b.String()
	}
	return ps
}

// benchText returns about size bytes of Han text with some ASCII, and, if
// every > 0, one of the patterns inserted every that many runes.
func benchText(size int, patterns []string, every int) string {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for n := 0; b.Len() < size; n++ {
		switch {
		case every > 0 && n%every == 0:
			b.WriteString(patterns[r.IntN(len(patterns))])
		case n%23 == 0:
			b.WriteString(" ok 123 ")
		default:
			b.WriteRune(hanRune(r))
		}
	}
	return b.String()
}

func BenchmarkNew2000(b *testing.B) {
	ps := benchPatterns(2000)
	b.ReportAllocs()
	var m *Matcher
	for b.Loop() {
		m = New(ps)
	}
	b.ReportMetric(float64(m.MemoryBytes()), "table-bytes")
}

func TestMemory3000(t *testing.T) {
	m := New(benchPatterns(3000))
	got := m.MemoryBytes()
	if got > 10<<20 {
		t.Errorf("3,000 patterns use %d bytes, want at most 10 MiB", got)
	}
	t.Logf("3,000 patterns: %d bytes, %d byte classes", got, m.stride)
}

func benchmarkFindAll(b *testing.B, every int) {
	ps := benchPatterns(2000)
	text := benchText(1<<20, ps, every)
	b.Run("automaton", func(b *testing.B) {
		m := New(ps)
		hits := m.FindAll(text, nil)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			hits = m.FindAll(text, hits[:0])
		}
		b.ReportMetric(float64(len(hits))/float64(len(text))*1024, "hits/KiB")
	})
	b.Run("strings.Index", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		var hits []Hit
		for b.Loop() {
			hits = naiveIndexAll(ps, text, hits[:0])
		}
	})
}

// naiveIndexAll is what a user would write without this package: one
// strings.Index loop per pattern.
func naiveIndexAll(patterns []string, text string, dst []Hit) []Hit {
	for id, p := range patterns {
		for off := 0; ; {
			i := strings.Index(text[off:], p)
			if i < 0 {
				break
			}
			dst = append(dst, Hit{int32(id), int32(off + i), int32(off + i + len(p))})
			off += i + 1
		}
	}
	return dst
}

// BenchmarkFindAllFewHits scans Han text in which keywords occur only by
// chance.
func BenchmarkFindAllFewHits(b *testing.B) { benchmarkFindAll(b, 0) }

// BenchmarkFindAllManyHits scans Han text with a keyword every 10 runes.
func BenchmarkFindAllManyHits(b *testing.B) { benchmarkFindAll(b, 10) }

// BenchmarkFindAllParallel scans chat-sized messages from many goroutines
// sharing one Matcher, as a Detector does.
func BenchmarkFindAllParallel(b *testing.B) {
	ps := benchPatterns(2000)
	text := benchText(300, ps, 20)
	m := New(ps)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var hits []Hit
		for pb.Next() {
			hits = m.FindAll(text, hits[:0])
		}
	})
}
