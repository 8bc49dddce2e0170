package ahocorasick_test

import (
	"fmt"

	"github.com/fanzha/fanzha/indicators/internal/ahocorasick"
)

func ExampleMatcher_FindAll() {
	m := ahocorasick.New([]string{"微信", "加微信", "信", "vx"})
	text := "请加微信或vx"
	for _, h := range m.FindAll(text, nil) {
		fmt.Println(h.Pattern, text[h.Start:h.End])
	}
	// Output:
	// 1 加微信
	// 0 微信
	// 2 信
	// 3 vx
}
