package citizen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Page shows one citizen and their whole history: visits, petitions and
// dossiers, newest first. Enter opens the selected record.
type Page struct {
	c       *common.Common
	id      int
	cid     uint64
	cit     model.Citizen
	history []model.HistoryItem
	sel     int
	err     string
	loaded  bool
}

type loaded struct {
	cit     model.Citizen
	history []model.HistoryItem
	err     error
}

// NewPage returns the page of citizen id.
func NewPage(c *common.Common, id uint64) *Page {
	return &Page{c: c, id: c.NewPageID(), cid: id}
}

// ID returns the page id.
func (p *Page) ID() int { return p.id }

// Init loads the citizen and the history.
func (p *Page) Init() tea.Cmd { return p.load() }

func (p *Page) load() tea.Cmd {
	store, id := p.c.Store, p.cid
	return common.Do(p.id, func() tea.Msg {
		c, err := store.Citizen(id)
		if err != nil {
			return loaded{err: err}
		}
		h, err := store.History(id)
		return loaded{cit: c, history: h, err: err}
	})
}

// Title names the page.
func (p *Page) Title() string { return p.c.T("citizen.page", p.cit.FullName) }

// Dirty is false.
func (p *Page) Dirty() bool { return false }

// Help lists the live keys.
func (p *Page) Help() []common.KeyHelp {
	k := p.c.Keys
	return common.Help(k.Open, k.Edit, k.Back)
}

// Update handles moving, opening a record and editing the citizen.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := p.c.Keys
	switch msg := msg.(type) {
	case loaded:
		p.loaded = true
		if msg.err != nil {
			p.err = p.c.ErrorText(msg.err)
			return p, nil
		}
		p.cit, p.history, p.err = msg.cit, msg.history, ""
		if p.sel >= len(p.history) {
			p.sel = 0
		}
	case common.Returned:
		if _, ok := msg.Result.(form.Saved); ok {
			return p, tea.Batch(p.load(), common.Status(p.c.T("form.saved"), false))
		}
		return p, p.load()
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, k.Back):
			return p, p.c.Pop(nil)
		case key.Matches(msg, k.Edit) && p.loaded && p.err == "":
			return p, p.c.Push(NewForm(p.c, p.cit))
		case msg.Type == tea.KeyUp && p.sel > 0:
			p.sel--
		case msg.Type == tea.KeyDown && p.sel < len(p.history)-1:
			p.sel++
		case msg.Type == tea.KeyEnter && len(p.history) > 0:
			h := p.history[p.sel]
			return p, func() tea.Msg { return common.OpenMsg{Kind: h.Kind, ID: h.ID} }
		}
	}
	return p, nil
}

// View renders the citizen's details and the history table.
func (p *Page) View() string {
	st := p.c.Styles
	if p.err != "" {
		return st.Error.Render(p.err)
	}
	if !p.loaded {
		return st.Dim.Render(p.c.T("loading"))
	}
	c := p.cit
	var b strings.Builder
	detail := func(key, v string) {
		if v != "" {
			b.WriteString(st.Label.Render(vntext.Pad(p.c.T("field."+key), 14)) + " " + v + "\n")
		}
	}
	detail("FullName", c.FullName)
	detail("BirthYear", year(c.BirthYear))
	detail("Gender", p.c.Cat.Label("gender", string(c.Gender)))
	detail("IDNumber", c.IDNumber)
	detail("Phone", c.Phone)
	detail("Address", c.Address)
	if c.Voided {
		b.WriteString(st.Error.Render(p.c.T("record.voided", c.VoidReason)) + "\n")
	}
	b.WriteString("\n" + st.Header.Render(p.c.T("citizen.history", len(p.history))) + "\n")
	if len(p.history) == 0 {
		b.WriteString(st.Dim.Render(p.c.T("citizen.no_history")) + "\n")
	}
	used := strings.Count(b.String(), "\n")
	rows := p.c.Height - 4 - used - 1
	start := 0
	if p.sel >= rows && rows > 0 {
		start = p.sel - rows + 1
	}
	for i := start; i < len(p.history) && i < start+rows; i++ {
		line := vntext.Truncate(p.historyLine(p.history[i]), p.c.Width-2)
		switch {
		case i == p.sel:
			line = st.Selected.Render(line)
		case voided(p.history[i]):
			line = st.Voided.Render(line)
		}
		b.WriteString(" " + line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func voided(h model.HistoryItem) bool {
	switch {
	case h.Reception != nil:
		return h.Reception.Voided
	case h.Petition != nil:
		return h.Petition.Voided
	case h.Dossier != nil:
		return h.Dossier.Voided
	}
	return false
}

func (p *Page) historyLine(h model.HistoryItem) string {
	cat := p.c.Cat
	kind := vntext.Pad(p.c.T("kind."+string(h.Kind)), 9)
	var what, status string
	switch {
	case h.Reception != nil:
		what, status = h.Reception.Summary, cat.Label("handling", string(h.Reception.Handling))
	case h.Petition != nil:
		what, status = h.Petition.Summary, cat.Label("pstatus", string(h.Petition.Status))
	case h.Dossier != nil:
		what, status = h.Dossier.ProcedureName, cat.Label("dstatus", string(h.Dossier.Status))
	}
	what = strings.ReplaceAll(what, "\n", " ")
	return fmt.Sprintf("%s %s %s %s", h.Date, kind, vntext.Pad(what, 36), status)
}
