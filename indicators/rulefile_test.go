package indicators

import (
	"errors"
	"strings"
	"testing"
)

const goodFile = `{
  "sets": {
    "contact_app": {"keywords": [["微信", "薇信", "vx"], ["qq", "扣扣"]]},
    "police_warning": {"keywords": ["警方提醒", "反诈提醒"]},
    "contact_or_phone": {"any": [{"ref": "contact_app"}, {"entity": "mobile_cn"}]}
  },
  "rules": [
    {
      "id": "contact_diversion.add-private-app",
      "category": "contact_diversion",
      "points": 25,
      "reason": "引导添加站外联系方式",
      "reason_en": "asks to move the chat to a private app",
      "when": {
        "near": 6,
        "of": [{"keywords": ["加", "添加"]}, {"ref": "contact_app"}],
        "unless": [{"ref": "police_warning"}]
      },
      "match": ["有意者加薇信详聊"],
      "no_match": ["警方提醒：陌生人让你加微信转账都是诈骗"]
    },
    {
      "id": "job_lure.typist",
      "category": "job_lure",
      "points": 20,
      "reason": "招聘打字员并留下联系方式",
      "when": {"all": [{"keywords": ["打字员"]}, {"ref": "contact_or_phone"}], "weight": 1.5},
      "match": ["招打字员，加vx"]
    },
    {
      "id": "money_mule.pao-fen",
      "category": "money_mule",
      "points": 30,
      "reason": "招人跑分",
      "when": {"substrings": ["跑分"], "except": [{"keywords": ["手机跑分"]}], "disguised": ["separator", "invisible"]},
      "match": ["招人跑-分"],
      "no_match": ["招人跑分", "手机跑-分"]
    },
    {
      "id": "gambling.rebate",
      "category": "gambling",
      "points": 10,
      "reason": "充值返水",
      "when": {"at_least": 2, "of": [{"keywords": ["充值"]}, {"keywords": ["返水"]}, {"pattern": "\\d+%", "prefilter": ["返水"]}, {"all": [{"keywords": ["首充"]}, {"not": {"keywords": ["公告"]}}]}]},
      "match": ["充值就返水10%"]
    },
    {"id": "gambling.some-builtin-rule", "disabled": true}
  ]
}`

func TestLoadRules(t *testing.T) {
	rules, err := LoadRules(strings.NewReader(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 5 {
		t.Fatalf("%d rules, want 5", len(rules))
	}
	stub := rules[4]
	if stub.ID != "gambling.some-builtin-rule" || !stub.Disabled || stub.When != nil || stub.Category != "gambling" {
		t.Errorf("stub = %+v", stub)
	}
	if rules[0].ReasonEN != "asks to move the chat to a private app" || len(rules[0].NoMatch) != 1 {
		t.Errorf("rule 0 = %+v", rules[0])
	}
	d, err := Compile(rules, Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Detect("急招打字员，有意者加薇信详聊")
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Rule)
	}
	if strings.Join(got, " ") != "job_lure.typist contact_diversion.add-private-app" {
		t.Errorf("findings %v", got)
	}
	if r.Findings[0].Points != 30 {
		t.Errorf("weighted points = %d, want 30", r.Findings[0].Points)
	}
}

func TestLoadRulesErrors(t *testing.T) {
	rule := func(when string) string {
		return `{"rules": [{"id": "test.x", "category": "test", "points": 5, "reason": "r", "when": ` + when + `}]}`
	}
	cases := []struct {
		name, file string
		want       []string
	}{
		{"syntax", "{\n  \"rules\": [\n    {\"id\": \"test.x\",, }\n  ]\n}", []string{"line 3, column 21"}},
		{"duplicate key", "{\"rules\": [\n  {\"id\": \"test.x\", \"id\": \"test.y\", \"disabled\": true}]}", []string{`line 2, column 20: duplicate key "id"`}},
		{"duplicate operator", rule(`{"keywords": ["a"], "keywords": ["b"]}`), []string{`duplicate key "keywords"`}},
		{"not object", `[]`, []string{"must be a JSON object"}},
		{"unknown top key", `{"rule": []}`, []string{`unknown top-level key "rule"`}},
		{"rules not array", `{"rules": {}}`, []string{"rules: must be an array"}},
		{"missing id", `{"rules": [{"category": "test"}]}`, []string{"rules[0].id: required"}},
		{"unknown rule key", `{"rules": [{"id": "test.x", "category": "test", "points": 5, "reason": "r", "when": {"keywords": ["a"]}, "score": 1}]}`,
			[]string{"rule test.x", `rules[0]: unknown key "score"`}},
		{"missing when", `{"rules": [{"id": "test.x", "category": "test", "points": 5, "reason": "r"}]}`, []string{"rule test.x", "rules[0].when: required"}},
		{"bad points", `{"rules": [{"id": "test.x", "category": "test", "points": 1.5, "reason": "r", "when": {"keywords": ["a"]}}]}`, []string{"rules[0].points"}},
		{"points range", `{"rules": [{"id": "test.x", "category": "test", "points": 500, "reason": "r", "when": {"keywords": ["a"]}}]}`, []string{"rules[0]: points must be 1–100"}},
		{"category mismatch", `{"rules": [{"id": "test.x", "category": "other", "points": 5, "reason": "r", "when": {"keywords": ["a"]}}]}`, []string{"must start with the category"}},
		{"no operator", rule(`{"weight": 2}`), []string{"rules[0].when: no operator"}},
		{"two operators", rule(`{"keywords": ["a"], "pattern": "b"}`), []string{"rules[0].when: two operators"}},
		{"unknown key", rule(`{"keywords": ["a"], "window": 3}`), []string{`rules[0].when: unknown key "window"`}},
		{"empty keywords", rule(`{"keywords": []}`), []string{"rules[0].when.keywords: must be a non-empty array"}},
		{"bad keyword entry", rule(`{"keywords": ["a", 3]}`), []string{"rules[0].when.keywords[1]"}},
		{"empty alias", rule(`{"keywords": [["a", ""]]}`), []string{"rules[0].when.keywords[0][1]: empty word"}},
		{"nested path", rule(`{"all": [{"keywords": ["a"]}, {"near": 3, "of": [{"keywords": ["b"]}, {"entity": "fax"}]}]}`),
			[]string{"rules[0].when.all[1].of[1].entity: must be one of"}},
		{"of without near", rule(`{"any": [{"keywords": ["a"]}], "of": []}`), []string{"rules[0].when.of: only with"}},
		{"near without of", rule(`{"near": 3}`), []string{"rules[0].when.of: required"}},
		{"at_least too big", rule(`{"at_least": 3, "of": [{"keywords": ["a"]}]}`), []string{"rules[0].when.at_least"}},
		{"bad pattern", rule(`{"pattern": "("}`), []string{"rules[0].when.pattern"}},
		{"prefilter alone", rule(`{"keywords": ["a"], "prefilter": ["b"]}`), []string{"rules[0].when.prefilter: only with pattern"}},
		{"bad kind", rule(`{"keywords": ["a"], "disguised": ["sneaky"]}`), []string{`rules[0].when.disguised[0]: unknown kind "sneaky"`}},
		{"bad weight", rule(`{"keywords": ["a"], "weight": 0}`), []string{"rules[0].when.weight"}},
		{"not at top", rule(`{"not": {"keywords": ["a"]}}`), []string{"rules[0].when: not cannot"}},
		{"unknown ref", rule(`{"ref": "nothing"}`), []string{`rules[0].when.ref: unknown set "nothing"`}},
		{"cycle", `{"sets": {"a": {"any": [{"ref": "b"}]}, "b": {"ref": "a"}}, "rules": []}`, []string{"cycle: a → b → a"}},
		{"bad set", `{"sets": {"a": {"keywords": 5}}, "rules": []}`, []string{"sets.a.keywords"}},
		{"duplicate id", `{"rules": [{"id": "test.x", "disabled": true}, {"id": "test.x", "disabled": true}]}`, []string{"rules[1]: duplicate ID (first at rules[0])"}},
		{"too deep", rule(strings.Repeat(`{"any": [`, 40) + `{"keywords": ["a"]}` + strings.Repeat(`]}`, 40)), []string{"nested deeper than 32"}},
		{"two errors", `{"rules": [{"id": "test.a", "category": "test", "points": 0, "reason": "r", "when": {"keywords": ["a"]}},
			{"id": "test.b", "category": "test", "points": 5, "when": {"keywords": ["a"]}}]}`,
			[]string{"rule test.a: rules[0]: points", "rule test.b: rules[1].reason: required"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rules, err := LoadRules(strings.NewReader(c.file))
			if err == nil {
				t.Fatalf("loaded %d rules", len(rules))
			}
			if rules != nil {
				t.Errorf("half-loaded: %d rules", len(rules))
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestLoadRulesRuleError(t *testing.T) {
	_, err := LoadRules(strings.NewReader(`{"rules": [{"id": "test.x", "category": "test", "points": 5, "reason": "r", "when": {"keywords": []}}]}`))
	var re *RuleError
	if !errors.As(err, &re) || re.Rule != "test.x" {
		t.Errorf("error %v is not a RuleError for test.x", err)
	}
}

func TestLoadRulesLimits(t *testing.T) {
	big := `{"rules": [], "sets": {"a": {"keywords": ["` + strings.Repeat("字", maxFileSize/3+1) + `"]}}}`
	if _, err := LoadRules(strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "larger than 8 MiB") {
		t.Errorf("big file: %v", err)
	}
	words := `["` + strings.Repeat(`w", "`, maxKeywords) + `w"]`
	if _, err := LoadRules(strings.NewReader(`{"sets": {"a": {"keywords": ` + words + `}}}`)); err == nil || !strings.Contains(err.Error(), "more than 10000 words") {
		t.Errorf("many words: %v", err)
	}
	rules := `[` + strings.Repeat(`{"id": "test.x", "disabled": true},`, maxRules) + `{"id": "test.y", "disabled": true}]`
	if _, err := LoadRules(strings.NewReader(`{"rules": ` + rules + `}`)); err == nil || !strings.Contains(err.Error(), "more than 10000 rules") {
		t.Errorf("many rules: %v", err)
	}
}

func TestLoadRulesWith(t *testing.T) {
	sets := Sets{"scam_word": Keywords("刷单"), "contact_app": Keywords("微信")}
	file := `{"sets": {"contact_app": {"keywords": ["飞机"]}}, "rules": [
		{"id": "test.a", "category": "test", "points": 5, "reason": "r", "when": {"all": [{"ref": "scam_word"}, {"ref": "contact_app"}]}, "match": ["刷单加飞机"], "no_match": ["刷单加微信"]}]}`
	rules, err := LoadRulesWith(strings.NewReader(file), sets)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Compile(rules, Config{}); err != nil {
		t.Error(err) // the file's own contact_app wins over the given one
	}
	if _, err := LoadRules(strings.NewReader(file)); err == nil {
		t.Error("LoadRules resolved a set it was not given")
	}
}

func TestMerge(t *testing.T) {
	base := []Rule{testRule("a", 10, Keywords("刷单")), testRule("b", 10, Keywords("返利"))}
	extra := []Rule{
		testRule("b", 30, Keywords("返利", "返现")), // replaces
		{ID: "test.a", Disabled: true},          // disables
		testRule("c", 5, Keywords("垫付")),        // appended
	}
	got := Merge(base, extra)
	if len(got) != 3 || !got[0].Disabled || got[0].When == nil || got[1].Points != 30 || got[2].ID != "test.c" {
		t.Errorf("Merge = %+v", got)
	}
	if base[0].Disabled || base[1].Points != 10 {
		t.Error("Merge modified base")
	}
	d := MustCompile(got, Config{})
	r := d.Detect("刷单返现垫付")
	if len(r.Findings) != 2 || r.Findings[0].Rule != "test.b" || r.Findings[1].Rule != "test.c" {
		t.Errorf("findings %+v", r.Findings)
	}
}

func TestDefaultSetsInUserFile(t *testing.T) {
	sets := DefaultSets()
	if len(sets) == 0 {
		t.Skip("the catalog defines no sets")
	}
	name := ""
	for k := range sets {
		if name == "" || k < name {
			name = k
		}
	}
	file := `{"rules": [{"id": "test.a", "category": "test", "points": 5, "reason": "r", "when": {"ref": "` + name + `"}}]}`
	if _, err := LoadRulesWith(strings.NewReader(file), sets); err != nil {
		t.Errorf("ref to built-in set %q: %v", name, err)
	}
}
