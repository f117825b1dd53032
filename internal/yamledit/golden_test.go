package yamledit

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the -- out -- section of testdata/edit/*.txt")

// A case file in testdata/edit holds the edits to make, one a line, then
// "-- in --" and the YAML before, then "-- out --" and the YAML after (or
// the error of the edit that fails). Edits:
//
//	set PATH JSON        (null deletes; a JSON object is a []KV in its order)
//	delete PATH
//	insert PATH INDEX {JSON object}
//	move PATH FROM TO
//
// PATH is written like messages write it: quotes[3].text, or . for the
// document. Lines starting with # are comments. A case whose name starts
// with "err-" must end in an error, which the out section holds.
type editCase struct {
	ops []string
	in  []byte
	out []byte
}

func readCase(t *testing.T, file string) editCase {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, rest, ok := bytes.Cut(b, []byte("-- in --\n"))
	if !ok {
		t.Fatalf("%s: no -- in -- line", file)
	}
	in, out, ok := bytes.Cut(rest, []byte("-- out --\n"))
	if !ok {
		t.Fatalf("%s: no -- out -- line", file)
	}
	var c editCase
	for _, l := range strings.Split(string(head), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			c.ops = append(c.ops, l)
		}
	}
	c.in, c.out = unescapeCase(in), unescapeCase(out)
	return c
}

// Case files show a carriage return as <CR>, a byte order mark as <BOM>, a
// tab as <TAB>, and a file that does not end in a line break ends in
// <NO-EOL>, so that every byte of a case can be seen and survives editors.
func unescapeCase(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("<CR>"), []byte("\r"))
	b = bytes.ReplaceAll(b, []byte("<BOM>"), []byte("\uFEFF"))
	b = bytes.ReplaceAll(b, []byte("<TAB>"), []byte("\t"))
	if bytes.HasSuffix(b, []byte("<NO-EOL>\n")) {
		b = b[:len(b)-len("<NO-EOL>\n")]
	}
	return b
}

func escapeCase(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("<CR>"))
	b = bytes.ReplaceAll(b, []byte("\uFEFF"), []byte("<BOM>"))
	b = bytes.ReplaceAll(b, []byte("\t"), []byte("<TAB>"))
	if len(b) > 0 && !bytes.HasSuffix(b, []byte("\n")) {
		b = append(b, "<NO-EOL>\n"...)
	}
	return b
}

// parsePath reads quotes[3].text, "a.b"[0], or . for the empty path.
func parsePath(s string) (Path, error) {
	p := Path{}
	if s == "." {
		return p, nil
	}
	for s != "" {
		switch {
		case s[0] == '[':
			j := strings.IndexByte(s, ']')
			if j < 0 {
				return nil, fmt.Errorf("unclosed [")
			}
			n, err := strconv.Atoi(s[1:j])
			if err != nil {
				return nil, err
			}
			p = append(p, n)
			s = s[j+1:]
		case s[0] == '.':
			s = s[1:]
		case s[0] == '"':
			q, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, err
			}
			k, _ := strconv.Unquote(q)
			p = append(p, k)
			s = s[len(q):]
		default:
			j := strings.IndexAny(s, ".[")
			if j < 0 {
				j = len(s)
			}
			p = append(p, s[:j])
			s = s[j:]
		}
	}
	return p, nil
}

// jsonValue decodes one JSON value the way the tests pass values: objects
// as []KV in their order, arrays of strings as []string, whole numbers as
// int.
func jsonValue(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			kvs := []KV{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				v, err := jsonValue(dec)
				if err != nil {
					return nil, err
				}
				kvs = append(kvs, KV{k.(string), v})
			}
			_, err := dec.Token()
			return kvs, err
		case '[':
			var items []any
			strs := true
			for dec.More() {
				v, err := jsonValue(dec)
				if err != nil {
					return nil, err
				}
				_, isStr := v.(string)
				strs = strs && isStr
				items = append(items, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			if strs {
				ss := make([]string, len(items))
				for i, v := range items {
					ss[i] = v.(string)
				}
				return ss, nil
			}
			return items, nil
		}
	case json.Number:
		if n, err := strconv.Atoi(string(tok)); err == nil {
			return n, nil
		}
		return strconv.ParseFloat(string(tok), 64)
	}
	return tok, nil
}

func parseJSON(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	return jsonValue(dec)
}

// runOp makes one edit written as a case line.
func runOp(d *Doc, op string) error {
	verb, rest, _ := strings.Cut(op, " ")
	pathText, args, _ := strings.Cut(rest, " ")
	p, err := parsePath(pathText)
	if err != nil {
		return fmt.Errorf("bad path %q: %v", pathText, err)
	}
	switch verb {
	case "set":
		v, err := parseJSON(args)
		if err != nil {
			return fmt.Errorf("bad value %q: %v", args, err)
		}
		return d.Set(p, v)
	case "delete":
		return d.Delete(p)
	case "insert":
		idx, obj, _ := strings.Cut(args, " ")
		i, err := strconv.Atoi(idx)
		if err != nil {
			return fmt.Errorf("bad index %q", idx)
		}
		v, err := parseJSON(obj)
		if err != nil {
			return fmt.Errorf("bad item %q: %v", obj, err)
		}
		kvs, ok := v.([]KV)
		if !ok {
			return fmt.Errorf("insert needs a JSON object, not %q", obj)
		}
		return d.Insert(p, i, kvs)
	case "move":
		var from, to int
		if _, err := fmt.Sscan(args, &from, &to); err != nil {
			return fmt.Errorf("bad move %q", args)
		}
		return d.Move(p, from, to)
	}
	return fmt.Errorf("unknown edit %q", verb)
}

// TestGolden runs every case in testdata/edit. Each case also runs with
// its line breaks turned into CR LF, and with a byte order mark in front,
// and must give the same result with the same change.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/edit/*.txt")
	if len(files) == 0 {
		t.Fatal("no cases in testdata/edit")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			c := readCase(t, file)
			got, err := runCase(c.in, c.ops)
			wantErr := strings.HasPrefix(name, "err-")
			if err != nil {
				if !wantErr {
					t.Fatalf("unexpected error: %v", err)
				}
				got = []byte(err.Error() + "\n")
			} else if wantErr {
				t.Fatalf("no error; the file became:\n%s", got)
			}
			if *update {
				writeOut(t, file, got)
				return
			}
			if !bytes.Equal(got, c.out) {
				t.Fatalf("got:\n%s\nwant:\n%s", escapeCase(got), escapeCase(c.out))
			}
			if wantErr || bytes.Contains(c.in, []byte("\r")) || bytes.HasPrefix(c.in, bom) {
				return
			}
			// The same edits on a CR LF file with a byte order mark give
			// the same file with CR LF and the mark.
			crlf := func(b []byte) []byte {
				return append(bytes.Clone(bom), bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))...)
			}
			got2, err := runCase(crlf(c.in), c.ops)
			if err != nil {
				t.Fatalf("CR LF: %v", err)
			}
			if !bytes.Equal(got2, crlf(c.out)) {
				t.Fatalf("CR LF: got:\n%s\nwant:\n%s", escapeCase(got2), escapeCase(crlf(c.out)))
			}
		})
	}
}

func runCase(in []byte, ops []string) ([]byte, error) {
	d, err := Parse(in)
	if err != nil {
		return nil, err
	}
	for _, op := range ops {
		if err := runOp(d, op); err != nil {
			var e *Error
			if !errors.As(err, &e) && !strings.HasPrefix(err.Error(), "yamledit: ") {
				return nil, fmt.Errorf("%s: %w", op, err)
			}
			return nil, err
		}
	}
	return d.Bytes(), nil
}

func writeOut(t *testing.T, file string, out []byte) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(b, []byte("-- out --\n"))
	b = append(b[:i+len("-- out --\n")], escapeCase(out)...)
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
