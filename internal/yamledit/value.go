package yamledit

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The values an edit writes, after normalize: string, bool, int, float64,
// seqVal (a list) and mapVal (a mapping, in order).
type (
	seqVal []any
	mapVal []KV
)

// maxKeyBytes bounds a key: the YAML library reads a key of more than 1024
// characters as an error.
const maxKeyBytes = 1000

// normalize checks that v is a value Set can write and turns lists and
// mappings into seqVal and mapVal. A KV whose Value is nil is left out.
func normalize(p Path, v any) (any, error) {
	switch v := v.(type) {
	case string:
		if !utf8.ValidString(v) {
			return nil, errorf(p, "the text is not valid UTF-8")
		}
		return v, nil
	case bool, float64:
		return v, nil
	case int:
		return v, nil
	case []string:
		s := make(seqVal, len(v))
		for i, e := range v {
			x, err := normalize(append(p[:len(p):len(p)], i), e)
			if err != nil {
				return nil, err
			}
			s[i] = x
		}
		return s, nil
	case []any:
		s := make(seqVal, len(v))
		for i, e := range v {
			if e == nil {
				return nil, errorf(append(p[:len(p):len(p)], i), "a list item cannot be nil")
			}
			x, err := normalize(append(p[:len(p):len(p)], i), e)
			if err != nil {
				return nil, err
			}
			s[i] = x
		}
		return s, nil
	case []KV:
		m := make(mapVal, 0, len(v))
		seen := map[string]bool{}
		for _, kv := range v {
			kp := append(p[:len(p):len(p)], kv.Key)
			if seen[kv.Key] {
				return nil, errorf(kp, "the key is given twice")
			}
			seen[kv.Key] = true
			if !utf8.ValidString(kv.Key) {
				return nil, errorf(kp, "the key is not valid UTF-8")
			}
			if len(kv.Key) > maxKeyBytes {
				return nil, errorf(kp, "the key is longer than %d bytes", maxKeyBytes)
			}
			if kv.Value == nil {
				continue
			}
			x, err := normalize(kp, kv.Value)
			if err != nil {
				return nil, err
			}
			m = append(m, KV{kv.Key, x})
		}
		return m, nil
	case nil:
		return nil, errorf(p, "nil is not a value here")
	}
	return nil, errorf(p, "cannot write a %T (use string, []string, bool, int, float64 or []KV)", v)
}

// hint is how the value a new one replaces, or its neighbours, are written,
// so that the new one can be written the same way.
type hint struct {
	style scalarStyle
	// flow is 1 for a flow collection ([a, b]), 2 for a block one, 0 if
	// not known.
	flow int
	// blockIndent is the content column of a block scalar.
	blockIndent int
	// keyOff is, for a mapping that is a list item, its keys' column minus
	// the dash's (2 in "- id: x").
	keyOff int
	keys   map[string]*hint
	items  *hint
}

// hintOf describes how n is written (nil for nothing to go by).
func (d *Doc) hintOf(n *yaml.Node) *hint {
	if n == nil || isNull(n) || n.Kind == yaml.AliasNode {
		return nil
	}
	h := &hint{}
	s := d.spans[n]
	switch n.Kind {
	case yaml.ScalarNode:
		h.style = styleOf(n)
		if s != nil && (h.style == styleLiteral || h.style == styleFolded) {
			h.blockIndent = s.blockIndent
		}
	case yaml.SequenceNode:
		h.flow = 2
		if n.Style&yaml.FlowStyle != 0 {
			h.flow = 1
		}
		if len(n.Content) > 0 {
			h.items = d.hintOf(n.Content[0])
		}
	case yaml.MappingNode:
		h.flow = 2
		if n.Style&yaml.FlowStyle != 0 {
			h.flow = 1
		}
		h.keys = map[string]*hint{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if _, dup := h.keys[n.Content[i].Value]; !dup {
				h.keys[n.Content[i].Value] = d.hintOf(n.Content[i+1])
			}
		}
	}
	return h
}

// itemHint is hintOf for a list item, with where its keys are.
func (d *Doc) itemHint(item *yaml.Node, dash int) *hint {
	h := d.hintOf(item)
	if h != nil && item.Kind == yaml.MappingNode && item.Style&yaml.FlowStyle == 0 && len(item.Content) > 0 {
		if s := d.spans[item.Content[0]]; s != nil && d.t.line(s.start) == d.t.line(dash) {
			h.keyOff = d.t.column(s.start) - d.t.column(dash)
		}
	}
	return h
}

func (h *hint) key(k string) *hint {
	if h == nil || h.keys == nil {
		return nil
	}
	return h.keys[k]
}

func (h *hint) item() *hint {
	if h == nil {
		return nil
	}
	return h.items
}

// or returns h, or else g when h says nothing.
func (h *hint) or(g *hint) *hint {
	if h == nil {
		return g
	}
	return h
}

// vnode is a node's meaning without its layout: what an edit must keep, or
// change in exactly the way asked.
type vnode struct {
	kind   yaml.Kind
	tag    string // scalars: the resolved tag (!!str, !!int, ...)
	value  string // scalars: the value; aliases: the anchor's name
	anchor string
	kids   []*vnode
}

func vtree(n *yaml.Node) *vnode {
	if n == nil {
		return nil
	}
	v := &vnode{kind: n.Kind, anchor: n.Anchor}
	switch n.Kind {
	case yaml.ScalarNode:
		v.tag, v.value = n.ShortTag(), n.Value
	case yaml.AliasNode:
		v.value = n.Value
	}
	for _, c := range n.Content {
		v.kids = append(v.kids, vtree(c))
	}
	return v
}

func (v *vnode) equal(w *vnode) bool {
	if v == nil || w == nil {
		return v == w
	}
	if v.kind != w.kind || v.tag != w.tag || v.value != w.value || v.anchor != w.anchor || len(v.kids) != len(w.kids) {
		return false
	}
	for i := range v.kids {
		if !v.kids[i].equal(w.kids[i]) {
			return false
		}
	}
	return true
}

func (v *vnode) clone() *vnode {
	if v == nil {
		return nil
	}
	c := *v
	c.kids = make([]*vnode, len(v.kids))
	for i, k := range v.kids {
		c.kids[i] = k.clone()
	}
	return &c
}

// vnodeOf is the meaning of a value an edit writes.
func vnodeOf(v any) *vnode {
	switch v := v.(type) {
	case string:
		return &vnode{kind: yaml.ScalarNode, tag: "!!str", value: v}
	case bool:
		return &vnode{kind: yaml.ScalarNode, tag: "!!bool", value: strconv.FormatBool(v)}
	case int:
		return &vnode{kind: yaml.ScalarNode, tag: "!!int", value: strconv.Itoa(v)}
	case float64:
		s := formatFloat(v)
		tag := "!!float"
		if _, err := strconv.ParseInt(s, 10, 64); err == nil {
			tag = "!!int"
		}
		return &vnode{kind: yaml.ScalarNode, tag: tag, value: s}
	case seqVal:
		n := &vnode{kind: yaml.SequenceNode}
		for _, e := range v {
			n.kids = append(n.kids, vnodeOf(e))
		}
		return n
	case mapVal:
		n := &vnode{kind: yaml.MappingNode}
		for _, kv := range v {
			n.kids = append(n.kids, vnodeOf(kv.Key), vnodeOf(kv.Value))
		}
		return n
	}
	panic(fmt.Sprintf("yamledit: vnodeOf(%T)", v))
}

// scalarToken writes a bool, int or float64.
func scalarToken(v any) (string, bool) {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v), true
	case int:
		return strconv.Itoa(v), true
	case float64:
		return formatFloat(v), true
	}
	return "", false
}
