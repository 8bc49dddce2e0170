//go:build !linux

package ahocorasick

import "time"

// threadCPU is not available here; the benchmarks then report no CPU time.
func threadCPU() time.Duration { return 0 }
