package bench

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/storage"
)

// BenchmarkSaveDenunciation: saving a denunciation on the generated office
// (without fsync, so the cost measured is the program's): "paper" records
// the paper file only (offline mode), "sealed" also an identity of four
// parts, each sealed with the office's key (restricted mode). The ratio of
// the two is what sealing costs a save.
func BenchmarkSaveDenunciation(b *testing.B) {
	b.Run("raw-bbolt", func(b *testing.B) {
		// the baseline: bbolt alone putting a value of a petition's size in
		// one transaction each, on the same file
		path := filepath.Join(b.TempDir(), "raw.db")
		if err := copyFile(database(b), path); err != nil {
			b.Fatal(err)
		}
		db, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		defer db.Close()
		val := bytes.Repeat([]byte("x"), 700)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := db.Update(func(tx *bolt.Tx) error {
				bk, err := tx.CreateBucketIfNotExists([]byte("raw"))
				if err != nil {
					return err
				}
				seq, _ := bk.NextSequence()
				return bk.Put(binary.BigEndian.AppendUint64(nil, seq), val)
			}); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, mode := range []string{"paper", "sealed"} {
		b.Run(mode, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "save.db")
			if err := copyFile(database(b), path); err != nil {
				b.Fatal(err)
			}
			db, err := storage.Open(path, storage.Options{Now: func() time.Time { return End }, NoSync: true})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			s := db.For("bench")
			if mode == "sealed" {
				o, _ := s.Office()
				o.Protected, o.Passphrase = model.ProtectedRestricted, "mật khẩu đo tốc độ"
				if err := s.SaveOffice(&o); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				p := model.Petition{Received: model.DateOf(End), Source: model.SourcePost, Summary: "Tố cáo cán bộ",
					Content: model.ContentDenunciation, Field: model.FieldLand, Eligibility: model.EligibilityEligible,
					InJurisdiction: true, Status: model.PetitionHandling, Protection: model.Protection{PaperRef: "TC-1"}}
				if mode == "sealed" {
					p.Identity = &model.Identity{FullName: "Nguyễn Thị Kín", IDNumber: "001299012345",
						Phone: "0987654321", Address: "Thôn Đông"}
				}
				if err := s.SavePetition(&p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
