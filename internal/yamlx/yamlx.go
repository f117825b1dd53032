// Package yamlx decodes the YAML files people write by hand (layouts,
// themes, campaign settings) strictly, and turns every problem into one line
// that names the file, the line and the key: yaml.v3 alone silently drops
// misspelt keys and reports type errors without the file or key.
package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/broadside/broadside/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// MaxSize bounds a settings file; nobody writes a 4 MB layout by hand.
const MaxSize = 4 << 20

// Pos records where a mapping and each of its keys sit in the file. A struct
// that has a field `Pos yamlx.Pos` with tag `yaml:"-"` gets it filled in, so
// validation can point at the exact key.
type Pos struct {
	File string
	Line int
	Keys map[string]int
}

// Of returns the line of key, or of the mapping when the key is absent.
func (p Pos) Of(key string) int {
	if l, ok := p.Keys[key]; ok {
		return l
	}
	return p.Line
}

// Errorf formats a problem at key as "file:line: key: message".
func (p Pos) Errorf(key, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if key == "" {
		return &Error{File: p.File, Line: p.Line, Msg: msg}
	}
	return &Error{File: p.File, Line: p.Of(key), Key: key, Msg: msg}
}

// Error is one problem in a file.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Decode parses data into v (a pointer to a struct), refusing unknown keys
// with a suggestion, and reporting all problems found, joined. v may hold
// part of the file when there are problems (see DecodeAll).
func Decode(file string, data []byte, v any) error {
	_, err := DecodeAll(file, data, v)
	return err
}

// DecodeAll is Decode for callers that check the values themselves and
// want to report every problem of a file in one run: past unknown keys and
// values of the wrong type, v gets every value that could be read, so that
// a misspelt key does not hide the problems of the keys around it. read is
// false when the file could not be read at all (empty, too large, not
// YAML, too many aliases); v is then untouched. Problems come back sorted
// by line.
func DecodeAll(file string, data []byte, v any) (read bool, err error) {
	if len(data) > MaxSize {
		return false, &Error{File: file, Msg: fmt.Sprintf("the file is %d KB; settings files over %d KB are refused", len(data)>>10, MaxSize>>10)}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return false, &Error{File: file, Msg: "the file is empty"}
		}
		return false, syntaxError(file, data, err)
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	var errs []error
	w := walker{file: file, errs: &errs, budget: maxNodes, open: map[*yaml.Node]bool{}}
	w.check(doc, reflect.TypeOf(v).Elem(), "")
	if w.budget <= 0 {
		return false, errors.Join(errs...)
	}
	if err := doc.Decode(v); err != nil {
		errs = append(errs, typeErrors(file, doc, err))
	}
	fillPos(file, doc, reflect.ValueOf(v).Elem())
	return true, Sorted(errs...)
}

// Sorted joins errs (nil ones left out) in the order of their lines in the
// file, flattening joined errors, so that a file's problems read from top
// to bottom. Problems without a line keep their place at the top.
func Sorted(errs ...error) error {
	var flat []error
	var add func(err error)
	add = func(err error) {
		if err == nil {
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				add(e)
			}
			return
		}
		flat = append(flat, err)
	}
	for _, err := range errs {
		add(err)
	}
	line := func(err error) int {
		var e *Error
		if errors.As(err, &e) {
			return e.Line
		}
		return 0
	}
	sort.SliceStable(flat, func(i, j int) bool { return line(flat[i]) < line(flat[j]) })
	return errors.Join(flat...)
}

// lineRe reads the line of a decoding message the library wrote.
var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

var cannotRe = regexp.MustCompile("^line (\\d+): cannot unmarshal !!(\\w+)(?: `(.*?)`)? into (.*)$")

// typeErrors rewrites yaml's "cannot unmarshal" messages in plain words
// with the key at that line.
func typeErrors(file string, doc *yaml.Node, err error) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		var e *Error
		if errors.As(err, &e) {
			if e.File == "" {
				e.File = file
			}
			if e.Key == "" {
				e.Key = keyAt(doc, e.Line)
			}
			return e
		}
		return &Error{File: file, Msg: err.Error()}
	}
	var out []error
	for _, m := range te.Errors {
		if g := cannotRe.FindStringSubmatch(m); g != nil {
			n, _ := strconv.Atoi(g[1])
			out = append(out, &Error{File: file, Line: n, Key: keyAt(doc, n), Msg: fmt.Sprintf("expected %s, found %s", kindWord(g[4]), foundWord(g[2], g[3]))})
			continue
		}
		if g := lineRe.FindStringSubmatch(m); g != nil {
			n, _ := strconv.Atoi(g[1])
			out = append(out, &Error{File: file, Line: n, Key: keyAt(doc, n), Msg: g[2]})
			continue
		}
		out = append(out, &Error{File: file, Msg: m})
	}
	return errors.Join(out...)
}

func kindWord(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map"):
		return "a set of keys"
	case strings.Contains(goType, "int"), strings.Contains(goType, "float"):
		return "a number"
	case goType == "bool":
		return "true or false"
	case goType == "string":
		return "text"
	}
	return "a set of keys"
}

func foundWord(tag, val string) string {
	switch tag {
	case "seq":
		return "a list"
	case "map":
		return "a set of keys"
	case "str":
		return strconv.Quote(val)
	}
	if val != "" {
		return val
	}
	return tag
}

// keyAt finds the mapping key whose key or value starts on line n, as a
// dotted path through the mappings around it since the nearest list
// ("colors.text", "size"), outermost first.
func keyAt(n *yaml.Node, line int) string {
	var found string
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := join(path, k.Value)
				if found == "" && (k.Line == line || v.Kind == yaml.ScalarNode && v.Line == line) {
					found = p
				}
				walk(v, p)
			}
		default:
			for _, c := range n.Content {
				walk(c, "")
			}
		}
	}
	walk(n, "")
	return found
}

// fieldCache holds fields' answer by struct type. The maps are never
// modified once stored, so callers may share them.
var fieldCache sync.Map // reflect.Type -> map[string]reflect.StructField

// fields maps yaml keys to struct fields, following inline structs. The
// result is shared: do not modify it.
func fields(t reflect.Type) map[string]reflect.StructField {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.StructField)
	}
	m, _ := fieldCache.LoadOrStore(t, structFields(t))
	return m.(map[string]reflect.StructField)
}

func structFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			for k, v := range fields(f.Type) {
				out[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = f
	}
	return out
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

// maxNodes bounds the nodes a check visits, aliases expanded: a file of
// aliases to aliases would otherwise take exponential time.
const maxNodes = 200_000

// walker checks a node tree against a Go type.
type walker struct {
	file   string
	errs   *[]error
	budget int
	open   map[*yaml.Node]bool // aliases being expanded, to stop cycles
}

// check walks the node against type t and reports keys t does not have.
func (w *walker) check(n *yaml.Node, t reflect.Type, path string) {
	file, errs := w.file, w.errs
	if w.budget--; w.budget == 0 {
		*errs = append(*errs, &Error{File: file, Line: n.Line, Msg: "the file has too many values or aliases to read"})
	}
	if w.budget <= 0 {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // the type checks itself
	}
	if n.Kind == yaml.AliasNode {
		// An alias repeats an anchored value (&name ... *name): check what
		// it stands for, once; yaml.v3 itself refuses alias bombs.
		if n.Alias == nil || w.open[n.Alias] {
			*errs = append(*errs, &Error{File: file, Line: n.Line, Msg: "this alias refers to itself"})
			return
		}
		w.open[n.Alias] = true
		w.check(n.Alias, t, path)
		delete(w.open, n.Alias)
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // a type error; Decode reports it
		}
		fs := fields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			f, ok := fs[k.Value]
			if !ok {
				names := make([]string, 0, len(fs))
				for name := range fs {
					names = append(names, name)
				}
				sort.Strings(names)
				msg := fmt.Sprintf("%q is not a known key", k.Value) + suggest.Hint(k.Value, names, "known keys")
				*errs = append(*errs, &Error{File: file, Line: k.Line, Key: join(path, k.Value), Msg: msg})
				continue
			}
			w.check(v, f.Type, join(path, k.Value))
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for i, c := range n.Content {
				w.check(c, t.Elem(), fmt.Sprintf("%s[%d]", path, i+1))
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				w.check(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value))
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var posType = reflect.TypeOf(Pos{})

// fillPos sets Pos fields from the node tree.
func fillPos(file string, n *yaml.Node, v reflect.Value) {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		if n.Kind != yaml.MappingNode {
			// Not written as keys (null, say): messages still name the
			// file and the line.
			if pf, ok := t.FieldByName("Pos"); ok && pf.Type == posType {
				v.FieldByIndex(pf.Index).Set(reflect.ValueOf(Pos{File: file, Line: n.Line}))
			}
			return
		}
		if pf, ok := t.FieldByName("Pos"); ok && pf.Type == posType {
			p := Pos{File: file, Line: n.Line, Keys: map[string]int{}}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p.Keys[k.Value] = k.Line
				// Keys of a nested map (theme colours, say) are recorded
				// as "colors.text", since map values carry no Pos.
				if v.Kind == yaml.MappingNode {
					for j := 0; j+1 < len(v.Content); j += 2 {
						p.Keys[k.Value+"."+v.Content[j].Value] = v.Content[j].Line
					}
				}
			}
			v.FieldByIndex(pf.Index).Set(reflect.ValueOf(p))
		}
		fs := fields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if f, ok := fs[n.Content[i].Value]; ok {
				fv, err := v.FieldByIndexErr(f.Index)
				if err == nil {
					fillPos(file, n.Content[i+1], fv)
				}
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for i := 0; i < v.Len() && i < len(n.Content); i++ {
				fillPos(file, n.Content[i], v.Index(i))
			}
		}
	case reflect.Map:
		// Map values are not addressable; settings use slices for lists of
		// positioned things.
	}
}
