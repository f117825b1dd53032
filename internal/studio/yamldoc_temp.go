package studio

// TEMPORARY, to be replaced by internal/yamledit (branch `yamledit`) when
// it is ready: the same calls (Parse, Bytes, Get, Set, Delete, Insert,
// Move) on a yaml.Node tree. It keeps comments and order but not blank
// lines between entries; yamledit keeps those too.

import (
	"bytes"
	"fmt"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Path names a node: string keys and int indexes.
type Path []any

// KV is one key and value of a mapping to insert.
type KV struct {
	Key   string
	Value any
}

type yamlDoc struct{ root *yaml.Node }

func parseYAML(src []byte) (*yamlDoc, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		return nil, err
	}
	if n.Kind == 0 {
		n = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	return &yamlDoc{root: &n}, nil
}

func (d *yamlDoc) Bytes() []byte {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	enc.Encode(d.root)
	enc.Close()
	return b.Bytes()
}

func (d *yamlDoc) body() *yaml.Node { return d.root.Content[0] }

func (d *yamlDoc) Get(p Path) *yaml.Node {
	n := d.body()
	for _, k := range p {
		n = child(n, k)
		if n == nil {
			return nil
		}
	}
	return n
}

func child(n *yaml.Node, k any) *yaml.Node {
	switch k := k.(type) {
	case string:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				return n.Content[i+1]
			}
		}
	case int:
		if n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
			return n.Content[k]
		}
	}
	return nil
}

func valueNode(v any) *yaml.Node {
	switch v := v.(type) {
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	case []string:
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
		for _, e := range v {
			s.Content = append(s.Content, valueNode(e))
		}
		return s
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
	case float64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(v, 'g', -1, 64)}
	}
	panic(fmt.Sprintf("yamldoc: unsupported value %T", v))
}

func (d *yamlDoc) Set(p Path, v any) error {
	if v == nil {
		return d.Delete(p)
	}
	parent := d.Get(p[:len(p)-1])
	if parent == nil {
		// Make missing mappings on the way.
		if err := d.Set(p[:len(p)-1], map[string]any(nil)); err != nil {
			return err
		}
		parent = d.Get(p[:len(p)-1])
	}
	key := p[len(p)-1]
	nv := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	if _, ok := v.(map[string]any); !ok {
		nv = valueNode(v)
	}
	switch k := key.(type) {
	case string:
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == k {
				old := parent.Content[i+1]
				if old.Kind == yaml.ScalarNode && nv.Kind == yaml.ScalarNode {
					nv.Style, nv.LineComment = old.Style, old.LineComment
				}
				parent.Content[i+1] = nv
				return nil
			}
		}
		parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, nv)
	case int:
		if k < 0 || k >= len(parent.Content) {
			return fmt.Errorf("no item %d", k)
		}
		parent.Content[k] = nv
	}
	return nil
}

func (d *yamlDoc) Delete(p Path) error {
	parent := d.Get(p[:len(p)-1])
	if parent == nil {
		return nil
	}
	switch k := p[len(p)-1].(type) {
	case string:
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == k {
				parent.Content = append(parent.Content[:i], parent.Content[i+2:]...)
				return nil
			}
		}
	case int:
		if k >= 0 && k < len(parent.Content) {
			parent.Content = append(parent.Content[:k], parent.Content[k+1:]...)
		}
	}
	return nil
}

func (d *yamlDoc) Insert(p Path, i int, item []KV) error {
	seq := d.Get(p)
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return fmt.Errorf("%v is not a list", p)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range item {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: kv.Key}, valueNode(kv.Value))
	}
	if i < 0 || i > len(seq.Content) {
		i = len(seq.Content)
	}
	seq.Content = append(seq.Content[:i], append([]*yaml.Node{m}, seq.Content[i:]...)...)
	return nil
}

func (d *yamlDoc) Move(p Path, from, to int) error {
	seq := d.Get(p)
	if seq == nil || seq.Kind != yaml.SequenceNode || from < 0 || from >= len(seq.Content) || to < 0 || to >= len(seq.Content) {
		return fmt.Errorf("cannot move item %d to %d", from, to)
	}
	n := seq.Content[from]
	seq.Content = append(seq.Content[:from], seq.Content[from+1:]...)
	seq.Content = append(seq.Content[:to], append([]*yaml.Node{n}, seq.Content[to:]...)...)
	return nil
}
