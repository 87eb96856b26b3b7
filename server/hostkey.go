package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// ErrHostKeyCreate: there was no host key and none could be made there (a
// read-only folder): nothing to restore, a folder to fix.
var ErrHostKeyCreate = errors.New("cannot create the host key")

// LoadHostKey reads the server's host key from path, or creates an ed25519
// key there (mode 0600) if no file exists. A file that exists but cannot be
// read or parsed is an error, never silently replaced: the desks' PCs trust
// its fingerprint. It returns the key in PEM, its SHA256 fingerprint and
// whether it was created now.
func LoadHostKey(path string) (pemBytes []byte, fingerprint string, created bool, err error) {
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		signer, perr := gossh.ParsePrivateKey(b)
		if perr != nil {
			return nil, "", false, fmt.Errorf("host key %s: %w", path, perr)
		}
		return b, gossh.FingerprintSHA256(signer.PublicKey()), false, nil
	case !errors.Is(err, fs.ErrNotExist):
		if _, serr := os.Stat(path); serr != nil {
			// no key there, and its folder is no folder: none can be made
			return nil, "", false, fmt.Errorf("%w: %v", ErrHostKeyCreate, err)
		}
		return nil, "", false, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, "", false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "tiepdan host key")
	if err != nil {
		return nil, "", false, err
	}
	b = pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", false, fmt.Errorf("%w: %v", ErrHostKeyCreate, err)
	}
	// O_EXCL: if another process created it meanwhile, do not overwrite.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, "", false, fmt.Errorf("%w: %v", ErrHostKeyCreate, err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(path)
		return nil, "", false, err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, "", false, err
	}
	if err := f.Close(); err != nil {
		return nil, "", false, err
	}
	signer, err := gossh.ParsePrivateKey(b)
	if err != nil {
		return nil, "", false, err
	}
	return b, gossh.FingerprintSHA256(signer.PublicKey()), true, nil
}
