package indicators

import "io"

// LoadRules reads a JSON rule file (see the README for the format) and
// returns its rules. Nothing is half-loaded: on any error it returns no
// rules and an error naming the rule ID and the JSON path or line.
func LoadRules(r io.Reader) ([]Rule, error) {
	panic("not implemented")
}

// Merge returns base with the rules of extra applied: a rule in extra with
// the ID of a rule in base replaces it (or disables it, when extra's rule
// has Disabled set and no indicator), other rules are appended.
func Merge(base, extra []Rule) []Rule {
	panic("not implemented")
}
