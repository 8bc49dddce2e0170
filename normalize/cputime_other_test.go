//go:build !unix

package normalize

import "testing"

// cpuMetric reports nothing where the process's CPU time is not available.
func cpuMetric(b *testing.B, bytes int) func() { return func() {} }
