package storage

import (
	"errors"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/vault"
)

// kKeyring holds the office's protected-identity key (meta bucket): its
// public half, which seals every identity as it is saved, and its private
// half wrapped once per staff member allowed to read identities, under
// that person's passphrase. Nothing in the file opens an identity without
// one of those passphrases.
var kKeyring = []byte("idkeys")

type keyring struct {
	Public []byte                   `json:"pub"`
	Wraps  map[string]vault.Wrapped `json:"wraps"`
}

func loadKeyring(tx *bolt.Tx) (*keyring, error) {
	v := tx.Bucket(bMeta).Get(kKeyring)
	if v == nil {
		return nil, nil
	}
	var kr keyring
	if err := decode(v, &kr); err != nil {
		return nil, err
	}
	if len(kr.Public) != 32 {
		return nil, ErrDamaged
	}
	return &kr, nil
}

func putKeyring(tx *bolt.Tx, kr *keyring) error { return putValue(tx.Bucket(bMeta), kKeyring, kr) }

// Field error codes of passphrases.
const (
	ErrCodePassphraseNeeded = "err.passphrase_needed" // restricted mode needs one to start
	// the settings form: switching to restricted asks for the first one
	ErrCodePassphraseFirst  = "err.passphrase_first"
	ErrCodePassphraseLength = "err.passphrase_length"
	ErrCodePassphraseLocked = "err.passphrase_locked" // the session has not opened the key
	ErrCodePassphraseGrant  = "err.passphrase_grant"  // granting the permission needs the grantee's
	// the member was given the permission before the office had its key
	ErrCodePassphraseNone = "err.passphrase_none"
	// only staff with the permission hold the key
	ErrCodePassphrasePermission = "err.passphrase_permission"
)

// The most wrong passphrases a session may type in a row before it waits.
const (
	maxUnlockFails = 5
	unlockPause    = time.Minute
)

// sessionKey is the key a session has opened, and its wrong tries.
type sessionKey struct {
	mu    sync.Mutex
	key   *vault.Key
	fails int
	until time.Time
}

func (s *Store) openedKey() *vault.Key {
	if s.keys == nil {
		return nil
	}
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	return s.keys.key
}

func (s *Store) setKey(k *vault.Key) {
	if s.keys != nil {
		s.keys.mu.Lock()
		s.keys.key, s.keys.fails = k, 0
		s.keys.mu.Unlock()
	}
}

// ProtectedUnlocked reports whether this session has opened the
// protected-identity key.
func (s *Store) ProtectedUnlocked() bool { return s.openedKey() != nil }

// LockProtected forgets the opened key (the idle lock, the end of a session).
func (s *Store) LockProtected() { s.setKey(nil) }

// UnlockProtected opens the office's protected-identity key with the
// staff member's passphrase, for this session only. At the desk's own PC
// (local mode) any permitted staff member's passphrase opens it. Five
// wrong passphrases in a row make the session wait a minute.
func (s *Store) UnlockProtected(pass string) error {
	if !s.seeProtected || s.keys == nil {
		return model.ErrNoPermission
	}
	s.keys.mu.Lock()
	if now := s.db.now(); now.Before(s.keys.until) {
		s.keys.mu.Unlock()
		return &model.WaitError{Until: s.keys.until}
	}
	s.keys.mu.Unlock()
	var kr *keyring
	if err := s.db.view(func(tx *bolt.Tx) (err error) { kr, err = loadKeyring(tx); return err }); err != nil {
		return err
	}
	if kr == nil {
		return fieldErr("Passphrase", ErrCodePassphraseNeeded)
	}
	var wraps []vault.Wrapped
	if w, ok := kr.Wraps[s.actor]; ok {
		wraps = append(wraps, w)
	}
	if s.local {
		// the desk's own PC has no login: whoever holds a passphrase
		for u, w := range kr.Wraps {
			if u != s.actor {
				wraps = append(wraps, w)
			}
		}
	} else if len(wraps) == 0 {
		// granted before the office had its key: no passphrase of theirs
		// opens it until the permission is given again
		return fieldErr("Passphrase", ErrCodePassphraseNone)
	}
	for _, w := range wraps {
		k, err := vault.Unwrap(w, kr.Public, pass)
		if err == nil {
			s.setKey(k)
			return nil
		}
		if !errors.Is(err, vault.ErrWrongPassphrase) {
			return ErrDamaged
		}
	}
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	if s.keys.fails++; s.keys.fails >= maxUnlockFails {
		s.keys.fails, s.keys.until = 0, s.db.now().Add(unlockPause)
	}
	return model.ErrWrongPassphrase
}

// wrapFor makes the wrap of the session's key (or, when the office has
// none yet, of a new one) under pass: the slow part, done before the
// transaction that stores it.
func (s *Store) wrapFor(pass string) (*vault.Key, vault.Wrapped, error) {
	k := s.openedKey()
	if k == nil {
		var err error
		if k, err = vault.New(); err != nil {
			return nil, vault.Wrapped{}, err
		}
	}
	w, err := k.Wrap(pass)
	if errors.Is(err, vault.ErrPassphraseLength) {
		err = fieldErr("Passphrase", ErrCodePassphraseLength, vault.MinPassphraseLen)
	}
	return k, w, err
}

// setPassphrase stores w as user's wrap of key k, in tx. An office with no
// key gets k as its key, and identities kept before there was one are
// sealed (the file is compacted at its next opening so no page keeps them
// in the clear). Otherwise k must be the office's key, opened by this
// session.
func (s *Store) setPassphrase(tx *bolt.Tx, user string, k *vault.Key, w vault.Wrapped) error {
	kr, err := loadKeyring(tx)
	if err != nil {
		return err
	}
	if kr == nil {
		kr = &keyring{Public: k.Public(), Wraps: map[string]vault.Wrapped{}}
		n, err := sealClear(tx, kr.Public)
		if err != nil {
			return err
		}
		if n > 0 {
			if err := tx.Bucket(bMeta).Put(kCompact, []byte(s.db.now().UTC().Format(time.RFC3339))); err != nil {
				return err
			}
		}
	} else if string(kr.Public) != string(k.Public()) {
		return fieldErr("Passphrase", ErrCodePassphraseLocked)
	}
	kr.Wraps[user] = w
	return putKeyring(tx, kr)
}

// dropPassphrase removes user's wrap (the permission was taken away).
func dropPassphrase(tx *bolt.Tx, user string) error {
	kr, err := loadKeyring(tx)
	if err != nil || kr == nil {
		return err
	}
	if _, ok := kr.Wraps[user]; !ok {
		return nil
	}
	delete(kr.Wraps, user)
	return putKeyring(tx, kr)
}

// hasPassphrase reports whether user has a wrap of the office's key.
func hasPassphrase(tx *bolt.Tx, user string) (bool, error) {
	kr, err := loadKeyring(tx)
	if err != nil || kr == nil {
		return false, err
	}
	_, ok := kr.Wraps[user]
	return ok, nil
}
