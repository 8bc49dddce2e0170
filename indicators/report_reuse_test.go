package indicators

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// reuseTexts are texts of very different sizes and numbers of findings, in
// an order where a report with many findings is followed by one with few,
// so that reused slices shrink as well as grow.
func reuseTexts() []string {
	var texts []string
	texts = append(texts, benchLong...)
	texts = append(texts, benchSMS...)
	texts = append(texts, benchShort...)
	texts = append(texts,
		"",
		"急招兼职刷单，日结三百，加微信 wx_fast2024，刷单返利，名额有限",
		"今天天气很好",
		strings.Repeat("刷单返利，加V：abc12345。", 40),
		"尊敬的客户，您的账户存在异常，请点击 http://a.example.top 验证",
	)
	// Interleave long and short: the longest first, then alternate.
	out := make([]string, 0, len(texts))
	for i, j := 0, len(texts)-1; i <= j; i, j = i+1, j-1 {
		out = append(out, texts[i])
		if i != j {
			out = append(out, texts[j])
		}
	}
	return out
}

func TestDetectToMatchesDetect(t *testing.T) {
	d := Default()
	ctx := context.Background()
	var rep Report
	var kept []Report
	texts := reuseTexts()
	for _, text := range texts {
		if err := d.DetectTo(ctx, text, &rep); err != nil {
			t.Fatalf("%.40q: %v", text, err)
		}
		want := d.Detect(text)
		if !reflect.DeepEqual(exportedOnly(rep), exportedOnly(want)) {
			t.Errorf("%.40q: DetectTo differs from Detect:\n got %+v\nwant %+v", text, rep, want)
		}
		if !sameJSON(t, rep, want) {
			t.Errorf("%.40q: DetectTo marshals differently from Detect", text)
		}
		kept = append(kept, rep.Clone())
	}
	// The clones must not have been overwritten by the later scans.
	for i, text := range texts {
		if !sameJSON(t, kept[i], d.Detect(text)) {
			t.Errorf("%.40q: the clone changed after later DetectTo calls", text)
		}
	}
}

// exportedOnly returns r without the memory kept for reuse, which differs
// between a fresh and a reused report.
func exportedOnly(r Report) Report {
	r.parts, r.names = nil, nil
	return r
}

func sameJSON(t *testing.T, a, b Report) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}

// A reused report must not keep what an earlier, larger report held: its
// slices past their new length are zeroed.
func TestDetectToClearsStale(t *testing.T) {
	d := Default()
	ctx := context.Background()
	var rep Report
	big := strings.Repeat("急招兼职刷单，日结三百，加微信 wx_fast2024，官网 http://x.example.top ", 20)
	if err := d.DetectTo(ctx, big, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 || len(rep.Entities) == 0 || len(rep.parts) == 0 {
		t.Fatalf("the large text gave %d findings, %d entities, %d parts; the test needs some of each",
			len(rep.Findings), len(rep.Entities), len(rep.parts))
	}
	findings := rep.Findings[:cap(rep.Findings)]
	entities := rep.Entities[:cap(rep.Entities)]
	parts := rep.parts[:cap(rep.parts)]
	categories := rep.Categories[:cap(rep.Categories)]
	if err := d.DetectTo(ctx, "今天天气很好", &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 0 || len(rep.Entities) != 0 {
		t.Fatalf("an innocent text gave %d findings, %d entities", len(rep.Findings), len(rep.Entities))
	}
	for i := range findings {
		if !reflect.DeepEqual(findings[i], Finding{}) {
			t.Fatalf("finding %d of the earlier report is still held: %+v", i, findings[i])
		}
	}
	for i := range entities {
		if entities[i] != (Extracted{}) {
			t.Fatalf("entity %d of the earlier report is still held: %+v", i, entities[i])
		}
	}
	for i := range parts {
		if !reflect.DeepEqual(parts[i], Match{}) {
			t.Fatalf("match part %d of the earlier report is still held: %+v", i, parts[i])
		}
	}
	for i := range categories {
		if categories[i] != (CategoryScore{}) {
			t.Fatalf("category %d of the earlier report is still held: %+v", i, categories[i])
		}
	}
}

// Once a reused report has grown, scanning into it allocates only what
// the scan itself needs: the normalized text and entity values.
func TestDetectToAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	d := Default()
	ctx := context.Background()
	text := "高薪兼职：刷单返利，日结五百，加微信 wx_fast2024 详聊，名额有限，不要告诉家人"
	var rep Report
	d.DetectTo(ctx, text, &rep)
	if len(rep.Findings) < 3 {
		t.Fatalf("the text gave %d findings; the test needs a flagged text", len(rep.Findings))
	}
	reused := testing.AllocsPerRun(100, func() { d.DetectTo(ctx, text, &rep) })
	fresh := testing.AllocsPerRun(100, func() { d.Detect(text) })
	t.Logf("allocations: %v reusing the report, %v with Detect", reused, fresh)
	if reused > 3 {
		t.Errorf("DetectTo into a grown report allocated %v times, want at most 3", reused)
	}
	if reused >= fresh {
		t.Errorf("DetectTo allocated %v times, Detect %v: reuse saves nothing", reused, fresh)
	}
}

func TestDetectToNilReport(t *testing.T) {
	if err := Default().DetectTo(context.Background(), "加微信", nil); err == nil {
		t.Error("DetectTo into a nil report returned no error")
	}
}
