package tui

import (
	"encoding/json"
	"errors"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/tui/citizen"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/dossier"
	"github.com/tiepdan/tiepdan/tui/form"
	"github.com/tiepdan/tiepdan/tui/friendly"
	"github.com/tiepdan/tiepdan/tui/petition"
	"github.com/tiepdan/tiepdan/tui/reception"
	"github.com/tiepdan/tiepdan/tui/session"
)

// DraftEvery is how long after a key the open forms' drafts are written:
// often enough that a dropped line or a power cut loses seconds of typing,
// seldom enough that the disk is not written on every key.
const DraftEvery = 3 * time.Second

// drafts is what the App knows of the drafts it keeps: the last draft
// written per form (to write only what changed), and one writer so that an
// older write never lands after a newer one of the same form.
type drafts struct {
	kept    map[string]string // draft ID → its values as last written
	pending bool              // a draftTick is on its way
	w       *draftWriter
}

type draftWriter struct {
	mu      sync.Mutex
	seq     uint64
	applied map[string]uint64
}

// FlushDrafts asks the App to write the open forms' drafts that changed.
type FlushDrafts struct{}

type draftsLoaded struct{ list []model.Draft }

// restoreDraft asks the App to reopen a draft's form; dropDraft to forget it.
type restoreDraft struct{ d model.Draft }
type dropDraft struct{ id string }

// write returns a command that saves d (or, with d nil, deletes id) unless
// a later write of the same draft has landed first.
func (w *draftWriter) write(store model.Store, id string, d *model.Draft) tea.Cmd {
	w.mu.Lock()
	w.seq++
	n := w.seq
	w.mu.Unlock()
	return func() tea.Msg {
		w.apply(store, id, d, n)
		// "Hôm nay" counts the drafts
		return common.ChangedMsg{Kind: model.KindDraft}
	}
}

func (w *draftWriter) apply(store model.Store, id string, d *model.Draft, n uint64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.applied[id] > n {
		return
	}
	w.applied[id] = n
	if d != nil {
		_ = store.SaveDraft(*d) // a draft is a convenience: a failed write costs the draft, not the form
	} else {
		_ = store.DeleteDraft(id)
	}
}

// restorable reports whether a draft of kind k can be reopened (the
// registers' record forms; settings and accounts keep none).
func restorable(k model.Kind) bool {
	switch k {
	case model.KindReception, model.KindPetition, model.KindDossier, model.KindCitizen, model.KindSession,
		model.KindDialogue, model.KindSurvey, model.KindLetter:
		return true
	}
	return false
}

// openDrafts lists every open form's draft.
func (a *App) openDrafts() []model.Draft {
	var out []model.Draft
	for _, s := range a.stacks {
		for _, p := range s {
			if f, ok := p.(form.Drafter); ok {
				if d, ok := f.Draft(); ok && restorable(d.Kind) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

func draftText(d model.Draft) string {
	b, _ := json.Marshal([]any{d.Values, d.Labels})
	return string(b)
}

// scheduleDrafts asks for a draftTick unless one is on its way.
func (a *App) scheduleDrafts() tea.Cmd {
	every := a.c.DraftEvery
	if every == 0 {
		every = DraftEvery
	}
	if a.drafts.pending || every < 0 {
		return nil
	}
	a.drafts.pending = true
	return tea.Tick(every, func(time.Time) tea.Msg { return FlushDrafts{} })
}

// flushDrafts writes the drafts that changed since last written, and drops
// those whose form is back to what it opened with.
func (a *App) flushDrafts() tea.Cmd {
	a.drafts.pending = false
	var cmds []tea.Cmd
	seen := map[string]bool{}
	for _, d := range a.openDrafts() {
		seen[d.ID] = true
		t := draftText(d)
		if a.drafts.kept[d.ID] == t {
			continue
		}
		a.drafts.kept[d.ID] = t
		d.SavedAt = a.c.Now()
		cmds = append(cmds, a.drafts.w.write(a.c.Store, d.ID, &d))
	}
	for _, s := range a.stacks {
		for _, p := range s {
			if f, ok := p.(form.Drafter); ok {
				if id := f.DraftID(); !seen[id] {
					cmds = append(cmds, a.forgetDraft(id))
				}
			}
		}
	}
	return tea.Batch(cmds...)
}

// forgetDraft deletes the draft id if one was written or restored.
func (a *App) forgetDraft(id string) tea.Cmd {
	if _, ok := a.drafts.kept[id]; !ok {
		return nil
	}
	delete(a.drafts.kept, id)
	return a.drafts.w.write(a.c.Store, id, nil)
}

// SaveDrafts writes every open form's draft now, in the caller's goroutine:
// the session ends (the connection dropped, the server stops, the program
// quits) and what was typed is kept for the next login. Call it only once
// the program has stopped.
func (a *App) SaveDrafts() {
	for _, d := range a.openDrafts() {
		if a.drafts.kept[d.ID] == draftText(d) {
			continue
		}
		d.SavedAt = a.c.Now()
		a.drafts.w.mu.Lock()
		a.drafts.w.seq++
		n := a.drafts.w.seq
		a.drafts.w.mu.Unlock()
		a.drafts.w.apply(a.c.Store, d.ID, &d, n)
		a.drafts.kept[d.ID] = draftText(d)
	}
}

func (a *App) loadDrafts() tea.Cmd {
	store := a.c.Store
	return func() tea.Msg {
		list, err := store.Drafts()
		if err != nil {
			return nil
		}
		var out []model.Draft
		for _, d := range list {
			if restorable(d.Kind) {
				out = append(out, d)
			}
		}
		return draftsLoaded{list: out}
	}
}

// draftsLoaded offers the drafts left by the last session, over the first
// tab, once the office is set up.
func (a *App) draftsLoaded(msg draftsLoaded) {
	if len(msg.list) > 0 {
		a.c.Push(newDraftsPage(a.c, msg.list))
	}
}

// draftReady carries what reopening a draft needed from the store (a
// dossier form's catalogue and settings).
type draftReady struct {
	d     model.Draft
	procs []model.Procedure
	off   model.Office
	err   error
}

// restore reopens d's form in its register's tab: what the form needs is
// read off the event loop, the form is built on it.
func (a *App) restore(d model.Draft) tea.Cmd {
	store := a.c.Store
	return func() tea.Msg {
		r := draftReady{d: d}
		if d.Kind == model.KindDossier {
			if r.procs, r.err = store.Procedures(); r.err == nil {
				r.off, r.err = store.Office()
			}
		}
		return r
	}
}

func (a *App) draftReady(r draftReady) tea.Cmd {
	c, d := a.c, r.d
	var p common.Page
	err := r.err
	switch d.Kind {
	case model.KindReception:
		p = reception.NewForm(c, draftBase[model.Reception](d, &err), model.Citizen{})
	case model.KindPetition:
		p = petition.RestoreForm(c, draftBase[model.Petition](d, &err), d.Link)
	case model.KindCitizen:
		p = citizen.NewForm(c, draftBase[model.Citizen](d, &err))
	case model.KindSession:
		p = session.NewForm(c, draftBase[model.ReceptionSession](d, &err))
	case model.KindDossier:
		p = dossier.NewForm(c, draftBase[model.Dossier](d, &err), model.Citizen{}, r.procs, r.off)
	case model.KindDialogue:
		p = friendly.DialogueForm(c, draftBase[model.Dialogue](d, &err))
	case model.KindSurvey:
		p = friendly.SurveyForm(c, draftBase[model.Survey](d, &err))
	case model.KindLetter:
		p = friendly.LetterForm(c, draftBase[model.Letter](d, &err))
	}
	f, ok := p.(form.Drafter)
	if err != nil || !ok {
		return common.Status(c.T("draft.unreadable"), true)
	}
	f.Restore(d)
	a.tab = map[model.Kind]int{model.KindReception: TabReception, model.KindPetition: TabPetition,
		model.KindDossier: TabDossier, model.KindCitizen: TabCitizen, model.KindSession: TabSession,
		model.KindDialogue: TabToday, model.KindSurvey: TabToday, model.KindLetter: TabToday}[d.Kind]
	a.drafts.kept[d.ID] = draftText(d)
	c.Push(p)
	return nil
}

// draftBase decodes the record a draft was started from, adding what goes
// wrong to err.
func draftBase[T any](d model.Draft, err *error) T {
	var x T
	*err = errors.Join(*err, json.Unmarshal(d.Base, &x))
	return x
}
