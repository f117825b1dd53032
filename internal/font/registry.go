package font

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/broadside/broadside/fonts"
)

// Registry holds every font a run may use: the bundled ones and any the
// user adds from a folder. Each file is parsed once.
type Registry struct {
	fonts []*Font
	byKey map[string]*Font
	// byFamily lists the fonts of each family, by normFamily of its name,
	// in the order of fonts.
	byFamily map[string][]*Font
	fallback []*Font
	// chains memoises ChainFor by chainKey: every text region of every
	// card asks for one.
	chains sync.Map
}

// FallbackFamily is the wide-coverage family tried when a layout's own font
// lacks a character (Greek, Cyrillic, rarer Latin).
const FallbackFamily = "Noto Sans"

// maxFontSize refuses absurd files before they are read into memory.
const maxFontSize = 64 << 20

var (
	builtinOnce sync.Once
	builtin     []*Font
	builtinErr  error
)

// Builtin returns a new registry holding the bundled fonts. The files are
// parsed once per process however many registries are made.
func Builtin() (*Registry, error) {
	builtinOnce.Do(func() { builtin, builtinErr = loadBundled(fonts.TTF, "fonts") })
	if builtinErr != nil {
		return nil, builtinErr
	}
	r := &Registry{byKey: map[string]*Font{}, byFamily: map[string][]*Font{}}
	for _, f := range builtin {
		r.add(f)
	}
	// Clipped, so fonts added to the family later never share its array.
	r.fallback = slices.Clip(r.family(FallbackFamily))
	return r, nil
}

// loadBundled registers the bundled fonts without copying or parsing them:
// each is read in place from the binary and parsed on first use.
func loadBundled(files map[string]string, label string) ([]*Font, error) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var out []*Font
	for _, name := range names {
		s := files[name]
		data := unsafe.Slice(unsafe.StringData(s), len(s)) // read-only
		key := strings.TrimSuffix(name, path.Ext(name))
		f, err := lazy(key, label+"/"+name, data)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func (r *Registry) add(f *Font) {
	r.chains.Clear() // a new font may join a chain
	r.fonts = append(r.fonts, f)
	r.byKey[f.Key] = f
	fam := normFamily(f.Family)
	r.byFamily[fam] = append(r.byFamily[fam], f)
}

// AddDir adds every .ttf file in dir (not its subfolders). Files that are not
// fonts are ignored, but an .otf file, a broken .ttf or a missing folder is an
// error naming the file, so a user knows which one to replace. All problems
// are reported together.
func (r *Registry) AddDir(dir string) error {
	st, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("font folder %s does not exist", dir)
		}
		return fmt.Errorf("font folder %s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("font folder %s is a file; name the folder that holds your .ttf files", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("font folder %s: %w", dir, err)
	}
	var errs []error
	found := 0
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		file := filepath.Join(dir, e.Name())
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".ttf":
		case ".otf":
			errs = append(errs, fmt.Errorf("font %s: .otf fonts usually have PostScript (CFF) outlines, which broadside cannot embed in PDFs; use the .ttf version", file))
			continue
		case ".ttc", ".otc", ".woff", ".woff2":
			errs = append(errs, fmt.Errorf("font %s: %s files are not supported; use a single .ttf file", file, filepath.Ext(e.Name())))
			continue
		default:
			continue
		}
		found++
		if err := r.AddFile(file); err != nil {
			errs = append(errs, err)
		}
	}
	if found == 0 && len(errs) == 0 {
		return fmt.Errorf("font folder %s holds no .ttf files", dir)
	}
	return errors.Join(errs...)
}

// AddFile adds one .ttf file under the key "user/<name>".
func (r *Registry) AddFile(file string) error {
	st, err := os.Stat(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("font %s does not exist", file)
		}
		return fmt.Errorf("font %s: %w", file, err)
	}
	if st.Size() > maxFontSize {
		return fmt.Errorf("font %s is %d MB; fonts over %d MB are refused", file, st.Size()>>20, maxFontSize>>20)
	}
	key := "user/" + strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if _, dup := r.byKey[key]; dup {
		return fmt.Errorf("font %s: another font file is already named %s", file, filepath.Base(file))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("font %s: %w", file, err)
	}
	f, err := Parse(key, file, data)
	if err != nil {
		return err
	}
	r.add(f)
	return nil
}

// Fonts lists every font, bundled first, in a stable order.
func (r *Registry) Fonts() []*Font { return r.fonts }

// Get returns the font with the given key, or nil.
func (r *Registry) Get(key string) *Font {
	if f := r.byKey[key]; f != nil {
		return f.load()
	}
	return nil
}

// Fallback is the chain tried after a layout's own font, in order.
func (r *Registry) Fallback() []*Font { return r.fallback }

// Families lists the family names, sorted.
func (r *Registry) Families() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range r.fonts {
		if !seen[f.Family] {
			seen[f.Family] = true
			out = append(out, f.Family)
		}
	}
	sort.Strings(out)
	return out
}

// family returns the fonts of a family, in the order they were added. The
// result is shared: do not modify it.
func (r *Registry) family(name string) []*Font {
	return r.byFamily[normFamily(name)]
}

func normFamily(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// Preload parses fonts in parallel, one goroutine each, so a run that
// needs several does not wait for them one by one.
func Preload(fonts ...*Font) {
	var wg sync.WaitGroup
	for _, f := range fonts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = f.ensure() // load reports an error when the font is used
		}()
	}
	wg.Wait()
}

// Lookup finds the font of a family closest to the wanted weight and slant,
// the way CSS matches fonts: the slant first, then the nearest weight,
// heavier on a tie for bold requests and lighter otherwise. It errors only
// when the family is unknown.
func (r *Registry) Lookup(family string, weight int, italic bool) (*Font, error) {
	f, err := r.Find(family, weight, italic)
	if err != nil {
		return nil, err
	}
	return f.load(), nil
}

// Find is Lookup without parsing the font.
func (r *Registry) Find(family string, weight int, italic bool) (*Font, error) {
	cands := r.family(family)
	if len(cands) == 0 {
		return nil, fmt.Errorf("font family %q is not available (available: %s)", family, strings.Join(r.Families(), ", "))
	}
	var best *Font
	bestScore := 1 << 30
	for _, f := range cands {
		score := abs(f.Weight - weight)
		if f.Weight > weight && weight < 500 || f.Weight < weight && weight >= 500 {
			score++ // break ties toward the CSS preference
		}
		if f.Italic != italic {
			score += 10000
		}
		if score < bestScore {
			best, bestScore = f, score
		}
	}
	return best, nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
