package indicators

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"testing"
	"unicode/utf8"

	"github.com/fanzha/fanzha/internal/benchcpu"
)

// The performance benchmarks of issue 6: the default catalog on each size
// class of the corpus in benchdata_test.go, serially and in parallel, a
// size sweep, and the compilation of the catalog. Compare MB/s: the targets
// are stated in terms of throughput.

// A benchClass is a named set of texts scanned by one sub-benchmark.
type benchClass struct {
	name  string
	texts []string
}

var benchClasses = []benchClass{
	{"short", benchShort},
	{"sms", benchSMS},
	{"long", benchLong},
}

// smsByVerdict splits the SMS mix into the messages d flags and the others.
func smsByVerdict(d *Detector) (flagged, unflagged []string) {
	for _, t := range benchSMS {
		if d.Detect(t).Flagged {
			flagged = append(flagged, t)
		} else {
			unflagged = append(unflagged, t)
		}
	}
	return flagged, unflagged
}

// streamShare is the share of scams in benchStream: one message in twenty.
const streamShare = 20

// benchStream is the SMS mix with the proportions of a real stream, in
// which most messages are innocent: each flagged message of the mix
// follows streamShare-1 innocent ones.
func benchStream(d *Detector) []string {
	flagged, unflagged := smsByVerdict(d)
	var out []string
	for i, f := range flagged {
		for j := range streamShare - 1 {
			out = append(out, unflagged[(i*(streamShare-1)+j)%len(unflagged)])
		}
		out = append(out, f)
	}
	return out
}

// detectClasses are the classes of BenchmarkDetect and BenchmarkDetectTo:
// the size classes, the SMS mix split by verdict (a report that explains
// findings costs more than one that finds nothing), and the SMS stream.
func detectClasses(d *Detector) []benchClass {
	flagged, unflagged := smsByVerdict(d)
	return append(benchClasses[:len(benchClasses):len(benchClasses)],
		benchClass{"sms-flagged", flagged}, benchClass{"sms-unflagged", unflagged},
		benchClass{"sms-stream", benchStream(d)})
}

func BenchmarkDetect(b *testing.B) {
	d := Default()
	for _, c := range detectClasses(d) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(totalLen(c.texts)))
			b.ReportAllocs()
			defer benchcpu.Metric(b, totalLen(c.texts))()
			for b.Loop() {
				for _, t := range c.texts {
					d.Detect(t)
				}
			}
		})
	}
	b.Run("clean100", func(b *testing.B) {
		b.SetBytes(int64(len(benchClean100)))
		b.ReportAllocs()
		defer benchcpu.Metric(b, len(benchClean100))()
		for b.Loop() {
			d.Detect(benchClean100)
		}
	})
}

// BenchmarkDetectTo is BenchmarkDetect scanning into one reused Report,
// as a moderation loop over a stream of messages can.
func BenchmarkDetectTo(b *testing.B) {
	d := Default()
	ctx := context.Background()
	for _, c := range detectClasses(d) {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(totalLen(c.texts)))
			b.ReportAllocs()
			defer benchcpu.Metric(b, totalLen(c.texts))()
			var rep Report
			for b.Loop() {
				for _, t := range c.texts {
					d.DetectTo(ctx, t, &rep)
				}
			}
		})
	}
}

func BenchmarkDetectParallel(b *testing.B) {
	d := Default()
	for _, c := range benchClasses {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(totalLen(c.texts)))
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					for _, t := range c.texts {
						d.Detect(t)
					}
				}
			})
		})
		// DetectTo, each goroutine into a report of its own.
		b.Run("to-"+c.name, func(b *testing.B) {
			b.SetBytes(int64(totalLen(c.texts)))
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				var rep Report
				ctx := context.Background()
				for pb.Next() {
					for _, t := range c.texts {
						d.DetectTo(ctx, t, &rep)
					}
				}
			})
		})
	}
}

// BenchmarkDetectSize scans 1 KB to 1 MB of the SMS mix: MB/s should not
// fall as the text grows.
func BenchmarkDetectSize(b *testing.B) {
	d := Default()
	for _, n := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20} {
		text := benchSized(n)
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			defer benchcpu.Metric(b, len(text))()
			for b.Loop() {
				d.Detect(text)
			}
		})
	}
}

// BenchmarkCompileDefault compiles the default catalog. Besides the
// allocations of compiling, it reports heap-B, the live heap that one
// compiled Detector holds.
func BenchmarkCompileDefault(b *testing.B) {
	rules := DefaultRules()
	b.ReportAllocs()
	defer benchcpu.Metric(b, 0)()
	for b.Loop() {
		MustCompile(rules, Config{SkipExamples: true})
	}
	b.StopTimer()
	b.ReportMetric(float64(detectorHeap(rules)), "heap-B")
}

// detectorHeap returns the growth of the live heap caused by compiling
// rules into a Detector that stays reachable.
func detectorHeap(rules []Rule) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := MustCompile(rules, Config{SkipExamples: true})
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}

// TestBenchCorpus keeps the corpus in its size classes and the clean
// message clean, so that the benchmarks measure what they say.
func TestBenchCorpus(t *testing.T) {
	for _, c := range []struct {
		name     string
		texts    []string
		min, max int
		count    func(string) int
	}{
		{"short", benchShort, 10, 60, utf8.RuneCountInString},
		{"sms", benchSMS, 60, 200, utf8.RuneCountInString},
		{"long", benchLong, 1 << 10, 5 << 10, func(s string) int { return len(s) }},
	} {
		for i, s := range c.texts {
			if n := c.count(s); n < c.min || n > c.max {
				t.Errorf("%s[%d]: size %d, want %d–%d", c.name, i, n, c.min, c.max)
			}
		}
	}
	if n := utf8.RuneCountInString(benchClean100); n < 90 || n > 110 {
		t.Errorf("benchClean100 has %d runes, want about 100", n)
	}
	d := Default()
	if r := d.Detect(benchClean100); len(r.Findings) > 0 || len(r.Entities) > 0 {
		t.Errorf("benchClean100 fires: %v", r)
	}
	fired := 0
	for _, c := range benchClasses {
		for _, s := range c.texts {
			if d.Detect(s).Flagged {
				fired++
			}
		}
	}
	if fired == 0 {
		t.Error("no message of the corpus is flagged; the mix has no scams")
	}
	stream, flagged := benchStream(d), 0
	for _, s := range stream {
		if d.Detect(s).Flagged {
			flagged++
		}
	}
	if flagged == 0 || flagged*streamShare != len(stream) {
		t.Errorf("the SMS stream flags %d of %d messages, want one in %d", flagged, len(stream), streamShare)
	}
}

// TestDetectAllocs checks the allocation targets: a clean message of about
// 100 characters costs at most 5 allocations, and scanning does not
// allocate in proportion to the number of rules, only to what it reports
// (at most 2 allocations per finding: its explanation tree and the names
// of its kinds of disguise).
func TestDetectAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	d := Default()
	d.Detect(benchClean100) // fill the pool
	if n := testing.AllocsPerRun(100, func() { d.Detect(benchClean100) }); n > 5 {
		t.Errorf("clean 100-character message: %v allocations, want ≤ 5", n)
	}
	for _, text := range []string{benchClean100, benchSMS[8], benchSMS[13]} {
		var allocs, findings [2]float64
		for i, n := range []int{20, 400} {
			d := MustCompile(benchRules(n), Config{SkipExamples: true})
			findings[i] = float64(len(d.Detect(text).Findings))
			allocs[i] = testing.AllocsPerRun(50, func() { d.Detect(text) })
		}
		if allocs[1] > allocs[0]+2*(findings[1]-findings[0]) {
			t.Errorf("%.20q: %v allocations and %v findings with 20 rules, %v and %v with 400",
				text, allocs[0], findings[0], allocs[1], findings[1])
		}
	}
}

// TestDetectBytesLinear checks that the memory a scan allocates grows
// with the text, not faster: a report keeps only the matches it shows, so
// a long text with many findings must not hold every match of every rule.
func TestDetectBytesLinear(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("sync.Pool drops items under the race detector; long texts")
	}
	d := Default()
	// The least of three runs: a collection in the middle of a run may
	// empty the pool, and the run then allocates the scan's buffers.
	perByte := func(n int) float64 {
		text := benchSized(n)
		d.Detect(text)
		least := math.Inf(1)
		for range 3 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			d.Detect(text)
			runtime.ReadMemStats(&after)
			least = min(least, float64(after.TotalAlloc-before.TotalAlloc)/float64(len(text)))
		}
		return least
	}
	small, large := perByte(256<<10), perByte(1<<20)
	t.Logf("bytes allocated per byte of text: %.1f at 256 KiB, %.1f at 1 MiB", small, large)
	// About 8 at both sizes now: the normalized text, the report and its
	// entities; the scan's buffers come from the pool for long texts.
	if large > 1.5*small || large > 20 {
		t.Errorf("bytes allocated per byte of text: %.1f at 256 KiB, %.1f at 1 MiB; want at most 1.5× and 20", small, large)
	}
}
