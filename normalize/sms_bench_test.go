package normalize

import (
	"testing"

	"github.com/fanzha/fanzha/internal/benchcpu"
)

// smsTexts are SMS-length messages (60–200 characters) written for this
// benchmark: mostly plain simplified Chinese, some traditional, a few
// lightly disguised, as an SMS gateway sees them. Normalize's per-call
// costs matter more here than in the long texts of BenchmarkNormalize.
var smsTexts = []string{
	"妈，我明天下午坐高铁回家，大概晚上七点到站，不用来接我，我自己打车回去就行。冰箱里的饺子别全吃完，给我留一点。",
	"各位同学请注意，本周四下午两点在图书馆三楼报告厅举办毕业设计中期检查，请带好开题报告和进度表，不得无故缺席。",
	"张经理您好，上次说的那批办公椅已经到货了，一共四十把，明天上午安排师傅送到贵公司，麻烦您提前跟前台打个招呼。",
	"周末天气不错，要不要一起去爬山？我查了一下，从南门上去大概两个小时，山顶有个小茶馆，可以坐着歇一会儿再下来。",
	"【社区医院】您预约的体检时间为下周一上午八点，请空腹前来，携带身份证和医保卡。如需改期，请提前一天回复本短信。",
	"老同学，好久不见！下个月我们班要办毕业十周年聚会，地点定在学校旁边那家老饭馆，你有空的话一定要来，大家都很想你。",
	"您的快递已放在小区东门的快递柜，取件码是四位数，请在四十八小时内取出，超时将收取保管费。如有疑问请联系派送员。",
	"今天的会议纪要我整理好了，放在共享文件夹里，主要是三件事：预算调整、新人培训和年底的客户回访，大家有空看一下。",
	"明天早上我們在車站門口集合，記得帶上雨傘和外套，山上可能會下雨。午飯在農家樂吃，費用大家平均分攤，到時候再算。",
	"親愛的會員您好，本店週年慶活動從本週五開始，全館商品八折優惠，憑會員卡還可以領取一份小禮品，歡迎您光臨選購。",
	"老師您好，孩子這兩天有點發燒，醫生說要在家休息，麻煩您幫忙請個假，作業我們會在家裡補上，謝謝您的關心和理解。",
	"兼职日结，在家就能做，每天两小时，工资三百起，有意者加 V 详聊，名额有限，先到先得，不要错过这个机会哦。",
	"恭喜您获得本月幸运用户奖励，点击链接领取红包，逾期作废。客服ＱＱ：１２３４５６７８，工作时间九点到晚上九点。",
	"亲，您购买的商品有质量问题，我们这边给您办理双倍退款，请加客服微信处理，注意不要告诉别人，以免影响退款进度。",
	"高薪招聘打字员，不看学历，包吃包住，月入过万，有意者联系：壹叁捌①②③④伍陆柒捌，工作轻松，名额有限速来。",
	"小区停车场下周二起重新划线，请各位车主在周一晚上十点前把车挪到地面临时车位，给大家带来不便，敬请谅解，谢谢配合。",
}

// BenchmarkNormalizeSMS normalizes SMS-length messages one by one, the
// way Detect sees them.
func BenchmarkNormalizeSMS(b *testing.B) {
	n := 0
	for _, s := range smsTexts {
		n += len(s)
	}
	b.ReportAllocs()
	b.SetBytes(int64(n))
	done := benchcpu.Metric(b, n)
	for b.Loop() {
		for _, s := range smsTexts {
			Normalize(s)
		}
	}
	done()
}
