package today

import (
	"fmt"
	"time"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/register"
)

// day is what the screen shows, read in one go off the event loop.
type day struct {
	office model.Office
	cal    *calendar.Calendar
	today  model.Date
	ahead  model.Date
	// done is today's summary, computed as the period summary is: what the
	// desk did today, and the overdue counts as the summary gives them.
	done *report.Summary
	// soon is what falls due from today to ahead; late what fell due
	// before today (the backlog, oldest first, up to its limit).
	soon, late model.Agenda
	sessions   []model.ReceptionSession // planned from today
	held, need int                      // periodic sessions this month
	drafts     int                      // the clerk's unsaved drafts
}

// soonShown is how many of the items due soon show before the rest fold.
const soonShown = 8

// foldDrafts is the line that opens the clerk's drafts.
const foldDrafts model.Kind = "drafts"

// foldSoon names the fold of the items due soon beyond soonShown.
const foldSoon model.Kind = "soon"

// backlogLimit is how many overdue records of a kind an unfolded line
// lists; the count above it is always the whole.
const backlogLimit = 200

func load(store model.Store, o model.Office, now time.Time) (*day, error) {
	cal := calendar.ForOffice(o)
	today := model.DateOf(now)
	d := &day{office: o, cal: cal, today: today, ahead: cal.AddWorkingDays(today, Horizon)}
	var err error
	if d.done, err = report.Compute(store, o, model.Period{Kind: model.PeriodMonth, From: today, To: today}, today); err != nil {
		return nil, err
	}
	if d.soon, err = store.Agenda(model.AgendaQuery{DueFrom: today, DossiersBy: d.ahead, PetitionsBy: d.ahead,
		RepliesBy: d.ahead, FollowUpsBy: d.ahead, SessionsFrom: today}); err != nil {
		return nil, err
	}
	if d.late, err = store.Agenda(model.AgendaQuery{DossiersBy: today - 1, PetitionsBy: today - 1, RepliesBy: today - 1,
		FollowUpsBy: today - 1, Limit: backlogLimit}); err != nil {
		return nil, err
	}
	d.sessions = d.soon.Sessions
	y, m, _ := today.YMD()
	month := model.MonthPeriod(y, m)
	if d.held, err = periodicHeld(store, month); err != nil {
		return nil, err
	}
	d.need = model.RequiredSessions(o.Sessions(), month, cal.IsWorkingDay).Required
	if ds, err := store.Drafts(); err == nil {
		d.drafts = len(ds)
	}
	return d, nil
}

// compose lays the day out: done today, due soon, the folded backlog, the
// next session.
func compose(c *common.Common, d *day, open map[model.Kind]bool) []line {
	if d == nil {
		return nil
	}
	var out []line
	head := func(key string, args ...any) { out = append(out, line{Text: c.T(key, args...)}) }
	if d.drafts > 0 {
		// what was left typed and unsaved, until it is saved or dropped
		out = append(out, line{Fold: foldDrafts, Warn: true, Text: "▸ " + c.T("today.drafts", d.drafts)})
	}

	// what the desk did today
	head("today.done_head")
	s := d.done
	rec := s.Reception.Total
	out = append(out, line{Text: "  " + c.T("today.done_line", rec.Visits, rec.People, s.Petitions.All.Received,
		s.Dossiers.All.Received, s.Dossiers.All.Resolved)})
	for _, x := range d.sessions {
		if x.Date == d.today {
			out = append(out, line{Kind: model.KindSession, ID: x.ID, Text: "  " + c.T("today.session_today", x.Presiding)})
		}
	}

	// what falls due today and in the next working days
	soon := dueSoon(c, d)
	head("today.soon_head", Horizon, len(soon))
	if len(soon) == 0 {
		out = append(out, line{Text: "  " + c.T("today.none")})
	}
	// the soonest fit on the first screen; the rest fold, so the backlog
	// and the session below stay in view
	if len(soon) > soonShown && !open[foldSoon] {
		out = append(out, soon[:soonShown]...)
		out = append(out, line{Fold: foldSoon, Text: "▸ " + c.T("today.soon_more", len(soon)-soonShown)})
	} else {
		out = append(out, soon...)
	}

	// the backlog, one line per kind, folded
	head("today.backlog_head")
	dossiers, paused := lateDossiers(c, d)
	why := ""
	if s.Dossiers.All.PendingLate > 0 {
		why = c.T("today.late_dossiers_why", s.Dossiers.All.PendingApology, paused)
	}
	fold := func(k model.Kind, text string, n int, rows []line, more int) {
		if n == 0 && len(rows) == 0 {
			out = append(out, line{Text: "  " + text}) // nothing to open
			return
		}
		mark := "▸ "
		if open[k] {
			mark = "▾ "
		}
		out = append(out, line{Fold: k, Warn: n > 0, Text: mark + text})
		if open[k] {
			out = append(out, rows...)
			if more > 0 {
				out = append(out, line{Text: "    " + c.T("today.more", more)})
			}
		}
	}
	if len(dossiers) > 0 {
		dossiers = append([]line{{Text: "    " + c.T("today.late_legend")}}, dossiers...)
	}
	fold(model.KindDossier, c.T("today.late_dossiers", s.Dossiers.All.PendingLate)+why, s.Dossiers.All.PendingLate,
		dossiers, d.late.More[model.KindDossier])
	pets := latePetitions(c, d)
	fold(model.KindPetition, c.T("today.late_petitions", s.Petitions.All.Overdue), s.Petitions.All.Overdue,
		pets, d.late.More[model.KindPetition])
	reps := lateReplies(c, d)
	nr := len(reps) + d.late.More[model.KindReception]
	fold(model.KindReception, c.T("today.late_replies", nr), nr, reps, d.late.More[model.KindReception])
	if fus := followUps(c, d, d.late, "    "); len(fus) > 0 {
		nf := len(fus) + d.late.More[model.KindDialogue]
		fold(model.KindDialogue, c.T("today.late_followups", nf), nf, fus, d.late.More[model.KindDialogue])
	}

	// the next periodic session
	head("today.session_head")
	progress := c.T("today.session_progress", d.held, d.need)
	if len(d.sessions) > 0 {
		x := d.sessions[0]
		out = append(out, line{Kind: model.KindSession, ID: x.ID, Text: "  " + c.T("today.session_planned",
			c.T(fmt.Sprintf("weekday.%d", x.Date.Weekday())), x.Date.String(), x.Presiding) + "  " + progress})
	} else {
		next := nextFriday(d.cal, d.today)
		out = append(out, line{Text: "  " + c.T("today.session_expected",
			c.T(fmt.Sprintf("weekday.%d", next.Weekday())), next.String()) + "  " + progress})
	}
	return append(out, line{}, line{Text: c.T("today.f8")})
}

func (d *day) name(a model.Agenda, id uint64) string { return a.Citizens[id].FullName }

// when says how a due date stands against today.
func when(c *common.Common, d *day, due model.Date) string {
	switch {
	case due < d.today:
		return c.T("today.late_days", d.cal.WorkingDaysBetween(due, d.today))
	case due == d.today:
		return c.T("today.due_today")
	}
	return c.T("today.left_days", d.cal.WorkingDaysBetween(d.today, due))
}

func dossierText(d *day, a model.Agenda, x *model.Dossier) string {
	return fmt.Sprintf("%-15s %s  %s", x.Code, register.Cell(d.name(a, x.ApplicantID), 18), register.Cell(x.ProcedureName, 22))
}

func petitionWho(c *common.Common, a model.Agenda, pt *model.Petition) string {
	if model.IsDenunciation(pt.Content) {
		if pt.Protected {
			return model.Mask
		}
		return c.T("protect.none")
	}
	return a.Citizens[pt.CitizenID].FullName
}

func petitionText(c *common.Common, d *day, a model.Agenda, pt *model.Petition) string {
	return fmt.Sprintf("#%-5d %s %s %s %s", pt.ID, register.Cell(c.Cat.Label("content", string(pt.Content)), 10),
		register.Cell(petitionWho(c, a, pt), 18), pt.Due.String(), when(c, d, pt.Due))
}

func replyText(c *common.Common, d *day, a model.Agenda, r *model.Reception) string {
	return fmt.Sprintf("#%-5d %s %s %s %s", r.ID, register.Cell(d.name(a, r.CitizenID), 16), register.Cell(r.Summary, 16),
		r.FollowUpDue.String(), when(c, d, r.FollowUpDue))
}

// dueSoon lists the dossiers, petitions and replies due from today to the
// horizon; a dossier waiting for the applicant's supplement is not due.
func dueSoon(c *common.Common, d *day) []line {
	var out []line
	a := d.soon
	for i := range a.Dossiers {
		x := &a.Dossiers[i]
		if _, paused := x.OpenSupplement(); paused {
			continue
		}
		out = append(out, line{Kind: model.KindDossier, ID: x.ID, Text: "  " + dossierText(d, a, x) + " " + when(c, d, x.Due)})
	}
	for i := range a.Petitions {
		out = append(out, line{Kind: model.KindPetition, ID: a.Petitions[i].ID, Text: "  " + petitionText(c, d, a, &a.Petitions[i])})
	}
	for i := range a.Replies {
		out = append(out, line{Kind: model.KindReception, ID: a.Replies[i].ID,
			Text: "  " + c.T("today.reply") + " " + replyText(c, d, a, &a.Replies[i])})
	}
	return append(out, followUps(c, d, a, "  ")...)
}

// followUps lists what was promised at dialogue conferences and is not
// done, each line opening its conference.
func followUps(c *common.Common, d *day, a model.Agenda, indent string) []line {
	var out []line
	for i := range a.FollowUps {
		x := &a.FollowUps[i]
		what := x.FollowUp
		if what == "" {
			what = x.Place
		}
		out = append(out, line{Kind: model.KindDialogue, ID: x.ID, Warn: x.FollowUpDue < d.today,
			Text: indent + c.T("today.followup_line", x.Date.String(), register.Cell(what, 30)) + " " +
				x.FollowUpDue.String() + " " + when(c, d, x.FollowUpDue)})
	}
	return out
}

// lateDossiers lists the overdue dossiers, each marked: "!" when no apology
// slip went out a day before the deadline, "⏸" while the applicant owes a
// supplement; it counts those paused among the listed.
func lateDossiers(c *common.Common, d *day) (rows []line, paused int) {
	a := d.late
	for i := range a.Dossiers {
		x := &a.Dossiers[i]
		mark, note := "    ", when(c, d, x.Due)
		_, wait := x.OpenSupplement()
		switch {
		case wait:
			paused++
			mark, note = "  ⏸ ", c.T("today.paused")
		case !apologisedInTime(x):
			mark = "  ! "
		}
		rows = append(rows, line{Kind: model.KindDossier, ID: x.ID, Warn: mark == "  ! ", Text: mark + dossierText(d, a, x) + " " + note})
	}
	return rows, paused
}

func latePetitions(c *common.Common, d *day) []line {
	var rows []line
	a := d.late
	for i := range a.Petitions {
		rows = append(rows, line{Kind: model.KindPetition, ID: a.Petitions[i].ID, Warn: true,
			Text: "    " + petitionText(c, d, a, &a.Petitions[i])})
	}
	return rows
}

func lateReplies(c *common.Common, d *day) []line {
	var rows []line
	a := d.late
	for i := range a.Replies {
		rows = append(rows, line{Kind: model.KindReception, ID: a.Replies[i].ID, Warn: true,
			Text: "    " + replyText(c, d, a, &a.Replies[i])})
	}
	return rows
}
