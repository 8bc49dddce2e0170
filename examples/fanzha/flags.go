package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// parseFlags parses args into fs. It returns ok false and the exit status
// when the command should stop: 0 after -h, 2 after a bad flag (the flag
// package has already printed the error and the usage).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// usageFail prints a usage error for cmd and returns exit status 2.
func usageFail(stderr io.Writer, cmd, format string, args ...any) int {
	fmt.Fprintf(stderr, "%s %s: %s\n", programName, cmd, fmt.Sprintf(format, args...))
	return exitUsage
}
