package indicators

import (
	"cmp"
	"math"
	"slices"
)

// rulePoints is what a rule that fired scores: its points times the weight
// of its strongest match, rounded, and at least 1.
func rulePoints(points int, weight float64) int {
	return max(1, int(math.Round(float64(points)*weight)))
}

// capOf returns the cap of a category.
func (c *compiled) capOf(category string, def int) int {
	if v, ok := c.caps[category]; ok {
		return v
	}
	return def
}

// score fills in the category scores, Score, Level and Flagged of rep,
// whose findings are in their order already (see reportOrder). Every step
// is monotone: a sum, a min with a constant, a sum, a min with 100; so a
// finding more never lowers the score.
func (d *Detector) score(rep *Report) {
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
		rep.Categories[i].Score += f.Points
	}
	total := 0
	for i := range rep.Categories {
		c := &rep.Categories[i]
		c.Score = min(c.Score, d.c.capOf(c.Category, d.cfg.CategoryCap))
		total += c.Score
	}
	slices.SortFunc(rep.Categories, func(a, b CategoryScore) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return cmp.Compare(a.Category, b.Category)
	})
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
