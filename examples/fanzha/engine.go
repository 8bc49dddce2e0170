package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/fanzha/fanzha/indicators"
)

// engineFlags are the flags every scanning command shares: a rule file
// merged over the built-in catalog, the flag threshold, and a category
// filter.
type engineFlags struct {
	rules     string
	threshold int
	only      string
}

func (e *engineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&e.rules, "rules", "", "JSON rule `file` merged over the built-in catalog (same ID replaces, new ID adds)")
	fs.IntVar(&e.threshold, "threshold", 0, "flag a message at this `score` (1-100; default the detector's medium level, 40)")
	fs.StringVar(&e.only, "only", "", "score only these comma-separated `categories`")
}

// detector compiles the detector the flags describe. Rule examples are not
// run (that is what "rules test" and the catalog's tests are for), so
// start-up and reload stay fast.
func (e *engineFlags) detector() (*indicators.Detector, error) {
	if e.threshold < 0 || e.threshold > 100 {
		return nil, fmt.Errorf("-threshold %d out of range 1-100", e.threshold)
	}
	rules := indicators.DefaultRules()
	if e.rules != "" {
		extra, err := loadRuleFile(e.rules)
		if err != nil {
			return nil, err
		}
		rules = indicators.Merge(rules, extra)
	}
	cfg := indicators.Config{FlagAt: e.threshold, SkipExamples: true}
	if e.only != "" {
		for c := range strings.SplitSeq(e.only, ",") {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			if !slices.ContainsFunc(rules, func(r indicators.Rule) bool { return r.Category == c }) {
				return nil, fmt.Errorf("-only: no rule has category %q", c)
			}
			cfg.Only = append(cfg.Only, c)
		}
	}
	return indicators.Compile(rules, cfg)
}

// loadRuleFile reads and parses a JSON rule file. The file may use the
// built-in catalog's named sets.
func loadRuleFile(name string) ([]indicators.Rule, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rules, err := indicators.LoadRulesWith(f, indicators.DefaultSets())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rules, nil
}
