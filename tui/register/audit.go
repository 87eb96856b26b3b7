package register

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Audit lists the changes made to one record: who, when, which fields from
// what to what.
type Audit struct {
	c      *common.Common
	id     int
	kind   model.Kind
	rid    uint64
	events []model.AuditEvent
	err    string
	top    int
}

type auditLoaded struct {
	events []model.AuditEvent
	err    error
}

// NewAudit returns the audit trail page of a record.
func NewAudit(c *common.Common, kind model.Kind, rid uint64) *Audit {
	return &Audit{c: c, id: c.NewPageID(), kind: kind, rid: rid}
}

// ID returns the page id.
func (a *Audit) ID() int { return a.id }

// Init loads the events.
func (a *Audit) Init() tea.Cmd {
	store, kind, id := a.c.Store, a.kind, a.rid
	return common.Do(a.id, func() tea.Msg {
		ev, err := store.Audit(kind, id)
		return auditLoaded{events: ev, err: err}
	})
}

// Title names the page.
func (a *Audit) Title() string { return a.c.T("audit.title") }

// Dirty is false.
func (a *Audit) Dirty() bool { return false }

// Help lists the live keys.
func (a *Audit) Help() []common.KeyHelp {
	return common.Help(a.c.Keys.Up, a.c.Keys.Down, a.c.Keys.Back)
}

// Update scrolls and leaves.
func (a *Audit) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case auditLoaded:
		a.events = msg.events
		if msg.err != nil {
			a.err = a.c.ErrorText(msg.err)
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, a.c.Keys.Back):
			return a, a.c.Pop(nil)
		case msg.Type == tea.KeyUp && a.top > 0:
			a.top--
		case msg.Type == tea.KeyDown:
			a.top++
		}
	}
	return a, nil
}

// View renders one block per event.
func (a *Audit) View() string {
	st := a.c.Styles
	if a.err != "" {
		return st.Error.Render(a.err)
	}
	var lines []string
	for _, ev := range a.events {
		lines = append(lines, st.LabelFocus.Render(model.FormatDateTime(ev.At)+"  "+ev.Staff+"  "+a.c.T("action."+ev.Action)))
		for _, ch := range ev.Changes {
			lines = append(lines, vntext.Truncate("  "+ChangeText(a.c, ch), a.c.Width-1))
		}
		if ev.Reason != "" {
			lines = append(lines, vntext.Truncate("  "+a.c.T("audit.reason", ev.Reason), a.c.Width-1))
		}
	}
	h := a.c.Height - 4
	if a.top > len(lines)-h {
		a.top = max(0, len(lines)-h)
	}
	end := min(len(lines), a.top+h)
	return strings.Join(lines[a.top:end], "\n")
}

// ChangeText renders one audited change on one line: "Field: old → new", or
// "Field: new" when there was no old value.
func ChangeText(c *common.Common, ch model.Change) string {
	l := c.T("field."+ch.Field) + ": " + ch.Old + " → " + ch.New
	if ch.Old == "" {
		l = c.T("field."+ch.Field) + ": " + ch.New
	}
	return strings.ReplaceAll(l, "\n", " ")
}
