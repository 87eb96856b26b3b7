package form

import (
	"errors"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/common"
)

func (m *Model[T, P]) submit() (common.Page, tea.Cmd) {
	rec, errs := m.build()
	// Validate even when some text did not parse, so every problem shows
	// at once; a parse error wins over what validation says of that field.
	check := rec
	p := P(&check)
	p.Normalize()
	var ve *model.ValidationError
	if err := p.Validate(m.c.Now()); errors.As(err, &ve) {
		for _, fe := range ve.Fields {
			if _, seen := errs[fe.Field]; !seen {
				errs[fe.Field] = m.c.Cat.FieldError(fe.Code, fe.Args...)
			}
		}
	}
	m.errs = errs
	m.conflicted = false
	if len(errs) > 0 {
		m.status = m.c.T("form.has_errors", len(errs))
		m.focusFirstError()
		return m, nil
	}
	// Save the normalised record, so forms whose result is not stored (a
	// filter) hand back cleaned values too.
	rec = check
	if m.confirmFn != nil && !m.armed {
		if text := m.confirmFn(&m.rec, &rec); text != "" {
			// a change that cannot be taken back asks for a second F2
			m.armed, m.status = true, text
			return m, nil
		}
	}
	m.armed = false
	m.saving, m.status = true, m.c.T("form.saving")
	save := m.save
	return m, common.Do(m.id, func() tea.Msg {
		err := save(P(&rec))
		return saveResult[T]{rec: rec, err: err}
	})
}

func (m *Model[T, P]) focusFirstError() {
	for i, f := range m.fields {
		if _, bad := m.errs[f.Key]; bad {
			m.focusField(i)
			return
		}
	}
}

func (m *Model[T, P]) saved(r saveResult[T]) (common.Page, tea.Cmd) {
	m.saving = false
	if r.err == nil && m.result != nil {
		return m, m.c.Pop(m.result(r.rec))
	}
	if r.err == nil {
		p := P(&r.rec)
		return m, m.c.Pop(Saved{Kind: p.Kind(), ID: p.Base().ID, Record: r.rec})
	}
	var ve *model.ValidationError
	if errors.As(r.err, &ve) {
		for _, fe := range ve.Fields {
			m.errs[fe.Field] = m.c.Cat.FieldError(fe.Code, fe.Args...)
		}
		m.focusFirstError()
	}
	m.status = m.c.ErrorText(r.err)
	if errors.Is(r.err, model.ErrConflict) && P(&m.rec).Base().ID != 0 {
		return m, m.conflict()
	}
	return m, nil
}

// WithConfirm asks for a second F2 when confirm, given the record as it
// opened and as it is about to be saved, returns a message saying what the
// save will do that cannot be taken back (a denunciation turned into
// another kind, identities destroyed).
func (m *Model[T, P]) WithConfirm(confirm func(was, is *T) string) *Model[T, P] {
	m.confirmFn = confirm
	return m
}
