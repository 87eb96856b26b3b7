package tui

import (
	"sort"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
)

// draftsPage offers back what the last session left typed and unsaved:
// Enter reopens a draft's form in its tab, Del twice drops it, Esc leaves
// them for later (they are offered again at the next login).
type draftsPage struct {
	c       *common.Common
	id      int
	list    []model.Draft
	sel     int
	confirm bool
}

func newDraftsPage(c *common.Common, list []model.Draft) *draftsPage {
	return &draftsPage{c: c, id: c.NewPageID(), list: list}
}

func (p *draftsPage) ID() int       { return p.id }
func (p *draftsPage) Init() tea.Cmd { return nil }
func (p *draftsPage) Title() string { return p.c.T("draft.title") }
func (p *draftsPage) Dirty() bool   { return false }
func (p *draftsPage) Help() []common.KeyHelp {
	hs := []common.KeyHelp{{Key: "Enter", Desc: p.c.T("draft.key_open")}, {Key: "Del", Desc: p.c.T("draft.key_drop")},
		{Key: "Esc", Desc: p.c.T("draft.key_later")}}
	if len(p.list) > 1 {
		hs = append([]common.KeyHelp{{Key: "↑↓", Desc: p.c.T("key.choose")}}, hs...)
	}
	return hs
}

func (p *draftsPage) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	if k.Type != tea.KeyDelete {
		p.confirm = false
	}
	switch k.Type {
	case tea.KeyUp:
		p.sel = max(0, p.sel-1)
	case tea.KeyDown:
		p.sel = min(len(p.list)-1, p.sel+1)
	case tea.KeyEsc:
		return p, p.c.Pop(nil)
	case tea.KeyEnter:
		d := p.take()
		return p, tea.Batch(p.closeIfDone(), func() tea.Msg { return restoreDraft{d: d} })
	case tea.KeyDelete:
		if !p.confirm {
			p.confirm = true
			return p, nil
		}
		p.confirm = false
		d := p.take()
		return p, tea.Batch(p.closeIfDone(), func() tea.Msg { return dropDraft{id: d.ID} })
	}
	return p, nil
}

// take removes the chosen draft from the list and returns it.
func (p *draftsPage) take() model.Draft {
	d := p.list[p.sel]
	p.list = append(p.list[:p.sel:p.sel], p.list[p.sel+1:]...)
	p.sel = max(0, min(p.sel, len(p.list)-1))
	return d
}

func (p *draftsPage) closeIfDone() tea.Cmd {
	if len(p.list) == 0 {
		return p.c.Pop(nil)
	}
	return nil
}

// what says what a draft holds: the references picked (a citizen) and its
// summary or name.
func what(d model.Draft) string {
	var parts []string
	keys := make([]string, 0, len(d.Labels))
	for k := range d.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, d.Labels[k])
	}
	for _, k := range []string{"FullName", "Summary", "Applicant", "Presiding"} {
		if v := d.Values[k]; v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " · ")
}

func (p *draftsPage) View() string {
	st, w := p.c.Styles, p.c.Width-1
	out := []string{vntext.Truncate(p.c.T("draft.intro", len(p.list)), w), ""}
	for i, d := range p.list {
		line := vntext.Truncate("  "+d.Title+" · "+p.c.T("draft.saved_at", model.FormatDateTime(d.SavedAt)), w)
		sub := vntext.Truncate("    "+what(d), w)
		if i == p.sel {
			line = st.Selected.Render(vntext.Pad("▸"+line[1:], w))
		}
		out = append(out, line, st.Dim.Render(sub))
	}
	if p.confirm {
		out = append(out, "", st.Error.Render(vntext.Truncate(p.c.T("draft.confirm_drop"), w)))
	}
	return strings.Join(out, "\n")
}
