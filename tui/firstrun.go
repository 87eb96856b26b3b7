package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/setup"
)

// firstRun is what a new desk sees on a file with no office yet: set up
// the real office, or look around a living demo office first (a file of
// its own, the real one left untouched).
type firstRun struct {
	c   *common.Common
	id  int
	sel int
}

// firstRunChoice is the choice made: the demo office, or the real set-up.
type firstRunChoice struct{ demo bool }

func newFirstRun(c *common.Common) *firstRun { return &firstRun{c: c, id: c.NewPageID()} }

func (p *firstRun) ID() int       { return p.id }
func (p *firstRun) Init() tea.Cmd { return nil }
func (p *firstRun) Title() string { return p.c.T("firstrun.title") }
func (p *firstRun) Dirty() bool   { return false }
func (p *firstRun) Help() []common.KeyHelp {
	return []common.KeyHelp{{Key: "1/2 Enter", Desc: p.c.T("key.choose")}, {Key: "↑↓", Desc: p.c.T("key.move")}}
}

func (p *firstRun) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	pick := -1
	switch {
	case k.Type == tea.KeyUp || k.Type == tea.KeyDown:
		p.sel = 1 - p.sel
	case k.Type == tea.KeyEnter:
		pick = p.sel
	case k.String() == "1":
		pick = 0
	case k.String() == "2":
		pick = 1
	}
	if pick < 0 {
		return p, nil
	}
	return p, func() tea.Msg { return firstRunChoice{demo: pick == 1} }
}

func (p *firstRun) View() string {
	st, w := p.c.Styles, p.c.Width-1
	out := append(vntext.Wrap(p.c.T("firstrun.intro"), w, 0), "")
	for i, key := range []string{"firstrun.setup", "firstrun.demo"} {
		lines := vntext.Wrap(p.c.T(key), w-4, 0)
		for j, l := range lines {
			mark := "    "
			if j == 0 {
				mark = "  " + string(rune('1'+i)) + " "
			}
			l = vntext.Pad(mark+l, w)
			if i == p.sel {
				l = st.Selected.Render(l)
			}
			out = append(out, l)
		}
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}

// chooseFirstRun acts on the first-run choice: the settings form, or quit
// so that the program opens the demo office.
func (a *App) chooseFirstRun(msg firstRunChoice) tea.Cmd {
	if msg.demo {
		a.demo = true
		return tea.Quit
	}
	a.setup = setup.NewForm(a.c, a.office, true)
	return a.setup.Init()
}

// DemoRequested reports whether the clerk chose to look at the demo office
// on the first run: the program then opens it in place of this file.
func (a *App) DemoRequested() bool { return a.demo }
