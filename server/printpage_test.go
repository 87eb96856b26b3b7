package server_test

import (
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/server"
)

// clock is a settable time for the print page's expiries.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// tab is a browser tab on a clerk's PC: it keeps its cookie.
type tab struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newTab(t *testing.T, base string) *tab {
	jar, _ := cookiejar.New(nil)
	return &tab{t: t, base: base, c: &http.Client{Jar: jar, Timeout: 5 * time.Second}}
}

func (b *tab) get(path string) (int, string) {
	b.t.Helper()
	r, err := b.c.Get(b.base + path)
	if err != nil {
		b.t.Fatal(err)
	}
	defer r.Body.Close()
	body, _ := io.ReadAll(r.Body)
	return r.StatusCode, string(body)
}

func (b *tab) pair(code string) int {
	b.t.Helper()
	r, err := b.c.PostForm(b.base+"pair", url.Values{"code": {code}})
	if err != nil {
		b.t.Fatal(err)
	}
	r.Body.Close()
	return r.StatusCode
}

// codeRE finds the pairing code on a session's screen.
var codeRE = regexp.MustCompile(`Mã ghép nối (\d{6})`)

// printUnpaired logs user in by key, prints the dossier register (F5, F2)
// and returns the session and the pairing code its status line shows.
func (f *fixture) printUnpaired(user string) (*term, string) {
	f.t.Helper()
	c, err := f.dial(user, gossh.PublicKeys(f.keys[user]))
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { c.Close() })
	tm := f.open(c)
	tm.waitFor("Hôm nay")
	tm.send("\x1b[15~") // F5: dossiers
	tm.waitFor("Hồ sơ")
	tm.send("\x1bOQ") // F2: print the register
	tm.waitFor("Mã ghép nối")
	return tm, codeRE.FindStringSubmatch(tm.text())[1]
}

// TestPrintPageHandsPDFsToThePairedTab: a clerk prints over SSH (F2 on the
// dossier list); the status tells her the print page's address and a
// one-time code; her browser tab pairs with it and receives the PDF, and
// every further F2 arrives there at once; another staff member's tab never
// sees it; a used or expired code is refused; each document handed out is
// in the audit log.
func TestPrintPageHandsPDFsToThePairedTab(t *testing.T) {
	clk := &clock{t: time.Date(2026, 10, 21, 9, 0, 0, 0, model.VN)}
	pl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := pl.Addr().(*net.TCPAddr).Port
	f := start(t, func(c *server.Config) { c.PrintPort, c.Now = port, clk.now })
	go func() { _ = f.srv.ServePrint(pl) }()
	base := "http://127.0.0.1:" + strconv.Itoa(port) + "/"

	tm, code := f.printUnpaired("an")
	m := regexp.MustCompile(`Mã ghép nối (\d{6}): mở (http://[0-9.:]+/)`).FindStringSubmatch(tm.text())
	if m == nil {
		t.Fatalf("no code and address in:\n%s", tm.text())
	}
	if m[1] != code {
		t.Errorf("code %s, then %s", code, m[1])
	}
	if m[2] != base {
		t.Errorf("address %s, want %s", m[2], base)
	}

	mine := newTab(t, base)
	if status, body := mine.get(""); status != 200 || !strings.Contains(body, "Nhập mã 6 chữ số") {
		t.Fatalf("unpaired page: %d", status)
	}
	if status, _ := mine.get("docs"); status != http.StatusUnauthorized {
		t.Errorf("documents before pairing: %d", status)
	}
	if status := mine.pair(code); status != 200 {
		t.Fatalf("pairing with the session's code: %d", status)
	}
	if status, body := mine.get(""); status != 200 || !strings.Contains(body, `id="view"`) {
		t.Fatalf("paired page: %d", status)
	}
	status, docs := mine.get("docs")
	if status != 200 || !strings.Contains(docs, `"name":"so-theo-doi-ho-so-2026-10-01-2026-10-31.pdf"`) {
		t.Fatalf("documents: %d %s", status, docs)
	}
	id := regexp.MustCompile(`"id":(\d+)`).FindStringSubmatch(docs)[1]
	if status, pdf := mine.get("doc/" + id); status != 200 || !strings.HasPrefix(pdf, "%PDF") {
		t.Fatalf("the PDF: %d %.20q", status, pdf)
	}

	// The code was good once.
	if status := newTab(t, base).pair(code); status != http.StatusForbidden {
		t.Errorf("a reused code: %d", status)
	}
	// Now paired, F2 sends straight to the tab.
	tm.send("\x1bOQ")
	tm.waitFor("tới trình duyệt đã ghép nối")
	if _, docs := mine.get("docs"); strings.Count(docs, `"id":`) != 2 {
		t.Errorf("after a second F2: %s", docs)
	}

	// Another staff member's tab sees none of it; a code left unused for
	// five minutes is refused, the next F2 gives a new one.
	tm2, stale := f.printUnpaired("binh")
	clk.add(server.PairingCodeTTL + time.Second)
	theirs := newTab(t, base)
	if status := theirs.pair(stale); status != http.StatusForbidden {
		t.Errorf("an expired code: %d", status)
	}
	tm2.out.reset()
	tm2.send("\x1bOQ")
	tm2.waitFor("Mã ghép nối")
	fresh := codeRE.FindStringSubmatch(tm2.text())[1]
	if status := theirs.pair(fresh); status != 200 {
		t.Fatalf("binh's pairing: %d", status)
	}
	if _, docs := theirs.get("docs"); strings.Count(docs, `"id":`) != 2 {
		t.Errorf("binh's tab sees %s", docs)
	}
	if status, _ := theirs.get("doc/" + id); status != http.StatusNotFound {
		t.Errorf("binh's tab opened an's document: %d", status)
	}
	if _, docs := mine.get("docs"); strings.Count(docs, `"id":`) != 2 {
		t.Errorf("an's tab after binh printed: %s", docs)
	}

	evs, err := f.db.For("quantri").AuditLog(model.AuditQuery{Staff: "an"})
	handed := 0
	for _, ev := range evs {
		if ev.Action == model.ActionHandOut && ev.Kind == model.KindDocument {
			handed++
		}
	}
	if err != nil || handed != 2 {
		t.Errorf("audit: %d documents handed out by an, %v; want 2", handed, err)
	}
}
