package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// runBackup: "tiepdan backup --db FILE [-o FOLDER]" writes a checked copy
// into FOLDER (default: saoluu beside the file).
func runBackup(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("backup")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	out := fs.String("o", "", cat.T("cli.flag_backup_out"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		return flagExit(fs, "backup", err, cat, stdout, stderr)
	}
	db, ok := openExisting(cat, *dbPath, stderr)
	if !ok {
		return 1
	}
	defer db.Close()
	dir := *out
	if dir == "" {
		dir = storage.BackupDir(*dbPath)
	}
	b, err := db.BackupTo(dir)
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.backup_failed", dir, dbErrorText(cat, *dbPath, err)))
		return 1
	}
	fmt.Fprintln(stdout, cat.T("cli.backup_done", b.Path))
	return 0
}

// runCheck: "tiepdan check --db FILE" reports what is wrong with the file,
// exit 1 when anything is.
func runCheck(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("check")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		return flagExit(fs, "check", err, cat, stdout, stderr)
	}
	rep, err := storage.Check(*dbPath)
	if err != nil {
		fmt.Fprintln(stderr, OpenErrorText(cat, *dbPath, err))
		return 1
	}
	fmt.Fprintln(stdout, cat.T("cli.check_file", rep.Path, rep.Size, rep.Schema))
	var kinds []string
	for k := range rep.Records {
		kinds = append(kinds, string(k))
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintln(stdout, cat.T("cli.check_count", cat.T("kind."+k), rep.Records[model.Kind(k)]))
	}
	fmt.Fprintln(stdout, cat.T("cli.check_audit", rep.AuditEvents))
	if rep.OK() {
		fmt.Fprintln(stdout, cat.T("cli.check_ok"))
		return 0
	}
	fmt.Fprintln(stderr, cat.T("cli.check_faults", len(rep.Faults)))
	for _, f := range rep.Faults {
		line := "  - " + cat.T("check.fault_"+string(f.Kind))
		if f.Kind != storage.FaultUnreadable { // a recovered fault's text helps nobody
			line += " (" + f.Detail + ")"
		}
		fmt.Fprintln(stderr, line)
	}
	fmt.Fprintln(stderr, lastBackupText(cat, *dbPath))
	return 1
}

// runRestore: "tiepdan restore --db FILE BACKUP" puts a checked backup in
// place of FILE, keeping the file it replaces aside.
func runRestore(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("restore")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(fs, "restore", err, cat, stdout, stderr)
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, cat.T("cli.restore_usage"))
		if b := storage.Backups(*dbPath); len(b) > 0 {
			fmt.Fprintln(stderr, lastBackupText(cat, *dbPath))
		}
		return 2
	}
	kept, err := storage.Restore(*dbPath, pos[0], time.Now())
	switch {
	case errors.Is(err, storage.ErrBackupBad):
		fmt.Fprintln(stderr, cat.T("cli.restore_bad", pos[0]))
		return 1
	case err != nil:
		fmt.Fprintln(stderr, OpenErrorText(cat, pos[0], err))
		return 1
	}
	fmt.Fprintln(stdout, cat.T("cli.restore_done", *dbPath, pos[0]))
	if kept != "" {
		fmt.Fprintln(stdout, cat.T("cli.restore_kept", kept))
	}
	return 0
}

// lastBackupText names the newest backup of the file, or says there is
// none and how to make one.
func lastBackupText(cat *i18n.Catalog, dbPath string) string {
	bs := storage.Backups(dbPath)
	if len(bs) == 0 {
		return cat.T("cli.no_backup", dbPath)
	}
	abs, err := filepath.Abs(bs[0].Path)
	if err != nil {
		abs = bs[0].Path
	}
	return cat.T("cli.last_backup", abs, model.FormatDateTime(bs[0].At), dbPath)
}

// dbErrorText is the message for an error met while working on an open
// database: a damaged file says so and names the last backup.
func dbErrorText(cat *i18n.Catalog, dbPath string, err error) string {
	if errors.Is(err, storage.ErrDamaged) {
		return OpenErrorText(cat, dbPath, err)
	}
	return err.Error()
}

// openExisting opens the database of a command that must not create one (a
// mistyped name would give an empty report instead of an error); it says
// why not when it cannot.
func openExisting(cat *i18n.Catalog, path string, stderr io.Writer) (*storage.DB, bool) {
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintln(stderr, cat.T("cli.report_no_db", path))
		return nil, false
	}
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		fmt.Fprintln(stderr, OpenErrorText(cat, path, err))
		return nil, false
	}
	return db, true
}
