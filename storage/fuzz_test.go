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
	d := model.Dossier{ProcedureID: 3, InSystem: true, Rating: model.RatingVery}
	f.Add(dossierFactsValue(&d))
	l := model.Letter{Date: 20000, LetterKind: model.LetterCongrat}
	f.Add(letterEntries(&l)[0].val)
	dl := model.Dialogue{Date: 20000, With: model.WithYouth}
	f.Add(dialogueEntries(&dl)[0].val)
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
		var k keptIdentity
		_ = decode(b, &k)
		var kr keyring
		_ = decode(b, &kr)
		_, _ = readMeta(b)
		// the facts index values carry, older and newer
		_, _ = decodeSessionFacts(b)
		_, _ = decodeReceptionFacts(b)
		_, _ = decodePetitionFacts(b)
		_, _ = decodeDossierFacts(b)
		_, _ = decodeLetterFacts(b)
		_, _ = decodeJSONFacts[model.DialogueFacts](b)
		_, _ = decodeJSONFacts[model.SurveyFacts](b)
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
