package indicators

import "errors"

// ErrTimeout is wrapped by the RuleError of a pattern that exceeded its
// match time or backtracking limit. Test for it with errors.Is.
var ErrTimeout = errors.New("indicators: pattern match timed out")

// A RuleError reports a rule that failed while scanning or compiling. Its
// message names the rule and never contains the scanned text.
type RuleError struct {
	Rule string // the rule's ID
	Err  error
}

// Error returns "rule ID: message".
func (e *RuleError) Error() string { return "rule " + e.Rule + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *RuleError) Unwrap() error { return e.Err }
