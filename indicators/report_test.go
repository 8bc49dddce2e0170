package indicators

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestLevelText(t *testing.T) {
	for _, l := range []Level{LevelNone, LevelLow, LevelMedium, LevelHigh} {
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		var back Level
		if err := json.Unmarshal(b, &back); err != nil || back != l {
			t.Errorf("%v: round trip via %s gives %v, %v", l, b, back, err)
		}
	}
	var l Level
	if err := l.UnmarshalText([]byte("severe")); err == nil {
		t.Error("UnmarshalText accepted an unknown level")
	}
}

func TestReportJSON(t *testing.T) {
	d := MustCompile([]Rule{
		testRule("job", 30, Keywords("刷单")),
		testRule("slow", 10, Pattern(evil)),
	}, Config{SkipExamples: true, PatternTimeout: time.Millisecond})
	r := d.Detect("刷单" + strings.Repeat("a", 3000) + "!")
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	js := string(b)
	for _, want := range []string{
		`"score":30`, `"level":"low"`, `"flagged":false`,
		`"categories":[{"category":"test","score":30}]`,
		`"matches":[{"rule":"test.job","category":"test","points":30,"reason":"测试规则","start":0,"end":6,"evidence":"刷单","normalized":"刷单","disguise":[],"match":{`,
		`"entities":[]`,
		`"errors":[{"rule":"test.slow","error":"indicators: pattern match timed out`,
	} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s\n%s", want, js)
		}
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Level != LevelLow || len(back.Errors) != 1 || !errors.Is(back.Errors[0], ErrTimeout) {
		t.Errorf("round trip: %+v", back)
	}
}

func TestEmptyReportJSON(t *testing.T) {
	b, _ := json.Marshal(MustCompile(nil, Config{}).Detect("你好"))
	if got, want := string(b), `{"score":0,"level":"none","flagged":false,"categories":[],"matches":[],"entities":[]}`; got != want {
		t.Errorf("JSON = %s, want %s", got, want)
	}
}

func TestWriteText(t *testing.T) {
	d := MustCompile([]Rule{
		testRule("job", 30, Keywords("刷单")),
		{ID: "contact.qq", Category: "contact", Points: 15, Reason: "留下QQ号", When: Entity(QQ)},
	}, Config{SkipExamples: true})
	r := d.Detect("招人刷单，加qq 2750123456")
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"score 45/100 medium — flagged\n",
		"categories: test 30 contact 15\n",
		"  30  test.job  test  测试规则  \"刷单\"\n",
		"  15  contact.qq  contact  留下QQ号  \"2750123456\"\n",
		"entity  qq  2750123456",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("text lacks %q:\n%s", want, got)
		}
	}
	if r.String() != got {
		t.Error("String differs from WriteText")
	}
}

func TestDetectContext(t *testing.T) {
	d := MustCompile([]Rule{testRule("a", 10, Keywords("刷单")), testRule("b", 10, Keywords("返利"))}, Config{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := d.DetectContext(ctx, "刷单返利")
	if !errors.Is(err, context.Canceled) || len(r.Findings) != 0 {
		t.Errorf("canceled: %d findings, err %v", len(r.Findings), err)
	}
	r, err = d.DetectContext(context.Background(), "刷单返利")
	if err != nil || len(r.Findings) != 2 {
		t.Errorf("not canceled: %d findings, err %v", len(r.Findings), err)
	}
}

func TestTruncation(t *testing.T) {
	d := MustCompile([]Rule{testRule("a", 10, Keywords("刷单"))}, Config{MaxInput: 10})
	// 刷 is 3 bytes: 10 bytes cut inside the fourth rune.
	r := d.Detect("返利刷单返利")
	if !r.Truncated || len(r.Findings) != 0 {
		t.Errorf("truncated scan: %+v", r)
	}
	r = d.Detect("刷单返利")
	if !r.Truncated || len(r.Findings) != 1 {
		t.Errorf("keyword before the cut: %+v", r)
	}
	if r := d.Detect("刷单"); r.Truncated {
		t.Error("short text truncated")
	}
	if got := truncate("刷单返利", 10); got != "刷单返" {
		t.Errorf("truncate = %q", got)
	}
}

func TestEntitiesInReport(t *testing.T) {
	d := MustCompile([]Rule{{ID: "contact.phone", Category: "contact", Points: 20, Reason: "留下手机号", When: Entity(MobileCN)}}, Config{})
	text := "联系我 13812345678 或者 qq 2750123456"
	r := d.Detect(text)
	if len(r.Findings) != 1 || r.Findings[0].Match.Value != "13812345678" || r.Findings[0].Evidence != "13812345678" {
		t.Fatalf("findings = %+v", r.Findings)
	}
	if len(r.Entities) < 2 {
		t.Fatalf("entities = %+v, want the phone and the QQ number", r.Entities)
	}
	for i, e := range r.Entities {
		if text[e.Start:e.End] != e.Evidence {
			t.Errorf("entity %+v: evidence is not text[start:end]", e)
		}
		if i > 0 && r.Entities[i-1].Start > e.Start {
			t.Errorf("entities not sorted: %+v", r.Entities)
		}
	}
	if got := d.Extract(text); len(got) != len(r.Entities) {
		t.Errorf("Extract = %+v, Report.Entities = %+v", got, r.Entities)
	}
}
