// Package tuitest drives the whole program as Bubble Tea would, but
// synchronously, for the tests that live beside each screen's package:
// every command is run and its message fed back until nothing is left,
// keys are real key messages and what is checked is what the screen shows.
package tuitest

import (
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
	"github.com/tiepdan/tiepdan/tui"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Now is the fixed "now" of a driven desk: Wednesday 21 October 2026,
// 09:30 in Vietnam.
var Now = time.Date(2026, 10, 21, 9, 30, 0, 0, model.VN)

// Driver is one desk at 80x24 over a database of its own.
type Driver struct {
	T   *testing.T
	App tea.Model
	DB  *storage.DB
	C   *common.Common

	mu      sync.Mutex
	changes []tea.Msg
}

// New opens a new office (named, so no first-run form) and a desk on it
// as the local user "canbo"; the database is verified when the test ends.
func New(t *testing.T) *Driver {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{Now: func() time.Time { return Now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Verify(); err != nil {
			t.Errorf("verify: %v", err)
		}
		db.Close()
	})
	store := db.For("canbo")
	o, _ := store.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	o.Leaders = []string{"Chủ tịch Nguyễn Văn Thành", "Phó Chủ tịch Lê Thị Hạnh"}
	if err := store.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	c := common.New(store, i18n.New(i18n.Vietnamese), lipgloss.NewRenderer(io.Discard), "canbo", func() time.Time { return Now })
	c.ExportDir = t.TempDir()
	c.DraftEvery = -1
	return Attach(t, db, c)
}

// Attach starts a desk on db through c (its store, clock and folders as
// the test wants them) at 80x24: the database's commits reach the program
// as the server and the local program deliver them, before the commands
// still queued.
func Attach(t *testing.T, db *storage.DB, c *common.Common) *Driver {
	d := &Driver{T: t, App: tui.New(c), DB: db, C: c}
	t.Cleanup(db.Subscribe(func(ev storage.Event) {
		d.mu.Lock()
		d.changes = append(d.changes, common.ChangedMsg{Kind: ev.Kind, ID: ev.ID, Staff: ev.Staff})
		d.mu.Unlock()
	}))
	d.Run(d.App.Init())
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return d
}

// DropChanges forgets the commits not yet delivered (records seeded before
// the clerk looks).
func (d *Driver) DropChanges() {
	d.mu.Lock()
	d.changes = nil
	d.mu.Unlock()
}

// Run executes cmd and everything it leads to, feeding each message back.
func (d *Driver) Run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for steps := 0; ; steps++ {
		if steps > 1000 {
			d.T.Fatal("commands do not settle")
		}
		d.mu.Lock()
		changes := d.changes
		d.changes = nil
		d.mu.Unlock()
		for i := len(changes) - 1; i >= 0; i-- {
			m := changes[i]
			queue = append([]tea.Cmd{func() tea.Msg { return m }}, queue...)
		}
		if len(queue) == 0 {
			return
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(5 * time.Second):
			d.T.Fatal("a command did not return")
		}
		switch m := msg.(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			queue = append(queue, m...)
		default:
			var next tea.Cmd
			d.App, next = d.App.Update(m)
			queue = append(queue, next)
		}
	}
}

// Send delivers messages one after another, each with what it causes.
func (d *Driver) Send(msgs ...tea.Msg) {
	for _, m := range msgs {
		var cmd tea.Cmd
		d.App, cmd = d.App.Update(m)
		d.Run(cmd)
	}
}

// Key presses key k n times.
func (d *Driver) Key(k tea.KeyType, n int) {
	for i := 0; i < n; i++ {
		d.Send(tea.KeyMsg{Type: k})
	}
}

// Type types text as one burst of runes.
func (d *Driver) Type(s string) { d.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}) }

// Screen is what the desk shows now.
func (d *Driver) Screen() string { return d.App.View() }

// Expect fails unless the screen holds every part.
func (d *Driver) Expect(want ...string) {
	d.T.Helper()
	s := d.Screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			d.T.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// ExpectLine fails unless one line of the screen holds all parts.
func (d *Driver) ExpectLine(parts ...string) {
	d.T.Helper()
	for _, line := range strings.Split(d.Screen(), "\n") {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return
		}
	}
	d.T.Fatalf("no line holds %q:\n%s", parts, d.Screen())
}

// ExpectNot fails if the screen shows bad.
func (d *Driver) ExpectNot(bad string) {
	d.T.Helper()
	if s := d.Screen(); strings.Contains(s, bad) {
		d.T.Fatalf("screen shows %q:\n%s", bad, s)
	}
}
