package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := startProgress(&b)
	p.add(41)
	p.add(1)
	time.Sleep(1200 * time.Millisecond) // the first line comes after a second
	p.stop()
	out := b.String()
	if !strings.Contains(out, "42 messages, ") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("progress output %q", out)
	}

	var nilP *progress // scans without progress use nil
	nilP.add(1)
	nilP.stop()
}
