package model

import (
	"strings"
	"time"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// KindStaff names staff accounts in audit events.
const KindStaff Kind = "staff"

// Role is what a staff member may do. Clerks keep the registers; leaders
// also read the audit log; administrators also manage accounts and settings.
type Role string

// Roles, with stable codes.
const (
	RoleClerk  Role = "clerk"
	RoleLeader Role = "leader"
	RoleAdmin  Role = "admin"
)

// Roles lists every role in order of power.
func Roles() []Role { return []Role{RoleClerk, RoleLeader, RoleAdmin} }

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleClerk || r == RoleLeader || r == RoleAdmin }

// Staff is an account that logs in to the server. The username is its key:
// it is what the clerk types after "ssh" and what every audit event names.
// Keys are public keys in authorized_keys form; PasswordHash is a slow salted
// hash (package auth), never the password.
type Staff struct {
	Meta
	Username     string   `json:"u"`
	FullName     string   `json:"name,omitempty"`
	Title        string   `json:"t,omitempty"`
	Role         Role     `json:"r"`
	SeeProtected bool     `json:"sp,omitempty"`
	Keys         []string `json:"keys,omitempty"`
	PasswordHash string   `json:"pw,omitempty"`
	Disabled     bool     `json:"off,omitempty"`

	// Passphrase, only on the way in, is the passphrase that will open the
	// office's protected-identity key for this member (typed by them when
	// the permission is granted); never stored.
	Passphrase string `json:"-"`
	// HasPassphrase, filled by ListStaff, says the member holds a wrap of
	// the office's protected-identity key (their passphrase opens it).
	HasPassphrase bool `json:"-"`
}

// Kind returns KindStaff.
func (*Staff) Kind() Kind { return KindStaff }

// CanAudit reports whether s may read the audit log of every record.
func (s Staff) CanAudit() bool { return s.Role == RoleLeader || s.Role == RoleAdmin }

// CanAdmin reports whether s may manage accounts and office settings.
func (s Staff) CanAdmin() bool { return s.Role == RoleAdmin }

// IsActiveAdmin reports whether s is an enabled administrator.
func (s Staff) IsActiveAdmin() bool { return s.Role == RoleAdmin && !s.Disabled }

// Label is how the staff member is named on screen: full name, or username.
func (s *Staff) Label() string {
	if s.FullName != "" {
		return s.FullName
	}
	return s.Username
}

// MaxUsernameLen bounds a username.
const MaxUsernameLen = 32

// ErrCodeUsername is the field error for a username that is not 1-32 of
// a-z, 0-9, '.', '_' and '-', starting with a letter.
const ErrCodeUsername = "err.username"

// ValidUsername reports whether u can be a login name.
func ValidUsername(u string) bool {
	if u == "" || len(u) > MaxUsernameLen || u[0] < 'a' || u[0] > 'z' {
		return false
	}
	for _, r := range u {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// Normalize cleans names and lower-cases the username.
func (s *Staff) Normalize() {
	s.Username = strings.ToLower(strings.TrimSpace(s.Username))
	s.FullName = vntext.Clean(s.FullName, false)
	s.Title = vntext.Clean(s.Title, false)
	keys := s.Keys[:0]
	for _, k := range s.Keys {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	s.Keys = keys
}

// Validate checks the username and role and the lengths of the names.
func (s *Staff) Validate(time.Time) error {
	var e errs
	if !ValidUsername(s.Username) {
		e.add("Username", ErrCodeUsername)
	}
	e.choice("Role", s.Role.Valid())
	e.maxLen("FullName", s.FullName, MaxNameLen)
	e.maxLen("Title", s.Title, MaxShortLen)
	return e.err()
}
