package userdir

import "golang.org/x/sys/windows"

// knownDocuments asks Windows for the Documents folder, which may have
// been moved (to OneDrive, or another drive).
func knownDocuments() (string, bool) {
	d, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	return d, err == nil && d != ""
}
