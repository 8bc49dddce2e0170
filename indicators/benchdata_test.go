package indicators

import "strings"

// The benchmark corpus: messages written for these benchmarks (not taken
// from any data set), in three size classes, each a mix of innocent and
// scam-like text, plain and disguised. The mix is what matters: most
// messages a platform sees are innocent, so the innocent ones outnumber the
// others, as they would in a real stream.

// benchShort are chat lines of 10–60 characters.
var benchShort = []string{
	"晚上一起吃饭吗？我请客。",
	"好的，收到，明天见。",
	"快递到了，放在门口的柜子里。",
	"今天的会议改到下午三点开始。",
	"妈妈，我周末回家，想吃红烧肉。",
	"这个菠菜汤做得真好吃，下次教我。",
	"新手机跑分九十万，比旧的快多了。",
	"加我微信吧，以后方便联系。",
	"日结兼职，加薇信详聊，名额有限，先到先得。",
	"刷单返利，佣金当天结，私聊。",
	"收U，汇率高，纸飞机联系。",
	"加 * 微 · 信 领取福利",
	"ｖｘ：ａｂｃ８８８，速来",
	"百家乐充值返水，稳赚不赔！",
	"Meeting moved to 3pm, see you there.",
	"兄弟，换号了，先转我两千应急。",
}

// benchSMS are messages of 60–200 characters, the length of an SMS or a
// long chat line.
var benchSMS = []string{
	"【物业通知】本小区将于本周六上午九点至十二点停水检修，请各位业主提前做好储水准备，给您带来的不便敬请谅解。如有疑问请致电物业服务中心。",
	"王老师您好，孩子这周的作业已经完成了，数学还有两道题不太会，麻烦您明天上课的时候再讲一下，谢谢您的耐心。另外下周的家长会我会准时参加。",
	"下周二公司组织团建，地点在郊外的农家乐，早上八点在公司门口集合坐大巴出发，请大家穿运动鞋，带好防晒用品。中午在农家乐吃饭，下午五点返回。",
	"您好，您在本店购买的商品已经发货，快递单号稍后会以短信形式发送给您，如有问题请在订单页面联系客服处理。感谢您的支持，祝您生活愉快。",
	"今天去超市买了西红柿、鸡蛋、菠菜和豆腐，晚上准备做几个家常菜，你下班早点回来，我们一起吃饭看电影。对了，顺便把阳台上的衣服收一下。",
	"这台手机的跑分成绩很亮眼，处理器性能比上一代提升了百分之二十，续航也不错，就是价格稍微贵了一点。如果双十一打折的话我可能会入手一台。",
	"警方提醒：凡是要求先交保证金、刷单返利、垫付资金的兼职都是诈骗，请勿轻信，遇到可疑情况请拨打110报警，也可以下载国家反诈中心应用举报。",
	"The quarterly report is due on Friday. Please send your numbers to the finance team before Thursday noon so we can review them together.",
	"急招打字员，在家兼职，手机就能做，日结两百到五百，不看学历不限年龄，有意者加薇信 abc12345 详聊，名额有限，先到先得。",
	"高薪招聘海外客服，月薪三万起，包吃住包机票，不用护照也能安排，有意者请联系飞机 @job_offer_888 咨询，签证机票全包，落地就能上岗。",
	"您的账户涉嫌一起洗钱案件，请立即将资金转入安全账户配合调查，并下载会议软件开启屏幕共享，切勿告诉家人，否则后果自负，冻结你名下所有账户。",
	"长期收U，汇率高于市场价，量大从优，支持第四方支付走账，有需要的老板私聊扣扣 2750123456，诚信合作，长期稳定，欢迎介绍。",
	"百家乐真人娱乐平台上线啦！首充送百分之五十，每日充值返水百分之二，官网 www.example-bet.com 注册即送彩金。",
	"高薪兼职‼️加 * 微 · 信：Ｖ\u200bＸ 壹叁捌①②③④伍陆柒捌，刷單返利，佣金日結，轉帳到指定帳戶，不要告訴別人，名額有限。",
	"尊敬的用户，您的征信存在逾期记录，需要缴纳解冻费和保证金才能修复，请点击链接 http://credit-fix.example.top 办理。",
	"老同学，我是小李啊，换新号了。我现在人在外地，急需用钱周转一下，你先帮我转五千到这个卡上，明天一定还你，千万别跟别人说啊。",
}

// benchLongParagraphs are joined into the long posts of 1–5 KB.
var benchLongParagraphs = []string{
	"周末我们一家人去了郊外的湿地公园，天气特别好，阳光明媚，微风不燥。孩子们在草地上放风筝、追蝴蝶，玩得不亦乐乎。中午我们在湖边野餐，带了自己做的三明治、水果沙拉和几瓶酸奶。",
	"下午我们沿着木栈道散步，看到了很多白鹭和野鸭，还有几只正在觅食的小鸊鷉。公园的讲解员告诉我们，这片湿地每年冬天都会迎来上万只候鸟，是重要的生态保护区。",
	"本次产品发布会介绍了新一代手机的主要特点：更轻薄的机身、更大的电池、更快的处理器。官方公布的跑分成绩超过了一百万分，在同价位产品中处于领先地位。",
	"市公安局反诈中心提醒广大市民：近期刷单返利、虚假投资理财、冒充客服退款等诈骗高发。凡是要求下载陌生软件、开启屏幕共享、转账到所谓安全账户的，一律是诈骗。",
	"【内部渠道】高薪招聘海外客服、打字员，月入三到五万，包吃住包机票，不看学历，无需经验，有人带路，证件不全也能安排出境。名额有限，先到先得。",
	"有意者请加微信 job8888 或者 ｖｘ：ｊｏｂ９９９９，也可以联系飞机 @overseas_job，备注“兼职”优先通过。入职前需要交纳两千元保证金，工作满一个月全额退还。",
	"导师带单，内幕消息，稳赚不赔！跟着老师操作，一个月翻倍不是梦。扫码进群领取每日牌照，前一百名免费体验，错过再等一年。",
	"长期收卡、出租银行卡、帮忙走账，一张卡每天三百到八百，安全可靠。需要的老板私聊 扣扣 ２７５０１２３４５６，也收 USDT，汇率好说。",
}

// benchLong are posts of 1–5 KB: innocent, mixed, and scam-heavy.
var benchLong = []string{
	strings.Repeat(benchLongParagraphs[0]+benchLongParagraphs[1]+"\n", 4),
	strings.Repeat(benchLongParagraphs[2]+benchLongParagraphs[3]+"\n", 6),
	strings.Repeat(benchLongParagraphs[4]+benchLongParagraphs[5]+benchLongParagraphs[0]+"\n", 3),
	strings.Repeat(benchLongParagraphs[6]+benchLongParagraphs[7]+benchLongParagraphs[1]+benchLongParagraphs[2]+"\n", 2),
}

// benchClean100 is an innocent message of about 100 characters that
// contains no keyword of the default catalog (a test checks this), for the
// allocation target of a clean message.
var benchClean100 = "周末我们一家人去了郊外的公园，天气特别好，阳光明媚。孩子们在草地上放风筝、追蝴蝶，玩得很开心。中午我们在湖边吃了自己做的三明治和水果沙拉，下午我们沿着湖边散步，看到了很多白鹭和野鸭，傍晚才回家。"

// benchSweepUnit is repeated to build the inputs of the size sweep: a
// realistic mix, mostly innocent with some scam lines.
var benchSweepUnit = strings.Join(benchSMS, "\n") + "\n"

// benchSized returns about n bytes of the sweep text, cut at a rune
// boundary.
func benchSized(n int) string {
	s := strings.Repeat(benchSweepUnit, n/len(benchSweepUnit)+1)
	return truncate(s, n)
}

// totalLen returns the sum of the lengths of texts.
func totalLen(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}
