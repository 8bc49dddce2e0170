package normalize

import (
	"strings"
	"testing"

	"github.com/fanzha/fanzha/internal/benchcpu"
)

// Benchmark texts of a few KB each, written for these benchmarks.
var (
	plainText = strings.Repeat("今天下午我们在公司楼下的咖啡店开会，讨论下个月的产品计划。"+
		"小王说新版本的测试已经完成了，大家可以在周五之前把意见发给他。"+
		"会后我去超市买了一些水果和蔬菜，晚上回家做了菠菜汤。\n", 12)
	traditionalText = strings.Repeat("今天下午我們在公司樓下的咖啡店開會，討論下個月的產品計劃。"+
		"小王說新版本的測試已經完成了，大家可以在週五之前把意見發給他。"+
		"請把款項轉帳到指定帳戶，乾淨俐落，不要擔心。\n", 12)
	disguisedText = strings.Repeat("高薪兼职‼️加 * 微 · 信：Ｖ\u200bＸ 壹叁捌①②③④伍陆柒捌，"+
		"或者扣 扣 🐧 ⑴⑵⑶⑷⑸⑹，✈️ @аbc_vip 纸飞机 Тelegram，"+
		"轉帳到安全帳戶，日结 ５００ 元，不看学历 v‧x 加-微-信\n", 12)
)

func BenchmarkNormalize(b *testing.B) {
	for _, bm := range []struct {
		name, text string
	}{
		{"plain", plainText},
		{"traditional", traditionalText},
		{"disguised", disguisedText},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.text)))
			done := benchcpu.Metric(b, len(bm.text))
			for b.Loop() {
				Normalize(bm.text)
			}
			done()
		})
	}
}

// BenchmarkNormalizeUnchanged measures the fast path: text that no fold
// changes.
func BenchmarkNormalizeUnchanged(b *testing.B) {
	text := strings.Repeat("今天下午我们在公司楼下的咖啡店开会讨论下个月的产品计划", 40)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	done := benchcpu.Metric(b, len(text))
	for b.Loop() {
		Normalize(text)
	}
	done()
}

func BenchmarkNormalizeParallel(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(disguisedText)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			Normalize(disguisedText)
		}
	})
}
