// Package scaffold creates a new campaign folder: example quotes, neutral
// settings and a README for the team, so that `broadside build` works in it
// with no further step. It never overwrites a file: a team's quotes are
// worth more than any template.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/broadside/broadside/data"
	"go.yaml.in/yaml/v3"
)

//go:embed files
var files embed.FS

// The files a campaign folder holds, relative to it, in the order they are
// written and reported.
const (
	Quotes   = "data/quotes.yaml"
	Campaign = "data/campaign.yaml"
	Readme   = "README.txt"
)

// Options say what to create.
type Options struct {
	// Name is the campaign's name; empty means the folder's name.
	Name string
	// Example seeds the folder with the built-in Global Support quotes and
	// settings instead of placeholder quotes and neutral settings.
	Example bool
	// Force allows a folder that is not empty. Existing files are kept
	// all the same.
	Force bool
}

// Result lists what Create did, as slash-separated paths relative to the
// folder.
type Result struct {
	Created []string
	// Kept are files that already existed (only with Force).
	Kept []string
}

// ErrNotEmpty is returned for a folder that has files in it, without Force.
var ErrNotEmpty = errors.New("the folder is not empty")

// Create makes a campaign in dir, creating dir if needed. It refuses a
// folder that is not empty unless o.Force, and never replaces a file. On
// failure it removes what it wrote, so nothing is left half-made.
func Create(dir string, o Options) (Result, error) {
	var res Result
	abs, err := filepath.Abs(dir)
	if err != nil {
		return res, err
	}
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		return res, fmt.Errorf("%s is a file, not a folder", dir)
	}
	if !o.Force {
		empty, err := isEmpty(abs)
		if err != nil {
			return res, err
		}
		if !empty {
			return res, fmt.Errorf("%s: %w", dir, ErrNotEmpty)
		}
	}
	if o.Name == "" {
		o.Name = NameOf(abs)
	}
	contents, err := render(o)
	if err != nil {
		return res, err
	}
	// Folders that do not exist yet are removed again on failure, after
	// the files written in them (os.Remove leaves a folder with anything
	// else in it alone).
	var made []string
	for _, d := range []string{abs, filepath.Join(abs, "data")} {
		if _, err := os.Stat(d); errors.Is(err, fs.ErrNotExist) {
			made = append(made, d)
		}
	}
	undo := func() {
		for i := len(made) - 1; i >= 0; i-- {
			os.Remove(made[i])
		}
	}
	for _, rel := range []string{Quotes, Campaign, Readme} {
		p := filepath.Join(abs, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			undo()
			return Result{}, fmt.Errorf("make %s: %w", filepath.Dir(p), err)
		}
		err := writeFile(p, contents[rel])
		switch {
		case errors.Is(err, fs.ErrExist):
			res.Kept = append(res.Kept, rel)
		case err != nil:
			undo()
			return Result{}, fmt.Errorf("write %s: %w", p, err)
		default:
			made = append(made, p)
			res.Created = append(res.Created, rel)
		}
	}
	return res, nil
}

// NameOf makes a campaign's name from its folder: "save-the-river" gives
// "save the river". Capitals are left as the folder has them.
func NameOf(dir string) string {
	name := strings.Join(strings.FieldsFunc(filepath.Base(dir), func(r rune) bool {
		return r == '-' || r == '_' || r == ' '
	}), " ")
	if name == "" || name == "." || name == string(filepath.Separator) {
		return "My campaign"
	}
	return name
}

// isEmpty reports whether dir is missing or has nothing in it.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if err == io.EOF {
		return true, nil
	}
	return false, err
}

// writeFile is writeNew, replaced in tests to fail on purpose.
var writeFile = writeNew

// writeNew creates path with b, failing with fs.ErrExist when it exists:
// O_EXCL makes "never overwrite" hold even against a file that appears
// between a check and the write.
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// Files returns what Create would write for o, by relative path; o.Name
// must be set.
func Files(o Options) (map[string][]byte, error) { return render(o) }

func render(o Options) (map[string][]byte, error) {
	nameYAML, err := yaml.Marshal(o.Name)
	if err != nil {
		return nil, err
	}
	v := struct {
		Name, NameYAML, Underline string
		Example                   bool
	}{
		Name:      o.Name,
		NameYAML:  strings.TrimSuffix(string(nameYAML), "\n"),
		Underline: strings.Repeat("=", utf8.RuneCountInString(o.Name)),
		Example:   o.Example,
	}
	out := map[string][]byte{}
	for rel, tmpl := range map[string]string{Quotes: "quotes.yaml", Campaign: "campaign.yaml", Readme: "README.txt"} {
		if o.Example && rel == Quotes {
			out[rel] = data.QuotesYAML
			continue
		}
		if o.Example && rel == Campaign {
			out[rel] = data.CampaignYAML
			continue
		}
		t, err := template.ParseFS(files, "files/"+tmpl)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, v); err != nil {
			return nil, err
		}
		out[rel] = b.Bytes()
	}
	return out, nil
}
