package storage

import (
	"testing"

	"github.com/tiepdan/tiepdan/model"
)

// A stored value damaged in any way decodes to an error, never a panic,
// for every kind of record and for the office.
func FuzzDecode(f *testing.F) {
	for _, v := range []any{&model.Citizen{FullName: "Lê Văn Tám"}, &model.Reception{Summary: "x", CaseIDs: []uint64{1}},
		&model.Petition{}, &model.Dossier{Supplements: []model.Supplement{{}}}, &model.Office{Name: "UBND"}, &model.AuditEvent{}} {
		b, _ := encode(v)
		f.Add(b)
	}
	f.Add([]byte{})
	f.Add([]byte{1, '{'})
	f.Add([]byte{2, '{', '}'})
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, t := range tables() {
			_ = decode(b, t.newRec())
		}
		var o model.Office
		_ = decode(b, &o)
		var e model.AuditEvent
		_ = decode(b, &e)
		_, _ = readMeta(b)
	})
}
