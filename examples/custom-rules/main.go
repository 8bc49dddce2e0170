// Custom-rules shows how a platform adds its own rule: once composed from
// combinators in Go, once loaded from a JSON rule file, compiled with
// Compile and run on two texts. Both forms behave the same.
//
//	go run ./examples/custom-rules
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/fanzha/fanzha/indicators"
)

// depositRule flags a landlord who wants a deposit before showing the flat,
// unless the text is a warning about exactly that.
var depositRule = indicators.Rule{
	ID:       "rental.deposit-before-viewing",
	Category: "rental",
	Points:   50,
	Reason:   "要求看房之前先付定金",
	ReasonEN: "asks for a deposit before the flat can be viewed",
	When: indicators.Unless(
		indicators.Near(12,
			indicators.Keywords("看房前", "看房之前", "没看房"),
			indicators.Keywords("定金", "订金", "押金")),
		indicators.Keywords("警方提醒", "谨防诈骗", "反诈")),
	Match:   []string{"看房前先交500定金锁房"},
	NoMatch: []string{"看房后满意再付押金", "警方提醒：看房前就要定金的多是骗子"},
}

// rentalJSON is the same rule as a rule file.
//
//go:embed rental.json
var rentalJSON []byte

var texts = []string{
	"房子很抢手，看房前先转1000定金给我，不然就租出去了",
	"警方提醒：看房之前就要定金的房东多是骗子",
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer) error {
	// Compile checks the rule and runs its Match and NoMatch examples.
	fromGo, err := indicators.Compile([]indicators.Rule{depositRule}, indicators.Config{})
	if err != nil {
		return err
	}
	rules, err := indicators.LoadRules(bytes.NewReader(rentalJSON))
	if err != nil {
		return err
	}
	fromJSON, err := indicators.Compile(rules, indicators.Config{})
	if err != nil {
		return err
	}
	for _, text := range texts {
		for _, d := range []struct {
			name string
			det  *indicators.Detector
		}{{"go", fromGo}, {"json", fromJSON}} {
			r := d.det.Detect(text)
			fmt.Fprintf(w, "%-4s score %d flagged %v", d.name, r.Score, r.Flagged)
			for _, f := range r.Findings {
				fmt.Fprintf(w, "  %s %q", f.Rule, f.Evidence)
			}
			fmt.Fprintln(w)
		}
	}
	// To add the rule to the built-in catalog instead:
	// indicators.Compile(indicators.Merge(indicators.DefaultRules(), rules), indicators.Config{})
	return nil
}
