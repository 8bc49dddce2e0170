package main

import (
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	tests := []struct {
		text    string
		flagged bool
	}{
		{"高薪招聘打字员，包吃住包机票，不看学历，有意者加薇信详聊", true},
		{"周末我们去公园散步，顺便买点水果。", false},
	}
	for _, tt := range tests {
		var b strings.Builder
		report(&b, tt.text)
		out := b.String()
		first, rest, _ := strings.Cut(out, "\n")
		if strings.HasSuffix(first, "flagged true") != tt.flagged {
			t.Errorf("report(%q) verdict %q, want flagged %v", tt.text, first, tt.flagged)
		}
		if (rest != "") != tt.flagged {
			t.Errorf("report(%q) findings:\n%s", tt.text, rest)
		}
	}
}
