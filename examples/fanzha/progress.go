package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress prints the count and rate of scanned messages on a terminal,
// starting only after a second so that short inputs print nothing. A nil
// *progress does nothing.
type progress struct {
	w     io.Writer
	n     atomic.Int64
	start time.Time
	done  chan struct{}
	wg    sync.WaitGroup
}

func startProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now(), done: make(chan struct{})}
	p.wg.Go(func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		printed := false
		for {
			select {
			case <-p.done:
				if printed {
					fmt.Fprint(p.w, "\r\x1b[K") // clear the progress line
				}
				return
			case now := <-t.C:
				n := p.n.Load()
				rate := float64(n) / now.Sub(p.start).Seconds()
				fmt.Fprintf(p.w, "\r\x1b[K%d messages, %.0f/s", n, rate)
				printed = true
			}
		}
	})
	return p
}

func (p *progress) add(n int) {
	if p != nil {
		p.n.Add(int64(n))
	}
}

func (p *progress) stop() {
	if p != nil {
		close(p.done)
		p.wg.Wait()
	}
}
