package indicators

import (
	"encoding/json"
	"errors"
	"fmt"
)

// MarshalText returns the level's name: "none", "low", "medium" or "high".
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText parses a level name as returned by String.
func (l *Level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "none":
		*l = LevelNone
	case "low":
		*l = LevelLow
	case "medium":
		*l = LevelMedium
	case "high":
		*l = LevelHigh
	default:
		return fmt.Errorf("indicators: unknown level %q", b)
	}
	return nil
}

// ruleErrorJSON is the JSON form of a RuleError.
type ruleErrorJSON struct {
	Rule  string `json:"rule"`
	Error string `json:"error"`
}

// MarshalJSON returns {"rule": ID, "error": message}.
func (e *RuleError) MarshalJSON() ([]byte, error) {
	msg := ""
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return json.Marshal(ruleErrorJSON{Rule: e.Rule, Error: msg})
}

// UnmarshalJSON reads the form written by MarshalJSON. An error message
// equal to ErrTimeout's unwraps to ErrTimeout again.
func (e *RuleError) UnmarshalJSON(b []byte) error {
	var v ruleErrorJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	e.Rule = v.Rule
	if v.Error == ErrTimeout.Error() {
		e.Err = ErrTimeout
	} else {
		e.Err = errors.New(v.Error)
	}
	return nil
}
