package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

const evalUsage = `usage: fanzha eval [flags] PATH

Measure the detector on labeled data: PATH is a JSONL file, or a directory
whose *.jsonl files are read, with one object per line:
{"text": "...", "label": "scam|spam|benign", "category": "...", "source": "..."}.
For each file and each of its categories it prints the rows, the rows
flagged, the recall on scam rows, the false-positive rate on benign rows and
the flag rate on spam rows; then the rules behind the most false positives,
with short evidence snippets; then the speed.

Flags:
`

// An evalRow is one labeled line of the data.
type evalRow struct {
	Text     string `json:"text"`
	Label    string `json:"label"`
	Category string `json:"category"`
}

// evalStats are the figures of a file, or of one category in it. A ratio
// whose denominator is zero (no scam rows, say) is null in JSON: it does not
// apply, which is not the same as 0.
type evalStats struct {
	File          string      `json:"file,omitempty"`
	Category      string      `json:"category,omitempty"`
	Rows          int         `json:"rows"`
	Flagged       int         `json:"flagged"`
	Scam          int         `json:"scam"`
	ScamFlagged   int         `json:"scam_flagged"`
	Recall        *float64    `json:"recall"`
	Benign        int         `json:"benign"`
	BenignFlagged int         `json:"benign_flagged"`
	FPR           *float64    `json:"fpr"`
	Spam          int         `json:"spam"`
	SpamFlagged   int         `json:"spam_flagged"`
	SpamFlagRate  *float64    `json:"spam_flag_rate"`
	Categories    []evalStats `json:"categories,omitempty"`
}

// add counts one row with its label and verdict.
func (s *evalStats) add(label string, flagged bool) {
	s.Rows++
	f := 0
	if flagged {
		f = 1
	}
	s.Flagged += f
	switch label {
	case "scam":
		s.Scam++
		s.ScamFlagged += f
	case "benign":
		s.Benign++
		s.BenignFlagged += f
	case "spam":
		s.Spam++
		s.SpamFlagged += f
	}
}

// finish computes the ratios.
func (s *evalStats) finish() {
	ratio := func(n, d int) *float64 {
		if d == 0 {
			return nil
		}
		r := float64(n) / float64(d)
		return &r
	}
	s.Recall = ratio(s.ScamFlagged, s.Scam)
	s.FPR = ratio(s.BenignFlagged, s.Benign)
	s.SpamFlagRate = ratio(s.SpamFlagged, s.Spam)
}

// An fpRule is a rule that fired on benign rows that were flagged.
type fpRule struct {
	Rule     string   `json:"rule"`
	Count    int      `json:"count"`
	Examples []string `json:"examples"`
}

// evalReport is the document "eval -json" prints.
type evalReport struct {
	Files             []evalStats `json:"files"`
	FPRules           []fpRule    `json:"fp_rules"`
	MessagesPerSecond float64     `json:"messages_per_second"`
}

// maxSnippet is the length in runes of a false-positive evidence snippet.
const maxSnippet = 40

func runEval(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), evalUsage); fs.PrintDefaults() }
	jsonOut := fs.Bool("json", false, "print one JSON document")
	top := fs.Int("top", 15, "list this many false-positive rules")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of messages scanned in parallel")
	var ef engineFlags
	ef.register(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	files, err := evalFiles(fs.Arg(0))
	if err != nil {
		return usageFail(stderr, "eval", "%v", err)
	}
	det, err := ef.detector()
	if err != nil {
		return usageFail(stderr, "eval", "%v", err)
	}
	ev := evaluator{det: det, workers: max(*workers, 1), fp: map[string]*fpRule{}}
	code := exitOK
	var rep evalReport
	for _, name := range files {
		st, bad, err := ev.file(name, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "%s eval: %v\n", programName, err)
			code = exitFailed
			continue
		}
		if bad > 0 {
			code = exitFailed
		}
		st.File = filepath.Base(name)
		rep.Files = append(rep.Files, st)
	}
	rep.FPRules = ev.fpRules(*top)
	if ev.elapsed > 0 {
		rep.MessagesPerSecond = float64(ev.rows) / ev.elapsed.Seconds()
	}
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "%s eval: %v\n", programName, err)
			return exitFailed
		}
		return code
	}
	printEval(stdout, rep, ev.workers)
	return code
}

// evalFiles returns path if it is a file, or the *.jsonl files under it.
func evalFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".jsonl") {
			files = append(files, p)
		}
		return nil
	})
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("%s: no .jsonl files", path)
	}
	return files, err
}

// evaluator scans labeled files and gathers false positives across them.
type evaluator struct {
	det     *indicators.Detector
	workers int
	rows    int           // rows scanned in all files
	elapsed time.Duration // time spent scanning them
	fp      map[string]*fpRule
}

// An outcome is what the evaluator keeps of one scanned row.
type outcome struct {
	flagged bool
	fp      []fpHit // for flagged benign rows: the rules and their evidence
}

type fpHit struct{ rule, snippet string }

// file evaluates one file. bad counts the lines that could not be read as
// rows; they are reported on stderr and left out of the figures.
func (ev *evaluator) file(name string, stderr io.Writer) (st evalStats, bad int, err error) {
	f, err := os.Open(name)
	if err != nil {
		return st, 0, err
	}
	defer f.Close()
	var rows []evalRow
	next := lineReader(f)
	for n := 1; ; n++ {
		line, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, bad, fmt.Errorf("%s: %w", name, err)
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		var r evalRow
		if err := json.Unmarshal([]byte(line), &r); err != nil || !utf8.ValidString(line) {
			fmt.Fprintf(stderr, "%s eval: %s:%d: not a JSON object with a \"text\" string\n", programName, name, n)
			bad++
			continue
		}
		rows = append(rows, r)
	}

	start := time.Now()
	outs := ev.scan(rows)
	ev.elapsed += time.Since(start)
	ev.rows += len(rows)

	cats := map[string]*evalStats{}
	for i, r := range rows {
		o := outs[i]
		st.add(r.Label, o.flagged)
		c := cats[r.Category]
		if c == nil {
			c = &evalStats{Category: r.Category}
			cats[r.Category] = c
		}
		c.add(r.Label, o.flagged)
		for _, h := range o.fp {
			fr := ev.fp[h.rule]
			if fr == nil {
				fr = &fpRule{Rule: h.rule, Examples: []string{}}
				ev.fp[h.rule] = fr
			}
			fr.Count++
			if len(fr.Examples) < 3 {
				fr.Examples = append(fr.Examples, h.snippet)
			}
		}
	}
	st.finish()
	for _, c := range cats {
		c.finish()
		st.Categories = append(st.Categories, *c)
	}
	sort.Slice(st.Categories, func(i, j int) bool { return st.Categories[i].Category < st.Categories[j].Category })
	return st, bad, nil
}

// scan scans rows on ev.workers goroutines.
func (ev *evaluator) scan(rows []evalRow) []outcome {
	outs := make([]outcome, len(rows))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range ev.workers {
		wg.Go(func() {
			var rep indicators.Report // reused: one keeps only what it needs of it
			for {
				// Rows are handed out in chunks so workers rarely meet on the lock.
				next.Lock()
				lo := i
				i = min(i+64, len(rows))
				hi := i
				next.Unlock()
				if lo >= hi {
					return
				}
				for k := lo; k < hi; k++ {
					outs[k] = ev.one(rows[k], &rep)
				}
			}
		})
	}
	wg.Wait()
	return outs
}

// one scans the text of r into rep, whose memory it reuses.
func (ev *evaluator) one(r evalRow, rep *indicators.Report) outcome {
	ev.det.DetectTo(context.Background(), r.Text, rep)
	o := outcome{flagged: rep.Flagged}
	if rep.Flagged && r.Label == "benign" {
		for _, f := range rep.Findings {
			o.fp = append(o.fp, fpHit{f.Rule, snippet(r.Text, f.Start, f.End, maxSnippet)})
		}
	}
	return o
}

// fpRules returns the top n rules by false positives, most first.
func (ev *evaluator) fpRules(n int) []fpRule {
	out := []fpRule{}
	for _, r := range ev.fp {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// snippet returns at most max runes of text around the evidence
// text[start:end], the evidence in brackets, "…" where text was cut.
func snippet(text string, start, end, max int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	ev := []rune(text[start:end])
	if len(ev)+2 >= max {
		return "[" + string(ev[:max-3]) + "…"
	}
	before, after := []rune(text[:start]), []rune(text[end:])
	room := max - len(ev) - 2 // runes left for context
	nb := min(len(before), room/2)
	na := min(len(after), room-nb)
	nb = min(len(before), room-na) // give unused room after back to before
	var b strings.Builder
	if nb > 0 && nb < len(before) {
		b.WriteString("…")
		nb-- // the ellipsis takes a rune
	}
	b.WriteString(string(before[len(before)-nb:]))
	b.WriteString("[" + string(ev) + "]")
	if na > 0 && na < len(after) {
		b.WriteString(string(after[:na-1]))
		b.WriteString("…")
	} else {
		b.WriteString(string(after[:na]))
	}
	return b.String()
}

// printEval prints the report as tables.
func printEval(w io.Writer, rep evalReport, workers int) {
	pct := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", *p*100)
	}
	nameW := len("file / category")
	for _, f := range rep.Files {
		nameW = max(nameW, displayWidth(f.File))
		for _, c := range f.Categories {
			nameW = max(nameW, 2+displayWidth(c.Category))
		}
	}
	pad := func(s string) string { return s + strings.Repeat(" ", nameW-displayWidth(s)) }
	const row = "%s %7s %7s %6s %7s %7s %6s %6s %6s %7s\n"
	fmt.Fprintf(w, row, pad("file / category"), "rows", "flagged", "scam", "recall", "benign", "FP", "FPR", "spam", "flagged")
	line := func(name string, s evalStats) {
		fmt.Fprintf(w, row, pad(name), strconv.Itoa(s.Rows), strconv.Itoa(s.Flagged),
			strconv.Itoa(s.Scam), pct(s.Recall), strconv.Itoa(s.Benign), strconv.Itoa(s.BenignFlagged), pct(s.FPR),
			strconv.Itoa(s.Spam), pct(s.SpamFlagRate))
	}
	for _, f := range rep.Files {
		line(f.File, f)
		for _, c := range f.Categories {
			line("  "+c.Category, c)
		}
	}
	if len(rep.FPRules) > 0 {
		fmt.Fprintf(w, "\nRules firing on flagged benign rows:\n")
		for _, r := range rep.FPRules {
			fmt.Fprintf(w, "%6d  %s\n", r.Count, r.Rule)
			for _, e := range r.Examples {
				fmt.Fprintf(w, "        %s\n", e)
			}
		}
	}
	fmt.Fprintf(w, "\nSpeed: %.0f messages/s on %d workers\n", rep.MessagesPerSecond, workers)
}

// displayWidth approximates the columns s takes in a terminal: two for
// CJK and full-width characters, one for the others.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
			(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) {
			n++
		}
	}
	return n
}
