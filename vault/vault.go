// Package vault keeps secrets at rest for the office: a key pair whose
// public half seals values (anyone at the desk can seal a denouncer's
// identity as it is typed) and whose private half opens them, kept only
// wrapped, once per permitted staff member, under a key derived from that
// person's passphrase. The file alone, or a backup or an export of it,
// opens nothing. It imports only the standard library and
// golang.org/x/crypto.
package vault

import (
	"bytes"
	"crypto/rand"
	"errors"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/curve25519"
	"golang.org/x/crypto/nacl/box"
	"golang.org/x/crypto/nacl/secretbox"
)

// Argon2id parameters of a wrap: twice the passes of a login password
// (a wrap is opened once a session, a login many times a day), the same
// memory, so a low-end desk PC opens it in well under a second.
const (
	wrapTime    = 4
	wrapMemory  = 19 * 1024
	wrapThreads = 1
	saltLen     = 16

	// the most a stored wrap may ask for: a tampered wrap must not make an
	// attempt cost the server a gigabyte
	maxTime    = 4 * wrapTime
	maxMemory  = 4 * wrapMemory
	maxThreads = 4
)

// MinPassphraseLen and MaxPassphraseLen bound a new passphrase, in
// characters.
const (
	MinPassphraseLen = 8
	MaxPassphraseLen = 128
)

// Errors of this package.
var (
	// ErrPassphraseLength: a new passphrase is too short or too long.
	ErrPassphraseLength = errors.New("vault: passphrase length out of range")
	// ErrWrongPassphrase: the passphrase does not open the wrap.
	ErrWrongPassphrase = errors.New("vault: wrong passphrase")
	// ErrDamaged: a wrap or a sealed value is malformed or was tampered with.
	ErrDamaged = errors.New("vault: damaged")
)

// Key is the office's private key, opened for one session.
type Key struct {
	pub, priv [32]byte
}

// Public returns the public half (what seals).
func (k *Key) Public() []byte { return bytes.Clone(k.pub[:]) }

// New makes a fresh key pair.
func New() (*Key, error) {
	pub, priv, err := box.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &Key{pub: *pub, priv: *priv}, nil
}

// Wrapped is a private key sealed under a passphrase.
type Wrapped struct {
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"t"`
	Memory  uint32 `json:"m"`
	Threads uint8  `json:"p"`
	Box     []byte `json:"box"` // 24-byte nonce, then secretbox of the private key
}

// Wrap seals k's private half under passphrase pass.
func (k *Key) Wrap(pass string) (Wrapped, error) {
	if n := utf8.RuneCountInString(pass); n < MinPassphraseLen || n > MaxPassphraseLen {
		return Wrapped{}, ErrPassphraseLength
	}
	w := Wrapped{Salt: make([]byte, saltLen), Time: wrapTime, Memory: wrapMemory, Threads: wrapThreads}
	var nonce [24]byte
	if _, err := rand.Read(w.Salt); err != nil {
		return Wrapped{}, err
	}
	if _, err := rand.Read(nonce[:]); err != nil {
		return Wrapped{}, err
	}
	kek := w.derive(pass)
	w.Box = secretbox.Seal(nonce[:], k.priv[:], &nonce, &kek)
	return w, nil
}

func (w *Wrapped) derive(pass string) [32]byte {
	var kek [32]byte
	copy(kek[:], argon2.IDKey([]byte(pass), w.Salt, w.Time, w.Memory, w.Threads, 32))
	return kek
}

// Unwrap opens w with pass and checks that the key it holds is the
// private half of public.
func Unwrap(w Wrapped, public []byte, pass string) (*Key, error) {
	if w.Time == 0 || w.Time > maxTime || w.Memory < 8*uint32(max(w.Threads, 1)) || w.Memory > maxMemory ||
		w.Threads == 0 || w.Threads > maxThreads || len(w.Salt) < 8 || len(w.Box) != 24+secretbox.Overhead+32 ||
		len(public) != 32 {
		return nil, ErrDamaged
	}
	var nonce [24]byte
	copy(nonce[:], w.Box)
	kek := w.derive(pass)
	priv, ok := secretbox.Open(nil, w.Box[24:], &nonce, &kek)
	if !ok {
		return nil, ErrWrongPassphrase
	}
	k := &Key{}
	copy(k.priv[:], priv)
	pub, err := curve25519.X25519(k.priv[:], curve25519.Basepoint)
	if err != nil || !bytes.Equal(pub, public) {
		return nil, ErrDamaged
	}
	copy(k.pub[:], pub)
	return k, nil
}

// Seal encrypts msg to the holder of public's private half; anyone may
// seal, only a holder opens.
func Seal(public []byte, msg []byte) ([]byte, error) {
	if len(public) != 32 {
		return nil, ErrDamaged
	}
	var pub [32]byte
	copy(pub[:], public)
	return box.SealAnonymous(nil, msg, &pub, rand.Reader)
}

// Open decrypts what Seal sealed to k's public half.
func (k *Key) Open(sealed []byte) ([]byte, error) {
	msg, ok := box.OpenAnonymous(nil, sealed, &k.pub, &k.priv)
	if !ok {
		return nil, ErrDamaged
	}
	return msg, nil
}
