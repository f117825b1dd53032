package cli

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Units a length or a distance may be written in, in the base unit of
// each: points for lengths on paper, metres for reading distances.
var (
	lengthUnits = map[string]float64{
		"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "inch": 72, "inches": 72, "pt": 1,
	}
	distanceUnits = map[string]float64{
		"m": 1, "metre": 1, "metres": 1, "meter": 1, "meters": 1, "cm": 0.01, "km": 1000,
		"ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "yd": 0.9144, "yard": 0.9144, "yards": 0.9144,
	}
)

// quantity reads a number with an optional unit, "0.1mm", "10 m", "33ft",
// in units' base unit; a number alone is in def. An unknown unit is
// refused by name, never read as another; no number at all is refused with
// hint.
func quantity(s string, units map[string]float64, def, hint string) (float64, error) {
	v := strings.TrimSpace(strings.ToLower(s))
	i := strings.IndexFunc(v, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != '-' && r != '+' })
	num, unit := v, def
	if i >= 0 {
		num, unit = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i:])
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" {
		return 0, fmt.Errorf("%s", hint)
	}
	k, ok := units[unit]
	if !ok {
		return 0, fmt.Errorf("%q is not a unit broadside knows here; use %s", unit, unitNames(units))
	}
	return f * k, nil
}

// unitNames lists the short names of units, e.g. "cm, ft, km, m or yd".
func unitNames(units map[string]float64) string {
	var names []string
	for n := range units {
		if len(n) <= 2 {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// parseMM reads a length on paper ("0.1mm", "0.3pt", "1cm"; a number alone
// is millimetres) and returns points.
func parseMM(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	pt, err := quantity(s, lengthUnits, "mm", "write a length such as 0.1mm")
	if err != nil {
		return 0, err
	}
	if pt < 0 {
		return 0, fmt.Errorf("a length cannot be negative")
	}
	return pt, nil
}

// parseMetres reads a reading distance ("10m", "30 ft", "0.01km"; a number
// alone is metres) and returns metres.
func parseMetres(s string) (float64, error) {
	d, err := quantity(s, distanceUnits, "m", "write a distance in metres such as 10m (or in ft, yd or km)")
	if err != nil {
		return 0, err
	}
	if d <= 0 || d > 100 {
		return 0, fmt.Errorf("that is %s m; placards are read from more than 0 and at most 100 m", strconv.FormatFloat(d, 'f', -1, 64))
	}
	return d, nil
}

// mmOf writes points as millimetres for messages.
func mmOf(pt float64) string {
	return strconv.FormatFloat(math.Round(pt/(72/25.4)*1000)/1000, 'f', -1, 64)
}
