package indicators_test

import (
	"fmt"

	"github.com/fanzha/fanzha/indicators"
)

// Extract finds contacts even when they are disguised: here a phone number
// in circled digits, a QQ number in full-width digits and a WeChat ID with a
// zero-width space inside. Values are canonical; evidence is the original.
func ExampleDetector_Extract_contacts() {
	d := indicators.MustCompile(nil, indicators.Config{})
	text := "高薪日结，电话①③⑧①②③④⑤⑥⑦⑧，扣扣：８７６５４３２１，薇信 Abc\u200b12345，详情 http://t.cn/A1b2C3"
	for _, e := range d.Extract(text) {
		fmt.Printf("%s %s %q", e.Kind, e.Value, e.Evidence)
		if e.Detail != "" {
			fmt.Printf(" (%s)", e.Detail)
		}
		fmt.Println()
	}
	// Output:
	// mobile_cn 13812345678 "①③⑧①②③④⑤⑥⑦⑧"
	// qq 87654321 "８７６５４３２１"
	// wechat_id abc12345 "Abc\u200b12345"
	// url http://t.cn/A1b2C3 "http://t.cn/A1b2C3" (short_link)
}
