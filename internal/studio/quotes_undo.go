package studio

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"sync"

	"go.yaml.in/yaml/v3"
)

// undoStore keeps deleted quotes for a while, so a delete can be undone.
type undoStore struct {
	mu   sync.Mutex
	next int
	m    map[string]undoRecord
}

type undoRecord struct {
	index int
	kvs   []KV
	label string
}

func (u *undoStore) put(r undoRecord) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.m == nil || len(u.m) > 100 {
		u.m = map[string]undoRecord{}
	}
	u.next++
	k := strconv.Itoa(u.next)
	u.m[k] = r
	return k
}

func (u *undoStore) get(k string) (undoRecord, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	r, ok := u.m[k]
	return r, ok
}

func (u *undoStore) take(k string) (undoRecord, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	r, ok := u.m[k]
	delete(u.m, k)
	return r, ok
}

// itemKVs reads a quote's fields in their order, for undo.
func itemKVs(n *yaml.Node) []KV {
	var kvs []KV
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		switch v.Kind {
		case yaml.ScalarNode:
			kvs = append(kvs, KV{Key: k, Value: v.Value})
		case yaml.SequenceNode:
			var l []string
			for _, e := range v.Content {
				l = append(l, e.Value)
			}
			kvs = append(kvs, KV{Key: k, Value: l})
		}
	}
	return kvs
}

func (s *Server) quoteDelete(w http.ResponseWriter, r *http.Request) {
	i, err := strconv.Atoi(r.PostFormValue("index"))
	if err != nil {
		s.refuse(w, r, http.StatusBadRequest, "Which quote? Reload the page and try again.")
		return
	}
	var rec undoRecord
	err = s.saveYAML(quotesFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		n := doc.Get(Path{"quotes", i})
		if n == nil {
			return fmt.Errorf("there is no quote %d; reload the page", i+1)
		}
		if seq := doc.Get(Path{"quotes"}); len(seq.Content) == 1 {
			return fmt.Errorf("this is the only quote; add another before deleting it")
		}
		rec = undoRecord{index: i, kvs: itemKVs(n), label: rawFields(n)["author"]}
		return doc.Delete(Path{"quotes", i})
	}, func([]byte) error { return nil })
	if errors.Is(err, errConflict) {
		s.conflict(w, r, quotesFile, nil)
		return
	}
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "message", page{Title: "Not deleted", Error: err.Error()})
		return
	}
	k := s.undo.put(rec)
	http.Redirect(w, r, "/quotes?done=deleted&undo="+k, http.StatusSeeOther)
}

func (s *Server) quoteUndo(w http.ResponseWriter, r *http.Request) {
	rec, ok := s.undo.take(r.PostFormValue("undo"))
	if !ok {
		s.render(w, r, http.StatusGone, "message", page{Title: "Nothing to undo", Error: "That delete can no longer be undone."})
		return
	}
	err := s.saveYAML(quotesFile, r.PostFormValue("rev"), func(doc *yamlDoc) error {
		seq := doc.Get(Path{"quotes"})
		return doc.Insert(Path{"quotes"}, min(rec.index, len(seq.Content)), rec.kvs)
	}, func([]byte) error { return nil })
	if errors.Is(err, errConflict) {
		s.conflict(w, r, quotesFile, nil)
		return
	}
	if err != nil {
		s.render(w, r, http.StatusInternalServerError, "message", page{Title: "Not restored", Error: err.Error()})
		return
	}
	http.Redirect(w, r, "/quotes?done=saved&edit="+strconv.Itoa(rec.index), http.StatusSeeOther)
}
