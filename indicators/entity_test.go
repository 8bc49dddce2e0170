package indicators

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/fanzha/fanzha/normalize"
)

// entityTests lists, per kind, texts and what must be found in them:
// "value|detail|evidence", the evidence being the original text the match
// covers. A nil want is a hard negative.
var entityTests = []struct {
	kind EntityKind
	text string
	want []string
}{
	// Mainland mobile numbers.
	{MobileCN, "电话13812345678联系我", []string{"13812345678||13812345678"}},
	{MobileCN, "call 138 1234 5678 now", []string{"13812345678||138 1234 5678"}},
	{MobileCN, "号码138-1234-5678", []string{"13812345678||138-1234-5678"}},
	{MobileCN, "号码186 12345678", []string{"18612345678||186 12345678"}},
	{MobileCN, "+86 13912345678", []string{"13912345678||+86 13912345678"}},
	{MobileCN, "+8613912345678", []string{"13912345678||+8613912345678"}},
	{MobileCN, "(+86)15012345678", []string{"15012345678||(+86)15012345678"}},
	{MobileCN, "0086-18612345678", []string{"18612345678||0086-18612345678"}},
	{MobileCN, "+86 139 1234 5678", []string{"13912345678||+86 139 1234 5678"}},
	{MobileCN, "13812345678，15912345678", []string{"13812345678||13812345678", "15912345678||15912345678"}},
	{MobileCN, "vx13812345678", []string{"13812345678||13812345678"}},
	{MobileCN, "订单号2024138123456789", nil},
	{MobileCN, "编号12345678901", nil},
	{MobileCN, "订单号：19512345678", nil},
	{MobileCN, "运单 13812345678 已签收", nil},
	{MobileCN, "1381234567", nil},
	{MobileCN, "余额3.13812345678", nil},
	{MobileCN, "138 1234 5678 9012", nil},
	{MobileCN, "6222 138 1234 5678", nil},
	{MobileCN, "+13812345678", nil},
	{MobileCN, "186 13812345678", []string{"13812345678||13812345678"}},
	{MobileCN, "2023-10-01 价格1.5万", nil},
	{MobileCN, "sales hit 1.5 million on 2024-05-13 12:30", nil},
	{MobileCN, "金额13,812,345,678元", nil},
	{MobileCN, "v13.8.1234.5678", nil},

	// International numbers.
	{PhoneIntl, "联系 +95 9 123 456 789", []string{"+959123456789|Myanmar|+95 9 123 456 789"}},
	{PhoneIntl, "+855 12 345 678", []string{"+85512345678|Cambodia|+855 12 345 678"}},
	{PhoneIntl, "老挝+85620 5555 1234", []string{"+8562055551234|Laos|+85620 5555 1234"}},
	{PhoneIntl, "+63 (917) 123 4567", []string{"+639171234567|Philippines|+63 (917) 123 4567"}},
	{PhoneIntl, "+971-50-123-4567", []string{"+971501234567|United Arab Emirates|+971-50-123-4567"}},
	{PhoneIntl, "泰国+66812345678", []string{"+66812345678|Thailand|+66812345678"}},
	{PhoneIntl, "+84 912 345 678", []string{"+84912345678|Vietnam|+84 912 345 678"}},
	{PhoneIntl, "+1 555 123 4567", []string{"+15551234567|United States or Canada|+1 555 123 4567"}},
	{PhoneIntl, "+852 9123 4567和+853 6612 3456", []string{"+85291234567|Hong Kong|+852 9123 4567", "+85366123456|Macau|+853 6612 3456"}},
	{PhoneIntl, "电话0095 9 123 456 789", []string{"+959123456789|Myanmar|0095 9 123 456 789"}},
	{PhoneIntl, "00855-12-345-678", []string{"+85512345678|Cambodia|00855-12-345-678"}},
	{PhoneIntl, "100855-12-345-678", nil},
	{PhoneIntl, "+0095 9 123 456 789", nil},
	{PhoneIntl, "+86 13812345678", nil},
	{PhoneIntl, "+95 123", nil},
	{PhoneIntl, "3+95 1234567", nil},
	{PhoneIntl, "+999 12345678", nil},
	{PhoneIntl, "+6612345678901234", nil},
	{PhoneIntl, "涨幅+66.5%", nil},

	// QQ numbers.
	{QQ, "加qq12345678", []string{"12345678||12345678"}},
	{QQ, "扣扣：87654321", []string{"87654321||87654321"}},
	{QQ, "企鹅号 10001234", []string{"10001234||10001234"}},
	{QQ, "🐧 998877665", []string{"998877665||998877665"}},
	{QQ, "q号:123456789", []string{"123456789||123456789"}},
	{QQ, "扣 12345678", []string{"12345678||12345678"}},
	{QQ, "请添加我的QQ1764326767号码", []string{"1764326767||1764326767"}},
	{QQ, "扣除 10000元", nil},
	{QQ, "今天扣了 50000", nil},
	{QQ, "qq音乐会员 30天", nil},
	{QQ, "qq 012345", nil},
	{QQ, "qq号码 12345678901234", nil},
	{QQ, "qq 3.14159", nil},
	{QQ, "qq群里说。12345678", nil},
	{QQ, "qq群里有人说过这个号码12345678", nil},
	{QQ, "订单 12345678", nil},
	{QQ, "qq 20000元", nil},

	// WeChat IDs.
	{WeChatID, "加微信abc12345", []string{"abc12345||abc12345"}},
	{WeChatID, "vx：zhang_san88", []string{"zhang_san88||zhang_san88"}},
	{WeChatID, "薇信 love-2024a", []string{"love-2024a||love-2024a"}},
	{WeChatID, "wx 13812345678", []string{"13812345678||13812345678"}},
	{WeChatID, "v: abcdefgh", []string{"abcdefgh||abcdefgh"}},
	{WeChatID, "微信号：helloworld", []string{"helloworld||helloworld"}},
	{WeChatID, "wxid_abcdefg1234 加我", []string{"wxid_abcdefg1234||wxid_abcdefg1234"}},
	{WeChatID, "微信 hello", nil},
	{WeChatID, "微信 account", nil},
	{WeChatID, "微信 abc123@qq.com", nil},
	{WeChatID, "微信 example.com", nil},
	{WeChatID, "dev:abc12345", nil},
	{WeChatID, "微博 abc12345", nil},
	{WeChatID, "vx 12345", nil},
	{WeChatID, "微信 weixin", nil},
	{WeChatID, "微信号济南-mobile", nil},
	{WeChatID, "直接联系客服微信：XXYYZZ", []string{"xxyyzz||XXYYZZ"}},
	{WeChatID, "abc12345", nil},

	// Telegram.
	{Telegram, "飞机@scam_boss1", []string{"@scam_boss1||@scam_boss1"}},
	{Telegram, "@helper2024 纸飞机联系", []string{"@helper2024||@helper2024"}},
	{Telegram, "tg: support_bot", []string{"@support_bot||support_bot"}},
	{Telegram, "✈ @fast_pay88", []string{"@fast_pay88||@fast_pay88"}},
	{Telegram, "进群 https://t.me/cheapusdt", []string{"@cheapusdt||https://t.me/cheapusdt"}},
	{Telegram, "t.me/+abcdefgh12 加入", []string{"https://t.me/+abcdefgh12|invite|t.me/+abcdefgh12"}},
	{Telegram, "飞机：@yckj555https://t.me/ayckjzuan", []string{"@yckj555||@yckj555", "@ayckjzuan||https://t.me/ayckjzuan"}},
	{Telegram, "【飞机】-@BOHAO5", []string{"@bohao5||@BOHAO5"}},
	{Telegram, "飞机搜：AGZL688", []string{"@agzl688||AGZL688"}},
	{Telegram, "letstalk:t598856015TG：@keleai11", []string{"@keleai11||@keleai11"}},
	{Telegram, "email me at lisa@gmail.com 飞机", nil},
	{Telegram, "@someone 你好", nil},
	{Telegram, "飞机@abc", nil},
	{Telegram, "bit.me/abcdef", nil},
	{Telegram, "飞机 support_bot", nil},

	// URLs.
	{URL, "访问https://example.com/path?a=1。", []string{"https://example.com/path?a=1||https://example.com/path?a=1"}},
	{URL, "www.abc-def.net/x", []string{"http://www.abc-def.net/x||www.abc-def.net/x"}},
	{URL, "点击abc123.top注册", []string{"http://abc123.top|bare_domain|abc123.top"}},
	{URL, "网址:abc.vip", []string{"http://abc.vip|bare_domain|abc.vip"}},
	{URL, "http://t.cn/a1b2c3", []string{"http://t.cn/a1b2c3|short_link|http://t.cn/a1b2c3"}},
	{URL, "bit.ly/xyz12", []string{"http://bit.ly/xyz12|short_link,bare_domain|bit.ly/xyz12"}},
	{URL, "http://192.168.1.10:8080/login", []string{"http://192.168.1.10:8080/login|ip_host|http://192.168.1.10:8080/login"}},
	{URL, "登录10.20.30.40/admin", []string{"http://10.20.30.40/admin|ip_host,bare_domain|10.20.30.40/admin"}},
	{URL, "see 163.com, ok", []string{"http://163.com|bare_domain|163.com"}},
	{URL, "https://shop.example.org.", []string{"https://shop.example.org||https://shop.example.org"}},
	{URL, "yangmaokkkhttps://t.me/+abcdefgh12", []string{"https://t.me/+abcdefgh12||https://t.me/+abcdefgh12"}},
	{URL, "邮箱 zhang@example.com", nil},
	{URL, "john.doe@mail.cn", nil},
	{URL, "版本 1.2.3 或 v2.0.1", nil},
	{URL, "价格1.5万", nil},
	{URL, "readme.txt abc.zip", nil},
	{URL, "10.0.0.1", nil},
	{URL, "http://999.1.1.1", nil},

	// Wallets.
	{Wallet, "USDT地址 TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj 收U", []string{"TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj|trc20|TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj"}},
	{Wallet, "TK843dzaructEm95fWepCvFNUJM3V9WFFC", []string{"TK843dzaructEm95fWepCvFNUJM3V9WFFC|trc20|TK843dzaructEm95fWepCvFNUJM3V9WFFC"}},
	{Wallet, "转到0x52908400098527886E0F7030069857D2E4169EE7", []string{"0x52908400098527886E0F7030069857D2E4169EE7|erc20|0x52908400098527886E0F7030069857D2E4169EE7"}},
	{Wallet, "TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnk", nil},
	{Wallet, "XTA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj", nil},
	{Wallet, "0x52908400098527886E0F7030069857D2E4169EE", nil},
	{Wallet, "0x52908400098527886E0F7030069857D2E4169EE77", nil},
	{Wallet, "0x5290840009852788gE0F7030069857D2E4169EE7", nil},

	// Disguised, going through the normalizer.
	{MobileCN, "电话：壹叁捌壹贰叁肆伍陆柒捌", []string{"13812345678||壹叁捌壹贰叁肆伍陆柒捌"}},
	{MobileCN, "①③⑧①②③④⑤⑥⑦⑧", []string{"13812345678||①③⑧①②③④⑤⑥⑦⑧"}},
	{MobileCN, "１３８ １２３４ ５６７８", []string{"13812345678||１３８ １２３４ ５６７８"}},
	{MobileCN, "1 3 8 1 2 3 4 5 6 7 8", []string{"13812345678||1 3 8 1 2 3 4 5 6 7 8"}},
	{MobileCN, "138\u200b1234\u200d5678", []string{"13812345678||138\u200b1234\u200d5678"}},
	{QQ, "ＱＱ：８７６５４３２１", []string{"87654321||８７６５４３２１"}},
	{WeChatID, "Ｖ信 ａｂｃ１２３４５", []string{"abc12345||ａｂｃ１２３４５"}},
	{WeChatID, "vx:abc\u200b12345", []string{"abc12345||abc\u200b12345"}},
	{WeChatID, "加 V：ZhangSan_88", []string{"zhangsan_88||ZhangSan_88"}},
	{Telegram, "纸飞机：＠Scam_Boss1", []string{"@scam_boss1||＠Scam_Boss1"}},
	{URL, "ＷＷＷ．ＡＢＣ１２３．ＣＯＭ", []string{"http://www.abc123.com||ＷＷＷ．ＡＢＣ１２３．ＣＯＭ"}},
	{Wallet, "ＴＡ４Ｙ62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj", []string{"TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj|trc20|ＴＡ４Ｙ62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj"}},
	{Wallet, "TA4Y62o6YC2Zsck9\u200brZVGTvqW1AQ7X9zTnj", []string{"TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj|trc20|TA4Y62o6YC2Zsck9\u200brZVGTvqW1AQ7X9zTnj"}},
	{BankCard, "６２２２ ０２１２ ３４５６ ７８９０ １２８", []string{"6222021234567890128||６２２２ ０２１２ ３４５６ ７８９０ １２８"}},

	// Bank cards.
	{BankCard, "卡号6222021234567890128", []string{"6222021234567890128||6222021234567890128"}},
	{BankCard, "4111 1111 1111 1111", []string{"4111111111111111||4111 1111 1111 1111"}},
	{BankCard, "6228-4800-1234-5671", []string{"6228480012345671||6228-4800-1234-5671"}},
	{BankCard, "9558 8012 3456 7890 128", []string{"9558801234567890128||9558 8012 3456 7890 128"}},
	{BankCard, "订单2024051312345672", nil},
	{BankCard, "交易号：6222021234567890128", nil},
	{BankCard, "6222021234567890127", nil},
	{BankCard, "622202123456789", nil},
	{BankCard, "62220212345678901280", nil},
	{BankCard, "4111 1111 1111 1111 1111 1", nil},
	{BankCard, "13812345678", nil},
	{BankCard, "0.6222021234567890128", nil},
	{BankCard, "6,222,021,234,567,890,128", nil},
	{BankCard, "时间戳 1715580000123 订单 20240513123456789", nil},
}

func TestFindEntities(t *testing.T) {
	for _, tt := range entityTests {
		t.Run(string(tt.kind)+"/"+tt.text, func(t *testing.T) {
			text := normalize.Normalize(tt.text)
			got := formatEntities(&text, findEntities(&text, tt.kind, nil))
			if !slices.Equal(got, tt.want) {
				t.Errorf("findEntities(%q, %s) = %q, want %q", tt.text, tt.kind, got, tt.want)
			}
		})
	}
}

func formatEntities(t *normalize.Text, ms []entityMatch) []string {
	var out []string
	for _, m := range ms {
		os, oe := t.Span(m.Start, m.End)
		out = append(out, fmt.Sprintf("%s|%s|%s", m.Value, m.Detail, t.Original()[os:oe]))
	}
	return out
}

func TestFindEntitiesKind(t *testing.T) {
	text := normalize.Normalize("加微信abc12345 电话13812345678 qq 87654321 https://t.me/cheapusdt")
	for _, k := range EntityKinds {
		for _, m := range findEntities(&text, k, nil) {
			if m.Kind != k {
				t.Errorf("findEntities(%s) returned a %s", k, m.Kind)
			}
		}
	}
	if got := findEntities(&text, "no_such_kind", nil); got != nil {
		t.Errorf("unknown kind found %v", got)
	}
}

func TestLuhn(t *testing.T) {
	for _, tt := range []struct {
		digits string
		want   bool
	}{
		{"4111111111111111", true},
		{"4111111111111112", false},
		{"79927398713", true},
		{"0", true},
		{"18", true},
		{"19", false},
	} {
		if got := luhn([]byte(tt.digits)); got != tt.want {
			t.Errorf("luhn(%s) = %v, want %v", tt.digits, got, tt.want)
		}
	}
}

func TestSkipNonASCII(t *testing.T) {
	for _, s := range []string{"", "a", "我", "我是客服，加vx", "中文中文中文中文a", "中文中文中文中文中文中文", "ab中文中文中文中文中文中文1", "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7x"} {
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && s[want] >= 0x80 {
				want++
			}
			if got := skipNonASCII(s, i); got != want {
				t.Errorf("skipNonASCII(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func TestKindIndex(t *testing.T) {
	for i, k := range EntityKinds {
		if got := kindIndex(k); got != i {
			t.Errorf("kindIndex(%s) = %d, want %d", k, got, i)
		}
	}
	for _, k := range []EntityKind{"", "phone", "URL", "bank_card "} {
		if got := kindIndex(k); got != -1 {
			t.Errorf("kindIndex(%q) = %d, want -1", k, got)
		}
	}
}

// TestKindNeeds checks that kindNeeds asks a digit of exactly the kinds
// whose values are numbers, and a digit or a letter of the others.
func TestKindNeeds(t *testing.T) {
	numbers := map[EntityKind]bool{MobileCN: true, PhoneIntl: true, QQ: true, BankCard: true}
	for i, k := range EntityKinds {
		want := uint8(asciiDigit | asciiLetter)
		if numbers[k] {
			want = asciiDigit
		}
		if kindNeeds[i] != want {
			t.Errorf("kindNeeds for %s = %b, want %b", k, kindNeeds[i], want)
		}
	}
}

// TestCueSets checks that every cue of every set is indexed under its last
// byte, which a set of more than sixteen cues would break.
func TestCueSets(t *testing.T) {
	for _, set := range []*cueSet{qqCueSet, weChatCueSet, telegramCueSet, referenceCueSet} {
		for j, c := range set.cues {
			if set.byLast[c.word[len(c.word)-1]]>>j&1 == 0 {
				t.Errorf("cue %q is not indexed", c.word)
			}
		}
	}
}

// TestFirstCueEnd checks firstCueEnd against trying every cue at every
// position, on the reference seeds.
func TestFirstCueEnd(t *testing.T) {
	texts := append(entityRefSeeds(), "", "dwx", "dwx wx", "dvx 1 vx", "微", "🐧")
	for _, in := range texts {
		text := normalize.Normalize(in)
		s := text.Normalized()
		for _, set := range []*cueSet{qqCueSet, weChatCueSet, telegramCueSet, referenceCueSet} {
			want := len(s) + 1
		search:
			for k := 1; k <= len(s); k++ {
				for _, c := range set.cues {
					a := k - len(c.word)
					if strings.HasSuffix(s[:k], c.word) && !(isLower(c.word[0]) && a > 0 && isAlpha(s[a-1:a])) {
						want = k
						break search
					}
				}
			}
			if got := firstCueEnd(s, set); got != want {
				t.Fatalf("firstCueEnd(%q, %q…) = %d, want %d", s, set.cues[0].word, got, want)
			}
		}
	}
}
