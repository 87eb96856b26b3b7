// Package common holds what every screen of the TUI shares: the per-session
// Common value (store, catalogue, styles, size, clock), the messages screens
// use to talk to the root, and the key map. Nothing here is global: each SSH
// session or local run builds its own Common.
package common

import (
	"errors"
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
)

// Common is passed by pointer to every page of one session. The root updates
// Width and Height on resize; pages read them when rendering.
type Common struct {
	Store  model.Store
	Cat    *i18n.Catalog
	Styles *Styles
	Keys   KeyMap
	Width  int
	Height int
	Now    func() time.Time
	Actor  string
	// ExportDir is the folder exports are written to (the summary's F2).
	ExportDir string
	// Protected is the office's protected-identity mode, as last loaded.
	Protected model.ProtectedMode
	// Office is the office settings as last loaded (working calendar,
	// cut-off hours).
	Office model.Office
	// OpenForPrint, set on the desk's own PC, hands a written PDF to the
	// printer named (or, with none, to the PC's viewer); nil over SSH.
	OpenForPrint func(path, printer string) (printed bool, err error)
	// HandToBrowser, set in an SSH session whose server has a print page,
	// gives a written PDF to the browser tab paired with the session and
	// returns what to tell the clerk.
	HandToBrowser func(path string) StatusMsg
	// LastBackup names the newest backup of the database and when it was
	// made; BackupNow makes one (nil where nobody can: tests).
	LastBackup func() (path string, at time.Time, ok bool)
	BackupNow  func() (path string, err error)
	// LockedAccounts are the accounts locked out of password logins from
	// some address, until when; UnlockStaff lifts an account's lockouts
	// (the server's, administrators only; nil elsewhere).
	LockedAccounts func() map[string]time.Time
	UnlockStaff    func(username string) bool
	// OfferDemo: a first run on this desk's own PC offers the demo office
	// beside the real set-up.
	OfferDemo bool
	// DraftEvery is how long after a key the open forms' drafts are
	// written (0: the default; negative: only when a FlushDrafts message
	// or the session's end asks, as tests do).
	DraftEvery time.Duration
	nextID     int
	nav        []NavOp
	names      staffNames
}

// New returns a Common for one session rendering through r.
func New(store model.Store, cat *i18n.Catalog, r *lipgloss.Renderer, actor string, now func() time.Time) *Common {
	if now == nil {
		now = time.Now
	}
	return &Common{Store: store, Cat: cat, Styles: NewStyles(r), Keys: DefaultKeyMap(cat),
		Width: 80, Height: 24, Now: now, Actor: actor, ExportDir: "baocao"}
}

// T translates a catalogue key.
func (c *Common) T(key string, args ...any) string { return c.Cat.T(key, args...) }

// NewPageID returns a fresh id for a page, used to address async results.
func (c *Common) NewPageID() int {
	c.nextID++
	return c.nextID
}

// Page is one screen of a tab's stack: a list, a detail view, a form, a
// picker. The root sends it keys while it is on top and routes its async
// results back to it by ID.
type Page interface {
	ID() int
	Init() tea.Cmd
	Update(msg tea.Msg) (Page, tea.Cmd)
	View() string
	// Title names the page in the header.
	Title() string
	// Help lists the keys that work now, for the footer.
	Help() []KeyHelp
	// Dirty reports unsaved typing, so quitting asks first.
	Dirty() bool
}

// KeyHelp is one footer entry.
type KeyHelp struct{ Key, Desc string }

// Addressed carries an async result to the page with id To, wherever it is.
type Addressed struct {
	To  int
	Msg tea.Msg
}

// Do runs fn off the event loop (a tea.Cmd) and addresses its result to
// page id.
func Do(id int, fn func() tea.Msg) tea.Cmd {
	return func() tea.Msg { return Addressed{To: id, Msg: fn()} }
}

// PushMsg asks the root to put Page on top of the current tab; commands
// that load something first (a form's catalogue) end with it.
type PushMsg struct{ Page Page }

// Returned is what a page receives when the page above it pops.
type Returned struct{ Result any }

// OpenMsg asks the root to show record ID of Kind (detail page) on the
// current tab.
type OpenMsg struct {
	Kind model.Kind
	ID   uint64
}

// StatusMsg shows a line in the status bar (Err: in the error style).
type StatusMsg struct {
	Text string
	Err  bool
}

// NavOp is a navigation a page asked for during Update: push Page, or pop
// (with Result for the page below).
type NavOp struct {
	Push   Page
	Result any
}

// Push asks the root to put p on top of the current tab as soon as the
// current Update returns, before any further key is read, so type-ahead
// always lands on the page the clerk expects. It returns a nil command so a
// page can write "return m, m.c.Push(p)".
func (c *Common) Push(p Page) tea.Cmd {
	c.nav = append(c.nav, NavOp{Push: p})
	return nil
}

// Pop asks the root to remove the top page and hand result to the page
// below, as soon as the current Update returns.
func (c *Common) Pop(result any) tea.Cmd {
	c.nav = append(c.nav, NavOp{Result: result})
	return nil
}

// TakeNav returns and clears the navigation asked for since the last call.
func (c *Common) TakeNav() []NavOp {
	ops := c.nav
	c.nav = nil
	return ops
}

// Busy is implemented by pages that wait for the store (a form saving).
// The root holds keys typed meanwhile and replays them when the wait ends.
type Busy interface{ Busy() bool }

// Shown is a page that refreshes itself when its tab comes to the front,
// because what it shows may have changed in another tab.
type Shown interface {
	Shown() tea.Cmd
}

// Status returns a command that shows text in the status bar.
func Status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Err: isErr} }
}

// ErrorText turns any error from the store into a Vietnamese sentence; a Go
// error string never reaches the screen.
func (c *Common) ErrorText(err error) string {
	var ve *model.ValidationError
	var wait *model.WaitError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &wait):
		return c.T("err.wait_until", wait.Until.In(model.VN).Format("15:04:05"))
	case errors.As(err, &ve):
		if len(ve.Fields) > 0 {
			f := ve.Fields[0]
			return c.T("field."+f.Field) + ": " + c.Cat.FieldError(f.Code, f.Args...)
		}
	case errors.Is(err, model.ErrConflict):
		return c.T("err.conflict")
	case errors.Is(err, model.ErrNotFound):
		return c.T("err.not_found")
	case errors.Is(err, model.ErrVoided):
		return c.T("err.voided")
	case errors.Is(err, model.ErrNoPermission):
		return c.T("err.permission")
	case errors.Is(err, model.ErrProtectedLocked):
		return c.T("err.protected_locked")
	case errors.Is(err, model.ErrWrongPassphrase):
		return c.T("err.passphrase_wrong")
	case errors.Is(err, model.ErrDamaged):
		// one read failed; the session goes on
		return c.T("err.damaged")
	}
	return c.T("err.storage", fmt.Sprintf("%T", err))
}

// ChangedMsg tells every session of the server that someone committed a
// change to a record of Kind, so a list of that kind on screen reloads.
type ChangedMsg struct {
	Kind  model.Kind
	ID    uint64
	Staff string
}

// OpenDraftsMsg asks the root to show the clerk's unsaved drafts.
type OpenDraftsMsg struct{}

// ShutdownMsg tells a session that the server is stopping: it says so and
// quits.
type ShutdownMsg struct{}

// Watcher is a page that reacts to changes other sessions commit.
type Watcher interface {
	Changed(msg ChangedMsg) tea.Cmd
}

// Calendar returns the working calendar of the office as last loaded.
func (c *Common) Calendar() *calendar.Calendar { return calendar.ForOffice(c.Office) }

// SetOffice records the office settings as loaded or saved.
func (c *Common) SetOffice(o model.Office) {
	c.Office, c.Protected = o, o.ProtectedMode()
}

// RuleText describes the deadline rule version ref names ("Khiếu nại: thụ
// lý: 10 ngày (Luật Khiếu nại 2011, Điều 27), áp dụng từ 01/07/2012"), or
// says the date was set by hand when ref is empty.
func (c *Common) RuleText(ref string) string {
	if ref == "" {
		return c.T("deadline.manual")
	}
	for _, r := range c.Office.Deadlines() {
		if r.Ref() == ref {
			return DeadlineText(c, r)
		}
	}
	return ref
}

// BasisText is rule r's legal basis, or says it is the office's own rule.
func BasisText(c *Common, r model.DeadlineRule) string {
	if r.Basis == "" {
		return c.T("deadline.own")
	}
	return r.Basis
}

// DeadlineText describes rule r in one line.
func DeadlineText(c *Common, r model.DeadlineRule) string {
	s := c.T("deadline.rule", c.Cat.Label("deadline", string(r.Key)), r.Days, c.Cat.Label("count", string(r.Mode)))
	s += " (" + BasisText(c, r) + ")"
	if !r.From.IsZero() {
		s += c.T("deadline.from", r.From.String())
	}
	return s
}
