package storage

import (
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// CheckReport is what a check of a database file found.
type CheckReport struct {
	Path        string
	Size        int64
	Schema      uint32
	Records     map[model.Kind]int
	AuditEvents uint64
	// Faults are what is wrong (empty: the file is sound).
	Faults []Fault
}

// Fault is one thing a check found wrong: its kind (what part of the file)
// and a technical detail for whoever repairs it.
type Fault struct {
	Kind   FaultKind
	Detail string
}

// FaultKind names the part of a file a fault is in.
type FaultKind string

// Fault kinds.
const (
	FaultStructure  FaultKind = "structure"  // bbolt's pages and free list
	FaultUnreadable FaultKind = "unreadable" // a page or a value that does not decode
	FaultIndex      FaultKind = "index"      // indexes or audit counts that do not match the records
	FaultAudit      FaultKind = "audit"      // the audit log's sequence
)

func (r *CheckReport) add(k FaultKind, detail string) { r.Faults = append(r.Faults, Fault{k, detail}) }

// OK reports whether the check found nothing wrong.
func (r *CheckReport) OK() bool { return len(r.Faults) == 0 }

// Check examines the file at path without writing to it: bbolt's own
// consistency check (every page reachable once, no page freed twice), then
// tiepdan's: the schema is one this program knows, every bucket is there,
// every record decodes under its key, the indexes and token counts match
// the records, each record has as many audit events as versions, and the
// audit log's sequence numbers run without a gap. It returns an error only
// when the file cannot be looked at (locked by a running server, missing).
func Check(path string) (CheckReport, error) {
	rep := CheckReport{Path: path, Records: map[model.Kind]int{}}
	if st, err := os.Stat(path); err == nil {
		rep.Size = st.Size()
	}
	db, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		// what makes a file unopenable says itself (damaged, empty, not a
		// tiepdan file, written by a newer one, locked)
		return rep, err
	}
	defer db.Close()
	// Every page reachable from the buckets is read here first, in this
	// goroutine, where a damaged page is recovered as ErrDamaged: bbolt's
	// own check walks them in a goroutine of its own, where the same
	// damage would end the process.
	if err := db.view(walkAll); err != nil {
		rep.add(FaultUnreadable, err.Error())
		return rep, nil
	}
	err = db.view(func(tx *bolt.Tx) error {
		rep.Schema = schemaOf(tx)
		for cerr := range tx.Check() {
			rep.add(FaultStructure, cerr.Error())
			if len(rep.Faults) > 20 {
				break
			}
		}
		for _, t := range tables() {
			rep.Records[t.kind] = tx.Bucket(t.bucket).Stats().KeyN
		}
		// the audit log: sequence numbers 1, 2, 3… with none missing
		ab := tx.Bucket(bAudit)
		var want uint64 = 1
		c := ab.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) != 8 || beU64(k) != want {
				rep.add(FaultAudit, fmt.Sprintf("event %d where %d was expected", beU64(k), want))
				break
			}
			want++
		}
		rep.AuditEvents = want - 1
		if seq := ab.Sequence(); seq != rep.AuditEvents && rep.OK() {
			rep.add(FaultAudit, fmt.Sprintf("%d events, sequence at %d", rep.AuditEvents, seq))
		}
		return nil
	})
	if err != nil {
		rep.add(FaultUnreadable, err.Error())
		return rep, nil
	}
	if err := db.Verify(); errors.Is(err, ErrDamaged) {
		rep.add(FaultUnreadable, err.Error())
	} else if err != nil {
		rep.add(FaultIndex, err.Error())
	}
	return rep, nil
}

func schemaOf(tx *bolt.Tx) uint32 {
	if m := tx.Bucket(bMeta); m != nil {
		if v := m.Get(kSchema); len(v) == 4 {
			return uint32(v[0])<<24 | uint32(v[1])<<16 | uint32(v[2])<<8 | uint32(v[3])
		}
	}
	return 0
}

// walkAll reads every key and value of every bucket, nested ones included.
func walkAll(tx *bolt.Tx) error {
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					if err := walk(nb); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
}
