package report

import (
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model/vntext"
)

// Prose returns the summary as the paragraphs an office pastes into its
// report, one per section, in the style of the reference reports: "1.770
// hồ sơ", "04 đơn", "không" for zero, "98,7%".
func (s *Summary) Prose(cat *i18n.Catalog) []string {
	var out []string
	for _, sec := range s.Sections(cat) {
		out = append(out, strings.Join(sec.Prose, " "))
	}
	if s.Running() {
		out = append(out, cat.T("prose.asof", s.AsOf.String()))
	}
	return out
}

// counter formats counts for prose in one language.
type counter struct{ cat *i18n.Catalog }

// n writes a count with its unit: "1.770 hồ sơ", "04 đơn", or "không".
func (c counter) n(v int, unit string) string {
	if v == 0 {
		return c.cat.T("rpt.zero")
	}
	return vntext.Count(v) + " " + c.cat.T("rpt.u."+unit)
}

// officeName is the office as the prose names it: "UBND phường Tân Định"
// from the settings, or "UBND" before they are filled in.
func (s *Summary) officeName(cat *i18n.Catalog) string {
	if s.Office.Name != "" {
		return s.Office.Name
	}
	return cat.T("prose.office_default")
}

func (s *Summary) dossierProse(cat *i18n.Catalog) []string {
	c := counter{cat}
	d := s.Dossiers.All
	from, to := s.Period.From.String(), s.Period.To.String()
	if d.Total == 0 {
		return []string{cat.T("prose.d_none", from, to)}
	}
	// Postal dossiers as a total, split into the public postal service and
	// ordinary post when there were any by ordinary post.
	postal := c.n(d.Postal+d.Post, "dossier")
	if d.Post > 0 {
		postal += cat.T("prose.d_post_split", c.n(d.Postal, "dossier"), c.n(d.Post, "dossier"))
	}
	out := []string{cat.T("prose.d_total", from, to, c.n(d.Total, "dossier"), c.n(d.Received, "dossier"),
		c.n(d.Direct, "dossier"), c.n(d.Online, "dossier"), postal, c.n(d.CarriedOver, "dossier"))}
	if d.Resolved == 0 {
		out = append(out, cat.T("prose.d_none_resolved"))
	} else {
		sh := d.OnTimeShare()
		out = append(out, cat.T("prose.d_resolved", c.n(d.Resolved, "dossier"), c.n(d.Early, "dossier"),
			c.n(d.OnTime, "dossier"), c.n(d.Late, "dossier"), c.n(d.Early+d.OnTime, "dossier"), vntext.Share(sh.Num, sh.Den)))
	}
	if d.Rejected+d.Withdrawn > 0 {
		out = append(out, cat.T("prose.d_closed", c.n(d.Rejected, "dossier"), c.n(d.Withdrawn, "dossier")))
	}
	if d.Pending == 0 {
		out = append(out, cat.T("prose.d_no_pending"))
	} else {
		out = append(out, cat.T("prose.d_pending", c.n(d.Pending, "dossier"), c.n(d.PendingInTime, "dossier"),
			c.n(d.PendingLate, "dossier")))
	}
	if len(s.Dossiers.ByField) > 1 {
		var parts []string
		for _, r := range s.Dossiers.ByField {
			parts = append(parts, cat.T("prose.p_kind", strings.ToLower(cat.Label("field_of", r.Key)), c.n(r.Total, "dossier")))
		}
		out = append(out, cat.T("prose.d_fields", strings.Join(parts, cat.T("prose.sep"))))
	}
	return out
}

func (s *Summary) receptionProse(cat *i18n.Catalog) []string {
	c := counter{cat}
	r := s.Reception
	office := s.officeName(cat)
	var first string
	if r.PeriodicSessions == 0 {
		first = cat.T("prose.r_no_sessions", office, c.n(r.RequiredSessions, "day"))
	} else {
		first = cat.T("prose.r_sessions", office, c.n(r.PeriodicSessions, "session"), c.n(r.SessionDays, "day"),
			c.n(r.RequiredSessions, "day"))
	}
	if r.AdhocSessions > 0 {
		first += cat.T("prose.r_adhoc", c.n(r.AdhocSessions, "session"))
	}
	if r.Short() {
		first += cat.T("prose.r_short")
	}
	if len(r.Presiding) > 0 {
		var who []string
		for _, k := range r.Presiding {
			who = append(who, cat.T("prose.r_presided", k.Key, c.n(k.N, "session")))
		}
		first += " (" + strings.Join(who, cat.T("prose.sep")) + ")"
	}
	out := []string{first + "."}
	if r.Total.Visits == 0 {
		return append(out, cat.T("prose.r_no_visits"))
	}
	t, g, ss := r.Total, r.Regular, r.InSession
	out = append(out, cat.T("prose.r_visits", c.n(t.Visits, "visit"), c.n(t.People, "person"), c.n(t.Cases, "matter"),
		c.n(t.First, "matter"), c.n(t.Repeat, "matter"), c.n(g.Visits, "visit"), c.n(g.People, "person"),
		c.n(ss.Visits, "visit"), c.n(ss.People, "person")))
	groups := cat.T("rpt.zero")
	if r.Groups.Visits > 0 {
		groups = cat.T("prose.r_groups_n", c.n(r.Groups.Visits, "group"), c.n(r.Groups.People, "person"),
			c.n(r.Groups.Cases, "matter"))
	}
	out = append(out, cat.T("prose.r_groups", r.Threshold, groups))
	var content []string
	for _, k := range r.ByContent {
		if k.N > 0 {
			content = append(content, cat.T("prose.p_kind", strings.ToLower(cat.Label("content", k.Key)), c.n(k.N, "visit")))
		}
	}
	land := ""
	if r.LandDispute > 0 {
		land = cat.T("prose.r_land", c.n(r.LandDispute, "visit"))
	}
	out = append(out, cat.T("prose.r_content", strings.Join(content, cat.T("prose.sep"))+land))
	var handling []string
	for _, k := range r.ByHandling {
		handling = append(handling, cat.T("prose.p_kind", strings.ToLower(cat.Label("handling", k.Key)), c.n(k.N, "visit")))
	}
	return append(out, cat.T("prose.r_handling", strings.Join(handling, cat.T("prose.sep"))))
}

// kindSentence says what became of one kind of petition: "Đơn khiếu nại:
// 02 đơn (kỳ trước chuyển sang: 01 đơn; mới tiếp nhận: 01 đơn); đã giải
// quyết 01 đơn, đang giải quyết 01 đơn."
func kindSentence(cat *i18n.Catalog, c counter, name string, r PetitionRow) string {
	s := cat.T("prose.p_kind_line", name, c.n(r.Total, "petition"), c.n(r.CarriedOver, "petition"),
		c.n(r.Received, "petition"), c.n(r.Resolved, "petition"), c.n(r.Pending, "petition"))
	var other []string
	if r.Guided > 0 {
		other = append(other, cat.T("prose.p_kind_guided", c.n(r.Guided, "petition")))
	}
	if r.Transferred > 0 {
		other = append(other, cat.T("prose.p_kind_transferred", c.n(r.Transferred, "petition")))
	}
	if r.Withdrawn+r.Archived > 0 {
		other = append(other, cat.T("prose.p_kind_closed", c.n(r.Withdrawn+r.Archived, "petition")))
	}
	if len(other) > 0 {
		s += ", " + strings.Join(other, ", ")
	}
	return s + "."
}

func (s *Summary) petitionProse(cat *i18n.Catalog) []string {
	c := counter{cat}
	p := s.Petitions
	a := p.All
	if a.Total == 0 {
		return []string{cat.T("prose.p_none", s.Period.From.String(), s.Period.To.String())}
	}
	var kinds []string
	byKind := map[string]PetitionRow{}
	for _, r := range p.ByKind {
		byKind[r.Key] = r
	}
	for _, k := range PetitionKinds() {
		if byKind[k].Total > 0 { // a kind with none is said once, below
			kinds = append(kinds, cat.T("prose.p_kind", strings.ToLower(cat.T("rpt.pkind."+k)), c.n(byKind[k].Total, "petition")))
		}
	}
	total := cat.T("prose.p_total", c.n(a.Total, "petition"), strings.Join(kinds, cat.T("prose.sep")))
	if p.Land.Total > 0 {
		total = strings.TrimSuffix(total, ".") + cat.T("prose.r_land", c.n(p.Land.Total, "petition")) + "."
	}
	out := []string{total,
		cat.T("prose.p_carried", c.n(a.CarriedOver, "petition"), c.n(a.Received, "petition"))}
	// Each kind that had petitions in its own sentence; the kinds with
	// none said once.
	var none []string
	for _, k := range PetitionKinds() {
		r := byKind[k]
		name := strings.ToLower(cat.T("rpt.pkind." + k))
		if r.Total == 0 {
			none = append(none, name)
			continue
		}
		out = append(out, kindSentence(cat, c, vntext.UpperFirst(cat.T("prose.p_of_kind", name)), r))
	}
	if p.Land.Total > 0 {
		out = append(out, kindSentence(cat, c, cat.T("prose.p_land_name"), p.Land))
	}
	if len(none) > 0 {
		out = append(out, cat.T("prose.p_kind_none", strings.Join(none, cat.T("prose.and_sep"))))
	}
	out = append(out,
		cat.T("prose.p_eligible", c.n(a.Eligible, "petition"), c.n(a.NotEligible, "petition")),
		cat.T("prose.p_jur", c.n(a.InJurisdiction, "petition"), c.n(a.NotInJurisdiction, "petition"),
			c.n(a.Guided, "petition"), c.n(a.Transferred, "petition")))
	if a.InJurisdiction > 0 {
		sh := a.ResolvedShare()
		out = append(out, cat.T("prose.p_share", vntext.Count(a.Resolved), c.n(a.InJurisdiction, "petition"),
			vntext.Share(sh.Num, sh.Den)))
	}
	if a.Withdrawn+a.Archived > 0 {
		out = append(out, cat.T("prose.p_other", c.n(a.Withdrawn, "petition"), c.n(a.Archived, "petition")))
	}
	if a.Pending == 0 {
		out = append(out, cat.T("prose.p_no_pending"))
	} else {
		out = append(out, cat.T("prose.p_pending", c.n(a.Pending, "petition"), c.n(a.Overdue, "petition")))
	}
	return out
}
