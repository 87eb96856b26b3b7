package vault_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/tiepdan/tiepdan/vault"
)

func TestWrapSealOpen(t *testing.T) {
	k, err := vault.New()
	if err != nil {
		t.Fatal(err)
	}
	w, err := k.Wrap("mật khẩu bảo vệ")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(w.Box, k.Public()) {
		t.Fatal("the wrap holds the public key in the clear, suspicious")
	}
	sealed, err := vault.Seal(k.Public(), []byte("Nguyễn Văn Tố"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(sealed, []byte("Nguyễn")) {
		t.Fatal("sealed value holds the plaintext")
	}
	if _, err := vault.Unwrap(w, k.Public(), "mat khau bao ve"); !errors.Is(err, vault.ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	got, err := vault.Unwrap(w, k.Public(), "mật khẩu bảo vệ")
	if err != nil {
		t.Fatal(err)
	}
	msg, err := got.Open(sealed)
	if err != nil || string(msg) != "Nguyễn Văn Tố" {
		t.Fatalf("open: %q %v", msg, err)
	}
	other, _ := vault.New()
	if _, err := other.Open(sealed); err == nil {
		t.Fatal("another office's key opened the value")
	}
	// a wrap checked against another public key is refused
	if _, err := vault.Unwrap(w, other.Public(), "mật khẩu bảo vệ"); !errors.Is(err, vault.ErrDamaged) {
		t.Fatalf("wrap against another public key: %v", err)
	}
	sealed[len(sealed)-1] ^= 1
	if _, err := got.Open(sealed); !errors.Is(err, vault.ErrDamaged) {
		t.Fatalf("tampered value: %v", err)
	}
}

func TestWrapRefusesShortPassphraseAndCostlyParameters(t *testing.T) {
	k, _ := vault.New()
	if _, err := k.Wrap("ngắn"); !errors.Is(err, vault.ErrPassphraseLength) {
		t.Fatalf("short passphrase: %v", err)
	}
	w, _ := k.Wrap("đủ dài rồi nhé")
	for _, tamper := range []func(*vault.Wrapped){
		func(w *vault.Wrapped) { w.Memory = 1 << 20 },
		func(w *vault.Wrapped) { w.Time = 64 },
		func(w *vault.Wrapped) { w.Threads = 0 },
		func(w *vault.Wrapped) { w.Box = w.Box[:10] },
	} {
		x := w
		x.Salt, x.Box = bytes.Clone(w.Salt), bytes.Clone(w.Box)
		tamper(&x)
		if _, err := vault.Unwrap(x, k.Public(), "đủ dài rồi nhé"); !errors.Is(err, vault.ErrDamaged) {
			t.Errorf("tampered wrap %+v: %v", x, err)
		}
	}
}

// BenchmarkUnwrap is what opening the key costs once per session (and
// what each wrong guess costs whoever guesses).
func BenchmarkUnwrap(b *testing.B) {
	k, _ := vault.New()
	w, _ := k.Wrap("mật khẩu bảo vệ")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := vault.Unwrap(w, k.Public(), "mật khẩu bảo vệ"); err != nil {
			b.Fatal(err)
		}
	}
}

// Any bytes as a wrap or a sealed value: an error, never a panic, and
// never a key.
func FuzzUnwrapOpen(f *testing.F) {
	k, _ := vault.New()
	w, _ := k.Wrap("mật khẩu bảo vệ")
	sealed, _ := vault.Seal(k.Public(), []byte("Nguyễn Văn Tố"))
	f.Add(w.Salt, w.Box, uint32(w.Time), uint32(w.Memory), uint8(w.Threads), sealed)
	f.Add([]byte{}, []byte{}, uint32(0), uint32(0), uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, salt, box []byte, tm, mem uint32, th uint8, sealed []byte) {
		if mem > 4*19*1024 || tm > 16 {
			return // the caps refuse these before any work; keep each run cheap
		}
		x := vault.Wrapped{Salt: salt, Box: box, Time: tm, Memory: mem, Threads: th}
		if got, err := vault.Unwrap(x, k.Public(), "mật khẩu bảo vệ"); err == nil && string(got.Public()) != string(k.Public()) {
			t.Fatal("a wrap opened to another key")
		}
		_, _ = k.Open(sealed)
	})
}
