package form

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"

	"github.com/tiepdan/tiepdan/model"
)

// Drafter is a page that can hand over what was typed into it and not
// saved, and take it back on the next login.
type Drafter interface {
	// Draft returns the page's unsaved draft; false when nothing differs
	// from what it opened with, or when the page keeps no drafts.
	Draft() (model.Draft, bool)
	// DraftID names the page's draft, whether or not one is kept.
	DraftID() string
	// Restore puts a draft's values back into the form.
	Restore(d model.Draft)
}

// DraftID names the form's draft: the record's kind and id when editing,
// a name made when the form opened for a new record.
func (m *Model[T, P]) DraftID() string {
	if m.draftID == "" {
		var p P = &m.rec
		if id := p.Base().ID; id != 0 {
			m.draftID = fmt.Sprintf("%s:%d", p.Kind(), id)
		} else {
			m.draftID = fmt.Sprintf("%s:new:%d.%08x", p.Kind(), m.opened.UnixNano(), rand.Uint32())
		}
	}
	return m.draftID
}

// Draft returns the fields' texts, but never a secret (a password) or a
// private field (a protected identity), and nothing for a form that edits
// something other than a stored record (a filter).
func (m *Model[T, P]) Draft() (model.Draft, bool) {
	if m.result != nil || !m.Dirty() {
		return model.Draft{}, false
	}
	var p P = &m.rec
	base, err := json.Marshal(p)
	if err != nil {
		return model.Draft{}, false
	}
	d := model.Draft{ID: m.DraftID(), Kind: p.Kind(), RecordID: p.Base().ID, Title: m.title, Base: base, Link: m.link,
		Values: map[string]string{}, Labels: map[string]string{}, Focus: m.fields[m.focus].Key}
	for i, f := range m.fields {
		if f.Secret || f.Private {
			continue
		}
		d.Values[f.Key] = m.values[i]
		if v := m.values[i]; m.labels[i] != "" && v != "" && v != "0" {
			d.Labels[f.Key] = m.labels[i]
		}
	}
	return d, true
}

// Restore puts d's values into the fields of the same keys; the form then
// differs from the record it opened with, so leaving it asks first, and
// saving it drops the draft.
func (m *Model[T, P]) Restore(d model.Draft) {
	for i, f := range m.fields {
		v, ok := d.Values[f.Key]
		if !ok || f.Secret || f.Private {
			continue
		}
		if l, ok := d.Labels[f.Key]; ok || v != m.values[i] {
			m.labels[i] = l
		} // else: the label the form opened with ("Mở vụ việc mới")
		m.values[i] = v
		if isText(f.Kind) {
			m.inputs[i].SetValue(v)
		}
	}
	m.draftID = d.ID
	focus := m.focus
	for i, f := range m.fields {
		if f.Key == d.Focus {
			focus = i
		}
	}
	m.focusField(focus)
	m.status = m.c.T("draft.restored", model.FormatDateTime(d.SavedAt))
}

// WithLink records what else the form's save changes, so a draft restored
// saves the same way ("reception:12:3").
func (m *Model[T, P]) WithLink(link string) *Model[T, P] {
	m.link = link
	return m
}
