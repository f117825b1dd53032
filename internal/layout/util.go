package layout

import (
	"regexp"
)

var nameRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validName(s string) bool { return len(s) <= 64 && nameRe.MatchString(s) }
