package indicators_test

import (
	"fmt"
	"testing"

	"github.com/fanzha/fanzha/indicators"
)

// hostileSizes are the sizes of the sweep: the cost per byte should be the
// same at each, which is what linear means.
var hostileSizes = []int{1 << 10, 10 << 10, 100 << 10, 1 << 20}

// BenchmarkHostile scans each hostile kind of text at sizes from 1 KiB to
// 1 MiB with the default catalog. Compare MB/s across the sizes of a kind:
// a cost that grows faster than the size shows as falling MB/s.
func BenchmarkHostile(b *testing.B) {
	d := indicators.Default()
	for _, k := range hostileKinds {
		for _, size := range hostileSizes {
			text := hostile(k.unit, size)
			b.Run(fmt.Sprintf("%s/%s", k.name, sizeName(size)), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					d.Detect(text)
				}
			})
		}
	}
}

// sizeName returns 1KiB, 10KiB, 100KiB or 1MiB.
func sizeName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMiB", n>>20)
	}
	return fmt.Sprintf("%dKiB", n>>10)
}
