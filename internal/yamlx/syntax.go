package yamlx

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxSearchBytes bounds the files whose error line is searched for; the
// search parses the file a few times over, which for the largest files
// would take too long. Real files are far smaller.
const maxSearchBytes = 1 << 20

var yamlErrLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// SyntaxLine finds the line to blame for a YAML syntax error err, which
// parse returned for data, and the library's message without its prefix.
// ok is false when err is not a syntax error of the YAML library.
//
// The library's line numbers are only right for errors found while
// scanning; for errors found while parsing it names the line before the
// start of the enclosing block, which can be far from the mistake. So the
// line is found again by parsing ever longer beginnings of the file with
// parse: the first one that fails with the same message ends on the line
// to blame. parse must be the function that failed, so that the messages
// compare.
func SyntaxLine(data []byte, err error, parse func([]byte) error) (line int, msg string, ok bool) {
	m := yamlErrLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, "", false
	}
	msg = m[2]
	line, _ = strconv.Atoi(m[1])
	if m[1] == "" || isParserProblem(msg) {
		l := 0
		if len(data) <= maxSearchBytes {
			l = firstFailingLine(data, msg, parse)
		}
		if l > 0 {
			line = l
		} else if m[1] != "" {
			line++ // the parser's lines count from 0
		}
	}
	return max(line, 1), msg, true
}

// isParserProblem reports the messages whose line numbers need finding
// again: those of the YAML parser, as opposed to its scanner, and the
// scanner's tab message.
func isParserProblem(msg string) bool {
	return strings.HasPrefix(msg, "did not find expected ") ||
		strings.HasPrefix(msg, "found undefined tag handle") ||
		strings.HasPrefix(msg, "found duplicate %") ||
		strings.HasPrefix(msg, "found incompatible YAML document") ||
		strings.HasPrefix(msg, "unknown anchor") ||
		// The scanner names the line of the key before a tab that
		// breaks the indentation, not the tab's.
		strings.HasPrefix(msg, "found a tab character")
}

// firstFailingLine returns the smallest n such that the first n lines of
// data fail to parse with msg, or 0 if none does. A syntax error on line n
// is already an error in the first n lines, and the lines before it parse
// (or fail differently), so a binary search finds it in a few parses.
func firstFailingLine(data []byte, msg string, parse func([]byte) error) int {
	ends := lineEnds(data)
	fails := func(n int) bool {
		err := parse(data[:ends[n-1]])
		if err == nil {
			return false
		}
		m := yamlErrLine.FindStringSubmatch(err.Error())
		return m != nil && m[2] == msg
	}
	lo, hi := 1, len(ends) // the answer, if any, is in [lo, hi]
	if !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// lineEnds returns, for each line, the offset just past its end.
func lineEnds(data []byte) []int {
	var ends []int
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			ends = append(ends, len(data))
			break
		}
		i += j + 1
		ends = append(ends, i)
	}
	if len(ends) == 0 {
		ends = append(ends, 0)
	}
	return ends
}

// Plain explains the YAML library's most common messages in the words of
// someone who edits the file, not of someone who wrote the parser.
func Plain(msg string) string {
	switch {
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		return "a colon followed by a space where no new field can start: put the whole value in double quotes, or check the indentation"
	case strings.HasPrefix(msg, "did not find expected key"):
		return "this line does not fit the fields around it: check its indentation, and put values that contain quote marks, # or \": \" in double quotes"
	case strings.HasPrefix(msg, "did not find expected '-' indicator"):
		return "this line is not indented like the lines around it: check its indentation"
	case strings.HasPrefix(msg, "did not find expected ',' or ']'"):
		return "a list in [ ] is not closed with ], or its items are not separated by commas"
	case strings.HasPrefix(msg, "did not find expected ',' or '}'"):
		return "a group in { } is not closed with }, or its items are not separated by commas"
	case strings.HasPrefix(msg, "did not find expected node content"):
		return "a value is missing, or starts with a character YAML reserves: put the value in double quotes"
	case strings.HasPrefix(msg, "found unexpected end of stream"):
		return "the file ends inside a quoted value: a closing quote mark is missing"
	case strings.HasPrefix(msg, "found unknown escape character"):
		return "a backslash (\\) in double quotes starts an unknown escape: write \\\\ for a backslash, or use single quotes"
	case strings.HasPrefix(msg, "found character that cannot start any token"):
		return "a value starts with a character YAML reserves (such as @, ` or %), or a tab is used for indentation: put the value in double quotes and indent with spaces"
	case strings.Contains(msg, "tab"):
		return "a tab is used for indentation: indent with spaces"
	case strings.HasPrefix(msg, "could not find expected ':'"):
		return "a field name is not followed by a colon, or a quoted value runs on past its line"
	case strings.HasPrefix(msg, "unknown anchor"):
		return "a *name (a YAML alias) refers to an anchor &name that is not defined above it: define it first, or write the value out in full"
	case strings.HasPrefix(msg, "exceeded max depth"):
		return "lists or groups are nested too deeply"
	}
	return "the file is not valid YAML here"
}

// syntaxError is Decode's error for a file the YAML library cannot read,
// at the line to blame and in plain words.
func syntaxError(file string, data []byte, err error) error {
	line, msg, ok := SyntaxLine(data, err, parseFirst)
	if !ok {
		return &Error{File: file, Msg: "not valid YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	return &Error{File: file, Line: line, Msg: "not valid YAML: " + Plain(msg) + " (YAML says: " + msg + ")"}
}

// parseFirst parses data's first document the way Decode does; a panic
// inside the YAML library is an error, not a crash.
func parseFirst(data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: internal error in the YAML reader: %v", r)
		}
	}()
	var root yaml.Node
	return yaml.NewDecoder(bytes.NewReader(data)).Decode(&root)
}
