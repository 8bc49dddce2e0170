package main

import "io"

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int { return exitUsage }
