package storage

import (
	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// bProtected holds denouncers' identities in restricted mode, apart from
// every record and index: kind 0x00 record id → model.Identity value. No
// index, search, history, export or audit path reads it; only
// ProtectedIdentity does, and it writes an audit event each time.
var bProtected = []byte("protected")

// protectedRecord is a record that may carry a protected identity.
type protectedRecord interface {
	Prot() *model.Protection
}

func protectedKey(kind model.Kind, id uint64) []byte { return auditKey(kind, id) }

// keepIdentity stores the identity that came with a save (restricted mode)
// or refuses it (offline mode), and takes it off the record either way so it
// is never encoded with it. It returns the audit change to record, masked.
func (s *Store) keepIdentity(tx *bolt.Tx, kind model.Kind, id uint64, p *model.Protection, old model.Record) ([]model.Change, error) {
	ident := p.Identity
	p.Identity = nil
	if old != nil && old.(protectedRecord).Prot().Protected {
		p.Protected = true // an identity once kept stays kept
	}
	if ident.Empty() {
		return nil, nil
	}
	var off model.Office
	if err := decode(tx.Bucket(bMeta).Get(kOffice), &off); err != nil {
		return nil, err
	}
	if off.ProtectedMode() != model.ProtectedRestricted {
		return nil, fieldErr("Identity", model.ErrCodeProtectedOffline)
	}
	key := protectedKey(kind, id)
	var kept model.Identity
	had := false
	if v := tx.Bucket(bProtected).Get(key); v != nil {
		if err := decode(v, &kept); err != nil {
			return nil, err
		}
		had = true
	}
	if had && !s.seeProtected {
		// the identity is the denouncer's: only staff with the permission
		// may change what is kept (a clerk's save never overwrites it)
		return nil, fieldErr("Identity", ErrCodeIdentityPermission)
	}
	// what is typed replaces those parts; the others are kept
	merged := kept
	var changes []model.Change
	for _, f := range []struct {
		field    string
		from, to *string
	}{{"IdentityName", &merged.FullName, &ident.FullName}, {"IdentityIDNumber", &merged.IDNumber, &ident.IDNumber},
		{"IdentityPhone", &merged.Phone, &ident.Phone}, {"IdentityAddress", &merged.Address, &ident.Address}} {
		if *f.to == "" || *f.to == *f.from {
			continue
		}
		changes = append(changes, model.Change{Field: f.field, Old: maskIf(*f.from != ""), New: model.Mask})
		*f.from = *f.to
	}
	if len(changes) == 0 {
		p.Protected = p.Protected || had
		return nil, nil
	}
	if err := putValue(tx.Bucket(bProtected), key, &merged); err != nil {
		return nil, err
	}
	p.Protected = true
	return changes, nil
}

// ErrCodeIdentityPermission is the field error for a save that would
// change a kept identity by staff without the permission.
const ErrCodeIdentityPermission = "err.identity_permission"

func maskIf(b bool) string {
	if b {
		return model.Mask
	}
	return ""
}

// ProtectedIdentity returns the identity kept for a denunciation record, to
// staff with the permission only, and records the view in the audit log in
// the same transaction. Without the permission it returns
// model.ErrNoPermission and shows nothing.
func (s *Store) ProtectedIdentity(kind model.Kind, id uint64) (model.Identity, error) {
	var ident model.Identity
	if !s.seeProtected {
		return ident, model.ErrNoPermission
	}
	err := s.update(func(tx *bolt.Tx) error {
		v := tx.Bucket(bProtected).Get(protectedKey(kind, id))
		if v == nil {
			return model.ErrNotFound
		}
		if err := decode(v, &ident); err != nil {
			return err
		}
		return appendAudit(tx, model.AuditEvent{At: s.db.now().UTC(), Staff: s.actor,
			Action: model.ActionViewIdentity, Kind: kind, RecordID: id})
	})
	return ident, err
}
