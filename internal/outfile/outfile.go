// Package outfile writes output files so that nobody ever finds half of
// one: each file is written to a temporary file in the same folder and
// renamed over the destination only when complete. A run that is
// interrupted leaves the previous file (or none), never a truncated PDF
// that a printer chokes on.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// tempPrefix marks temporary files, so a crash's leftovers are recognisable.
const tempPrefix = ".broadside-tmp-"

var (
	mu   sync.Mutex
	live = map[string]bool{}
)

// Write writes data to path atomically, creating its folder if needed.
func Write(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := MkdirAll(dir); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("write %s: it is a folder; name a file to write", path)
	}
	f, err := os.CreateTemp(dir, tempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, plain(err))
	}
	tmp := f.Name()
	track(tmp, true)
	defer track(tmp, false)
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, plain(err))
	}
	return nil
}

// MkdirAll makes a folder for output, with a plain message when a file is
// in the way or permission is denied.
func MkdirAll(dir string) error {
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return fmt.Errorf("output folder %s is a file; name a folder, or remove the file", dir)
		}
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the output folder %s: %w", dir, plain(err))
	}
	return nil
}

func track(path string, on bool) {
	mu.Lock()
	defer mu.Unlock()
	if on {
		live[path] = true
	} else {
		delete(live, path)
	}
}

// Cleanup removes the temporary files of writes still under way; the
// signal handler calls it before exiting.
func Cleanup() {
	mu.Lock()
	defer mu.Unlock()
	for p := range live {
		os.Remove(p)
		delete(live, p)
	}
}

// Inside reports whether name, joined to dir, stays inside dir: a quote id
// or layout name must never write outside the output folder.
func Inside(dir, name string) bool {
	if name == "" || filepath.IsAbs(name) || strings.ContainsAny(name, "\\\x00") {
		return false
	}
	clean := filepath.Clean(name)
	return clean != ".." && !strings.HasPrefix(clean, ".."+string(filepath.Separator)) && !strings.HasPrefix(clean, "/")
}

// plain strips Go's "open /x/y:" prefix duplication from path errors.
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
