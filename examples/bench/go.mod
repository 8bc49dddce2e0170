module github.com/fanzha/fanzha/examples/bench

go 1.25.4

require github.com/fanzha/fanzha v0.0.0

require (
	github.com/coregx/ahocorasick v0.3.1
	github.com/dlclark/regexp2/v2 v2.13.0 // indirect
)

replace github.com/fanzha/fanzha => ../..
