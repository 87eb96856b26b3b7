package server_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/pkg/sftp"
	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/auth"
	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/server"
	"github.com/tiepdan/tiepdan/storage"
)

const password = "mật khẩu an toàn"

type fixture struct {
	t      *testing.T
	addr   string
	db     *storage.DB
	srv    *server.Server
	keys   map[string]gossh.Signer
	logBuf *syncBuffer
	dir    string
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.Reset()
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newKey(t testing.TB) gossh.Signer {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorized(s gossh.Signer) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

// start runs a server on loopback over a fresh database with accounts an
// (key and password), binh (key) and cu (disabled, key and password).
func start(t *testing.T, tweak func(*server.Config)) *fixture {
	t.Helper()
	dir := t.TempDir()
	db, err := storage.Open(filepath.Join(dir, "t.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	admin := db.For("quantri")
	o, _ := admin.Office()
	o.Name, o.Place = "UBND xã Quang Trung", "Quang Trung"
	if err := admin.SaveOffice(&o); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: db, keys: map[string]gossh.Signer{}, logBuf: &syncBuffer{}, dir: dir}
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		name     string
		pw       bool
		disabled bool
	}{{"an", true, false}, {"binh", false, false}, {"cu", true, true}} {
		f.keys[u.name] = newKey(t)
		st := model.Staff{Username: u.name, Role: model.RoleClerk, Keys: []string{authorized(f.keys[u.name])},
			Disabled: u.disabled}
		if u.pw {
			st.PasswordHash = hash
		}
		if err := admin.SaveStaff(&st); err != nil {
			t.Fatal(err)
		}
	}
	hostKey, _, _, err := server.LoadHostKey(filepath.Join(dir, "host_key"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := server.Config{DB: db, HostKey: hostKey, ExportRoot: filepath.Join(dir, "exports"),
		Log: slog.New(slog.NewTextHandler(f.logBuf, nil))}
	if tweak != nil {
		tweak(&cfg)
	}
	f.srv, err = server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f.addr = l.Addr().String()
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(l) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := f.srv.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		if err := db.Verify(); err != nil {
			t.Errorf("verify: %v", err)
		}
		db.Close()
	})
	return f
}

// keyLogin logs user in with the user's key, failing the test otherwise;
// the connection closes when the test ends (or earlier, by the test).
func (f *fixture) keyLogin(user string) *gossh.Client {
	f.t.Helper()
	c, err := f.dial(user, gossh.PublicKeys(f.keys[user]))
	if err != nil {
		f.t.Fatalf("%s cannot log in with the key: %v", user, err)
	}
	f.t.Cleanup(func() { c.Close() })
	return c
}

// dialFrom logs in from local address ip (127.0.0.2: another desk).
func (f *fixture) dialFrom(ip, user string, methods ...gossh.AuthMethod) (*gossh.Client, error) {
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	conn, err := d.Dial("tcp", f.addr)
	if err != nil {
		return nil, err
	}
	cc, chans, reqs, err := gossh.NewClientConn(conn, f.addr, &gossh.ClientConfig{User: user, Auth: methods,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(cc, chans, reqs), nil
}

func (f *fixture) dial(user string, methods ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{User: user, Auth: methods,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second})
}

// term is one interactive session: keys in, the screen's text out.
type term struct {
	t    testing.TB
	sess *gossh.Session
	in   io.Writer
	out  *syncBuffer
	errb *syncBuffer
	done chan error
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()=>][0-9A-Za-z]?`)

func (f *fixture) open(c *gossh.Client) *term {
	f.t.Helper()
	return openTerm(f.t, c)
}

func openTerm(t testing.TB, c *gossh.Client) *term {
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, _ := s.StdinPipe()
	tm := &term{t: t, sess: s, in: in, out: &syncBuffer{}, errb: &syncBuffer{}, done: make(chan error, 1)}
	s.Stdout, s.Stderr = tm.out, tm.errb
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { tm.done <- s.Wait() }()
	return tm
}

func (tm *term) text() string { return ansi.ReplaceAllString(tm.out.String(), "") }

// waitFor waits until the output (escape sequences removed) has want.
func (tm *term) waitFor(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.text(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("screen never showed %q; output:\n%s\nstderr: %s", want, tm.text(), tm.errb.String())
}

func (tm *term) send(s string) {
	if _, err := io.WriteString(tm.in, s); err != nil {
		tm.t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond) // a person's pace, one key burst at a time
}

func TestKeyAndPasswordLogin(t *testing.T) {
	f := start(t, nil)
	c, err := f.dial("binh", gossh.PublicKeys(f.keys["binh"]))
	if err != nil {
		t.Fatalf("key login: %v", err)
	}
	defer c.Close()
	f.open(c).waitFor("F3 Tiếp dân")

	c2, err := f.dial("an", gossh.Password(password))
	if err != nil {
		t.Fatalf("password login: %v", err)
	}
	defer c2.Close()
	f.open(c2).waitFor("F3 Tiếp dân")

	if _, err := f.dial("an", gossh.Password("sai mật khẩu")); err == nil {
		t.Fatal("wrong password accepted")
	}
	if _, err := f.dial("binh", gossh.PublicKeys(f.keys["an"])); err == nil {
		t.Fatal("another account's key accepted")
	}
	if _, err := f.dial("khongco", gossh.Password(password)); err == nil {
		t.Fatal("unknown user accepted")
	}
}

func TestLockoutAfterFiveFailures(t *testing.T) {
	f := start(t, nil)
	for i := 0; i < auth.MaxFailures; i++ {
		if _, err := f.dial("an", gossh.Password("sai")); err == nil {
			t.Fatal("wrong password accepted")
		}
	}
	if _, err := f.dial("an", gossh.Password(password)); err == nil {
		t.Fatal("the right password got in during the lockout, from the same address")
	}
	log := f.logBuf.String()
	if !strings.Contains(log, "locked out after repeated failures") || !strings.Contains(log, "user=an") {
		t.Fatalf("log does not say so:\n%s", log)
	}
	// a password lockout never blocks the account's correct key
	c, err := f.dial("an", gossh.PublicKeys(f.keys["an"]))
	if err != nil {
		t.Fatalf("the right key was refused during a password lockout: %v", err)
	}
	c.Close()
	// nor the account from another address, nor another account from this one
	if c, err := f.dialFrom("127.0.0.2", "an", gossh.Password(password)); err != nil {
		t.Fatalf("the account is locked from another address: %v", err)
	} else {
		c.Close()
	}
	if c, err := f.dial("binh", gossh.PublicKeys(f.keys["binh"])); err != nil {
		t.Fatalf("another account is locked from this address: %v", err)
	} else {
		c.Close()
	}
}

// The locked-out clerk is told in words, before logging in, that the
// account is locked and until when; an administrator lifts it; locks
// outlast a restart.
func TestLockoutIsToldLiftedAndKept(t *testing.T) {
	f := start(t, nil)
	for i := 0; i < auth.MaxFailures; i++ {
		f.dial("an", gossh.Password("sai"))
	}
	var banner string
	cfg := &gossh.ClientConfig{User: "an", Auth: []gossh.AuthMethod{gossh.Password(password)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 5 * time.Second,
		BannerCallback: func(m string) error { banner = m; return nil }}
	if _, err := gossh.Dial("tcp", f.addr, cfg); err == nil {
		t.Fatal("logged in during the lockout")
	}
	if !strings.Contains(banner, "Tài khoản an đang bị tạm khóa") || !strings.Contains(banner, "khóa SSH vẫn được") {
		t.Fatalf("banner %q", banner)
	}
	if locks := f.db.LoginLocks(); len(locks) == 0 {
		t.Fatal("the lock was not kept in the database")
	}
	// a restart reads the locks back
	l := auth.NewLimiterWith(nil, f.db.LoginLocks())
	if locked, _ := l.Locked("an", "127.0.0.1"); !locked {
		t.Fatal("the lock did not outlast a restart")
	}
	if !f.srv.Unlock("an") {
		t.Fatal("nothing to unlock")
	}
	c, err := f.dial("an", gossh.Password(password))
	if err != nil {
		t.Fatalf("still locked after the unlock: %v", err)
	}
	c.Close()
	if len(f.db.LoginLocks()) != 0 {
		t.Fatal("the unlock was not saved")
	}
}

// unprovenSigner offers a public key it cannot sign for: the client sends
// the key (a query the server answers "acceptable"), then fails to prove it.
type unprovenSigner struct{ pub gossh.PublicKey }

func (u unprovenSigner) PublicKey() gossh.PublicKey { return u.pub }
func (u unprovenSigner) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return nil, errors.New("no private key")
}

func TestOfferedKeyWithoutProofDoesNotLogIn(t *testing.T) {
	f := start(t, nil)
	victim := unprovenSigner{f.keys["an"].PublicKey()}
	// an's key offered, then binh's own key proven, all as user an.
	_, err := f.dial("an", gossh.PublicKeys(victim), gossh.PublicKeys(f.keys["binh"]))
	if err == nil {
		t.Fatal("logged in as an with a key offered but not proven")
	}
	// The same as binh: binh proves their own key and must be binh.
	c, err := f.dial("binh", gossh.PublicKeys(victim, f.keys["binh"]))
	if err != nil {
		t.Fatalf("binh's own key: %v", err)
	}
	defer c.Close()
	tm := f.open(c)
	tm.waitFor("F3 Tiếp dân")
	if !strings.Contains(f.logBuf.String(), `msg="session start" user=binh`) {
		t.Fatalf("the session is not binh's:\n%s", f.logBuf.String())
	}
}

func TestDisabledAccountRefused(t *testing.T) {
	f := start(t, nil)
	if _, err := f.dial("cu", gossh.PublicKeys(f.keys["cu"])); err == nil {
		t.Fatal("disabled account logged in by key")
	}
	if _, err := f.dial("cu", gossh.Password(password)); err == nil {
		t.Fatal("disabled account logged in by password")
	}
	// Disabled while logged in: the next session on the connection is refused.
	c := f.keyLogin("binh")
	st, _ := f.db.Staff("binh")
	st.Disabled = true
	if err := f.db.For("quantri").SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	tm := f.open(c)
	err := <-tm.done
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 || !strings.Contains(tm.errb.String(), "Không được phép") {
		t.Fatalf("session of a disabled account ended with %v, stderr %q", err, tm.errb.String())
	}
	if strings.Contains(tm.text(), "F3 Tiếp dân") {
		t.Fatal("a disabled account got a screen")
	}
}

func TestSessionCap(t *testing.T) {
	f := start(t, func(c *server.Config) { c.MaxSessions = 2 })
	var terms []*term
	for i := 0; i < 2; i++ {
		c := f.keyLogin("binh")
		tm := f.open(c)
		tm.waitFor("F3 Tiếp dân")
		terms = append(terms, tm)
	}
	c := f.keyLogin("binh")
	third := f.open(c)
	err := <-third.done
	var exit *gossh.ExitError
	if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Fatalf("third session ended with %v", err)
	}
	if !strings.Contains(third.errb.String(), "đủ 2 phiên") {
		t.Fatalf("no polite refusal: %q", third.errb.String())
	}
	if n := f.srv.Sessions(); n != 2 {
		t.Fatalf("%d sessions live, want 2", n)
	}
	// Closing one frees its slot.
	terms[0].send("\x1b[21~") // F10 quits
	<-terms[0].done
	c4, _ := f.dial("binh", gossh.PublicKeys(f.keys["binh"]))
	defer c4.Close()
	f.open(c4).waitFor("F3 Tiếp dân")
}

func TestIdleLockAsksForThePassword(t *testing.T) {
	f := start(t, func(c *server.Config) { c.IdleLock = time.Second })
	c, err := f.dial("an", gossh.Password(password))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	tm := f.open(c)
	tm.waitFor("F3 Tiếp dân")
	tm.waitFor("đã khóa sau 1 giây không dùng") // not "0 phút"
	tm.send("sai mật khẩu\r")
	tm.waitFor("Mật khẩu không đúng")
	mark := len(tm.text())
	tm.send(password + "\r")
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(tm.text()[mark:], "F3 Tiếp dân") {
		if time.Now().After(deadline) {
			t.Fatalf("not unlocked:\n%s", tm.text()[mark:])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTwoSessionsSaveTheSameRecord edits one visit from two SSH sessions:
// one save meets the conflict, the clerk saves again, and both changes are
// in the record (no lost update).
func TestTwoSessionsSaveTheSameRecord(t *testing.T) {
	f := start(t, nil)
	s := f.db.For("quantri")
	cit := model.Citizen{FullName: "Phạm Văn Dũng"}
	if err := s.SaveCitizen(&cit); err != nil {
		t.Fatal(err)
	}
	r := model.Reception{At: time.Now().Add(-time.Hour), RecKind: model.ReceptionRegular, CitizenID: cit.ID, HeadCount: 1,
		Summary: "Hỏi về thủ tục", Content: model.ContentProposal, Field: model.FieldOther,
		Matter: model.MatterFirst, Handling: model.HandlingGuided}
	if err := s.SaveReception(&r); err != nil {
		t.Fatal(err)
	}
	var terms []*term
	for _, u := range []string{"an", "binh"} {
		c, err := f.dial(u, gossh.PublicKeys(f.keys[u]))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := f.open(c)
		tm.waitFor("Hôm nay")
		tm.send("\x1bOR") // F3: the reception register
		tm.waitFor("Phạm Văn Dũng")
		tm.send("\r")   // open the visit
		tm.send("\x05") // ^E edit
		tm.waitFor("Sửa lượt tiếp")
		tm.send("\t\t") // to the head count
		terms = append(terms, tm)
	}
	a, b := terms[0], terms[1]
	a.send("\x7f3")    // head count 3
	b.send("\t lần 2") // summary
	b.send("\x1bOQ")   // F2
	b.waitFor("Đã lưu.")
	a.send("\x1bOQ")
	a.waitFor("đã lưu bản ghi này lúc")
	a.send("\x1bOQ")
	a.waitFor("Đã lưu.")
	got, _ := s.Reception(r.ID)
	if got.HeadCount != 3 || got.Summary != "Hỏi về thủ tục lần 2" || got.Version != 3 {
		t.Fatalf("record after both saves: head count %d, summary %q, version %d", got.HeadCount, got.Summary, got.Version)
	}
}

func TestExportsOverSFTPReadOnly(t *testing.T) {
	f := start(t, nil)
	dir, _ := f.srv.ExportDir("binh")
	if err := os.WriteFile(filepath.Join(dir, "baocao-2026-10.csv"), []byte("Chỉ tiêu;Số\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	other, _ := f.srv.ExportDir("an")
	os.WriteFile(filepath.Join(other, "cua-an.csv"), []byte("bí mật"), 0o600)
	c := f.keyLogin("binh")
	sc, err := sftp.NewClient(c)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close()
	infos, err := sc.ReadDir(".")
	if err != nil || len(infos) != 1 || infos[0].Name() != "baocao-2026-10.csv" {
		t.Fatalf("listing: %v %v", infos, err)
	}
	fh, err := sc.Open("/baocao-2026-10.csv")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(fh)
	fh.Close()
	if string(b) != "Chỉ tiêu;Số\r\n" {
		t.Fatalf("download %q", b)
	}
	for _, p := range []string{"../an/cua-an.csv", "/../../an/cua-an.csv", "../../t.db"} {
		if fh, err := sc.Open(p); err == nil {
			fh.Close()
			t.Errorf("path escape %s opened", p)
		}
	}
	if w, err := sc.Create("tai-len.txt"); err == nil {
		_, err = w.Write([]byte("x"))
		w.Close()
		if err == nil {
			t.Error("upload accepted")
		}
	}
	if err := sc.Remove("baocao-2026-10.csv"); err == nil {
		t.Error("remove accepted")
	}
	if _, err := os.Stat(filepath.Join(dir, "tai-len.txt")); err == nil {
		t.Error("uploaded file exists")
	}
	if _, err := os.Stat(filepath.Join(dir, "baocao-2026-10.csv")); err != nil {
		t.Error("the export is gone")
	}
	// The server still serves after all that. Opening a channel also makes
	// sure the server has registered the connection before the test's
	// shutdown: charmbracelet/ssh counts a connection (WaitGroup.Add) after
	// its handshake, which races with a Shutdown already waiting.
	c2 := f.keyLogin("binh")
	sc2, err := sftp.NewClient(c2)
	if err != nil {
		t.Fatalf("a new SFTP session after the refusals: %v", err)
	}
	sc2.Close()
}

// faulty panics on the key ☠ in Update, and on ☢ in a command it returns
// (which Bubble Tea runs on a goroutine of its own).
type faulty struct{ tea.Model }

func (f faulty) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case strings.Contains(k.String(), "☠"):
			panic("lỗi thử trong Update")
		case strings.Contains(k.String(), "☢"):
			return f, func() tea.Msg { panic("lỗi thử trong lệnh") }
		}
	}
	m, cmd := f.Model.Update(msg)
	return faulty{m}, cmd
}

func TestPanicEndsThatSessionOnly(t *testing.T) {
	f := start(t, func(c *server.Config) {
		c.Wrap = func(m tea.Model) tea.Model { return faulty{m} }
	})
	for _, bomb := range []string{"☠", "☢"} {
		c1, err := f.dial("an", gossh.Password(password))
		if err != nil {
			t.Fatal(err)
		}
		defer c1.Close()
		victim := f.open(c1)
		victim.waitFor("F3 Tiếp dân")
		c2 := f.keyLogin("binh")
		other := f.open(c2)
		other.waitFor("F3 Tiếp dân")

		victim.send(bomb)
		var exit *gossh.ExitError
		select {
		case err := <-victim.done:
			if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
				t.Fatalf("%s: the session ended with %v", bomb, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the session did not end", bomb)
		}
		if !strings.Contains(victim.errb.String(), "Phiên làm việc gặp lỗi") {
			t.Fatalf("%s: the clerk was not told: %q", bomb, victim.errb.String())
		}
		if !strings.Contains(f.logBuf.String(), "session panicked") || !strings.Contains(f.logBuf.String(), "lỗi thử") {
			t.Fatalf("%s: no log line:\n%s", bomb, f.logBuf.String())
		}
		// The other session still works, and so does a new one.
		other.send("\x1b[14~") // F4
		other.waitFor("Đơn thư · trang 1")
		other.send("\x1b[21~")
		<-other.done
		c3, err := f.dial("an", gossh.Password(password))
		if err != nil {
			t.Fatalf("%s: the server no longer accepts logins: %v", bomb, err)
		}
		defer c3.Close()
		f.open(c3).waitFor("F3 Tiếp dân")
	}
}
