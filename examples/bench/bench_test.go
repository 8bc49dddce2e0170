package bench

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/coregx/ahocorasick"
	"github.com/fanzha/fanzha/indicators"
)

// corpus reads a file of the indicators package's benchmark corpus.
func corpus(tb testing.TB, name string) string {
	b, err := os.ReadFile("../../indicators/testdata/bench/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// classes returns the size classes of the corpus (short and SMS messages
// one per line, long posts separated by "=====" lines) and 1 KB and 1 MB of
// the short messages repeated.
func classes(tb testing.TB) []struct {
	name  string
	texts []string
} {
	lines := func(name string) []string {
		return strings.Split(strings.TrimSuffix(corpus(tb, name), "\n"), "\n")
	}
	short, sms := lines("short.txt"), lines("sms.txt")
	unit := strings.Join(short, "\n") + "\n" // as in the indicators size sweep
	sized := func(n int) []string {
		s := strings.Repeat(unit, n/len(unit)+1)[:n]
		return []string{strings.ToValidUTF8(s, "")}
	}
	return []struct {
		name  string
		texts []string
	}{
		{"short", short},
		{"sms", sms},
		{"long", strings.Split(corpus(tb, "long.txt"), "=====\n")},
		{"1KB", sized(1 << 10)},
		{"1MB", sized(1 << 20)},
	}
}

// bareScanner builds the baseline: the default catalog's keyword forms in
// a leftmost-first automaton.
func bareScanner(tb testing.TB, d *indicators.Detector) *ahocorasick.Automaton {
	ac, err := ahocorasick.NewBuilder().
		SetMatchKind(ahocorasick.LeftmostFirst).
		AddStrings(d.Keywords()).
		Build()
	if err != nil {
		tb.Fatal(err)
	}
	return ac
}

// BenchmarkCompare runs, for each size class, the bare scan (scan=ac) and
// the full Detect (scan=detect, and scan=detectto into a reused report) on
// the same texts.
func BenchmarkCompare(b *testing.B) {
	d := indicators.Default()
	ac := bareScanner(b, d)
	for _, c := range classes(b) {
		size := 0
		raw := make([][]byte, len(c.texts)) // converted once: not part of the scan
		for i, t := range c.texts {
			size += len(t)
			raw[i] = []byte(t)
		}
		b.Run(fmt.Sprintf("text=%s/scan=ac", c.name), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range raw {
					ac.FindAll(t, -1)
				}
			}
		})
		b.Run(fmt.Sprintf("text=%s/scan=detect", c.name), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range c.texts {
					d.Detect(t)
				}
			}
		})
		// DetectTo into one reused report, as a loop over a stream can.
		b.Run(fmt.Sprintf("text=%s/scan=detectto", c.name), func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			ctx := context.Background()
			var rep indicators.Report
			for b.Loop() {
				for _, t := range c.texts {
					d.DetectTo(ctx, t, &rep)
				}
			}
		})
	}
}

// TestBaseline checks that the comparison is meaningful: the bare scan
// finds keywords in the corpus, and the keyword set is the catalog's.
func TestBaseline(t *testing.T) {
	d := indicators.Default()
	ac := bareScanner(t, d)
	if got, want := ac.PatternCount(), len(d.Keywords()); got != want {
		t.Fatalf("automaton has %d patterns, detector %d keywords", got, want)
	}
	hits := 0
	for _, c := range classes(t) {
		for _, s := range c.texts {
			hits += len(ac.FindAll([]byte(s), -1))
		}
	}
	if hits == 0 {
		t.Error("the bare scan finds no keyword in the corpus")
	}
}
