package bidi

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	xbidi "golang.org/x/text/unicode/bidi"
)

// The conformance cases of Unicode's BidiCharacterTest.txt: a subset is
// committed (every 50th case, with the Unicode licence), so the test runs
// everywhere; the whole file comes from Debian's unicode-data package,
// which CI installs.
const fullTests = "/usr/share/unicode/BidiCharacterTest.txt"

func TestBidiCharacterSubset(t *testing.T) {
	runConformance(t, "testdata/BidiCharacterTest-subset.txt", 1800)
}

func TestBidiCharacterFull(t *testing.T) {
	if _, err := os.Stat(fullTests); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; CI must install unicode-data (see .ci/run)", fullTests)
		}
		t.Skipf("%s is missing (apt-get install unicode-data)", fullTests)
	}
	runConformance(t, fullTests, 90000)
}

// runConformance checks every single-paragraph case of a file in the
// BidiCharacterTest format: the paragraph level, each character's level
// (x for those removed by X9) and the visual order. It fails when fewer
// than min cases ran, so a broken parser cannot pass.
func runConformance(t *testing.T, file string, min int) {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	ran, failed, line := 0, 0, 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if strings.HasPrefix(s, "# BidiCharacterTest-") {
			v := strings.TrimSuffix(strings.TrimPrefix(s, "# BidiCharacterTest-"), ".txt")
			if v != xbidi.UnicodeVersion {
				t.Skipf("%s is Unicode %s, the classes from x/text are %s", file, v, xbidi.UnicodeVersion)
			}
			if v != tablesVersion {
				t.Skipf("%s is Unicode %s, tables.go is %s (go run gen_tables.go)", file, v, tablesVersion)
			}
		}
		if s == "" || s[0] == '#' {
			continue
		}
		fs := strings.Split(s, ";")
		if len(fs) != 5 {
			t.Fatalf("%s:%d: %d fields", file, line, len(fs))
		}
		var text []rune
		for _, h := range strings.Fields(fs[0]) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("%s:%d: %v", file, line, err)
			}
			text = append(text, rune(v))
		}
		// One paragraph only: a separator inside the text starts another.
		if slices.ContainsFunc(text[:len(text)-1], func(r rune) bool { return Class(r) == xbidi.B }) {
			continue
		}
		dir := map[string]Direction{"0": LTR, "1": RTL, "2": Auto}[fs[1]]
		p := Resolve(text, dir)
		var got []string
		for i, l := range p.LineLevels(0, len(text)) {
			if p.removed[i] {
				got = append(got, "x")
			} else {
				got = append(got, strconv.Itoa(int(l)))
			}
		}
		var order []string
		for _, i := range p.VisualOrder(0, len(text), true) {
			order = append(order, strconv.Itoa(i))
		}
		ran++
		msg := ""
		if want := strings.TrimSpace(fs[2]); fmt.Sprint(p.Base) != want {
			msg += fmt.Sprintf(" paragraph level %d, want %s;", p.Base, want)
		}
		if g, w := strings.Join(got, " "), strings.Join(strings.Fields(fs[3]), " "); g != w {
			msg += fmt.Sprintf(" levels %s, want %s;", g, w)
		}
		if g, w := strings.Join(order, " "), strings.Join(strings.Fields(fs[4]), " "); g != w {
			msg += fmt.Sprintf(" order %s, want %s;", g, w)
		}
		if msg != "" {
			failed++
			if failed <= 20 {
				t.Errorf("%s:%d: %s:%s", file, line, fs[0], msg)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if failed > 0 {
		t.Errorf("%d of %d cases failed", failed, ran)
	}
	if ran < min {
		t.Errorf("only %d cases ran, want at least %d", ran, min)
	}
}
