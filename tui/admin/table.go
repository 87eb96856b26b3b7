package admin

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/register"
)

// column is one column of a settings table: a catalogue key and a width.
type column struct {
	title string
	width int
}

// Table is a settings list (the procedure catalogue, the deadline rules):
// rows loaded from the store, ^N adds one, Enter edits the selected one in
// a form; the list reloads when the form returns.
type Table[T any] struct {
	c     *common.Common
	id    int
	title string
	cols  []column
	load  func(c *common.Common) ([]T, error)
	cells func(c *common.Common, v *T) []string
	edit  func(c *common.Common, v *T) common.Page // nil v: a new row
	items []T
	sel   int
	top   int
	err   string
}

type tableLoaded[T any] struct {
	items []T
	err   error
}

// ID returns the page id.
func (t *Table[T]) ID() int { return t.id }

// Init loads the rows.
func (t *Table[T]) Init() tea.Cmd {
	c, load := t.c, t.load
	return common.Do(t.id, func() tea.Msg {
		items, err := load(c)
		return tableLoaded[T]{items: items, err: err}
	})
}

// Title names the table.
func (t *Table[T]) Title() string { return t.c.T(t.title) }

// Dirty is false.
func (t *Table[T]) Dirty() bool { return false }

// Help lists the keys.
func (t *Table[T]) Help() []common.KeyHelp {
	k := t.c.Keys
	return append(common.Help(k.New), common.KeyHelp{Key: "Enter", Desc: t.c.T("key.edit")}, common.KeyHelp{Key: "Esc", Desc: t.c.T("key.back")})
}

// Items returns the rows (tests).
func (t *Table[T]) Items() []T { return t.items }

// Update moves, adds, edits and reloads.
func (t *Table[T]) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := t.c.Keys
	switch msg := msg.(type) {
	case tableLoaded[T]:
		t.items, t.err = msg.items, ""
		if msg.err != nil {
			t.err = t.c.ErrorText(msg.err)
		}
		t.sel = min(t.sel, max(0, len(t.items)-1))
	case common.Returned:
		return t, t.Init()
	case tea.KeyMsg:
		switch {
		case msg.Type == tea.KeyUp && t.sel > 0:
			t.sel--
		case msg.Type == tea.KeyDown && t.sel < len(t.items)-1:
			t.sel++
		case key.Matches(msg, k.New):
			return t, t.c.Push(t.edit(t.c, nil))
		case key.Matches(msg, k.Open) && len(t.items) > 0:
			v := t.items[t.sel]
			return t, t.c.Push(t.edit(t.c, &v))
		case key.Matches(msg, k.Back):
			return t, t.c.Pop(nil)
		}
	}
	h := t.rows()
	t.top = max(0, min(t.top, t.sel), t.sel-h+1)
	return t, nil
}

// rows is how many rows fit under the header.
func (t *Table[T]) rows() int { return max(1, t.c.Height-5) }

// View draws the header and the rows that fit.
func (t *Table[T]) View() string {
	st := t.c.Styles
	if t.err != "" {
		return st.Error.Render(t.err)
	}
	h := t.rows()
	row := func(cells []string) string {
		parts := make([]string, len(t.cols))
		for i, col := range t.cols {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			parts[i] = register.Cell(v, col.width)
		}
		return vntext.Truncate(strings.Join(parts, " "), t.c.Width-1)
	}
	heads := make([]string, len(t.cols))
	for i, col := range t.cols {
		heads[i] = t.c.T(col.title)
	}
	lines := []string{st.Header.Render(row(heads))}
	if len(t.items) == 0 {
		lines = append(lines, st.Dim.Render(t.c.T("list.empty")))
	}
	for i := t.top; i < len(t.items) && i < t.top+h; i++ {
		line := row(t.cells(t.c, &t.items[i]))
		if i == t.sel {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
