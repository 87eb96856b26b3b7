// Package auth holds what logging in needs besides the network: slow salted
// password hashes, public keys in authorized_keys form, and the counter that
// locks out an account or an address after repeated failures. It imports
// only the standard library and golang.org/x/crypto.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's minimum (19 MiB, 2 passes, 1 lane), about
// 30 ms on a desk PC, so guessing is slow while logins are not. They are
// written into every hash, so raising them later keeps old hashes valid.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32

	// the most a stored hash may ask for (4 × our memory, 2 × our passes)
	maxArgonMemory  = 4 * argonMemory
	maxArgonTime    = 2 * argonTime
	maxArgonThreads = 4
	saltLen         = 16
)

// MinPasswordLen and MaxPasswordLen bound a new password (in characters).
const (
	MinPasswordLen = 8
	MaxPasswordLen = 128
)

// ErrPasswordLength means a new password is shorter than MinPasswordLen or
// longer than MaxPasswordLen characters.
var ErrPasswordLength = errors.New("password length out of range")

// HashPassword returns an argon2id hash of pw in the PHC string format, with
// a fresh random salt.
func HashPassword(pw string) (string, error) {
	if n := utf8.RuneCountInString(pw); n < MinPasswordLen || n > MaxPasswordLen {
		return "", ErrPasswordLength
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime,
		argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// dummyHash is checked against when a login names no account (or one
// without a password), so an unknown username costs the same time as a
// wrong password and tells nothing.
const dummyHash = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$" +
	"Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE"

// CheckPassword reports whether pw matches hash. An empty or malformed hash
// never matches, but costs a full hash all the same.
func CheckPassword(hash, pw string) bool {
	ok := hash != ""
	if !ok {
		hash = dummyHash
	}
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		parts, ok = strings.Split(dummyHash, "$"), false
	}
	var m, t uint32
	var p uint8
	// a stored hash is trusted only within what this program would make,
	// with room to grow: a tampered record asking for 1 GiB and 16 passes
	// would make every login attempt a denial of service
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m > maxArgonMemory || t > maxArgonTime || p == 0 || p > maxArgonThreads {
		m, t, p, ok = argonMemory, argonTime, argonThreads, false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || len(want) > 64 || len(salt) > 64 {
		salt, want, ok = make([]byte, saltLen), make([]byte, argonKeyLen), false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1 && ok
}
