// Package bench compares fanzha's full Detect with the cheapest possible
// keyword filter: a bare Aho–Corasick scan (github.com/coregx/ahocorasick,
// FindAll, leftmost-first) over exactly the keyword set of the default
// catalog, on the raw text, without normalization, rules or explanation.
// It is a nested module so that the library's go.mod stays free of the
// comparison's dependency.
//
// Run it from this directory:
//
//	go test -run '^$' -bench . -count 6 | tee new.txt
//	go run golang.org/x/perf/cmd/benchstat@latest -col /scan new.txt
//
// Each benchmark has two sub-benchmarks on the same texts, scan=ac and
// scan=detect; the ratio of their MB/s is the price of normalization,
// composition and explanation over a bare keyword scan. The texts are the
// corpus of the indicators package, in ../../indicators/testdata/bench.
package bench
