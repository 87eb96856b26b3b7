package server_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/server"
)

// A pty of 2^30 × 2^30 is drawn at the largest size a session draws: the
// server's heap stays small and another session keeps working.
func TestHugePtyIsClamped(t *testing.T) {
	f := start(t, nil)
	other := f.keyLogin("an")
	o := f.open(other)
	o.waitFor("Hôm nay")

	c := f.keyLogin("binh")
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm", 1<<30, 1<<30, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	s.Stdout = out
	in, _ := s.StdinPipe()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) && out.Len() < 1000 {
		time.Sleep(20 * time.Millisecond)
	}
	_ = s.WindowChange(1<<30, 1<<30)
	in.Write([]byte("\x1bOR")) // F3: a list padded to the window
	time.Sleep(500 * time.Millisecond)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > 100<<20 {
		t.Errorf("heap %d MB after a 2^30 × 2^30 pty", m.HeapAlloc>>20)
	}
	o.send("\x1b[17~") // F6: the other desk still answers
	o.waitFor("Tìm:")
}

// 5,000 window changes at once, then the client leaves: the session ends
// and frees its slot within seconds.
func TestWindowChangeStormFreesTheSlot(t *testing.T) {
	f := start(t, nil)
	c := f.keyLogin("binh")
	tm := f.open(c)
	tm.waitFor("Hôm nay")
	for i := 0; i < 5000; i++ {
		if err := tm.sess.WindowChange(i%65536, (i*7)%65536); err != nil {
			break
		}
	}
	c.Close()
	deadline := time.Now().Add(5 * time.Second)
	for f.srv.Sessions() > 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := f.srv.Sessions(); n != 0 {
		t.Fatalf("%d sessions still hold a slot", n)
	}
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

// A key-only account left idle is not unlocked by Enter: the session ends,
// says why, keeps what was typed as a draft, and the key is the way back.
func TestIdleKeyOnlySessionEnds(t *testing.T) {
	f := start(t, func(c *server.Config) { c.IdleLock = time.Second })
	c := f.keyLogin("binh")
	tm := f.open(c)
	tm.waitFor("F3 Tiếp dân")
	tm.send("\x1bOR") // F3
	tm.send("\x0e")   // ^N: a visit begun
	tm.send("\r")
	tm.send("Đào Văn Chờ")
	tm.waitFor("Không tìm thấy")
	tm.send("\x0e") // ^N: the new citizen
	tm.waitFor("Thêm công dân")
	tm.send("\x1bOQ") // F2
	tm.waitFor("Số người")
	tm.send("\t")
	tm.send("Hỏi về đất")
	select {
	case <-tm.done:
	case <-time.After(10 * time.Second):
		t.Fatal("the idle session did not end")
	}
	if !strings.Contains(tm.errb.String(), "Phiên đã đóng sau 1 giây không dùng") {
		t.Fatalf("stderr %q", tm.errb.String())
	}
	if ds, _ := f.db.As(model.Staff{Username: "binh", Role: model.RoleClerk}).Drafts(); len(ds) != 1 {
		t.Fatalf("drafts: %+v", ds)
	}
}
