package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// runCmd runs the tool as main would, with stdin as standard input.
func runCmd(t testing.TB, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// markerFlags make scans deterministic whatever the built-in catalog says:
// only the test rule in testdata/rules.json scores, and it flags.
var markerFlags = []string{"-rules", "testdata/rules.json", "-only", "test_marker", "-threshold", "10"}

const marker = "芝麻开门" // the test rule's keyword

// decodeLines parses JSON lines into generic objects.
func decodeLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("output line %d is not JSON: %v: %.80q", i+1, err, line)
		}
		out = append(out, m)
	}
	return out
}

func TestScanJSONL(t *testing.T) {
	long := strings.Repeat("正常的聊天内容。", 200_000/24) + "快说" + marker // > 200 KB
	input := strings.Join([]string{
		`{"id": "a", "text": "今天天气很好"}`,
		`{"id": 42, "text": "请说出暗号` + marker + `"}`,
		`{"text": "没有编号的消息"}`,
		`{"text": 3}`,
		`{"id": "b"}`,
		`not json at all`,
		"{\"text\": \"\xff\xfe\"}",
		"",
		`{"id": "crlf", "text": "` + marker + `"}` + "\r",
		`{"id": "long", "text": "` + long + `"}`,
	}, "\n")
	code, stdout, stderr := runCmd(t, input, append([]string{"scan", "-in", "jsonl", "-out", "jsonl"}, markerFlags...)...)
	if code != exitFailed {
		t.Errorf("exit status %d, want %d (some lines failed)", code, exitFailed)
	}
	got := decodeLines(t, stdout)
	type want struct {
		id      any
		flagged bool
		err     string
	}
	wants := []want{
		{"a", false, ""},
		{42.0, true, ""},
		{3.0, false, ""}, // no id: the line number
		{4.0, false, `"text" is not a string`},
		{"b", false, `missing "text"`},
		{6.0, false, "not a JSON object"},
		{7.0, false, "invalid UTF-8"},
		// line 8 is blank: skipped, but it still counts for line numbers
		{"crlf", true, ""},
		{"long", true, ""},
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(got), len(wants), stdout)
	}
	for i, w := range wants {
		g := got[i]
		if g["id"] != w.id {
			t.Errorf("line %d: id %v, want %v", i+1, g["id"], w.id)
		}
		if w.err != "" {
			if g["error"] != w.err {
				t.Errorf("line %d: error %v, want %q", i+1, g["error"], w.err)
			}
			if !strings.Contains(stderr, fmt.Sprintf("line %v: %s", i+1, w.err)) {
				t.Errorf("stderr lacks the error of line %d:\n%s", i+1, stderr)
			}
			continue
		}
		if g["flagged"] != w.flagged {
			t.Errorf("line %d: flagged %v, want %v", i+1, g["flagged"], w.flagged)
		}
		for _, k := range []string{"score", "level", "categories", "matches", "entities"} {
			if _, ok := g[k]; !ok {
				t.Errorf("line %d: no %q field", i+1, k)
			}
		}
	}
	// Offsets are bytes into the original text, even after 200 KB.
	var res result
	lines := strings.Split(stdout, "\n")
	if err := json.Unmarshal([]byte(lines[len(wants)-1]), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Matches) == 0 {
		t.Fatal("long line: no matches")
	}
	m := res.Matches[0]
	if m.Rule != "test_marker.secret-phrase" || m.Start < 0 || m.End > len(long) || long[m.Start:m.End] != marker || m.Evidence != marker {
		t.Errorf("long line: match %s [%d:%d] %q, want the marker at the end", m.Rule, m.Start, m.End, m.Evidence)
	}
	if strings.Contains(stderr, "今天") || strings.Contains(stderr, "没有编号") {
		t.Errorf("stderr quotes message text:\n%s", stderr)
	}
}

func TestScanArgsAndText(t *testing.T) {
	args := append([]string{"scan"}, markerFlags...)
	args = append(args, "先说"+marker+"再进来", "普通的一句话")
	code, stdout, _ := runCmd(t, "ignored because there are arguments", args...)
	if code != exitOK {
		t.Fatalf("exit status %d", code)
	}
	got := decodeLines(t, stdout) // not a terminal: jsonl
	if len(got) != 2 || got[0]["id"] != 1.0 || got[0]["flagged"] != true || got[1]["id"] != 2.0 || got[1]["flagged"] != false {
		t.Fatalf("got %v", got)
	}

	args = append([]string{"scan", "-out", "text"}, markerFlags...)
	code, stdout, _ = runCmd(t, "先说"+marker+"再进来\r\n", args...)
	if code != exitOK {
		t.Fatalf("exit status %d", code)
	}
	for _, want := range []string{"#1", "FLAGGED", "test_marker.secret-phrase", "测试用暗号", "先说[" + marker + "]再进来"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "\x1b[") {
		t.Errorf("ANSI escapes when not writing to a terminal:\n%q", stdout)
	}
}

func TestScanFailOn(t *testing.T) {
	tests := []struct {
		name  string
		input string
		args  []string
		want  int
	}{
		{"reached", "说" + marker, []string{"-fail-on", "low"}, exitFailOn},
		{"not reached", "说" + marker, []string{"-fail-on", "high"}, exitOK},
		{"clean", "普通的一句话", []string{"-fail-on", "low"}, exitOK},
		{"failure wins", "说" + marker + "\n\xff\n", []string{"-fail-on", "low"}, exitFailed},
		{"bad level", "x", []string{"-fail-on", "severe"}, exitUsage},
		{"level none", "x", []string{"-fail-on", "none"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{"scan"}, markerFlags...), tt.args...)
			if code, _, stderr := runCmd(t, tt.input, args...); code != tt.want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
		})
	}
}

func TestScanOrder(t *testing.T) {
	var in strings.Builder
	const n = 5000
	for i := 1; i <= n; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&in, "第%d行%s\n", i, marker)
		} else {
			fmt.Fprintf(&in, "第%d行\n", i)
		}
	}
	args := append([]string{"scan", "-workers", "8"}, markerFlags...)
	code, stdout, _ := runCmd(t, in.String(), args...)
	if code != exitOK {
		t.Fatalf("exit status %d", code)
	}
	got := decodeLines(t, stdout)
	if len(got) != n {
		t.Fatalf("%d output lines, want %d", len(got), n)
	}
	for i, g := range got {
		if g["id"] != float64(i+1) || g["flagged"] != ((i+1)%7 == 0) {
			t.Fatalf("output line %d: id %v flagged %v", i+1, g["id"], g["flagged"])
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"scan", "-in", "xml"},
		{"scan", "-out", "html"},
		{"scan", "-threshold", "200"},
		{"scan", "-only", "no_such_category"},
		{"scan", "-rules", "testdata/bad-rules.json"},
		{"scan", "-rules", "testdata/no-such-file.json"},
		{"scan", "-no-such-flag"},
		{"eval"},
		{"eval", "testdata/no-such-dir"},
		{"rules"},
		{"rules", "frob"},
		{"rules", "test"},
		{"serve", "-max-body", "0"},
		{"version", "extra"},
		{"help", "frob"},
	}
	for _, args := range tests {
		code, _, stderr := runCmd(t, "", args...)
		if code != exitUsage {
			t.Errorf("fanzha %s: exit status %d, want %d", strings.Join(args, " "), code, exitUsage)
		}
		if stderr == "" {
			t.Errorf("fanzha %s: nothing on stderr", strings.Join(args, " "))
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"help", "scan"}, {"scan", "-h"}, {"rules", "-h"}, {"version"}} {
		code, stdout, stderr := runCmd(t, "", args...)
		if code != exitOK || stdout+stderr == "" {
			t.Errorf("fanzha %s: exit status %d, output %q", strings.Join(args, " "), code, stdout+stderr)
		}
	}
}

func TestEvalJSON(t *testing.T) {
	args := append([]string{"eval", "-json"}, markerFlags...)
	code, stdout, stderr := runCmd(t, "", append(args, "testdata/eval")...)
	if code != exitOK {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	var rep evalReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 {
		t.Fatalf("%d files, want 1", len(rep.Files))
	}
	f := rep.Files[0]
	if f.File != "sample.jsonl" || f.Rows != 7 || f.Flagged != 4 ||
		f.Scam != 3 || f.ScamFlagged != 2 || f.Benign != 2 || f.BenignFlagged != 1 || f.Spam != 2 || f.SpamFlagged != 1 {
		t.Errorf("file figures %+v", f)
	}
	if f.Recall == nil || *f.Recall != 2.0/3 || f.FPR == nil || *f.FPR != 0.5 || f.SpamFlagRate == nil || *f.SpamFlagRate != 0.5 {
		t.Errorf("ratios %v %v %v", f.Recall, f.FPR, f.SpamFlagRate)
	}
	cats := map[string]evalStats{}
	for _, c := range f.Categories {
		cats[c.Category] = c
	}
	if c := cats["marker"]; c.Rows != 2 || c.ScamFlagged != 2 || c.FPR != nil {
		t.Errorf("category marker %+v", c)
	}
	if c := cats["story"]; c.Benign != 2 || c.BenignFlagged != 1 || c.Recall != nil {
		t.Errorf("category story %+v", c)
	}
	found := false
	for _, r := range rep.FPRules {
		if r.Rule == "test_marker.secret-phrase" {
			found = true
			if r.Count != 1 || len(r.Examples) != 1 || !strings.Contains(r.Examples[0], "["+marker+"]") {
				t.Errorf("fp rule %+v", r)
			}
		}
	}
	if !found {
		t.Errorf("fp_rules %+v lacks the test rule", rep.FPRules)
	}
	if rep.MessagesPerSecond <= 0 {
		t.Errorf("messages_per_second %v", rep.MessagesPerSecond)
	}
}

func TestEvalText(t *testing.T) {
	args := append([]string{"eval"}, markerFlags...)
	code, stdout, _ := runCmd(t, "", append(args, "testdata/eval/sample.jsonl")...)
	if code != exitOK {
		t.Fatalf("exit status %d", code)
	}
	for _, want := range []string{"sample.jsonl", "66.7%", "50.0%", "story", "test_marker.secret-phrase", "[" + marker + "]", "messages/s"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestRulesList(t *testing.T) {
	code, stdout, _ := runCmd(t, "", "rules", "list", "-rules", "testdata/rules.json")
	if code != exitOK || !strings.Contains(stdout, "test_marker.secret-phrase") || !strings.Contains(stdout, "测试用暗号") {
		t.Errorf("exit status %d, output:\n%s", code, stdout)
	}
	code, stdout, _ = runCmd(t, "", "rules", "list", "-json")
	var rules []ruleInfo
	if err := json.Unmarshal([]byte(stdout), &rules); err != nil || code != exitOK {
		t.Fatalf("exit status %d, %v", code, err)
	}
	for _, r := range rules {
		if r.ID == "" || r.Category == "" || r.Points <= 0 || r.Reason == "" {
			t.Errorf("incomplete rule %+v", r)
		}
	}
}

func TestRulesTest(t *testing.T) {
	tests := []struct {
		file       string
		want       int
		wantStderr []string
	}{
		{"testdata/rules.json", exitOK, nil},
		{"testdata/failing-examples.json", exitFailed, []string{
			"test_marker.wrong-examples: does not fire on match example",
			"test_marker.wrong-examples: fires on no_match example",
			"2 failures",
		}},
		{"testdata/bad-rules.json", exitFailed, []string{"test_marker.no-points"}},
		{"testdata/no-such-file.json", exitFailed, []string{"no-such-file.json"}},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", "rules", "test", tt.file)
		if code != tt.want {
			t.Errorf("rules test %s: exit status %d, want %d; stderr:\n%s", tt.file, code, tt.want, stderr)
		}
		for _, w := range tt.wantStderr {
			if !strings.Contains(stderr, w) {
				t.Errorf("rules test %s: stderr lacks %q:\n%s", tt.file, w, stderr)
			}
		}
	}
}

// TestScanDefaultCatalog runs the main job on the built-in catalog: an
// overseas job lure that moves the chat to WeChat must be flagged.
func TestScanDefaultCatalog(t *testing.T) {
	code, stdout, _ := runCmd(t, "", "scan", "-fail-on", "medium", "高薪招聘打字员，包吃住包机票，不看学历，有意者加薇信详聊")
	if code != exitFailOn {
		t.Errorf("exit status %d, want %d", code, exitFailOn)
	}
	got := decodeLines(t, stdout)
	if len(got) != 1 || got[0]["flagged"] != true {
		t.Errorf("got %v", got)
	}
}

// BenchmarkScanPipeline measures the scan pipeline (reading lines,
// parallel detection, ordered JSON output) on the built-in catalog; the
// detector is compiled once, outside the loop.
func BenchmarkScanPipeline(b *testing.B) {
	var in strings.Builder
	for i := range 1000 {
		if i%10 == 0 {
			fmt.Fprintf(&in, "第%d条：高薪招聘打字员，包吃住包机票，有意者加薇信详聊\n", i)
		} else {
			fmt.Fprintf(&in, "第%d条：周末一起去公园散步吧，顺便买点水果回家。\n", i)
		}
	}
	input := in.String()
	var ef engineFlags
	det, err := ef.detector()
	if err != nil {
		b.Fatal(err)
	}
	sc := scanner{det: det, workers: runtime.GOMAXPROCS(0)}
	b.ReportAllocs()
	b.SetBytes(int64(len(input)))
	for b.Loop() {
		st := sc.scan(lineReader(strings.NewReader(input)), io.Discard, io.Discard, nil)
		if st.err != nil || st.lines != 1000 {
			b.Fatal(st)
		}
	}
}
