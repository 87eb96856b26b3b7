package server

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui"
	"github.com/tiepdan/tiepdan/tui/common"
)

// sessionMiddleware is the whole session: scp commands get the exports
// folder, terminals get the TUI, anything else a polite refusal. It never
// calls next: no other handler follows.
func (s *Server) sessionMiddleware(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		defer s.recoverSession(sess)
		s.loggedIn(stateOf(sess.Context()))
		st, err := s.identify(sess)
		if err != nil {
			s.refuse(sess, s.cat.T("server.refused"))
			return
		}
		if cmd := sess.Command(); len(cmd) > 0 {
			if cmd[0] == "scp" {
				s.scp(sess, st)
				return
			}
			s.refuse(sess, s.cat.T("server.no_commands"))
			return
		}
		if !s.acquire() {
			s.log.Info("session refused: cap reached", "user", st.Username, "max", s.cfg.MaxSessions)
			s.refuse(sess, s.cat.T("server.full", s.cfg.MaxSessions))
			return
		}
		defer s.release()
		s.runTUI(sess, st)
	}
}

// recoverSession ends only this session when its goroutine panics, with a
// log line; the server and the other sessions go on.
func (s *Server) recoverSession(sess ssh.Session) {
	if r := recover(); r != nil {
		s.log.Error("session panicked; it was closed", "user", sess.User(), "panic", fmt.Sprint(r),
			"stack", string(debug.Stack()))
		_, _ = fmt.Fprint(sess.Stderr(), "\r\n"+s.cat.T("server.crashed")+"\r\n")
		_ = sess.Exit(1)
		_ = sess.Close()
	}
}

func (s *Server) refuse(sess ssh.Session, msg string) {
	_, _ = fmt.Fprint(sess.Stderr(), msg+"\r\n")
	_ = sess.Exit(1)
	_ = sess.Close()
}

// runTUI runs one Bubble Tea program for the session, with a renderer of its
// own (so a PuTTY session with TERM=xterm gets 16 colours and Windows
// Terminal more), no signal handler, and window resizes followed.
func (s *Server) runTUI(sess ssh.Session, st model.Staff) {
	pty, windows, ok := sess.Pty()
	if !ok {
		s.refuse(sess, s.cat.T("server.no_pty"))
		return
	}
	dir, err := s.ExportDir(st.Username)
	if err != nil {
		s.log.Error("exports folder", "user", st.Username, "err", err)
	}
	r := renderer(sess, pty)
	c := common.New(s.db.As(st), s.cat, r, st.Username, s.cfg.Now)
	if environ(sess.Environ()).Getenv("NO_COLOR") != "" {
		c.Styles = common.NoColorStyles(r)
	}
	c.ExportDir = dir
	if s.cfg.PrintPort > 0 {
		c.HandToBrowser = s.handToBrowser(st, sess.LocalAddr())
	}
	c.Width, c.Height = clampSize(pty.Window.Width, pty.Window.Height)
	c.LastBackup = func() (string, time.Time, bool) {
		b, ok := s.LastBackup()
		return b.Path, b.At, ok
	}
	c.LockedAccounts = s.limiter.LockedAccounts
	if st.CanAdmin() {
		c.UnlockStaff = s.Unlock
		c.BackupNow = func() (string, error) {
			b, err := s.BackupNow()
			return b.Path, err
		}
	}
	grace := s.cfg.ShutdownGrace
	if grace <= 0 {
		grace = DefaultShutdownGrace
	}
	lock := tui.LockConfig{Idle: s.cfg.IdleLock, Grace: grace}
	if st.PasswordHash != "" {
		user, hash := st.Username, st.PasswordHash
		lock.Check = func(pw string) bool {
			ok := auth.CheckPassword(hash, pw)
			if !ok {
				s.failed(user, ipOf(sess.RemoteAddr()), "unlock")
			}
			return ok
		}
	}
	opts := append(bm.MakeOptions(sess), tea.WithAltScreen(), tea.WithoutSignalHandler(),
		tea.WithContext(sess.Context()))
	app := tui.New(c)
	tsess := tui.NewSession(app, lock)
	var root tea.Model = tsess
	if s.cfg.Wrap != nil {
		root = s.cfg.Wrap(root)
	}
	user := st.Username
	g := newGuard(root, func(v any, stack []byte) {
		s.log.Error("session panicked; it was closed", "user", user, "panic", fmt.Sprint(v), "stack", string(stack))
	})
	p := tea.NewProgram(g, opts...)
	release := s.register(p)
	defer release()
	go forwardSizes(sess.Context(), windows, p.Send)
	s.log.Info("session start", "user", st.Username, "ip", ipOf(sess.RemoteAddr()), "term", pty.Term,
		"size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
	_, err = p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		s.log.Error("session panicked; it was closed", "user", st.Username, "err", err)
	case err != nil && !errors.Is(err, tea.ErrProgramKilled):
		s.log.Warn("session ended with an error", "user", st.Username, "err", err)
	}
	p.Kill()
	// the connection dropped, the server stopped or the clerk quit: what
	// was typed and not saved is kept for the next login
	s.keepDrafts(app, st.Username)
	s.log.Info("session end", "user", st.Username)
	if tsess.IdleEnded() {
		_, _ = fmt.Fprint(sess.Stderr(), "\r\n"+s.cat.T("server.idle_ended", s.cat.Duration(s.cfg.IdleLock))+"\r\n")
		s.log.Info("session ended for idleness", "user", st.Username)
	}
	if g.Crashed() || errors.Is(err, tea.ErrProgramPanic) {
		_, _ = fmt.Fprint(sess.Stderr(), "\r\n"+s.cat.T("server.crashed")+"\r\n")
		_ = sess.Exit(1)
		return
	}
	_ = sess.Exit(0)
}

// renderer builds the session's own lipgloss renderer from its TERM (and
// NO_COLOR, COLORTERM) as the client sent them: PuTTY's TERM=xterm gets 16
// colours, xterm-256color more. Unlike wish's MakeRenderer it never queries
// the terminal for its background colour: a client that does not answer
// (some telnet-era emulators, scripted clients) would hold the session
// before its first frame.
func renderer(sess ssh.Session, pty ssh.Pty) *lipgloss.Renderer {
	env := environ(append(sess.Environ(), "TERM="+pty.Term))
	r := lipgloss.NewRenderer(sess, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithColorCache(true))
	r.SetHasDarkBackground(true)
	return r
}

// environ is a session's environment for termenv.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(k string) string {
	v := ""
	for _, kv := range e {
		if strings.HasPrefix(kv, k+"=") {
			v = kv[len(k)+1:] // the last one wins, as TERM is appended
		}
	}
	return v
}

// keepDrafts saves app's open forms' drafts once its program has stopped; a
// fault there is logged, never passed on to the other sessions.
func (s *Server) keepDrafts(app *tui.App, user string) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Error("keeping drafts failed", "user", user, "panic", fmt.Sprint(v))
		}
	}()
	app.SaveDrafts()
}

// The largest window a session draws: a client asking for more (a 2^30 ×
// 2^30 pty) gets this, so what a screen costs is bounded by what a person
// can look at.
const (
	MaxCols = 400
	MaxRows = 200
)

func clampSize(w, h int) (int, int) {
	return min(max(w, 1), MaxCols), min(max(h, 1), MaxRows)
}

// forwardSizes hands the program the window's size as it changes, clamped.
// It reads every window change as it comes, so the connection's request
// path never waits on the program (a flood of 5,000 changes once wedged a
// session), and hands over only the latest size when several came while
// the program was busy.
func forwardSizes(ctx context.Context, windows <-chan ssh.Window, send func(tea.Msg)) {
	latest := make(chan tea.WindowSizeMsg, 1)
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case m := <-latest:
				send(m)
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case w, ok := <-windows:
			if !ok {
				return
			}
			cw, ch := clampSize(w.Width, w.Height)
			m := tea.WindowSizeMsg{Width: cw, Height: ch}
			select {
			case latest <- m:
			default: // one is waiting: it is out of date
				select {
				case <-latest:
				default:
				}
				latest <- m
			}
		}
	}
}
