package normalize_test

import (
	"fmt"
	"strings"

	"github.com/fanzha/fanzha/normalize"
)

func Example() {
	t := normalize.Normalize("高薪兼职，加 * 微 · 信：ＶＸ１３８")
	fmt.Println(t.Normalized())

	// Find a keyword in the normalized text, show the evidence in the
	// original and how it was disguised.
	i := strings.Index(t.Normalized(), "加微信")
	start, end := t.Span(i, i+len("加微信"))
	fmt.Printf("%q %v\n", t.Original()[start:end], t.Kinds(i, i+len("加微信")))
	// Output:
	// 高薪兼职加微信vx138
	// "加 * 微 · 信" separator
}

func ExampleText_Span() {
	t := normalize.Normalize("私聊 Тelegram 轉帳")
	fmt.Println(t.Normalized())
	for _, word := range []string{"telegram", "转账"} {
		i := strings.Index(t.Normalized(), word)
		start, end := t.Span(i, i+len(word))
		fmt.Printf("%s ← %q (%v)\n", word, t.Original()[start:end], t.Kinds(i, i+len(word)))
	}
	// Output:
	// 私聊telegram转账
	// telegram ← "Тelegram" (case|lookalike)
	// 转账 ← "轉帳" (traditional)
}

func ExampleNew() {
	// Only fold width and case: traditional characters and separators stay.
	n := normalize.New(normalize.Options{Width: true, Case: true})
	fmt.Println(n.String("加 ＶＸ 轉帳"))
	// Output:
	// 加 vx 轉帳
}

func ExampleNormalize_numerals() {
	fmt.Println(normalize.Normalize("电话：壹叁捌 ①②③④ 伍陆柒捌，快来").Normalized())
	fmt.Println(normalize.Normalize("号码13812345678，一起加油，三个月").Normalized())
	// Output:
	// 电话13812345678快来
	// 号码13812345678一起加油三个月
}
