package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Peak memory is measured from a small process of its own. Linux counts
// in a child's maximum resident set the peak of the process it was
// started from (exec keeps the old address space's high-water mark, and
// Go starts children with vfork, sharing the parent's), so a child of the
// bench itself, which has held the 4000 × 3000 photo and the 50,000-quote
// dataset, would report at least the bench's own peak, about 100 MB.
// measure therefore runs each command through the bench binary started
// afresh with launchFlag, which starts the command, waits and prints
// what it used as JSON.

// launchFlag, as the first argument, makes the bench a launcher: it runs
// the command after it and reports its usage on standard output.
const launchFlag = "-launch"

// usage is what the launcher reports of one run.
type usage struct {
	Wall   time.Duration
	CPU    time.Duration
	MaxRSS int64 // KB
}

// launch runs args as a command, its standard error passed through, and
// prints its usage; it exits as the command did.
func launch(args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, "bench launcher:", err)
		os.Exit(1)
	}
	u := usage{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.MaxRSS = ru.Maxrss // KB on Linux
	}
	json.NewEncoder(os.Stdout).Encode(u)
	os.Exit(cmd.ProcessState.ExitCode())
}
