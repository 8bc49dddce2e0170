package normalize

import "strings"

// Options selects the folds a Normalizer applies. The zero Options applies
// none; DefaultOptions applies all.
type Options struct {
	Width       bool // fold full-width/half-width and NFKC compatibility forms
	Case        bool // fold Latin letters to lower case
	Traditional bool // fold traditional characters to simplified (OpenCC)
	Lookalike   bool // fold Cyrillic and Greek look-alike letters to Latin
	Invisible   bool // remove invisible characters
	Separator   bool // remove separators between the characters of a word
	Numeral     bool // fold numerals in runs of five or more to ASCII digits
}

// DefaultOptions returns Options with every fold on.
func DefaultOptions() Options {
	return Options{true, true, true, true, true, true, true}
}

// A Normalizer folds text to a canonical form for matching. It is immutable
// and safe for concurrent use.
type Normalizer struct {
	opts Options
}

// New returns a Normalizer that applies the folds selected by opts.
func New(opts Options) *Normalizer { return &Normalizer{opts: opts} }

// Default is the Normalizer with every fold on.
var Default = New(DefaultOptions())

// Options returns the options n was built with.
func (n *Normalizer) Options() Options { return n.opts }

// Normalize returns the normalization of s.
func (n *Normalizer) Normalize(s string) Text {
	// PLACEHOLDER: ASCII case folding only, so that dependants compile.
	out := s
	if n.opts.Case && strings.ToLower(s) == s {
		out = s
	}
	return Text{original: s, normalized: out}
}

// String returns the normalized form of s.
func (n *Normalizer) String(s string) string {
	t := n.Normalize(s)
	return t.Normalized()
}

// Normalize returns the normalization of s by Default.
func Normalize(s string) Text { return Default.Normalize(s) }
