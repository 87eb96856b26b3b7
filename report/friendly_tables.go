package report

import (
	"fmt"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// friendlySection is dialogues, satisfaction, letters and online service:
// the "friendly government" part of the reports.
func (s *Summary) friendlySection(cat *i18n.Catalog) Section {
	f := s.Friendly
	d := f.Dialogues
	dl := Table{Key: "dialogue", Title: cat.T("rpt.tbl.dialogue"), Label: cat.T("rpt.label"),
		Cols: cols(cat, "count")}
	row := func(key string, v int, sub bool) Row {
		return Row{Label: cat.T("rpt.row." + key), Sub: sub, Cells: []Cell{n(v)}}
	}
	dl.Rows = append(dl.Rows, row("dl_total", d.Total, false), row("dl_scheduled", d.Scheduled, true),
		row("dl_adhoc", d.Adhoc, true))
	for _, w := range d.ByWith {
		dl.Rows = append(dl.Rows, Row{Label: cat.Label("with", w.Key), Sub: true, Cells: []Cell{n(w.N)}})
	}
	dl.Rows = append(dl.Rows, row("dl_attendees", d.Attendees, false), row("dl_raised", d.Raised, false),
		row("dl_answered", d.Answered, true), row("dl_away", d.TakenAway, true),
		row("dl_followups", d.FollowUps, false), row("dl_fu_done", d.FollowUpsDone, true),
		row("dl_fu_open", d.FollowUpsOpen, true), row("dl_fu_late", d.FollowUpsLate, true))
	for _, p := range d.ByPresiding {
		dl.Rows = append(dl.Rows, Row{Label: cat.T("rpt.row.dl_presided", p.Key), Cells: []Cell{n(p.N)}})
	}

	st := f.Satisfaction
	lv := func(l Levels) []Cell {
		return []Cell{n(l.Rated()), n(l.Very), n(l.Satisfied), n(l.Unsatisfied), sh(l.SatisfiedShare())}
	}
	sat := Table{Key: "satisfaction", Title: cat.T("rpt.tbl.satisfaction"), Label: cat.T("rpt.label"),
		Cols: cols(cat, "rated", "very", "satisfied", "unsatisfied", "satisfied_share"),
		Rows: []Row{
			{Label: cat.T("rpt.row.sat_desk"), Cells: lv(st.Desk)},
			{Label: cat.T("rpt.row.sat_survey"), Cells: lv(st.Survey)},
			{Label: cat.T("rpt.all"), Total: true, Cells: lv(st.All)},
		}}
	forms := Table{Key: "satisfaction_forms", Title: cat.T("rpt.tbl.satisfaction_forms"), Label: cat.T("rpt.label"),
		Cols: cols(cat, "count"),
		Rows: []Row{row("sat_handed_back", st.HandedBack, false), row("sat_desk_rated", st.Desk.Rated(), true),
			row("sat_declined", st.Declined, true), row("sat_not_asked", st.NotAsked, true),
			row("sat_batches", st.Batches, false), row("sat_handed_out", st.HandedOut, false),
			row("sat_returned", st.Returned, false), row("sat_survey_rated", st.Survey.Rated(), true),
			row("sat_not_rated", st.NotRated, true)}}

	letters := Table{Key: "letters", Title: cat.T("rpt.tbl.letters"), Label: cat.T("field.LetterKind"), Cols: cols(cat, "count")}
	total := 0
	for _, l := range f.Letters {
		letters.Rows = append(letters.Rows, Row{Label: cat.Label("letter", l.Key), Cells: []Cell{n(l.N)}})
		total += l.N
	}
	letters.Rows = append(letters.Rows, Row{Label: cat.T("rpt.all"), Total: true, Cells: []Cell{n(total)}})

	o := f.Online
	online := Table{Key: "online", Title: cat.T("rpt.tbl.online"), Label: cat.T("rpt.label"), Cols: cols(cat, "count"),
		Rows: []Row{row("ol_received", o.Received, false), row("ol_in_system", o.InSystem, true),
			row("ol_offered", o.Offered, false), row("ol_full", o.OfferedFull, true), row("ol_partial", o.OfferedPartial, true),
			row("ol_offered_online", o.OfferedOnline, false),
			{Label: cat.T("rpt.row.ol_share"), Cells: []Cell{sh(o.OnlineShare())}},
			row("ol_procs_full", o.ProceduresFull, false), row("ol_procs_partial", o.ProceduresPartial, false)}}
	return Section{Key: "friendly", Title: cat.T("rpt.sec.friendly"), Prose: s.friendlyProse(cat),
		Tables: []Table{dl, sat, forms, letters, online}}
}

// topicSection is what citizens raised: the fields that came up most and
// the cases that came back most often.
func (s *Summary) topicSection(cat *i18n.Catalog) Section {
	t := s.Friendly.Topics
	fields := Table{Key: "topics", Title: cat.T("rpt.tbl.topics"), Label: cat.T("field.Field"),
		Cols: cols(cat, "visits", "petitions", "dialogues", "total")}
	var sum TopicRow
	for _, r := range t.ByField {
		fields.Rows = append(fields.Rows, Row{Label: cat.Label("field_of", r.Key),
			Cells: []Cell{n(r.Visits), n(r.Petitions), n(r.Dialogues), n(r.Total())}})
		sum.Visits, sum.Petitions, sum.Dialogues = sum.Visits+r.Visits, sum.Petitions+r.Petitions, sum.Dialogues+r.Dialogues
	}
	fields.Rows = append(fields.Rows, Row{Label: cat.T("rpt.all"), Total: true,
		Cells: []Cell{n(sum.Visits), n(sum.Petitions), n(sum.Dialogues), n(sum.Total())}})
	cases := Table{Key: "repeated", Title: cat.T("rpt.tbl.repeated"), Label: cat.T("field.CaseID"), Cols: cols(cat, "visits")}
	for _, c := range t.Repeated {
		cases.Rows = append(cases.Rows, Row{Label: fmt.Sprintf("#%d", c.ID), Cells: []Cell{n(c.Visits)}})
	}
	oldest := Table{Key: "oldest_cases", Title: cat.T("rpt.tbl.oldest_cases"), Label: cat.T("field.CaseID"),
		Cols: cols(cat, "days_open")}
	for _, c := range t.Oldest {
		oldest.Rows = append(oldest.Rows, Row{Label: caseLabel(c), Cells: []Cell{n(int(s.AsOf - c.Opened))}})
	}
	return Section{Key: "topics", Title: cat.T("rpt.sec.topics"), Prose: s.topicProse(cat), Tables: []Table{fields, cases, oldest}}
}

// friendlyProse is the paragraph of the friendly section, in the style of
// the reference reports: "gửi 70 thư chúc mừng, 17 thư chia buồn; không
// có thư xin lỗi, thư cảm ơn", "100% số phiếu đánh giá ở mức độ hài lòng
// trở lên".
func (s *Summary) friendlyProse(cat *i18n.Catalog) []string {
	c := counter{cat}
	f := s.Friendly
	var out []string
	d := f.Dialogues
	if d.Total == 0 {
		out = append(out, cat.T("prose.dl_none"))
	} else {
		var with []string
		for _, w := range d.ByWith {
			if w.N > 0 {
				with = append(with, cat.T("prose.dl_with", c.n(w.N, "conference"), cat.T("prose.with."+w.Key)))
			}
		}
		var who []string
		for _, p := range d.ByPresiding {
			who = append(who, cat.T("prose.r_presided", p.Key, c.n(p.N, "conference")))
		}
		out = append(out, cat.T("prose.dl_total", c.n(d.Total, "conference"), c.n(d.Scheduled, "conference"),
			c.n(d.Adhoc, "conference"), strings.Join(with, cat.T("prose.sep")), strings.Join(who, cat.T("prose.sep")),
			c.n(d.Attendees, "attendee")))
		if d.Raised == 0 {
			out = append(out, cat.T("prose.dl_no_opinion"))
		} else {
			out = append(out, cat.T("prose.dl_opinions", c.n(d.Raised, "opinion"), vntext.Count(d.Answered),
				vntext.Count(d.Raised), c.n(d.TakenAway, "opinion")))
		}
		if d.FollowUpsOpen > 0 {
			out = append(out, cat.T("prose.dl_followups", c.n(d.FollowUpsOpen, "followup"), c.n(d.FollowUpsLate, "followup")))
		}
	}
	st := f.Satisfaction
	if st.Batches > 0 {
		out = append(out, cat.T("prose.sat_survey", c.n(st.HandedOut, "form"), c.n(st.Returned, "form"),
			c.n(st.Survey.Very, "form"), c.n(st.Survey.Satisfied, "form"), c.n(st.Survey.Unsatisfied, "form")))
	}
	if st.Desk.Rated() > 0 {
		out = append(out, cat.T("prose.sat_desk", c.n(st.Desk.Rated(), "rating"), c.n(st.Desk.Very, "rating"),
			c.n(st.Desk.Satisfied, "rating"), c.n(st.Desk.Unsatisfied, "rating")))
	}
	if st.All.Rated() > 0 {
		sh := st.All.SatisfiedShare()
		key := "prose.sat_share" // survey forms ("phiếu"), as the reports say
		switch {
		case st.Survey.Rated() == 0:
			key = "prose.sat_share_desk" // ratings at the desk only ("lượt")
		case st.Desk.Rated() > 0:
			key = "prose.sat_share_both"
		}
		out = append(out, cat.T(key, vntext.Share(sh.Num, sh.Den)))
	} else {
		out = append(out, cat.T("prose.sat_none"))
	}
	var sent, none []string
	for _, l := range f.Letters {
		name := strings.ToLower(cat.Label("letter", l.Key))
		if l.N > 0 {
			sent = append(sent, vntext.Count(l.N)+" "+name)
		} else {
			none = append(none, name)
		}
	}
	switch {
	case len(sent) == 0:
		out = append(out, cat.T("prose.lt_none"))
	case len(none) == 0:
		out = append(out, cat.T("prose.lt_sent", s.officeName(cat), strings.Join(sent, ", "))+".")
	default:
		out = append(out, cat.T("prose.lt_sent", s.officeName(cat), strings.Join(sent, ", "))+
			cat.T("prose.lt_not", joinAnd(cat, none))+".")
	}
	o := f.Online
	if o.AllInSystem() {
		out = append(out, cat.T("prose.ol_all_system"))
	} else if o.Received > 0 && o.InSystem == 0 {
		out = append(out, cat.T("prose.ol_no_system", c.n(o.Received, "dossier")))
	} else if o.Received > 0 {
		out = append(out, cat.T("prose.ol_system", vntext.Count(o.InSystem), c.n(o.Received, "dossier")))
	}
	if o.Offered > 0 {
		sh := o.OnlineShare()
		out = append(out, cat.T("prose.ol_share", vntext.Count(o.OfferedOnline), c.n(o.Offered, "dossier"),
			vntext.Share(sh.Num, sh.Den)))
	}
	return out
}

// topicProse names the fields citizens raised most and the cases they
// came back about most often.
func (s *Summary) topicProse(cat *i18n.Catalog) []string {
	c := counter{cat}
	t := s.Friendly.Topics
	if len(t.ByField) == 0 {
		return []string{cat.T("prose.tp_none")}
	}
	var parts []string
	for i, r := range t.ByField {
		if i == 5 {
			break
		}
		parts = append(parts, cat.T("prose.tp_field", strings.ToLower(cat.Label("field_of", r.Key)), c.n(r.Total(), "time")))
	}
	out := []string{cat.T("prose.tp_fields", strings.Join(parts, cat.T("prose.sep")))}
	if len(t.Oldest) > 0 {
		var cs []string
		for _, o := range t.Oldest {
			cs = append(cs, cat.T("prose.tp_old", o.ID, o.Opened.String(), o.Summary))
		}
		out = append(out, cat.T("prose.tp_oldest", strings.Join(cs, cat.T("prose.sep"))))
	}
	if len(t.Repeated) > 0 {
		var cs []string
		for _, r := range t.Repeated {
			cs = append(cs, cat.T("prose.tp_case", r.ID, c.n(r.Visits, "visit")))
		}
		out = append(out, cat.T("prose.tp_repeated", strings.Join(cs, cat.T("prose.sep"))))
	}
	return out
}

// friendlyIdentities are the equations the friendly figures rely on.
func (s *Summary) friendlyIdentities(add func(sec, f, row string, left int, right ...int)) {
	f := s.Friendly
	d := f.Dialogues
	add("friendly", "dl_raised", "", d.Raised, d.Answered, d.TakenAway)
	add("friendly", "dl_kinds", "", d.Total, d.Scheduled, d.Adhoc)
	add("friendly", "dl_with", "", d.Total, counts(d.ByWith)...)
	add("friendly", "dl_presiding", "", d.Total, counts(d.ByPresiding)...)
	add("friendly", "dl_followups", "", d.FollowUps, d.FollowUpsDone, d.FollowUpsOpen)
	st := f.Satisfaction
	add("friendly", "sat_desk", "", st.HandedBack, st.Desk.Rated(), st.Declined, st.NotAsked)
	add("friendly", "sat_rated", "row:sat_desk", st.Desk.Rated(), st.Desk.Very, st.Desk.Satisfied, st.Desk.Unsatisfied)
	add("friendly", "sat_rated", "row:sat_survey", st.Survey.Rated(), st.Survey.Very, st.Survey.Satisfied, st.Survey.Unsatisfied)
	add("friendly", "sat_returned", "", st.Returned, st.Survey.Rated(), st.NotRated)
	add("friendly", "sat_all", "", st.All.Rated(), st.Desk.Rated(), st.Survey.Rated())
	o := f.Online
	add("friendly", "ol_offered", "", o.Offered, o.OfferedFull, o.OfferedPartial)
	t := f.Topics
	visits := 0
	for _, r := range t.ByField {
		visits += r.Visits
	}
	add("topics", "tp_visits", "", s.Reception.Total.Visits, visits)
}

// joinAnd joins "a, b và c".
func joinAnd(cat *i18n.Catalog, parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + cat.T("prose.and") + parts[len(parts)-1]
}

// caseLabel names a case in a table: its number and what it is about.
func caseLabel(c model.OpenCaseFacts) string {
	return vntext.Truncate(fmt.Sprintf("#%d (%s) %s", c.ID, c.Opened.String(), c.Summary), 60)
}
