package studio

import (
	"archive/zip"
	"io"
	"os"
	"time"
)

// zipFile adds the file at path to zw as name, with a fixed date so the
// same cards give the same archive.
func zipFile(zw *zip.Writer, name, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// PNGs are compressed already: store them; deflate the manifests.
	method := zip.Deflate
	if len(name) > 4 && name[len(name)-4:] == ".png" {
		method = zip.Store
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}
