package indicators

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

// TestConcurrentDetect shares one Detector among many goroutines (run it
// with -race) and swaps it atomically while they scan, as a reloading
// service does.
func TestConcurrentDetect(t *testing.T) {
	texts := benchMessages()
	one := MustCompile(benchRules(50), Config{})
	two := MustCompile(benchRules(80), Config{})
	want := map[*Detector][]int{}
	for _, d := range []*Detector{one, two} {
		for _, text := range texts {
			want[d] = append(want[d], d.Detect(text).Score)
		}
	}
	var current atomic.Pointer[Detector]
	current.Store(one)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				if g == 0 && i%10 == 0 {
					if current.Load() == one {
						current.Store(two)
					} else {
						current.Store(one)
					}
				}
				d := current.Load()
				k := (g + i) % len(texts)
				if got := d.Detect(texts[k]).Score; got != want[d][k] {
					errs <- fmt.Errorf("goroutine %d text %d: score %d, want %d", g, k, got, want[d][k])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestConcurrentDetectTo scans from many goroutines, each into its own
// reused Report, and compares every report with Detect's (run it with
// -race: the scans share the detector's pools and memos).
func TestConcurrentDetectTo(t *testing.T) {
	d := Default()
	texts := reuseTexts()
	want := make([]string, len(texts))
	for i, text := range texts {
		want[i] = reportJSON(t, d.Detect(text))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			var rep Report
			for i := range 3 * len(texts) {
				k := (g*7 + i) % len(texts)
				if err := d.DetectTo(context.Background(), texts[k], &rep); err != nil {
					errs <- err
					return
				}
				if got := reportJSON(t, rep); got != want[k] {
					errs <- fmt.Errorf("goroutine %d text %d: report differs from Detect's", g, k)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func reportJSON(t *testing.T, r Report) string {
	b, err := json.Marshal(r)
	if err != nil {
		t.Error(err)
	}
	return string(b)
}
