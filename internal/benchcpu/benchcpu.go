// Package benchcpu reports the CPU time of a benchmark next to its wall
// time. On a machine shared with other work, ns/op counts the time a
// benchmark waited for a core; CPU time does not. The measure includes the
// garbage collector's background work, a real cost of the code under test.
//
// It is for the repository's own benchmarks: internal, and imported only by
// test files.
package benchcpu

import "testing"

// Metric starts measuring the CPU time of b and returns the function to
// call after the loop: it reports cpu-ns/op and, if bytes > 0 (the bytes one
// iteration processes), cpu-MB/s. Where the process's CPU time is not
// available it reports nothing.
//
//	defer benchcpu.Metric(b, len(text))()
//	for b.Loop() { … }
func Metric(b *testing.B, bytes int) func() {
	start, ok := processCPU()
	if !ok {
		return func() {}
	}
	return func() {
		end, _ := processCPU()
		cpu := end - start
		if cpu <= 0 || b.N == 0 {
			return
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		if bytes > 0 {
			b.ReportMetric(float64(bytes)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
		}
	}
}
