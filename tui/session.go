package tui

import (
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/common"
)

// LockConfig is how a server session locks itself when nobody types.
type LockConfig struct {
	// Idle is the time without a keypress after which the screen locks;
	// zero never locks (local mode).
	Idle time.Duration
	// Check verifies the password typed to unlock; nil means the account
	// logs in by key only: an idle session then ends, and logging in again
	// with the key is the check.
	Check func(password string) bool
	// Tick is how often idleness is checked (default Idle/10, at least 1 s).
	Tick time.Duration
	// Grace is how long a session keeps working once the server says it is
	// stopping: the clerk is told, may save, and what is still unsaved is
	// kept as a draft when it ends.
	Grace time.Duration
}

// MaxUnlockFailures wrong passwords at the lock screen end the session.
const MaxUnlockFailures = 5

// Session wraps the App of one SSH session: it locks the screen after
// LockConfig.Idle without a keypress (a redrawing screen keeps the TCP
// connection busy, so only keys count), asks for the password to unlock, and
// quits when the server shuts down. Everything else goes to the App.
type Session struct {
	app      *App
	c        *common.Common
	cfg      LockConfig
	last     time.Time
	locked   bool
	checking bool
	fails    int
	msg      string
	input    textinput.Model
	closing  bool
	// idleEnded: the session ended for idleness (a key-only account)
	idleEnded bool
}

// IdleEnded reports whether the session ended because the desk was left
// idle (an account with no password to unlock with).
func (s *Session) IdleEnded() bool { return s.idleEnded }

type lockTick struct{}

type unlockResult struct{ ok bool }

type shutdownNow struct{}

// NewSession wraps app for a server session.
func NewSession(app *App, cfg LockConfig) *Session {
	if cfg.Tick == 0 {
		cfg.Tick = max(cfg.Idle/10, time.Second)
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 700 * time.Millisecond
	}
	in := textinput.New()
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	in.Prompt = ""
	in.CharLimit = 128
	return &Session{app: app, c: app.c, cfg: cfg, last: app.c.Now(), input: in}
}

// Locked reports whether the lock screen is shown.
func (s *Session) Locked() bool { return s.locked }

// Init starts the App and the idle clock.
func (s *Session) Init() tea.Cmd { return tea.Batch(s.app.Init(), s.tick()) }

func (s *Session) tick() tea.Cmd {
	if s.cfg.Idle <= 0 {
		return nil
	}
	return tea.Tick(s.cfg.Tick, func(time.Time) tea.Msg { return lockTick{} })
}

// Update checks idleness, handles the lock screen and the shutdown notice,
// and hands everything else to the App.
func (s *Session) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case lockTick:
		if !s.locked && s.c.Now().Sub(s.last) >= s.cfg.Idle {
			if s.cfg.Check == nil {
				// a key-only account has no password to ask: the desk is
				// left by ending the session, what was typed kept as a
				// draft, and only the key lets anyone back in
				s.idleEnded = true // the server keeps the drafts once the program ends
				return s, tea.Quit
			}
			s.lock()
		}
		return s, s.tick()
	case common.ShutdownMsg:
		s.closing = true
		grace := s.cfg.Grace
		if !s.app.dirty() {
			grace = min(grace, 700*time.Millisecond) // nothing to save: no wait
		}
		s.app.Update(common.StatusMsg{Text: s.c.T("server.stopping", s.c.Cat.Duration(grace)), Err: true})
		return s, tea.Tick(grace, func(time.Time) tea.Msg { return shutdownNow{} })
	case shutdownNow:
		return s, tea.Quit // the server keeps the drafts once the program ends
	case unlockResult:
		return s.unlocked(msg)
	case tea.WindowSizeMsg:
		s.app.Update(msg)
		return s, nil
	case tea.KeyMsg:
		if s.locked {
			return s.lockKey(msg)
		}
		s.last = s.c.Now()
	}
	_, cmd := s.app.Update(msg)
	return s, cmd
}

func (s *Session) lock() {
	s.c.Store.LockProtected() // an unattended desk shows no identity: the passphrase is asked again
	s.locked, s.msg, s.fails = true, "", 0
	s.input.SetValue("")
	s.input.Focus()
}

func (s *Session) lockKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if s.checking {
		return s, nil
	}
	if msg.Type == tea.KeyCtrlC {
		return s, tea.Quit
	}
	if msg.Type != tea.KeyEnter {
		if s.cfg.Check != nil {
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			return s, cmd
		}
		return s, nil
	}
	if s.cfg.Check == nil {
		return s.unlocked(unlockResult{ok: true})
	}
	s.checking, s.msg = true, s.c.T("lock.checking")
	pw, check := s.input.Value(), s.cfg.Check
	return s, func() tea.Msg { return unlockResult{ok: check(pw)} }
}

func (s *Session) unlocked(r unlockResult) (tea.Model, tea.Cmd) {
	s.checking = false
	s.input.SetValue("")
	if r.ok {
		s.locked, s.msg = false, ""
		s.last = s.c.Now()
		return s, nil
	}
	s.fails++
	if s.fails >= MaxUnlockFailures {
		return s, tea.Quit
	}
	s.msg = s.c.T("lock.wrong", MaxUnlockFailures-s.fails)
	return s, nil
}

// View shows the lock screen, the shutdown notice, or the App.
func (s *Session) View() string {
	if !s.locked {
		// while the server stops, the App's status line says so
		return s.app.View()
	}
	st := s.c.Styles
	var lines []string
	if s.closing {
		lines = []string{st.Title.Render("tiepdan"), "", st.Error.Render(vntext.Truncate(s.c.T("server.shutting_down"), s.c.Width-1))}
	} else {
		lines = []string{st.Title.Render("tiepdan — " + s.c.StaffName(s.c.Actor)), "",
			vntext.Truncate(s.c.T("lock.locked", s.c.Cat.Duration(s.cfg.Idle)), s.c.Width-1), ""}
		lines = append(lines, s.c.T("lock.password")+" "+s.input.View())
		if s.msg != "" {
			lines = append(lines, "", st.Error.Render(s.msg))
		}
	}
	for len(lines) < s.c.Height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:s.c.Height], "\n")
}
