// Package testtool runs the real clients that check broadside's output
// (qpdf, poppler's pdftotext, pdffonts, pdfinfo). Outside CI a missing tool
// skips the test; in CI (CI=true), where .ci/run installs them, a missing
// tool fails it.
package testtool

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of a tool, or skips (or, in CI, fails) the test.
func Need(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; CI must install it (see .ci/run)", name)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils qpdf)", name)
	}
	return p
}

// Run runs a tool and returns its standard output; a non-zero exit fails
// the test with the tool's messages.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(Need(t, name), args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s%s", name, args, err, out.String(), errb.String())
	}
	return out.String()
}

// WriteTemp writes data to a file in the test's temporary folder.
func WriteTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
