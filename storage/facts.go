package storage

import (
	"encoding/binary"
	"fmt"

	"github.com/tiepdan/tiepdan/model"
)

// Facts values: the date.<kind> and closed.<kind> index entries carry the
// record's model facts as their value, so a period summary is a scan of
// index pages and never decodes a record. The encoding is a version byte
// (factsV1), fixed-width dates (int32, big-endian), a flags byte, then
// strings as uvarint length and bytes. Enum codes are stored as their text,
// so reordering an enum never changes what a stored value means.
const factsV1 = 1

type factsWriter struct{ b []byte }

func (w *factsWriter) date(d model.Date) { w.b = binary.BigEndian.AppendUint32(w.b, uint32(int32(d))) }
func (w *factsWriter) str(s string) {
	w.b = binary.AppendUvarint(w.b, uint64(len(s)))
	w.b = append(w.b, s...)
}

type factsReader struct {
	b   []byte
	err error
}

func (r *factsReader) byte() byte {
	if len(r.b) < 1 {
		r.fail()
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *factsReader) date() model.Date {
	if len(r.b) < 4 {
		r.fail()
		return 0
	}
	v := int32(binary.BigEndian.Uint32(r.b))
	r.b = r.b[4:]
	return model.Date(v)
}

func (r *factsReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// raw returns the next string's bytes, valid only inside the transaction.
func (r *factsReader) raw() []byte {
	n := r.uvarint()
	if uint64(len(r.b)) < n {
		r.fail()
		return nil
	}
	s := r.b[:n]
	r.b = r.b[n:]
	return s
}

func (r *factsReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("%w: truncated index value", ErrNotDatabase)
	}
	r.b = nil
}

// enum returns the known value equal to b without allocating, or a copy of b
// for a code this version does not know.
func enum[T ~string](b []byte, known []T) T {
	for _, k := range known {
		if string(k) == string(b) {
			return k
		}
	}
	return T(b)
}

func sessionFactsValue(s *model.ReceptionSession) []byte {
	f := s.Facts()
	w := factsWriter{b: []byte{factsV1}}
	w.date(f.Date)
	w.str(string(f.Kind))
	// Schema 6: the id and whether the session was delegated.
	w.b = binary.AppendUvarint(w.b, f.ID)
	w.b = append(w.b, flag(f.Delegated, 0))
	w.str(f.Presiding)
	return w.b
}

func receptionFactsValue(v *model.Reception) []byte {
	f := v.Facts()
	w := factsWriter{b: []byte{factsV1}}
	w.date(f.Date)
	w.b = binary.AppendUvarint(w.b, uint64(max(f.HeadCount, 0)))
	w.b = append(w.b, flag(f.LandDispute, 0))
	for _, s := range []string{string(f.Kind), string(f.Content), string(f.Field), string(f.Matter), string(f.Handling)} {
		w.str(s)
	}
	// Schema 6: the cases, a count then the ids (absent in older values).
	w.b = binary.AppendUvarint(w.b, uint64(len(f.CaseIDs)))
	for _, id := range f.CaseIDs {
		w.b = binary.AppendUvarint(w.b, id)
	}
	w.b = binary.AppendUvarint(w.b, f.SessionID)
	return w.b
}

func petitionFactsValue(p *model.Petition) []byte {
	f := p.Facts()
	w := factsWriter{b: []byte{factsV1}}
	w.date(f.Received)
	w.date(f.Due)
	w.date(f.Closed)
	w.b = append(w.b, flag(f.LandDispute, 0)|flag(f.InJurisdiction, 1))
	for _, s := range []string{string(f.Status), string(f.Content), string(f.Field), string(f.Eligibility)} {
		w.str(s)
	}
	// Schema 6: what the national forms count.
	w.date(f.Accepted)
	w.b = binary.AppendUvarint(w.b, f.CaseID)
	for _, s := range []string{string(f.Outcome), string(f.Sector), string(f.Conduct)} {
		w.str(s)
	}
	return w.b
}

func dossierFactsValue(d *model.Dossier) []byte {
	f := d.Facts()
	w := factsWriter{b: []byte{factsV1}}
	w.date(f.Received)
	w.date(f.Due)
	w.date(f.Closed)
	w.b = append(w.b, flag(f.Apology, 0))
	for _, s := range []string{string(f.Status), string(f.Channel), string(f.Field), f.Procedure} {
		w.str(s)
	}
	// Schema 7: the catalogue entry, the electronic system, the rating and
	// the handback date (absent in older values).
	w.b = binary.AppendUvarint(w.b, f.ProcedureID)
	w.b = append(w.b, flag(f.InSystem, 0))
	w.str(string(f.Rating))
	w.date(f.Returned)
	return w.b
}

func flag(b bool, bit uint) byte {
	if b {
		return 1 << bit
	}
	return 0
}

// newReader starts reading a facts value. It returns the reader by value,
// so decoding a record's facts allocates nothing for the reader itself.
func newReader(v []byte) factsReader {
	r := factsReader{b: v}
	if r.byte() != factsV1 && r.err == nil {
		r.err = fmt.Errorf("%w: unknown index value version", ErrNotDatabase)
	}
	return r
}

func decodeSessionFacts(v []byte) (model.SessionFacts, error) {
	r := newReader(v)
	f := model.SessionFacts{Date: r.date()}
	f.Kind = enum(r.raw(), model.SessionKinds())
	if len(r.b) > 0 {
		f.ID = r.uvarint()
		f.Delegated = r.byte()&1 != 0
		f.Presiding = string(r.raw())
	}
	return f, r.err
}

func decodeReceptionFacts(v []byte) (model.ReceptionFacts, error) {
	r := newReader(v)
	f := model.ReceptionFacts{Date: r.date(), HeadCount: int(r.uvarint())}
	fl := r.byte()
	f.LandDispute = fl&1 != 0
	f.Kind = enum(r.raw(), model.ReceptionKinds())
	f.Content = enum(r.raw(), model.ContentKinds())
	f.Field = enum(r.raw(), model.Fields())
	f.Matter = enum(r.raw(), model.Matters())
	f.Handling = enum(r.raw(), model.Handlings())
	if len(r.b) > 0 {
		n := r.uvarint()
		if n > uint64(len(r.b)) {
			r.fail()
		}
		for i := uint64(0); i < n && r.err == nil; i++ {
			f.CaseIDs = append(f.CaseIDs, r.uvarint())
		}
		if len(r.b) > 0 {
			f.SessionID = r.uvarint()
		}
	}
	return f, r.err
}

func decodePetitionFacts(v []byte) (model.PetitionFacts, error) {
	r := newReader(v)
	f := model.PetitionFacts{Received: r.date(), Due: r.date(), Closed: r.date()}
	fl := r.byte()
	f.LandDispute, f.InJurisdiction = fl&1 != 0, fl&2 != 0
	f.Status = enum(r.raw(), model.PetitionStatuses())
	f.Content = enum(r.raw(), model.ContentKinds())
	f.Field = enum(r.raw(), model.Fields())
	f.Eligibility = enum(r.raw(), model.Eligibilities())
	if len(r.b) > 0 {
		f.Accepted = r.date()
		f.CaseID = r.uvarint()
		f.Outcome = enum(r.raw(), model.Outcomes())
		f.Sector = enum(r.raw(), model.Sectors())
		f.Conduct = enum(r.raw(), model.Conducts())
	} else {
		f.Sector = model.SectorOf(f.Field)
	}
	return f, r.err
}

// dossierDecoder decodes dossier facts keeping one copy of each procedure
// name for the whole scan (a year holds tens of thousands of dossiers and a
// few dozen procedures).
func dossierDecoder() func([]byte) (model.DossierFacts, error) {
	names := map[string]string{}
	return func(v []byte) (model.DossierFacts, error) {
		f, raw, err := decodeDossierFactsRaw(v)
		if s, ok := names[string(raw)]; ok {
			f.Procedure = s
		} else {
			f.Procedure = string(raw)
			names[f.Procedure] = f.Procedure
		}
		return f, err
	}
}

func decodeDossierFacts(v []byte) (model.DossierFacts, error) {
	f, raw, err := decodeDossierFactsRaw(v)
	f.Procedure = string(raw)
	return f, err
}

// decodeDossierFactsRaw decodes the facts but the procedure name, returned
// as bytes valid only inside the transaction.
func decodeDossierFactsRaw(v []byte) (model.DossierFacts, []byte, error) {
	r := newReader(v)
	f := model.DossierFacts{Received: r.date(), Due: r.date(), Closed: r.date()}
	f.Apology = r.byte()&1 != 0
	f.Status = enum(r.raw(), model.DossierStatuses())
	f.Channel = enum(r.raw(), model.Channels())
	f.Field = enum(r.raw(), model.Fields())
	raw := r.raw()
	if len(r.b) > 0 {
		f.ProcedureID = r.uvarint()
		f.InSystem = r.byte()&1 != 0
		f.Rating = enum(r.raw(), model.Ratings())
		f.Returned = r.date()
	}
	return f, raw, r.err
}
