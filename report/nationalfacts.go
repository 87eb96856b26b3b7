package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
)

// NationalFacts are the figures the national forms count, by fact name
// (Form leaves name them), computed from the same scan as the summary.
// Unavailable names the facts the records cannot give, with the catalogue
// key of the reason: their cells are left blank, never printed as 0.
type NationalFacts struct {
	N           map[string]int
	Unavailable map[string]string
}

func (f NationalFacts) add(key string, n int) { f.N[key] += n }

// nationalAcc gathers what the forms need beyond the summary's own rows.
type nationalAcc struct {
	s        *Summary
	f        NationalFacts
	sessions map[uint64]model.SessionFacts
	visits   []natVisit
	// eligible petitions' cases, all and within jurisdiction
	cases, jurCases map[uint64]bool
	// keys caches the fact names built from a form and a code.
	keys map[[2]string]string
}

// key returns the fact name "<form>.<code>", built once.
func (a *nationalAcc) key(form, code string) string {
	k := [2]string{form, code}
	if s, ok := a.keys[k]; ok {
		return s
	}
	s := form + "." + code
	a.keys[k] = s
	return s
}

func newNationalAcc(s *Summary) *nationalAcc {
	s.National = NationalFacts{N: map[string]int{}, Unavailable: map[string]string{
		"xld.reminded": "nat.why.reminded", "xld.replies": "nat.why.replies",
		"kq.recovered": "nat.why.recovered", "kq.disciplined": "nat.why.disciplined",
	}}
	return &nationalAcc{s: s, f: s.National, sessions: map[uint64]model.SessionFacts{},
		cases: map[uint64]bool{}, jurCases: map[uint64]bool{}, keys: map[[2]string]string{}}
}

func (a *nationalAcc) session(x model.SessionFacts) {
	if !a.s.Period.Contains(x.Date) {
		return
	}
	a.sessions[x.ID] = x
	if x.Delegated {
		a.f.add("tcd.deleg.sessions", 1)
	} else {
		a.f.add("tcd.head.sessions", 1)
	}
}

// natVisit is what 01/TCD keeps of a visit until the sessions and the
// cases' first visits are known.
type natVisit struct {
	date      model.Date
	session   uint64 // 0: regular reception
	people    int
	group     bool
	repeat    bool // a visit from before cases, marked as a return
	caseIDs   []uint64
	inSession bool
}

func (a *nationalAcc) reception(x model.ReceptionFacts) {
	if a.s.Period.Contains(x.Date) {
		a.visits = append(a.visits, natVisit{date: x.Date, session: x.SessionID, people: max(x.HeadCount, 1),
			group: x.Group(a.s.Reception.Threshold), repeat: x.Matter == model.MatterRepeat, caseIDs: x.CaseIDs,
			inSession: x.Kind == model.ReceptionInSession})
	}
}

// leader is the 01/TCD column group of a visit: regular reception, the
// head's own session, or a delegated one.
func (a *nationalAcc) leader(x natVisit) string {
	if !x.inSession {
		return "tcd.reg"
	}
	if a.sessions[x.session].Delegated {
		return "tcd.deleg"
	}
	return "tcd.head"
}

// finish counts the visits once the sessions and the cases' first visits
// are known: each case once, in the column group of its first visit in
// the period (so the groups add up to the total), first received in the
// period or before it.
func (a *nationalAcc) finish(firstVisit map[uint64]model.Date) {
	type seen struct {
		date  model.Date
		where string
		group bool
	}
	caseAt := map[uint64]*seen{}
	var order []uint64
	for _, x := range a.visits {
		where := a.leader(x)
		group, people := x.group, x.people
		a.f.add("tcd.visits", 1)
		a.f.add("tcd.people", people)
		a.f.add(a.key(where, "visits"), 1)
		a.f.add(a.key(where, "people"), people)
		if group {
			a.f.add(a.key(where, "groups"), 1)
			a.f.add(a.key(where, "group_people"), people)
		}
		if len(x.caseIDs) == 0 { // a visit from before cases is its own case
			a.addCase(where, !x.repeat, group)
			continue
		}
		for _, id := range x.caseIDs {
			c, ok := caseAt[id]
			if !ok {
				c = &seen{date: x.date, where: where}
				caseAt[id] = c
				order = append(order, id)
			}
			if x.date < c.date || x.date == c.date && where == "tcd.reg" && c.where != "tcd.reg" {
				c.date, c.where = x.date, where
			}
			c.group = c.group || group
		}
	}
	for _, id := range order {
		c := caseAt[id]
		fv, ok := firstVisit[id]
		a.addCase(c.where, !ok || fv >= a.s.Period.From, c.group)
	}
}

// addCase counts one case in the total and in its column group where, as
// first received or received again, and among the groups' cases.
func (a *nationalAcc) addCase(where string, first, group bool) {
	kind, gkind := "cases_repeat", "group.cases_repeat"
	if first {
		kind, gkind = "cases_first", "group.cases_first"
	}
	a.f.add(a.key("tcd", kind), 1)
	a.f.add(a.key(where, kind), 1)
	if group {
		a.f.add(a.key(where, gkind), 1)
	}
}

// petition counts a petition in scope (received in the period or carried
// over) for 01-04/XLD and 01/KQGQ.
func (a *nationalAcc) petition(x model.PetitionFacts) {
	p := a.s.Period
	if !inScope(p, x.Received, x.Closed) {
		return
	}
	closed := closedBy(p, x.Closed)
	accepted := !x.Accepted.IsZero() && x.Accepted <= p.To
	a.f.add("xld.total", 1)
	if carried(p, x.Received, x.Closed) {
		a.f.add("xld.carried", 1)
	} else {
		a.f.add("xld.received", 1)
	}
	if closed || accepted {
		a.f.add("xld.processed", 1)
	} else {
		a.f.add("xld.unprocessed", 1)
	}
	if x.Eligibility != model.EligibilityEligible {
		return
	}
	a.f.add("xld.eligible", 1)
	if x.CaseID != 0 {
		a.cases[x.CaseID] = true
	} else {
		a.f.add("xld.eligible_cases", 1)
	}
	kind, form := petitionKind(x.Content), ""
	switch kind {
	case PetComplaint:
		a.f.add("xld.complaint", 1)
		form = "kn"
	case PetDenunciation:
		a.f.add("xld.denunciation", 1)
		form = "tc"
	default:
		a.f.add("xld.proposal", 1)
		form = "pa"
	}
	switch {
	case closed:
		a.f.add("xld.done", 1)
	case accepted:
		a.f.add("xld.doing", 1)
	default:
		a.f.add("xld.not_started", 1)
	}
	if x.InJurisdiction {
		a.f.add("xld.jur", 1)
		if x.CaseID != 0 {
			a.jurCases[x.CaseID] = true
		} else {
			a.f.add("xld.jur_cases", 1)
		}
	} else if closed {
		switch x.Status {
		case model.PetitionGuided:
			a.f.add("xld.guided", 1)
		case model.PetitionTransferred:
			a.f.add("xld.transferred", 1)
		}
	}
	a.f.add(a.key(form, "total"), 1)
	a.f.add(a.key(form, string(x.Sector)), 1)
	if x.InJurisdiction {
		a.f.add(a.key(form, "jur"), 1)
	} else {
		a.f.add(a.key(form, "not_jur"), 1)
	}
	if form == "tc" && x.Conduct != "" {
		a.f.add(a.key("tc", string(x.Conduct)), 1)
	}
	if form == "pa" || !x.InJurisdiction {
		return
	}
	// 01/KQGQ: complaints and denunciations within jurisdiction.
	a.f.add(a.key(form, "kq.cases"), 1)
	if !closed {
		a.f.add(a.key(form, "kq.pending"), 1)
		return
	}
	a.f.add(a.key(form, "kq.resolved"), 1)
	if x.Status == model.PetitionWithdrawn {
		a.f.add(a.key(form, "kq.withdrawn"), 1)
		return
	}
	a.f.add(a.key(form, "kq.decided"), 1)
	if x.Outcome == "" {
		a.f.add(a.key(form, "kq.no_outcome"), 1)
	} else {
		a.f.add(a.key(form, "kq."+string(x.Outcome)), 1)
	}
	if x.Due.IsZero() || x.Closed <= x.Due {
		a.f.add(a.key(form, "kq.on_time"), 1)
	} else {
		a.f.add(a.key(form, "kq.late"), 1)
	}
}

// finishPetitions counts the distinct cases of the eligible petitions.
func (a *nationalAcc) finishPetitions() {
	a.f.add("xld.eligible_cases", len(a.cases))
	a.f.add("xld.jur_cases", len(a.jurCases))
}

// finishDossiers copies Biểu II.06a's figures from the dossier rows: all,
// and per field under "field:<code>:".
func (a *nationalAcc) finishDossiers() {
	put := func(prefix string, r DossierRow) {
		for k, v := range map[string]int{"total": r.Total, "online": r.Online, "direct_postal": r.Direct + r.Postal + r.Post,
			"carried": r.CarriedOver, "resolved": r.Resolved, "early": r.Early, "on_time": r.OnTime, "late": r.Late,
			"pending": r.Pending, "pending_in_time": r.PendingInTime, "pending_late": r.PendingLate} {
			a.f.add(prefix+"tthc."+k, v)
		}
	}
	put("", a.s.Dossiers.All)
	for _, r := range a.s.Dossiers.ByField {
		put("field:"+r.Key+":", r)
	}
}

// formCheck is one check row of a form on one row: its text with the
// values, whether it holds, and one identity per side after the first.
type formCheck struct {
	text  string
	holds bool
	ids   []Identity
}

// formChecks evaluates f's check rows on each of rows.
func (s *Summary) formChecks(f Form, rows []FormRow) []formCheck {
	leaves := f.leaves()
	var out []formCheck
	for _, r := range rows {
		val := func(col int) int {
			if col < 1 || col > len(leaves) {
				return 0
			}
			return s.National.N[r.Prefix+leaves[col-1].Fact]
		}
		for _, expr := range f.Checks {
			sides := strings.Split(expr, "=")
			var sums []int
			var shown []string
			for _, side := range sides {
				sum := 0
				var terms []string
				for _, t := range strings.Split(side, "+") {
					col, _ := strconv.Atoi(t)
					sum += val(col)
					terms = append(terms, strconv.Itoa(val(col)))
				}
				sums = append(sums, sum)
				shown = append(shown, strings.Join(terms, " + "))
			}
			holds := true
			for _, v := range sums[1:] {
				holds = holds && v == sums[0]
			}
			mark := "✓"
			if !holds {
				mark = "✗"
			}
			where := ""
			if r.Label != "" && r.Prefix != "" {
				where = " [" + r.Label + "]"
			}
			cols := strings.NewReplacer("=", ") = (", "+", ") + (").Replace(expr)
			text := fmt.Sprintf("(%s)%s: %s %s", cols, where, strings.Join(shown, " = "), mark)
			c := formCheck{text: text, holds: holds}
			for i := 1; i < len(sums); i++ {
				c.ids = append(c.ids, Identity{Section: "national", Formula: f.Code + " " + expr + where, Left: sums[0],
					Right: []int{sums[i]}})
			}
			out = append(out, c)
		}
	}
	return out
}

// nationalIdentities are the forms' check rows, as identities.
func (s *Summary) nationalIdentities() []Identity {
	var out []Identity
	for _, f := range Forms() {
		rows := f.Rows
		if f.Code == "II.06a" {
			rows = []FormRow{{}}
			for _, r := range s.Dossiers.ByField {
				rows = append(rows, FormRow{Prefix: "field:" + r.Key + ":"})
			}
		}
		for _, c := range s.formChecks(f, rows) {
			out = append(out, c.ids...)
		}
	}
	return out
}

// NationalCheckLine says whether every check row of every form holds.
func (s *Summary) NationalCheckLine(cat *i18n.Catalog) string {
	ids := s.nationalIdentities()
	bad := 0
	for _, id := range ids {
		if !id.Holds() {
			bad++
		}
	}
	if bad > 0 {
		return cat.T("nat.checks_bad", bad, len(ids))
	}
	return cat.T("nat.checks_ok", len(ids))
}
