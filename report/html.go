package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/tiepdan/tiepdan/i18n"
)

// htmlMaxCols bounds the number columns of a printed table, so that it fits
// the 16 cm of an A4 page between a 3 cm left and 2 cm right margin; wider
// tables continue in a second block that repeats the labels.
const htmlMaxCols = 8

// Split cuts t into tables of at most n number columns each, repeating the
// label column.
func (t Table) Split(n int) []Table {
	if len(t.Cols) <= n {
		return []Table{t}
	}
	var out []Table
	for start := 0; start < len(t.Cols); start += n {
		end := min(start+n, len(t.Cols))
		part := Table{Key: t.Key, Title: t.Title, Label: t.Label, Cols: t.Cols[start:end]}
		if end == len(t.Cols) {
			part.Note = t.Note
		}
		for _, r := range t.Rows {
			cells := r.Cells[min(start, len(r.Cells)):min(end, len(r.Cells))]
			part.Rows = append(part.Rows, Row{Label: r.Label, Sub: r.Sub, Total: r.Total, Cells: cells})
		}
		if start > 0 {
			part.Title = ""
		}
		out = append(out, part)
	}
	return out
}

type htmlDoc struct {
	Lang                            string
	Superior, Office, Nation, Motto string
	PlaceDate, Title, Subtitle      string
	Range, AsOf                     string
	Sections                        []htmlSection
	SignerFor, SignerTitle, Signer  string
	Recipients                      []string
}

type htmlSection struct {
	Heading string
	Prose   string
	Tables  []Table
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"cell":  cellText,
	"thead": theadHTML,
}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}} - {{.Office}} - {{.Range}}</title>
<style>
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 13pt; line-height: 1.3; margin: 0; color: #000; }
.head { width: 100%; border-collapse: collapse; margin-bottom: 6pt; }
.head td { vertical-align: top; text-align: center; padding: 0; border: none; }
.head .left { width: 38%; }
.upper { text-transform: uppercase; }
.b { font-weight: bold; }
.rule { display: inline-block; border-top: 1px solid #000; width: 40%; margin-top: 2pt; }
.rule.long { width: 60%; }
.date { text-align: right; font-style: italic; margin: 6pt 0 12pt; }
h1 { font-size: 14pt; text-align: center; margin: 12pt 0 0; }
.sub { text-align: center; font-weight: bold; margin: 0; }
.range { text-align: center; font-style: italic; margin: 0 0 12pt; }
h2 { font-size: 13pt; margin: 12pt 0 4pt; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
table.fig { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 4pt 0 8pt; page-break-inside: avoid; }
table.fig caption { text-align: left; font-weight: bold; font-style: italic; padding-bottom: 2pt; }
table.fig th, table.fig td { border: 1px solid #000; padding: 2pt 3pt; }
table.fig th { font-weight: bold; text-align: center; vertical-align: middle; }
table.fig td.n { text-align: right; white-space: nowrap; }
table.fig th.l, table.fig td.l { width: 28%; text-align: left; }
table.fig tr.total td { font-weight: bold; }
table.fig tr.sub td.l { padding-left: 12pt; font-style: italic; }
table.nat { font-size: 7.5pt; page-break-inside: avoid; }
table.nat th.l, table.nat td.l { width: 16%; }
table.nat th { font-weight: normal; padding: 1pt; }
table.nat tr.num th { font-style: italic; }
p.note { text-indent: 0; font-style: italic; font-size: 11pt; margin: 2pt 0 8pt 0; }
.sign { width: 100%; border-collapse: collapse; margin-top: 18pt; page-break-inside: avoid; }
.sign td { vertical-align: top; border: none; padding: 0; }
.recip { font-size: 11pt; }
.recip .b { font-style: italic; font-size: 12pt; }
.signer { text-align: center; width: 50%; }
.signer .name { margin-top: 60pt; font-weight: bold; }
</style>
</head>
<body>
<table class="head"><tr>
<td class="left">{{if .Superior}}<div class="upper">{{.Superior}}</div>{{end}}<div class="upper b">{{.Office}}</div><span class="rule"></span></td>
<td><div class="b">{{.Nation}}</div><div class="b">{{.Motto}}</div><span class="rule long"></span></td>
</tr></table>
<div class="date">{{.PlaceDate}}</div>
<h1>{{.Title}}</h1>
<div class="sub">{{.Subtitle}}</div>
<div class="range">{{.Range}}{{if and .Range .AsOf}}<br>{{end}}{{.AsOf}}</div>
{{range .Sections}}
<h2>{{.Heading}}</h2>
<p>{{.Prose}}</p>
{{range .Tables}}<table class="fig{{if .Heads}} nat{{end}}">{{if .Title}}<caption>{{.Title}}</caption>{{end}}
<thead>{{thead .}}</thead>
<tbody>{{range .Rows}}<tr{{if .Total}} class="total"{{else if .Sub}} class="sub"{{end}}><td class="l">{{.Label}}</td>{{range .Cells}}<td class="n">{{cell .}}</td>{{end}}</tr>
{{end}}</tbody></table>{{if .Note}}
<p class="note">{{range $i, $l := .NoteLines}}{{if $i}}<br>{{end}}{{$l}}{{end}}</p>{{end}}
{{end}}{{end}}
<table class="sign"><tr>
<td class="recip"><div class="b">{{index .Recipients 0}}</div>{{range $i, $r := .Recipients}}{{if $i}}<div>{{$r}}</div>{{end}}{{end}}</td>
<td class="signer"><div class="b">{{.SignerFor}}</div><div class="b" style="white-space: pre-line">{{.SignerTitle}}</div><div class="name">{{.Signer}}</div></td>
</tr></table>
</body>
</html>
`))

// writeHTML writes the summary as a page to print on A4: the national
// heading beside the office's name, place and date, title and period, each
// section's paragraph and tables, and the signer block, in Times New Roman.
func writeHTML(w io.Writer, s *Summary, cat *i18n.Catalog) error {
	y, m, d := s.Made.YMD()
	doc := htmlDoc{
		Lang: string(cat.Lang()), Superior: s.Office.Superior, Office: s.Office.Name,
		Nation: cat.T("rpt.nation"), Motto: cat.T("rpt.motto"),
		PlaceDate: placeDate(cat, s.Office.Place, y, int(m), d),
		Title:     cat.T("rpt.title"), Subtitle: cat.T("rpt.subtitle") + " " + PeriodHeading(cat, s.Period),
		Range:     PeriodDates(cat, s.Period),
		SignerFor: cat.T("rpt.signer_for"), SignerTitle: SignerTitle(cat, s.Office.SignerTitle), Signer: s.Office.SignerName,
		Recipients: []string{cat.T("rpt.recipients")},
	}
	if s.Office.Superior != "" {
		doc.Recipients = append(doc.Recipients, cat.T("rpt.recip_sup", s.Office.Superior))
	}
	doc.Recipients = append(doc.Recipients, cat.T("rpt.recip_file"))
	if s.Running() {
		doc.AsOf = cat.T("rpt.asof", s.AsOf.String())
	}
	secs := s.Sections(cat)
	for i, sec := range secs {
		hs := htmlSection{Heading: roman(i+1) + ". " + strings.ToUpper(sec.Title), Prose: strings.Join(sec.Prose, " ")}
		for _, t := range sec.Tables {
			hs.Tables = append(hs.Tables, t.Split(htmlMaxCols)...)
		}
		doc.Sections = append(doc.Sections, hs)
	}
	// The national forms whole, with their column trees, in a small font.
	doc.Sections = append(doc.Sections, htmlSection{Heading: roman(len(secs)+1) + ". " + strings.ToUpper(cat.T("rpt.sec.national")),
		Prose: s.NationalCheckLine(cat), Tables: s.NationalTables(cat)})
	return htmlTemplate.Execute(w, doc)
}

// theadHTML writes a table's heading rows: one row of column heads, or a
// national form's column tree (cells spanning their columns and rows) with
// the row of column numbers.
func theadHTML(t Table) template.HTML {
	var b strings.Builder
	esc := template.HTMLEscapeString
	if len(t.Heads) == 0 {
		b.WriteString(`<tr><th class="l">` + esc(t.Label) + "</th>")
		for _, c := range t.Cols {
			b.WriteString("<th>" + esc(c.Head) + "</th>")
		}
		b.WriteString("</tr>")
		return template.HTML(b.String())
	}
	placed := t.PlacedHeads()
	for row := range t.Heads {
		b.WriteString("<tr>")
		if row == 0 {
			fmt.Fprintf(&b, `<th class="l" rowspan="%d">%s</th>`, len(t.Heads), esc(t.Label))
		}
		for _, h := range placed {
			if h.Row != row {
				continue
			}
			fmt.Fprintf(&b, `<th colspan="%d" rowspan="%d">%s</th>`, h.Span, h.Rows, esc(h.Text))
		}
		b.WriteString("</tr>")
	}
	if t.Numbered {
		b.WriteString(`<tr class="num"><th class="l"></th>`)
		for _, c := range t.Cols {
			b.WriteString("<th>" + esc(c.Num) + "</th>")
		}
		b.WriteString("</tr>")
	}
	return template.HTML(b.String())
}
