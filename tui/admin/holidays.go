package admin

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

// dayLine is one line of the holidays page: a day off, or a date the
// office set (a day off or a working day).
type dayLine struct {
	date     model.Date
	text     string
	override *model.DayOverride
}

// Holidays shows a year's days off (public holidays, days moved off a rest
// day, the office's own) and the swapped working days, and edits the
// office's overrides: ^N adds one, Enter edits one, ^D removes one.
type Holidays struct {
	c       *common.Common
	id      int
	year    int
	office  model.Office
	lines   []dayLine
	work    int // working days in the year
	sel     int
	top     int
	err     string
	confirm bool
}

type officeRead struct {
	office model.Office
	err    error
}

// NewHolidays returns the page for the current year.
func NewHolidays(c *common.Common) *Holidays {
	y, _, _ := model.DateOf(c.Now()).YMD()
	return &Holidays{c: c, id: c.NewPageID(), year: y}
}

// ID returns the page id.
func (h *Holidays) ID() int { return h.id }

// Init loads the office settings.
func (h *Holidays) Init() tea.Cmd { return h.load() }

func (h *Holidays) load() tea.Cmd {
	store := h.c.Store
	return common.Do(h.id, func() tea.Msg {
		o, err := store.Office()
		return officeRead{office: o, err: err}
	})
}

// Title names the page and the year.
func (h *Holidays) Title() string { return h.c.T("admin.holidays_title", h.year) }

// Dirty is false: every change is saved at once.
func (h *Holidays) Dirty() bool { return false }

// Help lists the live keys.
func (h *Holidays) Help() []common.KeyHelp {
	k := h.c.Keys
	hs := []common.KeyHelp{{Key: "←/→", Desc: h.c.T("admin.year")}}
	hs = append(hs, common.Help(k.New)...)
	if h.sel < len(h.lines) && h.lines[h.sel].override != nil {
		hs = append(hs, common.Help(k.Edit, k.Void)...)
	}
	return append(hs, common.Help(k.Back)...)
}

func (h *Holidays) build() {
	cal := calendar.ForOffice(h.office)
	h.lines = nil
	hs, err := cal.Holidays(h.year)
	if err != nil {
		h.err = h.c.T("err.calendar_year", calendar.MinYear, calendar.MaxYear)
		return
	}
	h.err = ""
	ovs := map[model.Date]*model.DayOverride{}
	for i := range h.office.DayOverrides {
		o := &h.office.DayOverrides[i]
		ovs[o.Date] = o
		if y, _, _ := o.Date.YMD(); y == h.year && o.Kind == model.WorkDay {
			text := h.c.T("admin.workday_set")
			if o.Note != "" {
				text += " — " + o.Note
			}
			h.lines = append(h.lines, dayLine{date: o.Date, text: text, override: o})
		}
	}
	for _, d := range hs {
		h.lines = append(h.lines, dayLine{date: d.Date, text: cal.Describe(d, h.c.T, false), override: ovs[d.Date]})
	}
	sort.SliceStable(h.lines, func(i, j int) bool { return h.lines[i].date < h.lines[j].date })
	h.work = 0
	for m := time.January; m <= time.December; m++ {
		h.work += cal.WorkingDaysInMonth(h.year, m)
	}
	h.sel = min(h.sel, max(0, len(h.lines)-1))
}

// Update changes the year, opens the override form and removes overrides.
func (h *Holidays) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := h.c.Keys
	switch msg := msg.(type) {
	case officeRead:
		if msg.err != nil {
			h.err = h.c.ErrorText(msg.err)
			return h, nil
		}
		h.office = msg.office
		h.c.SetOffice(msg.office)
		h.build()
	case common.Returned:
		if o, ok := msg.Result.(overrideSaved); ok {
			h.office = o.office
			h.c.SetOffice(o.office)
			h.build()
			return h, common.Status(h.c.T("admin.override_saved", o.date.String()), false)
		}
	case overrideSaved: // a removal
		h.office = msg.office
		h.c.SetOffice(msg.office)
		h.build()
		return h, common.Status(h.c.T("admin.override_removed", msg.date.String()), false)
	case overrideFailed:
		return h, common.Status(h.c.ErrorText(msg.err), true)
	case tea.KeyMsg:
		if !key.Matches(msg, k.Void) {
			h.confirm = false
		}
		switch {
		case msg.Type == tea.KeyUp && h.sel > 0:
			h.sel--
		case msg.Type == tea.KeyDown && h.sel < len(h.lines)-1:
			h.sel++
		case msg.Type == tea.KeyLeft && h.year > calendar.MinYear:
			h.year, h.sel, h.top = h.year-1, 0, 0
			h.build()
		case msg.Type == tea.KeyRight && h.year < calendar.MaxYear:
			h.year, h.sel, h.top = h.year+1, 0, 0
			h.build()
		case key.Matches(msg, k.Back):
			return h, h.c.Pop(nil)
		case key.Matches(msg, k.New):
			return h, h.c.Push(NewOverrideForm(h.c, OverrideEdit{Is: model.DayOff}))
		case (key.Matches(msg, k.Edit) || key.Matches(msg, k.Open)) && h.selected() != nil:
			o := *h.selected()
			return h, h.c.Push(NewOverrideForm(h.c, OverrideEdit{Date: o.Date, Is: o.Kind, Note: o.Note, Orig: o.Date}))
		case key.Matches(msg, k.Void) && h.selected() != nil:
			if !h.confirm {
				h.confirm = true
				return h, common.Status(h.c.T("admin.override_confirm", h.selected().Date.String()), true)
			}
			h.confirm = false
			date, store := h.selected().Date, h.c.Store
			return h, common.Do(h.id, func() tea.Msg {
				o, err := saveOverride(store, date, nil)
				if err != nil {
					return overrideFailed{err}
				}
				return overrideSaved{office: o, date: date}
			})
		}
	}
	return h, nil
}

func (h *Holidays) selected() *model.DayOverride {
	if h.sel < len(h.lines) {
		return h.lines[h.sel].override
	}
	return nil
}

// View lists the year's days, the office's own marked, and the total of
// working days.
func (h *Holidays) View() string {
	st := h.c.Styles
	c := h.c
	if h.err != "" {
		return st.Error.Render(h.err)
	}
	out := []string{st.Dim.Render(c.T("admin.holidays_total", h.work))}
	rows := max(1, c.Height-6)
	if h.sel < h.top {
		h.top = h.sel
	}
	if h.sel >= h.top+rows {
		h.top = h.sel - rows + 1
	}
	for i := h.top; i < len(h.lines) && i < h.top+rows; i++ {
		l := h.lines[i]
		mark := "  "
		if l.override != nil {
			mark = "● "
		}
		line := vntext.Truncate(fmt.Sprintf("%s%s %s %s", mark, l.date.String(),
			register.Cell(c.Cat.Label("weekday", strconv.Itoa(int(l.date.Weekday()))), 9), l.text), c.Width-1)
		if i == h.sel {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	for _, l := range vntext.Wrap(c.T("admin.holidays_legend"), c.Width-1, 0) {
		out = append(out, st.Dim.Render(l))
	}
	return strings.Join(out, "\n")
}

// overrideSaved carries the office settings after an override was saved or
// removed.
type overrideSaved struct {
	office model.Office
	date   model.Date
}

type overrideFailed struct{ err error }

// saveOverride reads the office settings, puts o in place of any override
// on date (nil removes it) and saves them.
func saveOverride(store model.Store, date model.Date, o *model.DayOverride) (model.Office, error) {
	off, err := store.Office()
	if err != nil {
		return off, err
	}
	kept := off.DayOverrides[:0:0]
	for _, x := range off.DayOverrides {
		if x.Date != date && (o == nil || x.Date != o.Date) {
			kept = append(kept, x)
		}
	}
	if o != nil {
		kept = append(kept, *o)
	}
	off.DayOverrides = kept
	err = store.SaveOffice(&off)
	return off, err
}

// OverrideEdit is what the override form edits: a date, day off or working
// day, and a note. Orig is the date of the override being edited (0: new).
type OverrideEdit struct {
	model.Meta
	Date model.Date
	Is   model.DayOverrideKind
	Note string
	Orig model.Date
}

// Kind returns an empty kind: the override is saved as part of the office
// settings.
func (*OverrideEdit) Kind() model.Kind { return "" }

// Normalize cleans the note.
func (e *OverrideEdit) Normalize() { e.Note = vntext.Clean(e.Note, false) }

// Validate checks the date and the note.
func (e *OverrideEdit) Validate(time.Time) error {
	var fields []model.FieldError
	y, _, _ := e.Date.YMD()
	switch {
	case e.Date.IsZero():
		fields = append(fields, model.FieldError{Field: "OverrideDate", Code: model.ErrCodeRequired})
	case y < calendar.MinYear || y > calendar.MaxYear:
		fields = append(fields, model.FieldError{Field: "OverrideDate", Code: model.ErrCodeCalendarYear,
			Args: []any{calendar.MinYear, calendar.MaxYear}})
	}
	if !e.Is.Valid() {
		fields = append(fields, model.FieldError{Field: "OverrideKind", Code: model.ErrCodeChoice})
	}
	if len([]rune(e.Note)) > model.MaxShortLen {
		fields = append(fields, model.FieldError{Field: "OverrideNote", Code: model.ErrCodeTooLong, Args: []any{model.MaxShortLen}})
	}
	if len(fields) > 0 {
		return &model.ValidationError{Fields: fields}
	}
	return nil
}

// NewOverrideForm returns the form adding or editing one override.
func NewOverrideForm(c *common.Common, e OverrideEdit) common.Page {
	kinds := form.Options(model.DayOverrideKinds(), func(code string) string { return c.Cat.Label("override", code) })
	fields := []form.Field[OverrideEdit]{
		form.DateField("OverrideDate", true, func(e *OverrideEdit) *model.Date { return &e.Date }),
		form.ChoiceField("OverrideKind", true, kinds, func(e *OverrideEdit) *model.DayOverrideKind { return &e.Is }),
		form.TextField("OverrideNote", false, func(e *OverrideEdit) *string { return &e.Note }),
	}
	title := c.T("admin.override_new")
	if e.Orig != 0 {
		title = c.T("admin.override_edit", e.Orig.String())
	}
	store := c.Store
	var saved model.Office
	return form.New(c, title, e, fields, func(e *OverrideEdit) error {
		o, err := saveOverride(store, e.Orig, &model.DayOverride{Date: e.Date, Kind: e.Is, Note: e.Note})
		saved = o
		return err
	}).WithResult(func(e OverrideEdit) any { return overrideSaved{office: saved, date: e.Date} })
}
