package yamlx

import (
	"strings"
	"testing"
)

type inner struct {
	Width float64 `yaml:"width"`
	Pos   Pos     `yaml:"-"`
}

type doc struct {
	Name   string            `yaml:"name"`
	Size   inner             `yaml:"size"`
	Items  []inner           `yaml:"items"`
	Colors map[string]string `yaml:"colors"`
	Pos    Pos               `yaml:"-"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unknown key", "name: a\nnmae: b\n", `f.yaml:2: nmae: "nmae" is not a known key; did you mean "name"?`},
		{"unknown nested key", "size:\n  widht: 3\n", `f.yaml:2: size.widht: "widht" is not a known key; did you mean "width"?`},
		{"unknown key in list", "items:\n  - width: 1\n  - wdth: 2\n", `f.yaml:3: items[2].wdth:`},
		{"no suggestion", "zzzzzz: 1\n", `(known keys: colors, items, name, size)`},
		{"wrong type", "size:\n  width: wide\n", `f.yaml:2: size.width: expected a number, found "wide"`},
		{"list for text", "name: [a, b]\n", `f.yaml:1: name: expected text, found a list`},
		{"map for list", "items: {width: 1}\n", `f.yaml:1: items: expected a list, found a set of keys`},
		{"empty", "", `f.yaml: the file is empty`},
		{"syntax", "name: [\n", `f.yaml:1: not valid YAML`},
		// The library blames line 1 for these; the mistake is on line 2,
		// and on line 4 after a block that opens on line 2.
		{"unclosed list", "name: x\nitems: [1, 2\ncolors: 3\n", `f.yaml:2: not valid YAML: a list in [ ] is not closed with ]`},
		{"bad indent in block", "name: x\nsize:\n  width: 1\n wdth: 2\n", `f.yaml:4: not valid YAML: this line`},
		{"alias checked", "size: &s {width: 1, wdth: 2}\nitems: [*s]\n", `items[1].wdth: "wdth" is not a known key`},
		{"too big", strings.Repeat("#", MaxSize+1), `settings files over`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d doc
			err := Decode("f.yaml", []byte(tt.in), &d)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	var d doc
	in := "name: a\n\nsize:\n  width: 3\nitems:\n  - width: 1\n  - width: 2\ncolors:\n  text: red\n"
	if err := Decode("f.yaml", []byte(in), &d); err != nil {
		t.Fatal(err)
	}
	if d.Pos.Of("size") != 3 || d.Size.Pos.Of("width") != 4 || d.Items[1].Pos.Line != 7 || d.Pos.Of("colors.text") != 9 {
		t.Errorf("positions: %+v %+v %+v", d.Pos, d.Size.Pos, d.Items[1].Pos)
	}
	if got := d.Pos.Errorf("name", "bad %s", "name").Error(); got != "f.yaml:1: name: bad name" {
		t.Errorf("Errorf = %q", got)
	}
}
