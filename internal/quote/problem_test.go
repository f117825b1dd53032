package quote

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{"data/quotes.yaml", 12, "author", "is required"}, "data/quotes.yaml:12: author: is required"},
		{Problem{"q.csv", 3, "", "a row problem"}, "q.csv:3: a row problem"},
		{Problem{"q.csv", 0, "", "the file is empty"}, "q.csv: the file is empty"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	ps := Problems{tests[0].p, tests[1].p}
	if got, want := ps.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var err error = ps
	var back Problems
	if !errors.As(fmt.Errorf("wrapped: %w", err), &back) || len(back) != 2 {
		t.Errorf("Problems does not survive wrapping")
	}
}

// TestAllProblemsReported checks that problems are not cut short at the
// first, and that a hopeless file is capped with a closing line.
func TestAllProblemsReported(t *testing.T) {
	var b strings.Builder
	b.WriteString("quotes:\n")
	const n = MaxProblems + 50
	for i := range n {
		fmt.Fprintf(&b, "  - text: Words %d.\n", i) // each misses its author
	}
	_, err := Parse("many.yaml", []byte(b.String()), YAML)
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v", err)
	}
	if len(ps) != MaxProblems+1 {
		t.Fatalf("got %d problems, want %d and a closing line", len(ps), MaxProblems+1)
	}
	for i, p := range ps[:MaxProblems] {
		if p.Line != i+2 || p.Field != "author" {
			t.Fatalf("problem %d = %q, want author at line %d", i, p, i+2)
		}
	}
	last := ps[MaxProblems]
	if want := fmt.Sprintf("stopped after %d problems; 50 more not shown", MaxProblems); !strings.HasPrefix(last.Msg, want) || last.Line != MaxProblems+2 {
		t.Errorf("last = %q, want line %d and %q", last, MaxProblems+2, want)
	}

	// Below the cap, every one is reported.
	_, err = Parse("few.yaml", []byte("quotes:\n  - text: a\n  - text: b\n  - text: c\n"), YAML)
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Errorf("got %v, want 3 problems", err)
	}
}

// TestProblemsBeyondKept checks the count stays right when problems past
// those kept are only counted.
func TestProblemsBeyondKept(t *testing.T) {
	const n = maxKept + 3000
	data := "text,author\n" + strings.Repeat("ragged\n", n)
	_, err := Parse("r.csv", []byte(data), CSV)
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != MaxProblems+1 {
		t.Fatalf("got %d problems, want %d", len(ps), MaxProblems+1)
	}
	if want := fmt.Sprintf("; %d more not shown", n-MaxProblems); !strings.Contains(ps[MaxProblems].Msg, want) {
		t.Errorf("last = %q, want %q", ps[MaxProblems], want)
	}
	if ps[0].Line != 2 || ps[MaxProblems-1].Line != MaxProblems+1 {
		t.Errorf("first and last lines shown: %d, %d", ps[0].Line, ps[MaxProblems-1].Line)
	}
}
