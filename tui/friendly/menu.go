// Package friendly is what the desk records besides the three registers,
// for the "friendly government" part of the reports (F8): dialogue
// conferences, satisfaction survey batches and the letters the office
// sends, each a register with its list, form and page.
package friendly

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/register"
)

// Menu lists the three registers; a digit opens one at once.
type Menu struct {
	c   *common.Common
	id  int
	sel int
}

type entry struct {
	label string
	open  func(c *common.Common) common.Page
}

func entries() []entry {
	return []entry{
		{"friendly.dialogues", func(c *common.Common) common.Page { return register.NewList(c, DialogueList(c)) }},
		{"friendly.surveys", func(c *common.Common) common.Page { return register.NewList(c, SurveyList(c)) }},
		{"friendly.letters", func(c *common.Common) common.Page { return register.NewList(c, LetterList(c)) }},
	}
}

// Open pushes the menu.
func Open(c *common.Common) tea.Cmd { return c.Push(&Menu{c: c, id: c.NewPageID()}) }

// ID returns the page id.
func (m *Menu) ID() int { return m.id }

// Init does nothing.
func (m *Menu) Init() tea.Cmd { return nil }

// Title names the menu.
func (m *Menu) Title() string { return m.c.T("friendly.title") }

// Dirty is false.
func (m *Menu) Dirty() bool { return false }

// Help lists the live keys.
func (m *Menu) Help() []common.KeyHelp { return common.Help(m.c.Keys.Open, m.c.Keys.Back) }

// Update moves, opens and leaves.
func (m *Menu) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	es := entries()
	switch {
	case k.Type == tea.KeyUp && m.sel > 0:
		m.sel--
	case k.Type == tea.KeyDown && m.sel < len(es)-1:
		m.sel++
	case key.Matches(k, m.c.Keys.Back):
		return m, m.c.Pop(nil)
	case key.Matches(k, m.c.Keys.Open):
		return m, m.c.Push(es[m.sel].open(m.c))
	case k.Type == tea.KeyRunes && len(k.Runes) == 1 && k.Runes[0] >= '1' && int(k.Runes[0]-'1') < len(es):
		m.sel = int(k.Runes[0] - '1')
		return m, m.c.Push(es[m.sel].open(m.c))
	}
	return m, nil
}

// View draws the menu.
func (m *Menu) View() string {
	var b strings.Builder
	for i, e := range entries() {
		line := " " + string(rune('1'+i)) + ". " + m.c.T(e.label) + " "
		if i == m.sel {
			line = m.c.Styles.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
