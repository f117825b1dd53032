package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/fonts"
	"go.yaml.in/yaml/v3"
)

// The workloads, by -only group:
//
//	cards        190 instagram-square cards (the 19 seed quotes × 10), theme paper
//	themes       the same with every other built-in theme and a photo theme
//	pillow       the same job in Pillow (pillow_cards.py), when installed
//	booklet      950 quotes one to a page: an A5 booklet of 952 pages
//	typst        the same quotes typeset one to a page by Typst, when installed
//	booklet7500  7,500 short quotes flowed into an A5 booklet (about 1,900 pages)
//	check        `broadside check` on the default campaign
//
// -scale adds 1,000, 10,000 and 50,000 cards, one run each.
func workloads(o options, dir, bin string) (ws []*workload, notes []string, err error) {
	seed, err := seedQuotes()
	if err != nil {
		return nil, nil, err
	}
	broadside := func(args func(out string) []string) func(string) *exec.Cmd {
		return func(out string) *exec.Cmd { return exec.Command(bin, args(out)...) }
	}
	cardArgs := func(data, theme, out string, extra ...string) []string {
		return append([]string{"cards", "--data", data, "--layout", "instagram-square", "--theme", theme, "--out", out, "--workers", fmt.Sprint(o.workers)}, extra...)
	}
	const paper = "cards: 190 instagram-square, paper"
	cards190 := filepath.Join(dir, "cards190.yaml")
	if err := writeDataset(cards190, repeat(seed, 10)); err != nil {
		return nil, nil, err
	}
	if o.want("cards") || o.want("themes") || o.want("pillow") {
		ws = append(ws, &workload{name: paper, items: 190, unit: "cards", cmd: broadside(func(out string) []string {
			return cardArgs(cards190, "paper", out)
		})})
	}
	if o.want("themes") {
		for _, th := range []string{"ink", "bold", "dusk", "print"} {
			ws = append(ws, &workload{name: "cards: 190 instagram-square, " + th, items: 190, unit: "cards", ref: paper, cmd: broadside(func(out string) []string {
				return cardArgs(cards190, th, out)
			})})
		}
		fmt.Fprintln(os.Stderr, "making the 4000 × 3000 photo ...")
		layouts, err := photoTheme(dir)
		if err != nil {
			return nil, nil, fmt.Errorf("photo theme: %w", err)
		}
		ws = append(ws, &workload{name: "cards: 190 instagram-square, photo 4000×3000", items: 190, unit: "cards", ref: paper, cmd: broadside(func(out string) []string {
			return cardArgs(cards190, "photo", out, "--layouts", layouts)
		})})
	}
	if o.want("pillow") {
		w, err := pillow(dir, repeat(seed, 10))
		if err != nil {
			return nil, nil, err
		}
		if w == nil {
			notes = append(notes, "Pillow: not measured (no python3 with PIL; apt-get install python3-pil)")
		} else {
			w.ref = paper
			ws = append(ws, w)
			notes = append(notes, "Pillow's ratio is how many times longer it takes than broadside (target: at least 20×).")
		}
	}
	// The booklet workloads are a title page and the quotes, with no
	// introduction.
	conf := filepath.Join(dir, "campaign.yaml")
	if err := os.WriteFile(conf, []byte("name: Global Support\nurl: https://dontextraditeassange.com\n"), 0o644); err != nil {
		return nil, nil, err
	}
	const booklet = "booklet: 950 quotes one a page, 952 A5 pages"
	if o.want("booklet") || o.want("typst") {
		ds := filepath.Join(dir, "booklet950.yaml")
		if err := writeDataset(ds, repeat(seed, 50)); err != nil {
			return nil, nil, err
		}
		ws = append(ws, &workload{name: booklet, items: 952, unit: "pages", cmd: broadside(func(out string) []string {
			return []string{"booklet", "--data", ds, "--config", conf, "--one-per-page", "--out", filepath.Join(out, "booklet.pdf")}
		})})
	}
	if o.want("typst") {
		w, err := typst(o.typst, dir, repeat(seed, 50))
		if err != nil {
			return nil, nil, err
		}
		if w == nil {
			notes = append(notes, "Typst: not measured (no typst on PATH and no Node compiler; see docs/performance.md)")
		} else {
			w.ref = booklet
			ws = append(ws, w)
			notes = append(notes, "Typst's ratio is its time over broadside's: broadside takes 1/ratio of Typst's time (target: at most 0.6, a ratio of at least 1.67).")
		}
	}
	if o.want("booklet7500") {
		ds := filepath.Join(dir, "booklet7500.yaml")
		if err := writeDataset(ds, shortQuotes(seed, 7500)); err != nil {
			return nil, nil, err
		}
		ws = append(ws, &workload{name: "booklet: 7,500 short quotes flowed, A5", items: 7500, unit: "quotes", cmd: broadside(func(out string) []string {
			return []string{"booklet", "--data", ds, "--config", conf, "--out", filepath.Join(out, "booklet.pdf")}
		})})
	}
	if o.want("check") {
		ws = append(ws, &workload{name: "check: the default campaign", cmd: broadside(func(string) []string { return []string{"check"} })})
	}
	if o.scale {
		for _, n := range []int{1000, 10000, 50000} {
			times := (n + len(seed) - 1) / len(seed)
			ds := filepath.Join(dir, fmt.Sprintf("scale%d.yaml", n))
			if err := writeDataset(ds, repeat(seed, times)); err != nil {
				return nil, nil, err
			}
			count := times * len(seed)
			ws = append(ws, &workload{name: fmt.Sprintf("scale: %d instagram-square cards, paper", count), items: count, unit: "cards", runs: 1, cmd: broadside(func(out string) []string {
				return cardArgs(ds, "paper", out)
			})})
		}
	}
	return ws, notes, nil
}

// seedQuotes returns the built-in quotes.
func seedQuotes() ([]map[string]any, error) {
	var seed struct {
		Quotes []map[string]any `yaml:"quotes"`
	}
	if err := yaml.Unmarshal(data.QuotesYAML, &seed); err != nil {
		return nil, err
	}
	return seed.Quotes, nil
}

// repeat returns the quotes n times over, with unique ids.
func repeat(seed []map[string]any, n int) []map[string]any {
	var qs []map[string]any
	for i := 0; i < n; i++ {
		for _, q := range seed {
			c := map[string]any{}
			for k, v := range q {
				c[k] = v
			}
			c["id"] = fmt.Sprintf("%s-%d", q["id"], i)
			qs = append(qs, c)
		}
	}
	return qs
}

// shortQuotes returns n short quotes made from the seed: each quote's
// excerpt, or its first sentence, or its first twenty words, so that
// about four fit an A5 page, as a petition's statements of support do.
func shortQuotes(seed []map[string]any, n int) []map[string]any {
	var qs []map[string]any
	for i := 0; len(qs) < n; i++ {
		q := seed[i%len(seed)]
		c := map[string]any{"id": fmt.Sprintf("short-%d", i), "author": q["author"]}
		for _, k := range []string{"role", "organisation"} {
			if v, ok := q[k]; ok {
				c[k] = v
			}
		}
		text, _ := q["excerpt"].(string)
		if text == "" {
			text, _ = q["text"].(string)
			if i := strings.Index(text, ". "); i > 0 {
				text = text[:i+1]
			}
		}
		if words := strings.Fields(text); len(words) > 20 {
			text = strings.Join(words[:20], " ") + " ..."
		}
		c["text"] = text
		qs = append(qs, c)
	}
	return qs
}

// writeDataset writes quotes as a broadside YAML dataset.
func writeDataset(path string, qs []map[string]any) error {
	b, err := yaml.Marshal(map[string]any{"title": "Global Support", "quotes": qs})
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// writeJSON writes the quotes' fields the comparison programs use.
func writeJSON(path string, qs []map[string]any) error {
	type q struct {
		ID           string `json:"id"`
		Text         string `json:"text"`
		Author       string `json:"author"`
		Role         string `json:"role,omitempty"`
		Organisation string `json:"organisation,omitempty"`
	}
	var out []q
	for _, m := range qs {
		s := func(k string) string { v, _ := m[k].(string); return v }
		out = append(out, q{s("id"), s("text"), s("author"), s("role"), s("organisation")})
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// writeFonts copies the bundled fonts the comparison programs use into
// dir/fonts, in their folders.
func writeFonts(dir string) (string, error) {
	root := filepath.Join(dir, "fonts")
	for name, ttf := range fonts.TTF {
		if !strings.HasPrefix(name, "inter/") && !strings.HasPrefix(name, "source-serif-4/") {
			continue
		}
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, []byte(ttf), 0o644); err != nil {
			return "", err
		}
	}
	return root, nil
}
