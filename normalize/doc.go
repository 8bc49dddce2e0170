// Package normalize folds Chinese text to a canonical form for matching and
// maps every position of the normalized text back to the bytes of the
// original that produced it.
//
// Scammers write 加 V Ｘ, 加-微-信, 威​信 with a zero-width space, аpple with a
// Cyrillic а, 轉帳 in traditional characters and 壹叁捌①②③④ for a phone
// number. Normalize turns all of these into one form a keyword or pattern
// can match (加vx, 加微信, 威信, apple, 转账, 1381234…), and the returned Text
// says, for any normalized range, which bytes of the original it came from
// (the evidence to highlight) and what was done to hide it (the Kind).
//
// # Folds
//
// Each fold is an option; Default applies all of them, in this order:
//
//  1. Invalid UTF-8: each bad byte becomes U+FFFD (kind Invalid), which maps
//     back to that one byte. This is not an option; Normalize never panics.
//  2. Invisible: format characters (category Cf: U+200B, U+200D, U+2060,
//     U+FEFF, U+00AD, bidi controls, tags …), variation selectors
//     (U+FE00–FE0F, U+E0100–E01EF), the Hangul fillers U+115F, U+1160,
//     U+3164 and U+FFA0, U+2800 braille blank, U+034F combining grapheme
//     joiner, and the default-ignorable U+17B4, U+17B5, U+180B–U+180F are
//     removed.
//  3. Width: the NFKC form of each rune, from golang.org/x/text at
//     generation time (Ｖ → V and ｶ → カ are kind Width, ① → 1, ㊙ → 秘,
//     ㍻ → 平成, ℡ → TEL are kind Compat). Digits in parentheses and
//     dingbat circles (⑴, ➀, ❶, ➊, ⓫, ⓵, ⓿) become plain digits too, where
//     NFKC would give (1) or leave them. A rune may become several runes; all
//     of them map back to it.
//  4. Case: Latin capitals become small letters.
//  5. Lookalike: a small hand-written table of Cyrillic and Greek letters
//     that look like Latin ones (а е о р с у х к м т н в і ј ѕ ԁ һ ү ӏ,
//     Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ, α ι κ ν ο ρ υ χ …) maps them to the
//     Latin letter; see lookalike.go. Only these: the full Unicode
//     confusables table would also turn 0 into O and 一 into ー.
//  6. Separator: see below.
//  7. Numeral: see below.
//  8. Traditional: traditional characters become simplified ones using
//     OpenCC's TSCharacters and TSPhrases (OpenCCVersion). At each position
//     the longest phrase that matches wins, else the character table; every
//     mapping keeps the rune count. 帳 folds to 账 (帳戶 → 账户, 轉帳 → 转账)
//     rather than OpenCC's 帐. A character for which OpenCC lists several
//     candidates takes the first and is marked Ambiguous as well as
//     Traditional. Identical phrases are added for the phrase results that
//     the character table would change again (張法乾 → 张法乾 keeps its 乾),
//     and the fold is repeated until nothing changes, so that it is
//     idempotent.
//
// # Separators
//
// Word characters are letters, digits, Han, kana, Hangul, and the emoji
// scammers use as words: ✈ 🛩 🛫 🛬 (Telegram), 🐧 (QQ), 💰 and 🎰.
// Separators are white space (including U+3000 and no-break space),
// punctuation, symbols, enclosing marks and all other emoji. '+' before an
// ASCII digit and '@' before an ASCII letter or digit are kept as entity
// syntax (+86…, @handle); so are control characters, private-use and
// unassigned code points and U+FFFD, which neither join nor separate words.
//
// A run of separators between two word characters is removed when either
// neighbour is CJK (Han, kana, Hangul or a meaningful emoji), or when both
// neighbours belong to Latin/digit tokens of one character: 加 * 微 · 信 →
// 加微信, 加 V X → 加vx, v‧x → vx, 1 3 8 → 138. Every other run is kept as it
// is after the width fold, so Latin words stay apart (new xbox does not
// contain wx) and URLs, e-mail addresses and grouped numbers such as
// 138 1234 5678 keep their punctuation. Separators at the start or end of
// the text or next to a character that is neither are kept. Tokens are
// those of the text after invisible characters are removed and before any
// run is, so a zero-width space inside a word does not split it and the
// rule is idempotent.
//
// Note that this also removes the punctuation between sentences of Chinese
// text (你好，世界 → 你好世界): a keyword may match across it, which is the
// price of catching 加，微，信.
//
// # Numerals
//
// A run of NumeralRun or more consecutive digit-like runes becomes ASCII
// digits, with kind Numeral on the runes that changed: ASCII digits (and
// everything the width fold made digits: full-width, circled and
// parenthesised digits), 〇零一二三四五六七八九, 壹贰叁肆伍陆柒捌玖 and their
// traditional forms 貳 參 叄 陸 (and 参, 蔘, which OpenCC folds 參 to). 两 is not
// a digit. Shorter runs are words and stay: 一起, 三个月, 十一月, 一二三. So
// does a single Chinese numeral at either end of a run, next to an ASCII
// digit: it is nearly always part of a word that the separator fold joined
// to a number (13812345678，一起 → 13812345678一起, 统一13812345678).
// Numerals are folded before traditional characters, so that a phrase never
// spans a digit that a second normalization would see.
//
// # Text and offsets
//
// A Text keeps the original string and the normalized string and, only
// when they differ, a list of (normalized offset, original offset, kinds)
// triples for the runes where the map breaks: runes that were changed, and
// runes whose original does not follow on from the rune before. Every
// other rune was copied on from the one before it, so the list is much
// shorter than an entry per rune. Span is O(log n) (a binary search of the
// triples for each end) and Kinds is O(log n) plus the number of triples
// in the range. When nothing changes, Normalized returns the original
// string itself and nothing is allocated; otherwise the triples and the
// normalized bytes share one allocation.
//
// Every normalized rune comes from exactly one original rune. Span(s, e)
// is the range from the start of the original rune of the first normalized
// rune to the end of the original rune of the last: it includes separators
// and invisible characters removed between them, not those around them.
// Removed characters are recorded on the next normalized rune as
// "removed before this rune", so Kinds(s, e) reports Invisible and
// Separator only for removals strictly inside the range.
//
// Normalization is idempotent: normalizing a normalized string returns it
// unchanged.
//
// The per-rune data is generated by maketables.go ("go generate") from
// golang.org/x/text (UnicodeVersion) and the OpenCC files in
// third_party/opencc; the package itself needs neither at run time.
package normalize
