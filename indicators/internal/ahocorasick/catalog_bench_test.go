package ahocorasick

import (
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fanzha/fanzha/normalize"
)

// catalogForms returns the automaton forms of the default catalog, as
// dumped to testdata/forms.txt (see testdata/README).
func catalogForms(tb testing.TB) []string {
	b, err := os.ReadFile("testdata/forms.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// smsTexts returns the messages of the indicators benchmark corpus,
// normalized as a Detector with the default catalog normalizes them before
// it calls FindAll.
func smsTexts(tb testing.TB) []string {
	b, err := os.ReadFile("../../testdata/bench/sms.txt")
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	for i, l := range lines {
		lines[i] = normalize.Default.String(l)
	}
	return lines
}

// BenchmarkFindAllCatalog is the real workload: the default catalog's forms
// over normalized SMS text, one FindAll per message as Detect calls it.
// "warm" scans the corpus again and again, so the states it visits stay in
// the caches; "cold" evicts the private caches before each pass over the
// corpus (outside the timed region), as the rest of Detect does between
// calls, so that the size and layout of the table count as they do there.
func BenchmarkFindAllCatalog(b *testing.B) {
	forms := catalogForms(b)
	texts := smsTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	m := New(forms)
	b.Run("warm", func(b *testing.B) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var hits []Hit
		b.SetBytes(int64(n))
		b.ReportAllocs()
		cpu := threadCPU()
		for b.Loop() {
			for _, t := range texts {
				hits = m.FindAll(t, hits[:0])
			}
		}
		reportCPU(b, threadCPU()-cpu)
		b.ReportMetric(float64(m.MemoryBytes()), "table-bytes")
	})
	b.Run("cold", func(b *testing.B) {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		var hits []Hit
		junk := make([]byte, 4<<20) // more than L2
		b.SetBytes(int64(n))
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			for i := 0; i < len(junk); i += 64 {
				junk[i]++
			}
			b.StartTimer()
			start := threadCPU()
			for _, t := range texts {
				hits = m.FindAll(t, hits[:0])
			}
			cpu += threadCPU() - start
		}
		reportCPU(b, cpu)
	})
}

// reportCPU reports the CPU time of the benchmark's thread per iteration,
// which varies much less than ns/op on a busy machine.
func reportCPU(b *testing.B, cpu time.Duration) {
	if cpu > 0 && b.N > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func TestCatalogForms(t *testing.T) {
	forms := catalogForms(t)
	texts := smsTexts(t)
	m := New(forms)
	hits := 0
	for _, text := range texts {
		got := m.FindAll(text, nil)
		hits += len(got)
		if want := naiveFindAll(forms, text); !slices.Equal(got, want) {
			t.Fatalf("text %q: FindAll differs from the reference", text)
		}
	}
	t.Logf("%d forms, %d classes, %d bytes; %d texts, %d hits",
		len(forms), m.stride, m.MemoryBytes(), len(texts), hits)
}
