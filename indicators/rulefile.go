package indicators

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fanzha/fanzha/normalize"
)

// Limits of a rule file.
const (
	maxFileSize = 8 << 20 // bytes
	maxRules    = 10000   // rules, over all files loaded together
	maxKeywords = 10000   // words (alias forms included) in one keywords node
)

// Sets are named indicators that the rules of a rule file use with
// {"ref": "name"}. DefaultSets returns the built-in catalog's sets; pass
// them to LoadRulesWith so that user files can use them. Sets may also hold
// indicators built in Go.
type Sets map[string]Indicator

// LoadRules reads a JSON rule file (see docs/rule-file.md for the format)
// and returns its rules. Nothing is half-loaded: on any error it returns no
// rules and an error naming the rule ID and the JSON path or line. Every
// error found is reported, joined with errors.Join.
//
// LoadRules checks everything that does not need a Normalizer; Compile
// checks the rest (keywords that normalize to nothing, examples).
func LoadRules(r io.Reader) ([]Rule, error) {
	return LoadRulesWith(r, nil)
}

// LoadRulesWith is like LoadRules, but {"ref": "name"} may also name one of
// sets. A set defined in the file itself takes precedence over one of the
// same name in sets. A typical user file builds on the catalog:
//
//	rules, err := indicators.LoadRulesWith(f, indicators.DefaultSets())
//	...
//	d, err := indicators.Compile(indicators.Merge(indicators.DefaultRules(), rules), cfg)
func LoadRulesWith(r io.Reader, sets Sets) ([]Rule, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("indicators: reading rule file: %w", err)
	}
	l := newLoader(sets)
	if err := l.addFile("", data); err != nil {
		return nil, err
	}
	rules, _, err := l.finish()
	return rules, err
}

// Merge returns base with the rules of extra applied: a rule in extra with
// the ID of a rule in base replaces it (or disables it, when extra's rule
// has Disabled set and no indicator), other rules are appended. Neither
// base nor extra is modified.
func Merge(base, extra []Rule) []Rule {
	out := slices.Clone(base)
	at := make(map[string]int, len(out))
	for i, r := range out {
		at[r.ID] = i
	}
	for _, r := range extra {
		i, ok := at[r.ID]
		switch {
		case ok && r.Disabled && r.When == nil:
			out[i].Disabled = true
		case ok:
			out[i] = r
		default:
			at[r.ID] = len(out)
			out = append(out, r)
		}
	}
	return out
}

// loader loads one or more rule files that share their sets.
type loader struct {
	given Sets
	defs  map[string]setDef
	done  map[string]Indicator
	bad   map[string]error
	stack []string // sets being resolved, for cycle errors
	files []fileRules
	nrule int
}

type setDef struct {
	file string
	raw  json.RawMessage
}

type fileRules struct {
	name  string
	rules []json.RawMessage
}

func newLoader(given Sets) *loader {
	return &loader{
		given: given,
		defs:  map[string]setDef{},
		done:  map[string]Indicator{},
		bad:   map[string]error{},
	}
}

// where prefixes a message with the file name, if any.
func where(file, path string) string {
	if file == "" {
		return path
	}
	return file + ": " + path
}

// addFile parses the top level of a file and registers its sets.
func (l *loader) addFile(name string, data []byte) error {
	prefix := "indicators: "
	if name != "" {
		prefix += name + ": "
	}
	if len(data) > maxFileSize {
		return fmt.Errorf("%srule file larger than %d MiB", prefix, maxFileSize>>20)
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			i += size
		}
		line, col := lineCol(data, int64(i))
		return fmt.Errorf("%sline %d, column %d: invalid UTF-8", prefix, line, col)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(data, se.Offset)
			return fmt.Errorf("%sline %d, column %d: %v", prefix, line, col, se)
		}
		return fmt.Errorf("%sa rule file must be a JSON object", prefix)
	}
	if top == nil {
		return fmt.Errorf("%sa rule file must be a JSON object", prefix)
	}
	if err := checkDuplicateKeys(data); err != nil {
		return fmt.Errorf("%s%w", prefix, err)
	}
	for k := range top {
		if k != "sets" && k != "rules" {
			return fmt.Errorf("%sunknown top-level key %s (want sets, rules)", prefix, quoteName(k))
		}
	}
	if raw, ok := top["sets"]; ok {
		var sets map[string]json.RawMessage
		if err := json.Unmarshal(raw, &sets); err != nil {
			return fmt.Errorf("%ssets: must be an object of named indicators", prefix)
		}
		for _, k := range slices.Sorted(maps.Keys(sets)) {
			if k == "" {
				return fmt.Errorf("%ssets: empty set name", prefix)
			}
			if d, dup := l.defs[k]; dup {
				return fmt.Errorf("%ssets: set %s already defined in %s", prefix, quoteName(k), orThisFile(d.file))
			}
			l.defs[k] = setDef{file: name, raw: sets[k]}
		}
	}
	f := fileRules{name: name}
	if raw, ok := top["rules"]; ok {
		if err := json.Unmarshal(raw, &f.rules); err != nil {
			return fmt.Errorf("%srules: must be an array of rules", prefix)
		}
	}
	l.nrule += len(f.rules)
	if l.nrule > maxRules {
		return fmt.Errorf("%smore than %d rules", prefix, maxRules)
	}
	l.files = append(l.files, f)
	return nil
}

func orThisFile(name string) string {
	if name == "" {
		return "this file"
	}
	return name
}

// lineCol returns the 1-based line and column (in bytes) of offset.
func lineCol(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - (bytes.LastIndexByte(before, '\n') + 1)
	if col == 0 {
		col = 1
	}
	return line, col
}

// finish parses every rule and every set and returns the rules, the sets,
// and all errors joined.
func (l *loader) finish() ([]Rule, Sets, error) {
	var rules []Rule
	var errs []error
	ids := map[string]string{}
	for _, f := range l.files {
		for i, raw := range f.rules {
			path := where(f.name, fmt.Sprintf("rules[%d]", i))
			r, err := l.rule(raw, path)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if prev, dup := ids[r.ID]; dup {
				errs = append(errs, &RuleError{Rule: r.ID, Err: fmt.Errorf("%s: duplicate ID (first at %s)", path, prev)})
				continue
			}
			ids[r.ID] = path
			rules = append(rules, r)
		}
	}
	sets := Sets{}
	for _, name := range slices.Sorted(maps.Keys(l.defs)) {
		in, err := l.ref(name)
		if err != nil {
			if !slices.ContainsFunc(errs, func(e error) bool { return errors.Is(e, err) }) {
				errs = append(errs, fmt.Errorf("indicators: %w", err))
			}
			continue
		}
		sets[name] = in
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return rules, sets, nil
}

// pathError is an error at a JSON path.
type pathError struct {
	path string
	msg  string
}

func (e *pathError) Error() string { return e.path + ": " + e.msg }

func errAt(path, format string, args ...any) error {
	return &pathError{path: path, msg: fmt.Sprintf(format, args...)}
}

var ruleKeys = []string{"id", "category", "points", "reason", "reason_en", "when", "match", "no_match", "disabled"}

// rule parses one rule.
func (l *loader) rule(raw json.RawMessage, path string) (Rule, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return Rule{}, fmt.Errorf("indicators: %w", errAt(path, "a rule must be an object"))
	}
	var r Rule
	if err := str(m, "id", &r.ID, path); err != nil || r.ID == "" {
		return Rule{}, fmt.Errorf("indicators: %w", errAt(path+".id", "required string"))
	}
	fail := func(err error) (Rule, error) { return Rule{}, &RuleError{Rule: r.ID, Err: err} }
	for k := range m {
		if !slices.Contains(ruleKeys, k) {
			return fail(errAt(path, "unknown key %s", quoteName(k)))
		}
	}
	if raw, ok := m["disabled"]; ok {
		if err := json.Unmarshal(raw, &r.Disabled); err != nil {
			return fail(errAt(path+".disabled", "must be true or false"))
		}
	}
	if r.Disabled && len(m) == 2 {
		// {"id": "...", "disabled": true} disables the rule of that ID.
		if !idPattern.MatchString(r.ID) {
			return fail(errAt(path+".id", "must look like category.kebab-name"))
		}
		r.Category, _, _ = strings.Cut(r.ID, ".")
		return r, nil
	}
	for _, k := range []string{"category", "points", "reason", "when"} {
		if _, ok := m[k]; !ok {
			return fail(errAt(path+"."+k, "required"))
		}
	}
	if err := str(m, "category", &r.Category, path); err != nil {
		return fail(err)
	}
	if err := json.Unmarshal(m["points"], &r.Points); err != nil {
		return fail(errAt(path+".points", "must be an integer 1–100"))
	}
	if err := str(m, "reason", &r.Reason, path); err != nil {
		return fail(err)
	}
	if err := str(m, "reason_en", &r.ReasonEN, path); err != nil {
		return fail(err)
	}
	if err := strs(m, "match", &r.Match, path); err != nil {
		return fail(err)
	}
	if err := strs(m, "no_match", &r.NoMatch, path); err != nil {
		return fail(err)
	}
	when, err := l.node(m["when"], path+".when", 1)
	if err != nil {
		return fail(err)
	}
	r.When = when
	if err := checkRuleFields(&r); err != nil {
		return fail(errAt(path, "%v", err))
	}
	if isNot(r.When) {
		return fail(errAt(path+".when", "not cannot be the whole indicator; use it inside all"))
	}
	return r, nil
}

// str reads the optional string m[key].
func str(m map[string]json.RawMessage, key string, dst *string, path string) error {
	raw, ok := m[key]
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return errAt(path+"."+key, "must be a string")
	}
	return nil
}

// strs reads the optional string array m[key].
func strs(m map[string]json.RawMessage, key string, dst *[]string, path string) error {
	raw, ok := m[key]
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return errAt(path+"."+key, "must be an array of strings")
	}
	return nil
}

// ref resolves the named set, detecting cycles.
func (l *loader) ref(name string) (Indicator, error) {
	if in, ok := l.done[name]; ok {
		return in, nil
	}
	if err, ok := l.bad[name]; ok {
		return nil, err
	}
	def, ok := l.defs[name]
	if !ok {
		if in, ok := l.given[name]; ok && in != nil {
			return in, nil
		}
		return nil, fmt.Errorf("unknown set %s", quoteName(name))
	}
	if i := slices.Index(l.stack, name); i >= 0 {
		return nil, fmt.Errorf("sets refer to each other in a cycle: %s → %s", strings.Join(l.stack[i:], " → "), name)
	}
	l.stack = append(l.stack, name)
	in, err := l.node(def.raw, where(def.file, "sets."+name), 1)
	l.stack = l.stack[:len(l.stack)-1]
	if err != nil {
		l.bad[name] = err
		return nil, err
	}
	l.done[name] = in
	return in, nil
}

var (
	operators = []string{"keywords", "substrings", "pattern", "entity", "all", "any", "at_least", "near", "not", "ref"}
	modifiers = []string{"except", "disguised", "unless", "weight"}
)

// node parses one indicator.
func (l *loader) node(raw json.RawMessage, path string, depth int) (Indicator, error) {
	if depth > maxDepth {
		return nil, errAt(path, "indicators nested deeper than %d", maxDepth)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, errAt(path, "an indicator must be an object")
	}
	op := ""
	for _, k := range slices.Sorted(maps.Keys(m)) {
		switch {
		case slices.Contains(operators, k):
			if op != "" {
				return nil, errAt(path, "two operators, %q and %q; use one per object", op, k)
			}
			op = k
		case slices.Contains(modifiers, k):
		case k == "of" || k == "prefilter":
		default:
			return nil, errAt(path, "unknown key %s", quoteName(k))
		}
	}
	if op == "" {
		return nil, errAt(path, "no operator (want one of %s)", strings.Join(operators, ", "))
	}
	if _, ok := m["of"]; ok && op != "at_least" && op != "near" {
		return nil, errAt(path+".of", "only with at_least or near")
	}
	if _, ok := m["prefilter"]; ok && op != "pattern" {
		return nil, errAt(path+".prefilter", "only with pattern")
	}
	at := path + "." + op
	var in Indicator
	var err error
	switch op {
	case "keywords", "substrings":
		in, err = keywordsNode(m[op], at, op == "keywords")
	case "pattern":
		var expr string
		var pre []string
		if json.Unmarshal(m[op], &expr) != nil || expr == "" {
			return nil, errAt(at, "must be a non-empty string")
		}
		if err := strs(m, "prefilter", &pre, path); err != nil {
			return nil, err
		}
		if _, err := compilePattern(expr, defaultPatternTimeout); err != nil {
			return nil, errAt(at, "%v", err)
		}
		in = Pattern(expr, pre...)
	case "entity":
		var k EntityKind
		if json.Unmarshal(m[op], &k) != nil || !knownEntity(k) {
			return nil, errAt(at, "must be one of %s", entityNames())
		}
		in = Entity(k)
	case "all", "any":
		var kids []Indicator
		kids, err = l.nodes(m[op], at, depth)
		if err == nil && len(kids) == 0 {
			err = errAt(at, "must be a non-empty array of indicators")
		}
		if op == "all" {
			in = All(kids...)
		} else {
			in = Any(kids...)
		}
	case "at_least", "near":
		var n int
		if json.Unmarshal(m[op], &n) != nil || n < 1 {
			return nil, errAt(at, "must be a positive integer")
		}
		if _, ok := m["of"]; !ok {
			return nil, errAt(path+".of", "required with %s", op)
		}
		var kids []Indicator
		kids, err = l.nodes(m["of"], path+".of", depth)
		switch {
		case err != nil:
		case len(kids) == 0:
			err = errAt(path+".of", "must be a non-empty array of indicators")
		case op == "at_least" && n > len(kids):
			err = errAt(at, "%d is more than the %d indicators of of", n, len(kids))
		case op == "near" && n > maxWindow:
			err = errAt(at, "window larger than %d runes", maxWindow)
		}
		if op == "at_least" {
			in = AtLeast(n, kids...)
		} else {
			in = Near(n, kids...)
		}
	case "not":
		var kid Indicator
		kid, err = l.node(m[op], at, depth+1)
		in = Not(kid)
	case "ref":
		var name string
		if json.Unmarshal(m[op], &name) != nil || name == "" {
			return nil, errAt(at, "must be the name of a set")
		}
		in, err = l.ref(name)
		if err != nil {
			var pe *pathError
			if !errors.As(err, &pe) {
				err = errAt(at, "%v", err)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return l.modifiers(in, m, path, depth)
}

// modifiers wraps in with the object's modifiers, in the documented order.
func (l *loader) modifiers(in Indicator, m map[string]json.RawMessage, path string, depth int) (Indicator, error) {
	if raw, ok := m["except"]; ok {
		kids, err := l.nodes(raw, path+".except", depth)
		if err != nil {
			return nil, err
		}
		if len(kids) == 0 {
			return nil, errAt(path+".except", "must be a non-empty array of indicators")
		}
		in = Except(in, kids...)
	}
	if raw, ok := m["disguised"]; ok {
		var names []string
		if json.Unmarshal(raw, &names) != nil || len(names) == 0 {
			return nil, errAt(path+".disguised", "must be a non-empty array of kind names")
		}
		var kinds normalize.Kind
		for i, kindName := range names {
			k, ok := normalize.ParseKind(kindName)
			if !ok {
				return nil, errAt(fmt.Sprintf("%s.disguised[%d]", path, i), "unknown kind %s", quoteName(kindName))
			}
			kinds |= k
		}
		in = Disguised(kinds, in)
	}
	if raw, ok := m["unless"]; ok {
		kids, err := l.nodes(raw, path+".unless", depth)
		if err != nil {
			return nil, err
		}
		if len(kids) == 0 {
			return nil, errAt(path+".unless", "must be a non-empty array of indicators")
		}
		in = Unless(in, kids...)
	}
	if raw, ok := m["weight"]; ok {
		var f float64
		if json.Unmarshal(raw, &f) != nil || !(f > 0 && f <= maxFactor) {
			return nil, errAt(path+".weight", "must be a number in (0, %d]", maxFactor)
		}
		in = Weight(f, in)
	}
	return in, nil
}

// nodes parses an array of indicators.
func (l *loader) nodes(raw json.RawMessage, path string, depth int) ([]Indicator, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		return nil, errAt(path, "must be an array of indicators")
	}
	kids := make([]Indicator, 0, len(raws))
	for i, r := range raws {
		k, err := l.node(r, fmt.Sprintf("%s[%d]", path, i), depth+1)
		if err != nil {
			return nil, err
		}
		kids = append(kids, k)
	}
	return kids, nil
}

// keywordsNode parses a keywords or substrings list: strings, and arrays
// of strings that are alias groups with the canonical form first.
func keywordsNode(raw json.RawMessage, path string, wholeWord bool) (Indicator, error) {
	var entries []json.RawMessage
	if err := json.Unmarshal(raw, &entries); err != nil || len(entries) == 0 {
		return nil, errAt(path, "must be a non-empty array of words and alias groups")
	}
	n := &node{op: opKeywords, wholeWord: wholeWord}
	for i, e := range entries {
		at := fmt.Sprintf("%s[%d]", path, i)
		var w string
		if json.Unmarshal(e, &w) == nil {
			if w == "" {
				return nil, errAt(at, "empty word")
			}
			n.terms = append(n.terms, term{form: w, canonical: w})
		} else {
			var group []string
			if json.Unmarshal(e, &group) != nil || len(group) == 0 {
				return nil, errAt(at, "must be a word or a non-empty array of words")
			}
			for j, f := range group {
				if f == "" {
					return nil, errAt(fmt.Sprintf("%s[%d]", at, j), "empty word")
				}
				n.terms = append(n.terms, term{form: f, canonical: group[0]})
			}
		}
		if len(n.terms) > maxKeywords {
			return nil, errAt(path, "more than %d words", maxKeywords)
		}
	}
	return n, nil
}

func entityNames() string {
	var names []string
	for _, k := range EntityKinds {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

var namePattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// quoteName quotes a key or name from a rule file for an error message when it
// looks like an identifier. Anything else might be text that was pasted in
// the wrong place, and error messages never repeat text.
func quoteName(s string) string {
	if namePattern.MatchString(s) {
		return strconv.Quote(s)
	}
	return "(not shown: not an identifier)"
}
