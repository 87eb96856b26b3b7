package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/report"
)

// runReport is "tiepdan report": the period summary of a database in one
// format, to standard output or to a file (-o), with the same code as the
// summary screen's export. Usage errors exit 2, failures 1.
func runReport(args []string, cat *i18n.Catalog, now func() time.Time, stdout, stderr io.Writer) int {
	fs := newFlags("report")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_report_db"))
	periodText := fs.String("period", "", cat.T("cli.flag_period"))
	windowText := fs.String("window", "", cat.T("cli.flag_window"))
	formatText := fs.String("format", string(report.FormatText), cat.T("cli.flag_format", formatNames()))
	out := fs.String("o", "", cat.T("cli.flag_out"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		return flagExit(fs, "report", err, cat, stdout, stderr)
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, usageText(cat, "report"))
		return 2
	}
	today := model.DateOf(now())
	choice, ok := parsePeriodFlags(cat, *periodText, *windowText, stderr)
	if !ok {
		return 2
	}
	format, err := report.ParseFormat(*formatText)
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.report_format", *formatText, formatNames()))
		return 2
	}
	db, ok := openExisting(cat, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	st := db.For(actor())
	office, err := st.Office()
	if err == nil {
		var sum *report.Summary
		if sum, err = report.Compute(st, office, choice.resolve(office, today), today); err == nil {
			if format == report.FormatPDF {
				var x printout.Context
				if x, err = printout.NewContext(st, cat, now()); err == nil {
					return writePDFReport(sum, x, *out, cat, stdout, stderr)
				}
			} else {
				return writeReport(sum, format, *out, cat, stdout, stderr)
			}
		}
	}
	fmt.Fprintln(stderr, cat.T("cli.report_failed", dbErrorText(cat, *dbPath, err)))
	return 1
}

// writePDFReport writes the written report as a PDF, like writeReport.
func writePDFReport(sum *report.Summary, x printout.Context, out string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fill := func(w io.Writer) error { return printout.WriteSummaryPDF(w, x, sum) }
	if out == "" || out == "-" {
		var buf bytes.Buffer
		if err := fill(&buf); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.report_failed", err.Error()))
			return 1
		}
		_, err := stdout.Write(buf.Bytes())
		if err != nil {
			return 1
		}
		return 0
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		out = filepath.Join(out, report.FileName(sum, report.FormatPDF))
	}
	if err := report.WriteAtomic(out, fill); err != nil {
		fmt.Fprintln(stderr, report.WriteErrorText(cat, out, err))
		return 1
	}
	abs, _ := filepath.Abs(out)
	fmt.Fprintln(stdout, cat.T("cli.report_written", abs))
	return 0
}

func writeReport(sum *report.Summary, format report.Format, out string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	if out == "" || out == "-" {
		var buf bytes.Buffer
		if err := report.Write(&buf, format, sum, cat); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.report_failed", err.Error()))
			return 1
		}
		if _, err := stdout.Write(buf.Bytes()); err != nil {
			return 1
		}
		return 0
	}
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		out = filepath.Join(out, report.FileName(sum, format))
	}
	if err := report.WriteFile(out, format, sum, cat); err != nil {
		fmt.Fprintln(stderr, report.WriteErrorText(cat, out, err))
		return 1
	}
	abs, _ := filepath.Abs(out)
	fmt.Fprintln(stdout, cat.T("cli.report_written", abs))
	return 0
}

// formatNames lists the report formats as the -format flag takes them.
func formatNames() string {
	var names []string
	for _, f := range report.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}
