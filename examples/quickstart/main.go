// Quickstart scans a message with fanzha's built-in catalog of Chinese scam
// rules and prints the verdict and the rules that fired.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/fanzha/fanzha/indicators"
)

func main() {
	report(os.Stdout, "高薪招聘打字员，包吃住包机票，不看学历，有意者加薇信详聊")
}

// report scans text and prints the verdict and the findings.
func report(w io.Writer, text string) {
	d := indicators.Default() // compiled once; safe for concurrent use
	r := d.Detect(text)
	fmt.Fprintf(w, "score %d, level %s, flagged %v\n", r.Score, r.Level, r.Flagged)
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%3d  %s  %s  %q\n", f.Points, f.Rule, f.Reason, f.Evidence)
	}
}
