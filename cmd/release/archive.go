package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"io"
	"io/fs"
	"path"
	"time"
)

// Archives are byte-for-byte reproducible: entries in the order given
// (sorted by the caller), every folder listed before its files, every time
// set to t, owners and modes fixed, and compression at a fixed level with
// no name or time in the gzip header.

// tarArchive packs files under a top folder, as people expect from a
// tar.gz: extracting it makes one folder, not a spray of files.
func tarArchive(top string, files []file, t time.Time) ([]byte, error) {
	var b bytes.Buffer
	gz, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	// gzip.Header's zero value: no name, no time, OS "unknown".
	tw := tar.NewWriter(gz)
	for _, f := range append([]file{{name: ".", mode: fs.ModeDir | 0o755}}, withFolders(files)...) {
		h := &tar.Header{
			Name:     path.Join(top, f.name),
			Mode:     int64(f.mode.Perm()),
			ModTime:  t,
			Typeflag: tar.TypeReg,
			Size:     int64(len(f.body)),
		}
		if f.mode.IsDir() {
			h.Name += "/"
			h.Typeflag = tar.TypeDir
			h.Size = 0
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.body); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// zipArchive packs files at the top of a zip: Windows' "Extract All" makes
// the folder itself, named after the zip, and a person who opens the zip
// sees broadside.exe at once.
func zipArchive(files []file, t time.Time) ([]byte, error) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, f := range withFolders(files) {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: t.UTC()}
		if f.mode.IsDir() {
			h.Name += "/"
			h.Method = zip.Store
		}
		h.SetMode(f.mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// withFolders adds an entry for every folder, just before the first file
// in it, so extracting gives folders fixed modes too. files must be sorted.
func withFolders(files []file) []file {
	seen := map[string]bool{}
	var out []file
	for _, f := range files {
		var parents []string
		for d := path.Dir(f.name); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			parents = append(parents, d)
		}
		for i := len(parents) - 1; i >= 0; i-- {
			out = append(out, file{name: parents[i], mode: fs.ModeDir | 0o755})
		}
		out = append(out, f)
	}
	return out
}
