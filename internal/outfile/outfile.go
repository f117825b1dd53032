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
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
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
// A card is written with four system calls (create, write, close,
// rename): the folder is made only when the temporary file cannot be
// created for want of it, the temporary file is created with its final
// permissions, and whether the destination is a folder is asked only when
// the rename fails.
func Write(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := createTemp(dir, path)
	if err != nil {
		// No folder yet, or a file in its way: make it, or say so.
		if err := MkdirAll(dir); err != nil {
			return err
		}
		f, err = createTemp(dir, path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, plain(err))
	}
	tmp := f.Name()
	defer track(tmp, false)
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		if st, serr := os.Stat(path); serr == nil && st.IsDir() {
			return fmt.Errorf("write %s: it is a folder; name a file to write", path)
		}
		return fmt.Errorf("write %s: %w", path, plain(err))
	}
	return nil
}

// File is an output file being written in pieces, for output too large to
// hold in memory: it is a temporary file beside its destination until
// Commit renames it into place.
type File struct {
	*os.File
	path string
	done bool
}

// Create starts writing path atomically, creating its folder if needed.
// Call Commit when everything is written, or Abort to give up; Abort after
// Commit does nothing, so it can be deferred.
func Create(path string) (*File, error) {
	dir := filepath.Dir(path)
	if err := MkdirAll(dir); err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("write %s: it is a folder; name a file to write", path)
	}
	f, err := createTemp(dir, path)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, plain(err))
	}
	return &File{File: f, path: path}, nil
}

// Commit closes the file and renames it over its destination.
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	tmp := f.Name()
	defer track(tmp, false)
	err := f.Close()
	if err == nil {
		err = os.Rename(tmp, f.path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", f.path, plain(err))
	}
	return nil
}

// Abort closes and removes the temporary file, leaving the destination as
// it was.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
	track(f.Name(), false)
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

// createTemp creates a temporary file for path in dir, readable by all
// (as far as the umask allows, as for any file a program creates), and
// tracks it for Cleanup. Its name is random; one taken is tried again.
func createTemp(dir, path string) (*os.File, error) {
	mu.Lock()
	defer mu.Unlock()
	prefix := filepath.Join(dir, tempPrefix+filepath.Base(path)+"-")
	for try := 0; ; try++ {
		name := prefix + strconv.FormatUint(uint64(rand.Uint32()), 36)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) && try < 100 {
			continue
		}
		if err == nil {
			live[name] = true
		}
		return f, err
	}
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

// Exit removes the temporary files of writes still under way and ends the
// process with code, at once: what an interrupted run does when its
// workers are still busy (decoding a large photo, say) after a grace
// period. It holds the lock to the end, so no write starts or is tracked
// after the files are removed, and a write that already renamed its file
// into place is complete. Nothing is left half-written.
func Exit(code int) {
	mu.Lock()
	for p := range live {
		os.Remove(p)
	}
	os.Exit(code)
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
