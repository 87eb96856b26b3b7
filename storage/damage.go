package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// ErrDamaged is matched (errors.Is) when the file is a tiepdan database
// that cannot be read whole: cut short, a bucket missing, a page that does
// not decode. Nothing is written to such a file; restore the last backup.
var ErrDamaged = model.ErrDamaged

// ErrEmpty is matched when the file exists and holds nothing: it is
// refused, never silently made into a new office.
var ErrEmpty = errors.New("database file is empty")

// bbolt's meta page, as laid out in every bbolt file: a page header of 16
// bytes, then magic, version, page size, flags, the root bucket (16),
// the freelist page, the high-water page id, the transaction id and an
// FNV-64a checksum of what comes before it.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	metaOff        = 16
	metaChecksumAt = metaOff + 56
)

type boltMeta struct {
	pageSize uint32
	pgid     uint64
	txid     uint64
}

func readMeta(b []byte) (boltMeta, bool) {
	if len(b) < metaChecksumAt+8 {
		return boltMeta{}, false
	}
	le := binary.LittleEndian
	if le.Uint32(b[metaOff:]) != boltMagic || le.Uint32(b[metaOff+4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(b[metaOff:metaChecksumAt])
	if h.Sum64() != le.Uint64(b[metaChecksumAt:]) {
		return boltMeta{}, false
	}
	return boltMeta{pageSize: le.Uint32(b[metaOff+8:]), pgid: le.Uint64(b[metaOff+40:]), txid: le.Uint64(b[metaOff+48:])}, true
}

// precheck looks at an existing file before bbolt maps it: bbolt reads
// past the end of a file cut short and the process dies of a memory fault
// no recover can catch. It returns nil for a file that does not exist yet
// (a first run creates it).
func precheck(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return nil // bbolt's own open says what is wrong (permission…)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return nil
	}
	size := st.Size()
	if size == 0 {
		return fmt.Errorf("%w: 0 bytes", ErrEmpty)
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	m0, ok0 := readMeta(head[:n])
	var best boltMeta
	found := false
	if ok0 {
		best, found = m0, true
	}
	// the second meta page sits one page in; its size is the first's, or
	// the common 4 KiB when the first is unreadable
	ps := int64(4096)
	if ok0 {
		ps = int64(m0.pageSize)
	}
	second := make([]byte, 4096)
	if n, _ := f.ReadAt(second, ps); n > 0 {
		if m1, ok := readMeta(second[:n]); ok && (!found || m1.txid > best.txid) {
			best, found = m1, true
		}
	}
	if !found {
		if size < 2*ps {
			return fmt.Errorf("%w: %d bytes, no valid meta page", ErrDamaged, size)
		}
		return fmt.Errorf("%w: no valid bbolt meta page", ErrNotDatabase)
	}
	if need := int64(best.pgid) * int64(best.pageSize); size < need {
		return fmt.Errorf("%w: %d bytes, the file says %d", ErrDamaged, size, need)
	}
	return nil
}

// view and update run a bbolt transaction turning any fault while reading
// the mapped file (random bytes in a page, a slice out of bounds in a
// decoder, a memory fault) into ErrDamaged, so a damaged page ends one
// request with a clear message, never the program or another session.
func (db *DB) view(fn func(*bolt.Tx) error) error {
	return guard(func() error { return db.bolt.View(fn) })
}

func (db *DB) update(fn func(*bolt.Tx) error) error {
	return guard(func() error { return db.bolt.Update(fn) })
}

// guard runs fn with the same protection (an open, a migration, a load):
// for this goroutine a memory fault inside the mapped file panics instead
// of ending the process, and the panic is recovered as ErrDamaged.
func guard(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	return fn()
}
