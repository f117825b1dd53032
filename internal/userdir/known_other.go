//go:build !windows

package userdir

// knownDocuments has nothing to ask outside Windows.
func knownDocuments() (string, bool) { return "", false }
