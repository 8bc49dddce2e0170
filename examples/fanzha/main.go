// Command fanzha finds scam indicators in Chinese text and explains every
// finding, using the built-in catalog of the indicators package.
//
// Usage:
//
//	fanzha scan [flags] [TEXT ...]     scan texts, or standard input line by line
//	fanzha eval [flags] PATH           measure recall and false positives on labeled JSONL
//	fanzha rules list [-json]          print the rules
//	fanzha rules test FILE             compile a rule file and run its examples
//	fanzha serve [flags]               run the HTTP moderation service
//	fanzha version                     print the version
//
// Run "fanzha help COMMAND" for the flags of a command. The exit status is 0
// on success, 1 when some input could not be processed, 2 for usage errors,
// and 3 when scan -fail-on found a message at or above the given level.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit statuses.
const (
	exitOK      = 0 // everything processed
	exitFailed  = 1 // some input failed (bad line, unreadable file, failed rule test)
	exitUsage   = 2 // bad flags or arguments
	exitFailOn  = 3 // scan -fail-on: a message reached the level
	programName = "fanzha"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// A command is one subcommand of the tool.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order usage prints them. It is
// filled in init to break the initialization cycle through runHelp.
var commands []command

func init() {
	commands = []command{
		{"scan", "scan texts (arguments, or standard input line by line)", runScan},
		{"eval", "measure recall and false positives on labeled JSONL files", runEval},
		{"rules", "list the rules, or test a rule file (rules list|test)", runRules},
		{"serve", "run the HTTP moderation service", runServe},
		{"version", "print the version", runVersion},
		{"help", "print help for a command", runHelp},
	}
}

// run is the whole program with its environment passed in, so tests can
// call it. It returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\n", programName, name)
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "%s finds scam indicators in Chinese text and explains every finding.\n\n", programName)
	fmt.Fprintf(w, "Usage:\n\n\t%s COMMAND [flags] [arguments]\n\nCommands:\n\n", programName)
	for _, c := range commands {
		fmt.Fprintf(w, "\t%-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun \"%s help COMMAND\" for the flags of a command.\n", programName)
	fmt.Fprintf(w, "Exit status: 0 ok, 1 some input failed, 2 usage error, 3 scan -fail-on level reached.\n")
}

func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] && c.name != "help" {
			return c.run([]string{"-h"}, stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "%s: unknown command %q\n", programName, args[0])
	return exitUsage
}

func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "usage: %s version\n", programName)
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s %s\n", programName, version())
	return exitOK
}

// version reports the module version the binary was built from: a tag for
// "go install …@vX", "(devel)" for a build in a checkout.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
