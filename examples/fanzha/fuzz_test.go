package main

import (
	"encoding/json"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

var fuzzDetector = sync.OnceValue(func() *indicators.Detector {
	var ef engineFlags
	det, err := ef.detector()
	if err != nil {
		panic(err)
	}
	return det
})

// FuzzScanLine runs one input line through a worker, as text and as JSONL:
// the output is one valid JSON line, a result or an error object, and
// every match's span slices the original text to its evidence.
func FuzzScanLine(f *testing.F) {
	for _, s := range []string{
		"高薪招聘打字员，包吃住包机票，有意者加薇信详聊",
		"加-微-信 ①③⑧①②③④⑤⑥⑦⑧",
		`{"id": "x", "text": "扫码进群领彩金"}`,
		"\xff\xfe",
		`{"text": "\u0000\ud800"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		for _, jsonIn := range []bool{false, true} {
			sc := scanner{det: fuzzDetector(), jsonIn: jsonIn}
			j := &job{n: 1, line: line}
			sc.process(j, &indicators.Report{})
			var res struct {
				result
				Error string `json:"error"`
			}
			if err := json.Unmarshal(j.out, &res); err != nil {
				t.Fatalf("output is not JSON: %v: %q", err, j.out)
			}
			if res.ID == nil {
				t.Fatalf("output has no id: %q", j.out)
			}
			if res.Error != "" {
				if res.Error != j.errMsg {
					t.Fatalf("error %q, job error %q", res.Error, j.errMsg)
				}
				if !jsonIn && utf8.ValidString(line) {
					t.Fatalf("valid text line failed: %q", res.Error)
				}
				continue
			}
			text := line
			if jsonIn {
				text, _, _ = parseJSONLine(line)
			}
			for _, m := range res.Matches {
				if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Evidence {
					t.Fatalf("match %s [%d:%d] %q does not slice the text", m.Rule, m.Start, m.End, m.Evidence)
				}
			}
		}
	})
}
