package indicators

import (
	"strings"
	"testing"

	"github.com/fanzha/fanzha/internal/benchcpu"
	"github.com/fanzha/fanzha/normalize"
)

// benchEntityText is a few KB of chat-like lines, some with contacts and
// numbers, most without.
var benchEntityText = strings.Repeat(
	"今天天气不错，我们下午三点在公司楼下见面，记得带上合同和发票。\n"+
		"高薪招聘打字员，日结800元，加微信abc12345或qq 87654321咨询。\n"+
		"订单号2024051312345672已发货，预计3天内送达，运费12.5元。\n"+
		"联系电话138 1234 5678，或+855 12 345 678，飞机@job_helper。\n"+
		"详情请看 https://example.com/jobs?id=42 或 abc.top，短链 t.cn/Ab12。\n"+
		"收U地址 TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj，卡号6222021234567890128。\n"+
		"版本1.2.3更新了很多功能，价格1.5万，欢迎大家试用并反馈意见。\n",
	8)

// BenchmarkFindEntities scans the text for every kind, as a Detector does
// when rules use all of them.
func BenchmarkFindEntities(b *testing.B) {
	text := normalize.Normalize(benchEntityText)
	var dst []entityMatch
	b.SetBytes(int64(len(benchEntityText)))
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range EntityKinds {
			dst = findEntities(&text, k, dst[:0])
		}
	}
}

// BenchmarkFindEntitiesKind scans the text for one kind at a time.
func BenchmarkFindEntitiesKind(b *testing.B) {
	text := normalize.Normalize(benchEntityText)
	for _, k := range EntityKinds {
		b.Run(string(k), func(b *testing.B) {
			var dst []entityMatch
			b.SetBytes(int64(len(benchEntityText)))
			b.ReportAllocs()
			for b.Loop() {
				dst = findEntities(&text, k, dst[:0])
			}
		})
	}
}

// BenchmarkFindEntitiesSMS scans the normalized SMS mix of the Detect
// benchmark for every kind, as Detect does for each text.
func BenchmarkFindEntitiesSMS(b *testing.B) {
	texts := make([]normalize.Text, len(benchSMS))
	for i, s := range benchSMS {
		texts[i] = normalize.Normalize(s)
	}
	for _, k := range EntityKinds {
		b.Run(string(k), func(b *testing.B) {
			var dst []entityMatch
			b.SetBytes(int64(totalLen(benchSMS)))
			defer benchcpu.Metric(b, totalLen(benchSMS))()
			for b.Loop() {
				for i := range texts {
					dst = findEntities(&texts[i], k, dst[:0])
				}
			}
		})
	}
}
