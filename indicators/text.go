package indicators

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report as a table a moderator can read at a glance,
// in the manner of SpamAssassin's points table: a verdict line, then one
// line per finding with its points, rule, category, reason, the evidence as
// a quoted Go string (so invisible characters show) and the kinds of
// disguise, then the entities and the rules that could not finish.
//
//	score 72/100 high — flagged
//	  25  contact_diversion.add-wechat  contact_diversion  引导添加站外联系方式  "加薇信"  [separator]
func (r *Report) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	verdict := "not flagged"
	if r.Flagged {
		verdict = "flagged"
	}
	fmt.Fprintf(bw, "score %d/100 %s — %s", r.Score, r.Level, verdict)
	if r.Truncated {
		bw.WriteString(" (truncated)")
	}
	bw.WriteByte('\n')
	if len(r.Categories) > 0 {
		bw.WriteString("categories:")
		for _, c := range r.Categories {
			fmt.Fprintf(bw, " %s %d", c.Category, c.Score)
		}
		bw.WriteByte('\n')
	}
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "%4d  %s  %s  %s  %q", f.Points, f.Rule, f.Category, f.Reason, f.Evidence)
		if len(f.Disguise) > 0 {
			fmt.Fprintf(bw, "  [%s]", strings.Join(f.Disguise, ","))
		}
		bw.WriteByte('\n')
	}
	for _, e := range r.Entities {
		fmt.Fprintf(bw, "entity  %s  %s", e.Kind, e.Value)
		if e.Detail != "" {
			fmt.Fprintf(bw, " (%s)", e.Detail)
		}
		fmt.Fprintf(bw, "  %q\n", e.Evidence)
	}
	for _, e := range r.Errors {
		fmt.Fprintf(bw, "error  %s\n", e)
	}
	return bw.Flush()
}

// String returns the text form written by WriteText.
func (r Report) String() string {
	var b strings.Builder
	r.WriteText(&b)
	return b.String()
}
