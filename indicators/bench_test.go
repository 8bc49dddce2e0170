package indicators

import (
	"fmt"
	"strings"
	"testing"
)

// Vocabulary of the generated benchmark rules: each rule combines a
// subject word and a hook word, some near a contact app, some allow-listed.
var (
	benchSubjects = []string{"刷单", "返利", "兼职", "日结", "打字员", "跑分", "收卡", "博彩", "百家乐", "返水",
		"贷款", "征信", "解冻", "保证金", "安全账户", "通缉", "屏幕共享", "验证码", "高薪", "包吃住",
		"偷渡", "带路", "usdt", "收u", "导师", "内幕", "稳赚", "杀猪", "注销", "退款"}
	benchHooks = []string{"加", "私聊", "联系", "vx", "qq", "飞机", "扫码", "进群", "点击", "链接"}
	benchApps  = []string{"微信", "薇信", "威信", "v信", "扣扣", "telegram", "纸飞机", "tg"}
)

// benchRules generates n keyword rules of varied shapes.
func benchRules(n int) []Rule {
	var rules []Rule
	for i := range n {
		s := benchSubjects[i%len(benchSubjects)]
		h := benchHooks[(i/len(benchSubjects)+i)%len(benchHooks)]
		var in Indicator
		switch i % 5 {
		case 0:
			in = Keywords(s, s+"群")
		case 1:
			in = All(Keywords(s), Keywords(h))
		case 2:
			in = Near(10, Keywords(h), Aliases("微信", benchApps...))
		case 3:
			in = Unless(Near(20, Keywords(s), Keywords(h)), Keywords("警方提醒", "反诈"))
		case 4:
			in = AtLeast(2, Keywords(s), Keywords(h), Keywords(benchSubjects[(i+7)%len(benchSubjects)]))
		}
		cat := fmt.Sprintf("cat_%c", 'a'+i%8)
		rules = append(rules, Rule{ID: fmt.Sprintf("%s.rule-%d", cat, i), Category: cat, Points: 5 + i%30, Reason: "基准测试规则", When: in})
	}
	return rules
}

// benchMessages is a mix of innocent and scam-like messages of my own.
func benchMessages() []string {
	return []string{
		"今天天气不错，我们下午去公园散步吧，顺便买点水果回来。",
		"会议改到明天上午十点，请大家提前准备好季度报告的材料。",
		"妈，我到学校了，宿舍挺好的，室友也都很友善，放心吧。",
		"这家餐厅的红烧肉做得特别好吃，下次带你一起来尝尝。",
		"急招打字员，在家兼职，日结两百，有意者加薇信详聊。",
		"高薪招聘海外客服，包吃住包机票，不看学历，联系飞机 @abc_job。",
		"刷单返利，一单一结，佣金百分之十，扫码进群领任务。",
		"警方提醒：凡是要求刷单、垫付的兼职都是诈骗，请勿轻信。",
		"您的账户涉嫌洗钱，请立即将资金转入安全账户配合调查，并开启屏幕共享。",
		"长期收U，汇率高，量大从优，私聊qq 2750123456。",
		"手机跑分很高，这台新机的性能确实不错，推荐购买。",
		"百家乐真人娱乐，充值返水百分之二，官网 www.example-bet.com。",
		"Hi team, the release is scheduled for Friday; please review the changelog before then.",
		"周末一起去爬山吗？天气预报说是晴天，记得带水和防晒霜。",
		strings.Repeat("这是一段比较长的普通新闻文本，讲述了城市交通建设的最新进展和市民的看法。", 20),
	}
}

// BenchmarkDetectGenerated scans a small mix with 200 generated rules; the
// default catalog and the size classes are in perf_bench_test.go.
func BenchmarkDetectGenerated(b *testing.B) {
	d := MustCompile(benchRules(200), Config{SkipExamples: true})
	msgs := benchMessages()
	b.SetBytes(int64(len(strings.Join(msgs, ""))))
	b.ReportAllocs()
	for b.Loop() {
		for _, m := range msgs {
			d.Detect(m)
		}
	}
}

func BenchmarkDetectGeneratedParallel(b *testing.B) {
	d := MustCompile(benchRules(200), Config{SkipExamples: true})
	msgs := benchMessages()
	b.SetBytes(int64(len(strings.Join(msgs, ""))))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, m := range msgs {
				d.Detect(m)
			}
		}
	})
}

// BenchmarkDetectClean measures the common case: a message that fires
// nothing.
func BenchmarkDetectClean(b *testing.B) {
	d := MustCompile(benchRules(200), Config{SkipExamples: true})
	m := benchMessages()[1]
	b.SetBytes(int64(len(m)))
	b.ReportAllocs()
	for b.Loop() {
		d.Detect(m)
	}
}

func BenchmarkCompile(b *testing.B) {
	rules := benchRules(200)
	b.ReportAllocs()
	for b.Loop() {
		MustCompile(rules, Config{SkipExamples: true})
	}
}
