package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

const scanUsage = `usage: fanzha scan [flags] [TEXT ...]

Scan each TEXT, or with none each line of standard input, with the built-in
catalog. With -in jsonl each input is an object {"text": "...", "id": ...};
other fields are ignored. Blank lines are skipped; ids count every line.

Flags:
`

// scanner holds what a scan needs besides its input and output.
type scanner struct {
	det       *indicators.Detector
	jsonIn    bool
	textOut   bool
	style     textStyle
	workers   int
	failLevel indicators.Level // -fail-on; LevelNone means off
}

// A job is one input line on its way through the pipeline. The reader
// fills n and line, a worker fills the rest and closes done.
type job struct {
	n    int    // 1-based line or argument number
	line string // the raw input line, without its line ending

	done   chan struct{}
	out    []byte           // the rendered output for the line
	level  indicators.Level // the report's level
	errMsg string           // why the line failed, or ""
	warns  []string         // rule errors, for standard error
}

// scanStats is what a scan reports for the exit status.
type scanStats struct {
	lines, failed, reached int
	err                    error // reading the input or writing the output
}

func runScan(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), scanUsage); fs.PrintDefaults() }
	in := fs.String("in", "text", "input `format`: text (one message per line) or jsonl")
	out := fs.String("out", "", "output `format`: text or jsonl (default text on a terminal, jsonl otherwise)")
	failOn := fs.String("fail-on", "", "exit with status 3 when a message reaches this `level` (low, medium, high)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "number of messages scanned in parallel")
	var ef engineFlags
	ef.register(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	sc := scanner{workers: max(*workers, 1)}
	switch *in {
	case "text":
	case "jsonl":
		sc.jsonIn = true
	default:
		return usageFail(stderr, "scan", "-in must be text or jsonl, not %q", *in)
	}
	switch *out {
	case "":
		sc.textOut = isTerminal(stdout)
	case "text":
		sc.textOut = true
	case "jsonl":
	default:
		return usageFail(stderr, "scan", "-out must be text or jsonl, not %q", *out)
	}
	sc.style = textStyle{color: isTerminal(stdout), maxText: 2000}
	if *failOn != "" {
		l, ok := parseLevel(*failOn)
		if !ok || l == indicators.LevelNone {
			return usageFail(stderr, "scan", "-fail-on must be low, medium or high, not %q", *failOn)
		}
		sc.failLevel = l
	}
	det, err := ef.detector()
	if err != nil {
		return usageFail(stderr, "scan", "%v", err)
	}
	sc.det = det

	var next func() (string, error)
	var progress *progress
	if fs.NArg() > 0 {
		rest := fs.Args()
		next = func() (string, error) {
			if len(rest) == 0 {
				return "", io.EOF
			}
			s := rest[0]
			rest = rest[1:]
			return s, nil
		}
	} else {
		next = lineReader(stdin)
		if isTerminal(stdin) {
			fmt.Fprintln(stderr, "fanzha scan: reading messages from standard input, one per line (end with Ctrl-D)")
		}
		if isTerminal(stderr) {
			progress = startProgress(stderr)
		}
	}
	st := sc.scan(next, stdout, stderr, progress)
	progress.stop()
	switch {
	case st.err != nil:
		fmt.Fprintf(stderr, "%s scan: %v\n", programName, st.err)
		return exitFailed
	case st.failed > 0:
		fmt.Fprintf(stderr, "%s scan: %d of %d messages could not be scanned\n", programName, st.failed, st.lines)
		return exitFailed
	case sc.failLevel != indicators.LevelNone && st.reached > 0:
		return exitFailOn
	}
	return exitOK
}

// parseLevel parses a level name as printed by Level.String.
func parseLevel(s string) (indicators.Level, bool) {
	for l := indicators.LevelNone; l <= indicators.LevelHigh; l++ {
		if strings.EqualFold(s, l.String()) {
			return l, true
		}
	}
	return 0, false
}

// lineReader returns a function that reads one line at a time from r,
// without the "\n" or "\r\n", of any length (bufio.Scanner would stop at
// 64 KiB). A last line without a newline is returned too.
func lineReader(r io.Reader) func() (string, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	first := true
	return func() (string, error) {
		s, err := br.ReadString('\n')
		if err == io.EOF && s != "" {
			err = nil // the last line has no newline
		}
		if err != nil {
			return "", err
		}
		s = strings.TrimSuffix(s, "\n")
		s = strings.TrimSuffix(s, "\r")
		if first {
			s = strings.TrimPrefix(s, "\uFEFF") // a byte order mark is not text
			first = false
		}
		return s, nil
	}
}

// scan runs the pipeline: one reader, sc.workers workers, and the caller's
// goroutine writing results in input order. At most a window of lines is in
// flight, so memory stays flat however long the input is.
func (sc *scanner) scan(next func() (string, error), stdout, stderr io.Writer, p *progress) scanStats {
	window := 2 * sc.workers * 64
	order := make(chan *job, window) // lines in input order, bounded
	work := make(chan *job, window)
	stop := make(chan struct{}) // closed when the writer gives up
	var readErr error

	go func() {
		defer close(order)
		defer close(work)
		for n := 1; ; n++ {
			line, err := next()
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			j := &job{n: n, line: line, done: make(chan struct{})}
			select {
			case order <- j:
			case <-stop:
				return
			}
			work <- j
		}
	}()

	var wg sync.WaitGroup
	for range sc.workers {
		wg.Go(func() {
			var rep indicators.Report // reused: process renders it before the next line
			for j := range work {
				sc.process(j, &rep)
				close(j.done)
			}
		})
	}

	var st scanStats
	bw := bufio.NewWriterSize(stdout, 64<<10)
	for j := range order {
		<-j.done
		if st.err != nil {
			continue // draining after a failed write
		}
		st.lines++
		if j.errMsg != "" {
			st.failed++
			fmt.Fprintf(stderr, "%s scan: line %d: %s\n", programName, j.n, j.errMsg)
		}
		for _, w := range j.warns {
			fmt.Fprintf(stderr, "%s scan: line %d: %s\n", programName, j.n, w)
		}
		if sc.failLevel != indicators.LevelNone && j.level >= sc.failLevel {
			st.reached++
		}
		_, err := bw.Write(j.out)
		if err == nil && len(order) == 0 {
			err = bw.Flush() // nothing else ready: let the reader see results now
		}
		if err != nil {
			st.err = err
			close(stop)
		}
		p.add(1)
	}
	wg.Wait()
	if st.err == nil {
		st.err = bw.Flush()
	}
	if st.err == nil && readErr != nil {
		st.err = fmt.Errorf("reading input: %w", readErr)
	}
	return st
}

// process scans one line into r, whose memory it reuses, and renders its
// output. A panic in the engine becomes an error for the line rather than a
// crash that loses the rest.
func (sc *scanner) process(j *job, r *indicators.Report) {
	id := numberID(j.n)
	defer func() {
		if e := recover(); e != nil {
			j.errMsg = "internal error while scanning"
			j.out = sc.renderError(id, j.errMsg)
		}
	}()
	text, gotID, errMsg := j.line, json.RawMessage(nil), ""
	if sc.jsonIn {
		text, gotID, errMsg = parseJSONLine(j.line)
		if gotID != nil {
			id = gotID
		}
	} else if !utf8.ValidString(text) {
		errMsg = "invalid UTF-8"
	}
	if errMsg != "" {
		j.errMsg = errMsg
		j.out = sc.renderError(id, errMsg)
		return
	}
	sc.det.DetectTo(context.Background(), text, r)
	j.level = r.Level
	for _, e := range r.Errors {
		j.warns = append(j.warns, e.Error())
	}
	if sc.textOut {
		j.out = sc.style.appendText(nil, string(id), text, *r)
	} else {
		j.out = appendJSONLine(nil, newResult(id, *r))
	}
}

func (sc *scanner) renderError(id json.RawMessage, msg string) []byte {
	if sc.textOut {
		return fmt.Appendf(nil, "%s %s\n\n", sc.style.paint(ansiBold, "#"+string(id)), sc.style.paint(ansiRed, "error: "+msg))
	}
	return appendJSONLine(nil, errorResult{ID: id, Error: msg})
}

// parseJSONLine extracts the text and the id of a JSONL input line. The
// error message it returns never quotes the input.
func parseJSONLine(line string) (text string, id json.RawMessage, errMsg string) {
	if !utf8.ValidString(line) {
		return "", nil, "invalid UTF-8"
	}
	b := []byte(line)
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return "", nil, "not a JSON object"
	}
	var m struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return "", nil, "invalid JSON at byte " + strconv.FormatInt(se.Offset, 10)
		case errors.As(err, &te) && te.Field == "text":
			return "", nil, `"text" is not a string`
		}
		return "", nil, "invalid JSON"
	}
	if string(m.ID) == "null" {
		m.ID = nil
	}
	if m.Text == nil {
		return "", m.ID, `missing "text"`
	}
	return *m.Text, m.ID, ""
}
