package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/report"
	"github.com/tiepdan/tiepdan/storage"
)

// runExport: "tiepdan export --db FILE -o data.json [--with-secrets]".
func runExport(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("export")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	out := fs.String("o", "", cat.T("cli.flag_export_out"))
	secrets := fs.Bool("with-secrets", false, cat.T("cli.flag_with_secrets"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		return flagExit(fs, "export", err, cat, stdout, stderr)
	}
	db, ok := openExisting(cat, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	write := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		if err := db.ExportTo(bw, *secrets); err != nil {
			return err
		}
		return bw.Flush()
	}
	if *out == "" || *out == "-" {
		if err := write(stdout); err != nil {
			fmt.Fprintln(stderr, cat.T("cli.export_failed", dbErrorText(cat, *dbPath, err)))
			return 1
		}
		return 0
	}
	if err := report.WriteAtomic(*out, write); err != nil {
		if errors.Is(err, storage.ErrDamaged) {
			fmt.Fprintln(stderr, cat.T("cli.export_failed", dbErrorText(cat, *dbPath, err)))
		} else {
			fmt.Fprintln(stderr, report.WriteErrorText(cat, *out, err))
		}
		return 1
	}
	fmt.Fprintln(stdout, cat.T("cli.export_done", *out))
	return 0
}

// runImport: "tiepdan import --db NEW data.json": everything checked first,
// then written all or nothing into a new file.
func runImport(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("import")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(fs, "import", err, cat, stdout, stderr)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, cat.T("cli.import_usage"))
		return 2
	}
	f, err := os.Open(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.import_no_file", pos[0]))
		return 1
	}
	defer f.Close()
	x, err := storage.ReadExport(bufio.NewReaderSize(f, 1<<20))
	if err == nil {
		err = storage.ImportInto(*dbPath, x)
	}
	var ie *storage.ImportError
	switch {
	case errors.As(err, &ie):
		fmt.Fprintln(stderr, cat.T("cli.import_refused", pos[0], len(ie.Problems)))
		for i, p := range ie.Problems {
			if i == 50 {
				fmt.Fprintln(stderr, cat.T("cli.import_more", len(ie.Problems)-50))
				break
			}
			fmt.Fprintln(stderr, "  - "+importProblemText(cat, p))
		}
		return 1
	case errors.Is(err, storage.ErrImportTarget):
		fmt.Fprintln(stderr, cat.T("cli.import_exists", *dbPath))
		return 1
	case err != nil:
		fmt.Fprintln(stderr, OpenErrorText(cat, *dbPath, err))
		return 1
	}
	fmt.Fprintln(stdout, cat.T("cli.import_done", pos[0], *dbPath, len(x.Citizens), len(x.Receptions), len(x.Petitions),
		len(x.Dossiers), len(x.Audit)))
	return 0
}

// importProblemText names a refused record: "Lượt tiếp số 12, Số người:
// phải từ 1 đến 9999".
func importProblemText(cat *i18n.Catalog, p storage.ImportProblem) string {
	why := cat.FieldError(p.Code, p.Args...)
	if p.Kind == "" {
		return why
	}
	field := p.Field
	if cat.Has("field." + p.Field) {
		field = cat.T("field." + p.Field)
	}
	return cat.T("cli.import_problem", cat.T("kind."+string(p.Kind)), p.ID, field, why)
}
