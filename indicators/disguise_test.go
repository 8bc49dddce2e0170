package indicators_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/fanzha/fanzha/indicators"
)

// A disguise rewrites a text the way scammers do to slip past keyword
// filters. kind is the normalize.Kind name the report must give for it, or
// "" for ordinary variation (traditional characters, full width) that the
// report need not call a disguise. marks are the runes the disguise puts
// in; a finding with a leaf whose evidence holds one of them (that the
// example did not already hold) must name the kind.
type disguise struct {
	name  string
	kinds []string // any of these satisfies the check; nil: no check
	apply func(string) string
	marks []rune
}

// disguises lists the variants the harness produces for every example.
var disguises = []disguise{
	{"traditional", nil, toTraditional, nil},
	{"fullwidth", nil, toFullWidth, nil},
	{"invisible", []string{"invisible"}, insertInvisible, invisibles},
	{"separator", []string{"separator"}, insertSeparators, separators},
	{"emoji", []string{"separator"}, insertEmoji, emojiSeparators},
	{"lookalike", []string{"lookalike"}, toLookalike, lookalikeRunes()},
	{"circled", []string{"compat", "numeral"}, digitRuns(circled), circled[:]},
	{"chinese-numeral", []string{"numeral"}, digitRuns(chineseNumerals), chineseNumerals[:]},
}

// disguiseSkips lists the variants a rule cannot survive by design, with
// the reason. Keys are "rule-id/disguise".
// None is needed today: every rule survives every disguise.
var disguiseSkips = map[string]string{}

// traditional maps the simplified characters of the catalog's examples to
// their traditional forms. Only characters with one unambiguous traditional
// form are listed, so that folding them back gives the example again.
var traditional = map[rune]rune{
	'万': '萬', '与': '與', '专': '專', '丢': '丟', '两': '兩', '个': '個', '为': '為', '乐': '樂',
	'书': '書', '买': '買', '亚': '亞', '产': '產', '亲': '親', '们': '們', '价': '價', '优': '優',
	'会': '會', '伤': '傷', '债': '債', '偿': '償', '兑': '兌', '军': '軍', '冻': '凍', '击': '擊',
	'则': '則', '删': '刪', '别': '別', '办': '辦', '务': '務', '动': '動', '励': '勵', '劳': '勞',
	'区': '區', '医': '醫', '单': '單', '卖': '賣', '历': '歷', '发': '發', '号': '號', '员': '員',
	'响': '響', '问': '問', '园': '園', '国': '國', '场': '場', '坏': '壞', '块': '塊', '垫': '墊',
	'处': '處', '备': '備', '奖': '獎', '妈': '媽', '娱': '娛', '孙': '孫', '学': '學', '实': '實',
	'审': '審', '宝': '寶', '对': '對', '导': '導', '将': '將', '岗': '崗', '币': '幣', '师': '師',
	'带': '帶', '帮': '幫', '应': '應', '开': '開', '异': '異', '张': '張', '录': '錄', '总': '總',
	'户': '戶', '扫': '掃', '护': '護', '报': '報', '换': '換', '挂': '掛', '损': '損', '数': '數',
	'时': '時', '暂': '暫', '术': '術', '机': '機', '条': '條', '来': '來', '枪': '槍', '检': '檢',
	'欢': '歡', '毕': '畢', '气': '氣', '汇': '匯', '没': '沒', '涨': '漲', '满': '滿', '点': '點',
	'烦': '煩', '爱': '愛', '独': '獨', '现': '現', '电': '電', '疗': '療', '监': '監', '盘': '盤',
	'码': '碼', '确': '確', '祸': '禍', '积': '積', '称': '稱', '税': '稅', '稳': '穩', '笔': '筆',
	'简': '簡', '类': '類', '紧': '緊', '红': '紅', '约': '約', '级': '級', '纳': '納', '纸': '紙',
	'线': '線', '组': '組', '细': '細', '经': '經', '结': '結', '给': '給', '续': '續', '维': '維',
	'缅': '緬', '缉': '緝', '缴': '繳', '网': '網', '罚': '罰', '职': '職', '联': '聯', '脑': '腦',
	'腾': '騰', '艺': '藝', '节': '節', '荐': '薦', '药': '藥', '补': '補', '装': '裝', '观': '觀',
	'规': '規', '视': '視', '誉': '譽', '计': '計', '订': '訂', '认': '認', '让': '讓', '训': '訓',
	'议': '議', '讯': '訊', '记': '記', '设': '設', '证': '證', '识': '識', '诈': '詐', '诉': '訴',
	'试': '試', '诚': '誠', '话': '話', '询': '詢', '详': '詳', '误': '誤', '说': '說', '请': '請',
	'调': '調', '谈': '談', '谱': '譜', '贝': '貝', '财': '財', '账': '賬', '货': '貨', '质': '質',
	'购': '購', '贴': '貼', '贷': '貸', '费': '費', '资': '資', '赔': '賠', '赚': '賺', '赢': '贏',
	'赶': '趕', '转': '轉', '软': '軟', '轻': '輕', '载': '載', '输': '輸', '边': '邊', '达': '達',
	'过': '過', '运': '運', '还': '還', '这': '這', '进': '進', '远': '遠', '违': '違', '连': '連',
	'选': '選', '递': '遞', '遗': '遺', '邮': '郵', '钱': '錢', '铁': '鐵', '铲': '鏟', '银': '銀',
	'链': '鏈', '销': '銷', '错': '錯', '键': '鍵', '长': '長', '门': '門', '闭': '閉', '陆': '陸',
	'险': '險', '领': '領', '频': '頻', '题': '題', '额': '額', '风': '風', '飞': '飛', '马': '馬',
	'驶': '駛', '驻': '駐', '驾': '駕', '验': '驗', '骗': '騙', '鸽': '鴿', '龙': '龍', '东': '東',
	'乌': '烏', '众': '眾', '体': '體', '兰': '蘭', '关': '關', '写': '寫', '凭': '憑', '启': '啟',
	'声': '聲', '够': '夠', '态': '態', '恋': '戀', '择': '擇', '拥': '擁', '断': '斷', '无': '無',
	'杂': '雜', '标': '標', '样': '樣', '楼': '樓', '汉': '漢', '测': '測', '温': '溫', '滚': '滾',
	'灯': '燈', '状': '狀', '画': '畫', '盖': '蓋', '盗': '盜', '础': '礎', '礼': '禮', '离': '離',
	'竞': '競', '签': '簽', '纪': '紀', '纯': '純', '练': '練', '终': '終', '绍': '紹', '绑': '綁',
	'络': '絡', '统': '統', '绩': '績', '综': '綜', '绿': '綠', '缓': '緩', '编': '編', '罗': '羅',
	'胜': '勝', '荣': '榮', '虽': '雖', '见': '見', '览': '覽', '觉': '覺', '讨': '討', '讲': '講',
	'许': '許', '论': '論', '访': '訪', '评': '評', '词': '詞', '该': '該', '语': '語', '读': '讀',
	'课': '課', '谁': '誰', '谢': '謝', '负': '負', '败': '敗', '贵': '貴', '贸': '貿', '赌': '賭',
	'赛': '賽', '赠': '贈', '赵': '趙', '车': '車', '轮': '輪', '较': '較', '辆': '輛', '释': '釋',
	'铺': '鋪', '锁': '鎖', '间': '間', '闻': '聞', '阅': '閱', '阳': '陽', '阴': '陰', '陈': '陳',
	'随': '隨', '隐': '隱', '韩': '韓', '页': '頁', '项': '項', '顺': '順', '顾': '顧', '预': '預',
	'饭': '飯', '馆': '館', '鱼': '魚', '鸡': '雞', '齐': '齊', '执': '執', '扰': '擾', '抢': '搶',
	'担': '擔', '摆': '擺', '旧': '舊', '显': '顯', '权': '權', '杨': '楊', '构': '構', '树': '樹',
	'桥': '橋', '梦': '夢', '汤': '湯', '猪': '豬', '矿': '礦', '窃': '竊', '惊': '驚', '愿': '願',
	'戏': '戲', '战': '戰', '归': '歸', '庄': '莊', '庆': '慶', '库': '庫', '岁': '歲', '宁': '寧',
	'尔': '爾', '团': '團', '围': '圍', '图': '圖', '双': '雙', '变': '變', '参': '參', '厂': '廠',
	'卫': '衛', '华': '華', '协': '協', '兴': '興', '储': '儲', '侦': '偵', '听': '聽', '头': '頭',
}

// toTraditional writes the text in traditional characters.
func toTraditional(s string) string {
	return strings.Map(func(r rune) rune {
		if t, ok := traditional[r]; ok {
			return t
		}
		return r
	}, s)
}

// toFullWidth writes ASCII letters and digits in their full-width forms.
func toFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r + 0xFEE0
		}
		return r
	}, s)
}

var (
	invisibles      = []rune{'\u200b', '\u200d', '\ufeff', '\u2060'}
	separators      = []rune{' ', '-', '*', '·', '|', '_', '.'}
	emojiSeparators = []rune{'🔥', '❤', '⭐'}
	circled         = [10]rune{'⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'}
	chineseNumerals = [10]rune{'零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'}
)

// between inserts a rune from set (in turn) between every two adjacent
// runes for which join reports true.
func between(s string, set []rune, join func(a, b rune) bool) string {
	var b strings.Builder
	var prev rune = -1
	i := 0
	for _, r := range s {
		if prev >= 0 && join(prev, r) {
			b.WriteRune(set[i%len(set)])
			i++
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isHan(r rune) bool   { return unicode.Is(unicode.Han, r) }
func isLatin(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }

// insertInvisible puts zero-width characters inside words: between two Han
// characters and between two Latin letters.
func insertInvisible(s string) string {
	return between(s, invisibles, func(a, b rune) bool {
		return isHan(a) && isHan(b) || isLatin(a) && isLatin(b)
	})
}

// insertSeparators puts spaces and punctuation between Han characters.
func insertSeparators(s string) string {
	return between(s, separators, func(a, b rune) bool { return isHan(a) && isHan(b) })
}

// insertEmoji puts emoji between Han characters.
func insertEmoji(s string) string {
	return between(s, emojiSeparators, func(a, b rune) bool { return isHan(a) && isHan(b) })
}

// lookalikes maps Latin letters to Cyrillic letters that look the same.
var lookalikes = map[rune]rune{
	'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у',
	'i': 'і', 'j': 'ј', 's': 'ѕ', 'v': 'ѵ', 'k': 'к', 'h': 'һ', 'd': 'ԁ',
	'A': 'А', 'C': 'С', 'E': 'Е', 'O': 'О', 'P': 'Р', 'X': 'Х', 'T': 'Т',
	'V': 'Ѵ', 'Q': 'Ԛ', 'W': 'Ԝ', 'B': 'В', 'K': 'К', 'M': 'М', 'H': 'Н',
}

func lookalikeRunes() []rune {
	var rs []rune
	for _, r := range lookalikes {
		rs = append(rs, r)
	}
	return rs
}

// toLookalike swaps Latin letters for Cyrillic look-alikes, except in URLs
// and e-mail addresses, where a different letter is a different address.
func toLookalike(s string) string {
	var b strings.Builder
	for _, field := range strings.SplitAfter(s, " ") {
		if strings.Contains(field, "://") || strings.Contains(field, "www.") || strings.Contains(field, ".c") || strings.Contains(field, "@") {
			b.WriteString(field)
			continue
		}
		b.WriteString(strings.Map(func(r rune) rune {
			if l, ok := lookalikes[r]; ok {
				return l
			}
			return r
		}, field))
	}
	return b.String()
}

// digitRuns writes every run of five or more ASCII digits with the given
// numerals, as scammers write phone and QQ numbers to dodge digit filters.
func digitRuns(numerals [10]rune) func(string) string {
	return func(s string) string {
		rs := []rune(s)
		for i := 0; i < len(rs); {
			j := i
			for j < len(rs) && '0' <= rs[j] && rs[j] <= '9' {
				j++
			}
			if j-i >= 5 {
				for k := i; k < j; k++ {
					rs[k] = numerals[rs[k]-'0']
				}
			}
			if j == i {
				j++
			}
			i = j
		}
		return string(rs)
	}
}

func TestDisguiseHelpers(t *testing.T) {
	cases := []struct {
		name, in, want string
		apply          func(string) string
	}{
		{"traditional", "刷单转账", "刷單轉賬", toTraditional},
		{"fullwidth", "加vx138", "加ｖｘ１３８", toFullWidth},
		{"invisible", "加微信vx", "加\u200b微\u200d信v\ufeffx", insertInvisible},
		{"separator", "加微信 vx", "加 微-信 vx", insertSeparators},
		{"emoji", "加微信", "加🔥微❤信", insertEmoji},
		{"lookalike", "加vx详聊 www.vx.com", "加ѵх详聊 www.vx.com", toLookalike},
		{"circled", "QQ 2750123 第12期", "QQ ②⑦⑤⓪①②③ 第12期", digitRuns(circled)},
		{"chinese", "13812345678", "壹叁捌壹贰叁肆伍陆柒捌", digitRuns(chineseNumerals)},
	}
	for _, c := range cases {
		if got := c.apply(c.in); got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// TestDisguisedExamples runs every disguise over every rule's match
// examples: the same rule must still fire, and where the disguise touched
// the evidence of one of the rule's words, the finding must name it.
func TestDisguisedExamples(t *testing.T) {
	d := catalogDetector(t)
	variants, named := map[string]int{}, map[string]int{}
	for _, r := range indicators.DefaultRules() {
		for _, dg := range disguises {
			key := r.ID + "/" + dg.name
			if _, skip := disguiseSkips[key]; skip {
				continue
			}
			for _, ex := range r.Match {
				text := dg.apply(ex)
				if text == ex {
					continue // nothing to disguise in this example
				}
				variants[dg.name]++
				f, ok := findingOf(d.Detect(text), r.ID)
				if !ok {
					t.Errorf("%s: %s variant does not fire: %q", r.ID, dg.name, text)
					continue
				}
				inserted := func(r rune) bool { return slices.Contains(dg.marks, r) && !strings.ContainsRune(ex, r) }
				if dg.kinds == nil || !leafTouched(text, f.Match, inserted) {
					continue
				}
				named[dg.name]++
				if !slices.ContainsFunc(dg.kinds, func(k string) bool { return slices.Contains(f.Disguise, k) }) {
					t.Errorf("%s: %s variant: disguise %v does not name %v: %q", r.ID, dg.name, f.Disguise, dg.kinds, text)
				}
			}
		}
	}
	// Guard against a harness that silently checks nothing.
	for _, dg := range disguises {
		t.Logf("%-16s %4d variants, %4d with the disguise in the evidence", dg.name, variants[dg.name], named[dg.name])
		if variants[dg.name] < 20 || dg.kinds != nil && named[dg.name] < 10 {
			t.Errorf("%s: only %d variants and %d disguise checks", dg.name, variants[dg.name], named[dg.name])
		}
	}
	for key := range disguiseSkips {
		id, _, _ := strings.Cut(key, "/")
		if !slices.ContainsFunc(indicators.DefaultRules(), func(r indicators.Rule) bool { return r.ID == id }) {
			t.Errorf("skip %q names no rule", key)
		}
	}
}

func findingOf(r indicators.Report, id string) (indicators.Finding, bool) {
	for _, f := range r.Findings {
		if f.Rule == id {
			return f, true
		}
	}
	return indicators.Finding{}, false
}

// leafTouched reports whether the evidence of a leaf of m (a keyword,
// pattern or entity match) has one of the disguise's runes inside it.
func leafTouched(text string, m indicators.Match, marks func(rune) bool) bool {
	if len(m.Parts) == 0 {
		return m.Start >= 0 && m.End <= len(text) && strings.ContainsFunc(text[m.Start:m.End], marks)
	}
	for _, p := range m.Parts {
		if leafTouched(text, p, marks) {
			return true
		}
	}
	return false
}
