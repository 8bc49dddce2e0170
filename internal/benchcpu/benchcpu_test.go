package benchcpu

import (
	"runtime"
	"testing"
)

func TestProcessCPUAdvances(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no process CPU time here")
	}
	start, ok := processCPU()
	if !ok {
		t.Fatal("processCPU not available on a unix system")
	}
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	end, _ := processCPU()
	if end <= start {
		t.Errorf("CPU time did not advance over a busy loop: %v -> %v (%d)", start, end, x)
	}
}

func BenchmarkMetric(b *testing.B) {
	defer Metric(b, 1)()
	for b.Loop() {
	}
}
