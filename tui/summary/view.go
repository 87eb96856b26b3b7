package summary

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/vntext"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/tui/common"
)

// nextKind switches month → quarter → 6 months → 9 months → year → month,
// in the same window, keeping the day the office is looking at: the
// period's last day, or today while it runs.
func nextKind(p model.Period, today model.Date, cutoff int) model.Period {
	d := min(p.To, today)
	if d < p.From {
		d = p.From
	}
	next := model.MonthHolding(d, p.Window(), cutoff)
	y, last := next.Label()
	switch p.Kind {
	case model.PeriodMonth:
		next = model.QuarterPeriod(y, (int(last)-1)/3+1)
	case model.PeriodQuarter:
		next = model.HalfPeriod(y, (int(last)-1)/6+1)
	case model.PeriodHalf:
		next = model.NinePeriod(y)
	case model.PeriodNine:
		next = model.YearPeriod(y)
	}
	return next.In(p.Window(), cutoff)
}

// writePDF writes the written report of sum as a PDF into dir and returns
// the file's full path.
func writePDF(dir string, sum *report.Summary, x printout.Context) (string, error) {
	path, err := filepath.Abs(filepath.Join(dir, report.FileName(sum, report.FormatPDF)))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, err
	}
	return path, report.WriteAtomic(path, func(w io.Writer) error { return printout.WriteSummaryPDF(w, x, sum) })
}

// writeExport writes sum in format f into dir (made if missing) under the
// export's default name and returns the file's full path.
func writeExport(dir string, f report.Format, sum *report.Summary, cat *i18n.Catalog) (string, error) {
	path, err := filepath.Abs(filepath.Join(dir, report.FileName(sum, f)))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, err
	}
	return path, report.WriteFile(path, f, sum, cat)
}

func (p *Page) bodyHeight() int { return max(1, p.c.Height-5) }

// View draws the period bar and one screenful of the current view.
func (p *Page) View() string {
	st := p.c.Styles
	w := p.c.Width
	// The bar keeps what matters when narrow: the period, the view, then
	// the dates and "so far" as room allows.
	label := report.PeriodLabel(p.c.Cat, p.period)
	view := "[" + p.viewName() + "]"
	used := lipgloss.Width("← " + label + " →  " + view)
	bar := st.Key.Render("←") + " " + st.Header.Render(label) + " " + st.Key.Render("→")
	for _, extra := range p.barExtras() {
		if used+2+lipgloss.Width(extra) <= w-1 {
			bar += "  " + extra
			used += 2 + lipgloss.Width(extra)
		}
	}
	bar += "  " + st.Dim.Render(view)
	var lines []string
	switch {
	case p.asking:
		lines = append(lines, st.LabelFocus.Render(p.c.T("summary.ask"))+" "+p.input.View(),
			st.Hint.Render(vntext.Truncate(p.c.T("summary.ask_examples"), w-1)), "")
	case p.exporting:
		lines = append(lines, p.exportMenu()...)
	}
	switch {
	case p.err != "":
		lines = append(lines, st.Error.Render(p.err))
	case p.sum == nil:
		lines = append(lines, st.Dim.Render(p.c.T("loading")))
	default:
		if p.loading {
			bar += " " + st.Dim.Render(p.c.T("loading"))
		}
		body := p.lines(w - 1)
		h := max(1, p.bodyHeight()-len(lines)) // at least a line, in a tiny window
		p.top = min(p.top, max(0, len(body)-h))
		shown := body[p.top:min(len(body), p.top+h)]
		if p.view >= viewNational {
			widest := 0
			for _, l := range body {
				widest = max(widest, lipgloss.Width(l))
			}
			p.left = min(p.left, max(0, widest-(w-1)))
			shown = sideways(shown, p.frozen, p.left, w-1)
		}
		lines = append(lines, shown...)
	}
	return bar + "\n" + strings.Join(lines, "\n")
}

func (p *Page) barExtras() []string {
	var out []string
	if p.period.Kind != model.PeriodRange {
		out = append(out, p.period.From.String()+" - "+p.period.To.String())
	}
	if p.sum != nil && p.sum.Running() {
		out = append(out, p.c.T("summary.so_far", p.sum.AsOf.String()))
	}
	return out
}

func (p *Page) exportMenu() []string {
	st := p.c.Styles
	lines := []string{st.LabelFocus.Render(p.c.T("summary.export_to", p.c.ExportDir))}
	for i, f := range report.Formats() {
		l := fmt.Sprintf("  %-6s %s", f, p.c.T("summary.format."+string(f)))
		if i == p.choice {
			l = st.Selected.Render(l)
		}
		lines = append(lines, l)
	}
	return append(lines, "")
}

// lines returns the current view rendered in w columns, from a cache kept
// until the summary, the view or the width changes: scrolling only slices it.
func (p *Page) lines(w int) []string {
	key := bodyKey{sum: p.sum, view: p.view, width: w}
	if p.body == nil || p.bodyKey != key {
		p.body, p.bodyKey = p.bodyLines(w), key
	}
	return p.body
}

// viewName names the current view for the bar.
func (p *Page) viewName() string {
	if p.view >= viewNational {
		return p.c.T("summary.view_national", report.Forms()[p.view-viewNational].Code)
	}
	return p.c.T(fmt.Sprintf("summary.view%d", p.view))
}

// sideways shows a wide table scrolled left columns to the right, its
// first frozen columns (the row labels) kept in place; lines that fit the
// screen (titles, notes) stay as they are.
func sideways(lines []string, frozen, left, w int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		r := []rune(l)
		if len(r) <= w {
			out[i] = l
			continue
		}
		head := r[:min(frozen, len(r))]
		rest := r[len(head):]
		rest = rest[min(left, len(rest)):]
		line := append(append([]rune(nil), head...), rest...)
		if len(line) > w {
			line = line[:w]
		}
		out[i] = string(line)
	}
	return out
}

// bodyLines renders the current view in w columns.
func (p *Page) bodyLines(w int) []string {
	st := p.c.Styles
	cat := p.c.Cat
	var lines []string
	switch p.view {
	case viewTables:
		seen := map[string]bool{}
		for _, sec := range p.sum.Sections(cat) {
			lines = append(lines, st.Header.Render(sec.Title))
			for _, t := range sec.Tables {
				lines = append(lines, t.TextLines(cat, w, seen)...)
				lines = append(lines, "")
			}
		}
		lines = append(lines, p.checkLine())
	case viewProse:
		for _, sec := range p.sum.Sections(cat) {
			lines = append(lines, st.Header.Render(sec.Title))
			lines = append(lines, report.Wrap(strings.Join(sec.Prose, " "), w)...)
			lines = append(lines, "")
		}
		if p.sum.Running() {
			lines = append(lines, cat.T("prose.asof", p.sum.AsOf.String()))
		}
	case viewCheck:
		lines = append(lines, p.checkLine(), st.OK.Render(p.sum.NationalCheckLine(cat)), "")
		for _, id := range p.sum.Identities() {
			mark := st.OK.Render("✓")
			if !id.Holds() {
				mark = st.Error.Render("✗")
			}
			parts := make([]string, len(id.Right))
			for i, v := range id.Right {
				parts[i] = vntext.Int(v)
			}
			text := report.IdentityLabel(cat, id) + ": " + vntext.Int(id.Left) + " = " + strings.Join(parts, " + ")
			for i, l := range report.Wrap(text, w-2) {
				if i == 0 {
					lines = append(lines, mark+" "+l)
				} else {
					lines = append(lines, "  "+l)
				}
			}
		}
	}
	if p.view >= viewNational {
		f := report.Forms()[p.view-viewNational]
		table, frozen := p.sum.NationalTable(cat, f).TreeTextLines(cat, w)
		p.frozen = frozen
		lines = append(lines, table...)
		lines = append(lines, "", p.sum.NationalCheckLine(cat))
	}
	return lines
}

func (p *Page) checkLine() string {
	line := p.sum.CheckLine(p.c.Cat)
	if err := p.sum.Check(); err != nil {
		return p.c.Styles.Error.Render(line)
	}
	return p.c.Styles.OK.Render(line)
}

var _ common.Page = (*Page)(nil)
