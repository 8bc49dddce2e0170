package indicators

import (
	"os"
	"strings"
)

// The benchmark corpus lives in testdata/bench (see its README) so that the
// comparison benchmark in examples/bench scans the very same texts.
var (
	benchShort     = benchLines("short.txt")
	benchSMS       = benchLines("sms.txt")
	benchLong      = benchPosts("long.txt")
	benchClean100  = benchLines("clean100.txt")[0]
	benchSweepUnit = strings.Join(benchShort, "\n") + "\n"
)

// benchFile returns the content of a corpus file; a missing file is a
// broken checkout, so it panics.
func benchFile(name string) string {
	b, err := os.ReadFile("testdata/bench/" + name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// benchLines returns the lines of a corpus file.
func benchLines(name string) []string {
	return strings.Split(strings.TrimSuffix(benchFile(name), "\n"), "\n")
}

// benchPosts returns the posts of a corpus file, separated by "=====" lines.
func benchPosts(name string) []string {
	return strings.Split(benchFile(name), "=====\n")
}

// benchSized returns about n bytes of the short messages repeated, cut at
// a rune boundary, for the size sweep. The unit is under 1 KB, so that
// every size has the same mix of innocent and scam-like lines.
func benchSized(n int) string {
	s := strings.Repeat(benchSweepUnit, n/len(benchSweepUnit)+1)
	return truncate(s, n)
}

// totalLen returns the sum of the lengths of texts.
func totalLen(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}
