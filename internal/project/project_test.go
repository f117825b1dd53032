package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/broadside/broadside/internal/yamlx"
)

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

const twoQuotes = `title: Test Quotes
quotes:
  - id: first
    text: The first thing said.
    author: A Person
  - id: second
    text: The second thing said.
    author: B Person
    tags: [later]
`

// A campaign folder is read from where Options.Dir says, not from the
// working directory, and a reload sees what changed on disk while the old
// snapshot keeps what it had.
func TestOpenFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "data/quotes.yaml", twoQuotes)
	write(t, dir, "data/campaign.yaml", "name: Folder Campaign\nurl: https://example.org\n")
	t.Chdir(t.TempDir()) // elsewhere, with no data of its own

	p := Open(Options{Dir: dir})
	ds, err := p.Dataset()
	if err != nil {
		t.Fatal(err)
	}
	if ds.Title != "Test Quotes" || len(ds.Quotes) != 2 || ds.Name != filepath.Join(dir, DataFile) {
		t.Errorf("dataset %q %q with %d quotes", ds.Name, ds.Title, len(ds.Quotes))
	}
	b, err := p.Brand()
	if err != nil || b.Campaign != "Folder Campaign" || b.URL != "https://example.org" || b.Title != "Test Quotes" {
		t.Errorf("brand %+v, %v", b, err)
	}
	qs, err := p.Select(nil, []string{"later"})
	if err != nil || len(qs) != 1 || qs[0].ID != "second" {
		t.Errorf("select: %v %v", qs, err)
	}

	write(t, dir, "data/campaign.yaml", "name: Renamed\n")
	if b, _ := p.Brand(); b.Campaign != "Folder Campaign" {
		t.Errorf("the snapshot changed under its holder: %q", b.Campaign)
	}
	if b, _ := p.Reload().Brand(); b.Campaign != "Renamed" {
		t.Errorf("reload did not see the edit: %q", b.Campaign)
	}
}

// Flags' relative paths are taken relative to the folder too.
func TestOptionsRelativeToDir(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "lists/mine.yaml", twoQuotes)
	write(t, dir, "settings.yaml", "name: Elsewhere\n")
	t.Chdir(t.TempDir())
	p := Open(Options{Dir: dir, Data: "lists/mine.yaml", Config: "settings.yaml"})
	if ds, err := p.Dataset(); err != nil || len(ds.Quotes) != 2 {
		t.Fatalf("dataset: %v", err)
	}
	if c, err := p.Campaign(); err != nil || c.Name != "Elsewhere" {
		t.Fatalf("campaign: %v", err)
	}
}

// A folder with no files of its own gets the built-in campaign.
func TestBuiltin(t *testing.T) {
	p := Open(Options{Dir: t.TempDir()})
	ds, err := p.Dataset()
	if err != nil || len(ds.Quotes) < 10 {
		t.Fatalf("built-in dataset: %v", err)
	}
	if errs := p.Problems(); len(errs) != 0 {
		t.Errorf("problems in the built-in campaign: %v", errs)
	}
	plan, err := p.CardPlan(CardArgs{})
	if err != nil || len(plan.Layouts) != 6 || plan.Theme.Name != "paper" || plan.Ext != ".png" {
		t.Errorf("card plan: %+v %v", plan, err)
	}
}

// Problems lists each problem once: a broken settings file is not
// reported again by the brand that needs it.
func TestProblemsOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "data/campaign.yaml", "name: X\nurl: example.org\n")
	errs := Open(Options{Dir: dir}).Problems()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "campaign.yaml:2: url:") {
		t.Errorf("problems: %v", errs)
	}
}

// One project serves many goroutines at once (run with -race), and each
// warning is kept and passed on once, never printed.
func TestConcurrentUse(t *testing.T) {
	var heard []string
	var mu sync.Mutex
	p := Open(Options{Dir: t.TempDir(), Warn: func(m string) { mu.Lock(); heard = append(heard, m); mu.Unlock() }})
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := p.FontsAndBrand(); err != nil {
				t.Error(err)
			}
			if _, err := p.CardPlan(CardArgs{Layouts: []string{"story"}}); err != nil {
				t.Error(err)
			}
			p.Warn("the same thing")
		}()
	}
	wg.Wait()
	if len(heard) != 1 || len(p.Warnings()) != 1 {
		t.Errorf("heard %v, kept %v", heard, p.Warnings())
	}
}

// A bad value is blamed on whatever chose it: an argument is an ArgError,
// a campaign key is file:line: key:.
func TestChoiceBlame(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "data/campaign.yaml", "name: X\ncards:\n  theme: forest\n")
	p := Open(Options{Dir: dir})
	_, err := p.CardPlan(CardArgs{})
	var ye *yamlx.Error
	if !errors.As(err, &ye) || !strings.HasSuffix(ye.File, "data/campaign.yaml") || ye.Line != 3 || ye.Key != "cards.theme" ||
		!strings.Contains(err.Error(), `there is no theme "forest"`) {
		t.Errorf("theme from the file: %v", err)
	}
	_, err = p.CardPlan(CardArgs{Theme: "papr"})
	var ae *ArgError
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), `did you mean "paper"?`) {
		t.Errorf("theme from an argument: %v", err)
	}
	_, err = p.CardPlan(CardArgs{Theme: "ink", Layouts: []string{"booklet-a5"}})
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "not a card") {
		t.Errorf("a booklet layout for cards: %v", err)
	}
}

// A campaign folder's own fonts/ and layouts/ are read without flags; empty
// ones, and copies of the built-in layouts, add nothing.
func TestFolders(t *testing.T) {
	dir := t.TempDir()
	ttf, err := os.ReadFile("../../fonts/oswald/Oswald-Bold.ttf")
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "fonts/Mine-Bold.ttf", string(ttf))
	write(t, dir, "layouts/themes/forest.yaml", "name: forest\ndescription: Green\ncolors: {background: \"#0b3d2e\", text: \"#ffffff\", muted: \"#e0e0e0\", accent: \"#ffcc00\"}\n")
	p := Open(Options{Dir: dir})
	reg, err := p.Fonts()
	if err != nil || reg.Get("user/Mine-Bold") == nil {
		t.Errorf("fonts/ not read: %v", err)
	}
	if _, err := p.Theme(Choice{Value: "forest"}); err != nil {
		t.Errorf("layouts/themes not read: %v", err)
	}

	empty := t.TempDir()
	os.Mkdir(filepath.Join(empty, "fonts"), 0o755)
	os.Mkdir(filepath.Join(empty, "layouts"), 0o755)
	copy, _ := os.ReadFile("../../layouts/story.yaml")
	write(t, empty, "layouts/story.yaml", string(copy))
	if errs := Open(Options{Dir: empty}).Problems(); len(errs) > 0 {
		t.Errorf("empty folders: %v", errs)
	}
	if d := Open(Options{Dir: empty}).layoutsDir(); d != "" {
		t.Errorf("a copy of a built-in layout made %s count", d)
	}
}
