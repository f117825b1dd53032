package layout

import "testing"

func TestExpand(t *testing.T) {
	b := Brand{Campaign: "Global Support", URL: "https://www.example.org/", Hashtags: []string{"FreeAssange", "#Press"},
		Event: Event{Title: "Vigil", Date: "Saturday 2 pm"}}
	tests := []struct{ tmpl, want string }{
		{"{url}", "example.org"},
		{"{hashtags}", "#FreeAssange #Press"},
		{"{url} · {hashtags}", "example.org · #FreeAssange #Press"},
		{"{handle}", ""},
		{"Follow {handle}", ""},
		{"{event-title|campaign}", "Vigil"},
		{"{event-place|campaign}", "Global Support"},
		{"{event-place}", ""},
		{"plain words", "plain words"},
		{"{event-date}, {event-place}", "Saturday 2 pm,"},
	}
	for _, tt := range tests {
		if got := Expand(tt.tmpl, b); got != tt.want {
			t.Errorf("Expand(%q) = %q, want %q", tt.tmpl, got, tt.want)
		}
	}
	if got := unknownFields("{urll} {event-title|campain}"); len(got) != 2 || got[0] != "urll" || got[1] != "campain" {
		t.Errorf("unknownFields = %v", got)
	}
}
