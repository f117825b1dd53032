// Command bench measures broadside as its users run it: it builds the
// broadside binary, runs the workloads of the performance issue as whole
// processes several times, and prints medians of wall time, items per
// second and peak memory (the kernel's maximum resident set size), so
// anyone can reproduce the figures in the README.
//
//	go run ./cmd/bench            # all workloads, 5 runs each
//	go run ./cmd/bench -runs 9 -only cards
//	go run ./cmd/bench -scale     # also 1,000 and 10,000 cards (slow)
//	go run ./cmd/bench -only cards -workers 1   # one core's rate (docs/scale.md)
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

	"github.com/broadside/broadside/data"
	"go.yaml.in/yaml/v3"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each workload; the median is reported")
	only := flag.String("only", "", "run only this workload: cards, booklet or check")
	scale := flag.Bool("scale", false, "also render 1,000 and 10,000 cards, to show memory stays flat and time linear")
	flag.IntVar(&workers, "workers", 0, "cards drawn at once in the card workloads (0: one per core), to measure one core's rate")
	flag.Parse()
	if err := run(*runs, *only, *scale); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// workers is -workers, passed to the card workloads.
var workers int

// cardArgs are the arguments of a card workload.
func cardArgs(data, out string) []string {
	return []string{"cards", "--data", data, "--layout", "instagram-square", "--out", out, "--workers", fmt.Sprint(workers)}
}

type result struct {
	name  string
	items int
	unit  string
	walls []time.Duration
	cpus  []time.Duration // user + system time: what the run costs a core
	rss   []int64         // KB
	bytes int64           // output size of the last run
	files int
}

func run(runs int, only string, scale bool) error {
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
	fmt.Printf("broadside benchmark: %s, %d CPUs, %s/%s, %d runs each, medians", runtime.Version(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runs)
	if workers > 0 {
		fmt.Printf(", cards with --workers %d", workers)
	}
	fmt.Print("\n\n")

	cards190, err := dataset(dir, "cards190.yaml", 10)
	if err != nil {
		return err
	}
	booklet950, err := dataset(dir, "booklet950.yaml", 50)
	if err != nil {
		return err
	}
	// The booklet workload is a title page and 950 quote pages: no
	// introduction, one quote to a page.
	conf := filepath.Join(dir, "campaign.yaml")
	if err := os.WriteFile(conf, []byte("name: Global Support\nurl: https://dontextraditeassange.com\n"), 0o644); err != nil {
		return err
	}
	var results []*result
	want := func(name string) bool { return only == "" || only == name }
	if want("cards") {
		r, err := measure(runs, "cards: 190 instagram-square cards", 190, "cards", bin, func(out string) []string {
			return cardArgs(cards190, out)
		}, dir)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if want("booklet") {
		r, err := measure(runs, "booklet: 952 A5 pages, one quote a page", 952, "pages", bin, func(out string) []string {
			return []string{"booklet", "--data", booklet950, "--config", conf, "--one-per-page", "--out", filepath.Join(out, "booklet.pdf")}
		}, dir)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if want("check") {
		r, err := measure(runs, "check: the default campaign", 0, "", bin, func(string) []string { return []string{"check"} }, dir)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	if scale {
		for _, n := range []int{1000, 10000} {
			ds, err := dataset(dir, fmt.Sprintf("scale%d.yaml", n), (n+18)/19)
			if err != nil {
				return err
			}
			count := (n + 18) / 19 * 19
			r, err := measure(1, fmt.Sprintf("scale: %d instagram-square cards", count), count, "cards", bin, func(out string) []string {
				return cardArgs(ds, out)
			}, dir)
			if err != nil {
				return err
			}
			results = append(results, r)
		}
	}
	// CPU time is reported beside wall time because on a shared machine
	// it is the steadier figure: items per CPU-second is the rate of one
	// core, which docs/scale.md multiplies out.
	fmt.Printf("%-44s %10s %14s %10s %16s %12s %12s\n", "workload", "wall", "rate", "cpu", "rate per core", "peak RSS", "output")
	for _, r := range results {
		wall := median(r.walls)
		cpu := median(r.cpus)
		rate, core := "", ""
		if r.items > 0 {
			rate = fmt.Sprintf("%.0f %s/s", float64(r.items)/wall.Seconds(), r.unit)
			core = fmt.Sprintf("%.0f %s/cpu-s", float64(r.items)/cpu.Seconds(), r.unit)
		}
		out := ""
		if r.bytes > 0 {
			out = fmt.Sprintf("%.2f MB", float64(r.bytes)/1e6)
			if r.files > 1 {
				out = fmt.Sprintf("%.0f KB/file", float64(r.bytes)/float64(r.files)/1024)
			}
		}
		fmt.Printf("%-44s %10s %14s %10s %16s %9.1f MB %12s\n", r.name, wall.Round(time.Millisecond), rate, cpu.Round(time.Millisecond), core, float64(median(r.rss))/1024, out)
	}
	return nil
}

// dataset writes the seed quotes repeated n times, with unique ids.
func dataset(dir, name string, n int) (string, error) {
	var seed struct {
		Title  string           `yaml:"title"`
		Quotes []map[string]any `yaml:"quotes"`
	}
	if err := yaml.Unmarshal(data.QuotesYAML, &seed); err != nil {
		return "", err
	}
	var qs []map[string]any
	for i := 0; i < n; i++ {
		for _, q := range seed.Quotes {
			c := map[string]any{}
			for k, v := range q {
				c[k] = v
			}
			c["id"] = fmt.Sprintf("%s-%d", q["id"], i)
			qs = append(qs, c)
		}
	}
	b, err := yaml.Marshal(map[string]any{"title": seed.Title, "quotes": qs})
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, name)
	return p, os.WriteFile(p, b, 0o644)
}

// measure runs the command runs times in fresh output folders.
func measure(runs int, name string, items int, unit, bin string, args func(out string) []string, dir string) (*result, error) {
	r := &result{name: name, items: items, unit: unit}
	for i := 0; i < runs; i++ {
		out, err := os.MkdirTemp(dir, "out-")
		if err != nil {
			return nil, err
		}
		cmd := exec.Command(bin, args(out)...)
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = nil, &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, stderr.String())
		}
		r.walls = append(r.walls, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			r.rss = append(r.rss, ru.Maxrss) // KB on Linux
		}
		r.cpus = append(r.cpus, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		r.bytes, r.files = 0, 0
		filepath.Walk(out, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && (strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".pdf")) {
				r.bytes += info.Size()
				r.files++
			}
			return nil
		})
		os.RemoveAll(out)
	}
	return r, nil
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
