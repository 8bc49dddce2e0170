package indicators

// A Rule scores a finding. Only rules carry points; indicators only find.
type Rule struct {
	// ID is stable and unique: "category.kebab-name", for example
	// "contact_diversion.add-wechat". The part before the dot is Category.
	ID string
	// Category groups rules in the report (see Categories).
	Category string
	// Points the rule adds to its category when it fires (1–100).
	Points int
	// Reason says, in Chinese, what the rule found, for a moderator:
	// "引导添加站外联系方式", not "命中关键词".
	Reason string
	// ReasonEN is the reason in English (optional).
	ReasonEN string
	// When is the indicator that makes the rule fire.
	When Indicator
	// Match lists texts the rule must fire on; Compile checks them.
	Match []string
	// NoMatch lists texts the rule must not fire on; Compile checks them.
	NoMatch []string
	// Disabled rules are validated but never run. A rule file can disable a
	// built-in rule by giving its ID with "disabled": true.
	Disabled bool
}
