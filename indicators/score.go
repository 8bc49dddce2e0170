package indicators

import (
	"math"
	"slices"
)

// rulePoints is what a rule that fired scores: its points times the weight
// of its strongest match, rounded, and at least 1.
func rulePoints(points int, weight float64) int {
	return max(1, int(math.Round(float64(points)*weight)))
}

// capOf returns the cap of a category, for a rule at compile time.
func (c *compiled) capOf(category string, def int) int {
	if v, ok := c.caps[category]; ok {
		return v
	}
	return def
}

// score fills in the category scores, Score, Level and Flagged of rep,
// whose findings are in their order already (see reportOrder); caps[k] is
// the cap of the category of rep.Findings[k]. Every step is monotone: a
// sum, a min with a constant, a sum, a min with 100; so a finding more
// never lowers the score.
func (d *Detector) score(rep *Report, caps []int) {
	// Sum the points per category; the findings are few, so a linear
	// search beats a map.
	// At most one per finding; never nil, so that JSON says [].
	rep.Categories = slices.Grow(rep.Categories[:0], len(rep.Findings))
	if rep.Categories == nil {
		rep.Categories = []CategoryScore{}
	}
	for k := range rep.Findings {
		f := &rep.Findings[k] // a Finding is large: do not copy it
		i := slices.IndexFunc(rep.Categories, func(c CategoryScore) bool { return c.Category == f.Category })
		if i < 0 {
			i = len(rep.Categories)
			rep.Categories = append(rep.Categories, CategoryScore{Category: f.Category})
		}
		// Capping as the sum goes is capping the sum: points are never
		// negative, so min(min(a, c)+b, c) = min(a+b, c).
		rep.Categories[i].Score = min(rep.Categories[i].Score+f.Points, caps[k])
	}
	total := 0
	for _, c := range rep.Categories {
		total += c.Score
	}
	// By score, highest first, then by name. The categories are a few, and
	// distinct, so an insertion sort is enough and its order is the only
	// one.
	cs := rep.Categories
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && categoryBefore(&cs[j], &cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	rep.Score = min(100, total)
	rep.Level = d.cfg.Thresholds.level(rep.Score)
	rep.Flagged = rep.Score >= d.cfg.FlagAt
	if rep.Findings == nil {
		rep.Findings = []Finding{}
	}
	if rep.Entities == nil {
		rep.Entities = []Extracted{}
	}
}

// categoryBefore reports whether a comes before b in Report.Categories.
func categoryBefore(a, b *CategoryScore) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.Category < b.Category
}

// level maps a score to its level.
func (t Thresholds) level(score int) Level {
	switch {
	case score >= t.High:
		return LevelHigh
	case score >= t.Medium:
		return LevelMedium
	case score >= t.Low:
		return LevelLow
	}
	return LevelNone
}
