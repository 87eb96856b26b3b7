// Command tiepdan is the reception-desk application of a commune People's
// Committee. Without a subcommand it opens the TUI on the database file;
// "report" writes the period summary; "serve" runs the SSH server for many
// desks; "user" manages staff accounts; "demo" fills a database with a
// synthetic office.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/tiepdan/tiepdan/demo"
	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/storage"
	"github.com/tiepdan/tiepdan/tui"
	"github.com/tiepdan/tiepdan/tui/common"
)

// DefaultDB is the database file used when --db is not given.
const DefaultDB = "tiepdan.db"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runWithInput(args, os.Stdin, stdout, stderr)
}

// runWithInput is run reading standard input from stdin ("user passwd").
func runWithInput(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cat := i18n.New(langFromArgs(args))
	cmds := commands(cat, stdin, stdout, stderr)
	if len(args) > 0 {
		if c, ok := cmds[args[0]]; ok {
			return c.run(args[1:])
		}
	}
	fs := newFlags("")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeProgramHelp(stdout, cmds, cat)
			return 0
		}
		return flagExit(fs, "", err, cat, stdout, stderr)
	}
	if fs.NArg() > 0 && fs.Arg(0) == "help" {
		// "tiepdan help" lists the commands; "tiepdan help report" is
		// "tiepdan report -h"
		if c, ok := cmds[fs.Arg(1)]; ok {
			return c.run([]string{"-h"})
		}
		writeProgramHelp(stdout, cmds, cat)
		return 0
	}
	if fs.NArg() > 0 {
		// "tiepdan -db x.db report": the flags given before a command are
		// the command's own (every command takes -db and -lang)
		if c, ok := cmds[fs.Arg(0)]; ok {
			before := args[:len(args)-fs.NArg()]
			rest := fs.Args()[1:]
			lead := min(c.lead, len(rest))
			forwarded := append(append(append([]string{}, rest[:lead]...), before...), rest[lead:]...)
			return c.run(forwarded)
		}
		fmt.Fprintln(stderr, cat.T("cli.unknown_command", fs.Arg(0), strings.Join(commandNames(cmds), ", ")))
		return 2
	}
	demoAsked, code := runDesk(*dbPath, true, cat, stderr)
	if !demoAsked || code != 0 {
		return code
	}
	// the first run chose the demo office: a file of its own beside the
	// real one, generated once
	demoPath := filepath.Join(filepath.Dir(*dbPath), DemoDB)
	if _, err := os.Stat(demoPath); err != nil {
		fmt.Fprintln(stdout, cat.T("cli.demo_making", demoPath))
		if code := runDemo([]string{"--db", demoPath, "--records", "20000"}, cat, stdout, stderr); code != 0 {
			return code
		}
	}
	_, code = runDesk(demoPath, false, cat, stderr)
	return code
}

// DemoDB is the demo office's file, made beside the real one when a first
// run asks to look around.
const DemoDB = "tiepdan-demo.db"

// runDesk runs the TUI on the desk's own PC over the file at dbPath; on a
// file with no office yet, offerDemo offers the demo office, and the first
// result says the clerk chose it.
func runDesk(dbPath string, offerDemo bool, cat *i18n.Catalog, stderr io.Writer) (bool, int) {
	db, err := storage.Open(dbPath, storage.Options{})
	if err != nil {
		fmt.Fprintln(stderr, OpenErrorText(cat, dbPath, err))
		return false, 1
	}
	defer db.Close()
	c := common.New(db.For(actor()), cat, lipgloss.DefaultRenderer(), actor(), time.Now)
	if os.Getenv("NO_COLOR") != "" {
		c.Styles = common.NoColorStyles(lipgloss.DefaultRenderer())
	}
	if abs, err := filepath.Abs(dbPath); err == nil {
		c.ExportDir = filepath.Join(filepath.Dir(abs), "baocao")
	}
	// At the desk's own PC a printed form goes to its viewer or printer;
	// over SSH (server/) there is no such hand.
	c.OpenForPrint = openForPrint
	c.OfferDemo = offerDemo
	c.LastBackup = func() (string, time.Time, bool) {
		if bs := storage.Backups(dbPath); len(bs) > 0 {
			return bs[0].Path, bs[0].At, true
		}
		return "", time.Time{}, false
	}
	c.BackupNow = func() (string, error) {
		b, err := db.BackupTo(storage.BackupDir(dbPath))
		if err == nil {
			storage.Prune(dbPath, storage.BackupDir(dbPath), 14, 12)
		}
		return b.Path, err
	}
	app := tui.New(c)
	p := tea.NewProgram(app, tea.WithAltScreen())
	defer forwardChanges(db, p)()
	// a closed terminal window (SIGHUP) ends the program as F10 does, so
	// what was typed is kept as a draft below
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer func() { signal.Stop(hup); close(hup) }()
	go func() {
		if _, ok := <-hup; ok {
			p.Kill()
		}
	}()
	_, err = p.Run()
	app.SaveDrafts()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintln(stderr, cat.T("cli.tui_failed", err))
		return false, 1
	}
	return app.DemoRequested(), 0
}

// forwardChanges delivers every commit of this process to the program, as
// the server does to its sessions, so every list shows a change made in
// another tab at once. The committing goroutine never blocks: a full
// mailbox means a reload is already pending.
func forwardChanges(db *storage.DB, p *tea.Program) (stop func()) {
	box := make(chan tea.Msg, 16)
	cancel := db.Subscribe(func(ev storage.Event) {
		select {
		case box <- common.ChangedMsg{Kind: ev.Kind, ID: ev.ID, Staff: ev.Staff}:
		default:
		}
	})
	done := make(chan struct{})
	go func() {
		for {
			select {
			case m := <-box:
				p.Send(m)
			case <-done:
				return
			}
		}
	}()
	return func() { cancel(); close(done) }
}

// command is one "tiepdan <name>" command: lead is how many words it reads
// before its flags ("user add" reads the action first).
type command struct {
	run  func(args []string) int
	lead int
}

// commands are the program's commands by name: the one table the dispatch
// and the usage message read.
func commands(cat *i18n.Catalog, stdin io.Reader, stdout, stderr io.Writer) map[string]command {
	return map[string]command{
		"demo":     {run: func(a []string) int { return runDemo(a, cat, stdout, stderr) }},
		"report":   {run: func(a []string) int { return runReport(a, cat, time.Now, stdout, stderr) }},
		"print":    {run: func(a []string) int { return runPrint(a, cat, time.Now, stdout, stderr) }},
		"serve":    {run: func(a []string) int { return runServe(a, cat, stdout, stderr) }},
		"user":     {run: func(a []string) int { return runUser(a, cat, stdin, stdout, stderr) }, lead: 1},
		"calendar": {run: func(a []string) int { return runCalendar(a, cat, stdout, stderr) }},
		"backup":   {run: func(a []string) int { return runBackup(a, cat, stdout, stderr) }},
		"check":    {run: func(a []string) int { return runCheck(a, cat, stdout, stderr) }},
		"restore":  {run: func(a []string) int { return runRestore(a, cat, stdout, stderr) }},
		"export":   {run: func(a []string) int { return runExport(a, cat, stdout, stderr) }},
		"import":   {run: func(a []string) int { return runImport(a, cat, stdout, stderr) }},
	}
}

// commandNames lists the commands in the order the usage names them.
func commandNames(cmds map[string]command) []string {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func langFromArgs(args []string) i18n.Lang {
	for i, a := range args {
		switch {
		case a == "--lang=en" || a == "-lang=en":
			return i18n.English
		case (a == "--lang" || a == "-lang") && i+1 < len(args) && args[i+1] == "en":
			return i18n.English
		}
	}
	return i18n.Vietnamese
}

// actor is who works in local mode: the operating-system user.
func actor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "local"
}

// OpenErrorText explains in the user's language why the database at path
// could not be opened.
func OpenErrorText(cat *i18n.Catalog, path string, err error) string {
	switch {
	case errors.Is(err, storage.ErrLocked):
		if abs, aerr := filepath.Abs(path); aerr == nil {
			if b, rerr := os.ReadFile(serverNote(abs)); rerr == nil && len(b) < 200 {
				return cat.T("open.locked_server", path, string(b))
			}
		}
		return cat.T("open.locked", path)
	case errors.Is(err, storage.ErrDamaged):
		return cat.T("open.damaged", path) + " " + lastBackupText(cat, path)
	case errors.Is(err, storage.ErrEmpty):
		return cat.T("open.empty", path)
	case errors.Is(err, storage.ErrOlderSchema):
		return cat.T("open.older", path)
	case errors.Is(err, storage.ErrNotDatabase):
		return cat.T("open.not_database", path)
	case errors.Is(err, storage.ErrPermission):
		return cat.T("open.permission", path)
	case errors.Is(err, storage.ErrReadOnly):
		return cat.T("open.read_only", path)
	case errors.Is(err, storage.ErrNewerSchema):
		var ne *storage.NewerSchemaError
		if errors.As(err, &ne) {
			return cat.T("open.newer_schema", path, ne.File, ne.Program)
		}
		return cat.T("open.newer", path)
	case errors.Is(err, os.ErrNotExist):
		if st, serr := os.Stat(filepath.Dir(path)); serr == nil && st.IsDir() {
			return cat.T("open.cannot_create", path)
		}
		return cat.T("open.no_folder", path)
	}
	return cat.T("open.failed", path, err.Error())
}

func runDemo(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("demo")
	dbPath := fs.String("db", "", cat.T("cli.flag_db"))
	n := fs.Int("records", 20000, cat.T("cli.flag_records"))
	seed := fs.Int64("seed", 1, cat.T("cli.flag_seed"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		return flagExit(fs, "demo", err, cat, stdout, stderr)
	}
	if *dbPath == "" || *n < 100 {
		fmt.Fprintln(stderr, cat.T("cli.demo_usage"))
		return 2
	}
	db, err := storage.Open(*dbPath, storage.Options{NoSync: true})
	if err != nil {
		fmt.Fprintln(stderr, OpenErrorText(cat, *dbPath, err))
		return 1
	}
	defer db.Close()
	start := time.Now()
	st, err := demo.Generate(db, demo.Options{Records: *n, Seed: *seed, End: time.Now()})
	if err == nil {
		err = db.Sync()
	}
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.demo_failed", err.Error()))
		return 1
	}
	fmt.Fprintln(stdout, cat.T("cli.demo_done", *dbPath, st.Citizens, st.Sessions, st.Receptions,
		st.Petitions, st.Dossiers, st.Dialogues, st.Surveys, st.Letters, time.Since(start).Round(time.Millisecond).String()))
	return 0
}
