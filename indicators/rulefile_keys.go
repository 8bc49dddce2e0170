package indicators

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// checkDuplicateKeys reports the first object in data that has the same key
// twice, which encoding/json would silently resolve to the last value. data
// is valid JSON.
func checkDuplicateKeys(data []byte) error {
	type frame struct {
		object bool
		key    bool // the next token of an object is a key
		keys   map[string]bool
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []frame
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return nil // syntax errors are reported by json.Unmarshal
		}
		top := len(stack) - 1
		if k, ok := tok.(string); ok && top >= 0 && stack[top].object && stack[top].key {
			if stack[top].keys[k] {
				line, col := lineCol(data, keyOffset(data, before))
				return fmt.Errorf("line %d, column %d: duplicate key %q", line, col, k)
			}
			stack[top].keys[k] = true
			stack[top].key = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, key: true, keys: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:top]
		}
		// A value ended: the parent object expects a key again.
		if top = len(stack) - 1; top >= 0 && stack[top].object {
			stack[top].key = true
		}
	}
}

// keyOffset moves past the separators between the previous token and a
// key, so that the position points at the key's opening quote.
func keyOffset(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', '{':
			off++
			continue
		}
		break
	}
	return off + 1
}
