package auth_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/tiepdan/tiepdan/auth"
)

func TestPasswordHash(t *testing.T) {
	h, err := auth.HashPassword("mật khẩu dài")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") || strings.Contains(h, "mật") {
		t.Fatalf("hash %q", h)
	}
	h2, _ := auth.HashPassword("mật khẩu dài")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	cases := []struct {
		name, hash, pw string
		want           bool
	}{
		{"right", h, "mật khẩu dài", true},
		{"wrong", h, "mật khẩu dai", false},
		{"empty hash", "", "", false},
		{"garbage hash", "$argon2id$x", "mật khẩu dài", false},
		{"other scheme", "$2a$10$abc", "mật khẩu dài", false},
		{"huge memory asked", strings.Replace(h, "m=19456", "m=99999999", 1), "mật khẩu dài", false},
	}
	for _, c := range cases {
		if got := auth.CheckPassword(c.hash, c.pw); got != c.want {
			t.Errorf("%s: CheckPassword = %v", c.name, got)
		}
	}
	for _, bad := range []string{"ngắn", strings.Repeat("x", 129)} {
		if _, err := auth.HashPassword(bad); err != auth.ErrPasswordLength {
			t.Errorf("HashPassword(%d chars) = %v", len([]rune(bad)), err)
		}
	}
}

func TestKeys(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	k, _ := gossh.NewPublicKey(pub)
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k))) + " an@may-1"
	canon, fp, err := auth.ParseKey("  " + line + "\n")
	if err != nil || canon != line || fp != gossh.FingerprintSHA256(k) {
		t.Fatalf("ParseKey = %q, %q, %v", canon, fp, err)
	}
	if !auth.HasKey([]string{"rác", line}, k) {
		t.Error("HasKey misses the key")
	}
	pub2, _, _ := ed25519.GenerateKey(rand.Reader)
	k2, _ := gossh.NewPublicKey(pub2)
	if auth.HasKey([]string{line}, k2) || auth.HasKey([]string{line}, nil) {
		t.Error("HasKey accepts another key")
	}
	for _, bad := range []string{"", "ssh-ed25519", "ssh-ed25519 AAAA", line + "\n" + line} {
		if _, _, err := auth.ParseKey(bad); err == nil {
			t.Errorf("ParseKey(%q) accepted", bad)
		}
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 11, 21, 8, 0, 0, 0, time.UTC)
	l := auth.NewLimiter(func() time.Time { return now })
	var saved map[string]time.Time
	l.Persist = func(m map[string]time.Time) { saved = m }
	for i := 1; i < auth.MaxFailures; i++ {
		if got := l.Fail("an", "10.0.0.5"); len(got) != 0 {
			t.Fatalf("locked after %d failures: %v", i, got)
		}
	}
	if got := l.Fail("an", "10.0.0.5"); len(got) != 1 || got[0] != "account" {
		t.Fatalf("5th failure locked %v, want the account from that address", got)
	}
	if locked, until := l.Locked("an", "10.0.0.5"); !locked || !until.Equal(now.Add(auth.LockFor)) {
		t.Fatalf("account not locked from its address: %v %v", locked, until)
	}
	if locked, _ := l.Locked("an", "10.0.0.9"); locked {
		t.Fatal("the account is locked from another address: anyone could keep its owner out")
	}
	if locked, _ := l.Locked("binh", "10.0.0.5"); locked {
		t.Fatal("another account is locked from that address after 5 failures")
	}
	if len(saved) != 1 {
		t.Fatalf("locks saved: %v", saved)
	}
	// an address failing against many accounts is locked on its own
	for i := 0; i < auth.MaxAddressFailures; i++ {
		l.Fail(fmt.Sprintf("u%d", i), "10.0.0.66")
	}
	if locked, _ := l.Locked("binh", "10.0.0.66"); !locked {
		t.Fatal("a guessing address is not locked")
	}
	if got := l.LockedAccounts(); got["an"].IsZero() {
		t.Fatalf("locked accounts %v", got)
	}
	if !l.Unlock("an") {
		t.Fatal("unlock found nothing")
	}
	if locked, _ := l.Locked("an", "10.0.0.5"); locked {
		t.Fatal("still locked after an unlock")
	}
	now = now.Add(auth.LockFor)
	if locked, _ := l.Locked("binh", "10.0.0.66"); locked {
		t.Fatal("still locked after the lock time")
	}
	// Failures spread wider than the window never lock.
	for i := 0; i < 10; i++ {
		now = now.Add(auth.Window / 4)
		if got := l.Fail("chi", "10.0.0.7"); len(got) != 0 {
			t.Fatalf("failure %d locked", i)
		}
	}
}
