package storage

import (
	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
)

func officeIn(tx *bolt.Tx) (model.Office, error) {
	var o model.Office
	err := decode(tx.Bucket(bMeta).Get(kOffice), &o)
	return o, err
}

// autoDate decides a deadline field kept by the rules table: given the date
// the rule gives (want, from rule ref), the date on the record (got) and
// what was stored before, it returns the date and the rule ref to store.
// An empty date is computed; a date that was computed before stays with its
// rule version while the inputs are the same and follows them when they
// change; a date the clerk typed is kept, with no rule.
func autoDate(got, want model.Date, ref string, hasPrev bool, prevDate model.Date, prevRef string, sameInputs bool) (model.Date, string) {
	switch {
	case want.IsZero():
		if hasPrev && got == prevDate && prevRef != "" {
			return 0, "" // no rule applies any more (the visit needs no reply)
		}
		return got, ""
	case got.IsZero():
		return want, ref
	case hasPrev && got == prevDate && prevRef != "":
		if sameInputs {
			return got, prevRef
		}
		return want, ref
	case got == want:
		return got, ref
	}
	return got, ""
}

// petitionDue fills in a petition's deadline from the office's rules table
// (DESIGN §4) and records the rule version that gave it.
func petitionDue(tx *bolt.Tx, p, prev *model.Petition) error {
	o, err := officeIn(tx)
	if err != nil {
		return err
	}
	cal := calendar.ForOffice(o)
	want, rule, ok := cal.PetitionDue(o.Deadlines(), p)
	ref := ""
	if ok {
		ref = rule.Ref()
	} else {
		want = 0
	}
	same := false
	if prev != nil {
		k, f := p.PetitionDeadline()
		pk, pf := prev.PetitionDeadline()
		same = k == pk && f == pf && p.Extensions == prev.Extensions
	}
	var pd model.Date
	var pr string
	if prev != nil {
		pd, pr = prev.Due, prev.DueRule
	}
	p.Due, p.DueRule = autoDate(p.Due, want, ref, prev != nil, pd, pr, same)
	return nil
}

// followUpDue fills in the date a visit's reply is owed by, from the reply
// rule, for visits that owe one.
func followUpDue(tx *bolt.Tx, r, prev *model.Reception) error {
	o, err := officeIn(tx)
	if err != nil {
		return err
	}
	var want model.Date
	ref := ""
	if r.Handling.OwesReply() && !r.At.IsZero() {
		if rule, ok := model.DeadlineRuleAt(o.Deadlines(), model.DeadlineReply, r.Date()); ok {
			want, ref = calendar.ForOffice(o).Deadline(rule, r.Date()), rule.Ref()
		}
	}
	var pd model.Date
	var pr string
	same := false
	if prev != nil {
		pd, pr = prev.FollowUpDue, prev.FollowUpRule
		same = r.Date() == prev.Date() && r.Handling == prev.Handling
	}
	r.FollowUpDue, r.FollowUpRule = autoDate(r.FollowUpDue, want, ref, prev != nil, pd, pr, same)
	return nil
}

// supplements files a request for supplements when the status turns to
// "supplement requested" and closes it (the clock starts again) when the
// status leaves it; the requests themselves are the store's to keep, so a
// form cannot rewrite them.
func supplements(d, prev *model.Dossier, today model.Date) {
	if prev == nil {
		d.Supplements = nil
		if d.Status == model.DossierSupplement {
			d.Supplements = []model.Supplement{{Requested: d.Received(), Items: d.SupplementItems}}
		}
		return
	}
	d.Supplements = append([]model.Supplement(nil), prev.Supplements...)
	n := len(d.Supplements)
	open := n > 0 && d.Supplements[n-1].Resumed.IsZero()
	switch {
	case d.Status == model.DossierSupplement && !open:
		d.Supplements = append(d.Supplements, model.Supplement{Requested: today, Items: d.SupplementItems})
	case d.Status == model.DossierSupplement && open:
		d.Supplements[n-1].Items = d.SupplementItems
	case open:
		resumed := today
		if !d.Resolved.IsZero() && d.Resolved < today {
			resumed = d.Resolved
		}
		d.Supplements[n-1].Resumed = max(resumed, d.Supplements[n-1].Requested)
	}
}
