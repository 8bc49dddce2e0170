package normalize

import "strings"

// Kind is a set of the changes normalization made to produce a piece of
// normalized text. A report uses it to say how a word was disguised.
type Kind uint16

// The kinds of change. Invisible and Separator describe characters that were
// removed; the others describe characters that were rewritten.
const (
	Width       Kind = 1 << iota // full-width or half-width form folded (Ｖ → v)
	Compat                       // other NFKC compatibility form folded (① → 1, ㊙ → 秘)
	Case                         // Latin letter case folded (V → v)
	Traditional                  // traditional character folded to simplified (幣 → 币)
	Lookalike                    // Cyrillic or Greek look-alike folded to Latin (а → a)
	Invisible                    // invisible character removed (U+200B, U+FE0F …)
	Separator                    // separator between the characters of a word removed (加-微-信)
	Numeral                      // numeral in a number run folded to an ASCII digit (壹 → 1)
	Ambiguous                    // traditional character with several simplified candidates
	Invalid                      // invalid UTF-8 byte replaced by U+FFFD
)

// kindNames lists the names used by String and Names, in bit order.
var kindNames = [...]string{
	"width", "compat", "case", "traditional", "lookalike",
	"invisible", "separator", "numeral", "ambiguous", "invalid",
}

// Names returns the names of the kinds in k, in a fixed order
// ("width", "compat", "case", "traditional", "lookalike", "invisible",
// "separator", "numeral", "ambiguous", "invalid"). It returns nil for 0.
func (k Kind) Names() []string {
	return k.AppendNames(nil)
}

// AppendNames appends the names of the kinds in k to dst, in the order of
// Names, and returns the extended slice.
func (k Kind) AppendNames(dst []string) []string {
	for i, name := range kindNames {
		if k&(1<<i) != 0 {
			dst = append(dst, name)
		}
	}
	return dst
}

// String returns the names of the kinds in k joined by "|", or "none".
func (k Kind) String() string {
	if k == 0 {
		return "none"
	}
	return strings.Join(k.Names(), "|")
}

// ParseKind returns the Kind named by name, as printed by Names.
func ParseKind(name string) (Kind, bool) {
	for i, n := range kindNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// Disguise is the set of kinds that hide a word from a plain keyword
// filter on purpose, as opposed to ordinary variation in how people type
// (case, width, traditional characters).
const Disguise = Lookalike | Invisible | Separator | Numeral
