// Package admin holds the pages behind F12: the administration menu, the
// staff accounts (administrators), and the audit log (leaders and
// administrators). What a role may open is decided by the store as well:
// the menu only hides what the store would refuse.
package admin

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/setup"
)

// entry is one line of the menu.
type entry struct {
	label string // catalogue key
	open  func(c *common.Common) tea.Cmd
}

// Menu is the administration menu: one line per screen the staff member
// may open.
type Menu struct {
	c       *common.Common
	id      int
	entries []entry
	sel     int
	// the last backup, as read when the menu opened or a backup was made
	backup backupState
}

// backupState is what the menu knows of the last backup.
type backupState struct {
	known, ok bool
	path      string
	at        time.Time
	made      bool  // a backup just made, not the last one read
	err       error // of a backup just attempted
}

// Allowed reports whether the staff member of c may open the menu at all.
func Allowed(c *common.Common) bool { return c.Store.Me().CanAudit() }

// NewMenu returns the menu for the staff member of c.
func NewMenu(c *common.Common) *Menu {
	me := c.Store.Me()
	var es []entry
	if me.CanAdmin() {
		es = append(es,
			entry{"admin.office", setup.Open},
			entry{"admin.staff", func(c *common.Common) tea.Cmd { return c.Push(NewStaffList(c)) }},
			entry{"admin.holidays", func(c *common.Common) tea.Cmd { return c.Push(NewHolidays(c)) }})
	}
	if me.CanAudit() {
		es = append(es, entry{"admin.audit", func(c *common.Common) tea.Cmd { return c.Push(NewAuditLog(c)) }})
	}
	if me.CanAdmin() {
		es = append(es,
			entry{"admin.procedures", func(c *common.Common) tea.Cmd { return c.Push(NewProcedures(c)) }},
			entry{"admin.deadlines", func(c *common.Common) tea.Cmd { return c.Push(NewDeadlineRules(c)) }})
	}
	m := &Menu{c: c, id: c.NewPageID()}
	if me.CanAdmin() && c.BackupNow != nil {
		es = append(es, entry{"admin.backup_now", func(c *common.Common) tea.Cmd { return m.backupNow() }})
	}
	m.entries = es
	return m
}

// Open returns the command that pushes the menu.
func Open(c *common.Common) tea.Cmd { return c.Push(NewMenu(c)) }

// ID returns the page id.
func (m *Menu) ID() int { return m.id }

// Init does nothing.
func (m *Menu) Init() tea.Cmd {
	last := m.c.LastBackup
	if last == nil {
		return nil
	}
	return common.Do(m.id, func() tea.Msg { // the folder is read off the event loop
		path, at, ok := last()
		return backupState{known: true, ok: ok, path: path, at: at}
	})
}

// Title names the menu.
func (m *Menu) Title() string { return m.c.T("admin.title") }

// Dirty is false.
func (m *Menu) Dirty() bool { return false }

// Help lists the live keys.
func (m *Menu) Help() []common.KeyHelp { return common.Help(m.c.Keys.Open, m.c.Keys.Back) }

// Update moves, opens and leaves; a digit opens its line at once.
func (m *Menu) Update(msg tea.Msg) (common.Page, tea.Cmd) {
	if b, ok := msg.(backupState); ok {
		if b.err != nil {
			return m, common.Status(m.c.T("admin.backup_failed", m.c.ErrorText(b.err)), true)
		}
		m.backup = b
		if b.made {
			return m, common.Status(m.c.T("admin.backup_done", b.path), false)
		}
		return m, nil
	}
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch {
	case k.Type == tea.KeyUp && m.sel > 0:
		m.sel--
	case k.Type == tea.KeyDown && m.sel < len(m.entries)-1:
		m.sel++
	case key.Matches(k, m.c.Keys.Back):
		return m, m.c.Pop(nil)
	case key.Matches(k, m.c.Keys.Open) && len(m.entries) > 0:
		return m, m.entries[m.sel].open(m.c)
	case k.Type == tea.KeyRunes && len(k.Runes) == 1 && k.Runes[0] >= '1' && int(k.Runes[0]-'1') < len(m.entries):
		m.sel = int(k.Runes[0] - '1')
		return m, m.entries[m.sel].open(m.c)
	}
	return m, nil
}

// backupNow makes a backup off the event loop; the menu then shows it.
func (m *Menu) backupNow() tea.Cmd {
	run, now := m.c.BackupNow, m.c.Now
	return common.Do(m.id, func() tea.Msg {
		path, err := run()
		return backupState{known: true, ok: err == nil, path: path, at: now(), made: true, err: err}
	})
}

// backupLine says when the last backup was made, and warns when it is
// more than two days old or there is none.
func (m *Menu) backupLine() (string, bool) {
	c, b := m.c, m.backup
	switch {
	case !b.known:
		return "", false
	case !b.ok:
		return c.T("admin.backup_none"), true
	}
	old := c.Now().Sub(b.at) > 48*time.Hour
	line := c.T("admin.backup_last", model.FormatDateTime(b.at), b.path)
	if old {
		line = c.T("admin.backup_old", int(c.Now().Sub(b.at).Hours()/24)) + " " + line
	}
	return line, old
}

// View lists the entries, numbered, under the state of the backups.
func (m *Menu) View() string {
	st := m.c.Styles
	var b strings.Builder
	if line, warn := m.backupLine(); line != "" {
		s := st.Dim
		if warn {
			s = st.Error
		}
		for _, l := range vntext.Wrap(line, m.c.Width-1, 3) {
			b.WriteString(s.Render(l) + "\n")
		}
		b.WriteString("\n")
	}
	for i, e := range m.entries {
		line := " " + string(rune('1'+i)) + ". " + m.c.T(e.label) + " "
		if i == m.sel {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
