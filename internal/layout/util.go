package layout

import (
	"errors"
	"math"
	"regexp"
)

var nameRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func validName(s string) bool { return len(s) <= 64 && nameRe.MatchString(s) }

func pow(x, y float64) float64 { return math.Pow(x, y) }

// joinErrs joins problems, nil when there are none.
func joinErrs(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errors.Join(errs...)
}
