package indicators

import (
	"strings"
	"testing"

	"github.com/fanzha/fanzha/normalize"
)

// These tests depend on the real normalizer: keywords and texts are folded
// alike, and spans come back in the original.
func TestFoldedKeywords(t *testing.T) {
	runIndicatorCases(t, []indicatorCase{
		{"case", Keywords("vx"), "加VX聊", true, "VX"},
		{"full width", Keywords("vx"), "加ＶＸ聊", true, "ＶＸ"},
		{"keyword written in upper case", Keywords("QQ"), "加qq", true, "qq"},
		{"traditional text", Keywords("微信"), "加微信", true, "微信"},
		{"traditional keyword", Keywords("帳號"), "你的账号", true, "账号"},
		{"separator inside", Keywords("微信"), "加微-信", true, "微-信"},
		{"zero width inside", Keywords("刷单"), "刷\u200b单", true, "刷\u200b单"},
		{"lookalike", Keywords("vx"), "加\u0430vx", false, ""}, // Cyrillic а folds to a: "avx"
		{"whole word after fold", Keywords("vx"), "ＶＸworks", false, ""},
	})
}

func TestDisguiseReported(t *testing.T) {
	f, ok := fire(t, Keywords("微信"), "加微-信")
	if !ok {
		t.Fatal("did not fire")
	}
	if strings.Join(f.Disguise, ",") != "separator" || f.Normalized != "微信" {
		t.Errorf("disguise %v, normalized %q; want [separator], 微信", f.Disguise, f.Normalized)
	}
	f, _ = fire(t, Keywords("微信"), "加微信")
	if f.Disguise == nil || len(f.Disguise) != 0 {
		t.Errorf("plain word: disguise %#v, want empty and non-nil", f.Disguise)
	}
}

func TestDisguised(t *testing.T) {
	sep := Disguised(normalize.Separator|normalize.Invisible, Keywords("微信"))
	runIndicatorCases(t, []indicatorCase{
		{"plain", sep, "加微信", false, ""},
		{"separator", sep, "加微-信", true, "微-信"},
		{"invisible", sep, "加微\u200b信", true, "微\u200b信"},
		{"case is no disguise here", Disguised(normalize.Lookalike, Keywords("vx")), "VX", false, ""},
		{"composite", Disguised(normalize.Separator, All(Keywords("加"), Keywords("微信"))), "加 微-信", true, "加 微-信"},
	})
}
