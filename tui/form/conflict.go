package form

import (
	"errors"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
)

// latestLoaded carries the stored version of a record whose save met a
// conflict.
type latestLoaded[T any] struct {
	rec T
	err error
}

// Reloader is a record a form edits that is not one of the stored kinds
// (a wrapper with extra fields): it reads its own stored version.
type Reloader interface {
	Reload(s model.Store) (model.Record, error)
}

// loadLatest reads the stored version of rec from s.
func loadLatest(s model.Store, rec model.Record) (model.Record, error) {
	id := rec.Base().ID
	switch rec := rec.(type) {
	case Reloader:
		return rec.Reload(s)
	case *model.Citizen:
		x, err := s.Citizen(id)
		return &x, err
	case *model.ReceptionSession:
		x, err := s.Session(id)
		return &x, err
	case *model.Reception:
		x, err := s.Reception(id)
		return &x, err
	case *model.Petition:
		x, err := s.Petition(id)
		return &x, err
	case *model.Dossier:
		x, err := s.Dossier(id)
		return &x, err
	case *model.Office:
		x, err := s.Office()
		return &x, err
	}
	return nil, errors.New("form: no loader for this kind")
}

// conflict asks for the stored version after a save found that someone
// else saved first.
func (m *Model[T, P]) conflict() tea.Cmd {
	store, rec := m.c.Store, m.rec
	return common.Do(m.id, func() tea.Msg {
		latest, err := loadLatest(store, P(&rec))
		if err != nil {
			return latestLoaded[T]{err: err}
		}
		return latestLoaded[T]{rec: *(latest.(P))}
	})
}

// merge brings the form onto the stored version without losing typing:
// fields the clerk did not touch take the other person's values; fields
// both changed keep what the clerk typed and say what the other saved. The
// status names who saved, when, and which fields they changed; the next F2
// saves over the new version.
func (m *Model[T, P]) merge(r latestLoaded[T]) (common.Page, tea.Cmd) {
	if r.err != nil {
		m.status = m.c.ErrorText(r.err)
		return m, nil
	}
	m.syncValues()
	latest := r.rec
	var changed []string
	m.errs = map[string]string{}
	for i, f := range m.fields {
		theirs := f.Get(&latest)
		if theirs == m.initial[i] {
			continue
		}
		changed = append(changed, m.label(i))
		theirLabel := theirs
		if f.Kind == Ref && f.RefLabel != nil {
			theirLabel = f.RefLabel(&latest)
		}
		if m.values[i] == m.initial[i] {
			m.values[i] = theirs
			if f.Kind == Ref {
				m.labels[i] = theirLabel
			}
			if isText(f.Kind) {
				m.inputs[i].SetValue(theirs)
			}
		} else {
			m.errs[f.Key] = m.c.T("form.conflict_theirs", m.display(i, theirs, theirLabel))
		}
		m.initial[i] = theirs
	}
	m.rec = latest
	meta := P(&m.rec).Base()
	who := m.c.T("err.conflict_by", m.c.StaffName(meta.UpdatedBy), model.FormatDateTime(meta.UpdatedAt))
	if len(changed) == 0 {
		m.status = who + " " + m.c.T("err.conflict_same")
	} else {
		m.status = who + " " + m.c.T("err.conflict_fields", strings.Join(changed, ", ")) + " " + m.c.T("err.conflict_keep")
	}
	m.conflicted = true
	return m, nil
}

// label is the field's label without the required mark.
func (m *Model[T, P]) label(i int) string {
	if m.fields[i].Label != "" {
		return m.c.T(m.fields[i].Label)
	}
	return m.c.T("field." + m.fields[i].Key)
}

// display renders a field value as the form shows it.
func (m *Model[T, P]) display(i int, v, refLabel string) string {
	f := m.fields[i]
	switch f.Kind {
	case Choice:
		for _, o := range f.Options {
			if o.Code == v {
				return o.Label
			}
		}
	case Bool:
		if v != "" {
			return m.c.T("form.yes")
		}
		return m.c.T("form.no")
	case Ref:
		return refLabel
	}
	if v == "" {
		return m.c.T("form.empty")
	}
	return vntext.Truncate(v, 40)
}

// wrapStatus breaks a long status into lines of at most w columns.
func wrapStatus(s string, w int) string {
	if w < 20 {
		w = 20
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return strings.Join(append(lines, line), "\n")
}
