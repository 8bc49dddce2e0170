package indicators

// DefaultRules returns the built-in catalog of Chinese scam rules, loaded
// from the rule files embedded from catalog/.
func DefaultRules() []Rule {
	panic("not implemented")
}

// Default returns the Detector for the built-in catalog with the default
// Config, compiled once on first use.
func Default() *Detector {
	panic("not implemented")
}
