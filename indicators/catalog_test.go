package indicators_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fanzha/fanzha/indicators"
)

// catalogCategories are the stable category names of the built-in catalog.
var catalogCategories = []string{
	"job_lure", "border_crossing", "gambling", "contact_diversion",
	"money_mule", "click_farming", "investment", "loan", "credit_repair",
	"impersonation_authority", "impersonation_service",
	"impersonation_acquaintance", "remote_control", "phishing", "romance",
	"illegal_service", "evasion",
}

// catalogDetector compiles the built-in catalog with its examples checked.
func catalogDetector(t *testing.T) *indicators.Detector {
	t.Helper()
	d, err := indicators.Compile(indicators.DefaultRules(), indicators.Config{})
	if err != nil {
		t.Fatalf("built-in catalog: %v", err)
	}
	return d
}

// TestCatalogExamples runs every rule's match and no_match examples (Compile
// checks them) and requires at least two of each, written for that rule.
func TestCatalogExamples(t *testing.T) {
	catalogDetector(t)
	for _, r := range indicators.DefaultRules() {
		if len(r.Match) < 2 || len(r.NoMatch) < 2 {
			t.Errorf("%s: %d match and %d no_match examples, want at least 2 of each", r.ID, len(r.Match), len(r.NoMatch))
		}
	}
}

// TestCatalogShape checks the size of the catalog: every category has at
// least five rules, most rules are composites, and there are at least 80.
func TestCatalogShape(t *testing.T) {
	rules := indicators.DefaultRules()
	if len(rules) < 80 {
		t.Errorf("%d rules, want at least 80", len(rules))
	}
	perCategory := map[string]int{}
	for _, r := range rules {
		if !r.Disabled {
			perCategory[r.Category]++
		}
	}
	for _, c := range catalogCategories {
		if perCategory[c] < 5 {
			t.Errorf("category %s has %d rules, want at least 5", c, perCategory[c])
		}
		delete(perCategory, c)
	}
	for c := range perCategory {
		t.Errorf("rule category %q is not a documented category", c)
	}
}

// genericReasons are explanations that tell a moderator nothing.
var genericReasons = []string{"命中关键词", "关键词匹配", "敏感词", "疑似诈骗", "可疑内容", "违规内容", "风险内容"}

// TestCatalogReasons requires a specific Chinese reason and an English one
// for every rule, none of them generic or shared by two rules.
func TestCatalogReasons(t *testing.T) {
	seen := map[string]string{}
	for _, r := range indicators.DefaultRules() {
		if n := utf8.RuneCountInString(r.Reason); n < 8 {
			t.Errorf("%s: reason %q is too short to be specific (%d runes)", r.ID, r.Reason, n)
		}
		if !strings.ContainsFunc(r.Reason, func(c rune) bool { return unicode.Is(unicode.Han, c) }) {
			t.Errorf("%s: reason %q is not Chinese", r.ID, r.Reason)
		}
		for _, g := range genericReasons {
			if strings.Contains(r.Reason, g) {
				t.Errorf("%s: reason %q is generic (%s)", r.ID, r.Reason, g)
			}
		}
		if len(strings.Fields(r.ReasonEN)) < 4 {
			t.Errorf("%s: reason_en %q is missing or too short", r.ID, r.ReasonEN)
		}
		if other, ok := seen[r.Reason]; ok {
			t.Errorf("%s and %s share the reason %q", other, r.ID, r.Reason)
		}
		seen[r.Reason] = r.ID
	}
}

// hardNegatives are innocent texts that use the words scams use. None of
// them may be flagged at the default threshold.
var hardNegatives = []string{
	// Police and bank anti-fraud warnings that quote scam words.
	"警方提醒：凡是刷单都是诈骗，切勿相信日赚几百的兼职广告。",
	"警方提醒：公检法机关不会通过电话办案，更不存在所谓安全账户，接到要求转账的电话请立即挂断。",
	"反诈提醒：凡是自称客服让您开通备用金、屏幕共享的都是诈骗，请拨打官方电话核实。",
	"民警提醒：境外高薪招聘打字员、包吃住包机票，都是骗局，千万不要去缅北。",
	"警方提示：陌生人要你加微信、下载会议软件转账的，一律是诈骗。",
	"银行提醒：本行工作人员不会向您索要验证码和密码，请勿将验证码告知他人。",
	// News about crackdowns.
	"记者从公安部获悉，缅北电诈园区又有一批犯罪嫌疑人被移交我方，涉案金额巨大。",
	"据报道，警方破获一起跑分洗钱团伙案件，抓获犯罪嫌疑人三十余名。",
	"本报讯 边境警方打击偷渡专项行动中，共遣返非法越境人员二百余人。",
	// Real bank and courier notices with codes and links.
	"【某某银行】您的验证码为482913，用于登录手机银行，5分钟内有效，切勿泄露。",
	"【顺丰速运】您的快件已到达小区驿站，取件码6-2-1043，详情查看 https://sf.example.cn/t",
	"您尾号1234的储蓄卡于今日消费128.00元，余额3521.40元。",
	// Legitimate domestic job ads.
	"东莞工厂招普工，包吃住，月薪五千到七千，五险一金，地址在长安镇工业园。",
	"招聘会计一名，本科学历，三年以上经验，薪资面议，有意者请投递简历。",
	"周末超市兼职理货员，时薪二十元，需本人到店面试。",
	// Friends adding each other on WeChat.
	"今天聚会认识了新朋友，回家加了微信，约好下周一起爬山。",
	"你加我微信吧，我把旅游照片发给你。",
	"群里说班长建了个QQ群，大家记得加一下，方便通知作业。",
	// Spinach recipes and phone benchmarks.
	"菠菜焯水后凉拌，加点蒜末和香油，简单又好吃。",
	"把菠菜汁和进面粉里，就能做出绿色的菠菜面条。",
	"这款手机安兔兔跑分一百二十万，玩游戏很流畅。",
	"新处理器跑分曝光，多核成绩比上一代提升百分之二十。",
	// Lottery news.
	"福利彩票双色球昨晚开奖，一等奖开出五注，奖金每注六百万元。",
	"体彩中心提醒彩民理性购彩，量力而行。",
	// Reviews complaining about refunds or cheats.
	"这家店太差了，申请退款客服一直不理，感觉像骗子，以后不会再来。",
	"外卖送来全洒了，联系商家退款，半天才给退，差评。",
	"酒店前台态度很差，押金退了三天才到账。",
	// Everyday talk with single weak words.
	"我下个月去泰国旅游，机票已经订好了。",
	"公司年底发红利，大家辛苦了。",
	"你先帮我拿一下快递，我晚点到。",
	"投资有风险，入市请谨慎。",
	"我的信用卡额度提升了，银行短信通知的。",
	"孩子在学校摔了一跤，老师打电话让家长去接。",
	"今天腾讯会议讨论了下季度的预算，会议号在群里。",
	// Real job posts, bank and shop notices, dating chats and family talk
	// that share words with the multi-signal rules.
	"招聘前端开发工程师，月薪15000-25000元，三年以上经验，本科学历，五险一金，工作地点上海浦东，简历请投递至公司招聘邮箱。",
	"远程客服岗位，月薪6000元，需两年客服经验，公司提供电脑，入职签订劳动合同。",
	"我在快递公司负责收发包裹，月薪五千，包吃住。",
	"【某银行】尊敬的客户，为保障账户安全，请通过官方App更新身份证有效期，本行不会通过短信链接索要密码。",
	"您好，您申请的退款已审核通过，款项将在1-3个工作日内原路退回您的支付账户，请留意查收。",
	"恭喜您在店铺周年抽奖中获得一张满200减20优惠券，已自动发放到您的账户，下单时可直接使用。",
	"亲爱的，今晚视频聊天吧，我刚下班，想看看你今天拍的晚霞照片。",
	"宝贝，周末去你家吃饭，记得带上身份证，我们顺路去办结婚登记。",
	"我是你表哥，下周回老家，到时候给你打电话。",
	"国家税务总局提醒：个人所得税年度汇算请在个人所得税App办理，截止时间为6月30日。",
	"本月物业费请于月底前转账至小区物业账户，户名为某某物业服务有限公司，开户行为本地支行。",
	"家长您好，孩子的期末成绩已发布在学校官方App中，请登录后查看。",
	"房东您好，本月房租已转到您的账户，请查收。",
	"主线路维修期间，地铁二号线改走备用线路，请留意站内广播。",
	"【某银行】信用卡账单已出，本期应还1200元，请于5日前还款，可登录 https://bank.example.cn 查看明细。本行绝不会以任何方式索取您的密码和验证码。",
	"【某快递】您的包裹因地址不详暂存网点，请尽快登录 https://express.example.cn 补充地址，逾期将退回。快递员不会索要验证码。",
	"学校通知：请家长在本周五前通过官方缴费平台 https://pay.example.edu.cn 缴纳学费，学校不会要求转账到个人账户。",
	"反诈提醒：凡是要求您在24小时内把保证金汇入指定账户、由对方告知户名和开户行的，都是诈骗。",
	// Genuine e-mail: newsletters, renewal receipts, security notices
	// and news about estates, which share words with the phishing-mail rules.
	"本周简报：美联储维持利率不变，美元指数小幅回落；如不想继续接收本刊，请点击文末退订。",
	"订阅回执：您的音乐会员已自动续费，扣费金额15元。如需取消续订，请在应用“设置-自动续费”中关闭，无需联系客服。",
	"您的软件授权已续订成功，发票已发送至您的邮箱。如有疑问可致电客服热线，退款政策详见官网条款。",
	"登录提醒：我们发现您的账户在新设备上登录。如果是您本人，无需处理；如不是，请打开官方应用修改密码。",
	"系统维护通知：本行将于周六凌晨暂停网银服务4小时，届时无法登录，给您带来不便敬请谅解。",
	"新闻：已故收藏家的遗产拍卖会昨日落槌，总成交额达两千万美元，部分收益将捐给慈善基金会。",
	"律师函回复：关于您父亲去世后银行账户内存款的继承，请携带死亡证明和亲属关系证明到开户行办理。",
	// Everyday talk that names several banks, introduces the speaker, or
	// mixes pet names with trips, funds or favours (the bare-bank-names,
	// self-intro-then-ask, selected-confirm and romance rules).
	"我在工行和建行都开过户，现在主要用招行。",
	"工行建行农行的房贷利率都降了。",
	"我是小区物业的工作人员，明天上午停水，请尽快储水。",
	"您好，我是快递员小李，您的快递放在驿站了，请尽快取件。",
	"我是人事部的小王，请把身份证复印件交到前台办理入职。",
	"恭喜你入选校篮球队，请今天之内到体育馆确认报名。",
	"亲爱的，我下个月去菲律宾出差，机票公司订好了，回来就见面。",
	"亲爱的，这只基金最近涨了，我们一起存点钱买一些吧。",
	"小姐姐，能不能帮我拍张合照？",
	"老婆，帮我截图一下那个链接好不好。",
	// Person-to-person talk: couples, family, colleagues, roommates and
	// friends who lend small sums, pay each other's bills, pass on ID
	// numbers for a booking or keep a gift secret; and hotel and restaurant
	// reviews with quiet rooms, single rooms and quarantine stays.
	"宝贝，能不能帮我充值一下话费，我手机欠费停机了，晚上回家给你做好吃的。",
	"亲爱的，能不能帮我把身份证拿过来，我在楼下营业厅办卡。",
	"老公，帮我转五百块生活费给我妈，我手机银行登不上去。",
	"老婆，你先帮我付一下外卖钱，我这边支付宝没钱了。",
	"宝宝，房租我已经转给房东了，你那份周末再给我就行。",
	"亲爱的，机票我买好了，下周五晚上到，你来机场接我好不好？",
	"宝贝，周末见面的时候把我的充电宝带上，顺便帮我交一下电费。",
	"老公，孩子学校要交两百块资料费，你转给我一下，我去交。",
	"妈，我这个月工资还没发，能不能先借我一千交房租，下个月还你。",
	"儿子，生活费转到你银行卡上了，省着点花，别熬夜。",
	"哥，能不能借我三百块，周五发工资就还你，我饭卡没钱了。",
	"兄弟，昨天吃饭的钱我先垫付了，你回头微信转我一半就行。",
	"室友，这个月的水电费一共两百四，你转我一百二就行。",
	"王姐，报销单我已经交给财务了，钱到账后我转给你。",
	"同事们，聚餐的钱AA，每人八十，转到我微信上就行。",
	"老婆，帮我把征信报告打印一份，银行办房贷要用，明天上午交。",
	"亲爱的，我在医院陪我妈做手术，今晚不回来了，你早点睡。",
	"宝贝，你的验证码短信发到我手机上了，是登录我们家宽带用的，我帮你输好了。",
	"房间很安静，单独的阳台可以看到海，隔音效果好，适合想找个安静的地方休息的人。",
	"酒店在小巷子里，独自出行的女生也很安全，前台押金退得很快。",
	"疫情期间在这家酒店隔离了十四天，服务人员每天送餐，态度很好。",
	"房间是单独的小院，环境封闭，很安静，适合带孩子。",
	"餐厅的包间很安静，适合单独和客户谈事情，菜品也不错。",
	"这家火锅店服务员太热情了，亲爱的们一定要来试试，充值会员还打八折。",
	"宝贝们，这家民宿老板人很好，押金直接退到微信，见面还送了水果。",
	"亲爱的，我妈说彩礼的事情不着急，等见面再商量，你别有压力。",
	"老公，我们的婚纱照定金交了两千，剩下的拍完再付。",
	"宝贝，你上次说想学理财，我给你买了本基金入门的书。",
	"哥哥，你到了给我打电话，我去车站接你，路费我给你报销。",
	"亲爱的，我妈要做手术，我先请一周假回老家，钱的事情我们家能解决。",
	"宝贝，别告诉我妈我们买了新车，等她生日给她一个惊喜。",
	"老婆，信用卡账单到了，你记得在还款日之前还上，别逾期了。",
	"朋友借我两千块周转，说好月底还，这周已经还上了。",
	"亲爱的，帮我在淘宝上买个手机壳，付款的时候用我的账户就行。",
	"老婆，别告诉孩子，我给他买了生日礼物，钱我已经付款了。",
	"爸，这事先保密，别告诉妈，我给她转了一笔钱买按摩椅当生日惊喜。",
	"同事们，给王哥的生日礼物大家先保密，每人转我五十，我统一去买。",
	"室友，房东说押金下周退，到时候我转给你一半，你先别声张。",
	"宝贝，能不能借我两百块，我钱包落在家里了，晚上还你。",
	"亲爱的，你先帮我付一下电影票，回头我转你。",
	"老公，帮我交一下物业费，单子在茶几上，微信付就行。",
	"小李，麻烦帮我垫付一下午饭钱，下午回来转给你。",
	"领导，出差的机票我先垫付了，回来再找财务报销。",
	"儿子，妈给你转了两千块学费，收到回个消息，别乱花。",
	"哥，我手头紧，下个月房租能不能晚点给你，发工资就还你。",
	"宝宝，我的验证码发你手机上了吗？我在登录家里的电视会员，你念给我听一下。",
	"亲爱的，把你身份证号发我一下，我帮你订明天的高铁票。",
	"老婆，把身份证拍给我，我帮你在网上预约体检。",
	"宝贝，把银行卡号发我，我把上次吃饭你垫的钱转回给你。",
	"酒店位置很安静，前台电话服务很周到，单独的一间小客厅适合办公。",
	"我们在酒店隔离期间，酒店每天打电话问候，还帮我们代收快递。",
	"封闭式小区很安全，物业会单独登记访客，押金退还也很及时。",
	"这家餐厅适合找个安静的地方聊天，服务员会单独给你一个包间，付款可以用微信。",
	"酒店要求入住时单独支付押金五百元，退房时原路退回，整体还算满意。",
	"亲爱的，我妈住院要交押金，我先去医院了，你下班直接过来。",
	"老婆，我们下个月的房贷别忘了，卡里我已经存了一万，够扣了。",
	"宝贝，周末去见你爸妈，我准备了礼物，机票我已经订好了。",
	"兄弟，婚礼的份子钱我让你嫂子转给你了，收到说一声。",
	"哥哥，明天你来接我的时候顺便把充电器带上，路费我给你。",
	// Top-up and deposit offers of banks, cards, gyms and schools.
	"本行存五万送一桶油，定期存款活动详询各网点，电话95588。",
	"入住三晚送早餐，预订请访问 https://jd.example.org",
	"校园卡首次充值送十元，详情咨询学生服务中心 0571-88886666",
	"加油卡每日充值满200送10元，详询 https://oil.example.org",
	"健身房首月进店即送体验课，电话13812345678",
	"公交卡充100送5元，仅限本周，详见 www.bus.example.cn",
	"课程首次报名送教材，咨询电话13912345678",
	"孩子说存够一百块就送给妈妈当生日礼物，你打电话问问13812345678",
}

func TestHardNegatives(t *testing.T) {
	d := catalogDetector(t)
	for _, text := range hardNegatives {
		if r := d.Detect(text); r.Flagged {
			t.Errorf("flagged (score %d, %v): %s", r.Score, firedRules(r), text)
		}
	}
}

// positives are scam texts, per category, that must be flagged at the
// default threshold with the category scoring.
var positives = map[string][]string{
	"job_lure": {
		"柬埔寨西港高薪招聘客服，月薪三万，包吃住包机票，不看学历，有意者加微信详聊。",
		"海外打字员急招，日结八百，会打字就行，联系QQ 2750123456。",
	},
	"border_crossing": {
		"不用护照也能去缅甸，有人带路走小路过境，费用全包，私聊。",
		"专业安排偷渡出境，保证避开边检，一口价两万。",
	},
	"gambling": {
		"真人百家乐娱乐城，首存送彩金，无限返水，提款秒到账。",
		"菠菜大台子信誉稳定出款快，新会员注册送体验金，网址 www.lucky-bet88.com",
		// Deposit matches in homophone or variant wording.
		"永利娱乐头次冲就拿百分百，天天存多少送多少，官网 http://yl-play.example.top",
		"多冲多奖，冲两千奖八百，进站 www.hao-yun.example.vip 即可参加",
		// A menu of casino games on an online platform; a brand spelled
		// with gaps; a "PR" contact behind a link.
		"网上平台已开通，提供佰家乐、时时采、电子游艺等上百种游戏，天天返水。",
		"荷官在线发牌，网上博彩信誉第一，百家乐骰宝任您选。",
		"老澳来注个册吧威会送你尼点彩水斯文即可赌，官网 www.fun-play.example.top",
		"平台周年庆典开始了 www.lucky-day.example.vip 详细加公关 vip888 领取",
		"来玩 99彩 https://hao-cai.example.vip 免费赠您一份开门红",
	},
	"contact_diversion": {
		"这里不方便说，加我薇信细聊，刷单返利日结。",
		"扫码进群每天领红包，群里内部带单，收益翻倍。",
	},
	"money_mule": {
		"跑分平台招码商，用你的收款码跑分，佣金日结，长期收U。",
		"高价收购一类卡四件套，对公账户也收，当天结算。",
	},
	"click_farming": {
		"刷单返利，一单一结，需要先垫付本金，完成后连本带利返还。",
		"抖音点赞关注，一单三元，日结佣金，做任务卡单了需充值解冻。",
	},
	"investment": {
		"导师带单，稳赚不赔，加入投资群每天推荐涨停牛股。",
		"跟着老师做合约，一天翻倍，提现前需要先缴纳百分之二十的保证金。",
		// Free stock tips made scarce.
		"回复1免费领取智能选股软件，本周重点推荐两只黑马，仅限8名，额满为止。",
	},
	"loan": {
		"无抵押贷款秒下款，放款前需先缴纳保证金，资金冻结需支付解冻金。",
		"您好，我是某某贷款公司的客服，您的借款因银行卡号错误已冻结，需要转账验证才能放款。",
	},
	"credit_repair": {
		"专业征信修复，消除逾期记录，内部渠道铲单，联系13812345678。",
		"逾期记录可以花钱删除，内部办理，包过，另有银行流水代做。",
	},
	"impersonation_authority": {
		"我是市公安局民警，你名下的银行卡涉嫌洗钱，请配合调查，把资金转到安全账户。",
		"这里是检察院，您涉嫌一起诈骗案，通缉令请在网址查看，不要告诉任何人。",
		// A denial elsewhere in the text does not hide the ask.
		"这个钱不会有损失，请马上转入安全账户配合核查。",
	},
	"impersonation_service": {
		"我是淘宝客服，您的快递丢失了，我们三倍理赔，请打开支付宝备用金领取，再开启屏幕共享。",
		"您好，这里是京东客服，您学生时期开通的校园贷账户需要注销，否则影响征信。",
	},
	"impersonation_acquaintance": {
		"我是你们王总，这件事别声张，马上给这个账户转账五万。",
		"奶奶，我是你孙子，我把人打伤了，对方要私了，你赶紧转两万到这个卡上。",
	},
	"remote_control": {
		"请下载会议软件开启屏幕共享，我来指导你操作，把银行卡资金转到安全账户。",
		"你收到的验证码告诉我一下，再把银行卡密码发给我，马上给你退款。",
	},
	"phishing": {
		"尊敬的工行用户，您的积分已满可兑换现金，请登录 www.icbc-jifen.cc 领取。",
		"您的密码器将于今日失效，请登录 www.bank-safe.top 升级激活，逾期作废。",
	},
	"romance": {
		"亲爱的，我舅舅在平台内部，这个平台有漏洞，带你充值下注稳赚。",
		"宝贝，我的包裹被海关扣了，需要你先付关税，转给我两万，见面就还你。",
	},
	"illegal_service": {
		"本公司可代开各行业增值税发票，点位低，验证后付款，电话13812345678。",
		"酒店美女上门服务，学生妹一条龙，电话13812345678。",
		// Men's clubs advertising with sexual innuendo.
		"男士养生会馆，夜夜激情诱惑，酣畅淋漓，详询 0571-87654321。",
		"某某会所新来一批佳丽，恭候各位老板光临，电话13812345678。",
	},
	// The evasion category is capped low: it raises a disguised scam, it
	// never flags a text alone.
	"evasion": {
		"刷*单返利，一单一结，加-微-信详聊。",
		"高·薪招聘打字员，日结八百，加 V 信领红包。",
	},
}

func TestPositives(t *testing.T) {
	d := catalogDetector(t)
	for _, c := range catalogCategories {
		if len(positives[c]) < 2 {
			t.Errorf("category %s has %d positives, want at least 2", c, len(positives[c]))
		}
	}
	for category, texts := range positives {
		for _, text := range texts {
			r := d.Detect(text)
			scored := false
			for _, cs := range r.Categories {
				scored = scored || cs.Category == category && cs.Score > 0
			}
			if !r.Flagged || !scored {
				t.Errorf("%s: flagged=%v score=%d fired=%v: %s", category, r.Flagged, r.Score, firedRules(r), text)
			}
		}
	}
}

// TestSingleWordsStayLow checks the point design: one common scam word on
// its own stays well below the flag threshold.
func TestSingleWordsStayLow(t *testing.T) {
	d := catalogDetector(t)
	for _, w := range []string{"微信", "加微信", "兼职", "高薪", "转账", "贷款", "验证码", "客服", "菠菜", "跑分", "刷单", "投资", "缅甸", "彩金", "屏幕共享", "安全账户", "征信", "发票"} {
		if r := d.Detect(w); r.Score >= 20 {
			t.Errorf("%q alone scores %d, want < 20", w, r.Score)
		}
	}
}

// familyNegatives are legitimate messages shaped like one rule family's
// scams (a real notice, listing or chat with the same words). None of the
// family's rules may fire on them, and none may be flagged: a rule family
// is judged by the legitimate texts it leaves alone as much as by the scams
// it catches.
var familyNegatives = []struct {
	family string
	rules  []string
	texts  []string
}{
	{
		family: "romance face scan in a private channel",
		rules:  []string{"romance.face-scan-private-channel"},
		texts: []string{
			"亲爱的用户，为保障交友安全，请在App内完成人脸认证后再发起约会邀请。",
			"亲爱的会员，您的账号需完成实名认证，请在设置页进行人脸识别。",
			"老婆，小区门禁换成刷脸了，物业让我们下载业主App登记一下。",
			"宝贝，酒店前台说入住要刷脸，你带上身份证就行。",
			"老公，银行卡限额要在手机银行里做人脸验证才能调，我晚上弄。",
			"约会软件最近都要求人脸识别，防止有人冒用照片。",
			"情侣去机场现在可以刷脸登机，不用拿身份证了。",
			"亲爱的，高铁站刷脸进站排队很快，你别着急。",
			"我们公司考勤换成人脸识别了，下载企业App打卡。",
			"宝贝，下载这个视频软件看电影吧，会员我已经买好了。",
			"亲爱的，支付宝刷脸付款太方便了，超市结账一秒钟。",
			"匹配对象的资料显示已通过人脸认证，聊天更放心。",
			"恋人之间也要保护隐私，不要把人脸照片随便发给别人。",
			"老婆，社保认证要刷脸，我帮爸妈在手机上弄好了。",
			"约会前建议在平台内视频聊天，确认对方是真人。",
			"亲爱的，酒店刷脸入住很方便，我们约会那天直接去就行，支付信息我来绑。",
			"宝贝，支付宝刷脸支付开通了吗？约会吃饭我请，支付信息在我这边。",
			"亲爱的，考试报名系统要人脸验证，你记得下午去做。",
		},
	},
	{
		family: "job offer with gifts for joining",
		rules:  []string{"job_lure.joining-gift"},
		texts: []string{
			"招聘行政助理，月薪6000，五险一金，入职满一年有年终奖。",
			"新人入职培训安排在周一上午，请提前十分钟到会议室。",
			"岗位：仓库管理员；薪资面议；节日福利有月饼礼盒和年货。",
			"内推成功入职满三个月，公司发放推荐奖金两千元。",
			"招聘销售代表，底薪加提成，入职后统一安排带薪培训。",
			"本公司招聘前台文员，工资按月发放，入职签订劳动合同。",
			"新员工入职当天领取工牌和电脑，岗位培训为期一周。",
			"职位：软件工程师；年薪30万起；弹性工作；每年体检。",
			"招聘店员，月薪4500，包工作餐，生日当月发放福利。",
			"欢迎新人加入我们，周五部门聚餐，地点另行通知。",
			"公司年会抽奖设了一等奖，新入职员工同样可以参加。",
			"招聘护士，薪资按医院标准，入职需提供执业证书。",
			"岗位要求本科及以上，月薪面议，入职后缴纳社保公积金。",
			"新人红包已经在群里发了，大家记得领。",
			"招聘外卖骑手，多劳多得，工资每月十五号发放。",
			"加入我们团队的同学，请在周三前提交入职材料。",
			"新人入职礼包包括电脑、工牌和文具，招聘岗位详见官网。",
			"公司年会抽奖，新人也有红包，岗位调整通知另发。",
		},
	},
	{
		family: "pay for trivial online tasks",
		rules:  []string{"click_farming.paid-task-link", "job_lure.paid-chat-companion"},
		texts: []string{
			"本周完成任务的同学可以获得奖励，详情见班群通知。",
			"我们的视频点赞过万了，谢谢大家，抽奖结果请点击链接查看：https://news.example.net/a/1",
			"他陪聊了一晚上，很累，第二天还要上班。",
			"心理热线志愿者招募，无报酬，培训合格后上岗，报名请点击链接。",
			"看广告可以跳过片头，会员请点击这里开通。",
			"宝宝完成任务得到一颗小星星，集满十颗奖励一个玩具。",
			"新手任务完成后奖励金币，游戏内点击领取即可。",
			"公司年度优秀员工奖励名单已公布，请点击链接查看。",
			"给我的新歌点赞吧，链接在这里 https://music.example.net/s/9",
			"老人陪聊服务由社区志愿者提供，不收取任何费用。",
			"信用卡消费满额奖励积分，积分可在手机银行兑换礼品，详情请点击链接。",
			"这个任务太难了，完成任务的人也没拿到奖金。",
			"警方提醒：网上陪聊兼职月入过万的广告多为诈骗。",
			"直播间点赞满十万，主播就抽一位粉丝送签名照。",
			"课题组招募问卷受访者，完成问卷可获得报酬二十元，问卷链接将由老师在课堂发布。",
			"我们公司的客服每单提成不高，但是工作稳定。",
			"陪聊机器人上线了，每单对话不收费，结算按月。",
			"点赞这条微博，抽三位粉丝送奖励，结果在官网公布 https://weibo.example.net/x",
		},
	},
	{
		family: "hand over credentials",
		rules:  []string{"phishing.submit-password"},
		texts: []string{
			"我行工作人员不会向您索要登录密码，请勿告知他人。",
			"请在设置页修改登录密码，修改后需重新登录。",
			"忘记密码可通过密保问题重置，也可联系客服人工核验身份。",
			"为保护账户安全，请定期修改登录密码，不要把密码告诉任何人。",
			"客服提醒：切勿通过邮件发送支付密码或验证码。",
			"新员工入职后请在系统里设置邮箱密码，首次登录需验证手机号。",
			"您的账户密码已修改成功，如非本人操作请立即致电客服。",
			"注册时请设置安全问题，用于找回密码时验证身份。",
			"交易密码连续输错三次，账户已锁定，请本人携带身份证到网点办理。",
			"家里WiFi密码我写在冰箱上了，客人来了你告诉他一下。",
			"银行卡密码忘了，工作人员让我带身份证去柜台重置。",
			"如果收到要求提交登录密码的邮件，请直接删除并举报。",
			"请回答以下安全问题以完成注册：您的出生城市是？（仅保存在本机）",
			"管理员不会在任何情况下要求您提供账户密码。",
			"IT部门通知：邮箱密码即将到期，请登录内网自助修改，无需回复本邮件。",
			"我们从不通过电话或邮件索取您的交易密码。",
		},
	},
	{
		family: "pay to get your own money or access back",
		rules: []string{
			"impersonation_authority.custody-transfer-returned",
			"investment.withdraw-blocked-keep-paying",
			"phishing.upgrade-fee-to-unlock",
		},
		texts: []string{
			"二手房交易取消的，监管账户内的房款原路退回买方。",
			"购房款存入资金监管账户，过户完成后划转给卖方。",
			"警方提醒：公安机关不会要求您把钱转入安全账户核查后返还。",
			"押金在退租验房后三个工作日内原路退还到您的银行卡。",
			"提现失败，请检查银行卡信息后重试。",
			"如果平台让你继续充值才能提现，那就是骗局。",
			"系统升级期间暂停服务，不收取任何费用。",
			"系统升级完成，支付功能已恢复，感谢您的耐心等待。",
			"因系统维护，今晚零点至两点暂停转账，手续费不受影响。",
			"账户解冻后资金将自动归还，无需支付任何费用。",
			"保证金在活动结束后退还至原支付账户。",
			"信用卡年费可通过消费达标减免，扣款后会自动退回。",
			"基金赎回款将在两个工作日内划转至您的银行卡。",
			"版本更新后，部分用户暂时无法提现，工程师正在修复。",
			"订单取消后，已支付的款项将原路返回，请注意查收。",
			"无法提现的原因多半是银行卡未实名，补充资料后即可。",
			"系统升级后，会员服务费调整为每月30元，续费请扫码支付。",
			"本店收银系统升级，暂不支持刷卡，请扫码支付，服务费照常。",
			"提现失败可能是银行卡信息有误，请更正后再试，无需追加任何费用。",
		},
	},
	{
		family: "off-platform or illegal deal",
		rules:  []string{"impersonation_service.game-account-buyer", "illegal_service.exam-proxy-fee"},
		texts: []string{
			"请勿在游戏内交易账号，官方不支持账号买卖。",
			"我的游戏账号被盗了，怎么找回？",
			"考试期间严禁代考替考，一经发现取消考试资格。",
			"这次考试我报了名，费用已交。",
			"游戏账号注册需实名，未成年人每天限玩一小时。",
			"我想买一个新的游戏手柄，你推荐哪个网站？",
			"他把自己的游戏账号卖了，现在后悔了。",
			"代考属于违法行为，组织者将依法追究刑事责任。",
			"驾校报名费用包含科目一到科目四的考试费。",
			"游戏公司收购了一家小工作室，网站已经更新公告。",
			"弟弟想买我的游戏账号，我直接送他了。",
			"自考报名入口已开放，考试费用按科目收取，请在官网缴纳。",
			"游戏账号绑定手机后，在官网注册的信息可以修改。",
			"新闻：多名替考人员被抓获，收取的费用全部追缴。",
			"公司统一采购了办公软件，费用从部门预算里出。",
			"我在二手平台上买了游戏卡带，卖家很快发货。",
			"游戏账号交易请认准官方平台，有人想买你的账号时请在官方网站上架。",
			"我想买个游戏账号，有没有靠谱的交易网站推荐？",
		},
	},
	{
		family: "defence or ecology offices as authorities; overseas pay words",
		rules:  []string{"impersonation_authority.authority-remote-app", "job_lure.overseas-job-pay"},
		texts: []string{
			"国防部新闻发言人在例行记者会上回答了有关提问。",
			"区武装部通知：适龄男青年请登录全国征兵网完成兵役登记。",
			"市环保局提醒企业按时申报排污数据，逾期将依法处理。",
			"生态环境局公布了本月空气质量排名，我市位列第三。",
			"环保部门今天来厂里检查，废水处理设备运行正常。",
			"我爸以前在武装部工作，退休后在家养花。",
			"国防部网站发布了新一期的征兵宣传片。",
			"环保局的同事说下周组织垃圾分类宣传，让我们社区配合。",
			"他大学毕业后去了海外工作，年薪不高但很稳定。",
			"阿联酋航空的航班延误了，我们在迪拜多待了一天。",
			"去阿布扎比旅游要注意着装，清真寺参观需要长袍。",
			"这部戏的酬劳按合同结算，剧组会统一开具发票。",
			"海外留学生兼职按小时计酬，须遵守当地法律规定的工时上限。",
			"她在国外做翻译，收入可达当地平均水平，但房租很贵。",
			"翻译稿件按千字计酬，稿费每月月底结算。",
			"环保部门开通了举报电话，发现偷排可以拨打12369。",
		},
	},
	{
		family: "document checklists (bring or copy your papers)",
		rules:  []string{"illegal_service.many-document-types"},
		texts: []string{
			"新人入职培训安排在周一上午，请带好身份证和学历证明。",
			"办理入职请携带身份证、毕业证、学位证和离职证明原件。",
			"报名时需提交身份证复印件、学历证书复印件和职称证书复印件。",
			"办理贷款面签请带上身份证、户口本、房产证和银行流水。",
			"落户申请材料：身份证、户口本、学历证明复印件各一份。",
			"请带好结婚证、户口本和身份证到民政局办理。",
			"考试当天请携带准考证、身份证和资格证。",
			"孩子入学登记请带上户口本、房产证和出生证明。",
			"房屋过户需携带房产证、身份证、户口本原件。",
			"车辆年检请带好行驶证、驾驶证和交强险保单。",
			"公租房申请需要身份证、户口本复印件及收入证明。",
			"社保转移请携带身份证和参保证明到窗口办理。",
			"护士执业注册请带上毕业证、资格证和体检证明。",
			"签证材料：护照、身份证复印件、在职证明和银行流水。",
			"教师招聘资格复审请携带学历、教师资格证及身份证原件。",
			"公证处办理继承公证，请携带身份证、户口本和死亡证明。",
		},
	},
	{
		family: "app and account screens (enter, then tap a button)",
		rules:  []string{"phishing.credential-harvest"},
		texts: []string{
			"请设置新的登录密码后点击提交。",
			"输入手机号和验证码，点击登录即可进入首页。",
			"修改支付密码：输入原密码，再输入新密码，点击确认。",
			"填写收货地址后点击保存，下单时会自动带出。",
			"绑定银行卡时请确认卡号无误，再点击下一步。",
			"输入身份证号完成实名认证后，点击完成返回。",
			"更新个人信息后点击保存，审核通过后生效。",
			"在设置里输入旧密码验证身份，然后点击修改密码。",
			"请输入六位数字密码，点击确定完成支付。",
			"完善账户信息后点击提交，客服会在一个工作日内审核。",
			"输入验证码后点击获取，六十秒内有效。",
			"填写发票抬头和税号，点击申请开票。",
			"确认银行卡信息无误后点击提现，预计两小时到账。",
			"忘记密码时输入注册手机号，点击重置密码。",
			"验证码输错三次后需等待五分钟再点击发送。",
			"输入卡号后六位和有效期，点击验证完成绑卡。",
		},
	},
	{
		family: "offices that point to their own official apps",
		rules: []string{
			"impersonation_authority.authority-remote-app",
			"impersonation_authority.official-with-several-asks",
		},
		texts: []string{
			"派出所民警提示：请大家下载国家反诈中心App，开启来电预警功能。",
			"交警提醒：违章处理请下载交管12123App，在线缴纳罚款。",
			"税务局通知：个人所得税年度汇算请下载个人所得税App办理。",
			"社保中心提醒：养老金资格认证请下载掌上12333App刷脸完成。",
			"医保局提示：请下载国家医保服务平台App激活医保电子凭证。",
			"反诈中心建议每位市民安装国家反诈中心App，注册后可一键举报。",
			"车管所通知：驾驶证换证可在交管12123App上预约，无需排队。",
			"人社局提醒：电子社保卡可在手机上领取，下载掌上12333App即可。",
			"社区民警入户宣传，手把手教老人下载国家反诈中心App。",
			"税务局提示：个人所得税App是唯一官方渠道，请勿点击陌生链接退税。",
			"派出所通知：外来人员居住登记可下载国家政务服务平台App在线办理。",
			"警官说下载国家反诈中心App后，陌生来电会自动提示风险。",
			"医保中心：异地就医备案请登录国家医保服务平台App办理。",
			"交警支队提醒：新车上牌可先在交管12123App选号。",
			"公安局开展全民反诈活动，现场指导群众注册国家反诈中心App。",
			"税务局工作人员提醒，专项附加扣除要在个人所得税App里填报。",
		},
	},
	{
		family: "bank, police and shop notices that name the scam ask to deny it",
		rules: []string{
			"impersonation_authority.safe-account",
			"impersonation_service.cancel-student-loan",
			"impersonation_service.refund-claim-bait",
		},
		texts: []string{
			"【某银行】温馨提示：我行不会以任何理由要求您转账到安全账户，请勿泄露验证码。",
			"公安机关不会让你把钱转到安全账户，接到这类电话请直接挂断。",
			"根本不存在所谓的安全账户，谁让你转账谁就是骗子。",
			"银行工作人员绝不会要求客户把存款转入清查账户。",
			"检察院从不通知群众将资金转入验资账户接受审查。",
			"【人民银行】提醒您：警惕以注销校园贷、提升信用额度为名的诈骗电话。",
			"警惕冒充客服以注销校园贷为由的诈骗短信，征信无法花钱修改。",
			"提醒大家：所谓注销学生账户、否则影响征信，都是骗人的说法。",
			"小心冒充平台的电话，注销校园贷账户不需要转账。",
			"客服：亲，退款已经提交，审核通过后1到3个工作日原路退回到您的支付宝。",
			"您的退货已签收，客服已为您办理退款，款项将退回支付宝余额。",
			"售后客服处理得很快，退款已经到账支付宝，谢谢。",
			"商家客服同意补偿五元，直接退到支付宝了，处理挺快。",
			"售后客服回复：退款已原路返回支付宝，请在账单中查看。",
			"客服说退款会在24小时内退回支付宝，让我耐心等待。",
			"我在平台申请了赔付，客服审核后赔偿金到了支付宝。",
		},
	},
	{
		family: "bank, courier and platform notices that deny the ask (codes, refunds already paid)",
		rules: []string{
			"impersonation_service.refund-claim-bait",
			"impersonation_service.parcel-problem",
			"impersonation_service.service-remote",
			"impersonation_service.cancel-student-loan",
			"impersonation_authority.authority-remote-app",
			"phishing.asks-id-or-code",
			"phishing.credential-harvest",
			"remote_control.screen-share-request",
			"remote_control.download-remote-money",
		},
		texts: []string{
			"【招商银行】您的验证码为482913，用于登录手机银行，5分钟内有效。客服不会向您索取验证码，请勿向任何人透露。",
			"【工商银行】验证码736204，您正在进行转账操作，请勿泄露给任何人，银行工作人员不会索要此验证码。",
			"【建设银行】您尾号6621的账户正在绑定新设备，验证码519037，如非本人操作请忽略，切勿告诉他人。",
			"【农业银行】动态密码802316，用于网上银行支付，任何人索要都是诈骗，请勿提供给他人。",
			"【中国银行】您的交易验证码是274590，客服人员不需要您提供验证码，谨防受骗。",
			"【某银行】尊敬的客户，本行工作人员绝不会通过电话要求您提供短信验证码或银行卡密码，请提高警惕。",
			"【支付宝】验证码390128，您正在登录支付宝，切勿将验证码告诉任何人，包括自称支付宝客服的人员。",
			"【淘宝】验证码651744，用于修改登录手机号。淘宝客服不会以任何理由索要验证码。",
			"【微信支付】您的验证码为208837，请勿转发或告知他人，以免造成资金损失。",
			"【京东】您的验证码为913605，京东客服不会向您要验证码，请不要泄露。",
			"【美团】验证码447120，10分钟内有效，美团工作人员不会索取，请勿告诉他人。",
			"【抖音】您的登录验证码是 305981，请不要把验证码提供给任何人。",
			"【丰巢】您的快递已存入丰巢柜，取件码62718830，请凭码及时取件，勿将取件码告诉陌生人。",
			"【菜鸟驿站】您的包裹已到站，取件码3-2-1045，营业时间早八点到晚九点，如有疑问请联系驿站。",
			"【中通快递】您的快件已由快递员派送，请凭取件码58220取件，快递员不会索要您的验证码。",
			"【顺丰速运】您的快件已签收，如非本人签收请致电官方热线95338，顺丰不会要求您提供验证码或转账。",
			"【邮政EMS】您的邮件已投递至代收点，提货码7761，请携带身份证领取。",
			"【12306】您的验证码是556103，用于购票账户登录，请勿向他人透露，铁路客服不会索取。",
			"【滴滴出行】验证码8821，您正在登录滴滴，请不要告诉司机或任何人。",
			"【某银行】您的退款518.00元已退回尾号3307的银行卡，请注意查收，如有疑问请拨打客服热线。",
			"【淘宝】您申请的退款已完成，金额89元已原路退回您的支付宝账户，无需再进行任何操作。",
			"【拼多多】您的快递丢失理赔已处理完成，赔付金额56元已退至原支付账户，客服不会另行联系您转账。",
			"上周快递丢了，客服给我办了理赔，钱已经退回到我的微信零钱。",
			"我的包裹丢件了，后来快递公司赔了我两百块，直接打到我支付宝了。",
			"保险公司理赔款打到我的支付宝了，前后不到三天。",
			"退货的钱昨天到账了，快递那边也赔了运费险。",
			"社区民警提醒：警察不会通过微信让你转账或下载软件，如遇可疑情况请拨打96110。",
			"【反诈中心】提醒您：凡是自称客服让你提供验证码、开启屏幕共享、转账到安全账户的，都是诈骗。",
			"警方提示：骗子常冒充客服，以退款、理赔为由索要验证码，请勿相信，更不要告诉他人。",
			"银行提醒：任何人让你把验证码发给他，都是诈骗，我们的客服从不会这样要求。",
			"反诈宣传：不点陌生链接，不提供验证码，不向陌生账户转账，遇到可疑情况拨打96110咨询。",
			"防骗小贴士：快递理赔不需要您提供银行卡密码和验证码，也不需要下载会议软件。",
			"【某平台】您的账号在新设备登录，如非本人操作请及时修改密码。平台客服不会要求您提供验证码。",
			"【网易】您正在注册账号，验证码为227314，请在页面输入完成验证，请勿泄露。",
			"【腾讯】验证码642201，用于QQ安全中心身份验证。请勿把验证码转发给他人，腾讯工作人员不会索要。",
			"【某证券】您的开户验证码为114582，本公司员工不会向您索要验证码及交易密码。",
			"【某保险】您的理赔申请已受理，赔款将直接支付至您本人银行卡，我司不收取任何手续费，也不会要求您提供验证码。",
			"【医保局】提醒：医保服务不会以电话方式索要您的验证码，医保卡异常请到窗口核实。",
			"【某航空】您的航班已取消，退票款将原路退回，航空公司不会要求您通过转账办理改签理赔。",
			"【某银行】温馨提示：接到自称银行客服的电话要求提供验证码，请立即挂断，切勿透露。",
			"【某银行】尊敬的客户，近期有不法分子冒充我行客服以退款、理赔为由要求客户提供验证码、开启屏幕共享，我行客服不需要提供验证码，验证码请勿外泄给任何人。",
			"【某快递】您的包裹因地址不详退回，如需重新派送请在官方App操作。快递员和客服不会以理赔为由让您提供验证码或转账。",
			"【某平台】您的订单退款已原路退回，客服不会要求您下载会议软件或开启屏幕共享，请勿相信陌生来电。",
			"【某银行】您尾号8812的信用卡本期账单已出，请于到期日前还款。我行不会通过短信链接要求您输入卡号和验证码。",
			"【某银行】您的账户于今日登录异常，已暂停网银转账功能，请本人携带身份证到网点解除，客服不会索取验证码或要求转账到其他账户。",
			"【某平台】您好，您的退款申请已通过，退款将在1-3个工作日退回原支付账户，无需提供验证码，无需向任何账户转账。",
			"【某保险】您的车险理赔已结案，赔款已打入您本人银行卡。我司理赔员从不让您提供短信里的验证码，也不会要求您先支付任何费用。",
			"客服提醒：亲，我们不会以快递丢失理赔为由让您添加微信或提供验证码，赔付会直接在订单里处理。",
			"【某电商】您购买的商品因质量问题已下架召回，退款已自动原路退回，无需联系任何人，也无需提供验证码。",
			"【某银行】验证码为603318，您正在向尾号5521的账户转账2000元，如非本人操作请勿将验证码告诉任何人。",
			"【某银行】您正在申请开通快捷支付，验证码840271。银行工作人员不会向您索取，请不要告诉别人。",
			"【某快递】您的快递在运输中破损，已为您登记理赔，赔付款将在3日内原路退回，请勿理会索要验证码的电话。",
			"我昨天快递丢件了，客服直接给我赔付了，全程没让我提供任何验证码，也没让我转账。",
			"社区民警提醒：如果有人自称民警让你下载会议软件、开启屏幕共享，那一定是骗子，真警察不会这样做。",
			"【国家反诈中心】温馨提示：公检法机关不会通过电话办案，不会要求您转账到安全账户，也不会让您添加微信视频做笔录。",
			"【某银行】我行客服不会以提升额度、注销校园贷为由让您提供验证码或转账，请勿相信。",
			"【某支付平台】我们从不要求用户提供短信验证码或支付密码，也不会让您开启屏幕共享。",
			"【某银行】您正在办理挂失补卡，验证码117906。任何要求您提供此验证码的都是骗子。",
			// Refunds and payouts told after the fact.
			"上个月包裹破损，商家客服给我退款了，钱已经到账，没让我做别的。",
			"快递丢件后我在App里申请理赔，三天后赔款转到了我的银行卡。",
			"订单商品有质量问题，客服同意退款，退款已经转入我的余额。",
			"物流显示包裹丢失，平台客服帮我补偿了二十元，已经打到我账户了。",
			"我妈的快递损坏了，她在京东App申请了赔付，钱退到她的银行卡上了。",
			"快递破损了，快递员上门取件，理赔款第二天就转给我了。",
			"包裹被弄丢了，客服打电话道歉，赔偿金已经汇入我的支付宝。",
			"我的快递滞留了一周，客服补偿了五元优惠券，退款也到账了。",
			"昨天收到的商品损坏，跟客服说了以后直接退款到微信零钱了。",
			"外卖洒了，客服给我全额退款，钱已退回到付款账户。",
		},
	},
	{
		family: "state-company overseas hiring; community police on WeChat",
		rules: []string{
			"job_lure.overseas-job-pay",
			"job_lure.scam-hub-high-pay",
			"job_lure.foreign-post-pay",
			"impersonation_authority.authority-remote-app",
			"impersonation_authority.claim-authority-problem",
			"illegal_service.fake-documents",
		},
		texts: []string{
			"【中国建筑】海外项目招聘：土建工程师，工作地点阿联酋迪拜，月薪2.5万，公司统一办理工作签证，报名请登录集团官网招聘页面。",
			"中国电建国际公司招聘海外项目部财务人员，派驻马来西亚，年薪面议，五险一金，通过官方招聘系统投递简历。",
			"中铁国际集团招聘：海外项目翻译，派驻老挝，月薪一万五，缴纳社保，合法劳务派遣，经正规签证出境。",
			"中国港湾校园招聘：海外项目岗位，工作地印尼，提供年休假和探亲机票，薪酬按集团标准，网申截止月底。",
			"国企招聘海外项目施工员，驻外补贴另计，须持有效护照，签订劳动合同后由公司办理工作签证。",
			"【某某社区警务室】民警提醒：如需咨询户籍业务，请添加社区民警工作微信，或到警务室办理。",
			"派出所民警：大家好，我是本社区的片警，有事可以加我的工作微信，也可以拨打110。",
			"【某社区】片区民警值班电话已更新，有事请添加社区警务微信群或拨打值班电话。",
			"中国交建海外事业部招聘项目经理，派驻肯尼亚，年薪四十万，签订劳动合同，公司办理工作签证和保险。",
			"中石油国际勘探公司社会招聘：海外油田地质工程师，工作地点哈萨克斯坦，薪酬面议，请登录集团官网投递。",
			"中国能建校园招聘启动，海外项目岗位面向土木、电气专业，工作地点包括沙特和埃及，薪资按国企标准执行。",
			"中冶集团招聘驻外安全员，工作地点马来西亚，月薪一万二，合同制，公司统一办理工作许可。",
			"央企海外项目部招聘中英文翻译，工作地点阿联酋阿布扎比，月薪一万八，签订劳动合同，网申截止本月底。",
			"中国路桥招聘海外项目会计，派驻柬埔寨金边，月薪一万，缴纳五险一金，通过集团官网招聘系统报名。",
			"中石化炼化工程公司招聘海外项目设备工程师，工作地点泰国，年薪面议，入职签订劳动合同。",
			"中国化学工程集团招聘海外项目部厨师，驻外地点印尼，月薪九千，依法签订劳动合同并办理工作签证。",
			"国有企业对外劳务合作项目：招聘电焊工赴新加坡，月薪八千，经商务部门备案，签订劳动合同。",
			"中建八局海外分公司校园招聘：工程管理岗，工作地点越南，提供探亲机票，薪资面议。",
			"社区民警提醒：本周六上午在社区广场开展反诈宣传，有问题可以到警务室咨询，也可以添加社区警务微信。",
			"各位居民好，我是辖区民警小王，这是社区警务微信群，大家有户籍、居住证方面的问题可以在群里问。",
			"片区民警值班电话已经公布在小区公告栏，需要开具证明的居民请添加警务室微信预约。",
			"驻村民警通知：下周二到村委会办理身份证换领，请提前添加警民联系微信群了解所需材料。",
			"我是本社区的片警老李，大家遇到纠纷可以加我微信，也可以直接来警务室找我。",
			"警务室通知：社区民警每周三下午接待群众，已经建了警民联系微信群，扫码即可加入。",
			"辖区民警提示：电动车登记上牌请到警务室办理，具体时间可加社区警务微信咨询。",
		},
	},
	{
		family: "anti-fraud reminders that list what scammers ask for",
		rules: []string{
			"impersonation_authority.safe-account",
			"impersonation_authority.official-with-several-asks",
			"investment.mentor-signals",
			"investment.insider-info",
			"impersonation_service.refund-claim-bait",
			"impersonation_acquaintance.new-number",
			"phishing.pressure-signals",
		},
		texts: []string{
			"【市反诈中心】提醒：自称客服说您的快递丢失要双倍理赔，让您打开备用金、开启屏幕共享的，一律挂断。",
			"派出所提醒各位家长：学校老师不会在群里让家长扫码交费，陌生人发的收款码不要扫。",
			"警方提醒：网上兼职刷单返利都是诈骗，先垫付后返佣的第一单给你甜头，后面让你越陷越深。",
			"银行温馨提示：我行不会以账户异常、资金冻结为由让您把钱转到所谓的安全账户，请拨打官方客服核实。",
			"社区提醒：冒充公检法的人会说你涉嫌洗钱，让你下载会议软件做笔录，这是骗局，请立即报警。",
			"【某快递】近期有人冒充快递员以理赔为名索要银行卡号和验证码，我司理赔全部在官方App内完成，不收取任何费用。",
			"反诈民警进校园：告诉同学们游戏账号买卖、免费领皮肤都可能是诈骗，不要扫陌生二维码，更不要把验证码告诉别人。",
			"【某证券】提示：本公司从未建立荐股微信群，也不会以导师带单、内幕消息为名让您充值投资，请认准官方渠道。",
			"【某银行】我行信用卡中心不会通过短信链接办理提额，请勿点击陌生链接，不要向任何人提供卡片背面的安全码。",
			"防骗提醒：所谓的征信修复、注销校园贷都不需要您转账，也不需要下载任何软件。",
			"【某平台】为了您的资金安全，平台客服不会添加您的私人微信，也不会让您到站外交易，请勿相信。",
			"老年大学反诈课：接到自称孙子的电话说出事要钱，先别转账，挂掉后打回孙子原来的号码核实。",
			"【某航空】温馨提示：航班变动请以官方短信为准，我司不会要求旅客先支付改签手续费或提供银行卡验证码。",
			"社区网格员提醒：接到陌生来电说您的医保卡被冒用，需要转账配合调查的，一定是诈骗，请勿理会。",
			"【某银行】您尾号1207的账户今日支出500元，如非本人操作请立即冻结，客服不会要求您提供密码或验证码。",
		},
	},
	{
		family: "bank, courier and platform notices with links, codes and fee denials",
		rules: []string{
			"phishing.bank-sms-link",
			"phishing.sensitive-data-ask",
			"investment.withdrawal-fee",
			"loan.fee-before-loan",
			"impersonation_service.parcel-problem",
			"impersonation_service.refund-claim-bait",
			"contact_diversion.add-private-app",
		},
		texts: []string{
			"【某银行】您的信用卡账单已出，本期应还1288.50元，到期还款日11月25日，可登录手机银行或 https://e.bank.example.cn 查询，我行不会索要验证码。",
			"【顺丰速运】您的快件已到达，点击 https://sf.example.cn/t/8Kx2 查看派送进度，如需改约请在页面操作，快递员不会向您索要验证码。",
			"【中国邮政】您的包裹因地址不详暂存网点，请登录官方小程序修改地址，邮政不会以任何理由要求您转账。",
			"【某银行】验证码739201，您正在登录网上银行 https://ebank.example.cn ，请勿将验证码告知他人。",
			"【某电商】您的退款已原路退回，点击 https://m.shop.example.cn/refund 查看退款进度，客服从不向您索要银行卡密码。",
			"【京东物流】您的快递已签收，如对服务不满意可点击链接评价 https://jd.example.cn/e/3，如有破损请在App内申请售后。",
			"【某银行】您尾号4410的卡于今日消费899元，查询明细请登录手机银行，如非本人交易请拨打客服热线挂失，切勿向他人透露验证码。",
			"【某保险】您的保单已生效，电子保单请登录官网下载：https://ins.example.cn ，理赔请通过官方App申请，我司不收取任何额外费用。",
			"【菜鸟】您的包裹已到驿站，取件码6-2-3011，可在菜鸟App查看，驿站人员不会索要您的验证码。",
			"【某银行】您的手机银行将于今晚零点系统升级，升级期间暂停转账服务，无需任何操作，请勿点击短信中的陌生链接。",
			"【某运营商】您的话费余额不足10元，请通过官方App或营业厅充值，我们不会通过短信链接要求您输入银行卡号。",
			"【社保中心】您的社保卡已制卡完成，请携带身份证到网点领取，工作人员不会电话索要您的社保卡密码。",
			"【某平台】您申请的提现已到账，可在钱包明细中查看，平台不会要求您先缴纳任何手续费才能提现。",
			"【某银行】您申请的贷款已审批通过，放款前我行不会收取任何费用，请勿相信要求先交保证金的电话。",
			"【某快递】您的快件在运输途中破损，我们已为您登记理赔，赔款将在3个工作日内原路退回，快递员不会让您添加微信办理。",
		},
	},
	{
		family: "casino game names in reviews, news, warnings and game halls",
		rules:  []string{"gambling.casino-game-menu"},
		texts: []string{
			"澳门酒店楼下就是赌场，老虎机和百家乐台子很多，在线订房很方便。",
			"警方提醒：网上百家乐、时时彩都是赌博陷阱，注册后赢小钱输大钱。",
			"新闻：警方捣毁一个网上赌场，涉及百家乐和时时彩，抓获嫌疑人十二名。",
			"这部电影里赌神在赌场玩百家乐，最后还赢了老虎机大奖。",
			"游乐场的电子游戏和捕鱼机小朋友都爱玩，周末人很多。",
			"拉斯维加斯的赌城到处是老虎机，我们只是去看秀。",
			"小说里写到主角在娱乐城玩骰宝，后来输光了家产。",
			"体育彩票和福利彩票都在彩票站买，时时彩早就停售了。",
			"我们公司开发电子游戏，也做捕鱼类休闲游戏，欢迎来官网下载。",
			"澳门旅游攻略：葡京酒店有赌场，百家乐最低注额三百，未满二十一岁不得入场。",
			"赌场里荷官发牌的速度很快，看得我眼花缭乱。",
			"他沉迷赌博，百家乐和时时彩输了二十万，家人报警了。",
			"度假村有儿童电子游艺厅和幸运大轮盘抽奖，需要提前注册会员。",
			"酒店一楼是娱乐场，二楼是老虎机大厅，入住请在前台登记。",
			"年会抽奖有电子游戏和骰宝小游戏，报名请扫码。",
			"纪录片讲了赌城的历史，从百家乐到老虎机的演变，官网可以回看。",
		},
	},
	{
		family: "Venice and its letters in travel, art and news",
		rules:  []string{"gambling.scattered-casino-brand"},
		texts: []string{
			"威尼斯是水城，我们在那里坐了贡多拉。",
			"威廉和尼克去斯德哥尔摩，送了我一本书。",
			"澳门威尼斯人酒店的自助餐很好吃，赌场我们没去。",
			"老师说威尼斯商人是莎士比亚的喜剧，明天注册选课。",
			"我在威尼斯买了彩色玻璃，朋友说是穆拉诺岛做的。",
			"警方提醒：把威尼斯拆开写的赌博广告都是引流，澳门彩票网站不要碰。",
			"威海到尼勒克再到斯里兰卡，这次旅行一共三周。",
			"新闻：警方破获假冒威尼斯人名义的网络赌场，抓获嫌疑人九名。",
			"周末看了电影《威尼斯之死》，彩色修复版画面很美。",
			"我们的威尼斯主题展注册人数过千，澳洲客户也来了。",
			"他用威尼斯红颜料画了一幅彩墨画。",
			"威尼斯双年展今年的澳大利亚馆有新作品。",
			"小威说尼斯的海滩比戛纳的好，彩虹色的遮阳伞很多。",
			"奶奶喜欢看澳门赌王的传记，书里也写到了威尼斯。",
			"去意大利一定要去罗马、佛罗伦萨和威尼斯，赌场就算了。",
		},
	},
	{
		family: "PR departments, agencies and jobs with links",
		rules:  []string{"gambling.pr-agent-contact"},
		texts: []string{
			"公司周年活动由公关部负责，请联系公关部王经理，详情 https://corp.example.org 。",
			"这家公关公司承办了周年活动，官网 https://pr.example.org 有介绍。",
			"招聘启事：市场部诚聘公关专员，简历投递 https://hr.example.org 。",
			"危机公关课程报名请访问 https://kecheng.example.cn 。",
			"媒体采访请联系公关团队，邮箱见官网 https://corp.example.org 。",
			"我想找公关公司做发布会，这家 https://agency.example.org 口碑不错。",
			"品牌活动合作请联系公关部，详情 https://brand.example.org/pr 。",
			"她毕业后加入公关行业，常在 https://blog.example.org 写文章。",
			"活动新闻稿请添加公关经理微信，链接见 https://news.example.org 。",
			"找公关危机处理专家，请访问 https://crisis.example.org 。",
			"大学生公关礼仪大赛报名链接 https://contest.example.edu.cn 。",
			"联系公关专业的老师请看学院官网 https://school.example.edu.cn 。",
			"公关稿件投递请发邮件，活动详情 https://event.example.org 。",
			"明天发布会需要找公关部借投影仪，会议链接 https://meet.example.org 。",
			"他说要加公关岗位的面试群，招聘链接 https://job.example.org 。",
			"周年店庆活动火热进行中，官网 https://shop.example.org ，欢迎到店。",
		},
	},
	{
		family: "clubs, tea houses and wellness parlours with phone numbers",
		rules:  []string{"illegal_service.men-venue-allure"},
		texts: []string{
			"会所新到一批普洱茶，欢迎品鉴，电话13812345678。",
			"养生会馆推出艾灸套餐，详询 0571-87654321。",
			"某某会所世界杯激情观赛夜，啤酒畅饮，订座电话13812345678。",
			"男士休闲服饰新品上市，秋冬系列八折，门店电话0571-87654321。",
			"高尔夫会所周末有亲子活动，恭候各位家长光临，电话13812345678。",
			"会所新来一批健身教练，欢迎会员预约私教课，电话13812345678。",
			"男士养生会馆：足疗、拔罐、推拿，医保定点，电话0571-87654321。",
			"商务会所年会场地出租，可容纳两百人，详询13812345678。",
			"警方提醒：所谓男士会所“新来一批佳丽、恭候各位老板”都是色情引流，请勿拨打电话。",
			"读书会所本周分享《激情燃烧的岁月》，欢迎报名，电话13812345678。",
			"王老板，您订的会所包间已确认，周六晚七点，有事打我电话13812345678。",
			"本会所提供中式养生茶饮与按摩椅体验，详询 0571-87654321。",
			"球迷会所今晚直播欧冠，激情不断，到店消费满百送啤酒，电话13812345678。",
			"会所装修完毕重新开业，各位老板可以来谈生意，电话13812345678。",
			"游艇会所夏季派对，海风撩人，报名请致电0571-87654321。",
			"温泉会所新年套票上线，详询13812345678，恭候光临。",
		},
	},
	{
		family: "numbers before 彩 in shops, paints, TV sets and lottery news with links",
		rules:  []string{"gambling.numbered-lottery-gift"},
		texts: []string{
			"七彩虹显卡促销 https://shop.example.cn 免费送鼠标垫。",
			"三彩陶俑展开幕，预约见 https://museum.example.cn ，免费赠您讲解。",
			"2024彩妆新品上市 https://beauty.example.cn 买一送一。",
			"高清4K彩电 https://tv.example.cn 以旧换新免费送装。",
			"6彩铃包月 https://music.example.cn 免费送一个月。",
			"体育彩票开奖公告见 https://lottery.example.cn ，关注公众号送您走势图。",
			"12彩头饰套装 https://shop.example.cn 满百送发夹。",
			"36彩水彩颜料 https://art.example.cn 免费送调色盘。",
			"24色彩笔 https://shop.example.cn 免费送卷笔刀。",
			"五彩缤纷的气球派对 https://party.example.cn 免费送气球。",
			"第3彩排在周六，场地见 https://venue.example.cn ，免费送停车券。",
			"3D彩票走势图 https://chart.example.cn ，关注公众号送您一本选号手册。",
			"新款16彩LED灯带 https://light.example.cn 免费送遥控器。",
			"8彩色环手链 https://gift.example.cn 买二送一。",
			"我们班画了100幅彩色作品，展览链接 https://school.example.cn ，欢迎家长来，免费送书签。",
		},
	},
	{
		family: "broker, fund and finance-news texts that offer free software or limited places",
		rules:  []string{"investment.free-stock-picks-limited"},
		texts: []string{
			"开户即可免费领取炒股软件一年使用权，详询营业部。",
			"券商研报重点推荐银行板块，名额有限的路演请报名。",
			"本周策略会名额有限，欢迎客户报名参加，现场不收费。",
			"财经早报：机构重点关注消费和医药板块，北向资金净流入。",
			"基金定投讲座免费领取资料，名额有限，请提前预约。",
			"新闻：证监会提醒投资者，所谓荐股软件多为诈骗，切勿轻信。",
			"老王说他买的牛股又跌了，下次再也不听别人的了。",
			"证券公司投教基地周六开放，免费参观，限30名。",
			"我们公司的年报内参已发给董事会，请重点关注第三章。",
			"炒股软件升级后卡顿，客服说会尽快修复。",
			"图书馆免费领取理财书籍，限50名，先到先得。",
			"研究所本月重点推荐的行业是新能源，报告可在官网下载。",
			"股票软件的自选股丢了，怎么恢复？",
			"投资者教育讲座不收费，主讲人会讲如何识别荐股骗局。",
			"选股软件只是工具，重点关注公司基本面才是正道。",
		},
	},
}

func TestFamilyNegatives(t *testing.T) {
	d := catalogDetector(t)
	for _, f := range familyNegatives {
		if len(f.texts) < 15 {
			t.Errorf("%s: %d negatives, want at least 15", f.family, len(f.texts))
		}
		watched := map[string]bool{}
		for _, id := range f.rules {
			watched[id] = true
		}
		for _, text := range f.texts {
			r := d.Detect(text)
			fired := firedRules(r)
			if r.Flagged || slices.ContainsFunc(fired, func(id string) bool { return watched[id] }) {
				t.Errorf("%s: fired %v (score %d): %s", f.family, fired, r.Score, text)
			}
		}
	}
}

// askedNotDenied are scams that use the same words as the notices above
// and even a denial of their own ("不用担心", "不要告诉家人"), but make the
// ask: a denial must cover the ask it denies, not the whole message.
var askedNotDenied = []string{
	"我是淘宝客服，您的快递丢失了，我们给您双倍理赔，请把收到的验证码发给我。",
	"您好我是银行客服，您的账户异常需要核实，请把验证码告诉客服，不要告诉任何人。",
	"这里是快递理赔中心，包裹破损需要赔付，请下载会议软件开启屏幕共享，我指导您操作。",
	"我是京东售后，商品质量问题给您退款，请提供一下手机收到的验证码。",
	"不用担心，不会扣您的钱，您把验证码报给我就可以完成退款。",
	"别告诉家人，验证码发我，马上给你办好。",
	"您好，我是支付宝客服，您的退款因账户冻结无法到账，需要您添加客服微信，开启屏幕共享配合操作。",
	"我是派出所民警，你涉嫌洗钱，请添加我的微信，下载会议软件配合调查。",
	"不需要支付任何费用，只需提供您的银行卡号和验证码即可领取理赔款。",
	"你好，航班取消了，可以给您理赔三百元，请联系客服微信，转账验证后到账。",
	"我是抖音客服，您开通的会员要扣费，不关闭会影响征信，请下载软件开启共享屏幕。",
	"您好，这边是保险理赔员，理赔款需要先缴纳手续费才能到账，请马上转账。",
	"阿联酋高薪招聘客服，月薪三万，包吃住包机票，不看学历，加微信详聊。",
	"海外项目急招打字员，日结八百，无需经验，联系飞机号。",
	"民警通知：你的身份证被冒用，请添加我的微信做笔录，不要告诉家人。",
	"您好，我是淘宝客服，您的退款不需要支付任何费用，您只要把收到的验证码发给我就行。",
	"我是快递客服，您的包裹丢失了，无需去网点，加我微信给您办理双倍理赔。",
	"我是银行客服，您的账户异常，不用去柜台，您把验证码告诉我就能解冻。",
	"这件事不用告诉任何人，你先把钱转到安全账户，核查完就退给你。",
	"我是派出所民警，你的银行卡涉嫌洗钱，不要告诉家人，添加我的微信配合调查。",
	"亲，您的快递破损了，我们给您理赔，请不要挂电话，打开支付宝备用金领取。",
	"不需要任何手续费，只要您开启屏幕共享，客服帮您操作退款。",
	"我是银行客服，别告诉银行工作人员，你直接把钱转账到这个账户就能解冻。",
	"我是公安局民警，你涉嫌洗钱，不要告诉任何人，立即转账到安全账户配合调查。",
	"我是淘宝客服，不要挂电话，你现在提供一下收到的验证码，我帮你办理理赔退款。",
	"我是快递理赔专员，无需下载其他软件，只需在会议软件里开启屏幕共享配合退款。",
	"我是京东客服，您的退款失败了，不用担心，您把验证码告诉我就行。",
	"我是支付宝客服，这个过程不会扣您的钱，您先开启屏幕共享，我来指导您领取理赔款。",
	"您好，这里是快递客服，您的包裹丢失需要理赔，不要相信其他人，请添加我的微信办理。",
	"我是银行风控专员，你的账户异常，千万不要告诉家人，马上把存款转入安全账户。",
	// A payout to the victim that comes with a fee is still the bait.
	"我是快递客服，您的包裹丢失了，理赔款要先转到我这边核验，请马上转账五百元保证金。",
	"您好我是售后客服，商品有质量问题给您退款，退款转给您之前需要您先支付一笔手续费。",
}

func TestAskedNotDenied(t *testing.T) {
	d := catalogDetector(t)
	for _, text := range askedNotDenied {
		if r := d.Detect(text); !r.Flagged {
			t.Errorf("not flagged (score %d, %v): %s", r.Score, firedRules(r), text)
		}
	}
}

// firedRules returns the IDs of the rules that fired in r, for messages.
func firedRules(r indicators.Report) []string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.Rule)
	}
	return ids
}
