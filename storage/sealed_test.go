package storage_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// keptValues reads the raw values of the protected bucket, the way anyone
// with the file could: from a backup copy, since bbolt's lock keeps a
// second handle off the open file.
func keptValues(t *testing.T, db *storage.DB) [][]byte {
	t.Helper()
	dir := t.TempDir()
	b, err := db.BackupTo(dir)
	if err != nil {
		t.Fatal(err)
	}
	bdb, err := bolt.Open(b.Path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var out [][]byte
	_ = bdb.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("protected")).ForEach(func(_, v []byte) error {
			out = append(out, bytes.Clone(v))
			return nil
		})
	})
	return out
}

// canaryParts are the strings of the canary identity that must never be
// readable at rest.
func canaryParts() [][]byte {
	return [][]byte{[]byte(canary.FullName), []byte(canary.IDNumber), []byte(canary.Phone), []byte(canary.Address)}
}

func countCanary(b []byte) int {
	n := 0
	for _, p := range canaryParts() {
		n += bytes.Count(b, p)
	}
	return n
}

// The protected-identity canary at rest: a denouncer's name, ID, phone and
// address saved in restricted mode appear 0 times in the raw file, in a
// backup and in an export with secrets; the leader reads them only after
// typing their passphrase, in this session only.
func TestIdentitiesSealedAtRest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	db, err := storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	admin, clerk := restricted(t, db)
	lead := leader(t, db, admin)
	id := canary
	p := denunciation("TC-21", &id)
	if err := clerk.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	// the canary must be findable in the clear somewhere, or a count of 0
	// proves nothing: the leader reads it back
	got, err := lead.ProtectedIdentity(model.KindPetition, p.ID)
	if err != nil || got != canary {
		t.Fatalf("the leader reads %+v, %v", got, err)
	}
	if err := db.Sync(); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if n := countCanary(raw); n != 0 {
		t.Fatalf("the raw file holds the identity %d times", n)
	}
	b, err := db.BackupTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = os.ReadFile(b.Path)
	if n := countCanary(raw); n != 0 {
		t.Fatalf("the backup holds the identity %d times", n)
	}
	var x bytes.Buffer
	if err := db.ExportTo(&x, true); err != nil {
		t.Fatal(err)
	}
	if n := countCanary(x.Bytes()); n != 0 {
		t.Fatalf("the export with secrets holds the identity %d times", n)
	}
	if !bytes.Contains(x.Bytes(), []byte(`"keyring"`)) || !bytes.Contains(x.Bytes(), []byte(`"sealed"`)) {
		t.Fatal("the export carries no sealed identity or no key: an import would lose them")
	}

	// a new session of the same leader has the key closed
	again := db.As(model.Staff{Username: "chu.tich", Role: model.RoleLeader, SeeProtected: true})
	if _, err := again.ProtectedIdentity(model.KindPetition, p.ID); !errors.Is(err, model.ErrProtectedLocked) {
		t.Fatalf("a new session reads without the passphrase: %v", err)
	}
	if err := again.UnlockProtected(adminPass); !errors.Is(err, model.ErrWrongPassphrase) {
		t.Fatalf("the leader opened the key with the administrator's passphrase: %v", err)
	}
	for i := 0; i < 4; i++ {
		_ = again.UnlockProtected("sai mật khẩu")
	}
	var wait *model.WaitError
	if err := again.UnlockProtected(leaderPass); !errors.As(err, &wait) {
		t.Fatalf("after five wrong passphrases the sixth try is not held back: %v", err)
	}
	// a clerk never opens it
	if err := clerk.UnlockProtected(leaderPass); !errors.Is(err, model.ErrNoPermission) {
		t.Fatalf("a clerk opened the key: %v", err)
	}
	// at the desk's own PC (no login), any permitted passphrase opens it,
	// also when the OS user there holds a passphrase of its own
	desk := db.For("quantri")
	if _, err := desk.ProtectedIdentity(model.KindPetition, p.ID); !errors.Is(err, model.ErrProtectedLocked) {
		t.Fatalf("the local desk reads without a passphrase: %v", err)
	}
	if err := desk.UnlockProtected(leaderPass); err != nil {
		t.Fatal(err)
	}
	if got, _ := desk.ProtectedIdentity(model.KindPetition, p.ID); got.FullName != canary.FullName {
		t.Fatalf("the desk reads %+v", got)
	}
}

// Granting the permission needs the grantee's passphrase and a granting
// session that has the key open; taking it away drops the wrap, so the
// passphrase no longer opens anything.
func TestGrantAndRevokeThePermission(t *testing.T) {
	db, _ := openTest(t)
	admin, _ := restricted(t, db)
	var ve *model.ValidationError
	st := model.Staff{Username: "pho.ct", Role: model.RoleLeader, SeeProtected: true}
	if err := admin.SaveStaff(&st); !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodePassphraseGrant {
		t.Fatalf("granted without a passphrase: %v", err)
	}
	locked := db.For("quantri2") // another administrator, key not opened
	st.Passphrase = "khóa phó chủ tịch"
	if err := locked.SaveStaff(&st); !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodePassphraseLocked {
		t.Fatalf("granted by a session without the key: %v", err)
	}
	st.Passphrase = "ngắn"
	if err := admin.SaveStaff(&st); !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodePassphraseLength {
		t.Fatalf("a short passphrase: %v", err)
	}
	st.Passphrase = "khóa phó chủ tịch"
	if err := admin.SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	if st.Passphrase != "" {
		t.Fatal("the passphrase stays on the account after the save")
	}
	if err := db.As(st).UnlockProtected("khóa phó chủ tịch"); err != nil {
		t.Fatal(err)
	}
	st.SeeProtected = false
	if err := admin.SaveStaff(&st); err != nil {
		t.Fatal(err)
	}
	st.SeeProtected = true // as if an old session still claimed it
	if err := db.As(st).UnlockProtected("khóa phó chủ tịch"); !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodePassphraseNone {
		t.Fatalf("the revoked passphrase still opens the key: %v", err)
	}
	if all, _ := admin.ListStaff(); len(all) != 1 || all[0].Username != "pho.ct" || all[0].HasPassphrase {
		t.Fatalf("the staff list after the revocation: %+v", all)
	}
	var x bytes.Buffer
	_ = db.ExportTo(&x, false)
	if bytes.Contains(x.Bytes(), []byte("khóa phó")) || bytes.Contains(x.Bytes(), []byte(`"keyring"`)) {
		t.Fatal("an export without secrets carries the key or a passphrase")
	}
}

// A file from before identities were sealed (restricted mode, identities
// in the clear) still reads; when the administrator sets the passphrase
// they are sealed, and the next opening compacts the file so no freed
// page keeps them in the clear. Until then a new identity is refused with
// a message, never stored in the clear.
func TestClearIdentitiesOfAnOldFileAreSealed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	admin := db.For("quantri")
	off, _ := admin.Office()
	off.Name, off.Place = "UBND xã Quang Trung", "Quang Trung"
	if err := admin.SaveOffice(&off); err != nil {
		t.Fatal(err)
	}
	p := denunciation("TC-31", nil)
	if err := admin.SavePetition(&p); err != nil {
		t.Fatal(err)
	}
	db.Close()
	// what an older program wrote: restricted mode, the identity in the clear
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket([]byte("meta"))
		var o map[string]any
		if err := json.Unmarshal(meta.Get([]byte("office"))[1:], &o); err != nil {
			return err
		}
		o["pm"] = "restricted"
		enc, _ := json.Marshal(o)
		if err := meta.Put([]byte("office"), append([]byte{1}, enc...)); err != nil {
			return err
		}
		ident, _ := json.Marshal(canary)
		key := append([]byte("petition\x00"), 0, 0, 0, 0, 0, 0, 0, byte(p.ID))
		return tx.Bucket([]byte("protected")).Put(key, append([]byte{1}, ident...))
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err = storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	admin = db.For("quantri")
	if got, err := admin.ProtectedIdentity(model.KindPetition, p.ID); err != nil || got != canary {
		t.Fatalf("the old identity reads %+v, %v", got, err)
	}
	id := canary
	fresh := denunciation("TC-32", &id)
	var ve *model.ValidationError
	if err := admin.SavePetition(&fresh); !errors.As(err, &ve) || ve.Fields[0].Code != storage.ErrCodePassphraseNeeded {
		t.Fatalf("a new identity without a key: %v", err)
	}
	off, _ = admin.Office()
	off.SignerName = "Nguyễn Văn Thành"
	if err := admin.SaveOffice(&off); !errors.As(err, &ve) || ve.Fields[0].Field != "Passphrase" {
		t.Fatalf("settings saved in restricted mode without a key: %v", err)
	}
	off.Passphrase = adminPass
	if err := admin.SaveOffice(&off); err != nil {
		t.Fatal(err)
	}
	if db.IdentitiesDestroyedAt().IsZero() {
		t.Fatal("sealing the old identities asks for no compaction")
	}
	db.Close()
	db, err = storage.Open(path, storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	raw, _ := os.ReadFile(path)
	if n := countCanary(raw); n != 0 {
		t.Fatalf("the compacted file holds the old identity %d times", n)
	}
	desk := db.For("quantri")
	if err := desk.UnlockProtected(adminPass); err != nil {
		t.Fatal(err)
	}
	if got, err := desk.ProtectedIdentity(model.KindPetition, p.ID); err != nil || got != canary {
		t.Fatalf("after sealing it reads %+v, %v", got, err)
	}
}
