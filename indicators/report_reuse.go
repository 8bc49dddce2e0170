package indicators

// Reports scanned with DetectTo reuse their memory; this file holds what
// that takes besides the scan itself.

// clearStale zeroes what rep's slices held of the earlier report old beyond
// their new lengths, so that a reused report does not keep an earlier
// text alive.
func (rep *Report) clearStale(old *Report) {
	clearTail(old.Findings, rep.Findings)
	clearTail(old.Categories, rep.Categories)
	clearTail(old.Entities, rep.Entities)
	clearTail(old.parts, rep.parts)
	clearTail(old.names, rep.names)
}

// clearTail zeroes the elements of old past the length of cur when cur
// still uses old's array (cur was old[:0] and grew without moving).
func clearTail[T any](old, cur []T) {
	if len(cur) < len(old) && cap(cur) == cap(old) {
		clear(old[len(cur):])
	}
}

// Clone returns a deep copy of r that shares no memory that DetectTo
// reuses: a report to keep after the next DetectTo on r. (Strings are
// shared: they are never written.)
func (r *Report) Clone() Report {
	c := *r
	c.parts, c.names = nil, nil
	c.Findings = cloneSlice(r.Findings)
	c.Categories = cloneSlice(r.Categories)
	c.Entities = cloneSlice(r.Entities)
	c.Errors = cloneSlice(r.Errors)
	n, names := 0, 0
	for i := range c.Findings {
		n += countMatchParts(&c.Findings[i].Match)
		names += len(c.Findings[i].Disguise)
	}
	slab := make([]Match, 0, n)
	all := make([]string, 0, names)
	for i := range c.Findings {
		f := &c.Findings[i]
		slab = cloneParts(&f.Match, slab)
		at := len(all)
		all = append(all, f.Disguise...)
		f.Disguise = all[at:len(all):len(all)]
	}
	return c
}

// cloneSlice copies s, keeping nil and empty apart (JSON tells them
// apart).
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// countMatchParts returns the number of matches under m, m excluded.
func countMatchParts(m *Match) int {
	n := len(m.Parts)
	for i := range m.Parts {
		n += countMatchParts(&m.Parts[i])
	}
	return n
}

// cloneParts moves the Parts of the tree of m to slab, which has room for
// them, and returns the rest of slab.
func cloneParts(m *Match, slab []Match) []Match {
	if len(m.Parts) == 0 {
		return slab
	}
	at := len(slab)
	slab = append(slab, m.Parts...)
	m.Parts = slab[at:len(slab):len(slab)]
	for i := range m.Parts {
		slab = cloneParts(&m.Parts[i], slab)
	}
	return slab
}
