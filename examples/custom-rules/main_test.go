package main

import "os"

func Example() {
	if err := run(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// go   score 50 flagged true  rental.deposit-before-viewing "看房前先转1000定金"
	// json score 50 flagged true  rental.deposit-before-viewing "看房前先转1000定金"
	// go   score 0 flagged false
	// json score 0 flagged false
}
