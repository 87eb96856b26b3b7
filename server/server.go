// Package server is tiepdan's SSH server: one process owns the bbolt file and
// gives every clerk's SSH session its own Bubble Tea program, with its own
// lipgloss renderer and styles. It authenticates staff by key or password
// with lockout, caps the number of sessions, locks idle sessions, keeps one
// session's panic to itself, serves each staff member's exports folder
// read-only over SFTP and scp, forwards committed changes to every session
// and shuts down gracefully: sessions are told and quit, the listener stops,
// and the caller closes the database last.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/i18n"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
	"github.com/tiepdan/tiepdan/tui/common"
)

// Defaults of Config.
const (
	DefaultMaxSessions = 64
	DefaultIdleLock    = 10 * time.Minute
)

// Config is what serve needs. DB must be open; the caller closes it after
// Shutdown returns.
type Config struct {
	DB      *storage.DB
	HostKey []byte // PEM, from LoadHostKey
	// ExportRoot holds one folder per staff member (created on demand);
	// sessions write their exports there and SFTP/scp serve it read-only.
	ExportRoot  string
	MaxSessions int
	IdleLock    time.Duration // 0: DefaultIdleLock; negative: never lock
	Lang        i18n.Lang
	Log         *slog.Logger
	Now         func() time.Time
	// Limiter counts failed logins (nil: a new one).
	Limiter *auth.Limiter
	// Wrap, when set, wraps each session's model (tests put a faulty one
	// around it to prove a panic ends that session only).
	Wrap func(tea.Model) tea.Model
	// PrintPort is the port ServePrint listens on, told to clerks whose
	// printed documents wait for their browser; 0: no print page, the
	// documents stay in the exports folder (SFTP, scp).
	PrintPort int
	// DocTTL is how long a printed document waits for its tab (0:
	// DefaultDocTTL).
	DocTTL time.Duration
	// ShutdownGrace is how long sessions keep working, warned, once
	// Shutdown is called (0: DefaultShutdownGrace); Shutdown's context
	// should leave them that long.
	ShutdownGrace time.Duration
	// BackupDirs are the folders backups go to, the first the main one
	// (empty: saoluu beside the database); BackupEvery is how old the
	// newest backup may grow before the next (0: DefaultBackupEvery;
	// negative: no backups by the server).
	BackupDirs  []string
	BackupEvery time.Duration
}

// DefaultShutdownGrace gives a clerk time to read the warning and press F2.
const DefaultShutdownGrace = 5 * time.Second

// Server is a running SSH server.
type Server struct {
	cfg     Config
	db      *storage.DB
	ssh     *ssh.Server
	log     *slog.Logger
	limiter *auth.Limiter
	cat     *i18n.Catalog
	conns   sync.Map // remote address → *connState

	mu       sync.Mutex
	active   int
	closing  bool
	programs map[*tea.Program]chan tea.Msg
	wg       sync.WaitGroup
	unsub    func()

	prints *printHub
	web    *http.Server

	pending      map[string]int // connections waiting to log in, by address
	pendingTotal int

	backupMu   sync.Mutex
	stopBackup chan struct{}
	stopOnce   sync.Once
}

// New builds the server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.IdleLock == 0 {
		cfg.IdleLock = DefaultIdleLock
	}
	if cfg.Log == nil {
		cfg.Log = NewLog(os.Stderr)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Limiter == nil {
		// the lockouts in force outlast a restart
		cfg.Limiter = auth.NewLimiterWith(cfg.Now, cfg.DB.LoginLocks())
		db := cfg.DB
		cfg.Limiter.Persist = func(locks map[string]time.Time) { _ = db.SaveLoginLocks(locks) }
	}
	if len(cfg.BackupDirs) == 0 {
		cfg.BackupDirs = []string{storage.BackupDir(cfg.DB.Path())}
	}
	if cfg.BackupEvery == 0 {
		cfg.BackupEvery = DefaultBackupEvery
	}
	s := &Server{cfg: cfg, db: cfg.DB, log: cfg.Log, limiter: cfg.Limiter, cat: i18n.New(cfg.Lang),
		programs: map[*tea.Program]chan tea.Msg{}, pending: map[string]int{}, prints: newPrintHub(cfg.Now, cfg.DocTTL)}
	srv, err := wish.NewServer(
		wish.WithHostKeyPEM(cfg.HostKey),
		wish.WithPasswordAuth(s.passwordHandler),
		wish.WithPublicKeyAuth(s.publicKeyHandler),
		wish.WithSubsystem("sftp", s.sftpHandler),
		wish.WithMiddleware(s.sessionMiddleware),
		wish.WithVersion("tiepdan"),
		wish.WithBannerHandler(s.banner),
	)
	if err != nil {
		return nil, err
	}
	srv.ConnCallback = s.connCallback
	if srv.ChannelHandlers == nil {
		srv.ChannelHandlers = map[string]ssh.ChannelHandler{}
	}
	srv.ChannelHandlers["session"] = refuseAgent(ssh.DefaultSessionHandler)
	srv.ConnectionFailedCallback = s.connFailed
	s.ssh = srv
	s.unsub = cfg.DB.Subscribe(s.broadcast)
	s.stopBackup = make(chan struct{})
	if cfg.BackupEvery > 0 {
		go s.backupLoop(s.stopBackup)
	}
	return s, nil
}

// ServePrint serves the print page on l until Shutdown: the page a clerk's
// browser pairs with her SSH session to receive what she prints (see
// printHandler). It returns nil after a graceful shutdown.
func (s *Server) ServePrint(l net.Listener) error {
	s.mu.Lock()
	s.web = &http.Server{Handler: s.printHandler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	web := s.web
	s.mu.Unlock()
	err := web.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Serve accepts connections on l until Shutdown; it returns nil after a
// graceful shutdown.
func (s *Server) Serve(l net.Listener) error {
	err := s.ssh.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Sessions returns the number of live terminal sessions.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.active
}

// Shutdown tells every session the server is stopping and waits (until ctx
// ends) for them to quit, then stops the listener and closes the
// connections. The database is the caller's to close afterwards.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	for _, box := range s.programs {
		select {
		case box <- common.ShutdownMsg{}:
		default:
		}
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.mu.Lock()
		for p := range s.programs {
			p.Kill()
		}
		s.mu.Unlock()
	}
	s.unsub()
	s.stopOnce.Do(func() { close(s.stopBackup) })
	s.backupMu.Lock() // a backup under way finishes before the file closes
	s.backupMu.Unlock()
	s.mu.Lock()
	web := s.web
	s.mu.Unlock()
	if web != nil {
		_ = web.Shutdown(ctx)
	}
	err := s.ssh.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		err = s.ssh.Close()
	}
	return err
}

// broadcast forwards a committed change to every session without ever
// blocking the goroutine that committed it: each program has a small
// mailbox, and a full one means a refresh is already pending.
func (s *Server) broadcast(ev storage.Event) {
	msg := common.ChangedMsg{Kind: ev.Kind, ID: ev.ID, Staff: ev.Staff}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, box := range s.programs {
		select {
		case box <- msg:
		default:
		}
	}
}

func (s *Server) register(p *tea.Program) (release func()) {
	box := make(chan tea.Msg, 16)
	s.mu.Lock()
	s.programs[p] = box
	s.mu.Unlock()
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case m := <-box:
				p.Send(m)
			case <-stop:
				return
			}
		}
	}()
	return func() {
		s.mu.Lock()
		delete(s.programs, p)
		s.mu.Unlock()
		close(stop)
	}
}

// acquire takes a session slot; false when the cap is reached or the
// server is closing.
func (s *Server) acquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing || s.active >= s.cfg.MaxSessions {
		return false
	}
	s.active++
	s.wg.Add(1)
	return true
}

func (s *Server) release() {
	s.mu.Lock()
	s.active--
	s.mu.Unlock()
	s.wg.Done()
}

// ExportDir returns (and creates) the exports folder of a staff member.
func (s *Server) ExportDir(username string) (string, error) {
	if !model.ValidUsername(username) {
		return "", fmt.Errorf("bad username %q", username)
	}
	dir := filepath.Join(s.cfg.ExportRoot, username)
	return dir, os.MkdirAll(dir, 0o700)
}
