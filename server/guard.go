package server

import (
	"runtime/debug"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
)

// guard runs a session's model so that a panic anywhere in it (Init,
// Update, View, or a command it returned, which Bubble Tea runs on
// goroutines of its own) ends that session only: the panic is reported once
// with its stack, and the program quits. Bubble Tea's own catch stays as the
// last resort, but it prints to the server's stdout, not to the log.
type guard struct {
	m       tea.Model
	report  func(value any, stack []byte)
	crashed *atomic.Bool
}

// crashMsg tells the program that a command panicked.
type crashMsg struct{}

func newGuard(m tea.Model, report func(any, []byte)) *guard {
	return &guard{m: m, report: report, crashed: &atomic.Bool{}}
}

// Crashed reports whether the session ended by a panic.
func (g *guard) Crashed() bool { return g.crashed.Load() }

func (g *guard) fail(r any) {
	if g.crashed.CompareAndSwap(false, true) {
		g.report(r, debug.Stack())
	}
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.fail(r)
			cmd = tea.Quit
		}
	}()
	return g.wrap(g.m.Init())
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if _, ok := msg.(crashMsg); ok || g.crashed.Load() {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail(r)
			m, cmd = g, tea.Quit
		}
	}()
	var next tea.Cmd
	g.m, next = g.m.Update(msg)
	return g, g.wrap(next)
}

func (g *guard) View() (v string) {
	if g.crashed.Load() {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail(r)
			v = ""
		}
	}()
	return g.m.View()
}

// wrap makes cmd recover: a panic becomes a crashMsg. The commands of a
// batch are wrapped one by one, since Bubble Tea runs each on its own
// goroutine.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.fail(r)
				msg = crashMsg{}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = g.wrap(c)
			}
			return out
		}
		return msg
	}
}
