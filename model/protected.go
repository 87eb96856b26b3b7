package model

import (
	"errors"
	"time"

	"github.com/tiepdan/tiepdan/model/vntext"
)

// ProtectedMode is how an office keeps the identity of denouncers (bảo vệ
// người tố cáo, DESIGN §4).
type ProtectedMode string

// Protected-identity modes. Offline is the default: no identity of a
// denouncer is stored at all, only a reference to the paper file.
// Restricted stores it apart from every other record, readable only with
// the permission and audited on every view.
const (
	ProtectedOffline    ProtectedMode = "offline"
	ProtectedRestricted ProtectedMode = "restricted"
)

// Valid reports whether m is a known mode (empty means offline).
func (m ProtectedMode) Valid() bool {
	return m == "" || m == ProtectedOffline || m == ProtectedRestricted
}

// Mask is what lists, exports, search results and audit views show instead
// of a protected identity.
const Mask = "[được bảo vệ]"

// ErrCodeProtectedOffline is the field error for an identity given for a
// denunciation while the office keeps none.
const ErrCodeProtectedOffline = "err.protected_offline"

// ErrCodeProtectedLink is the field error for a denunciation linked to a
// citizen record: the link itself would disclose who denounced.
const ErrCodeProtectedLink = "err.protected_link"

// ErrNoPermission means the staff member may not do what was asked.
var ErrNoPermission = errNoPermission{}

type errNoPermission struct{}

func (errNoPermission) Error() string { return "permission denied" }

// Identity is a denouncer's identity in restricted mode. It is never part of
// a record's stored value: storage keeps it in a bucket of its own, keyed by
// the record, and hands it out only through Store.ProtectedIdentity.
type Identity struct {
	FullName string `json:"name"`
	IDNumber string `json:"idn,omitempty"`
	Phone    string `json:"ph,omitempty"`
	Address  string `json:"addr,omitempty"`
}

// Empty reports whether nothing identifying is set.
func (i *Identity) Empty() bool {
	return i == nil || i.FullName == "" && i.IDNumber == "" && i.Phone == "" && i.Address == ""
}

// Normalize cleans the text and keeps digits only in ID and phone.
func (i *Identity) Normalize() {
	i.FullName = vntext.Clean(i.FullName, false)
	i.Address = vntext.Clean(i.Address, false)
	i.IDNumber = vntext.Digits(i.IDNumber)
	i.Phone = vntext.Digits(i.Phone)
}

// Validate checks an identity like a citizen's.
func (i *Identity) Validate(time.Time) error {
	var e errs
	e.maxLen("IdentityName", i.FullName, MaxNameLen)
	if i.IDNumber != "" && !ValidIDNumber(i.IDNumber) {
		e.add("IdentityIDNumber", ErrCodeIDNumber)
	}
	if i.Phone != "" && !ValidPhone(i.Phone) {
		e.add("IdentityPhone", ErrCodePhone)
	}
	e.maxLen("IdentityAddress", i.Address, MaxShortLen)
	return e.err()
}

// IsDenunciation reports whether content kind c makes its sender protected.
func IsDenunciation(c ContentKind) bool { return c == ContentDenunciation }

// Protection is what a reception or petition carries about its sender when
// the content is a denunciation: the reference to the paper file, whether an
// identity is kept in the protected store (restricted mode), and, only on
// the way in, the identity to keep there. Identity is never encoded with
// the record.
type Protection struct {
	PaperRef  string    `json:"paper,omitempty"`
	Protected bool      `json:"prot,omitempty"`
	Identity  *Identity `json:"-"`
}

// Prot returns the protection part of a record.
func (p *Protection) Prot() *Protection { return p }

// normalize cleans the paper reference and the identity.
func (p *Protection) normalize() {
	p.PaperRef = vntext.Clean(p.PaperRef, false)
	if p.Identity != nil {
		p.Identity.Normalize()
	}
}

// validate checks the sender of a record with content kind c:
// a denunciation names no citizen and refers to its paper file.
func (p *Protection) validate(e *errs, c ContentKind, citizenID uint64) {
	e.maxLen("PaperRef", p.PaperRef, MaxShortLen)
	if !IsDenunciation(c) {
		if p.Identity != nil && !p.Identity.Empty() {
			e.add("Identity", ErrCodeNotAllowed)
		}
		return
	}
	if citizenID != 0 {
		e.add("CitizenID", ErrCodeProtectedLink)
	}
	e.required("PaperRef", p.PaperRef)
	if p.Identity != nil {
		if err := p.Identity.Validate(time.Time{}); err != nil {
			e.list = append(e.list, err.(*ValidationError).Fields...)
		}
	}
}

// ErrProtectedLocked means the identity is sealed and this session has not
// opened the office's key with a passphrase yet.
var ErrProtectedLocked = errors.New("protected identities locked")

// ErrWrongPassphrase means a passphrase did not open the office's key.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// WaitError means too many wrong tries: the next may come at Until.
type WaitError struct{ Until time.Time }

func (e *WaitError) Error() string {
	return "too many tries, wait until " + e.Until.Format(time.RFC3339)
}
