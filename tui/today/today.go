// Package today is the "Hôm nay" screen, the first thing a clerk sees:
// what the desk did today, what falls due today and in the next three
// working days, the backlog of overdue items folded into one line per kind
// (counted as the period summary counts them, Enter unfolds), and the next
// periodic reception session. Each record line opens its record.
package today

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Horizon is how many working days ahead a petition's or a reply's
// deadline is shown.
const Horizon = 3

// line is one row of the screen: a section heading (Kind empty) or a
// record that Enter opens.
type line struct {
	Kind model.Kind
	ID   uint64
	Text string
	Warn bool
	// Fold, on a backlog line, is the kind whose overdue records Enter
	// shows or hides under it.
	Fold model.Kind
}

// Page is the "Hôm nay" screen.
type Page struct {
	c      *common.Common
	id     int
	lines  []line
	sel    int // index into lines of the selected record line, -1: none
	top    int
	loaded bool
	err    string
	today  model.Date
	data   *day
	open   map[model.Kind]bool
}

type loaded struct {
	data  *day
	today model.Date
	err   error
}

// New returns the screen.
func New(c *common.Common) *Page {
	return &Page{c: c, id: c.NewPageID(), sel: -1, open: map[model.Kind]bool{}}
}

// ID returns the page id.
func (p *Page) ID() int { return p.id }

// Init loads the agenda.
func (p *Page) Init() tea.Cmd { return p.load() }

// Shown reloads when the tab is chosen again: the day moves on.
func (p *Page) Shown() tea.Cmd { return p.load() }

// Changed reloads when another session changes what the agenda lists.
func (p *Page) Changed(msg common.ChangedMsg) tea.Cmd {
	switch msg.Kind {
	case model.KindDossier, model.KindPetition, model.KindReception, model.KindSession, model.KindOffice, model.KindDraft:
		return p.load()
	}
	return nil
}

// Title names the screen with today's date.
func (p *Page) Title() string {
	d := p.today
	if d.IsZero() {
		d = model.DateOf(p.c.Now())
	}
	return p.c.T("today.title", p.c.T(fmt.Sprintf("weekday.%d", d.Weekday())), d.String())
}

// Dirty is false.
func (p *Page) Dirty() bool { return false }

// Help lists the keys: Enter opens a record or a folded backlog line.
func (p *Page) Help() []common.KeyHelp {
	k := p.c.Keys
	hs := common.Help(k.Open, k.Refresh)
	if l := p.selected(); l.Fold != "" {
		hs[0].Desc = p.c.T("today.key_fold")
	}
	hs = append(hs, common.Help(k.Friendly)...)
	return append([]common.KeyHelp{{Key: "↑↓ PgDn", Desc: p.c.T("key.move")}}, hs...)
}

// Lines returns the screen's lines as text (tests).
func (p *Page) Lines() []string {
	out := make([]string, len(p.lines))
	for i, l := range p.lines {
		out[i] = l.Text
	}
	return out
}

func (p *Page) load() tea.Cmd {
	c := p.c
	store, now := c.Store, c.Now()
	return common.Do(p.id, func() tea.Msg {
		o, err := store.Office()
		if err != nil {
			return loaded{err: err}
		}
		d, err := load(store, o, now)
		return loaded{data: d, today: model.DateOf(now), err: err}
	})
}

// apologisedInTime reports whether an apology slip for d went out at least
// one day before its deadline.
func apologisedInTime(d *model.Dossier) bool {
	for _, a := range d.Apologies {
		if a.Issued < d.Due {
			return true
		}
	}
	return false
}

// nextFriday is the leader's usual session day: the first Friday from
// today that is a working day (a Friday off moves to the next working day).
func nextFriday(cal *calendar.Calendar, today model.Date) model.Date {
	d := today
	for d.Weekday() != time.Friday {
		d++
	}
	return cal.OnOrAfter(d)
}

// periodicHeld counts the periodic sessions dated in p.
func periodicHeld(store model.Store, p model.Period) (int, error) {
	q := model.ListQuery{From: p.From, To: p.To, Kind: string(model.SessionPeriodic), Limit: 100}
	page, err := store.ListSessions(q)
	return len(page.Items), err
}

// Update handles the loaded agenda and the keys.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case loaded:
		p.loaded, p.err = true, ""
		if msg.err != nil {
			p.err = p.c.ErrorText(msg.err)
			return p, nil
		}
		p.data, p.today = msg.data, msg.today
		p.relayout()
	case common.Returned:
		return p, p.load()
	case tea.KeyMsg:
		k := p.c.Keys
		switch {
		case msg.Type == tea.KeyUp:
			p.move(-1)
		case msg.Type == tea.KeyDown:
			p.move(1)
		case key.Matches(msg, k.PageDown):
			for range p.height() {
				p.move(1)
			}
		case key.Matches(msg, k.PageUp):
			for range p.height() {
				p.move(-1)
			}
		case key.Matches(msg, k.Refresh):
			return p, p.load()
		case key.Matches(msg, k.Open):
			l := p.selected()
			switch {
			case l.Fold == foldDrafts:
				return p, func() tea.Msg { return common.OpenDraftsMsg{} }
			case l.Fold != "":
				p.open[l.Fold] = !p.open[l.Fold]
				p.relayout()
			case l.ID != 0:
				return p, func() tea.Msg { return common.OpenMsg{Kind: l.Kind, ID: l.ID} }
			}
		}
	}
	return p, nil
}

func (p *Page) selected() line {
	if p.sel < 0 || p.sel >= len(p.lines) {
		return line{}
	}
	return p.lines[p.sel]
}

// relayout rebuilds the lines from the data, keeping the selection on the
// same record or fold line.
func (p *Page) relayout() {
	prev := p.selected()
	p.lines = compose(p.c, p.data, p.open)
	p.sel = -1
	for i, l := range p.lines {
		// the same record, or the same fold the clerk just opened; else the
		// first line that can be chosen
		same := prev.ID != 0 && prev.Kind == l.Kind && prev.ID == l.ID || prev.Fold != "" && prev.Fold == l.Fold
		if l.selectable() && (p.sel < 0 || same) {
			p.sel = i
		}
	}
	p.scroll()
}

func (l line) selectable() bool { return l.ID != 0 || l.Fold != "" }

// move selects the next record line in direction dir.
func (p *Page) move(dir int) {
	for i := p.sel + dir; i >= 0 && i < len(p.lines); i += dir {
		if p.lines[i].selectable() {
			p.sel = i
			break
		}
	}
	p.scroll()
}

func (p *Page) height() int { return max(1, p.c.Height-4) }

func (p *Page) scroll() {
	h := p.height()
	if p.sel >= 0 && p.sel < p.top {
		p.top = p.sel
		// keep the section heading above the first line in view
		if p.top > 0 && !p.lines[p.top-1].selectable() && p.lines[p.top-1].Kind == "" {
			p.top--
		}
	}
	if p.sel >= p.top+h {
		p.top = p.sel - h + 1
	}
	p.top = max(0, min(p.top, len(p.lines)-1))
}

// View draws the visible lines, headings bold, the selection highlighted,
// overdue lines marked.
func (p *Page) View() string {
	st := p.c.Styles
	if p.err != "" {
		return st.Error.Render(p.err)
	}
	if !p.loaded {
		return st.Dim.Render(p.c.T("loading"))
	}
	w := p.c.Width - 1
	var b strings.Builder
	for i := p.top; i < len(p.lines) && i < p.top+p.height(); i++ {
		l := p.lines[i]
		text := vntext.Truncate(l.Text, w)
		switch {
		case i == p.sel:
			text = st.Selected.Render(text)
		case l.Kind == "" && l.Fold == "":
			text = st.Header.Render(text)
		case l.Warn:
			text = st.Error.Render(text)
		}
		b.WriteString(text + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
