package indicators

import (
	"context"
	"errors"
	"time"

	"github.com/fanzha/fanzha/normalize"
)

// Thresholds map a score to a level. A score at or above Low is LevelLow,
// and so on.
type Thresholds struct {
	Low    int `json:"low"`
	Medium int `json:"medium"`
	High   int `json:"high"`
}

// DefaultThresholds are the documented defaults: low 20, medium 40, high 70.
var DefaultThresholds = Thresholds{Low: 20, Medium: 40, High: 70}

// Config tunes a Detector. The zero value of each field means its default.
type Config struct {
	// Normalizer folds texts and keywords; default normalize.Default.
	Normalizer *normalize.Normalizer
	// Thresholds map scores to levels; default DefaultThresholds.
	Thresholds Thresholds
	// FlagAt is the score at which a report is Flagged; default
	// Thresholds.Medium.
	FlagAt int
	// CategoryCap caps the points one category contributes; default 60.
	CategoryCap int
	// CategoryCaps overrides CategoryCap per category.
	CategoryCaps map[string]int
	// Only, when not empty, restricts scoring to these categories.
	Only []string
	// MaxInput is the largest text scanned, in bytes; a longer text is
	// scanned up to the last rune boundary before MaxInput and the report
	// says Truncated. Default 1 MiB.
	MaxInput int
	// PatternTimeout bounds one pattern match; default 500ms. regexp2
	// measures it with a clock that ticks every 100ms, so much smaller values
	// make benign patterns time out on a busy machine.
	PatternTimeout time.Duration
	// SkipExamples skips running the rules' examples in Compile.
	SkipExamples bool
}

// A Detector runs a compiled set of rules. It is immutable and safe for
// concurrent use; to change rules, compile a new Detector and swap it.
type Detector struct {
	cfg   Config
	rules []Rule
	c     *compiled // engine internal, see compile.go
}

// Compile validates rules (unique well-formed IDs, known categories,
// points in range, non-empty keywords, patterns that compile, examples that
// behave as declared) and returns a Detector. Errors name the rule.
func Compile(rules []Rule, cfg Config) (*Detector, error) {
	return compile(rules, cfg)
}

// MustCompile is like Compile but panics on error. It simplifies safe
// initialization of global variables holding detectors.
func MustCompile(rules []Rule, cfg Config) *Detector {
	d, err := Compile(rules, cfg)
	if err != nil {
		panic(err)
	}
	return d
}

// Detect scans text and returns its report.
func (d *Detector) Detect(text string) Report {
	r, _ := d.DetectContext(context.Background(), text)
	return r
}

// DetectContext is like Detect but stops between rules when ctx is done,
// returning the report of what was found so far and ctx.Err().
func (d *Detector) DetectContext(ctx context.Context, text string) (Report, error) {
	var rep Report
	err := d.detect(ctx, text, &rep)
	return rep, err
}

// DetectTo is like DetectContext but writes the report to rep, reusing the
// memory of the report that rep held: its Findings, Categories and
// Entities and the Parts of its matches. Once the report has grown to the
// size of the texts' findings, a loop that scans a stream of texts into
// one Report allocates only the normalized text and the values of
// entities, which spares the garbage collector most of the work of a scan.
//
// The report's slices are overwritten by the next DetectTo on rep, and so
// are those of copies of it made with =: use Clone to keep a report. Like
// any value, rep must not be used by another goroutine during the call.
func (d *Detector) DetectTo(ctx context.Context, text string, rep *Report) error {
	if rep == nil {
		return errNilReport
	}
	return d.detect(ctx, text, rep)
}

var errNilReport = errors.New("indicators: DetectTo into a nil *Report")

// Rules returns the detector's rules (including disabled ones), in order.
func (d *Detector) Rules() []Rule { return append([]Rule(nil), d.rules...) }

// Config returns the configuration the detector was compiled with, with
// defaults filled in.
func (d *Detector) Config() Config { return d.cfg }

// Extract returns every entity in text, sorted by start, whatever the rules.
func (d *Detector) Extract(text string) []Extracted {
	return d.extract(text)
}

// Keywords returns the distinct normalized forms of the detector's keywords
// and pattern prefilters: the words its one pass over a text looks for. It
// is meant for comparisons and tooling, such as measuring the detector
// against a bare multi-keyword scan. The slice is a fresh copy. (The pass
// also looks for words that the patterns require, which are not keywords.)
func (d *Detector) Keywords() []string { return append([]string(nil), d.c.forms[:d.c.nkw]...) }
