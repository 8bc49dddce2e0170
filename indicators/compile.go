package indicators

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2"
	"github.com/fanzha/fanzha/indicators/internal/ahocorasick"
	"github.com/fanzha/fanzha/normalize"
)

// Limits on what Compile and LoadRules accept.
const (
	maxDepth      = 32      // nesting of indicators
	maxWindow     = 1 << 20 // Near window in runes
	maxFactor     = 10      // Weight factor
	maxBacktrack  = 1 << 16 // regexp2 backtracking stack slots per match
	maxPatternHit = 1000    // pattern matches collected per text
)

// Config defaults (see Config).
const (
	defaultCategoryCap    = 60
	defaultEvasionCap     = 20
	defaultMaxInput       = 1 << 20
	defaultPatternTimeout = 500 * time.Millisecond
)

var idPattern = regexp.MustCompile(`^[a-z_]+\.[a-z0-9-]+$`)
var categoryPattern = regexp.MustCompile(`^[a-z_]+$`)

// compiled is the engine state of a Detector. It is never modified after
// compile returns.
type compiled struct {
	norm    *normalize.Normalizer
	matcher *ahocorasick.Matcher
	forms   []string          // automaton patterns: distinct normalized forms
	rules   []crule           // enabled rules that may score, in rule order
	regexps []*regexp2.Regexp // distinct patterns; a scan runs each at most once
	native  []*nativeProgram  // by regexp: the native program, or nil (see compileNative)
	leads   [][]int32         // by regexp: forms every match begins with, or nil (see addLeads)
	reqs    [][][]int32       // by regexp: sets of required literals, see addRequired
	nkw     int               // forms[:nkw] are those of keywords and prefilters
	byPat   [][]int32
	always  []int32 // rules without a necessary keyword: run on every text
	caps    map[string]int
	nodes   int // nodes of all rules, see numberNodes
	slots   int // distinct keyword leaves, see numberNodes
	// byPatNeed lists by pattern the necessary sets of leaves it is in,
	// of which there are needSets (see numberNeeds).
	byPatNeed [][]int32
	needSets  int
	// keepInPlace is the most matches the arena of a fired rule may
	// hold for run to leave its match there instead of copying it out
	// (see run); tests lower it to check both ways.
	keepInPlace int
	pool        sync.Pool // *scan
	bigPool     sync.Pool // *scan of texts longer than bigText
}

// crule is a compiled rule.
type crule struct {
	rule  *Rule
	root  *cnode
	needs []int32 // the necessary sets that must all be satisfied, see conjuncts
	cap   int     // the cap of the rule's category, see score
}

// cnode is a compiled indicator.
type cnode struct {
	op        nodeOp
	terms     []cterm // opKeywords
	wholeWord bool
	re        int // opPattern: index in compiled.regexps
	expr      string
	pre       []int32 // opPattern: prefilter forms
	entity    EntityKind
	n         int
	factor    float64
	kinds     normalize.Kind
	kids      []*cnode
	needs     needSet // see need
	needDone  bool
	id        int32 // index in the possible memo, see numberNodes
	slot      int32 // opKeywords: index in the keyword memo, or -1
	shared    bool  // its structure occurs more than once: its result is memoized (see memoEval)
	needSlot  int32 // leaves: index of the necessary set, or -1 (see numberNeeds)
}

// cterm is one keyword form of a compiled Keywords leaf.
type cterm struct {
	pat        int32 // automaton pattern of the normalized form
	canonical  string
	head, tail edge // what the first and last rune of the form are
}

// edge classifies the first or last rune of a keyword form for the
// whole-word check.
type edge uint8

const (
	edgeOther  edge = iota // matches next to anything
	edgeLetter             // must not touch a letter
	edgeDigit              // must not touch a digit
)

// compiler holds the state of one Compile call.
type compiler struct {
	c     *compiled
	cfg   *Config
	index map[string]int32 // normalized form → pattern
	exprs map[string]int   // expression → index in regexps
}

func compile(rules []Rule, cfg Config) (*Detector, error) {
	if err := fillDefaults(&cfg); err != nil {
		return nil, err
	}
	cp := &compiler{
		c:     &compiled{norm: cfg.Normalizer, caps: map[string]int{}, keepInPlace: keepInPlace},
		cfg:   &cfg,
		index: map[string]int32{},
		exprs: map[string]int{},
	}
	for k, v := range cfg.CategoryCaps {
		cp.c.caps[k] = v
	}
	if _, ok := cp.c.caps["evasion"]; !ok {
		cp.c.caps["evasion"] = defaultEvasionCap
	}
	only := map[string]bool{}
	for _, c := range cfg.Only {
		only[c] = true
	}

	d := &Detector{cfg: cfg, rules: append([]Rule(nil), rules...), c: cp.c}
	var errs []error
	seen := map[string]bool{}
	for i := range d.rules {
		r := &d.rules[i]
		if seen[r.ID] {
			errs = append(errs, &RuleError{Rule: r.ID, Err: errors.New("duplicate rule ID")})
			continue
		}
		seen[r.ID] = true
		if r.Disabled && r.When == nil {
			// A stub that only disables a rule of that ID elsewhere.
			if !idPattern.MatchString(r.ID) {
				errs = append(errs, &RuleError{Rule: r.ID, Err: errors.New("ID must look like category.kebab-name")})
			}
			continue
		}
		if err := checkRuleFields(r); err != nil {
			errs = append(errs, &RuleError{Rule: r.ID, Err: err})
			continue
		}
		if isNot(r.When) {
			errs = append(errs, &RuleError{Rule: r.ID, Err: errors.New("when: not cannot be the whole indicator; use it inside all")})
			continue
		}
		root, err := cp.node(r.When, 1)
		if err != nil {
			errs = append(errs, &RuleError{Rule: r.ID, Err: err})
			continue
		}
		if r.Disabled || (len(only) > 0 && !only[r.Category]) {
			continue
		}
		cp.c.rules = append(cp.c.rules, crule{rule: r, root: root, cap: cp.c.capOf(r.Category, cfg.CategoryCap)})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	cp.c.nkw = len(cp.c.forms)
	cp.addRequired()
	cp.addLeads()
	cp.c.matcher = ahocorasick.New(cp.c.forms)
	cp.buildPrefilter()
	cp.numberNodes()
	if !cfg.SkipExamples {
		if err := d.checkExamples(); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// fillDefaults replaces the zero fields of cfg by their defaults and checks
// the others.
func fillDefaults(cfg *Config) error {
	if cfg.Normalizer == nil {
		cfg.Normalizer = normalize.Default
	}
	if cfg.Thresholds == (Thresholds{}) {
		cfg.Thresholds = DefaultThresholds
	}
	th := cfg.Thresholds
	if th.Low < 1 || th.Low > th.Medium || th.Medium > th.High || th.High > 100 {
		return errors.New("indicators: thresholds must satisfy 1 ≤ low ≤ medium ≤ high ≤ 100")
	}
	if cfg.FlagAt == 0 {
		cfg.FlagAt = th.Medium
	}
	if cfg.FlagAt < 1 || cfg.FlagAt > 100 {
		return errors.New("indicators: FlagAt must be 1–100")
	}
	if cfg.CategoryCap == 0 {
		cfg.CategoryCap = defaultCategoryCap
	}
	if cfg.CategoryCap < 1 {
		return errors.New("indicators: CategoryCap must be positive")
	}
	for c, v := range cfg.CategoryCaps {
		if v < 1 {
			return fmt.Errorf("indicators: CategoryCaps[%q] must be positive", c)
		}
	}
	if cfg.MaxInput == 0 {
		cfg.MaxInput = defaultMaxInput
	}
	if cfg.MaxInput < 1 {
		return errors.New("indicators: MaxInput must be positive")
	}
	if cfg.PatternTimeout == 0 {
		cfg.PatternTimeout = defaultPatternTimeout
	}
	if cfg.PatternTimeout < 0 {
		return errors.New("indicators: PatternTimeout must be positive")
	}
	return nil
}

// checkRuleFields checks the fields of a rule other than its indicator.
func checkRuleFields(r *Rule) error {
	switch {
	case !idPattern.MatchString(r.ID):
		return errors.New("ID must look like category.kebab-name ([a-z_]+.[a-z0-9-]+)")
	case !categoryPattern.MatchString(r.Category):
		return errors.New("category must be [a-z_]+")
	case !hasPrefixDot(r.ID, r.Category):
		return fmt.Errorf("ID must start with the category %q", r.Category)
	case r.Points < 1 || r.Points > 100:
		return errors.New("points must be 1–100")
	case r.Reason == "":
		return errors.New("reason is empty")
	case r.When == nil:
		return errors.New("when: no indicator")
	}
	return nil
}

func hasPrefixDot(id, category string) bool {
	return len(id) > len(category) && id[:len(category)] == category && id[len(category)] == '.'
}

// isNot reports whether in is Not, possibly under modifiers.
func isNot(in Indicator) bool {
	for in != nil {
		n := in.node()
		if n == nil {
			return false
		}
		switch n.op {
		case opNot:
			return true
		case opWeight, opDisguised, opUnless, opExcept:
			if len(n.kids) == 0 {
				return false
			}
			in = n.kids[0]
		default:
			return false
		}
	}
	return false
}

// node compiles one indicator at the given depth.
func (cp *compiler) node(in Indicator, depth int) (*cnode, error) {
	if in == nil || in.node() == nil {
		return nil, errors.New("nil indicator")
	}
	if depth > maxDepth {
		return nil, fmt.Errorf("indicators nested deeper than %d", maxDepth)
	}
	n := in.node()
	c := &cnode{op: n.op, wholeWord: n.wholeWord, n: n.n, factor: n.factor, kinds: n.kinds, entity: n.entity}
	switch n.op {
	case opKeywords:
		if len(n.terms) == 0 {
			return nil, errors.New("keywords: no words")
		}
		seen := map[int32]bool{}
		for _, t := range n.terms {
			form := cp.cfg.Normalizer.String(t.form)
			if form == "" {
				return nil, fmt.Errorf("keywords: %q is empty after normalization", t.form)
			}
			p := cp.form(form)
			if seen[p] {
				continue // the same form twice reports once
			}
			seen[p] = true
			head, _ := utf8.DecodeRuneInString(form)
			tail, _ := utf8.DecodeLastRuneInString(form)
			c.terms = append(c.terms, cterm{pat: p, canonical: t.canonical, head: edgeOf(head), tail: edgeOf(tail)})
		}
	case opPattern:
		if n.expr == "" {
			return nil, errors.New("pattern: empty expression")
		}
		i, ok := cp.exprs[n.expr]
		if !ok {
			re, err := compilePattern(n.expr, cp.cfg.PatternTimeout)
			if err != nil {
				return nil, err
			}
			i = len(cp.c.regexps)
			cp.c.regexps = append(cp.c.regexps, re)
			cp.c.native = append(cp.c.native, compileNative(n.expr))
			cp.exprs[n.expr] = i
		}
		c.re, c.expr = i, n.expr
		for _, w := range n.prefilter {
			form := cp.cfg.Normalizer.String(w)
			if form == "" {
				return nil, fmt.Errorf("pattern: prefilter %q is empty after normalization", w)
			}
			c.pre = append(c.pre, cp.form(form))
		}
	case opEntity:
		if !knownEntity(n.entity) {
			return nil, fmt.Errorf("entity: unknown kind %q", n.entity)
		}
	case opAll, opAny:
		if len(n.kids) == 0 {
			return nil, fmt.Errorf("%s: no indicators", opName(n.op))
		}
	case opAtLeast:
		if n.n < 1 || n.n > len(n.kids) {
			return nil, fmt.Errorf("at_least: n = %d, want 1–%d", n.n, len(n.kids))
		}
	case opNear:
		if len(n.kids) == 0 {
			return nil, errors.New("near: no indicators")
		}
		if n.n < 1 || n.n > maxWindow {
			return nil, fmt.Errorf("near: window %d runes, want 1–%d", n.n, maxWindow)
		}
	case opNot:
	case opUnless, opExcept:
		if len(n.kids) < 2 {
			return nil, fmt.Errorf("%s: no %s indicators", opName(n.op), map[nodeOp]string{opUnless: "context", opExcept: "allowed"}[n.op])
		}
	case opWeight:
		if !(n.factor > 0 && n.factor <= maxFactor) || math.IsNaN(n.factor) {
			return nil, fmt.Errorf("weight: factor %v, want (0, %d]", n.factor, maxFactor)
		}
	case opDisguised:
		if n.kinds == 0 {
			return nil, errors.New("disguised: no kinds")
		}
	default:
		return nil, fmt.Errorf("unknown indicator operator %d", n.op)
	}
	for i, k := range n.kids {
		if i > 0 && (n.op == opNot || n.op == opWeight || n.op == opDisguised) {
			return nil, fmt.Errorf("%s: takes one indicator", opName(n.op))
		}
		ck, err := cp.node(k, depth+1)
		if err != nil {
			return nil, err
		}
		c.kids = append(c.kids, ck)
	}
	if (n.op == opNot || n.op == opWeight || n.op == opDisguised) && len(c.kids) != 1 {
		return nil, fmt.Errorf("%s: takes one indicator", opName(n.op))
	}
	return c, nil
}

// form returns the automaton pattern of a normalized form, adding it.
func (cp *compiler) form(f string) int32 {
	if p, ok := cp.index[f]; ok {
		return p
	}
	p := int32(len(cp.c.forms))
	cp.c.forms = append(cp.c.forms, f)
	cp.index[f] = p
	return p
}

// compilePattern compiles a rule pattern with the engine's limits. Its error
// names the expression (the rule author's text), never scanned text.
func compilePattern(expr string, timeout time.Duration) (*regexp2.Regexp, error) {
	re, err := regexp2.Compile(expr, regexp2.OptionMaxBacktrackingStackSize(maxBacktrack))
	if err != nil {
		return nil, fmt.Errorf("pattern: %v", err)
	}
	re.MatchTimeout = timeout
	return re, nil
}

func knownEntity(k EntityKind) bool {
	for _, e := range EntityKinds {
		if e == k {
			return true
		}
	}
	return false
}

// edgeOf classifies r for the whole-word check.
func edgeOf(r rune) edge {
	switch {
	case isWordLetter(r):
		return edgeLetter
	case isWordDigit(r):
		return edgeDigit
	}
	return edgeOther
}

var opNames = [...]string{
	opKeywords:  "keywords",
	opPattern:   "pattern",
	opEntity:    "entity",
	opAll:       "all",
	opAny:       "any",
	opAtLeast:   "at_least",
	opNear:      "near",
	opNot:       "not",
	opUnless:    "unless",
	opExcept:    "except",
	opWeight:    "weight",
	opDisguised: "disguised",
}

// opName returns the name of op used in rule files and Match.Op.
func opName(op nodeOp) string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return "unknown"
}
