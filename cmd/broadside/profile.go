package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes profiles of the whole process, for finding where a
// real run's time goes (docs/performance.md): BROADSIDE_CPUPROFILE names a
// file for a CPU profile, BROADSIDE_MEMPROFILE one for the allocations
// (every allocation of the run, as `go tool pprof -sample_index=alloc_space`
// reads them). Neither is a flag: they are for developers, not for the
// people broadside is for. The returned function ends the profiles; it
// must run before the process exits.
func startProfiles() func() {
	cpu, mem := os.Getenv("BROADSIDE_CPUPROFILE"), os.Getenv("BROADSIDE_MEMPROFILE")
	var stops []func()
	if cpu != "" {
		f, err := os.Create(cpu)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "broadside: cpu profile:", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if mem != "" {
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			f, err := os.Create(mem)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "broadside: memory profile:", err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
