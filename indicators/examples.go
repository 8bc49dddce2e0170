package indicators

import (
	"errors"
	"fmt"
)

// checkExamples runs every enabled rule on its examples: a Match example
// that does not make it fire, or a NoMatch example that does, is an error
// naming the rule and the example.
func (d *Detector) checkExamples() error {
	var errs []error
	for i := range d.c.rules {
		r := d.c.rules[i].rule
		for j, ex := range r.Match {
			ok, err := d.c.fires(i, ex)
			switch {
			case err != nil:
				errs = append(errs, &RuleError{Rule: r.ID, Err: fmt.Errorf("match[%d]: %w", j, err)})
			case !ok:
				errs = append(errs, &RuleError{Rule: r.ID, Err: fmt.Errorf("match[%d] does not fire", j)})
			}
		}
		for j, ex := range r.NoMatch {
			ok, err := d.c.fires(i, ex)
			switch {
			case err != nil:
				errs = append(errs, &RuleError{Rule: r.ID, Err: fmt.Errorf("no_match[%d]: %w", j, err)})
			case ok:
				errs = append(errs, &RuleError{Rule: r.ID, Err: fmt.Errorf("no_match[%d] fires", j)})
			}
		}
	}
	return errors.Join(errs...)
}
