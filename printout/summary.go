package printout

import (
	"io"
	"strings"

	"github.com/tiepdan/tiepdan/report"
)

// SummaryDoc is the written report (báo cáo) of a period summary, as the
// offices send it upward: the heading of an official paper with the number
// left for the văn thư, the title with the period as offices name it and
// its dates, the prose in numbered sections (dossiers, citizen reception,
// petitions, in the order of the reference reports), the recipients and
// the signature, then the tables as an appendix on landscape pages, the
// national forms among them.
func SummaryDoc(x Context, s *report.Summary) Doc {
	cat := x.Cat
	d := x.doc(A4, cat.T("rpt.title"), s.Made)
	d.Superior, d.Office = s.Office.Superior, s.Office.Name
	d.Number = cat.T("print.report_number")
	switch n := strings.TrimSpace(s.Office.ReportNumber); {
	case strings.Contains(n, "/"): // written whole: "15/BC-UBND"
		d.Number = cat.T("print.number", n)
	case n != "":
		d.Number = cat.T("print.report_number_of", n)
	}
	d.Subtitle = report.PeriodLines(cat, cat.T("rpt.subtitle"), s.Period)
	d.FileStem = strings.TrimSuffix(report.FileName(s, report.FormatText), report.FormatText.Ext())
	for i, sec := range s.Sections(cat) {
		d.Blocks = append(d.Blocks, Block{Kind: Heading, Text: roman(i+1) + ". " + strings.ToUpper(sec.Title)},
			Block{Kind: Para, Text: strings.Join(sec.Prose, " ")})
	}
	if s.Running() {
		d.Blocks = append(d.Blocks, Block{Kind: Para, Text: cat.T("prose.asof", s.AsOf.String())})
	}
	d.Signs = []Sign{{For: cat.T("rpt.signer_for"), Title: report.SignerTitle(cat, s.Office.SignerTitle), Name: s.Office.SignerName}}
	d.Recipients = []string{cat.T("rpt.recipients")}
	if s.Office.Superior != "" {
		d.Recipients = append(d.Recipients, cat.T("rpt.recip_sup", s.Office.Superior))
	}
	d.Recipients = append(d.Recipients, cat.T("rpt.recip_file"))

	d.Appendix = []Block{{Kind: Break, Value: "L"}, {Kind: Heading, Text: strings.ToUpper(cat.T("print.appendix"))}}
	for _, t := range s.AllTables(cat) {
		g := Block{Kind: Grid, Cols: []Col{{Head: t.Label, Percent: 30}}}
		for _, c := range t.Cols {
			head := c.Head
			if c.Num != "" {
				head = "(" + c.Num + ") " + head
			}
			g.Cols = append(g.Cols, Col{Head: head, Percent: max(1, 70/max(1, len(t.Cols)))})
		}
		for _, r := range t.Rows {
			row := []string{r.Label}
			for _, c := range r.Cells {
				row = append(row, c.Text())
			}
			g.Rows = append(g.Rows, row)
		}
		d.Appendix = append(d.Appendix, Block{Kind: Heading, Text: t.Title}, g)
		for _, l := range t.NoteLines() {
			d.Appendix = append(d.Appendix, Block{Kind: Note, Text: l})
		}
	}
	return d
}

// WriteSummaryPDF writes the written report of s as a PDF.
func WriteSummaryPDF(w io.Writer, x Context, s *report.Summary) error {
	d := SummaryDoc(x, s)
	return d.WritePDF(w)
}

// roman numbers the report's parts.
func roman(i int) string {
	return [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}[min(i, 10)]
}
