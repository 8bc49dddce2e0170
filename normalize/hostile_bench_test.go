package normalize_test

import (
	"fmt"
	"testing"

	"github.com/fanzha/fanzha/normalize"

	"github.com/fanzha/fanzha/internal/benchcpu"
)

// BenchmarkHostile normalizes each hostile kind of text at sizes from 1 KiB
// to 1 MiB. Compare MB/s across the sizes of a kind: a cost that grows
// faster than the size shows as falling MB/s.
func BenchmarkHostile(b *testing.B) {
	for _, k := range hostileKinds {
		for _, size := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20} {
			s := hostile(k.unit, size)
			name := fmt.Sprintf("%s/%dKiB", k.name, size>>10)
			if size >= 1<<20 {
				name = fmt.Sprintf("%s/%dMiB", k.name, size>>20)
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(s)))
				done := benchcpu.Metric(b, len(s))
				for b.Loop() {
					normalize.Normalize(s)
				}
				done()
			})
		}
	}
}
