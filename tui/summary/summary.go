// Package summary is the period summary screen: the figures of a month by
// default, stepped to the previous or next period with one key, switched
// between month, quarter, half-year, year and the official window, or typed
// as any range; shown as tables, as the prose offices paste, or as the
// identities checked; exported to any format.
package summary

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Views of the summary, cycled with Enter: the tables, the prose, the
// identities checked, then each national form (viewNational + its index in
// report.Forms).
const (
	viewTables = iota
	viewProse
	viewCheck
	viewNational
)

// numViews is how many views Enter cycles through.
func numViews() int { return viewNational + len(report.Forms()) }

// sideStep is how far one key scrolls a wide form sideways.
const sideStep = 10

// Page is the summary screen.
type Page struct {
	c       *common.Common
	id      int
	period  model.Period
	sum     *report.Summary
	loading bool
	err     string
	view    int
	top     int
	left    int // sideways scroll of a national form
	frozen  int // its label columns, kept in place
	// typing a period (^F)
	asking bool
	input  textinput.Model
	// choosing an export format (F2)
	exporting bool
	choice    int
	seq       int // the latest computation asked for; older results are dropped
	// body caches the rendered view for bodyKey (see lines).
	body    []string
	bodyKey bodyKey
}

type bodyKey struct {
	sum         *report.Summary
	view, width int
}

type computed struct {
	seq int
	sum *report.Summary
	err error
}

type exported struct {
	path string
	err  error
}

// handed is where the written report went, said on the status line.
type handed common.StatusMsg

// New returns the summary screen on the current month.
func New(c *common.Common) *Page {
	today := model.DateOf(c.Now())
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor costs bytes over SSH
	in.CharLimit = 40
	in.Width = 30
	return &Page{c: c, id: c.NewPageID(), period: model.MonthHolding(today, c.Office.Window(), c.Office.CutoffOn(today)), input: in}
}

// ID returns the page id.
func (p *Page) ID() int { return p.id }

// Init does nothing: the summary is computed when its tab is shown (Shown),
// so opening the app never pays for a summary nobody looked at.
func (p *Page) Init() tea.Cmd { return nil }

// compute asks for the summary of the period on screen. The page never
// holds keys while it computes: stepping on with ← → asks again, and results
// of older requests are dropped by their sequence number.
func (p *Page) compute() tea.Cmd {
	p.seq++
	p.loading, p.err = true, ""
	seq, store, period, today := p.seq, p.c.Store, p.period, model.DateOf(p.c.Now())
	return common.Do(p.id, func() tea.Msg {
		office, err := store.Office()
		if err != nil {
			return computed{seq: seq, err: err}
		}
		sum, err := report.Compute(store, office, period, today)
		return computed{seq: seq, sum: sum, err: err}
	})
}

// Shown recomputes the summary: records may have been saved in other tabs.
func (p *Page) Shown() tea.Cmd { return p.compute() }

// Title names the page with its period.
func (p *Page) Title() string {
	return p.c.T("summary.title", report.PeriodLabel(p.c.Cat, p.period))
}

// Dirty is true while a period is half typed.
func (p *Page) Dirty() bool { return p.asking && p.input.Value() != "" }

// Help lists the keys that work now.
func (p *Page) Help() []common.KeyHelp {
	k := p.c.Keys
	switch {
	case p.asking:
		return []common.KeyHelp{{Key: "Enter", Desc: p.c.T("summary.key.apply")}, {Key: "Esc", Desc: p.c.T("key.back")}}
	case p.exporting:
		return []common.KeyHelp{{Key: "↑↓", Desc: p.c.T("summary.key.choose")}, {Key: "Enter", Desc: p.c.T("summary.key.export")},
			{Key: "Esc", Desc: p.c.T("key.back")}}
	}
	keys := []common.KeyHelp{{Key: "←→", Desc: p.c.T("summary.key.step")}, {Key: "Tab", Desc: p.c.T("summary.key.kind")}}
	if p.view >= viewNational {
		keys = append(keys, common.KeyHelp{Key: "< >", Desc: p.c.T("summary.key.sideways")})
	}
	keys = append(keys, common.Help(k.Window)...)
	keys = append(keys, common.KeyHelp{Key: "Enter", Desc: p.c.T("summary.key.view")})
	return append(keys, common.Help(k.Export, k.Period, k.PageDown)...)
}

// Update handles keys and results.
func (p *Page) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case computed:
		if msg.seq != p.seq {
			return p, nil
		}
		p.loading = false
		if msg.err != nil {
			p.err = p.c.ErrorText(msg.err)
			return p, nil
		}
		p.sum = msg.sum
		return p, nil
	case handed:
		return p, func() tea.Msg { return common.StatusMsg(msg) }
	case exported:
		if msg.err != nil {
			return p, common.Status(report.WriteErrorText(p.c.Cat, msg.path, msg.err), true)
		}
		return p, common.Status(p.c.T("summary.exported", msg.path), false)
	case tea.KeyMsg:
		switch {
		case p.asking:
			return p.askKey(msg)
		case p.exporting:
			return p.exportKey(msg)
		}
		return p.key(msg)
	}
	return p, nil
}

func (p *Page) key(msg tea.KeyMsg) (common.Page, tea.Cmd) {
	k := p.c.Keys
	cutoff := p.cutoff()
	switch {
	case msg.Type == tea.KeyLeft:
		p.period = p.settle(p.period.Step(-1, cutoff))
		p.top = 0
		return p, p.compute()
	case msg.Type == tea.KeyRight:
		p.period = p.settle(p.period.Step(1, cutoff))
		p.top = 0
		return p, p.compute()
	case msg.Type == tea.KeyTab:
		p.period = p.settle(nextKind(p.period, model.DateOf(p.c.Now()), cutoff))
		p.top = 0
		return p, p.compute()
	case msg.Type == tea.KeyEnter:
		p.view = (p.view + 1) % numViews()
		p.top, p.left = 0, 0
	case msg.Type == tea.KeyShiftRight || msg.String() == ">" || msg.String() == ".":
		p.left += sideStep
	case msg.Type == tea.KeyShiftLeft || msg.String() == "<" || msg.String() == ",":
		p.left = max(0, p.left-sideStep)
	case key.Matches(msg, k.Window):
		w := model.WindowOfficial
		if p.period.Official {
			w = model.WindowCalendar
		}
		p.period = p.office().Official(p.period, w)
		p.top = 0
		return p, p.compute()
	case key.Matches(msg, k.Period):
		p.asking = true
		p.input.SetValue("")
		p.input.Placeholder = p.c.T("summary.ask_hint")
		return p, p.input.Focus()
	case key.Matches(msg, k.Export):
		if p.sum != nil {
			p.exporting = true
		}
	case key.Matches(msg, k.Refresh):
		return p, p.compute()
	case msg.Type == tea.KeyUp:
		p.top = max(0, p.top-1)
	case msg.Type == tea.KeyDown:
		p.top++
	case msg.Type == tea.KeyPgUp:
		p.top = max(0, p.top-p.bodyHeight())
	case msg.Type == tea.KeyPgDown || msg.Type == tea.KeySpace:
		p.top += p.bodyHeight()
	case msg.Type == tea.KeyHome:
		p.top, p.left = 0, 0
	case msg.Type == tea.KeyEnd:
		p.top = 1 << 30
	}
	return p, nil
}

func (p *Page) office() *model.Office {
	if p.sum != nil {
		return &p.sum.Office
	}
	return &p.c.Office
}

// cutoff is the cut-off day of the period on screen.
func (p *Page) cutoff() int { return p.office().CutoffFor(p.period) }

// settle gives a period reached by a key the cut-off day in force for it
// (the office may have changed it from a date).
func (p *Page) settle(per model.Period) model.Period { return p.office().Official(per, per.Window()) }

func (p *Page) askKey(msg tea.KeyMsg) (common.Page, tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		p.asking = false
		p.input.Blur()
		return p, nil
	case tea.KeyEnter:
		per, err := model.ParsePeriod(p.input.Value())
		if err != nil {
			return p, common.Status(report.PeriodErrorText(p.c.Cat, err), true)
		}
		per = p.office().Official(per, p.period.Window())
		p.asking = false
		p.input.Blur()
		p.period, p.top = per, 0
		return p, tea.Batch(common.Status("", false), p.compute())
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

func (p *Page) exportKey(msg tea.KeyMsg) (common.Page, tea.Cmd) {
	formats := report.Formats()
	switch msg.Type {
	case tea.KeyEsc:
		p.exporting = false
	case tea.KeyUp:
		p.choice = (p.choice + len(formats) - 1) % len(formats)
	case tea.KeyDown, tea.KeyTab:
		p.choice = (p.choice + 1) % len(formats)
	case tea.KeyEnter:
		p.exporting = false
		return p, p.export(formats[p.choice])
	}
	return p, nil
}

// export writes the summary on screen to the exports folder, off the event
// loop, and says where the file went.
func (p *Page) export(f report.Format) tea.Cmd {
	sum, cat, dir, store, now, c := p.sum, p.c.Cat, p.c.ExportDir, p.c.Store, p.c.Now(), p.c
	return common.Do(p.id, func() tea.Msg {
		if f == report.FormatPDF {
			x, err := printout.NewContext(store, cat, now)
			if err != nil {
				return exported{err: err}
			}
			path, err := writePDF(dir, sum, x)
			if err != nil {
				return exported{path: path, err: err}
			}
			return handed(common.Handed(c, path)) // to the printer, the viewer or the paired tab
		}
		path, err := writeExport(dir, f, sum, cat)
		return exported{path: path, err: err}
	})
}
