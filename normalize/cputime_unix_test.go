//go:build unix

package normalize

import (
	"syscall"
	"testing"
	"time"
)

// processCPU returns the CPU time (user and system) the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuMetric measures the CPU time of a benchmark, which, unlike ns/op, does
// not count the time the benchmark waited for a core on a busy machine. It
// includes the garbage collector's background work, a real cost of the code
// under test. Call the returned function after the loop.
func cpuMetric(b *testing.B, bytes int) func() {
	start := processCPU()
	return func() {
		cpu := processCPU() - start
		if cpu <= 0 || b.N == 0 {
			return
		}
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		if bytes > 0 {
			b.ReportMetric(float64(bytes)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
		}
	}
}
