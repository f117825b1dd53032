package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// files lists the files under dir (relative, slash-separated) but the
// manifest.
func cardFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "cards.json" || rel == "cards.csv" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	return out
}

// Four shards, run anywhere in any order, make the same files byte for
// byte as one run, each card in exactly one shard, and their manifests
// merged equal the one run's.
func TestShardsAddUp(t *testing.T) {
	dir := t.TempDir()
	var ds strings.Builder
	ds.WriteString("quotes:\n")
	for i := 0; i < 16; i++ {
		fmt.Fprintf(&ds, "  - {id: signer-%d, text: \"I sign for press freedom, number %d.\", author: Signer %d}\n", i, i, i)
	}
	data := write(t, dir, "signers.yaml", ds.String())
	cardsOf := func(out string, extra ...string) {
		t.Helper()
		args := append([]string{"cards", "--data", data, "--layout", "x,story", "--out", out}, extra...)
		if code, stdout, errs := run(t, args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, stdout, errs)
		}
	}
	whole := filepath.Join(dir, "whole")
	cardsOf(whole)
	want := cardFiles(t, whole)
	if len(want) != 32 {
		t.Fatalf("one run made %d files, want 32", len(want))
	}
	var shards []string
	got := map[string][]byte{}
	for _, i := range []int{3, 1, 4, 2} { // any order
		out := filepath.Join(dir, fmt.Sprintf("shard-%d", i))
		shards = append(shards, out)
		cardsOf(out, "--shard", fmt.Sprintf("%d/4", i))
		files := cardFiles(t, out)
		if len(files) == 0 || len(files) == len(want) {
			t.Errorf("shard %d/4 made %d of %d files", i, len(files), len(want))
		}
		for f, b := range files {
			if _, dup := got[f]; dup {
				t.Errorf("%s made by two shards", f)
			}
			got[f] = b
		}
	}
	if len(got) != len(want) {
		t.Errorf("the shards made %d files, one run %d", len(got), len(want))
	}
	for f, b := range want {
		if !bytes.Equal(got[f], b) {
			t.Errorf("%s differs between the shards and one run", f)
		}
	}
	merged := filepath.Join(dir, "merged")
	code, stdout, errs := run(t, append([]string{"manifest", "merge", "--out", merged}, shards...)...)
	if code != 0 || !strings.Contains(stdout, "4 manifests merged: 32 cards") {
		t.Fatalf("merge: exit %d\n%s\n%s", code, stdout, errs)
	}
	for _, m := range []string{"cards.json", "cards.csv"} {
		a, _ := os.ReadFile(filepath.Join(whole, m))
		b, _ := os.ReadFile(filepath.Join(merged, m))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("the merged %s differs from one run's", m)
		}
	}
	// Merging into the first folder, with a folder named twice, gives the
	// same.
	if code, _, errs := run(t, append([]string{"manifest", "merge"}, append(shards, shards[0])...)...); code != 0 {
		t.Fatal(errs)
	}
	a, _ := os.ReadFile(filepath.Join(whole, "cards.json"))
	b, _ := os.ReadFile(filepath.Join(shards[0], "cards.json"))
	if !bytes.Equal(a, b) {
		t.Errorf("merging into the first shard's folder differs from one run")
	}
}

// build --shard makes its share of the cards; only the first shard makes
// the print documents, so the shards add up to one build.
func TestBuildShard(t *testing.T) {
	dir := t.TempDir()
	conf := write(t, dir, "c.yaml", "name: X\ncards: {layouts: [x]}\nbooklet: {impose: [none]}\nleaflet: {layouts: [flyer-a6]}\nposter: {layouts: [poster-a4]}\n")
	for _, i := range []int{1, 2} {
		out := filepath.Join(dir, fmt.Sprintf("out-%d", i))
		code, stdout, errs := run(t, "build", "--config", conf, "--shard", fmt.Sprintf("%d/2", i), "--out", out)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, errs)
		}
		_, err := os.Stat(filepath.Join(out, "booklet.pdf"))
		if (err == nil) != (i == 1) {
			t.Errorf("shard %d/2 made the booklet: %v", i, err == nil)
		}
		if i == 2 && !strings.Contains(stdout, "are made by shard 1/2") {
			t.Errorf("stdout: %s", stdout)
		}
	}
	if code, _, errs := run(t, "cards", "--shard", "5/4", "--out", filepath.Join(dir, "x")); code != 2 || !strings.Contains(errs, "--shard 5/4: shards are numbered from 1 to 4") {
		t.Errorf("bad shard: exit %d\n%s", code, errs)
	}
}
