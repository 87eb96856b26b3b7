package storage

import (
	"bytes"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// Verify recomputes every secondary index (keys and values) and token count
// from the record values and reports the first difference with what is stored, and checks
// that every record has exactly as many change events in its audit trail as
// its Version (views of a protected identity are events but not changes). Tests run it after each change; an administrator can run it to
// check a file after a power cut.
func (db *DB) Verify() error {
	return db.view(func(tx *bolt.Tx) error {
		want := map[string]map[string]string{}
		for _, name := range indexNames() {
			want[name] = map[string]string{}
		}
		tokens := map[string]uint64{}
		audits := map[string]uint64{}
		for _, t := range tables() {
			err := tx.Bucket(t.bucket).ForEach(func(k, v []byte) error {
				rec := t.newRec()
				if err := decode(v, rec); err != nil {
					return fmt.Errorf("%s %d: %w", t.kind, beU64(k), err)
				}
				if rec.Base().ID != beU64(k) {
					return fmt.Errorf("%s %d: stored under key %d", t.kind, rec.Base().ID, beU64(k))
				}
				for _, e := range t.entries(rec) {
					want[e.idx][string(e.key)] = string(e.val)
					if e.idx == ixName {
						tokens[string(e.key[:bytes.IndexByte(e.key, 0)])]++
					}
				}
				audits[string(auditKey(t.kind, rec.Base().ID))] = rec.Base().Version
				return nil
			})
			if err != nil {
				return err
			}
		}
		idx := tx.Bucket(bIdx)
		for _, name := range indexNames() {
			if name == ixTokCount || name == ixAudit || name == ixAuditStaff || name == ixAuditDay {
				continue
			}
			got := map[string]string{}
			if err := idx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				got[string(k)] = string(v)
				return nil
			}); err != nil {
				return err
			}
			if err := sameKeys(name, want[name], got); err != nil {
				return err
			}
		}
		gotTok := map[string]uint64{}
		if err := idx.Bucket([]byte(ixTokCount)).ForEach(func(k, v []byte) error {
			gotTok[string(k)] = beU64(v)
			return nil
		}); err != nil {
			return err
		}
		for tok, n := range tokens {
			if gotTok[tok] != n {
				return fmt.Errorf("tokcount %q: stored %d, want %d", tok, gotTok[tok], n)
			}
			delete(gotTok, tok)
		}
		for tok := range gotTok {
			return fmt.Errorf("tokcount %q: stored but no name has it", tok)
		}
		if err := verifyAuditIndexes(tx); err != nil {
			return err
		}
		gotAudit := map[string]uint64{}
		ab := tx.Bucket(bAudit)
		if err := idx.Bucket([]byte(ixAudit)).ForEach(func(k, _ []byte) error {
			var ev model.AuditEvent
			if err := decode(ab.Get(k[len(k)-8:]), &ev); err != nil {
				return err
			}
			if ev.Changed() {
				gotAudit[string(k[:len(k)-8])]++
			}
			return nil
		}); err != nil {
			return err
		}
		for k, v := range audits {
			if gotAudit[k] != v {
				return fmt.Errorf("audit %q: %d events for version %d", k, gotAudit[k], v)
			}
		}
		return nil
	})
}

func sameKeys(name string, want, got map[string]string) error {
	var missing, extra []string
	for k, v := range want {
		if g, ok := got[k]; !ok {
			missing = append(missing, fmt.Sprintf("%q", k))
		} else if g != v {
			missing = append(missing, fmt.Sprintf("%q (value %q, want %q)", k, g, v))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			extra = append(extra, fmt.Sprintf("%q", k))
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		return fmt.Errorf("index %s: missing %v, extra %v", name, missing, extra)
	}
	return nil
}

// verifyAuditIndexes checks that the audit indexes hold exactly the entries
// the audit events imply.
func verifyAuditIndexes(tx *bolt.Tx) error {
	want := map[string]map[string]string{ixAudit: {}, ixAuditStaff: {}, ixAuditDay: {}}
	if err := tx.Bucket(bAudit).ForEach(func(k, v []byte) error {
		var ev model.AuditEvent
		if err := decode(v, &ev); err != nil {
			return err
		}
		for _, e := range auditEntries(&ev) {
			want[e.idx][string(e.key)] = ""
		}
		return nil
	}); err != nil {
		return err
	}
	for name, w := range want {
		got := map[string]string{}
		if err := tx.Bucket(bIdx).Bucket([]byte(name)).ForEach(func(k, _ []byte) error {
			got[string(k)] = ""
			return nil
		}); err != nil {
			return err
		}
		if err := sameKeys(name, w, got); err != nil {
			return err
		}
	}
	return nil
}
