package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/fanzha/fanzha/indicators"
)

const rulesUsage = `usage: fanzha rules list [-json] [-rules FILE]
       fanzha rules test FILE

list prints every rule of the built-in catalog (merged with -rules FILE):
its ID, category, points and reason. test compiles FILE merged over the
built-in catalog and runs the examples of FILE's rules, printing each
failure with its rule ID; the exit status is 1 when anything fails.
`

// ruleInfo is how "rules list -json" and GET /v1/rules describe a rule.
type ruleInfo struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Points   int    `json:"points"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en,omitempty"`
	Disabled bool   `json:"disabled,omitempty"`
}

func ruleInfos(rules []indicators.Rule) []ruleInfo {
	out := make([]ruleInfo, 0, len(rules))
	for _, r := range rules {
		out = append(out, ruleInfo{r.ID, r.Category, r.Points, r.Reason, r.ReasonEN, r.Disabled})
	}
	return out
}

func runRules(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, rulesUsage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stderr, rulesUsage)
		return exitOK
	case "list":
		return runRulesList(args[1:], stdout, stderr)
	case "test":
		return runRulesTest(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "%s rules: unknown subcommand %q\n%s", programName, args[0], rulesUsage)
	return exitUsage
}

func runRulesList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.Bool("json", false, "print a JSON array")
	file := fs.String("rules", "", "JSON rule `file` merged over the built-in catalog")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	rules := indicators.DefaultRules()
	if *file != "" {
		extra, err := loadRuleFile(*file)
		if err != nil {
			return usageFail(stderr, "rules list", "%v", err)
		}
		rules = indicators.Merge(rules, extra)
	}
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(ruleInfos(rules)); err != nil {
			return exitFailed
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCATEGORY\tPOINTS\tREASON")
	for _, r := range rules {
		reason := r.Reason
		if r.Disabled {
			reason = "(disabled) " + reason
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", r.ID, r.Category, r.Points, reason)
	}
	tw.Flush()
	return exitOK
}

func runRulesTest(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprint(stderr, rulesUsage)
		return exitUsage
	}
	name := fs.Arg(0)
	extra, err := loadRuleFile(name)
	if err != nil {
		fmt.Fprintf(stderr, "FAIL %v\n", err)
		return exitFailed
	}
	// Compile validates everything; the examples are run below, one by
	// one, so that every failing example is listed, not only the first.
	det, err := indicators.Compile(indicators.Merge(indicators.DefaultRules(), extra), indicators.Config{SkipExamples: true})
	if err != nil {
		for _, e := range flatten(err) {
			fmt.Fprintf(stderr, "FAIL %v\n", e)
		}
		return exitFailed
	}
	failures := testExamples(det, extra)
	for _, f := range failures {
		fmt.Fprintf(stderr, "FAIL %s\n", f)
	}
	if len(failures) > 0 {
		fmt.Fprintf(stderr, "%s: %d failures\n", name, len(failures))
		return exitFailed
	}
	n := 0
	for _, r := range extra {
		n += len(r.Match) + len(r.NoMatch)
	}
	fmt.Fprintf(stdout, "ok  %s: %d rules, %d examples\n", name, len(extra), n)
	return exitOK
}

// flatten splits an error made by errors.Join into its parts.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// testExamples runs the examples of rules through det and describes each
// example that does not behave as declared. Disabled rules are skipped.
func testExamples(det *indicators.Detector, rules []indicators.Rule) []string {
	var failures []string
	fires := func(id, text string) bool {
		return slices.ContainsFunc(det.Detect(text).Findings, func(f indicators.Finding) bool { return f.Rule == id })
	}
	for _, r := range rules {
		if r.Disabled {
			continue
		}
		for _, t := range r.Match {
			if !fires(r.ID, t) {
				failures = append(failures, fmt.Sprintf("%s: does not fire on match example %q", r.ID, clip(t, 60)))
			}
		}
		for _, t := range r.NoMatch {
			if fires(r.ID, t) {
				failures = append(failures, fmt.Sprintf("%s: fires on no_match example %q", r.ID, clip(t, 60)))
			}
		}
	}
	return failures
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
