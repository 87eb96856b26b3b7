// Package storage keeps tiepdan's records in one bbolt file and implements
// model.Store over it.
//
// The bucket tree (every key is big-endian unless said otherwise):
//
//	meta/        "schema" → uint32 schema version; "office" → Office value
//	counters/    "dossier/YYYY" → uint64, the dossier code sequence of a year
//	citizen/ session/ reception/ petition/ dossier/ procedure/
//	             id uint64 → value (codec byte + JSON of the model record)
//	audit/       seq uint64 → AuditEvent value (append-only)
//	staff/       username → Staff value (staff.go)
//	protected/   kind 0x00 id → Identity value, restricted mode (protected.go)
//	idx/         secondary indexes; values empty unless said:
//	  date.<kind>      date int32+2^31 | second of day uint32 | id — period
//	                   queries are range scans; a day lists in time order.
//	                   Value: the record's facts (facts.go), empty if voided
//	  name             token 0x00 folded-full-name 0x00 id — citizens, not voided
//	  tokcount         token → uint64, how many name entries carry the token
//	  idnum            digits 0x00 id — citizen ID numbers
//	  phone            digits 0x00 id — citizen phones
//	  citizen          citizen id | kind byte | record id — a citizen's history
//	  session          session id | reception id — visitors of a session
//	  due.<kind>       due date | id — open dossiers and petitions with a due date
//	  closed.<kind>    closing date (all ones while open) | received date | id —
//	                   petitions and dossiers, not voided; carried-over items
//	                   of a period are a range scan from its first day.
//	                   Value: the record's facts
//	  code             dossier code 0x00 id
//	  audit            kind 0x00 record id | seq — a record's audit trail
//	  staffaudit       username 0x00 seq — one staff member's events
//	  dayaudit         date int32+2^31 | seq — one day's events
//
// Invariants: every index entry is derived from exactly one current record
// value (Verify recomputes them and compares); values never escape a
// transaction (they are decoded into fresh model values); every change writes
// the record, its index diff and one audit event in the same transaction.
package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/tiepdan/tiepdan/model"
)

// SchemaVersion is the layout this code reads and writes. Version 2 added the
// closed.<kind> indexes; version 3 the staff and protected buckets and the
// staffaudit and dayaudit indexes; version 4 the due.reception index;
// version 5 gave accepted petitions the resolution deadline of their kind;
// version 6 added cases (vụ việc), their bucket and the citcase and
// link.case indexes; version 7 the dialogue, survey and letter registers.
// An older file is copied aside (MigrationBackup) and migrated when opened.
const SchemaVersion = 7

// Errors Open returns; cmd translates them for the user.
var (
	ErrLocked      = errors.New("database is locked by another process")
	ErrNotDatabase = errors.New("not a tiepdan database")
	ErrPermission  = errors.New("no permission to open the database")
	ErrReadOnly    = errors.New("database is on a read-only disk")
	ErrNewerSchema = errors.New("database was written by a newer tiepdan")
	// ErrOlderSchema: a read-only open (check) of a file an older tiepdan
	// wrote; opening it to work migrates it.
	ErrOlderSchema = errors.New("database was written by an older tiepdan")
)

var (
	bMeta     = []byte("meta")
	bCounters = []byte("counters")
	bAudit    = []byte("audit")
	bIdx      = []byte("idx")
	kSchema   = []byte("schema")
	kOffice   = []byte("office")
)

// DB is an open tiepdan database. It is safe for concurrent use; every
// exported method runs in its own transaction.
type DB struct {
	readOnly  bool
	bolt      *bolt.DB
	path      string
	now       func() time.Time
	listeners listeners
}

// Options tune Open.
type Options struct {
	// LockTimeout bounds the wait for another process's lock (default 2 s).
	LockTimeout time.Duration
	// Now replaces the clock (tests).
	Now func() time.Time
	// NoSync skips fsync on commit (bulk loads and benchmarks only).
	NoSync bool
	// ReadOnly opens the file without writing to it (check, backup of a
	// copy): no migration, no first-run set-up.
	ReadOnly bool
}

// Open opens or creates the database at path, creates the bucket tree and
// the default settings on first use, and checks the schema version. A file
// held by another process, unreadable, not a bbolt file or on a read-only disk
// gives one of the Err values above (wrapped), never a hang or a panic.
func Open(path string, opt Options) (db *DB, err error) {
	if opt.LockTimeout == 0 {
		opt.LockTimeout = 2 * time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	st, serr := os.Stat(path)
	if serr == nil && st.IsDir() {
		return nil, fmt.Errorf("%w: %s is a folder", ErrNotDatabase, path)
	}
	if err := precheck(path); err != nil {
		return nil, err
	}
	created := errors.Is(serr, os.ErrNotExist)
	if !created && !opt.ReadOnly {
		// identities destroyed since the last opening leave no copy in a
		// freed page: the file is rewritten first
		if err := guard(func() error { return compactIfAsked(path, opt) }); err != nil {
			return nil, err
		}
	}
	defer func() {
		if err != nil && created {
			// a first run that failed (a full disk) leaves no empty file
			// behind to be refused next time
			if st, e := os.Stat(path); e == nil && st.Size() == 0 {
				_ = os.Remove(path)
			}
		}
	}()
	var b *bolt.DB
	err = guard(func() error {
		var oerr error
		if opt.ReadOnly && created {
			return os.ErrNotExist // nothing to read, and nothing is made
		}
		b, oerr = bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.LockTimeout, NoSync: opt.NoSync,
			FreelistType: bolt.FreelistMapType, ReadOnly: opt.ReadOnly})
		return oerr
	})
	if err != nil {
		return nil, classifyOpenError(err)
	}
	db = &DB{bolt: b, path: path, now: opt.Now, readOnly: opt.ReadOnly}
	if err := guard(db.init); err != nil {
		b.Close()
		return nil, err
	}
	return db, nil
}

func classifyOpenError(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("%w: %v", ErrLocked, err)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum):
		return fmt.Errorf("%w: %v", ErrNotDatabase, err)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%w: %v", ErrReadOnly, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%w: %v", ErrPermission, err)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%w: %v", ErrNotDatabase, err)
	}
	return err
}

// Path returns the file the database lives in.
func (db *DB) Path() string { return db.path }

// Close closes the file. Nothing may use db afterwards.
func (db *DB) Close() error { return db.bolt.Close() }

// Sync flushes the file to disk (after a NoSync bulk load).
func (db *DB) Sync() error { return db.bolt.Sync() }

// init checks the schema of an existing database, or lays out a new one. An
// existing bbolt file that is not ours is refused rather than written to.
func (db *DB) init() error {
	var schema uint32
	foreign := false
	if err := db.view(func(tx *bolt.Tx) error {
		if m := tx.Bucket(bMeta); m != nil {
			if v := m.Get(kSchema); len(v) == 4 {
				schema = binary.BigEndian.Uint32(v)
			}
		}
		if schema == 0 {
			foreign = tx.ForEach(func([]byte, *bolt.Bucket) error { return errStop }) != nil
		}
		return nil
	}); err != nil {
		return err
	}
	switch {
	case schema > SchemaVersion:
		return &NewerSchemaError{File: schema, Program: SchemaVersion}
	case schema == SchemaVersion:
		return db.checkBuckets()
	case db.readOnly && schema >= 1:
		return fmt.Errorf("%w: schema %d, this program writes %d", ErrOlderSchema, schema, SchemaVersion)
	case db.readOnly:
		return fmt.Errorf("%w: no tiepdan schema", ErrNotDatabase)
	case schema >= 1 && schema < SchemaVersion:
		if err := db.backupBeforeMigration(schema); err != nil {
			return classifyOpenError(err)
		}
		if schema < 5 {
			if err := db.update(func(tx *bolt.Tx) error { return migrate(tx, schema, db.now()) }); err != nil {
				return classifyOpenError(err)
			}
		}
		if schema < 6 {
			if err := db.migrate5to6(db.now()); err != nil {
				return classifyOpenError(err)
			}
		}
		if err := db.update(migrate6to7); err != nil {
			return classifyOpenError(err)
		}
		return nil
	case foreign:
		return fmt.Errorf("%w: bbolt file without tiepdan's buckets", ErrNotDatabase)
	}
	err := db.update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bMeta, bCounters, bAudit, bStaff, bProtected} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		for _, t := range tables() {
			if _, err := tx.CreateBucketIfNotExists(t.bucket); err != nil {
				return err
			}
		}
		idx, err := tx.CreateBucketIfNotExists(bIdx)
		if err != nil {
			return err
		}
		for _, name := range indexNames() {
			if _, err := idx.CreateBucketIfNotExists([]byte(name)); err != nil {
				return err
			}
		}
		off := model.DefaultOffice()
		off.CreatedAt, off.UpdatedAt = db.now().UTC(), db.now().UTC()
		if err := putValue(tx.Bucket(bMeta), kOffice, &off); err != nil {
			return err
		}
		if err := seedProcedures(tx, db.now().UTC()); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, binary.BigEndian.AppendUint32(nil, SchemaVersion))
	})
	if err != nil {
		return classifyOpenError(err)
	}
	return nil
}

var errStop = errors.New("stop")

// NewerSchemaError says which data schema a file needs: a newer program
// wrote it, and this one must not touch it. It matches ErrNewerSchema.
type NewerSchemaError struct{ File, Program uint32 }

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("%v: schema %d > %d", ErrNewerSchema, e.File, e.Program)
}

// Is makes errors.Is(err, ErrNewerSchema) hold.
func (e *NewerSchemaError) Is(target error) bool { return target == ErrNewerSchema }

// checkBuckets makes sure every bucket the program reads is there: a file
// with one missing is damaged, refused at the door rather than failing in
// the middle of a register's print.
func (db *DB) checkBuckets() error {
	return db.view(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bMeta, bCounters, bAudit, bStaff, bProtected} {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("%w: bucket %q missing", ErrDamaged, name)
			}
		}
		for _, t := range tables() {
			if tx.Bucket(t.bucket) == nil {
				return fmt.Errorf("%w: bucket %q missing", ErrDamaged, t.bucket)
			}
		}
		idx := tx.Bucket(bIdx)
		if idx == nil {
			return fmt.Errorf("%w: bucket %q missing", ErrDamaged, bIdx)
		}
		for _, name := range indexNames() {
			if idx.Bucket([]byte(name)) == nil {
				return fmt.Errorf("%w: index %q missing", ErrDamaged, name)
			}
		}
		return nil
	})
}

// For returns the Store through which the local user actor works: local
// mode (no server) runs as the OS user with the administrator's role and the
// permission to see protected identities, as the only person at that PC.
func (db *DB) For(actor string) *Store {
	return &Store{db: db, actor: actor, role: model.RoleAdmin, seeProtected: true, local: true, keys: &sessionKey{}}
}

// As returns the Store through which staff member st works in a server
// session: st's role and permission decide what it may read.
func (db *DB) As(st model.Staff) *Store {
	return &Store{db: db, actor: st.Username, name: st.FullName, role: st.Role, seeProtected: st.SeeProtected, keys: &sessionKey{}}
}
