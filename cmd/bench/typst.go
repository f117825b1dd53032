package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// typstDoc typesets the quotes as broadside's --one-per-page booklet does:
// A5 pages with the booklet's margins, a title page, then each quote on a
// page of its own, centred, with its organisation above it and its author
// and role below, in the same fonts and sizes, page numbers at the foot.
// It reads the quotes from quotes.json, as a Typst user would.
const typstDoc = `#let quotes = json("quotes.json")
#set document(title: "Global Support")
#set page(width: 148mm, height: 210mm, margin: (top: 17mm, bottom: 21mm, inside: 18mm, outside: 15mm),
  numbering: "1", number-align: right + bottom)
#set text(font: "Source Serif 4", size: 12pt, fill: rgb("#161616"), lang: "en")
#set par(leading: 0.5em)
#page(numbering: none)[
  #set block(spacing: 7mm)
  #block(height: 40mm, text(font: "Source Serif 4", weight: "bold", size: 150pt, fill: rgb("#c0262d"))[“])
  #block(text(font: "Inter", weight: "black", size: 34pt)[Global Support])
  #line(length: 22mm, stroke: 1.4mm + rgb("#c0262d"))
  #place(bottom + left, text(font: "Inter", weight: "bold", size: 10pt, fill: rgb("#565656"))[dontextraditeassange.com])
]
#for q in quotes [
  #align(horizon)[
    #set block(spacing: 3pt)
    #if "organisation" in q {
      block(text(font: "Inter", size: 7.5pt, tracking: 0.08em, fill: rgb("#c0262d"), upper(q.organisation)))
    }
    #block[#h(-0.4em)“#q.text.replace(". . .", "…")”]
    #block[
      #text(font: "Inter", weight: "bold", size: 8.5pt, q.author)
      #if "role" in q [
        \ #text(font: "Inter", size: 8pt, fill: rgb("#565656"), q.role)
      ]
    ]
  ]
  #pagebreak(weak: true)
]
`

// typstRunner compiles main.typ to PDF with the Node compiler.
const typstRunner = `const fs = require("fs");
const path = require("path");
const [mod, dir, fonts, out] = process.argv.slice(2);
const { NodeCompiler } = require(mod);
const c = NodeCompiler.create({ workspace: dir, fontArgs: [{ fontPaths: [fonts] }] });
fs.writeFileSync(out, c.pdf({ mainFilePath: path.join(dir, "main.typ") }));
`

// typst returns the Typst booklet workload, or nil when no Typst is found:
// at the path given (a typst binary, or a folder where npm installed a
// Typst package), else typst on PATH, else in ~/.cache/broadside-bench,
// where `npm install --prefix ~/.cache/broadside-bench
// @myriaddreamin/typst-ts-node-compiler` puts Typst's compiler for Node.
func typst(given, dir string, qs []map[string]any) (*workload, error) {
	var cands []string
	if given != "" {
		cands = append(cands, given)
	} else {
		if p, err := exec.LookPath("typst"); err == nil {
			cands = append(cands, p)
		}
		if home, err := os.UserHomeDir(); err == nil {
			cands = append(cands, filepath.Join(home, ".cache", "broadside-bench"))
		}
	}
	bin, nodeMod := "", ""
	for _, c := range cands {
		st, err := os.Stat(c)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			bin = c
			break
		}
		if m := filepath.Join(c, "node_modules", "@myriaddreamin", "typst-ts-node-compiler"); exists(m) {
			nodeMod = m
			break
		}
		if b := filepath.Join(c, "node_modules", "@typst-community", "typst-linux-x64", ".typst", "bin", "typst"); exists(b) {
			bin = b
			break
		}
	}
	if bin == "" && nodeMod == "" {
		if given != "" {
			return nil, fmt.Errorf("-typst %s: neither a typst binary nor a folder with Typst installed by npm", given)
		}
		return nil, nil
	}
	work := filepath.Join(dir, "typst")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	if err := writeJSON(filepath.Join(work, "quotes.json"), qs); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(work, "main.typ"), []byte(typstDoc), 0o644); err != nil {
		return nil, err
	}
	fonts, err := writeFonts(dir)
	if err != nil {
		return nil, err
	}
	name := fmt.Sprintf("typst: the same 950 quotes one a page (%d)", len(qs))
	if bin != "" {
		v, _ := exec.Command(bin, "--version").Output()
		name = "typst " + strings.Fields(string(v) + " ?")[1] + ": the same 950 quotes one a page"
		return &workload{name: name, items: len(qs) + 1, unit: "pages", cmd: func(out string) *exec.Cmd {
			return exec.Command(bin, "compile", "--font-path", fonts, filepath.Join(work, "main.typ"), filepath.Join(out, "typst.pdf"))
		}}, nil
	}
	runner := filepath.Join(dir, "typst-runner.js")
	if err := os.WriteFile(runner, []byte(typstRunner), 0o644); err != nil {
		return nil, err
	}
	name = "typst (Node compiler): the same 950 quotes"
	return &workload{name: name, items: len(qs) + 1, unit: "pages", cmd: func(out string) *exec.Cmd {
		return exec.Command("node", runner, nodeMod, work, fonts, filepath.Join(out, "typst.pdf"))
	}}, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
