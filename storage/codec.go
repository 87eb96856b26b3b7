package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// codecJSON1 is the first byte of every stored value: JSON of the model
// record with its short field tags. A future encoding gets a new byte and a
// migration; decode refuses bytes it does not know rather than guess.
const codecJSON1 = 1

func encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append([]byte{codecJSON1}, b...), nil
}

func decode(b []byte, v any) error {
	if len(b) == 0 || b[0] != codecJSON1 {
		return fmt.Errorf("%w: unknown value encoding", ErrDamaged)
	}
	if err := json.Unmarshal(b[1:], v); err != nil {
		// a stored value that does not read back is damage, not input
		return fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return nil
}

func putValue(b *bolt.Bucket, key []byte, v any) error {
	enc, err := encode(v)
	if err != nil {
		return err
	}
	return b.Put(key, enc)
}

func u64(n uint64) []byte { return binary.BigEndian.AppendUint64(nil, n) }

func dateKey(d int32) []byte { return binary.BigEndian.AppendUint32(nil, uint32(d)+1<<31) }

func keyDate(b []byte) int32 { return int32(binary.BigEndian.Uint32(b) - 1<<31) }
