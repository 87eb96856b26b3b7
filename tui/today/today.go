// Package today is the "Hôm nay" screen, the first thing a clerk sees:
// dossiers due today and late ones (flagged when no apology slip went out
// at least one day before the deadline), petitions whose deadline falls
// within three working days or has passed, replies owed to citizens, and
// the next periodic reception session. Each line opens its record.
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
	"github.com/tiepdan/tiepdan/tui/register"
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
}

type loaded struct {
	lines []line
	today model.Date
	err   error
}

// New returns the screen.
func New(c *common.Common) *Page { return &Page{c: c, id: c.NewPageID(), sel: -1} }

// ID returns the page id.
func (p *Page) ID() int { return p.id }

// Init loads the agenda.
func (p *Page) Init() tea.Cmd { return p.load() }

// Shown reloads when the tab is chosen again: the day moves on.
func (p *Page) Shown() tea.Cmd { return p.load() }

// Changed reloads when another session changes what the agenda lists.
func (p *Page) Changed(msg common.ChangedMsg) tea.Cmd {
	switch msg.Kind {
	case model.KindDossier, model.KindPetition, model.KindReception, model.KindSession, model.KindOffice:
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

// Help lists the keys.
func (p *Page) Help() []common.KeyHelp {
	k := p.c.Keys
	return common.Help(k.Open, k.Refresh)
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
		ls, err := build(c, store, o, now)
		return loaded{lines: ls, today: model.DateOf(now), err: err}
	})
}

// build computes the screen's lines from the store's agenda.
func build(c *common.Common, store model.Store, o model.Office, now time.Time) ([]line, error) {
	cal := calendar.ForOffice(o)
	today := model.DateOf(now)
	ahead := cal.AddWorkingDays(today, Horizon)
	a, err := store.Agenda(model.AgendaQuery{DossiersBy: today, PetitionsBy: ahead, RepliesBy: ahead, SessionsFrom: today})
	if err != nil {
		return nil, err
	}
	name := func(id uint64) string { return a.Citizens[id].FullName }
	var dueToday, late []line
	noApology := 0
	for _, d := range a.Dossiers {
		if _, paused := d.OpenSupplement(); paused {
			continue // the clock is stopped while the applicant completes the file
		}
		text := fmt.Sprintf("%-15s %s  %s", d.Code, register.Cell(name(d.ApplicantID), 18), register.Cell(d.ProcedureName, 22))
		if d.Due == today {
			dueToday = append(dueToday, line{Kind: model.KindDossier, ID: d.ID, Text: "  " + text})
			continue
		}
		warn := !apologisedInTime(&d)
		mark := "  "
		if warn {
			mark, noApology = "! ", noApology+1
		}
		late = append(late, line{Kind: model.KindDossier, ID: d.ID, Warn: warn,
			Text: mark + text + " " + c.T("today.late_days", cal.WorkingDaysBetween(d.Due, today))})
	}
	var out []line
	section := func(key string, n int, more int, rows []line, extra string) {
		head := c.T(key, n+more)
		if extra != "" {
			head += "  " + extra
		}
		out = append(out, line{Text: head})
		if len(rows) == 0 {
			out = append(out, line{Text: "  " + c.T("today.none")})
		}
		out = append(out, rows...)
		if more > 0 {
			out = append(out, line{Text: "  " + c.T("today.more", more)})
		}
	}
	section("today.dossiers_due", len(dueToday), 0, dueToday, "")
	flag := ""
	if noApology > 0 {
		flag = c.T("today.no_apology", noApology)
	}
	section("today.dossiers_late", len(late), a.More[model.KindDossier], late, flag)

	var pets []line
	for _, pt := range a.Petitions {
		who := name(pt.CitizenID)
		if model.IsDenunciation(pt.Content) {
			who = c.T("protect.none")
			if pt.Protected {
				who = model.Mask
			}
		}
		when := c.T("today.left_days", cal.WorkingDaysBetween(today, pt.Due))
		if pt.Due < today {
			when = c.T("today.late_days", cal.WorkingDaysBetween(pt.Due, today))
		} else if pt.Due == today {
			when = c.T("today.due_today")
		}
		pets = append(pets, line{Kind: model.KindPetition, ID: pt.ID, Warn: pt.Due < today,
			Text: fmt.Sprintf("  #%-5d %s %s %s %s", pt.ID, register.Cell(c.Cat.Label("content", string(pt.Content)), 10),
				register.Cell(who, 18), pt.Due.String(), when)})
	}
	section("today.petitions", len(pets), a.More[model.KindPetition], pets, "")

	var reps []line
	for _, r := range a.Replies {
		when := c.T("today.left_days", cal.WorkingDaysBetween(today, r.FollowUpDue))
		if r.FollowUpDue < today {
			when = c.T("today.late_days", cal.WorkingDaysBetween(r.FollowUpDue, today))
		}
		reps = append(reps, line{Kind: model.KindReception, ID: r.ID, Warn: r.FollowUpDue < today,
			Text: fmt.Sprintf("  #%-5d %s %s %s %s", r.ID, register.Cell(name(r.CitizenID), 18), register.Cell(r.Summary, 20),
				r.FollowUpDue.String(), when)})
	}
	section("today.replies", len(reps), a.More[model.KindReception], reps, "")

	out = append(out, line{Text: c.T("today.session_head")})
	y, m, _ := today.YMD()
	month := model.MonthPeriod(y, m)
	held, err := periodicHeld(store, month)
	if err != nil {
		return nil, err
	}
	progress := c.T("today.session_progress", held, model.RequiredSessions(o.Sessions(), month, cal.IsWorkingDay).Required)
	if len(a.Sessions) > 0 {
		s := a.Sessions[0]
		out = append(out, line{Kind: model.KindSession, ID: s.ID, Text: "  " + c.T("today.session_planned",
			c.T(fmt.Sprintf("weekday.%d", s.Date.Weekday())), s.Date.String(), s.Presiding) + "  " + progress})
	} else {
		next := nextFriday(cal, today)
		out = append(out, line{Text: "  " + c.T("today.session_expected",
			c.T(fmt.Sprintf("weekday.%d", next.Weekday())), next.String()) + "  " + progress})
	}
	return out, nil
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
		prev := p.selected()
		p.lines, p.today = msg.lines, msg.today
		p.sel = -1
		for i, l := range p.lines {
			if l.Kind != "" && (p.sel < 0 || prev.Kind == l.Kind && prev.ID == l.ID) {
				p.sel = i
			}
		}
		p.scroll()
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
			if l := p.selected(); l.Kind != "" {
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

// move selects the next record line in direction dir.
func (p *Page) move(dir int) {
	for i := p.sel + dir; i >= 0 && i < len(p.lines); i += dir {
		if p.lines[i].Kind != "" {
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
		if p.top > 0 && p.lines[p.top-1].Kind == "" {
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
		case l.Kind == "":
			text = st.Header.Render(text)
		case l.Warn:
			text = st.Error.Render(text)
		}
		b.WriteString(text + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}
