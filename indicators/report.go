package indicators

import "github.com/fanzha/fanzha/normalize"

// Level is a coarse verdict derived from the score.
type Level int

// The levels, from no concern to high risk.
const (
	LevelNone Level = iota
	LevelLow
	LevelMedium
	LevelHigh
)

// String returns "none", "low", "medium" or "high".
func (l Level) String() string {
	switch l {
	case LevelLow:
		return "low"
	case LevelMedium:
		return "medium"
	case LevelHigh:
		return "high"
	}
	return "none"
}

// A Match is evidence found by an indicator. Leaves produce matches with a
// span; combinators produce matches whose Parts are their children's matches,
// so a rule's explanation is a tree.
type Match struct {
	// Start and End are the byte span of the evidence in the original text.
	// A match of Not has no span: Start == End == -1.
	Start int `json:"start"`
	End   int `json:"end"`
	// Evidence is the original text from Start to End.
	Evidence string `json:"evidence"`
	// Normalized is the normalized form of the evidence.
	Normalized string `json:"normalized"`
	// Term is what the leaf matched: the canonical keyword, the entity kind,
	// or the pattern; empty for combinators.
	Term string `json:"term,omitempty"`
	// Value is the extracted value for entity matches.
	Value string `json:"value,omitempty"`
	// Op names the indicator that produced the match ("keywords", "pattern",
	// "entity", "all", "any", "at_least", "near", "not" …).
	Op string `json:"op"`
	// Disguise is how the evidence was disguised (see normalize.Kind).
	Disguise normalize.Kind `json:"-"`
	// Weight multiplies the rule's points (1 unless Weight was used).
	Weight float64 `json:"weight,omitempty"`
	// Parts are the matches a combinator's match is made of.
	Parts []Match `json:"parts,omitempty"`
}

// A Finding is a rule that fired, with its points and its evidence.
type Finding struct {
	Rule     string `json:"rule"`
	Category string `json:"category"`
	Points   int    `json:"points"`
	Reason   string `json:"reason"`
	ReasonEN string `json:"reason_en,omitempty"`
	// Start and End are the byte span in the original text of the evidence
	// (the hull of the match's leaf spans).
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Evidence   string `json:"evidence"`
	Normalized string `json:"normalized"`
	// Disguise names the kinds of disguise found in the evidence
	// (normalize.Kind names such as "separator", "lookalike"), empty if none.
	Disguise []string `json:"disguise"`
	// Match is the full explanation tree.
	Match Match `json:"match"`
}

// A CategoryScore is the capped points of one category.
type CategoryScore struct {
	Category string `json:"category"`
	Score    int    `json:"score"`
}

// A Report is the result of scanning one text.
type Report struct {
	// Score is 0–100 (see the package documentation for the model).
	Score int `json:"score"`
	// Level is derived from Score by the detector's Thresholds.
	Level Level `json:"level"`
	// Flagged reports whether Score reached the detector's flag threshold.
	Flagged bool `json:"flagged"`
	// Categories lists the categories that scored, highest first.
	Categories []CategoryScore `json:"categories"`
	// Findings lists the rules that fired, sorted by Start.
	Findings []Finding `json:"matches"`
	// Entities lists the contacts and identifiers found in the text
	// (phone numbers, QQ, WeChat IDs, Telegram handles, URLs, wallets, bank
	// cards), sorted by Start, for block lists.
	Entities []Extracted `json:"entities"`
	// Truncated is true when the text was longer than the detector's
	// MaxInput and only its first MaxInput bytes were scanned.
	Truncated bool `json:"truncated,omitempty"`
	// Errors lists rules that could not finish (for example a pattern that
	// timed out); the other rules still reported.
	Errors []*RuleError `json:"errors,omitempty"`

	// The memory of the Parts of the matches and of the Disguise names of
	// the findings, which DetectTo reuses.
	parts []Match
	names []string
}
