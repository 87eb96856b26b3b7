package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/server"
	"github.com/tiepdan/tiepdan/storage"
)

// DefaultAddr is where serve listens when --addr is not given.
const DefaultAddr = ":23234"

// DefaultPrintAddr is where the print page listens: the clerks' browsers
// on the office network receive what they print over SSH there.
const DefaultPrintAddr = ":23235"

// fullCheckMax is the largest file the server checks whole before serving
// it (a few seconds on a desk PC); a larger one gets the fast check every
// open makes.
const fullCheckMax = 256 << 20

// serverNote is the file beside the database that names the server holding
// it, so another tiepdan that finds the file locked can say which.
func serverNote(dbPath string) string { return dbPath + ".server" }

// runServe is "tiepdan serve": the SSH server over one database until
// SIGINT or SIGTERM, then a graceful shutdown (sessions told and closed,
// listener stopped, database closed last).
func runServe(args []string, cat *i18n.Catalog, stdout, stderr io.Writer) int {
	fs := newFlags("serve")
	dbPath := fs.String("db", DefaultDB, cat.T("cli.flag_db"))
	addr := fs.String("addr", DefaultAddr, cat.T("cli.flag_addr"))
	hostKey := fs.String("host-key", "", cat.T("cli.flag_host_key"))
	maxSessions := fs.Int("max-sessions", server.DefaultMaxSessions, cat.T("cli.flag_max_sessions"))
	idle := fs.Duration("idle-lock", server.DefaultIdleLock, cat.T("cli.flag_idle_lock"))
	printAddr := fs.String("print-addr", DefaultPrintAddr, cat.T("cli.flag_print_addr"))
	backupDirs := fs.String("backup-dir", "", cat.T("cli.flag_backup_dir"))
	backupEvery := fs.Duration("backup-every", server.DefaultBackupEvery, cat.T("cli.flag_backup_every"))
	fs.String("lang", "vi", cat.T("cli.flag_lang"))
	if err := fs.Parse(args); err != nil {
		return flagExit(fs, "serve", err, cat, stdout, stderr)
	}
	if fs.NArg() > 0 || *maxSessions < 1 || *idle < 0 {
		fmt.Fprintln(stderr, cat.T("cli.serve_usage"))
		return 2
	}
	abs, err := filepath.Abs(*dbPath)
	if err != nil {
		abs = *dbPath
	}
	// the file is checked before anyone may write to it: whole when it is
	// small enough to read in seconds, its structure and buckets otherwise
	// (every open checks those)
	if st, err := os.Stat(*dbPath); err == nil && st.Size() > 0 && st.Size() <= fullCheckMax {
		rep, err := storage.Check(*dbPath)
		switch {
		case err == nil && !rep.OK():
			fmt.Fprintln(stderr, cat.T("open.damaged", *dbPath)+" "+lastBackupText(cat, *dbPath))
			return 1
		case err != nil && !errors.Is(err, storage.ErrOlderSchema): // an older file is migrated below
			fmt.Fprintln(stderr, OpenErrorText(cat, *dbPath, err))
			return 1
		}
	}
	if *hostKey == "" {
		*hostKey = filepath.Join(filepath.Dir(abs), "tiepdan_host_ed25519")
	}
	pem, fp, created, err := server.LoadHostKey(*hostKey)
	if errors.Is(err, server.ErrHostKeyCreate) {
		fmt.Fprintln(stderr, cat.T("cli.serve_host_key_create", *hostKey))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.serve_host_key", *hostKey, err.Error()))
		return 1
	}
	db, err := storage.Open(*dbPath, storage.Options{})
	if err != nil {
		fmt.Fprintln(stderr, OpenErrorText(cat, *dbPath, err))
		return 1
	}
	defer db.Close() // last, after the server has stopped
	var dirs []string
	for _, d := range strings.Split(*backupDirs, ",") {
		if d = strings.TrimSpace(d); d != "" {
			dirs = append(dirs, d)
		}
	}
	if *backupEvery == 0 {
		*backupEvery = -1 // "0": the server makes none
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, cat.T("cli.serve_listen", *addr, err.Error()))
		return 1
	}
	if *idle == 0 {
		*idle = -1
		// said aloud: an unattended desk stays open
		fmt.Fprintln(stdout, cat.T("cli.serve_no_idle_lock"))
	}
	var printL net.Listener
	printPort := 0
	if *printAddr != "off" && *printAddr != "" {
		if printL, err = net.Listen("tcp", *printAddr); err != nil {
			l.Close()
			fmt.Fprintln(stderr, cat.T("cli.serve_listen", *printAddr, err.Error()))
			return 1
		}
		printPort = printL.Addr().(*net.TCPAddr).Port
	}
	srv, err := server.New(server.Config{DB: db, HostKey: pem, ExportRoot: filepath.Join(filepath.Dir(abs), "baocao"),
		MaxSessions: *maxSessions, IdleLock: *idle, Lang: cat.Lang(), PrintPort: printPort,
		Log: server.NewLog(stderr), BackupDirs: dirs, BackupEvery: *backupEvery})
	if err != nil {
		l.Close()
		fmt.Fprintln(stderr, cat.T("cli.serve_failed", err.Error()))
		return 1
	}
	note := serverNote(abs)
	_ = os.WriteFile(note, []byte(fmt.Sprintf("pid %d, %s, %s", os.Getpid(), l.Addr(), time.Now().Format(time.DateTime))), 0o644)
	defer os.Remove(note)
	if created {
		fmt.Fprintln(stdout, cat.T("cli.serve_key_created", *hostKey))
	}
	fmt.Fprintln(stdout, cat.T("cli.serve_listening", l.Addr().String(), *dbPath))
	fmt.Fprintln(stdout, cat.T("cli.serve_fingerprint", fp))
	if staff, _ := db.For(actor()).ListStaff(); len(staff) == 0 {
		fmt.Fprintln(stdout, cat.T("cli.serve_no_staff"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	if printL != nil {
		fmt.Fprintln(stdout, cat.T("cli.serve_print_page", printL.Addr().String()))
		go func() {
			if err := srv.ServePrint(printL); err != nil {
				fmt.Fprintln(stderr, cat.T("cli.serve_failed", err.Error()))
			}
		}()
	}
	select {
	case err := <-done:
		fmt.Fprintln(stderr, cat.T("cli.serve_failed", fmt.Sprint(err)))
		return 1
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, cat.T("cli.serve_stopping", srv.Sessions()))
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintln(stderr, cat.T("cli.serve_failed", err.Error()))
	}
	<-done
	fmt.Fprintln(stdout, cat.T("cli.serve_stopped"))
	return 0
}
