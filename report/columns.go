package report

// column is one figure of a row type: its key (catalogue "rpt.col.<key>" for
// the heading, "rpt.short.<key>" for narrow screens) and how to read it.
type column[R any] struct {
	Key string
	Get func(R) int
}

func dossierColumns() []column[DossierRow] {
	return []column[DossierRow]{
		{"total", func(r DossierRow) int { return r.Total }},
		{"carried", func(r DossierRow) int { return r.CarriedOver }},
		{"received", func(r DossierRow) int { return r.Received }},
		{"direct", func(r DossierRow) int { return r.Direct }},
		{"online", func(r DossierRow) int { return r.Online }},
		{"postal", func(r DossierRow) int { return r.Postal }},
		{"post", func(r DossierRow) int { return r.Post }},
		{"resolved", func(r DossierRow) int { return r.Resolved }},
		{"early", func(r DossierRow) int { return r.Early }},
		{"on_time", func(r DossierRow) int { return r.OnTime }},
		{"late", func(r DossierRow) int { return r.Late }},
		{"rejected", func(r DossierRow) int { return r.Rejected }},
		{"withdrawn", func(r DossierRow) int { return r.Withdrawn }},
		{"pending", func(r DossierRow) int { return r.Pending }},
		{"pending_in_time", func(r DossierRow) int { return r.PendingInTime }},
		{"pending_late", func(r DossierRow) int { return r.PendingLate }},
	}
}

func visitColumns() []column[VisitRow] {
	return []column[VisitRow]{
		{"visits", func(r VisitRow) int { return r.Visits }},
		{"people", func(r VisitRow) int { return r.People }},
		{"cases", func(r VisitRow) int { return r.Cases }},
		{"first", func(r VisitRow) int { return r.First }},
		{"repeat", func(r VisitRow) int { return r.Repeat }},
	}
}

func petitionColumns() []column[PetitionRow] {
	return []column[PetitionRow]{
		{"total", func(r PetitionRow) int { return r.Total }},
		{"carried", func(r PetitionRow) int { return r.CarriedOver }},
		{"received", func(r PetitionRow) int { return r.Received }},
		{"eligible", func(r PetitionRow) int { return r.Eligible }},
		{"not_eligible", func(r PetitionRow) int { return r.NotEligible }},
		{"in_jurisdiction", func(r PetitionRow) int { return r.InJurisdiction }},
		{"not_in_jurisdiction", func(r PetitionRow) int { return r.NotInJurisdiction }},
		{"p_resolved", func(r PetitionRow) int { return r.Resolved }},
		{"guided", func(r PetitionRow) int { return r.Guided }},
		{"transferred", func(r PetitionRow) int { return r.Transferred }},
		{"p_withdrawn", func(r PetitionRow) int { return r.Withdrawn }},
		{"archived", func(r PetitionRow) int { return r.Archived }},
		{"p_pending", func(r PetitionRow) int { return r.Pending }},
		{"overdue", func(r PetitionRow) int { return r.Overdue }},
	}
}
