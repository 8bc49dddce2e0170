package indicators

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden/reports.txt from the current Detector")

// goldenSentences are texts of our own that add cases the benchmark corpus
// lacks: repeated one-character keywords, rules whose words are far apart,
// disguises across keywords, and texts at the edges of Near windows.
var goldenSentences = []string{
	"",
	"天天加班，月月加薪，日日开心，你好啊，元旦快乐！",
	"您好，我是客服，您的账户存在风险，请立即下载会议软件并共享屏幕。",
	"恭喜您中奖了！请点击 http://example.com/prize 领取，先交手续费 200 元。",
	"刷单兼职，日结 300 元，加 QQ 12345678 详聊，名额有限。",
	"我是公安局的，你涉嫌洗钱，需要把资金转到安全账户配合调查，不要告诉家人。",
	"妈，我手机掉了，这是新号，急需 5000 块钱交学费，转到这个卡号 6222 0000 1111 2222。",
	"投-资-理-财 稳 赚 不 赔，加 微 信 abc_12345 带 你 飞",
	"ｕｓｄｔ 高额返利，导师带单，加群 t.me/example_group",
	"今天天气很好，我们去公园散步，然后吃了一顿火锅。",
	"你的快递丢失了，我们将按三倍理赔，请提供银行卡号和验证码。",
	"贷款无抵押，秒到账，先交保证金和解冻费，逾期影响征信。",
	strings.Repeat("天", 300) + "验证码" + strings.Repeat("日", 300) + "转账",
	strings.Repeat("你好，", 200) + "请把验证码发给我",
	"Dear customer, your account is suspended. Verify your password at http://example.net/login within 24 hours.",
	"Congratulations! You have won a prize. Pay the shipping fee by gift card to claim it.",
}

// goldenTexts returns every text the golden file covers, in a fixed order.
func goldenTexts() []string {
	var texts []string
	texts = append(texts, benchShort...)
	texts = append(texts, benchSMS...)
	texts = append(texts, benchLong...)
	texts = append(texts, benchClean100, benchSized(10<<10))
	return append(texts, goldenSentences...)
}

// TestGoldenReports checks that the default Detector's reports on the
// benchmark corpus and on goldenSentences are byte for byte what they were
// when the golden file was written, so that speed-ups cannot change a
// verdict or an explanation. Run with -update-golden to rewrite the file
// after an intended change of the catalog or of the report.
func TestGoldenReports(t *testing.T) {
	d := Default()
	var buf bytes.Buffer
	for i, text := range goldenTexts() {
		r := d.Detect(text)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("text %d: %v", i, err)
		}
		fmt.Fprintf(&buf, "%d %s\n", i, b)
		// Match.Disguise is not part of the JSON; keep it honest too.
		for _, f := range r.Findings {
			fmt.Fprintf(&buf, "%d %s disguise %s\n", i, f.Rule, matchDisguises(f.Match))
		}
	}
	const name = "testdata/golden/reports.txt"
	if *updateGolden {
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("line %d differs:\n got %s\nwant %s", i+1, g, w)
		}
	}
}

// matchDisguises returns the Disguise of m and of its parts, depth first.
func matchDisguises(m Match) string {
	s := fmt.Sprint(uint64(m.Disguise))
	if len(m.Parts) > 0 {
		parts := make([]string, len(m.Parts))
		for i, p := range m.Parts {
			parts[i] = matchDisguises(p)
		}
		s += "(" + strings.Join(parts, " ") + ")"
	}
	return s
}
