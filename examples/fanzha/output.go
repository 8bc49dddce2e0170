package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

// A result is the JSON object printed for one message by "scan -out jsonl"
// and returned by the HTTP service. It carries the indicators.Report fields
// under the same JSON names, plus the message's id.
type result struct {
	// ID is echoed from the input, or the 1-based line (or argument, or
	// item) number.
	ID         json.RawMessage            `json:"id"`
	Score      int                        `json:"score"`
	Level      string                     `json:"level"`
	Flagged    bool                       `json:"flagged"`
	Categories []indicators.CategoryScore `json:"categories"`
	Matches    []indicators.Finding       `json:"matches"`
	Entities   []indicators.Extracted     `json:"entities"`
	Truncated  bool                       `json:"truncated,omitempty"`
	Errors     []*indicators.RuleError    `json:"errors,omitempty"`
}

// An errorResult is printed instead of a result for a message that could
// not be scanned. Error never contains the message text.
type errorResult struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// newResult converts a report. Empty lists are [] rather than null so that
// consumers can iterate without checks.
func newResult(id json.RawMessage, r indicators.Report) result {
	res := result{
		ID:         id,
		Score:      r.Score,
		Level:      r.Level.String(),
		Flagged:    r.Flagged,
		Categories: r.Categories,
		Matches:    r.Findings,
		Entities:   r.Entities,
		Truncated:  r.Truncated,
		Errors:     r.Errors,
	}
	if res.Categories == nil {
		res.Categories = []indicators.CategoryScore{}
	}
	if res.Matches == nil {
		res.Matches = []indicators.Finding{}
	}
	for i := range res.Matches {
		if res.Matches[i].Disguise == nil {
			res.Matches[i].Disguise = []string{}
		}
	}
	if res.Entities == nil {
		res.Entities = []indicators.Extracted{}
	}
	return res
}

// numberID is the JSON id of the n-th message.
func numberID(n int) json.RawMessage { return strconv.AppendInt(nil, int64(n), 10) }

// appendJSONLine appends v as one line of JSON. HTML characters are not
// escaped: the output is for programs and terminals, not for pages.
func appendJSONLine(buf []byte, v any) []byte {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only unsupported values fail, and results have none.
		panic(err)
	}
	return append(buf, sb.String()...)
}

// isTerminal reports whether w is a character device such as a terminal.
// It uses only os.File.Stat, so it needs no terminal package.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ANSI escape sequences for the text form on a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiGreen  = "\x1b[32m"
	ansiMark   = "\x1b[1;37;41m" // evidence: bold white on red
)

// textStyle renders the text form, with ANSI colour or with brackets.
type textStyle struct {
	color bool
	// maxText is the length in bytes above which the message is shown
	// only around its evidence.
	maxText int
}

func (s textStyle) paint(code, text string) string {
	if !s.color {
		return text
	}
	return code + text + ansiReset
}

func (s textStyle) levelColor(level string) string {
	switch level {
	case "high":
		return ansiRed
	case "medium":
		return ansiYellow
	case "low":
		return ansiBold
	}
	return ansiGreen
}

// appendText appends the text form of a report: a verdict line, the points
// table, the entities, then the message with the evidence highlighted.
func (s textStyle) appendText(buf []byte, id string, text string, r indicators.Report) []byte {
	var b strings.Builder
	level := r.Level.String()
	verdict := "not flagged"
	if r.Flagged {
		verdict = "FLAGGED"
	}
	fmt.Fprintf(&b, "%s %s score %d, level %s",
		s.paint(ansiBold, "#"+id), s.paint(s.levelColor(level), verdict), r.Score, level)
	for i, c := range r.Categories {
		if i == 0 {
			b.WriteString(" —")
		}
		fmt.Fprintf(&b, " %s %d", c.Category, c.Score)
	}
	if r.Truncated {
		b.WriteString(" (truncated: only the start was scanned)")
	}
	b.WriteByte('\n')
	if len(r.Findings) > 0 {
		ruleW, catW := len("rule"), len("category")
		for _, f := range r.Findings {
			ruleW = max(ruleW, len(f.Rule))
			catW = max(catW, len(f.Category))
		}
		fmt.Fprintf(&b, "  %s\n", s.paint(ansiDim, fmt.Sprintf("%6s  %-*s  %-*s  %s", "points", ruleW, "rule", catW, "category", "reason")))
		for _, f := range r.Findings {
			reason := f.Reason
			if len(f.Disguise) > 0 {
				reason += " [disguise: " + strings.Join(f.Disguise, ",") + "]"
			}
			fmt.Fprintf(&b, "  %6d  %-*s  %-*s  %s\n", f.Points, ruleW, f.Rule, catW, f.Category, reason)
		}
	}
	if len(r.Entities) > 0 {
		b.WriteString("  entities:")
		for _, e := range r.Entities {
			fmt.Fprintf(&b, " %s=%s", e.Kind, e.Value)
		}
		b.WriteByte('\n')
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "  error: %v\n", e)
	}
	b.WriteString("  > ")
	b.WriteString(strings.ReplaceAll(s.highlight(text, spans(r)), "\n", "\n  > "))
	b.WriteString("\n\n")
	return append(buf, b.String()...)
}

// A span is a byte range [start, end) of the original text.
type span struct{ start, end int }

// spans returns the evidence spans of r, sorted and merged where they
// overlap or touch. They are the spans of the leaves of each finding's
// explanation tree (the keywords, patterns and entities themselves), which
// are tighter than the finding's hull: "[高薪]招聘[打字员]" rather than the
// whole sentence.
func spans(r indicators.Report) []span {
	var ss []span
	for _, f := range r.Findings {
		n := len(ss)
		ss = leafSpans(ss, f.Match)
		if len(ss) == n && f.Start >= 0 && f.End > f.Start {
			ss = append(ss, span{f.Start, f.End})
		}
	}
	return mergeSpans(ss)
}

func leafSpans(ss []span, m indicators.Match) []span {
	if len(m.Parts) == 0 {
		if m.Start >= 0 && m.End > m.Start {
			ss = append(ss, span{m.Start, m.End})
		}
		return ss
	}
	for _, p := range m.Parts {
		ss = leafSpans(ss, p)
	}
	return ss
}

func mergeSpans(ss []span) []span {
	sort.Slice(ss, func(i, j int) bool { return ss[i].start < ss[j].start })
	var out []span
	for _, s := range ss {
		if n := len(out); n > 0 && s.start <= out[n-1].end {
			out[n-1].end = max(out[n-1].end, s.end)
			continue
		}
		out = append(out, s)
	}
	return out
}

// contextBytes is how much text is kept on each side of the evidence when a
// long message is shown only around its evidence.
const contextBytes = 120

// highlight marks the spans in text. A message longer than s.maxText is
// shown only around the evidence, with "…" for what is left out.
func (s textStyle) highlight(text string, ss []span) string {
	var b strings.Builder
	open, close := "[", "]"
	if s.color {
		open, close = ansiMark, ansiReset
	}
	long := s.maxText > 0 && len(text) > s.maxText
	pos := 0 // next byte of text to write
	for _, sp := range ss {
		if sp.end > len(text) || sp.start < pos {
			continue // a span that does not fit the text is not shown
		}
		if long && sp.start-pos > 2*contextBytes {
			if pos > 0 {
				b.WriteString(text[pos:runeStart(text, pos+contextBytes, pos)])
			}
			b.WriteString("…")
			pos = runeStart(text, sp.start-contextBytes, pos)
		}
		b.WriteString(text[pos:sp.start])
		b.WriteString(open)
		b.WriteString(text[sp.start:sp.end])
		b.WriteString(close)
		pos = sp.end
	}
	if long && len(text)-pos > contextBytes {
		b.WriteString(text[pos:runeStart(text, pos+contextBytes, pos)])
		b.WriteString("…")
	} else {
		b.WriteString(text[pos:])
	}
	return b.String()
}

// runeStart returns the start of the rune that contains byte i of s, but
// not less than lo (invalid UTF-8 can have long runs of continuation bytes).
func runeStart(s string, i, lo int) int {
	for i > lo && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
