package form

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// View renders the fields that fit, scrolled to keep the focused one shown,
// and the form's status line.
func (m *Model[T, P]) View() string {
	m.syncValues()
	st := m.c.Styles
	inputW := m.inputWidth()
	m.fitInputs()
	var lines []string
	focusLine, focusEnd := 0, 0
	for i, f := range m.fields {
		label := m.c.T("field." + f.Key)
		if f.Label != "" {
			label = m.c.T(f.Label)
		}
		if f.Required {
			label += " *"
		}
		whole := label
		label = padRight(label, labelWidth)
		marker := "  "
		ls := st.Label
		if i == m.focus {
			marker, ls = "▸ ", st.LabelFocus
			focusLine = len(lines)
		}
		value := m.renderValue(i, inputW)
		var more []string
		if f.Kind == Ref && lipgloss.Width(m.labels[i]) > inputW-12 {
			// a long name (a procedure) wraps under itself, never cut
			parts := wrapCol(m.labels[i], inputW-1)
			value = parts[0]
			if i == m.focus {
				value = st.Selected.Render(value)
			}
			for _, p := range parts[1:] {
				more = append(more, strings.Repeat(" ", labelWidth+3)+p)
			}
		}
		lines = append(lines, marker+ls.Render(label)+" "+value)
		lines = append(lines, more...)
		if i == m.focus && lipgloss.Width(whole) > labelWidth {
			// the label column cut it: the focused field shows it whole
			lines = append(lines, "  "+st.Hint.Render(truncate(whole, m.c.Width-3)))
		}
		if i == m.focus && m.c.Cat.Has("help."+f.Key) {
			// what the field is for, when its name does not say
			for _, l := range strings.Split(wrapStatus(m.c.T("help."+f.Key), m.c.Width-5), "\n") {
				lines = append(lines, "  "+st.Hint.Render(l))
			}
		}
		// a message under a field wraps in the value column, never cut
		under := func(mark, text string, s lipgloss.Style) {
			for j, l := range vntext.Wrap(text, m.c.Width-labelWidth-6, 0) {
				if j > 0 {
					mark = "  "
				}
				lines = append(lines, strings.Repeat(" ", labelWidth+3)+s.Render(mark+l))
			}
		}
		if e, bad := m.errs[f.Key]; bad {
			under("↳ ", e, st.Error)
		}
		lines = append(lines, m.clashLines(i, m.c.Width-labelWidth-4)...)
		if f.Warn != nil {
			if w := f.Warn(m.values[i]); w != "" {
				under("⚠ ", m.c.T(w), st.Hint)
			}
		}
		if i == m.focus {
			focusEnd = len(lines) - 1
		}
	}
	status := ""
	if m.status != "" {
		status = wrapStatus(m.status, m.c.Width-1)
	}
	height := m.c.Height - 5 - strings.Count(status, "\n") - 1
	if height < 3 {
		height = 3
	}
	start := 0
	// the focused field's lines (its whole label, its error) stay shown
	if focusEnd >= height-1 {
		start = focusEnd - height + 2
	}
	if start > focusLine-1 && focusLine > 0 {
		start = focusLine - 1
	}
	end := start + height
	if end > len(lines) {
		end = len(lines)
	}
	out := lines[start:end]
	if start > 0 {
		out[0] = st.Dim.Render("  ↑ …")
	}
	if end < len(lines) {
		out[len(out)-1] = st.Dim.Render("  ↓ …")
	}
	body := strings.Join(out, "\n")
	if m.status != "" {
		s := st.Status
		if len(m.errs) > 0 || m.confirm || m.conflicted {
			s = st.Error
		}
		body += "\n" + s.Render(status)
	}
	return body
}

func (m *Model[T, P]) renderValue(i, w int) string {
	f := m.fields[i]
	st := m.c.Styles
	focused := i == m.focus
	switch f.Kind {
	case Choice:
		label := m.c.T("form.none")
		for _, o := range f.Options {
			if o.Code == m.values[i] {
				label = o.Label
			}
		}
		if focused {
			hint := m.c.T("form.choice_hint")
			if m.typed != "" {
				hint = m.c.T("form.choice_typed", m.typed)
			}
			v := "‹ " + truncate(label, w-4) + " ›"
			return st.Selected.Render(v) + fitAfter(" "+hint, w-vntext.Width(v), st.Hint)
		}
		return truncate(label, w)
	case Bool:
		v := "[ ] " + m.c.T("form.no")
		if m.values[i] != "" {
			v = "[x] " + m.c.T("form.yes")
		}
		if focused {
			return st.Selected.Render(v)
		}
		return v
	case Ref:
		v, hint := truncate(m.labels[i], w), m.labels[i] == ""
		if hint {
			v = truncate(m.c.T("form.pick_hint"), w)
		}
		switch {
		case focused:
			return st.Selected.Render(v) + fitAfter(" "+m.c.T("form.pick_key"), w-vntext.Width(v), st.Hint)
		case hint:
			return st.Hint.Render(v)
		}
		return v
	}
	in := m.inputs[i]
	if !focused {
		if f.Secret {
			return truncate(strings.Repeat("•", len([]rune(in.Value()))), w)
		}
		return truncate(in.Value(), w)
	}
	if m.fresh {
		// selected: the next character typed replaces it
		return st.Selected.Render(truncate(in.Value(), w))
	}
	return in.View()
}

func padRight(s string, w int) string {
	n := lipgloss.Width(s)
	if n >= w {
		return truncate(s, w)
	}
	return s + strings.Repeat(" ", w-n)
}

// fitAfter renders a hint after a value in the w cells left, or nothing
// when it does not fit whole (the footer says the same).
func fitAfter(hint string, w int, st lipgloss.Style) string {
	if vntext.Width(hint) > w {
		return ""
	}
	return st.Render(hint)
}

// truncate cuts s to w display cells, marking the cut with "…".
func truncate(s string, w int) string { return vntext.Truncate(s, w) }

// inputWidth is the value column's width in cells.
func (m *Model[T, P]) inputWidth() int { return max(10, m.c.Width-labelWidth-3) }

// fitInputs gives the text inputs the value column's width, less the
// cursor's cell, so a long text scrolls inside it and the cursor stays
// on screen; each input's scroll is recomputed when the width changes.
func (m *Model[T, P]) fitInputs() {
	w := m.inputWidth() - 1
	for i, f := range m.fields {
		if isText(f.Kind) && m.inputs[i].Width != w {
			m.inputs[i].Width = w
			m.inputs[i].SetCursor(m.inputs[i].Position())
		}
	}
}
