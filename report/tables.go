package report

import (
	"fmt"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
)

// Table is one table of the summary, ready for any export: the first column
// holds row labels, the others numbers or shares.
type Table struct {
	Key   string // stable name: XLSX sheet order, CSV section, tests
	Title string
	// Sheet names the table's XLSX sheet when it has a name of its own (a
	// national form's code, "01-TCD"); otherwise the title gives it.
	Sheet string
	Label string // heading of the label column
	Cols  []Col
	// Heads, when set, is a heading of several rows over the columns (a
	// national form's column tree); the label column spans them all.
	// Otherwise each column's Head is its heading.
	Heads [][]Head
	// Numbered adds a row of column numbers (Col.Num) under the heading.
	Numbered bool
	Rows     []Row
	// Note is said under the table: how a figure was counted; one item a
	// line (NoteLines).
	Note string
}

// NoteLines are the note's items, one a line.
func (t Table) NoteLines() []string {
	if t.Note == "" {
		return nil
	}
	return strings.Split(t.Note, "\n")
}

// Col is a numeric column: Head in full, Short for narrow screens, Num its
// number in a national form ("1", "2", ...).
type Col struct {
	Key, Head, Short, Num string
}

// Head is one cell of a multi-row heading: Text over Span columns, Rows
// heading rows deep.
type Head struct {
	Text       string
	Span, Rows int
}

// PlacedHead is a heading cell placed on the grid of heading rows (Row,
// from 0) and number columns (Col, from 0, the label column aside).
type PlacedHead struct {
	Head
	Row, Col int
}

// PlacedHeads lays Heads out: each row's cells fill, left to right, the
// columns no taller cell of a row above still covers.
func (t Table) PlacedHeads() []PlacedHead {
	depth, width := len(t.Heads), len(t.Cols)
	taken := make([][]bool, depth)
	for i := range taken {
		taken[i] = make([]bool, width)
	}
	var out []PlacedHead
	for i, row := range t.Heads {
		col := 0
		for _, h := range row {
			for col < width && taken[i][col] {
				col++
			}
			h.Span, h.Rows = max(1, h.Span), max(1, h.Rows)
			for r := i; r < min(depth, i+h.Rows); r++ {
				for c := col; c < min(width, col+h.Span); c++ {
					taken[r][c] = true
				}
			}
			out = append(out, PlacedHead{Head: h, Row: i, Col: col})
			col += h.Span
		}
	}
	return out
}

// HeadDepth is how many heading rows the table has over its columns.
func (t Table) HeadDepth() int {
	if len(t.Heads) == 0 {
		return 1
	}
	return len(t.Heads)
}

// Row is one row. Sub rows are "of which" rows, indented; Total rows are
// the sum of the rows they head.
type Row struct {
	Label string
	Sub   bool
	Total bool
	Cells []Cell
}

// Cell is a count, or a share when IsShare (Num/Den, one decimal); Blank
// when the records cannot give the figure (left empty, never printed as 0).
type Cell struct {
	N       int
	Share   Share
	IsShare bool
	Blank   bool
}

// Section is a part of the summary: its prose paragraph and its tables.
type Section struct {
	Key    string // "dossier", "reception", "petition"
	Title  string
	Prose  []string // sentences of the paragraph
	Tables []Table
}

func n(v int) Cell    { return Cell{N: v} }
func sh(s Share) Cell { return Cell{Share: s, IsShare: true} }
func cols(cat *i18n.Catalog, keys ...string) []Col {
	out := make([]Col, len(keys))
	for i, k := range keys {
		out[i] = Col{Key: k, Head: cat.T("rpt.col." + k), Short: cat.T("rpt.short." + k)}
	}
	return out
}

// Sections renders the summary as its three sections, in the catalogue's
// language.
func (s *Summary) Sections(cat *i18n.Catalog) []Section {
	return []Section{s.dossierSection(cat), s.receptionSection(cat), s.petitionSection(cat), s.friendlySection(cat),
		s.topicSection(cat)}
}

func (s *Summary) dossierSection(cat *i18n.Catalog) Section {
	d := s.Dossiers
	keys := []string{"total", "carried", "received", "direct", "online", "postal", "post", "resolved", "early",
		"on_time", "late", "share", "rejected", "withdrawn", "pending", "pending_in_time", "pending_late"}
	cells := func(r DossierRow) []Cell {
		return []Cell{n(r.Total), n(r.CarriedOver), n(r.Received), n(r.Direct), n(r.Online), n(r.Postal), n(r.Post),
			n(r.Resolved), n(r.Early), n(r.OnTime), n(r.Late), sh(r.OnTimeShare()), n(r.Rejected),
			n(r.Withdrawn), n(r.Pending), n(r.PendingInTime), n(r.PendingLate)}
	}
	main := Table{Key: "dossier", Title: cat.T("rpt.tbl.dossier"), Label: cat.T("rpt.label"), Cols: cols(cat, keys...),
		Rows: []Row{{Label: cat.T("rpt.all"), Total: true, Cells: cells(d.All)}}}
	byField := Table{Key: "dossier_field", Title: cat.T("rpt.tbl.dossier_field"), Label: cat.T("field.Field"), Cols: main.Cols}
	for _, r := range d.ByField {
		byField.Rows = append(byField.Rows, Row{Label: cat.Label("field_of", r.Key), Cells: cells(r)})
	}
	byField.Rows = append(byField.Rows, Row{Label: cat.T("rpt.all"), Total: true, Cells: cells(d.All)})
	byProc := Table{Key: "dossier_procedure", Title: cat.T("rpt.tbl.dossier_procedure"), Label: cat.T("field.ProcedureName"), Cols: main.Cols}
	for _, r := range d.ByProcedure {
		byProc.Rows = append(byProc.Rows, Row{Label: r.Key, Cells: cells(r)})
	}
	byProc.Rows = append(byProc.Rows, Row{Label: cat.T("rpt.all"), Total: true, Cells: cells(d.All)})
	return Section{Key: "dossier", Title: cat.T("rpt.sec.dossier"), Prose: s.dossierProse(cat),
		Tables: []Table{main, byField, byProc}}
}

func (s *Summary) receptionSection(cat *i18n.Catalog) Section {
	r := s.Reception
	sessions := Table{Key: "sessions", Title: cat.T("rpt.tbl.sessions"), Label: cat.T("rpt.label"), Cols: cols(cat, "count"),
		Rows: []Row{
			{Label: cat.T("rpt.row.periodic"), Cells: []Cell{n(r.PeriodicSessions)}},
			{Label: cat.T("rpt.row.days"), Cells: []Cell{n(r.SessionDays)}},
			{Label: cat.T("rpt.row.required"), Cells: []Cell{n(r.RequiredSessions)}},
			{Label: cat.T("rpt.row.adhoc"), Cells: []Cell{n(r.AdhocSessions)}},
		},
		Note: MinimumText(cat, r.Minimum)}
	vc := func(v VisitRow) []Cell { return []Cell{n(v.Visits), n(v.People), n(v.Cases), n(v.First), n(v.Repeat)} }
	visits := Table{Key: "visits", Title: cat.T("rpt.tbl.visits"), Label: cat.T("rpt.label"),
		Cols: cols(cat, "visits", "people", "cases", "first", "repeat"),
		Rows: []Row{
			{Label: cat.T("rpt.row.regular"), Cells: vc(r.Regular)},
			{Label: cat.T("rpt.row.session"), Cells: vc(r.InSession)},
			{Label: cat.T("rpt.all"), Total: true, Cells: vc(r.Total)},
			{Label: cat.T("rpt.row.groups", r.Threshold), Sub: true, Cells: vc(r.Groups)},
		}}
	list := func(key, enum string, counts []KeyCount, land bool) Table {
		t := Table{Key: key, Title: cat.T("rpt.tbl." + key), Label: cat.T("rpt.label"), Cols: cols(cat, "visits")}
		for _, k := range counts {
			t.Rows = append(t.Rows, Row{Label: cat.Label(enum, k.Key), Cells: []Cell{n(k.N)}})
		}
		t.Rows = append(t.Rows, Row{Label: cat.T("rpt.all"), Total: true, Cells: []Cell{n(r.Total.Visits)}})
		if land {
			t.Rows = append(t.Rows, Row{Label: cat.T("rpt.row.land"), Sub: true, Cells: []Cell{n(r.LandDispute)}})
		}
		return t
	}
	return Section{Key: "reception", Title: cat.T("rpt.sec.reception"), Prose: s.receptionProse(cat),
		Tables: []Table{sessions, visits, list("visit_content", "content", r.ByContent, true),
			list("visit_field", "field_of", r.ByField, false), list("visit_handling", "handling", r.ByHandling, false)}}
}

func (s *Summary) petitionSection(cat *i18n.Catalog) Section {
	p := s.Petitions
	rows := func(cells func(PetitionRow) []Cell) []Row {
		var out []Row
		for _, r := range p.ByKind {
			out = append(out, Row{Label: cat.T("rpt.pkind." + r.Key), Cells: cells(r)})
		}
		return append(out, Row{Label: cat.T("rpt.all"), Total: true, Cells: cells(p.All)},
			Row{Label: cat.T("rpt.row.land"), Sub: true, Cells: cells(p.Land)})
	}
	kinds := Table{Key: "petition", Title: cat.T("rpt.tbl.petition"), Label: cat.T("field.Content"),
		Cols: cols(cat, "total", "carried", "received", "eligible", "not_eligible", "in_jurisdiction", "not_in_jurisdiction"),
		Rows: rows(func(r PetitionRow) []Cell {
			return []Cell{n(r.Total), n(r.CarriedOver), n(r.Received), n(r.Eligible), n(r.NotEligible),
				n(r.InJurisdiction), n(r.NotInJurisdiction)}
		})}
	result := Table{Key: "petition_result", Title: cat.T("rpt.tbl.petition_result"), Label: cat.T("field.Content"),
		Cols: cols(cat, "p_resolved", "p_share", "guided", "transferred", "p_withdrawn", "archived", "p_pending", "overdue"),
		Rows: rows(func(r PetitionRow) []Cell {
			return []Cell{n(r.Resolved), sh(r.ResolvedShare()), n(r.Guided), n(r.Transferred), n(r.Withdrawn),
				n(r.Archived), n(r.Pending), n(r.Overdue)}
		})}
	byField := Table{Key: "petition_field", Title: cat.T("rpt.tbl.petition_field"), Label: cat.T("field.Field"), Cols: cols(cat, "total")}
	for _, k := range p.ByField {
		byField.Rows = append(byField.Rows, Row{Label: cat.Label("field_of", k.Key), Cells: []Cell{n(k.N)}})
	}
	byField.Rows = append(byField.Rows, Row{Label: cat.T("rpt.all"), Total: true, Cells: []Cell{n(p.All.Total)}})
	return Section{Key: "petition", Title: cat.T("rpt.sec.petition"), Prose: s.petitionProse(cat),
		Tables: []Table{kinds, result, byField}}
}

// AllTables lists every table of the summary in export order: the
// sections' tables, the national forms, then the identities checked.
func (s *Summary) AllTables(cat *i18n.Catalog) []Table {
	var out []Table
	for _, sec := range s.Sections(cat) {
		out = append(out, sec.Tables...)
	}
	out = append(out, s.NationalTables(cat)...)
	return append(out, s.CheckTable(cat))
}

// CheckTable lists every identity with its two sides, for exports: the
// label names the equation and the row or column it was checked on.
func (s *Summary) CheckTable(cat *i18n.Catalog) Table {
	t := Table{Key: "check", Title: cat.T("rpt.tbl.check"), Sheet: cat.T("rpt.sec.check"), Label: cat.T("rpt.id_row"),
		Cols: cols(cat, "id_left", "id_right")}
	for _, id := range s.Identities() {
		sum := 0
		for _, v := range id.Right {
			sum += v
		}
		t.Rows = append(t.Rows, Row{Label: IdentityLabel(cat, id), Cells: []Cell{n(id.Left), n(sum)}})
	}
	return t
}

// IdentityLabel names an identity for people: its section, its equation
// and the row or column it was checked on.
func IdentityLabel(cat *i18n.Catalog, id Identity) string {
	where := cat.T("rpt.all")
	kind, key, _ := strings.Cut(id.Row, ":")
	switch kind {
	case "field":
		where = cat.Label("field_of", key)
	case "procedure":
		where = key
	case "col":
		where = cat.T("rpt.col." + key)
	case "row":
		where = cat.T("rpt.idrow." + key)
	case "kind":
		where = cat.T("rpt.pkind." + key)
	}
	return fmt.Sprintf("%s: %s (%s)", cat.T("rpt.id.sec."+id.Section), cat.T(id.Formula), where)
}
