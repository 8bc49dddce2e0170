#!/bin/bash
# instructions.sh PKGDIR BENCH [N1 N2] prints the instructions one op of a Go
# benchmark executes, counted by valgrind's callgrind: the difference between
# runs of N2 and N1 iterations (default 300 and 1300), divided by N2-N1, so
# that compiling the catalog and the test binary's start-up cancel out.
#
# Unlike time, the count does not depend on what else the machine is doing
# (repeat runs agree to about 0.05 %), which makes it the measure of choice
# for small changes on a shared machine; confirm kept changes with timed
# runs, since instructions are not cycles.
#
#   examples/bench/instructions.sh indicators '^BenchmarkDetectTo$/^sms$'
#   (cd examples/bench && ./instructions.sh . '^BenchmarkCompare$/^text=sms$/^scan=ac$')
#
# The garbage collector is off (GOGC=off) so that the count is the work of
# the code itself; asynchronous preemption and RDTSCP, which valgrind cannot
# run, are off too. Needs valgrind (Debian package valgrind).
set -euo pipefail
if [ $# -lt 2 ]; then
	echo "usage: $0 PKGDIR BENCH [N1 N2]" >&2
	exit 2
fi
pkg=$1 bench=$2 n1=${3:-300} n2=${4:-1300}
cd "$pkg"
bin=$(mktemp)
trap 'rm -f "$bin" "$bin".cg' EXIT
go test -c -o "$bin" .
count() {
	local out
	out=$(GOGC=off GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off GOMAXPROCS=1 \
		valgrind --tool=callgrind --callgrind-out-file="$bin".cg \
		"$bin" -test.run '^$' -test.bench "$bench" -test.benchtime "$1"x 2>&1)
	if ! grep -q '^PASS' <<<"$out"; then
		echo "$out" >&2
		exit 1
	fi
	awk '/Collected/ {print $4}' <<<"$out"
}
a=$(count "$n1")
b=$(count "$n2")
echo "$bench $(( (b - a) / (n2 - n1) )) instructions/op"
