// Package indicators finds scam indicators in Chinese text and explains every
// finding.
//
// # Building blocks
//
// An Indicator finds evidence. Leaves find spans of the normalized text:
// Keywords (and Aliases, Substrings), Pattern (a regexp2 expression) and
// Entity (a phone number, QQ number, WeChat ID, Telegram handle, URL, wallet
// or bank card). Combinators compose them: All, Any, AtLeast, Near, Not,
// Unless, Except, and the modifiers Weight and Disguised. Only a Rule scores:
// it has a stable ID, a category, points, a reason a moderator understands,
// an indicator, and examples that must and must not match.
//
// # Matching
//
// Texts and keywords are normalized by the same normalize.Normalizer, so
// width, case, traditional characters, look-alike letters, numerals and
// separators inserted between characters do not hide a word. A keyword form
// that begins or ends with a Latin letter does not match next to another
// letter (Latin, Greek or Cyrillic), and one that begins or ends with a
// digit does not match next to another digit: "vx" does not match inside
// "vxworks", "qq" not inside "qqq", but "vx" matches in "vx123" and in
// "加vx". Han and other characters match anywhere; Substrings turns the
// check off.
//
// Compile puts the normalized forms of every rule's keywords and pattern
// prefilters into one Aho–Corasick automaton. For each rule it computes the
// forms of which at least one must occur for the rule to fire (for All and
// Near the most selective child's, for Any and AtLeast the union of the
// children's); each text is scanned once, and only the rules whose forms
// occurred, and those without such forms (a pattern without a prefilter,
// an entity, Not), are evaluated. The same pass also looks for the literal
// words that every match of a pattern must contain, as far as they can be
// read from the expression (客服 or 专员 in "我是.{0,9}(?:客服|专员)"): a
// pattern whose words are absent is not run, since it could not match.
//
// Rules share much of their structure (the keyword sets of the catalog
// appear in dozens of rules), so a scan remembers, for the one text, which
// parts of the rule trees can match, the matches of each distinct keyword
// leaf and those of each part that several rules share, and asks each
// question once. Scans and their buffers are
// pooled; texts over 64 KiB use a pool of their own, so that their large
// buffers are reused by the next long text but not held by short ones.
//
// Combinators: All matches once, with the first match of each child as its
// parts. Any returns every child's matches. AtLeast(n) matches once when n
// children match, with the first match of each matching child. Near(w)
// returns stretches of at most w runes of normalized text, from the start of
// the first to the end of the last match, that hold a match of every child;
// children that have no span (Not) are conditions. Not matches, without a
// span, when its child does not. Unless suppresses every match when any
// context indicator matches anywhere; Except drops each match that overlaps
// a match of an allowed indicator, so an allow-listed phrase overrides the
// word it contains while the same word elsewhere still counts. Disguised
// keeps matches whose text was disguised by one of the given kinds.
//
// Patterns run with Config.PatternTimeout and a backtracking stack of 65,536
// slots; a pattern that exceeds either is reported as a *RuleError wrapping
// ErrTimeout in Report.Errors, and the other rules still run. regexp2 checks
// deadlines against a clock that ticks every 100ms, so a runaway match stops
// within about PatternTimeout plus 200ms. Rules that share an expression
// share its compiled form, and it runs at most once per text. Error messages
// never contain the scanned text. (Go's regexp package was measured 3–5
// times slower than regexp2 on the catalog's patterns, so RE2-compatible
// patterns are not routed to it.)
//
// Most patterns never reach regexp2's interpreter: an expression of literals,
// classes, alternation, greedy repetition of one character, optional groups,
// ^ and lookaheads runs on a backtracking engine of this package that tries
// the same choices in the same order over the UTF-8 text, so it finds the
// same matches (a differential test and FuzzNative hold it to regexp2); an
// expression that begins with words of the keyword pass runs only where they
// occur. It has a step budget per byte of text; beyond it the text goes to
// regexp2, with the timeout above.
//
// # Scoring
//
// The model is that of SpamAssassin and Rspamd: points per rule, capped per
// category, summed.
//
//   - A rule that fires scores its Points times the weight of its strongest
//     match, rounded, at least 1, once however many matches it has. A match's
//     weight is 1 unless Weight changed it: Weight multiplies the weights of
//     its child's matches; All and AtLeast(n) multiply the largest weights of
//     their (n strongest) children; Near multiplies the weights of its parts.
//   - A category scores the sum of its rules' points, capped at
//     Config.CategoryCap (default 60) or its entry in Config.CategoryCaps.
//     The "evasion" category is capped at 20 unless configured: disguise is
//     evidence of intent, not of a scam by itself.
//   - The score is the sum of the category scores, capped at 100.
//   - The level is LevelHigh at Thresholds.High (default 70) or above,
//     LevelMedium at Medium (40), LevelLow at Low (20), LevelNone below; the
//     report is Flagged at Config.FlagAt (default: Thresholds.Medium).
//
// Every step is a sum or a minimum with a constant, so the model is
// monotone: a rule more that fires never lowers the score. A single strong
// keyword in one category reaches at most the cap (60, medium); high needs
// evidence in two categories, as in a job lure that moves the chat to a
// private app.
//
// Config.Only restricts the rules that run, and so the categories that score
// and are reported, to the given categories.
//
// # Reports
//
// A Report lists every rule that fired as a Finding, sorted by position,
// with the evidence as written in the original text (Start and End are byte
// offsets of the original, on rune boundaries), its normalized form, the
// kinds of normalization that disguised it, and the full match tree. It
// also lists every entity in the text, whatever the rules. Reports marshal
// to stable JSON with snake_case names, and WriteText prints a table a
// moderator can read at a glance.
//
// DetectTo writes a report into one the caller passes, reusing its memory:
// a loop over a stream that scans into one Report allocates little more
// than the normalized texts, and Clone copies a report to keep.
//
// # Rule files and the built-in catalog
//
// LoadRules reads rules from JSON (see docs/rule-file.md); LoadRulesWith
// lets them use named sets such as DefaultSets, and Merge applies them to
// DefaultRules, replacing or disabling rules by ID. Default compiles the
// built-in catalog once.
//
// A Detector is immutable and safe for concurrent use: to reload rules,
// compile a new Detector and swap it, for example with an atomic.Pointer.
package indicators
