// Command bench measures broadside as its users run it: it builds the
// broadside binary, runs the workloads of the performance issues as whole
// processes several times, and prints medians of wall time, items per
// second, CPU time and peak memory (the kernel's maximum resident set
// size), so anyone can reproduce the figures in the README.
//
// The runs are interleaved: each round runs every workload once, so a
// burst of load from elsewhere on the machine lands on all of them alike
// and the ratios within one run (a theme against paper, broadside against
// Pillow or Typst) stay fair.
//
//	go run ./cmd/bench                  # all workloads, 5 rounds
//	go run ./cmd/bench -runs 9 -only cards,themes
//	go run ./cmd/bench -scale           # also 1,000, 10,000 and 50,000 cards (slow)
//	go run ./cmd/bench -only cards -workers 1   # one core's rate (docs/scale.md)
//	go run ./cmd/bench -compare /tmp/old-broadside   # before and after, interleaved
//
// Pillow and Typst are compared when they are installed: python3 with PIL
// (apt-get install python3-pil) and a typst binary on PATH or the Typst
// compiler for Node (see docs/performance.md); -typst names either.
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	var o options
	flag.IntVar(&o.runs, "runs", 5, "rounds: each workload runs once a round; medians are reported")
	only := flag.String("only", "", "run only these workloads, separated by commas: "+strings.Join(groups, ", "))
	flag.BoolVar(&o.scale, "scale", false, "also render 1,000, 10,000 and 50,000 cards, once each, to show memory stays flat and time linear")
	flag.IntVar(&o.workers, "workers", 0, "cards drawn at once in the card workloads (0: one per core), to measure one core's rate")
	flag.StringVar(&o.compare, "compare", "", "another broadside `BINARY` (an older build) to run beside this one, interleaved, for before and after")
	flag.StringVar(&o.typst, "typst", "", "the Typst to compare the booklet with: a typst binary, or a folder where npm installed @myriaddreamin/typst-ts-node-compiler (default: typst on PATH, else ~/.cache/broadside-bench)")
	flag.Parse()
	for _, g := range strings.Split(*only, ",") {
		if g = strings.TrimSpace(g); g == "" {
			continue
		}
		if !slices.Contains(groups, g) {
			fmt.Fprintf(os.Stderr, "bench: no workload %q; choose from %s\n", g, strings.Join(groups, ", "))
			os.Exit(2)
		}
		o.only = append(o.only, g)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type options struct {
	runs    int
	only    []string
	scale   bool
	workers int
	compare string
	typst   string
}

// groups are the workloads -only can choose.
var groups = []string{"cards", "themes", "pillow", "booklet", "typst", "booklet7500", "check"}

func (o options) want(group string) bool { return len(o.only) == 0 || slices.Contains(o.only, group) }

// workload is one command to time.
type workload struct {
	name  string
	items int
	unit  string
	// cmd returns the command for one run writing into the empty folder out.
	cmd func(out string) *exec.Cmd
	// ref names the workload this one is compared with in the table, in
	// the same run: a theme with paper, Pillow with broadside.
	ref string
	// runs overrides the number of rounds (the scale workloads run once).
	runs int
	// output names the kind of files counted as output.
	output []string

	walls, cpus []time.Duration
	rss         []int64 // KB
	bytes       int64   // output size of the last run
	files       int
}

func run(o options) error {
	dir, err := os.MkdirTemp("", "broadside-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "broadside")
	build := exec.Command("go", "build", "-o", bin, "./cmd/broadside")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	fmt.Printf("broadside benchmark: %s, %d CPUs, %s/%s, %d rounds, medians", runtime.Version(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, o.runs)
	if o.workers > 0 {
		fmt.Printf(", cards with --workers %d", o.workers)
	}
	fmt.Print("\n\n")

	ws, notes, err := workloads(o, dir, bin)
	if err != nil {
		return err
	}
	if o.compare != "" {
		ws = withBaseline(ws, bin, o.compare)
	}
	// Rounds: every workload once a round, in the same order.
	for round := 0; round < o.runs; round++ {
		for _, w := range ws {
			if w.runs == 0 || round < w.runs {
				if err := w.measure(dir); err != nil {
					return err
				}
			}
		}
		fmt.Fprintf(os.Stderr, "round %d of %d done\n", round+1, o.runs)
	}
	report(ws)
	for _, n := range notes {
		fmt.Println(n)
	}
	return nil
}

// withBaseline adds, after each workload that runs bin, the same workload
// run with the binary base, compared with it.
func withBaseline(ws []*workload, bin, base string) []*workload {
	var out []*workload
	for _, w := range ws {
		out = append(out, w)
		if w.cmd("out").Path != bin {
			continue
		}
		b := *w
		b.name = w.name + " [base]"
		b.ref = w.name
		cmd := w.cmd
		b.cmd = func(out string) *exec.Cmd {
			c := cmd(out)
			c.Path, c.Args[0] = base, base
			return c
		}
		out = append(out, &b)
	}
	return out
}

// measure runs the workload once in a fresh output folder.
func (w *workload) measure(dir string) error {
	out, err := os.MkdirTemp(dir, "out-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(out)
	cmd := w.cmd(out)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = nil, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %s: %v\n%s", w.name, strings.Join(cmd.Args, " "), err, stderr.String())
	}
	w.walls = append(w.walls, time.Since(start))
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		w.rss = append(w.rss, ru.Maxrss) // KB on Linux
	}
	w.cpus = append(w.cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
	w.bytes, w.files = 0, 0
	exts := w.output
	if exts == nil {
		exts = []string{".png", ".pdf"}
	}
	filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && slices.Contains(exts, filepath.Ext(p)) {
			w.bytes += info.Size()
			w.files++
		}
		return nil
	})
	return nil
}

// report prints the table. CPU time is reported beside wall time because
// on a shared machine it is the steadier figure: items per CPU-second is
// the rate of one core, which docs/scale.md multiplies out. The last
// column compares a workload with its reference in this run: the ratio of
// the medians of wall time, then of CPU time.
func report(ws []*workload) {
	byName := map[string]*workload{}
	for _, w := range ws {
		byName[w.name] = w
	}
	fmt.Printf("%-46s %9s %15s %9s %17s %10s %11s  %s\n", "workload", "wall", "rate", "cpu", "rate per core", "peak RSS", "output", "wall (cpu) ratio")
	for _, w := range ws {
		if len(w.walls) == 0 {
			continue
		}
		wall, cpu := median(w.walls), median(w.cpus)
		rate, core := "", ""
		if w.items > 0 {
			rate = fmt.Sprintf("%.0f %s/s", float64(w.items)/wall.Seconds(), w.unit)
			core = fmt.Sprintf("%.0f %s/cpu-s", float64(w.items)/cpu.Seconds(), w.unit)
		}
		out := ""
		if w.bytes > 0 {
			out = fmt.Sprintf("%.2f MB", float64(w.bytes)/1e6)
			if w.files > 1 {
				out = fmt.Sprintf("%.0f KB/file", float64(w.bytes)/float64(w.files)/1024)
			}
		}
		ratio := ""
		if ref := byName[w.ref]; ref != nil && len(ref.walls) > 0 {
			ratio = fmt.Sprintf("%.2f× (%.2f×) %s", wall.Seconds()/median(ref.walls).Seconds(), cpu.Seconds()/median(ref.cpus).Seconds(), w.ref)
		}
		fmt.Printf("%-46s %9s %15s %9s %17s %7.1f MB %11s  %s\n", w.name, wall.Round(time.Millisecond), rate, cpu.Round(time.Millisecond), core, float64(median(w.rss))/1024, out, ratio)
	}
}

// median returns the middle value of v (the upper one of an even count),
// or zero for none.
func median[T cmp.Ordered](v []T) T {
	if len(v) == 0 {
		var zero T
		return zero
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
