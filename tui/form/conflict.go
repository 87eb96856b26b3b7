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

// clash is one field the other clerk changed after this form opened: their
// saved value and what this clerk had, shown side by side; ^L switches the
// field between the two.
type clash struct {
	theirs, theirLabel string
	mine, mineLabel    string
	who                string
}

// merge brings the form onto the stored version without losing typing:
// for every field the other clerk changed, the form shows theirs and mine
// side by side under the field and uses theirs where this clerk had not
// touched it, mine where both changed it; ^L on the field switches. The
// status names who saved and when; the next F2 saves over the new version.
func (m *Model[T, P]) merge(r latestLoaded[T]) (common.Page, tea.Cmd) {
	if r.err != nil {
		m.status = m.c.ErrorText(r.err)
		return m, nil
	}
	m.syncValues()
	latest := r.rec
	meta := P(&latest).Base()
	name := m.c.StaffName(meta.UpdatedBy)
	var changed []string
	m.errs = map[string]string{}
	m.clashes = map[int]clash{}
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
		mine, mineLabel := m.values[i], m.labels[i]
		if mine != theirs && !f.Secret {
			m.clashes[i] = clash{theirs: theirs, theirLabel: theirLabel, mine: mine, mineLabel: mineLabel, who: name}
		}
		if mine == m.initial[i] {
			m.setValue(i, theirs, theirLabel)
		}
		m.initial[i] = theirs
	}
	m.rec = latest
	who := m.c.T("err.conflict_by", name, model.FormatDateTime(meta.UpdatedAt))
	if len(changed) == 0 {
		m.status = who + " " + m.c.T("err.conflict_same")
	} else {
		m.status = who + " " + m.c.T("err.conflict_fields", strings.Join(changed, ", ")) + " " + m.c.T("err.conflict_keep")
	}
	m.conflicted = true
	return m, nil
}

// setValue puts v (and a reference's label) into field i.
func (m *Model[T, P]) setValue(i int, v, label string) {
	m.values[i] = v
	if m.fields[i].Kind == Ref {
		m.labels[i] = label
	}
	if isText(m.fields[i].Kind) {
		m.inputs[i].SetValue(v)
		m.inputs[i].CursorEnd()
	}
}

// swapClash switches the focused field between the other clerk's value and
// this clerk's.
func (m *Model[T, P]) swapClash() bool {
	cl, ok := m.clashes[m.focus]
	if !ok {
		return false
	}
	m.syncValues()
	if m.values[m.focus] == cl.theirs {
		m.setValue(m.focus, cl.mine, cl.mineLabel)
	} else {
		m.setValue(m.focus, cl.theirs, cl.theirLabel)
	}
	m.fresh = false
	return true
}

// clashLines renders field i's two values side by side, in columns of the
// value column's width, the one in use marked ●.
func (m *Model[T, P]) clashLines(i, w int) []string {
	cl, ok := m.clashes[i]
	if !ok {
		return nil
	}
	st := m.c.Styles
	cur := m.values[i]
	col := max(12, (w-3)/2)
	mark := func(v string) string {
		if cur == v {
			return "● "
		}
		return "○ "
	}
	left := append([]string{vntext.Truncate(mark(cl.theirs)+m.c.T("form.clash_theirs", cl.who), col)},
		wrapCol(m.display(i, cl.theirs, cl.theirLabel), col)...)
	right := append([]string{vntext.Truncate(mark(cl.mine)+m.c.T("form.clash_mine"), col)},
		wrapCol(m.display(i, cl.mine, cl.mineLabel), col)...)
	pad := strings.Repeat(" ", labelWidth+3)
	var out []string
	for j := 0; j < max(len(left), len(right)); j++ {
		l, r := "", ""
		if j < len(left) {
			l = left[j]
		}
		if j < len(right) {
			r = right[j]
		}
		out = append(out, pad+st.Hint.Render(vntext.Pad(l, col)+" │ "+r))
	}
	if i == m.focus {
		out = append(out, pad+st.Hint.Render(vntext.Truncate(m.c.T("form.clash_key"), w)))
	}
	return out
}

// wrapCol breaks s into at most 4 lines of w cells.
func wrapCol(s string, w int) []string { return vntext.Wrap(s, w, 4) }

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
	return v
}

// wrapStatus breaks a long status into lines of at most w columns.
func wrapStatus(s string, w int) string { return strings.Join(vntext.Wrap(s, max(w, 20), 0), "\n") }
