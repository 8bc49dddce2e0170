package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fanzha/fanzha/indicators"
)

// testDetector compiles the built-in catalog with the test rule.
func testDetector(t testing.TB) *indicators.Detector {
	t.Helper()
	ef := engineFlags{rules: "testdata/rules.json", only: "test_marker", threshold: 10}
	det, err := ef.detector()
	if err != nil {
		t.Fatal(err)
	}
	return det
}

func testConfig(logw io.Writer) serveConfig {
	return serveConfig{maxBody: 4096, maxText: 256, maxItems: 3, timeout: 5 * time.Second, log: log.New(logw, "", 0)}
}

func TestServeStatus(t *testing.T) {
	det := testDetector(t)
	src := func() *indicators.Detector { return det }
	tests := []struct {
		name        string
		src         func() *indicators.Detector
		cfg         func(*serveConfig)
		method      string
		path        string
		contentType string
		body        string
		status      int
		want        string // a substring of the response body
	}{
		{"single", src, nil, "POST", "/v1/scan", "application/json", `{"text": "说` + marker + `"}`, 200, `"flagged":true`},
		{"single with id", src, nil, "POST", "/v1/scan", "", `{"id": "m1", "text": "你好"}`, 200, `"id":"m1"`},
		{"items", src, nil, "POST", "/v1/scan", "application/json; charset=utf-8", `{"items": [{"id": 5, "text": "你好"}, {"text": "` + marker + `"}]}`, 200, `{"items":[{"id":5,`},
		{"item numbering", src, nil, "POST", "/v1/scan", "", `{"items": [{"text": "a"}, {"text": "b"}]}`, 200, `"id":2,`},
		{"malformed", src, nil, "POST", "/v1/scan", "", `{"text": `, 400, "malformed JSON"},
		{"not an object", src, nil, "POST", "/v1/scan", "", `"text"`, 400, "must be a JSON object"},
		{"text not a string", src, nil, "POST", "/v1/scan", "", `{"text": 1}`, 400, `field \"text\" has the wrong JSON type`},
		{"items not a list", src, nil, "POST", "/v1/scan", "", `{"items": {}}`, 400, `field \"items\" has the wrong JSON type`},
		{"trailing data", src, nil, "POST", "/v1/scan", "", `{"text": "a"} {}`, 400, "malformed"},
		{"empty body", src, nil, "POST", "/v1/scan", "", ``, 400, "empty body"},
		{"no text", src, nil, "POST", "/v1/scan", "", `{}`, 400, "want"},
		{"both", src, nil, "POST", "/v1/scan", "", `{"text": "a", "items": []}`, 400, "not both"},
		{"empty items", src, nil, "POST", "/v1/scan", "", `{"items": []}`, 400, "empty"},
		{"item without text", src, nil, "POST", "/v1/scan", "", `{"items": [{"text": "a"}, {"id": 2}]}`, 400, "item 2"},
		{"body too large", src, nil, "POST", "/v1/scan", "", `{"text": "` + strings.Repeat("长", 2000) + `"}`, 413, "request body larger than 4096"},
		{"text too long", src, nil, "POST", "/v1/scan", "", `{"text": "` + strings.Repeat("a", 257) + `"}`, 413, "longer than 256"},
		{"too many items", src, nil, "POST", "/v1/scan", "", `{"items": [{"text": "a"}, {"text": "a"}, {"text": "a"}, {"text": "a"}]}`, 413, "more than 3 items"},
		{"wrong type", src, nil, "POST", "/v1/scan", "text/plain", `{"text": "a"}`, 415, "application/json"},
		{"form", src, nil, "POST", "/v1/scan", "application/x-www-form-urlencoded", `text=a`, 415, "application/json"},
		{"scan GET", src, nil, "GET", "/v1/scan", "", ``, 405, "use POST"},
		{"healthz POST", src, nil, "POST", "/healthz", "", ``, 405, "use GET"},
		{"healthz", src, nil, "GET", "/healthz", "", ``, 200, `"status":"ok"`},
		{"rules", src, nil, "GET", "/v1/rules", "", ``, 200, `"id":"test_marker.secret-phrase"`},
		{"index", src, nil, "GET", "/", "", ``, 200, "<textarea"},
		{"not found", src, nil, "GET", "/nope", "", ``, 404, "no such endpoint"},
		{"no detector", func() *indicators.Detector { return nil }, nil, "POST", "/v1/scan", "", `{"text": "a"}`, 500, "no detector"},
		{"no detector healthz", func() *indicators.Detector { return nil }, nil, "GET", "/healthz", "", ``, 500, "no detector"},
		{"timeout", src, func(c *serveConfig) { c.timeout = time.Nanosecond }, "POST", "/v1/scan", "", `{"text": "a"}`, 503, "did not finish"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logb bytes.Buffer
			cfg := testConfig(&logb)
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			h := newHandler(tt.src, cfg)
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body := rec.Body.String()
			if rec.Code != tt.status {
				t.Errorf("status %d, want %d; body %s", rec.Code, tt.status, body)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("body lacks %q: %s", tt.want, body)
			}
			ct := rec.Header().Get("Content-Type")
			if tt.path == "/" && tt.status == 200 {
				if !strings.HasPrefix(ct, "text/html") || rec.Header().Get("Content-Security-Policy") == "" {
					t.Errorf("index: Content-Type %q, CSP %q", ct, rec.Header().Get("Content-Security-Policy"))
				}
			} else if ct != "application/json; charset=utf-8" || !json.Valid(rec.Body.Bytes()) {
				t.Errorf("response is not JSON: %q %s", ct, body)
			}
			if rec.Code == 405 && rec.Header().Get("Allow") == "" {
				t.Error("405 without Allow")
			}
			// The log has metadata only.
			logged := logb.String()
			if !strings.Contains(logged, fmt.Sprintf("%s %s %d ", tt.method, tt.path, rec.Code)) {
				t.Errorf("log %q lacks the request", logged)
			}
			if strings.Contains(logged, marker) || strings.Contains(logged, "你好") {
				t.Errorf("log contains message text: %q", logged)
			}
		})
	}
}

func TestServeScanShape(t *testing.T) {
	det := testDetector(t)
	h := newHandler(func() *indicators.Detector { return det }, testConfig(io.Discard))
	text := "请说出" + marker + "。"
	body, _ := json.Marshal(map[string]string{"text": text})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/scan", bytes.NewReader(body)))
	var res result
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if string(res.ID) != "1" || !res.Flagged || res.Level == "" || len(res.Matches) != 1 {
		t.Fatalf("result %+v", res)
	}
	if m := res.Matches[0]; text[m.Start:m.End] != marker {
		t.Errorf("span [%d:%d] is %q, want %q", m.Start, m.End, text[m.Start:m.End], marker)
	}

	// The service and "scan -out jsonl" print the same object.
	_, stdout, _ := runCmd(t, text, append([]string{"scan", "-out", "jsonl"}, markerFlags...)...)
	if got := strings.TrimSpace(rec.Body.String()); got != strings.TrimSpace(stdout) {
		t.Errorf("service and scan differ:\n%s\n%s", got, stdout)
	}
}

func TestReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "rules.json")
	good, err := os.ReadFile("testdata/rules.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, good, 0o600); err != nil {
		t.Fatal(err)
	}
	ef := engineFlags{rules: file}
	det, err := ef.detector()
	if err != nil {
		t.Fatal(err)
	}
	var cur atomic.Pointer[indicators.Detector]
	cur.Store(det)
	var logb bytes.Buffer
	l := log.New(&logb, "", 0)

	if !reload(&ef, &cur, l) || cur.Load() == det {
		t.Fatal("reload of a good file did not swap the detector")
	}
	swapped := cur.Load()
	bad, err := os.ReadFile("testdata/bad-rules.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	if reload(&ef, &cur, l) || cur.Load() != swapped {
		t.Fatal("reload of a bad file replaced the detector")
	}
	if !strings.Contains(logb.String(), "reload failed") {
		t.Errorf("log %q lacks the failure", logb.String())
	}
}

func TestServeOnShutdown(t *testing.T) {
	det := testDetector(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("cannot listen:", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cfg := testConfig(io.Discard)
	done := make(chan error, 1)
	go func() { done <- serveOn(ctx, ln, newHandler(func() *indicators.Detector { return det }, cfg), cfg) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serveOn: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serveOn did not return after cancel")
	}
}
