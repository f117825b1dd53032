package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/broadside/broadside/data"
)

func TestSelect(t *testing.T) {
	d, err := Parse(data.QuotesName, data.QuotesYAML, YAML)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(qs []Quote) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	tests := []struct {
		name      string
		ids, tags []string
		want      []string // ids, in dataset order; nil with wantErr
		count     int      // when want is long, just the count
		wantErr   []string // substrings, one per expected line
	}{
		{name: "all", count: 19},
		{name: "by id, dataset order", ids: []string{"noam-chomsky", "nils-melzer"}, want: []string{"nils-melzer", "noam-chomsky"}},
		{name: "id repeated", ids: []string{"nils-melzer", "nils-melzer"}, want: []string{"nils-melzer"}},
		{name: "by tag", tags: []string{"un"}, want: []string{"nils-melzer"}},
		{name: "any of the tags", tags: []string{"un", "faith"}, want: []string{"nils-melzer", "stella-morris"}},
		{name: "ids and tags together", ids: []string{"nils-melzer", "stella-morris"}, tags: []string{"faith"}, want: []string{"stella-morris"}},
		{name: "unknown id with suggestion", ids: []string{"nils-melzr"}, wantErr: []string{`no quote has the id "nils-melzr"; did you mean "nils-melzer"?`}},
		{name: "unknown id without suggestion", ids: []string{"nobody"}, wantErr: []string{`no quote has the id "nobody"`}},
		{name: "unknown tag", tags: []string{"presss-freedom"}, wantErr: []string{`no quote has the tag "presss-freedom"; did you mean "press-freedom"?`}},
		{name: "all unknowns reported", ids: []string{"x1", "nils-melzer", "x2"}, tags: []string{"t1"}, wantErr: []string{`"x1"`, `"x2"`, `"t1"`}},
		{name: "nothing matches both", ids: []string{"nils-melzer"}, tags: []string{"faith"}, wantErr: []string{"none of the quotes with ids nils-melzer has any of the tags faith"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := d.Select(tt.ids, tt.tags)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("got %v, want an error", ids(got))
				}
				lines := strings.Split(err.Error(), "\n")
				if len(lines) != len(tt.wantErr) {
					t.Errorf("error has %d lines, want %d: %v", len(lines), len(tt.wantErr), err)
				}
				for i, w := range tt.wantErr {
					if i < len(lines) && !strings.Contains(lines[i], w) {
						t.Errorf("line %d = %q, want it to contain %q", i+1, lines[i], w)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != nil && !slices.Equal(ids(got), tt.want) {
				t.Errorf("got %v, want %v", ids(got), tt.want)
			}
			if tt.want == nil && len(got) != tt.count {
				t.Errorf("got %d quotes, want %d", len(got), tt.count)
			}
		})
	}
	if _, err := (&Dataset{Name: "x"}).Select(nil, nil); err == nil {
		t.Errorf("empty dataset selected without error")
	}
}

func TestByID(t *testing.T) {
	d, err := Parse(data.QuotesName, data.QuotesYAML, YAML)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := d.ByID("dunja-mijatovic")
	if !ok || q.Author != "Dunja Mijatović" {
		t.Errorf("ByID = %v, %v", q, ok)
	}
	if _, ok := d.ByID("Dunja-Mijatovic"); ok {
		t.Errorf("ByID matched an id in the wrong case")
	}
	if _, ok := d.ByID(""); ok {
		t.Errorf("ByID matched the empty id")
	}
}
