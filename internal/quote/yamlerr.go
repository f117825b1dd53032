package quote

import "github.com/broadside/broadside/internal/yamlx"

// yamlProblem turns a YAML syntax error into a Problem at the right line,
// in plain words, keeping the library's wording at the end for anyone who
// knows YAML. yamlx finds the line and the words, as it does for layouts,
// themes and settings.
func yamlProblem(file string, data []byte, err error) Problem {
	parse := func(b []byte) error {
		_, _, err := decodeYAML(b)
		return err
	}
	line, msg, ok := yamlx.SyntaxLine(data, err, parse)
	if !ok {
		return Problem{File: file, Line: 1, Msg: "the file is not valid YAML (" + err.Error() + ")"}
	}
	return Problem{File: file, Line: line, Msg: yamlx.Plain(msg) + " (YAML says: " + msg + ")"}
}
