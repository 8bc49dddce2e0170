package main

import (
	"fmt"
	"os"
	"strings"
)

// The text form of a scan: the verdict, the points table, and the message
// with its evidence in brackets (ANSI colour on a terminal).
func Example_scanText() {
	code := run([]string{"scan", "-out", "text", "-rules", "testdata/rules.json", "-fail-on", "medium", "先说芝麻开门再进来"},
		strings.NewReader(""), os.Stdout, os.Stderr)
	fmt.Println("exit status", code)
	// Output:
	// #1 FLAGGED score 60, level medium — test_marker 60
	//   points  rule                       category     reason
	//       60  test_marker.secret-phrase  test_marker  测试用暗号
	//   > 先说[芝麻开门]再进来
	//
	// exit status 3
}

// A platform checks its own rule file before deploying it.
func Example_rulesTest() {
	code := run([]string{"rules", "test", "testdata/rules.json"}, strings.NewReader(""), os.Stdout, os.Stderr)
	fmt.Println("exit status", code)
	// Output:
	// ok  testdata/rules.json: 1 rules, 2 examples
	// exit status 0
}
