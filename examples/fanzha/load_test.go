package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fanzha/fanzha/indicators"
)

// loadSecret marks the message text of the load test; the log must never
// contain it.
const loadSecret = "私密内容Qx7"

// loadTexts are messages of my own, innocent and scam-like, short and long.
var loadTexts = []string{
	"今天天气不错，我们下午去公园散步吧。",
	"急招打字员，在家兼职日结，有意者加薇信详聊 vx_abc123",
	"刷单返利，一单一结，扫码进群，联系13812345678",
	"警方提醒：凡是要求刷单、垫付的兼职都是诈骗。",
	"长期收U，私聊扣扣 2750123456，百家乐充值返水",
	"您的账户涉嫌洗钱，请立即将资金转入安全账户，并开启屏幕共享配合调查。",
	strings.Repeat("这是一段比较长的普通新闻文本，讲述了城市交通建设的最新进展和市民的看法。", 30),
	strings.Repeat("高薪招聘海外客服，包吃住包机票，不看学历，联系飞机 @abc_job。", 20),
}

// A loadCase is one kind of request of the load test and the status the
// service must answer it with.
type loadCase struct {
	name        string
	contentType string
	body        func(i int) []byte
	status      int
}

// lockedBuffer is a bytes.Buffer safe for concurrent use.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestLoad runs the service on 127.0.0.1 with the built-in catalog and
// sends it, from concurrent clients, a mix of single scans, batches,
// oversize bodies, malformed JSON and bodies of the wrong type, while slow
// clients trickle their bodies. It runs in four phases bounded in count and
// time and checks: every request answered with the expected status (no
// 5xx, no dropped connection), slow clients cut by the read timeout, the
// heap after the last phase no larger than after the first (within
// slack), and no message text in the log. With -v it prints requests per
// second and latency percentiles.
func TestLoad(t *testing.T) {
	const (
		workers    = 8
		perPhase   = 600 // requests per phase, at most
		phaseTime  = 2 * time.Second
		slowEvery  = 100 * time.Millisecond // a slow client sends a byte this often
		readTimout = 500 * time.Millisecond
	)
	ef := engineFlags{}
	det, err := ef.detector()
	if err != nil {
		t.Fatal(err)
	}
	var logb lockedBuffer
	cfg := serveConfig{
		maxBody: 64 << 10, maxText: 16 << 10, maxItems: 50,
		timeout: 10 * time.Second, readTimeout: readTimout,
		log: log.New(&logb, "", 0),
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("cannot listen:", err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- serveOn(ctx, ln, newHandler(func() *indicators.Detector { return det }, cfg), cfg) }()
	defer func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("serveOn: %v", err)
		}
	}()

	text := func(i int) string { return loadTexts[i%len(loadTexts)] + loadSecret }
	js := func(v any) []byte { b, _ := json.Marshal(v); return b }
	cases := []loadCase{
		{"scan", "application/json", func(i int) []byte { return js(map[string]any{"id": i, "text": text(i)}) }, 200},
		{"scan", "", func(i int) []byte { return js(map[string]any{"text": text(i)}) }, 200},
		{"batch", "application/json", func(i int) []byte {
			items := make([]map[string]any, 20)
			for j := range items {
				items[j] = map[string]any{"id": j, "text": text(i + j)}
			}
			return js(map[string]any{"items": items})
		}, 200},
		{"oversize body", "application/json", func(i int) []byte {
			return js(map[string]any{"text": strings.Repeat(loadSecret, 80<<10/len(loadSecret))})
		}, 413},
		{"text too long", "application/json", func(i int) []byte {
			return js(map[string]any{"text": strings.Repeat("长", 6<<10) + loadSecret})
		}, 413},
		{"too many items", "application/json", func(i int) []byte {
			return []byte(`{"items": [` + strings.Repeat(`{"text": "`+loadSecret+`"},`, 50) + `{"text": "a"}]}`)
		}, 413},
		{"malformed", "application/json", func(i int) []byte { return []byte(`{"text": "` + loadSecret + `"`) }, 400},
		{"wrong type", "application/json", func(i int) []byte { return []byte(`{"text": ["` + loadSecret + `"]}`) }, 400},
		{"not json", "text/plain", func(i int) []byte { return []byte(loadSecret) }, 415},
	}
	// Most requests are scans, as in service.
	var mix []loadCase
	for _, c := range cases {
		n := 1
		if c.status == 200 {
			n = 6
		}
		for range n {
			mix = append(mix, c)
		}
	}

	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: workers},
		Timeout:   30 * time.Second,
	}
	defer client.CloseIdleConnections()

	var (
		mu        sync.Mutex
		latencies []time.Duration
		statuses  = map[int]int{}
		failures  []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	var next atomic.Int64
	phase := func(limit int64, until time.Time) {
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Now().Before(until) {
					i := int(next.Add(1))
					if int64(i) > limit {
						return
					}
					c := mix[i%len(mix)]
					start := time.Now()
					status, body, err := post(client, addr, c.contentType, c.body(i))
					took := time.Since(start)
					mu.Lock()
					latencies = append(latencies, took)
					statuses[status]++
					mu.Unlock()
					switch {
					case err != nil:
						fail("%s #%d: %v", c.name, i, err)
					case status != c.status:
						fail("%s #%d: status %d, want %d: %.200s", c.name, i, status, c.status, body)
					case status == 200 && !json.Valid(body):
						fail("%s #%d: invalid JSON %.200s", c.name, i, body)
					}
				}
			}()
		}
		wg.Wait()
	}

	// Slow clients run through all phases.
	slowDone := make(chan struct{})
	var slowWG sync.WaitGroup
	var slowCut atomic.Int64
	for range 4 {
		slowWG.Add(1)
		go func() {
			defer slowWG.Done()
			for {
				select {
				case <-slowDone:
					return
				default:
				}
				start := time.Now()
				status, err := trickle(addr, slowEvery)
				took := time.Since(start)
				switch {
				case err != nil:
					fail("slow client: %v", err)
				case status != http.StatusRequestTimeout:
					fail("slow client: status %d, want 408", status)
				case took > readTimout+2*time.Second:
					fail("slow client cut after %v, read timeout %v", took, readTimout)
				default:
					slowCut.Add(1)
				}
				mu.Lock()
				statuses[status]++
				mu.Unlock()
			}
		}()
	}

	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var heaps []uint64
	start := time.Now()
	for p := range 4 {
		phase(int64(p+1)*perPhase, time.Now().Add(phaseTime))
		next.Store(int64(p+1) * perPhase)
		heaps = append(heaps, heap())
	}
	elapsed := time.Since(start)
	close(slowDone)
	slowWG.Wait()

	for _, f := range failures {
		t.Error(f)
	}
	for status, n := range statuses {
		if status >= 500 {
			t.Errorf("%d responses with status %d", n, status)
		}
	}
	if slowCut.Load() == 0 {
		t.Error("no slow client was cut by the read timeout")
	}
	// The first phase warms pools and caches; after it the heap must not
	// grow with the number of requests served.
	if first, last := heaps[0], heaps[3]; last > first+first/2+(4<<20) {
		t.Errorf("heap grew from %d KiB after the first phase to %d KiB after the last (%v)", first>>10, last>>10, heaps)
	}
	logged := logb.String()
	if strings.Contains(logged, loadSecret) || strings.Contains(logged, "兼职") {
		t.Error("the log contains message text")
	}
	if lines := strings.Count(logged, "\n"); lines < len(latencies) {
		t.Errorf("%d log lines for %d requests", lines, len(latencies))
	}

	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(float64(len(latencies))*p))].Round(10 * time.Microsecond)
	}
	t.Logf("%d requests in %v with %d clients: %.0f requests/s; latency p50 %v, p99 %v, max %v; %d slow clients cut; statuses %v; heap after each phase %v KiB",
		len(latencies), elapsed.Round(time.Millisecond), workers, float64(len(latencies))/elapsed.Seconds(),
		pct(0.50), pct(0.99), pct(1), slowCut.Load(), statuses, kib(heaps))
}

func kib(bs []uint64) []uint64 {
	out := make([]uint64, len(bs))
	for i, b := range bs {
		out[i] = b >> 10
	}
	return out
}

// post sends body to /v1/scan and returns the status and response body.
func post(client *http.Client, addr, contentType string, body []byte) (int, []byte, error) {
	req, err := http.NewRequest("POST", "http://"+addr+"/v1/scan", bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// trickle sends a scan request whose body arrives one byte every interval
// and returns the status the server answers with.
func trickle(addr string, every time.Duration) (int, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	body := `{"text": "` + strings.Repeat("慢", 100) + `"}`
	if _, err := fmt.Fprintf(conn, "POST /v1/scan HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", addr, len(body)); err != nil {
		return 0, err
	}
	// Keep trickling until the server answers or closes the connection.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for i := 0; i < len(body); i++ {
			select {
			case <-stop:
				return
			case <-time.After(every):
			}
			if _, err := conn.Write([]byte{body[i]}); err != nil {
				return
			}
		}
	}()
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
