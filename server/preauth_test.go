package server_test

import (
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/server"
)

// More idle connections than the cap, from one address that never logs
// in: those beyond its share are closed at once, and a clerk's correct
// login from her own desk still gets in.
func TestIdleConnectionsDoNotLockTheDoor(t *testing.T) {
	f := start(t, nil)
	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	closed := 0
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.3")}}
	for i := 0; i < server.MaxPending+20; i++ {
		c, err := d.Dial("tcp", f.addr)
		if err != nil {
			closed++
			continue
		}
		idle = append(idle, c)
	}
	time.Sleep(200 * time.Millisecond)
	for _, c := range idle {
		c.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
		buf := make([]byte, 256)
		for {
			if _, err := c.Read(buf); err != nil {
				if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
					closed++ // the server hung up
				}
				break
			}
		}
	}
	if closed < server.MaxPending+20-server.MaxPendingPerAddr {
		t.Errorf("%d of %d idle connections were closed, want all beyond %d", closed, server.MaxPending+20, server.MaxPendingPerAddr)
	}
	c, err := f.dial("binh", gossh.PublicKeys(f.keys["binh"]))
	if err != nil {
		t.Fatalf("a correct login is refused while an address holds idle connections: %v", err)
	}
	tm := f.open(c)
	tm.waitFor("Hôm nay")
	c.Close()
	if log := f.logBuf.String(); !strings.Contains(log, "connection refused before login") {
		t.Error("the refusals are not logged")
	}
}

// A connection that offers only keys the account does not have is counted
// as a failure and logged, like a wrong password.
func TestWrongKeysAreCountedAndLogged(t *testing.T) {
	f := start(t, nil)
	if _, err := f.dial("binh", gossh.PublicKeys(f.keys["an"])); err == nil {
		t.Fatal("a wrong key logged in")
	}
	deadline := time.Now().Add(3 * time.Second)
	for !strings.Contains(f.logBuf.String(), "method=publickey") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if log := f.logBuf.String(); !strings.Contains(log, "login failed") || !strings.Contains(log, "user=binh") ||
		!strings.Contains(log, "method=publickey") {
		t.Fatalf("not logged:\n%s", log)
	}
}
