package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

func TestLineReader(t *testing.T) {
	long := strings.Repeat("长", 70_000) // 210 KB, beyond bufio.Scanner's 64 KiB
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"lf", "a\nb\n", []string{"a", "b"}},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}},
		{"no final newline", "a\nb", []string{"a", "b"}},
		{"blank lines kept", "a\n\nb\n", []string{"a", "", "b"}},
		{"bom", "\uFEFFa\n\uFEFFb\n", []string{"a", "\uFEFFb"}},
		{"lone cr kept inside", "a\rb\n", []string{"a\rb"}},
		{"long line", long + "\r\nx\n", []string{long, "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := lineReader(strings.NewReader(tt.in))
			var got []string
			for {
				s, err := next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, s)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d lines, want %d", len(got), len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("line %d = %.20q…, want %.20q…", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseJSONLine(t *testing.T) {
	tests := []struct {
		line, text, id, err string
	}{
		{`{"text": "你好"}`, "你好", "", ""},
		{`{"id": "a1", "text": "你好", "extra": [1, 2]}`, "你好", `"a1"`, ""},
		{`{"id": 7, "text": ""}`, "", "7", ""},
		{`{"id": null, "text": "x"}`, "x", "", ""},
		{`  {"text": "x"}  `, "x", "", ""},
		{`{"id": "a2"}`, "", `"a2"`, `missing "text"`},
		{`{"text": 5}`, "", "", `"text" is not a string`},
		{`{"text": "x"`, "", "", "invalid JSON at byte 12"},
		{`["text"]`, "", "", "not a JSON object"},
		{`秘密文字`, "", "", "not a JSON object"},
		{"{\"text\": \"\xff\"}", "", "", "invalid UTF-8"},
	}
	for _, tt := range tests {
		text, id, err := parseJSONLine(tt.line)
		if text != tt.text || string(id) != tt.id || err != tt.err {
			t.Errorf("parseJSONLine(%q) = %q, %q, %q; want %q, %q, %q", tt.line, text, id, err, tt.text, tt.id, tt.err)
		}
	}
}

func TestMergeSpans(t *testing.T) {
	got := mergeSpans([]span{{10, 12}, {0, 3}, {2, 5}, {5, 6}, {20, 21}})
	want := []span{{0, 6}, {10, 12}, {20, 21}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestHighlight(t *testing.T) {
	long := strings.Repeat("a", 1000) + "加微信" + strings.Repeat("b", 1000)
	tests := []struct {
		name  string
		style textStyle
		text  string
		spans []span
		want  string
	}{
		{"brackets", textStyle{}, "请加微信详聊", []span{{3, 12}}, "请[加微信]详聊"},
		{"two spans", textStyle{}, "ab cd", []span{{0, 1}, {3, 5}}, "[a]b [cd]"},
		{"span past end ignored", textStyle{}, "ab", []span{{1, 9}}, "ab"},
		{"colour", textStyle{color: true}, "ab", []span{{0, 1}}, ansiMark + "a" + ansiReset + "b"},
		{"long shown around evidence", textStyle{maxText: 100}, long, []span{{1000, 1009}},
			"…" + strings.Repeat("a", contextBytes) + "[加微信]" + strings.Repeat("b", contextBytes) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.style.highlight(tt.text, tt.spans); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		text       string
		start, end int
		max        int
		want       string
	}{
		{"请加微信详聊", 3, 12, 40, "请[加微信]详聊"},
		{"一二三四五六七八九十", 12, 15, 7, "…四[五]六…"},
		{"一二三四五六七八九十", 0, 3, 7, "[一]二三四…"},
		{"一二三四五六七八九十", 27, 30, 7, "…七八九[十]"},
		{"一二三四五六七八九十", 0, 30, 7, "[一二三四…"},
		{"ab", 5, 9, 40, ""},
	}
	for _, tt := range tests {
		got := snippet(tt.text, tt.start, tt.end, tt.max)
		if got != tt.want {
			t.Errorf("snippet(%q, %d, %d, %d) = %q, want %q", tt.text, tt.start, tt.end, tt.max, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.max {
			t.Errorf("snippet(%q, %d, %d, %d) has %d runes", tt.text, tt.start, tt.end, tt.max, n)
		}
	}
}

func TestEvalStats(t *testing.T) {
	var s evalStats
	for _, r := range []struct {
		label   string
		flagged bool
	}{{"scam", true}, {"scam", false}, {"scam", true}, {"scam", true}, {"benign", false}, {"benign", true}, {"other", true}} {
		s.add(r.label, r.flagged)
	}
	s.finish()
	if s.Rows != 7 || s.Flagged != 5 || s.Scam != 4 || s.ScamFlagged != 3 || s.Benign != 2 || s.BenignFlagged != 1 {
		t.Errorf("counts = %+v", s)
	}
	if s.Recall == nil || *s.Recall != 0.75 || s.FPR == nil || *s.FPR != 0.5 {
		t.Errorf("recall, fpr = %v, %v; want 0.75, 0.5", s.Recall, s.FPR)
	}
	if s.SpamFlagRate != nil {
		t.Errorf("spam flag rate = %v, want nil for no spam rows", *s.SpamFlagRate)
	}
	b, _ := json.Marshal(s)
	if !strings.Contains(string(b), `"spam_flag_rate":null`) {
		t.Errorf("JSON %s lacks a null spam_flag_rate", b)
	}
}

func TestParseLevel(t *testing.T) {
	for _, s := range []string{"none", "low", "medium", "high", "HIGH"} {
		if l, ok := parseLevel(s); !ok || !strings.EqualFold(l.String(), s) {
			t.Errorf("parseLevel(%q) = %v, %v", s, l, ok)
		}
	}
	if _, ok := parseLevel("severe"); ok {
		t.Error(`parseLevel("severe") succeeded`)
	}
}

func FuzzParseJSONLine(f *testing.F) {
	for _, s := range []string{`{"text": "加微信"}`, `{"id": 1, "text": "x"}`, `{"text": 1}`, `[1]`, "{\"text\": \"\xff\"}", ``} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		text, id, errMsg := parseJSONLine(line)
		if errMsg != "" {
			if text != "" {
				t.Errorf("text %q returned with error %q", text, errMsg)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Errorf("invalid UTF-8 text %q", text)
		}
		if id != nil && !json.Valid(id) {
			t.Errorf("invalid id %q", id)
		}
	})
}

func FuzzHighlight(f *testing.F) {
	f.Add("请加微信详聊", 3, 12, 0, 3)
	f.Add("ab", 0, 1, 1, 2)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		var ss []span
		for _, sp := range []span{{s1, e1}, {s2, e2}} {
			if sp.start >= 0 && sp.end > sp.start && sp.end <= len(text) {
				ss = append(ss, sp)
			}
		}
		ss = mergeSpans(ss)
		got := textStyle{}.highlight(text, ss)
		if want := len(text) + 2*len(ss); len(got) != want {
			t.Errorf("highlight(%q, %v) = %q: %d bytes, want %d", text, ss, got, len(got), want)
		}
		textStyle{maxText: 10}.highlight(text, ss) // must not panic
	})
}

func TestSpans(t *testing.T) {
	leaf := func(s, e int) indicators.Match { return indicators.Match{Start: s, End: e, Op: "keywords"} }
	r := indicators.Report{Findings: []indicators.Finding{
		{Start: 0, End: 20, Match: indicators.Match{Start: 0, End: 20, Op: "near", Parts: []indicators.Match{
			leaf(0, 3), {Start: 10, End: 20, Op: "all", Parts: []indicators.Match{leaf(10, 12), leaf(17, 20)}},
		}}},
		{Start: 11, End: 14, Match: leaf(11, 14)},
		{Start: 30, End: 33, Match: indicators.Match{Start: -1, End: -1, Op: "not"}}, // no leaf span: the hull
		{Start: -1, End: -1, Match: indicators.Match{Start: -1, End: -1, Op: "not"}},
	}}
	got := spans(r)
	want := []span{{0, 3}, {10, 14}, {17, 20}, {30, 33}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
}
