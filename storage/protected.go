package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/vault"
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

// keptIdentity is the stored value of a kept identity: each part sealed
// with the office's public key (vault), so a save needs no passphrase and
// the file holds nothing readable. Parts in the clear are what files kept
// before the office had a key; they are sealed once it gets one.
type keptIdentity struct {
	model.Identity
	Sealed map[string][]byte `json:"sealed,omitempty"`
}

// identityParts names each part of an identity as it is sealed and audited.
func identityParts(i *model.Identity) []struct {
	part, field string
	text        *string
} {
	return []struct {
		part, field string
		text        *string
	}{{"name", "IdentityName", &i.FullName}, {"idn", "IdentityIDNumber", &i.IDNumber},
		{"ph", "IdentityPhone", &i.Phone}, {"addr", "IdentityAddress", &i.Address}}
}

// seal moves every part in the clear into Sealed.
func (k *keptIdentity) seal(public []byte) (bool, error) {
	sealed := false
	for _, p := range identityParts(&k.Identity) {
		if *p.text == "" {
			continue
		}
		b, err := vault.Seal(public, []byte(*p.text))
		if err != nil {
			return false, err
		}
		if k.Sealed == nil {
			k.Sealed = map[string][]byte{}
		}
		k.Sealed[p.part], *p.text, sealed = b, "", true
	}
	return sealed, nil
}

// sealClear seals the parts kept in the clear of every identity (the office
// has just got its key) and says how many identities it changed.
func sealClear(tx *bolt.Tx, public []byte) (int, error) {
	b := tx.Bucket(bProtected)
	type kv struct{ k, v []byte }
	var todo []kv
	err := b.ForEach(func(k, v []byte) error {
		var kept keptIdentity
		if err := decode(v, &kept); err != nil {
			return err
		}
		if ok, err := kept.seal(public); err != nil || !ok {
			return err
		}
		enc, err := encode(&kept)
		todo = append(todo, kv{append([]byte(nil), k...), enc})
		return err
	})
	for _, e := range todo {
		if err == nil {
			err = b.Put(e.k, e.v)
		}
	}
	return len(todo), err
}

// keepIdentity seals and stores the identity that came with a save
// (restricted mode) or refuses it (offline mode), and takes it off the
// record either way so it is never encoded with it. It returns the audit
// change to record, masked: which parts changed, never to what.
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
	kr, err := loadKeyring(tx)
	if err != nil {
		return nil, err
	}
	if kr == nil {
		return nil, fieldErr("Identity", ErrCodePassphraseNeeded)
	}
	key := protectedKey(kind, id)
	var kept keptIdentity
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
	var changes []model.Change
	typed := identityParts(ident)
	for i, f := range identityParts(&kept.Identity) {
		to := *typed[i].text
		if to == "" {
			continue
		}
		_, sealedBefore := kept.Sealed[f.part]
		changes = append(changes, model.Change{Field: f.field, Old: maskIf(*f.text != "" || sealedBefore), New: model.Mask})
		*f.text = to
	}
	if _, err := kept.seal(kr.Public); err != nil {
		return nil, err
	}
	if err := putValue(tx.Bucket(bProtected), key, &kept); err != nil {
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
// staff with the permission whose session has opened the office's key
// (model.ErrProtectedLocked until it has), and records the view in the
// audit log in the same transaction. Without the permission it returns
// model.ErrNoPermission and shows nothing.
func (s *Store) ProtectedIdentity(kind model.Kind, id uint64) (model.Identity, error) {
	var ident model.Identity
	if !s.seeProtected {
		return ident, model.ErrNoPermission
	}
	key := s.openedKey()
	err := s.update(func(tx *bolt.Tx) error {
		v := tx.Bucket(bProtected).Get(protectedKey(kind, id))
		if v == nil {
			return model.ErrNotFound
		}
		var kept keptIdentity
		if err := decode(v, &kept); err != nil {
			return err
		}
		ident = kept.Identity
		for _, p := range identityParts(&ident) {
			b, ok := kept.Sealed[p.part]
			if !ok {
				continue
			}
			if key == nil {
				return model.ErrProtectedLocked
			}
			text, err := key.Open(b)
			if err != nil {
				return fmt.Errorf("%w: identity %s %d: %v", ErrDamaged, kind, id, err)
			}
			*p.text = string(text)
		}
		return appendAudit(tx, model.AuditEvent{At: s.db.now().UTC(), Staff: s.actor,
			Action: model.ActionViewIdentity, Kind: kind, RecordID: id})
	})
	if err != nil {
		ident = model.Identity{}
	}
	return ident, err
}
