// Package register is the list and detail machinery the three registers
// (and the sessions) share: a paged list over a date index, newest first,
// with a filter by date range, kind and status; a detail view with edit, void
// with a reason and the record's audit trail. Each register supplies a Spec.
package register

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Column is one column of a list.
type Column[T any] struct {
	Title string // catalogue key
	Width int    // display cells at 80 columns
	// Grow is the column's share of the room a wider window gives (or a
	// narrower one takes): names and contents grow, dates and statuses
	// keep their width so they stay on screen.
	Grow  int
	Value func(rec *T, citizens map[uint64]model.Citizen) string
}

// minGrowWidth is as narrow as a growing column gets in a narrow window.
const minGrowWidth = 6

// ColumnWidths fits columns to a window of width cells (one space between
// columns, the last cell left free): the growing columns take the room
// beyond the widths set for 80 columns, or give it up down to
// minGrowWidth, by their shares.
func ColumnWidths[T any](cols []Column[T], width int) []int {
	out := make([]int, len(cols))
	used, shares := len(cols)-1, 0
	for i, c := range cols {
		out[i] = c.Width
		used += c.Width
		shares += c.Grow
	}
	room := width - 1 - used
	if shares == 0 || room == 0 {
		return out
	}
	left := room
	for i, c := range cols {
		if c.Grow == 0 {
			continue
		}
		d := room * c.Grow / shares
		out[i] = max(minGrowWidth, c.Width+d)
		left -= out[i] - c.Width
	}
	// what integer shares left over goes to the first growing column
	for i, c := range cols {
		if c.Grow > 0 && left != 0 {
			out[i] = max(minGrowWidth, out[i]+left)
			break
		}
	}
	return out
}

// Spec is what a register tells the list page.
type Spec[T any] struct {
	Kind    model.Kind
	Title   string // catalogue key
	Columns []Column[T]
	Load    func(s model.Store, q model.ListQuery) (model.Page[T], error)
	Base    func(*T) *model.Meta
	// Open returns the detail page of a record; New the command that pushes
	// the page creating one (it may load what the form needs first).
	Open func(c *common.Common, id uint64) common.Page
	New  func(c *common.Common) tea.Cmd
	// OpenNew: a record created from the list opens at once (a session,
	// ready for its first visitor), instead of the list showing it.
	OpenNew bool
	// KindOptions and StatusOptions feed the filter (nil: no such filter).
	KindOptions, StatusOptions []form.Option
	KindLabel, StatusLabel     string // catalogue keys of the filter fields
	// Print prints the register of the filter's dates (this month when the
	// filter has none); nil: nothing to print.
	Print func(c *common.Common, p model.Period) tea.Cmd
	// AfterSave runs when a form opened from the list saved (a letter just
	// written is printed; a dossier that calls for a letter offers it).
	AfterSave func(c *common.Common, saved form.Saved) tea.Cmd
	// Pushed: the list is opened over another page (not a tab's root), and
	// Esc goes back to it.
	Pushed bool
}

// PageSize is the number of rows fetched per page.
const PageSize = 50

// List is a register's paged list.
type List[T any] struct {
	c       *common.Common
	id      int
	spec    Spec[T]
	filter  Filter
	items   []T
	cits    map[uint64]model.Citizen
	next    []byte
	cursors [][]byte // cursors of the pages before this one
	cursor  []byte
	sel     int
	top     int
	loading bool
	err     string
	seq     int
	keepID  uint64 // the selected record, kept selected across a refresh
}

type pageLoaded[T any] struct {
	seq  int
	page model.Page[T]
	err  error
}

// NewList returns the list page for spec.
func NewList[T any](c *common.Common, spec Spec[T]) *List[T] {
	return &List[T]{c: c, id: c.NewPageID(), spec: spec}
}

// ID returns the page id.
func (l *List[T]) ID() int { return l.id }

// Init loads the first page.
func (l *List[T]) Init() tea.Cmd { return l.load() }

// Title names the register and the page number.
func (l *List[T]) Title() string {
	t := l.c.T(l.spec.Title)
	if f := l.filter.Describe(l.c); f != "" {
		t += " · " + f
	}
	return t + " · " + l.c.T("list.page", len(l.cursors)+1)
}

// Dirty is false.
func (l *List[T]) Dirty() bool { return false }

// Help lists the live keys.
func (l *List[T]) Help() []common.KeyHelp {
	k := l.c.Keys
	hs := common.Help(k.Open, k.New, k.Filter)
	if len(l.items) > 1 {
		hs = append([]common.KeyHelp{{Key: "↑↓", Desc: l.c.T("key.choose")}}, hs...)
	}
	if l.spec.Print != nil {
		hs = append(hs, common.KeyHelp{Key: "F2", Desc: l.c.T("print.key_register")})
	}
	if l.next != nil {
		hs = append(hs, common.Help(k.PageDown)...)
	}
	if len(l.cursors) > 0 {
		hs = append(hs, common.Help(k.PageUp)...)
	}
	hs = append(hs, common.Help(k.Voided, k.Refresh)...)
	if l.spec.Pushed {
		hs = append(hs, common.Help(k.Back)...)
	}
	return hs
}

// Items returns the rows shown (tests).
func (l *List[T]) Items() []T { return l.items }

func (l *List[T]) load() tea.Cmd {
	l.seq++
	l.loading = true
	seq, store, load := l.seq, l.c.Store, l.spec.Load
	q := model.ListQuery{From: l.filter.From, To: l.filter.To, Kind: l.filter.KindCode, Status: l.filter.Status,
		IncludeVoided: l.filter.Voided, Cursor: l.cursor, Limit: PageSize}
	return common.Do(l.id, func() tea.Msg {
		p, err := load(store, q)
		return pageLoaded[T]{seq: seq, page: p, err: err}
	})
}

// Update handles moving, paging, opening, creating, filtering.
func (l *List[T]) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := l.c.Keys
	switch msg := msg.(type) {
	case pageLoaded[T]:
		if msg.seq != l.seq {
			return l, nil
		}
		l.loading = false
		if msg.err != nil {
			l.err = l.c.ErrorText(msg.err)
			return l, nil
		}
		l.err = ""
		l.items, l.next, l.cits = msg.page.Items, msg.page.Next, msg.page.Citizens
		for i := range l.items {
			if l.keepID != 0 && l.spec.Base(&l.items[i]).ID == l.keepID {
				l.sel = i
			}
		}
		l.keepID = 0
		if l.sel >= len(l.items) {
			l.sel = max(0, len(l.items)-1)
		}
		return l, nil
	case common.Returned:
		switch r := msg.Result.(type) {
		case Filter:
			l.filter, l.cursor, l.cursors, l.sel, l.top = r, nil, nil, 0, 0
		case form.Saved:
			var after tea.Cmd
			if l.spec.AfterSave != nil {
				after = l.spec.AfterSave(l.c, r)
			}
			if after != nil && l.spec.Kind != r.Kind {
				return l, tea.Batch(l.load(), after)
			}
			if l.spec.Kind == r.Kind {
				// a new record goes on top: show the first page, the saved
				// record selected whatever refresh comes first
				l.cursor, l.cursors, l.sel, l.top, l.keepID = nil, nil, 0, 0, r.ID
				if rec, ok := r.Record.(T); ok && l.spec.OpenNew && l.spec.Base(&rec).Version == 1 {
					return l, tea.Batch(l.load(), l.c.Push(l.spec.Open(l.c, r.ID)), after)
				}
			}
			return l, tea.Batch(l.load(), common.Status(l.c.T("form.saved"), false), after)
		}
		return l, l.load()
	case tea.KeyMsg:
		switch {
		case msg.Type == tea.KeyUp:
			if l.sel > 0 {
				l.sel--
			}
		case msg.Type == tea.KeyDown:
			if l.sel < len(l.items)-1 {
				l.sel++
			}
		case key.Matches(msg, k.PageDown) && l.next != nil:
			l.cursors = append(l.cursors, l.cursor)
			l.cursor, l.sel, l.top = l.next, 0, 0
			return l, l.load()
		case key.Matches(msg, k.PageUp) && len(l.cursors) > 0:
			l.cursor = l.cursors[len(l.cursors)-1]
			l.cursors, l.sel, l.top = l.cursors[:len(l.cursors)-1], 0, 0
			return l, l.load()
		case key.Matches(msg, k.Home):
			l.cursor, l.cursors, l.sel, l.top = nil, nil, 0, 0
			return l, l.load()
		case key.Matches(msg, k.Open) && len(l.items) > 0:
			return l, l.c.Push(l.spec.Open(l.c, l.spec.Base(&l.items[l.sel]).ID))
		case key.Matches(msg, k.New) && l.spec.New != nil:
			return l, l.spec.New(l.c)
		case key.Matches(msg, k.Filter):
			return l, l.c.Push(NewFilterForm(l.c, l.spec, l.filter))
		case l.spec.Pushed && key.Matches(msg, k.Back):
			return l, l.c.Pop(nil)
		case key.Matches(msg, k.Voided):
			l.filter.Voided = !l.filter.Voided
			l.cursor, l.cursors, l.sel = nil, nil, 0
			return l, l.load()
		case key.Matches(msg, k.Refresh):
			return l, l.load()
		case msg.Type == tea.KeyF2 && l.spec.Print != nil:
			return l, l.spec.Print(l.c, l.period())
		}
	}
	return l, nil
}

// period is the filter's date range, its open ends closed by this month;
// without a filter, the month that holds today in the office's default
// window (the official 15th-to-14th month where the office reports so).
func (l *List[T]) period() model.Period {
	today := model.DateOf(l.c.Now())
	if l.filter.From.IsZero() && l.filter.To.IsZero() {
		return model.MonthHolding(today, l.c.Office.Window(), l.c.Office.CutoffOn(today))
	}
	y, m, _ := today.YMD()
	p := model.MonthPeriod(y, m)
	if !l.filter.From.IsZero() {
		p.From = l.filter.From
		if l.filter.To.IsZero() && p.To < p.From {
			p.To = model.DateOf(l.c.Now())
		}
	}
	if !l.filter.To.IsZero() {
		p.To = l.filter.To
		if l.filter.From.IsZero() {
			ty, tm, _ := p.To.YMD()
			p.From = model.MonthPeriod(ty, tm).From
		}
	}
	return p
}

// View renders the table: a header and the rows that fit, the selected one
// highlighted, voided ones struck through.
func (l *List[T]) View() string {
	st := l.c.Styles
	var b strings.Builder
	hdr := make([]string, len(l.spec.Columns))
	widths := ColumnWidths(l.spec.Columns, l.c.Width)
	for i, col := range l.spec.Columns {
		hdr[i] = Cell(l.c.T(col.Title), widths[i])
	}
	b.WriteString(st.Header.Render(vntext.Truncate(strings.Join(hdr, " "), l.c.Width-1)) + "\n")
	if l.err != "" {
		return b.String() + st.Error.Render(l.err)
	}
	if len(l.items) == 0 {
		if l.loading {
			return b.String() + st.Dim.Render(l.c.T("loading"))
		}
		return b.String() + st.Dim.Render(l.c.T("list.empty"))
	}
	rows := l.c.Height - 5
	if rows < 1 {
		rows = 1
	}
	if l.sel < l.top {
		l.top = l.sel
	}
	if l.sel >= l.top+rows {
		l.top = l.sel - rows + 1
	}
	for i := l.top; i < len(l.items) && i < l.top+rows; i++ {
		rec := &l.items[i]
		cells := make([]string, len(l.spec.Columns))
		for j, col := range l.spec.Columns {
			cells[j] = Cell(col.Value(rec, l.cits), widths[j])
		}
		line := vntext.Truncate(strings.Join(cells, " "), l.c.Width-1)
		switch {
		case i == l.sel:
			line = st.Selected.Render(line)
		case l.spec.Base(rec).Voided:
			line = st.Voided.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// Cell fits s into exactly w columns (one line), for table rows.
func Cell(s string, w int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return vntext.Pad(s, w)
}

// Changed reloads the page shown when anyone (the clerk in another tab
// too) committed a record of the list's kind, keeping the page and the
// selection (clamped to the rows that come back).
func (l *List[T]) Changed(msg common.ChangedMsg) tea.Cmd {
	if msg.Kind != l.spec.Kind {
		return nil
	}
	if l.keepID == 0 && l.sel < len(l.items) {
		// (a record just saved from here stays the one to select)
		l.keepID = l.spec.Base(&l.items[l.sel]).ID
	}
	return l.load()
}
