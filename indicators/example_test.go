package indicators_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/fanzha/fanzha/indicators"
	"github.com/fanzha/fanzha/normalize"
)

// show prints whether rule fires on each text, and its evidence.
func show(in indicators.Indicator, texts ...string) {
	d := indicators.MustCompile([]indicators.Rule{{
		ID: "demo.rule", Category: "demo", Points: 10, Reason: "示例", When: in,
	}}, indicators.Config{})
	for _, text := range texts {
		r := d.Detect(text)
		if len(r.Findings) == 0 {
			fmt.Printf("%s: -\n", text)
			continue
		}
		fmt.Printf("%s: %q\n", text, r.Findings[0].Evidence)
	}
}

func ExampleCompile() {
	rules := []indicators.Rule{{
		ID:       "contact_diversion.add-wechat",
		Category: "contact_diversion",
		Points:   25,
		Reason:   "引导添加站外联系方式",
		ReasonEN: "asks to move the chat to WeChat",
		When: indicators.Unless(
			indicators.Near(6, indicators.Keywords("加", "添加"), indicators.Aliases("微信", "薇信", "威信", "vx")),
			indicators.Keywords("警方提醒"),
		),
		Match:   []string{"有意者加薇信详聊"},
		NoMatch: []string{"警方提醒：陌生人让你加微信转账都是诈骗"},
	}, {
		ID:       "job_lure.typist",
		Category: "job_lure",
		Points:   20,
		Reason:   "招聘打字员",
		When:     indicators.Keywords("打字员"),
	}}
	d, err := indicators.Compile(rules, indicators.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r := d.Detect("急招打字员，日结，有意者加薇信详聊")
	r.WriteText(os.Stdout)
	// Output:
	// score 45/100 medium — flagged
	// categories: contact_diversion 25 job_lure 20
	//   20  job_lure.typist  job_lure  招聘打字员  "打字员"
	//   25  contact_diversion.add-wechat  contact_diversion  引导添加站外联系方式  "加薇信"
}

func ExampleCompile_badExample() {
	_, err := indicators.Compile([]indicators.Rule{{
		ID: "job_lure.typist", Category: "job_lure", Points: 20, Reason: "招聘打字员",
		When:  indicators.Keywords("打字员"),
		Match: []string{"招聘文员"},
	}}, indicators.Config{})
	fmt.Println(err)
	// Output:
	// rule job_lure.typist: match[0] does not fire
}

func ExampleDetector_Detect() {
	d := indicators.MustCompile([]indicators.Rule{{
		ID: "money_mule.card-rental", Category: "money_mule", Points: 40, Reason: "出租、收购银行卡",
		When: indicators.Near(4, indicators.Keywords("收", "出租"), indicators.Keywords("银行卡", "卡")),
	}}, indicators.Config{})
	r := d.Detect("高价收银行卡，长期合作")
	fmt.Println(r.Score, r.Level, r.Flagged)
	for _, f := range r.Findings {
		fmt.Println(f.Rule, f.Points, f.Evidence, f.Start, f.End)
	}
	// Output:
	// 40 medium true
	// money_mule.card-rental 40 收银行卡 6 18
}

func ExampleAll() {
	show(indicators.All(indicators.Keywords("刷单"), indicators.Keywords("返利")),
		"刷单有返利", "刷单没有钱")
	// Output:
	// 刷单有返利: "刷单有返利"
	// 刷单没有钱: -
}

func ExampleAny() {
	show(indicators.Any(indicators.Keywords("博彩"), indicators.Keywords("百家乐")),
		"百家乐官网", "打牌娱乐")
	// Output:
	// 百家乐官网: "百家乐"
	// 打牌娱乐: -
}

func ExampleAtLeast() {
	show(indicators.AtLeast(2, indicators.Keywords("高薪"), indicators.Keywords("包吃住"), indicators.Keywords("不看学历")),
		"高薪，不看学历", "包吃住")
	// Output:
	// 高薪，不看学历: "高薪，不看学历"
	// 包吃住: -
}

func ExampleNear() {
	show(indicators.Near(4, indicators.Keywords("加"), indicators.Keywords("微信")),
		"请加我微信", "加班太多，没空看微信")
	// Output:
	// 请加我微信: "加我微信"
	// 加班太多，没空看微信: -
}

func ExampleNot() {
	show(indicators.All(indicators.Keywords("安全账户"), indicators.Not(indicators.Keywords("反诈"))),
		"请把钱转入安全账户", "反诈中心：没有安全账户")
	// Output:
	// 请把钱转入安全账户: "安全账户"
	// 反诈中心：没有安全账户: -
}

func ExampleUnless() {
	show(indicators.Unless(indicators.Keywords("刷单"), indicators.Keywords("警方提醒")),
		"招人刷单", "警方提醒：刷单就是诈骗")
	// Output:
	// 招人刷单: "刷单"
	// 警方提醒：刷单就是诈骗: -
}

func ExampleExcept() {
	show(indicators.Except(indicators.Keywords("跑分"), indicators.Keywords("手机跑分")),
		"这台手机跑分很高", "招人跑分，日结")
	// Output:
	// 这台手机跑分很高: -
	// 招人跑分，日结: "跑分"
}

func ExampleWeight() {
	d := indicators.MustCompile([]indicators.Rule{{
		ID: "gambling.words", Category: "gambling", Points: 20, Reason: "博彩用语",
		When: indicators.Any(indicators.Keywords("菠菜"), indicators.Weight(1.5, indicators.Keywords("百家乐"))),
	}}, indicators.Config{})
	fmt.Println(d.Detect("菠菜").Score, d.Detect("百家乐").Score)
	// Output:
	// 20 30
}

func ExampleDisguised() {
	show(indicators.Disguised(normalize.Disguise, indicators.Keywords("微信")),
		"加微信", "加微-信")
	// Output:
	// 加微信: -
	// 加微-信: "微-信"
}

func ExampleLoadRules() {
	file := `{"rules": [{
		"id": "click_farming.rebate", "category": "click_farming", "points": 30,
		"reason": "刷单返利", "when": {"all": [{"keywords": ["刷单"]}, {"keywords": ["返利", "佣金"]}]},
		"match": ["刷单有佣金"]
	}]}`
	rules, err := indicators.LoadRules(strings.NewReader(file))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := indicators.MustCompile(rules, indicators.Config{})
	fmt.Println(d.Detect("兼职刷单，佣金日结").Score)
	// Output:
	// 30
}

// A moderation loop scans a stream of messages into one Report, whose
// memory each scan reuses; Clone keeps a report past the next scan.
func ExampleDetector_DetectTo() {
	d := indicators.Default()
	messages := []string{
		"明天下午三点开会，记得带上周的报表",
		"高薪兼职刷单返利，日结五百，加薇信 wx_fast2024 详聊",
		"好的，收到",
	}
	var rep indicators.Report
	var held []indicators.Report
	for _, m := range messages {
		if err := d.DetectTo(context.Background(), m, &rep); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(rep.Score, rep.Level, len(rep.Findings) > 0)
		if rep.Flagged {
			held = append(held, rep.Clone())
		}
	}
	fmt.Println("held for review:", len(held), held[0].Findings[0].Evidence != "")
	// Output:
	// 0 none false
	// 100 high true
	// 0 none false
	// held for review: 1 true
}
