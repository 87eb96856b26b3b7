// Package tui is tiepdan's terminal UI. App is the root model: it only
// routes (window size, global keys, page pushes and pops, async results to
// the page that asked), and draws the frame: tabs, title, status and the
// help footer. Each tab keeps its own stack of pages, so switching tabs never
// loses a half-typed form.
package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/tui/citizen"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/dossier"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/petition"
	"github.com/tiepdan/tiepdan/tui/reception"
	"github.com/tiepdan/tiepdan/tui/register"
	"github.com/tiepdan/tiepdan/tui/session"
	"github.com/tiepdan/tiepdan/tui/setup"
	"github.com/tiepdan/tiepdan/tui/summary"
	"github.com/tiepdan/tiepdan/tui/today"
)

// Tabs, in the order of their keys (^G, F3…F7, F11). "Hôm nay" comes
// first: it is what a clerk sees on logging in.
const (
	TabToday = iota
	TabReception
	TabPetition
	TabDossier
	TabCitizen
	TabSession
	TabSummary
	numTabs
)

// App is the root model of one session.
type App struct {
	c         *common.Common
	stacks    [numTabs][]common.Page
	tab       int
	setup     common.Page
	office    model.Office
	status    string
	statusErr bool
	quitAsked bool
	held      []tea.KeyMsg // typed while the top page was busy
	drafts    drafts
	demo      bool // the first run chose the demo office
}

// staffLoaded carries the office's accounts, for naming staff.
type staffLoaded []model.Staff

// loadStaff reads the accounts off the event loop.
func (a *App) loadStaff() tea.Cmd {
	store := a.c.Store
	return func() tea.Msg {
		list, _ := store.ListStaff() // without them, staff are named by login
		return staffLoaded(list)
	}
}

type officeLoaded struct {
	office model.Office
	err    error
}

// New returns the root model over c.
func New(c *common.Common) *App {
	a := &App{c: c, drafts: drafts{kept: map[string]string{}, w: &draftWriter{applied: map[string]uint64{}}}}
	a.stacks[TabToday] = []common.Page{today.New(c)}
	a.stacks[TabReception] = []common.Page{register.NewList(c, reception.ListSpec(c))}
	a.stacks[TabPetition] = []common.Page{register.NewList(c, petition.ListSpec(c))}
	a.stacks[TabDossier] = []common.Page{register.NewList(c, dossier.ListSpec(c))}
	a.stacks[TabCitizen] = []common.Page{citizen.NewPicker(c, "", false)}
	a.stacks[TabSession] = []common.Page{register.NewList(c, session.ListSpec(c))}
	a.stacks[TabSummary] = []common.Page{summary.New(c)}
	return a
}

// Init loads the office settings and every tab's first page.
func (a *App) Init() tea.Cmd {
	store := a.c.Store
	cmds := []tea.Cmd{func() tea.Msg {
		o, err := store.Office()
		return officeLoaded{office: o, err: err}
	}, a.loadDrafts(), a.loadStaff()}
	for _, s := range a.stacks {
		cmds = append(cmds, s[0].Init())
	}
	return tea.Batch(cmds...)
}

func (a *App) top() common.Page {
	if a.setup != nil {
		return a.setup
	}
	s := a.stacks[a.tab]
	return s[len(s)-1]
}

func (a *App) replaceTop(p common.Page) {
	if a.setup != nil {
		a.setup = p
		return
	}
	s := a.stacks[a.tab]
	s[len(s)-1] = p
}

// Update routes a message; it does no work of its own. After any page has
// handled a message, the navigation it asked for is applied at once, and
// keys held while a page was busy are replayed.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		return a, nil
	case officeLoaded:
		return a.officeLoaded(msg)
	case staffLoaded:
		a.c.SetStaff(msg)
		return a, nil
	case common.Addressed:
		cmd = a.deliver(msg)
	case common.PushMsg:
		a.c.Push(msg.Page)
	case common.OpenMsg:
		if p := a.detail(msg); p != nil {
			a.c.Push(p)
		}
	case common.StatusMsg:
		a.status, a.statusErr = msg.Text, msg.Err
		return a, nil
	case common.ChangedMsg:
		return a, a.changed(msg)
	case FlushDrafts:
		return a, a.flushDrafts()
	case draftsLoaded:
		a.draftsLoaded(msg)
	case restoreDraft:
		return a, a.restore(msg.d)
	case draftReady:
		cmd = a.draftReady(msg)
	case common.OpenDraftsMsg:
		return a, a.loadDrafts()
	case firstRunChoice:
		return a, a.chooseFirstRun(msg)
	case dropDraft:
		a.drafts.kept[msg.id] = ""
		return a, a.forgetDraft(msg.id)
	case tea.KeyMsg:
		if b, ok := a.top().(common.Busy); ok && b.Busy() && msg.Type != tea.KeyCtrlC {
			a.held = append(a.held, msg)
			return a, nil
		}
		_, cmd = a.key(msg)
	default:
		return a, nil
	}
	cmds := []tea.Cmd{cmd, a.applyNav()}
	cmds = append(cmds, a.replay()...)
	if _, ok := msg.(tea.KeyMsg); ok {
		cmds = append(cmds, a.scheduleDrafts())
	}
	return a, tea.Batch(cmds...)
}

// applyNav pushes and pops what pages asked for; a pop hands its result to
// the page below, which may ask for more.
func (a *App) applyNav() tea.Cmd {
	var cmds []tea.Cmd
	for ops := a.c.TakeNav(); len(ops) > 0; ops = a.c.TakeNav() {
		for _, op := range ops {
			if op.Push != nil {
				if a.setup == nil {
					a.stacks[a.tab] = append(a.stacks[a.tab], op.Push)
					cmds = append(cmds, op.Push.Init())
				}
				continue
			}
			cmds = append(cmds, a.pop(op.Result))
		}
	}
	return tea.Batch(cmds...)
}

// replay sends the held keys once the top page is no longer busy.
func (a *App) replay() []tea.Cmd {
	var cmds []tea.Cmd
	for len(a.held) > 0 {
		if b, ok := a.top().(common.Busy); ok && b.Busy() {
			break
		}
		k := a.held[0]
		a.held = a.held[1:]
		_, cmd := a.key(k)
		cmds = append(cmds, cmd, a.applyNav())
	}
	return cmds
}

func (a *App) officeLoaded(msg officeLoaded) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		a.status, a.statusErr = a.c.ErrorText(msg.err), true
		return a, nil
	}
	a.office = msg.office
	a.c.SetOffice(a.office)
	if !a.office.Configured() && a.setup == nil && a.c.Store.Me().CanAdmin() {
		if a.c.OfferDemo {
			a.setup = newFirstRun(a.c)
			return a, nil
		}
		a.setup = setup.NewForm(a.c, a.office, true)
		return a, a.setup.Init()
	}
	return a, nil
}

// deliver hands an async result to the page that asked for it, wherever it
// is now; a page already closed simply never hears back.
func (a *App) deliver(msg common.Addressed) tea.Cmd {
	if a.setup != nil && a.setup.ID() == msg.To {
		var cmd tea.Cmd
		a.setup, cmd = a.setup.Update(msg.Msg)
		return cmd
	}
	for t := range a.stacks {
		for i, p := range a.stacks[t] {
			if p.ID() == msg.To {
				var cmd tea.Cmd
				a.stacks[t][i], cmd = p.Update(msg.Msg)
				return cmd
			}
		}
	}
	return nil
}

func (a *App) pop(result any) tea.Cmd {
	if a.setup != nil {
		if saved, ok := result.(form.Saved); ok {
			a.setup = nil
			a.office = saved.Record.(model.Office)
			a.c.SetOffice(a.office)
			return common.Status(a.c.T("setup.done"), false)
		}
		a.status, a.statusErr = a.c.T("setup.required"), true
		return nil
	}
	s := a.stacks[a.tab]
	if len(s) == 1 {
		return nil
	}
	a.stacks[a.tab] = s[:len(s)-1]
	var forget tea.Cmd
	if f, ok := s[len(s)-1].(form.Drafter); ok {
		// saved or discarded: its draft goes
		forget = a.forgetDraft(f.DraftID())
	}
	if saved, ok := result.(form.Saved); ok && saved.Kind == model.KindOffice {
		a.office = saved.Record.(model.Office)
		a.c.SetOffice(a.office)
	}
	if st, ok := result.(common.StatusMsg); ok {
		// a page that ends by saying something (an identity shown) says it
		// on the status line
		a.status, a.statusErr = st.Text, st.Err
		return forget
	}
	below, cmd := a.top().Update(common.Returned{Result: result})
	a.replaceTop(below)
	return tea.Batch(forget, cmd)
}

// changed tells every page that watches for other sessions' changes.
func (a *App) changed(msg common.ChangedMsg) tea.Cmd {
	var cmds []tea.Cmd
	if msg.Kind == model.KindStaff {
		cmds = append(cmds, a.loadStaff())
	}
	for _, s := range a.stacks {
		for _, p := range s {
			if w, ok := p.(common.Watcher); ok {
				cmds = append(cmds, w.Changed(msg))
			}
		}
	}
	return tea.Batch(cmds...)
}

// View draws the frame around the top page, exactly Height lines.
func (a *App) View() string {
	st := a.c.Styles
	w, h := a.c.Width, a.c.Height
	var head string
	if a.setup == nil {
		keys := tabKeys(a.c.Keys)
		names := []string{"tabshort.today", "tabshort.reception", "tabshort.petition", "tabshort.dossier", "tabshort.citizen", "tabshort.session", "tabshort.summary"}
		// every tab with its name; where the window is too narrow for
		// that (English, 60 columns), the other tabs show their key only
		for _, short := range []bool{false, true} {
			tabs := make([]string, numTabs)
			for i, name := range names {
				label := keys[i].Help().Key
				if !short || i == a.tab {
					label += " " + a.c.T(name)
				}
				if i == a.tab {
					tabs[i] = st.TabActive.Render(label)
				} else {
					tabs[i] = st.Tab.Render(label)
				}
			}
			if head = strings.Join(tabs, " "); lipgloss.Width(head) < w {
				break
			}
		}
	} else {
		head = st.Title.Render("tiepdan")
	}
	title := st.Title.Render(vntext.Truncate(a.top().Title(), w-1))
	if a.setup == nil {
		// who is at the desk and for which office, where the line has room
		me := a.c.Store.Me()
		who := me.Label()
		if a.office.Name != "" {
			who += " · " + a.office.Name
		}
		if gap := w - 1 - lipgloss.Width(title) - vntext.Width(who); gap >= 2 {
			title += strings.Repeat(" ", gap) + st.Dim.Render(who)
		}
	}
	// A long status (a file's full path) wraps onto up to three lines
	// rather than being cut; the body gives up the lines.
	var statusLines []string
	if a.status != "" {
		s := st.Status
		if a.statusErr {
			s = st.Error
		}
		for _, l := range wrapStatus(a.status, w-1, 3) {
			statusLines = append(statusLines, linkURLs(s.Render(l)))
		}
	} else {
		statusLines = []string{""}
	}
	footer := a.footer(w)
	bodyH := h - 2 - len(statusLines) - len(footer)
	if bodyH < 1 {
		bodyH = 1
	}
	// a page lays itself out for the lines the frame leaves it
	full := a.c.Height
	a.c.Height = full - (len(footer) - 1)
	body := strings.Split(a.top().View(), "\n")
	a.c.Height = full
	if len(body) > bodyH {
		body = body[:bodyH]
	}
	for len(body) < bodyH {
		body = append(body, "")
	}
	all := append(append(append([]string{head, title}, body...), statusLines...), footer...)
	return fit(all, w, h)
}

// fit is the rule under every screen: no more lines than the window has
// and none wider (a terminal would wrap it and push the frame down); in a
// window too small for the frame, its top.
func fit(lines []string, w, h int) string {
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, max(w, 0), "…")
		}
	}
	return strings.Join(lines, "\n")
}
