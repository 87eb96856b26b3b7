package form

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/tui/common"
)

// key handles a key for the focused field: save, leave (asking first when
// something was typed), move between fields, pick, or edit the value.
func (m *Model[T, P]) key(msg tea.KeyMsg) (common.Page, tea.Cmd) {
	k := m.c.Keys
	f := m.fields[m.focus]
	if !key.Matches(msg, k.Back) {
		m.confirm = false
	}
	if !key.Matches(msg, k.Save) {
		m.armed = false
	}
	switch {
	case m.saving:
		return m, nil
	case key.Matches(msg, k.Save):
		return m.submit()
	case key.Matches(msg, k.Back):
		if m.Dirty() && !m.confirm {
			m.confirm = true
			m.status = m.c.T("form.confirm_discard")
			return m, nil
		}
		return m, m.c.Pop(nil)
	case msg.Type == tea.KeyTab, msg.Type == tea.KeyDown:
		m.focusField(m.focus + 1)
		return m, nil
	case msg.Type == tea.KeyShiftTab, msg.Type == tea.KeyUp:
		m.focusField(m.focus - 1)
		return m, nil
	case msg.Type == tea.KeyCtrlL && m.swapClash():
		return m, nil
	case f.Kind == Ref && key.Matches(msg, k.Pick) && (f.Pick != nil || f.PickFor != nil):
		return m, m.c.Push(m.picker(f, ""))
	case msg.Type == tea.KeyEnter:
		if m.focus == len(m.fields)-1 {
			return m.submit()
		}
		m.focusField(m.focus + 1)
		return m, nil
	}
	switch f.Kind {
	case Choice:
		m.cycle(msg)
	case Bool:
		if msg.Type == tea.KeySpace || msg.Type == tea.KeyLeft || msg.Type == tea.KeyRight {
			if m.values[m.focus] == "" {
				m.values[m.focus] = "1"
			} else {
				m.values[m.focus] = ""
			}
		}
	case Ref:
		if msg.Type == tea.KeyRunes && (f.Pick != nil || f.PickFor != nil) {
			// Typing on a reference starts a search with what was typed.
			return m, m.c.Push(m.picker(f, string(msg.Runes)))
		}
	default:
		if m.fresh && msg.Type == tea.KeyRunes {
			// as in a spreadsheet cell: typing replaces the value
			m.inputs[m.focus].SetValue("")
		}
		m.fresh = false
		m.fitInputs()
		var cmd tea.Cmd
		m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
		return m, cmd
	}
	return m, nil
}

// picker builds f's picker page for query.
func (m *Model[T, P]) picker(f Field[T], query string) common.Page {
	if f.PickFor != nil {
		rec, _ := m.build()
		return f.PickFor(&rec, query)
	}
	return f.Pick(query)
}
