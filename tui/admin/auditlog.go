package admin

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/register"
)

// AuditPageSize is the number of events fetched per page.
const AuditPageSize = 100

// AuditFilter selects what the audit log shows: one staff member, one day,
// one record, or everything. Edited with the shared form.
type AuditFilter struct {
	model.Meta
	Staff    string
	Day      model.Date
	KindCode model.Kind
	RecordID int
}

// Kind returns an empty kind: a filter is never stored.
func (*AuditFilter) Kind() model.Kind { return "" }

// Normalize lower-cases the username.
func (f *AuditFilter) Normalize() { f.Staff = strings.ToLower(strings.TrimSpace(f.Staff)) }

// Validate asks for a kind when a record number is given, and a username
// that can exist.
func (f *AuditFilter) Validate(time.Time) error {
	var fields []model.FieldError
	if f.Staff != "" && !model.ValidUsername(f.Staff) {
		fields = append(fields, model.FieldError{Field: "AuditStaff", Code: model.ErrCodeUsername})
	}
	if f.RecordID < 0 {
		fields = append(fields, model.FieldError{Field: "AuditRecord", Code: model.ErrCodeNumber})
	}
	if f.RecordID > 0 && f.KindCode == "" {
		fields = append(fields, model.FieldError{Field: "AuditKind", Code: "err.audit_kind_needed"})
	}
	if len(fields) > 0 {
		return &model.ValidationError{Fields: fields}
	}
	return nil
}

// query turns the filter into a store query. A record wins over a staff
// member, who wins over a day (the store answers one selector at a time);
// the others are then applied to the events that come back.
func (f AuditFilter) query(before uint64) model.AuditQuery {
	q := model.AuditQuery{Before: before, Limit: AuditPageSize}
	switch {
	case f.RecordID > 0:
		q.Kind, q.RecordID = f.KindCode, uint64(f.RecordID)
	case f.Staff != "":
		q.Staff = f.Staff
	case !f.Day.IsZero():
		q.Day = f.Day
	}
	return q
}

// keep reports whether ev matches the selectors the store did not apply.
func (f AuditFilter) keep(ev model.AuditEvent) bool {
	if f.Staff != "" && ev.Staff != f.Staff {
		return false
	}
	if !f.Day.IsZero() && model.DateOf(ev.At) != f.Day {
		return false
	}
	if f.KindCode != "" && ev.Kind != f.KindCode {
		return false
	}
	return true
}

// AuditLog lists changes, newest first, filtered by staff, day or record:
// one line per event, the selected event's changes below the list. Enter
// opens the record.
type AuditLog struct {
	c       *common.Common
	id      int
	filter  AuditFilter
	events  []model.AuditEvent
	next    uint64   // Before for the next page; 0 when none
	befores []uint64 // Before of the pages before this one
	before  uint64
	sel     int
	top     int
	loading bool
	err     string
	seq     int
}

type auditPage struct {
	seq    int
	events []model.AuditEvent
	next   uint64
	err    error
}

// NewAuditLog returns the audit log page, unfiltered.
func NewAuditLog(c *common.Common) *AuditLog {
	return &AuditLog{c: c, id: c.NewPageID()}
}

// NewAuditLogFor returns the audit log page with filter f.
func NewAuditLogFor(c *common.Common, f AuditFilter) *AuditLog {
	return &AuditLog{c: c, id: c.NewPageID(), filter: f}
}

// ID returns the page id.
func (a *AuditLog) ID() int { return a.id }

// Init loads the first page.
func (a *AuditLog) Init() tea.Cmd { return a.load() }

// Events returns the events shown (tests).
func (a *AuditLog) Events() []model.AuditEvent { return a.events }

func (a *AuditLog) load() tea.Cmd {
	a.seq++
	a.loading = true
	seq, store, f, before := a.seq, a.c.Store, a.filter, a.before
	return common.Do(a.id, func() tea.Msg {
		// Fetch pages until one screenful matches or the log ends, so a
		// filter the store cannot apply still fills the page.
		var out []model.AuditEvent
		q := f.query(before)
		for {
			evs, err := store.AuditLog(q)
			if err != nil {
				return auditPage{seq: seq, err: err}
			}
			for _, ev := range evs {
				if f.keep(ev) {
					out = append(out, ev)
				}
			}
			if len(evs) < q.Limit {
				return auditPage{seq: seq, events: out}
			}
			q.Before = evs[len(evs)-1].Seq
			if len(out) >= AuditPageSize {
				return auditPage{seq: seq, events: out, next: q.Before}
			}
		}
	})
}

// Title names the page, the filter and the page number.
func (a *AuditLog) Title() string {
	t := a.c.T("admin.audit")
	if d := a.describe(); d != "" {
		t += " · " + d
	}
	return t + " · " + a.c.T("list.page", len(a.befores)+1)
}

func (a *AuditLog) describe() string {
	var parts []string
	f := a.filter
	if f.RecordID > 0 {
		parts = append(parts, a.c.T("kind."+string(f.KindCode))+" #"+fmt.Sprint(f.RecordID))
	} else if f.KindCode != "" {
		parts = append(parts, a.c.T("kind."+string(f.KindCode)))
	}
	if f.Staff != "" {
		parts = append(parts, f.Staff)
	}
	if !f.Day.IsZero() {
		parts = append(parts, f.Day.String())
	}
	return strings.Join(parts, ", ")
}

// Dirty is false.
func (a *AuditLog) Dirty() bool { return false }

// Help lists the live keys.
func (a *AuditLog) Help() []common.KeyHelp {
	k := a.c.Keys
	hs := common.Help(k.Open, k.Filter)
	if a.next != 0 {
		hs = append(hs, common.Help(k.PageDown)...)
	}
	if len(a.befores) > 0 {
		hs = append(hs, common.Help(k.PageUp)...)
	}
	return append(hs, common.Help(k.Refresh, k.Back)...)
}

// Update moves, pages, filters and opens.
func (a *AuditLog) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	k := a.c.Keys
	switch msg := msg.(type) {
	case auditPage:
		if msg.seq != a.seq {
			return a, nil
		}
		a.loading, a.err = false, ""
		if msg.err != nil {
			a.err = a.c.ErrorText(msg.err)
			return a, nil
		}
		a.events, a.next = msg.events, msg.next
		a.sel = min(a.sel, max(0, len(a.events)-1))
	case common.Returned:
		if f, ok := msg.Result.(AuditFilter); ok {
			a.filter, a.before, a.befores, a.sel, a.top = f, 0, nil, 0, 0
			return a, a.load()
		}
	case tea.KeyMsg:
		switch {
		case msg.Type == tea.KeyUp && a.sel > 0:
			a.sel--
		case msg.Type == tea.KeyDown && a.sel < len(a.events)-1:
			a.sel++
		case key.Matches(msg, k.Back):
			return a, a.c.Pop(nil)
		case key.Matches(msg, k.PageDown) && a.next != 0:
			a.befores = append(a.befores, a.before)
			a.before, a.sel, a.top = a.next, 0, 0
			return a, a.load()
		case key.Matches(msg, k.PageUp) && len(a.befores) > 0:
			a.before = a.befores[len(a.befores)-1]
			a.befores, a.sel, a.top = a.befores[:len(a.befores)-1], 0, 0
			return a, a.load()
		case key.Matches(msg, k.Refresh):
			return a, a.load()
		case key.Matches(msg, k.Filter):
			return a, a.c.Push(NewAuditFilterForm(a.c, a.filter))
		case key.Matches(msg, k.Open) && len(a.events) > 0:
			return a, a.open(a.events[a.sel])
		}
	}
	return a, nil
}

// open shows the record an event is about: its page for the registers and
// citizens, its change trail for accounts and settings.
func (a *AuditLog) open(ev model.AuditEvent) tea.Cmd {
	switch ev.Kind {
	case model.KindCitizen, model.KindReception, model.KindPetition, model.KindDossier, model.KindSession:
		return func() tea.Msg { return common.OpenMsg{Kind: ev.Kind, ID: ev.RecordID} }
	}
	return a.c.Push(register.NewAudit(a.c, ev.Kind, ev.RecordID))
}

// View renders one line per event and, under a rule, the selected event's
// changes.
func (a *AuditLog) View() string {
	st := a.c.Styles
	c := a.c
	w := c.Width - 1
	// who is a full name: wider windows show more of it
	ww := min(24, max(12, 12+(w-79)/3))
	row := func(at, who, act, rec, fields string) string {
		return vntext.Truncate(fmt.Sprintf("%s %s %s %s %s", register.Cell(at, 16), register.Cell(who, ww), register.Cell(act, 12), register.Cell(rec, 18), fields), w)
	}
	out := []string{st.Header.Render(row(c.T("admin.col_at"), c.T("admin.col_staff"), c.T("admin.col_action"),
		c.T("admin.col_record"), c.T("admin.col_fields")))}
	switch {
	case a.err != "":
		return out[0] + "\n" + st.Error.Render(a.err)
	case len(a.events) == 0 && a.loading:
		return out[0] + "\n" + st.Dim.Render(c.T("loading"))
	case len(a.events) == 0:
		return out[0] + "\n" + st.Dim.Render(c.T("admin.audit_none"))
	}
	changes := a.changes(a.events[a.sel], w)
	rows := max(1, c.Height-5-len(changes))
	if a.sel < a.top {
		a.top = a.sel
	}
	if a.sel >= a.top+rows {
		a.top = a.sel - rows + 1
	}
	for i := a.top; i < len(a.events) && i < a.top+rows; i++ {
		ev := a.events[i]
		var names []string
		for _, ch := range ev.Changes {
			names = append(names, c.T("field."+ch.Field))
		}
		line := row(model.FormatDateTime(ev.At), c.StaffName(ev.Staff), c.T("action."+ev.Action),
			c.T("kind."+string(ev.Kind))+" #"+fmt.Sprint(ev.RecordID), strings.Join(names, ", "))
		if i == a.sel {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	for len(out) < rows+1 {
		out = append(out, "")
	}
	return strings.Join(append(out, changes...), "\n")
}

// changes renders the selected event's fields, old → new, at most 6 lines.
func (a *AuditLog) changes(ev model.AuditEvent, w int) []string {
	if len(ev.Changes) == 0 {
		return nil
	}
	st := a.c.Styles
	out := []string{st.Dim.Render(strings.Repeat("─", min(w, 40)))}
	for i, ch := range ev.Changes {
		if i == 5 && len(ev.Changes) > 6 {
			out = append(out, st.Dim.Render(a.c.T("admin.more_changes", len(ev.Changes)-5)))
			break
		}
		out = append(out, vntext.Truncate(register.ChangeText(a.c, ch), w))
	}
	if ev.Reason != "" {
		out = append(out, vntext.Truncate(a.c.T("audit.reason", ev.Reason), w))
	}
	return out
}

// auditKinds are the kinds the filter offers.
var auditKinds = []model.Kind{model.KindReception, model.KindPetition, model.KindDossier, model.KindCitizen,
	model.KindSession, model.KindStaff, model.KindOffice}

// NewAuditFilterForm returns the form editing the audit log's filter.
func NewAuditFilterForm(c *common.Common, cur AuditFilter) common.Page {
	kinds := append([]form.Option{{Code: "", Label: c.T("filter.all")}},
		form.Options(auditKinds, func(code string) string { return c.T("kind." + code) })...)
	staff := form.TextField("AuditStaff", false, func(f *AuditFilter) *string { return &f.Staff })
	day := form.DateField("AuditDay", false, func(f *AuditFilter) *model.Date { return &f.Day })
	kind := form.ChoiceField("AuditKind", false, kinds, func(f *AuditFilter) *model.Kind { return &f.KindCode })
	rec := form.IntField("AuditRecord", false, func(f *AuditFilter) *int { return &f.RecordID })
	return form.New(c, c.T("filter.title"), cur, []form.Field[AuditFilter]{staff, day, kind, rec},
		func(*AuditFilter) error { return nil }).
		WithResult(func(f AuditFilter) any { return f })
}
