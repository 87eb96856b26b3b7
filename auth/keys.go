package auth

import (
	"bytes"
	"errors"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// ErrBadKey means a text is not one public key in authorized_keys form.
var ErrBadKey = errors.New("not an SSH public key")

// ParseKey reads one public key line ("ssh-ed25519 AAAA… comment") and
// returns it in canonical form (type, base64, comment) with its SHA256
// fingerprint.
func ParseKey(line string) (canonical, fingerprint string, err error) {
	k, comment, _, rest, err := gossh.ParseAuthorizedKey([]byte(strings.TrimSpace(line)))
	if err != nil || len(bytes.TrimSpace(rest)) > 0 {
		return "", "", ErrBadKey
	}
	canonical = strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k)))
	if comment != "" {
		canonical += " " + comment
	}
	return canonical, gossh.FingerprintSHA256(k), nil
}

// HasKey reports whether key is one of keys (authorized_keys lines); lines
// that do not parse are skipped.
func HasKey(keys []string, key gossh.PublicKey) bool {
	if key == nil {
		return false
	}
	want := key.Marshal()
	for _, line := range keys {
		k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err == nil && bytes.Equal(k.Marshal(), want) {
			return true
		}
	}
	return false
}

// Fingerprint returns the SHA256 fingerprint of an authorized_keys line, or
// "" if it does not parse.
func Fingerprint(line string) string {
	_, fp, err := ParseKey(line)
	if err != nil {
		return ""
	}
	return fp
}
