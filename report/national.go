package report

import (
	"fmt"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
)

// Form is one national statistical form held as data: its code, its column
// tree (numbered 1, 2, … in leaf order, as the forms print them), the rows
// it has and the check rows its figures must satisfy. A new circular is a
// new Form value, not new code: every leaf names the fact it counts.
type Form struct {
	Code  string // "01/TCD"
	Sheet string // the XLSX sheet: "01-TCD"
	Title string // catalogue key of the title
	Label string // catalogue key of the label column's heading
	Cols  []FormCol
	// Rows lists the form's rows: their label (a catalogue key, or "" for
	// the office's name) and the prefix added to every leaf's fact ("" for
	// the single row of most forms).
	Rows []FormRow
	// Checks are equalities over column numbers, "1=2+3=4+5": each side a
	// sum of columns, every side equal, on every row.
	Checks []string
}

// FormCol is a column or a group of columns: Head is its catalogue key;
// a leaf counts Fact.
type FormCol struct {
	Head string
	Fact string
	Cols []FormCol
}

// FormRow is one row of a form.
type FormRow struct {
	Label  string
	Prefix string
}

func leaf(head, fact string) FormCol             { return FormCol{Head: head, Fact: fact} }
func group(head string, cols ...FormCol) FormCol { return FormCol{Head: head, Cols: cols} }

// cases are the two columns of cases first received and received again.
func cases(prefix string) FormCol {
	return group("nat.h.cases", leaf("nat.h.first", prefix+".cases_first"), leaf("nat.h.repeat", prefix+".cases_repeat"))
}

// byLeader is a leader's reception in 01/TCD: sessions, visits, people,
// cases, groups.
func byLeader(head, p string) FormCol {
	return group(head, leaf("nat.h.sessions", p+".sessions"), leaf("nat.h.visits", p+".visits"),
		leaf("nat.h.people", p+".people"), cases(p),
		group("nat.h.groups", leaf("nat.h.group_n", p+".groups"), leaf("nat.h.people", p+".group_people")))
}

// bySector are the sector columns of 02-04/XLD, summing to the total.
func bySector(p string) []FormCol {
	return []FormCol{
		group("nat.h.admin", leaf("sector.policy", p+".policy"), leaf("sector.land_housing", p+".land_housing"),
			leaf("nat.h.other", p+".admin_other")),
		leaf("sector.judicial", p+".judicial"), leaf("sector.party", p+".party"), leaf("sector.other", p+".other"),
	}
}

// Forms returns the national forms in the order they are shown.
func Forms() []Form {
	office := []FormRow{{}}
	return []Form{
		{Code: "01/TCD", Sheet: "01-TCD", Title: "nat.t.tcd", Label: "nat.l.unit", Rows: office,
			Cols: []FormCol{
				group("nat.h.total", leaf("nat.h.visits", "tcd.visits"), leaf("nat.h.people", "tcd.people"), cases("tcd")),
				group("nat.h.regular", leaf("nat.h.visits", "tcd.reg.visits"), leaf("nat.h.people", "tcd.reg.people"), cases("tcd.reg"),
					group("nat.h.groups", leaf("nat.h.group_n", "tcd.reg.groups"), leaf("nat.h.people", "tcd.reg.group_people"),
						cases("tcd.reg.group"))),
				group("nat.h.leader", byLeader("nat.h.head", "tcd.head"), byLeader("nat.h.deleg", "tcd.deleg")),
			},
			Checks: []string{"1=5+14+21", "2=6+15+22", "3=7+16+23", "4=8+17+24"}},
		{Code: "01/XLD", Sheet: "01-XLD", Title: "nat.t.xld", Label: "nat.l.unit", Rows: office,
			Cols: []FormCol{
				group("nat.h.to_process", leaf("nat.h.total", "xld.total"), leaf("nat.h.carried", "xld.carried"),
					leaf("nat.h.received", "xld.received")),
				leaf("nat.h.processed", "xld.processed"), leaf("nat.h.unprocessed", "xld.unprocessed"),
				group("nat.h.eligible", leaf("nat.h.petitions", "xld.eligible"), leaf("nat.h.cases", "xld.eligible_cases")),
				group("nat.h.by_content", leaf("rpt.pkind.complaint", "xld.complaint"), leaf("rpt.pkind.denunciation", "xld.denunciation"),
					leaf("rpt.pkind.proposal_reflection", "xld.proposal")),
				group("nat.h.by_status", leaf("nat.h.done", "xld.done"), leaf("nat.h.doing", "xld.doing"),
					leaf("nat.h.not_started", "xld.not_started")),
				group("nat.h.result",
					group("nat.h.in_jur", leaf("nat.h.petitions", "xld.jur"), leaf("nat.h.cases", "xld.jur_cases")),
					group("nat.h.not_in_jur", leaf("nat.h.guided", "xld.guided"), leaf("nat.h.transferred", "xld.transferred"),
						leaf("nat.h.reminded", "xld.reminded"))),
				leaf("nat.h.replies", "xld.replies"),
			},
			Checks: []string{"1=2+3=4+5", "6=8+9+10=11+12+13"}},
		{Code: "02/XLD", Sheet: "02-XLD", Title: "nat.t.kn", Label: "nat.l.unit", Rows: office,
			Cols: append([]FormCol{leaf("nat.h.total", "kn.total")}, append(bySector("kn"),
				group("nat.h.result", leaf("nat.h.in_jur", "kn.jur"), leaf("nat.h.not_in_jur", "kn.not_jur")))...),
			Checks: []string{"1=2+3+4+5+6+7=8+9"}},
		{Code: "03/XLD", Sheet: "03-XLD", Title: "nat.t.tc", Label: "nat.l.unit", Rows: office,
			Cols: append([]FormCol{leaf("nat.h.total", "tc.total")}, append(bySector("tc"),
				group("nat.h.of_which", leaf("conduct.corruption", "tc.corruption"), leaf("conduct.public_duty", "tc.public_duty")),
				group("nat.h.result", leaf("nat.h.in_jur", "tc.jur"), leaf("nat.h.not_in_jur", "tc.not_jur")))...),
			Checks: []string{"1=2+3+4+5+6+7=10+11"}},
		{Code: "04/XLD", Sheet: "04-XLD", Title: "nat.t.knpa", Label: "nat.l.unit", Rows: office,
			Cols: append([]FormCol{leaf("nat.h.total", "pa.total")}, append(bySector("pa"),
				group("nat.h.result", leaf("nat.h.in_jur", "pa.jur"), leaf("nat.h.not_in_jur", "pa.not_jur")))...),
			Checks: []string{"1=2+3+4+5+6+7=8+9"}},
		{Code: "01/KQGQ", Sheet: "01-KQGQ", Title: "nat.t.kqgq", Label: "nat.l.kind",
			Rows: []FormRow{{Label: "rpt.pkind.complaint", Prefix: "kn."}, {Label: "rpt.pkind.denunciation", Prefix: "tc."}},
			Cols: []FormCol{
				leaf("nat.h.in_jur_cases", "kq.cases"),
				group("nat.h.resolved", leaf("nat.h.total", "kq.resolved"), leaf("nat.h.withdrawn", "kq.withdrawn"),
					leaf("nat.h.decided", "kq.decided")),
				group("nat.h.outcome", leaf("outcome.right", "kq.right"), leaf("outcome.wrong", "kq.wrong"),
					leaf("outcome.partly", "kq.partly"), leaf("nat.h.no_outcome", "kq.no_outcome")),
				group("nat.h.deadline", leaf("nat.h.on_time", "kq.on_time"), leaf("nat.h.late", "kq.late")),
				group("nat.h.pending", leaf("nat.h.total", "kq.pending")),
				leaf("nat.h.recovered", "kq.recovered"), leaf("nat.h.disciplined", "kq.disciplined"),
			},
			Checks: []string{"1=2+11", "2=3+4", "4=5+6+7+8=9+10"}},
		{Code: "II.06a", Sheet: "II.06a", Title: "nat.t.tthc", Label: "nat.l.field",
			Cols: []FormCol{
				group("nat.h.received_tthc", leaf("nat.h.total", "tthc.total"), leaf("nat.h.online", "tthc.online"),
					leaf("nat.h.direct_postal", "tthc.direct_postal"), leaf("nat.h.carried", "tthc.carried")),
				group("nat.h.resolved", leaf("nat.h.total", "tthc.resolved"), leaf("nat.h.early", "tthc.early"),
					leaf("nat.h.on_time", "tthc.on_time"), leaf("nat.h.late", "tthc.late")),
				group("nat.h.pending", leaf("nat.h.total", "tthc.pending"), leaf("nat.h.in_time", "tthc.pending_in_time"),
					leaf("nat.h.late", "tthc.pending_late")),
			},
			Checks: []string{"1=2+3+4", "5=6+7+8", "9=10+11"}},
	}
}

// leaves returns the form's leaf columns in order, with the depth of each
// leaf's path.
func (f Form) leaves() []FormCol {
	var out []FormCol
	var walk func(cs []FormCol)
	walk = func(cs []FormCol) {
		for _, c := range cs {
			if len(c.Cols) == 0 {
				out = append(out, c)
			} else {
				walk(c.Cols)
			}
		}
	}
	walk(f.Cols)
	return out
}

func depth(cs []FormCol) int {
	d := 0
	for _, c := range cs {
		if len(c.Cols) == 0 {
			d = max(d, 1)
		} else {
			d = max(d, 1+depth(c.Cols))
		}
	}
	return d
}

func span(c FormCol) int {
	if len(c.Cols) == 0 {
		return 1
	}
	n := 0
	for _, x := range c.Cols {
		n += span(x)
	}
	return n
}

// heads lays the column tree out as heading rows: a group over its leaves,
// a leaf down to the last heading row.
func (f Form) heads(cat *i18n.Catalog) [][]Head {
	d := depth(f.Cols)
	rows := make([][]Head, d)
	var walk func(cs []FormCol, level int)
	walk = func(cs []FormCol, level int) {
		for _, c := range cs {
			if len(c.Cols) == 0 {
				rows[level] = append(rows[level], Head{Text: cat.T(c.Head), Span: 1, Rows: d - level})
				continue
			}
			rows[level] = append(rows[level], Head{Text: cat.T(c.Head), Span: span(c), Rows: 1})
			walk(c.Cols, level+1)
		}
	}
	walk(f.Cols, 0)
	return rows
}

// fullHeads names each leaf by its path: "Tiếp thường xuyên / Số lượt".
func (f Form) fullHeads(cat *i18n.Catalog) []string {
	var out []string
	var walk func(cs []FormCol, path []string)
	walk = func(cs []FormCol, path []string) {
		for _, c := range cs {
			p := append(append([]string(nil), path...), cat.T(c.Head))
			if len(c.Cols) == 0 {
				out = append(out, strings.Join(p, " / "))
			} else {
				walk(c.Cols, p)
			}
		}
	}
	walk(f.Cols, nil)
	return out
}

// NationalTable renders form f over the summary's national facts: the
// multi-row heading, the column numbers, one row per FormRow (the office's
// name for a single row; the field rows and the total for II.06a), blank
// cells with a note for the facts the records cannot give, and the check
// rows with their values.
func (s *Summary) NationalTable(cat *i18n.Catalog, f Form) Table {
	leaves := f.leaves()
	full := f.fullHeads(cat)
	t := Table{Key: "nat_" + f.Sheet, Title: f.Code + " — " + cat.T(f.Title), Sheet: f.Sheet, Label: cat.T(f.Label),
		Heads: f.heads(cat), Numbered: true}
	for i, l := range leaves {
		t.Cols = append(t.Cols, Col{Key: l.Fact, Head: full[i], Short: fmt.Sprintf("(%d)", i+1), Num: fmt.Sprint(i + 1)})
	}
	facts := s.National
	rows := f.Rows
	if f.Code == "II.06a" {
		for _, r := range s.Dossiers.ByField {
			rows = append(rows, FormRow{Label: cat.Label("field_of", r.Key), Prefix: "field:" + r.Key + ":"})
		}
		rows = append(rows, FormRow{Label: "rpt.all"})
	}
	var blanks []string
	for _, r := range rows {
		label := s.Office.Name
		if r.Label != "" {
			label = cat.T(r.Label)
			if f.Code == "II.06a" && r.Prefix != "" {
				label = r.Label
			}
		}
		row := Row{Label: label, Total: r.Prefix == "" && len(rows) > 1}
		for i, l := range leaves {
			key := r.Prefix + l.Fact
			if why, ok := facts.Unavailable[l.Fact]; ok {
				row.Cells = append(row.Cells, Cell{Blank: true})
				if !containsNum(blanks, i+1) {
					blanks = append(blanks, fmt.Sprint(i+1))
					t.Note += cat.T("nat.blank", i+1, cat.T(why)) + "\n"
				}
				continue
			}
			row.Cells = append(row.Cells, n(facts.N[key]))
		}
		t.Rows = append(t.Rows, row)
	}
	named := make([]FormRow, len(rows))
	for i, r := range rows {
		named[i] = r
		if strings.HasPrefix(r.Label, "rpt.") {
			named[i].Label = cat.T(r.Label)
		}
	}
	for _, c := range s.formChecks(f, named) {
		t.Note += c.text + "\n"
	}
	t.Note = strings.TrimSpace(t.Note)
	return t
}

func containsNum(list []string, n int) bool {
	for _, s := range list {
		if s == fmt.Sprint(n) {
			return true
		}
	}
	return false
}

// NationalTables renders every national form.
func (s *Summary) NationalTables(cat *i18n.Catalog) []Table {
	var out []Table
	for _, f := range Forms() {
		out = append(out, s.NationalTable(cat, f))
	}
	return out
}
