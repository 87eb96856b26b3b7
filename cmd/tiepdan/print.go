package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/printout"
	"github.com/tiepdan/tiepdan/report"
)

// runPrint is "tiepdan print FORM [CODE]": a printed form as a page to
// print (html) or plain text, to standard output or a file (-o, a folder
// takes the form's own file name). A dossier's forms take its code (or
// number); the registers take --period (this month by default).
func runPrint(args []string, cat *i18n.Catalog, now func() time.Time, stdout, stderr io.Writer) int {
	fs := newFlags("print")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_report_db"))
	periodText := fs.String("period", "", cat.T("cli.flag_period"))
	windowText := fs.String("window", "", cat.T("cli.flag_window"))
	formatText := fs.String("format", string(printout.FormatPDF), cat.T("cli.flag_print_format"))
	out := fs.String("o", "", cat.T("cli.flag_out"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(fs, "print", err, cat, stdout, stderr)
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, cat.T("cli.print_usage"))
		return 2
	}
	form := printout.Form(pos[0])
	known := false
	for _, f := range printout.Forms() {
		known = known || f == form
	}
	switch {
	case !known:
		fmt.Fprintln(stderr, cat.T("cli.print_form", pos[0]))
		return 2
	case form.OfDossier() && len(pos) != 2:
		fmt.Fprintln(stderr, cat.T("cli.print_need_code", pos[0]))
		return 2
	case !form.OfDossier() && len(pos) != 1:
		fmt.Fprintln(stderr, cat.T("cli.print_usage"))
		return 2
	}
	format, err := printout.ParseFormat(*formatText)
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.print_format", *formatText))
		return 2
	}
	today := model.DateOf(now())
	choice, ok := parsePeriodFlags(cat, *periodText, *windowText, stderr)
	if !ok {
		return 2
	}
	db, ok := openExisting(cat, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	st := db.For(actor())
	x, err := printout.NewContext(st, cat, now())
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.print_failed", dbErrorText(cat, *dbPath, err)))
		return 1
	}
	var doc printout.Doc
	if form.OfDossier() {
		d, err := findDossier(st, pos[1])
		if err != nil {
			fmt.Fprintln(stderr, cat.T("cli.print_no_dossier", pos[1]))
			return 1
		}
		doc, err = printout.DossierForm(st, x, form, d.ID)
		switch {
		case errors.Is(err, printout.ErrNoSupplement):
			fmt.Fprintln(stderr, cat.T("print.err_no_supplement", d.Code))
			return 1
		case errors.Is(err, printout.ErrNoApology):
			fmt.Fprintln(stderr, cat.T("print.err_no_apology", d.Code))
			return 1
		case err != nil:
			fmt.Fprintln(stderr, cat.T("cli.print_failed", dbErrorText(cat, *dbPath, err)))
			return 1
		}
	} else if doc, err = printout.Register(st, x, form, choice.resolve(x.Office, today)); err != nil {
		fmt.Fprintln(stderr, cat.T("cli.print_failed", dbErrorText(cat, *dbPath, err)))
		return 1
	}
	if *out == "" || *out == "-" {
		var buf bytes.Buffer
		if err := doc.Write(&buf, format); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.print_failed", dbErrorText(cat, *dbPath, err)))
			return 1
		}
		_, err := stdout.Write(buf.Bytes())
		return boolCode(err != nil)
	}
	path := *out
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		path = filepath.Join(path, doc.FileName(format))
	}
	if err := report.WriteAtomic(path, func(w io.Writer) error { return doc.Write(w, format) }); err != nil {
		fmt.Fprintln(stderr, report.WriteErrorText(cat, path, err))
		return 1
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintln(stdout, cat.T("cli.print_written", abs))
	return 0
}

// findDossier finds a dossier by code, or by its number.
func findDossier(st model.Store, ref string) (model.Dossier, error) {
	d, err := st.DossierByCode(ref)
	if err == nil {
		return d, nil
	}
	if id, perr := strconv.ParseUint(ref, 10, 64); perr == nil {
		if d, err := st.Dossier(id); err == nil && !d.Voided {
			return d, nil
		}
	}
	return d, err
}

func boolCode(failed bool) int {
	if failed {
		return 1
	}
	return 0
}
