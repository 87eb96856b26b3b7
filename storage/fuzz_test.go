package storage

import (
	"bytes"
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

// Reading and checking an export of any bytes never panics.
func FuzzReadExport(f *testing.F) {
	f.Add([]byte(`{"format":"tiepdan-export","version":1,"schema":6,"office":{},"staff":[],"counters":{},"citizens":[{"id":1,"v":1,"name":"A"}],"sessions":[],"receptions":[{"id":1,"v":1,"cit":1,"cases":[7]}],"petitions":[],"dossiers":[],"procedures":[],"cases":[],"audit":[{"seq":2}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"format":"tiepdan-export","version":1,"schema":6,"dossiers":[{"id":1,"v":1,"ap":[{}],"sup":[{}]}]}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, b []byte) {
		x, err := ReadExport(bytes.NewReader(b))
		if err != nil {
			return
		}
		_ = x.validate()
	})
}
