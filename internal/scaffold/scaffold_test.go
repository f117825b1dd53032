package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/broadside/broadside/data"
	"github.com/broadside/broadside/internal/campaign"
	"github.com/broadside/broadside/internal/quote"
)

// The templates load cleanly, whatever the folder is called, and carry the
// name through unchanged.
func TestFilesLoad(t *testing.T) {
	for _, name := range []string{"My campaign", "Save the river", "yes", "2025", "Free: the press #now", `He said "no"`, "Ärzte für Gaza", "'quoted'", "- dash", "@handle"} {
		for _, example := range []bool{false, true} {
			fs, err := Files(Options{Name: name, Example: example})
			if err != nil {
				t.Fatalf("%q: %v", name, err)
			}
			ds, err := quote.Parse(Quotes, fs[Quotes], quote.YAML)
			if err != nil {
				t.Fatalf("%q example=%v: quotes: %v", name, example, err)
			}
			c, err := campaign.Parse(Campaign, fs[Campaign])
			if err != nil {
				t.Fatalf("%q example=%v: campaign: %v", name, example, err)
			}
			if example {
				if ds.Title != "Global Support" || c.Name != "Global Support" || len(ds.Quotes) < 10 {
					t.Errorf("the example is not the Global Support campaign: %q, %q, %d quotes", ds.Title, c.Name, len(ds.Quotes))
				}
				continue
			}
			if ds.Title != name || c.Name != name {
				t.Errorf("name %q came back as title %q and name %q", name, ds.Title, c.Name)
			}
			if n := len(ds.Quotes); n < 2 || n > 3 {
				t.Errorf("%d example quotes, want two or three", n)
			}
			if c.URL != "" || len(c.Hashtags) != 0 || c.Handle != "" || c.Logo != "" {
				t.Errorf("settings are not neutral: url %q, hashtags %v, handle %q, logo %q", c.URL, c.Hashtags, c.Handle, c.Logo)
			}
			if !strings.Contains(string(fs[Readme]), name) {
				t.Errorf("the README does not name the campaign %q", name)
			}
		}
	}
}

// Every key the settings know is in the template, set or commented out,
// with a note beside it or above it; every field of a quote is shown with
// its note. A key added to campaign.Config without a word here fails.
func TestEveryKeyExplained(t *testing.T) {
	fs, err := Files(Options{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range yamlKeys(reflect.TypeOf(campaign.Config{})) {
		explained(t, Campaign, string(fs[Campaign]), key)
	}
	for _, key := range []string{"title", "lang", "id", "text", "author", "role", "organisation", "excerpt", "source", "date", "url", "tags"} {
		explained(t, Quotes, string(fs[Quotes]), key)
	}
}

// yamlKeys lists the yaml keys of a settings struct, nested ones too.
func yamlKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		keys = append(keys, tag)
		if f.Type.Kind() == reflect.Struct {
			keys = append(keys, yamlKeys(f.Type)...)
		}
	}
	return keys
}

// explained fails unless key appears at the start of a line (perhaps after
// "# " or "- ") with a comment at its end or on a line above.
func explained(t *testing.T, file, text, key string) {
	t.Helper()
	re := regexp.MustCompile(`^\s*(#\s*)?(-\s+)?` + regexp.QuoteMeta(key) + `:`)
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if !re.MatchString(line) {
			continue
		}
		if strings.Contains(line, " # ") || i > 0 && strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") {
			return
		}
	}
	t.Errorf("%s: key %q is missing or has no comment", file, key)
}

// init's rules: an empty or missing folder is filled; a folder with files
// is refused without Force; with Force, existing files are kept byte for
// byte and only the missing ones written.
func TestCreate(t *testing.T) {
	root := t.TempDir()

	dir := filepath.Join(root, "save-the-river")
	res, err := Create(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{Quotes, Campaign, Readme}; !reflect.DeepEqual(res.Created, want) {
		t.Errorf("created %v, want %v", res.Created, want)
	}
	c, err := campaign.Load(filepath.Join(dir, "data", "campaign.yaml"))
	if err != nil || c.Name != "save the river" {
		t.Errorf("name from the folder: %v %v", c, err)
	}

	if _, err := Create(dir, Options{}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("a second init: %v, want ErrNotEmpty", err)
	}

	mine := []byte("quotes:\n  - text: Mine.\n    author: Me\n")
	qp := filepath.Join(dir, "data", "quotes.yaml")
	os.WriteFile(qp, mine, 0o644)
	os.Remove(filepath.Join(dir, "README.txt"))
	res, err = Create(dir, Options{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res.Created, []string{Readme}) || !reflect.DeepEqual(res.Kept, []string{Quotes, Campaign}) {
		t.Errorf("--force: created %v, kept %v", res.Created, res.Kept)
	}
	if b, _ := os.ReadFile(qp); string(b) != string(mine) {
		t.Errorf("--force overwrote data/quotes.yaml:\n%s", b)
	}

	other := filepath.Join(root, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("x"), 0o644)
	if _, err := Create(other, Options{}); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("a folder with a file in it: %v, want ErrNotEmpty", err)
	}
	if _, err := os.Stat(filepath.Join(other, "data")); err == nil {
		t.Errorf("a refused folder got a data folder")
	}

	afile := filepath.Join(root, "afile")
	os.WriteFile(afile, []byte("x"), 0o644)
	if _, err := Create(afile, Options{Force: true}); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("a file for a folder: %v", err)
	}

	ex := filepath.Join(root, "example")
	if _, err := Create(ex, Options{Example: true}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(ex, "data", "quotes.yaml")); string(b) != string(data.QuotesYAML) {
		t.Errorf("the example's quotes are not the built-in ones")
	}
}

// A write that fails half way removes what was written.
func TestCreateUndo(t *testing.T) {
	defer func(w func(string, []byte) error) { writeFile = w }(writeFile)
	writeFile = func(path string, b []byte) error {
		if filepath.Base(path) == "README.txt" {
			return errors.New("disk full")
		}
		return writeNew(path, b)
	}
	dir := filepath.Join(t.TempDir(), "new")
	if _, err := Create(dir, Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("the new folder was left behind")
	}
	kept := t.TempDir()
	os.WriteFile(filepath.Join(kept, "notes.txt"), []byte("x"), 0o644)
	if _, err := Create(kept, Options{Force: true}); err == nil {
		t.Fatal("no error")
	}
	entries, _ := os.ReadDir(kept)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestNameOf(t *testing.T) {
	for dir, want := range map[string]string{
		"/home/a/save-the-river": "save the river",
		"/home/a/Save_The_River": "Save The River",
		"/home/a/Free Press":     "Free Press",
		"/":                      "My campaign",
		"/home/a/--":             "My campaign",
	} {
		if got := NameOf(filepath.FromSlash(dir)); got != want {
			t.Errorf("NameOf(%q) = %q, want %q", dir, got, want)
		}
	}
}
