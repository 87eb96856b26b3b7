package i18n

// englishNational are the texts of the national statistical forms.
func englishNational() map[string]string {
	return map[string]string{
		"rpt.sec.national": "National statistical forms",
		"nat.t.tcd":        "Citizen reception: regular, periodic and ad hoc",
		"nat.t.xld":        "Processing of complaints, denunciations, proposals and reflections",
		"nat.t.kn":         "Processing of complaints",
		"nat.t.tc":         "Processing of denunciations",
		"nat.t.knpa":       "Processing of proposals and reflections",
		"nat.t.kqgq":       "Resolution of complaints and denunciations within jurisdiction",
		"nat.t.tthc":       "Administrative procedures: dossiers and results",
		"nat.l.unit":       "Unit", "nat.l.kind": "Kind", "nat.l.field": "Field",

		"nat.h.total": "Total", "nat.h.visits": "Visits", "nat.h.people": "People",
		"nat.h.cases": "Cases", "nat.h.first": "First received", "nat.h.repeat": "Received again",
		"nat.h.regular": "Regular reception", "nat.h.groups": "Groups", "nat.h.group_n": "Groups",
		"nat.h.leader": "Head's periodic and ad hoc reception", "nat.h.head": "Head in person",
		"nat.h.deleg": "Delegated", "nat.h.sessions": "Sessions",
		"nat.h.to_process": "Petitions", "nat.h.carried": "Carried over", "nat.h.received": "Received",
		"nat.h.processed": "Processed", "nat.h.unprocessed": "Not processed",
		"nat.h.eligible": "Eligible", "nat.h.petitions": "Petitions",
		"nat.h.by_content": "By content", "nat.h.by_status": "By status",
		"nat.h.done": "Resolved", "nat.h.doing": "Being resolved", "nat.h.not_started": "Not started",
		"nat.h.result": "Result", "nat.h.in_jur": "Within jurisdiction", "nat.h.not_in_jur": "Outside jurisdiction",
		"nat.h.guided": "Guided", "nat.h.transferred": "Transferred", "nat.h.reminded": "Reminded",
		"nat.h.replies": "Replies received on transfers",
		"nat.h.admin":   "Administration", "nat.h.other": "Other", "nat.h.of_which": "Of which",
		"nat.h.in_jur_cases": "Petitions within jurisdiction", "nat.h.resolved": "Resolved",
		"nat.h.withdrawn": "Withdrawn", "nat.h.decided": "Decided", "nat.h.outcome": "Outcome",
		"nat.h.no_outcome": "No outcome recorded", "nat.h.deadline": "Deadline", "nat.h.on_time": "On time",
		"nat.h.late": "Late", "nat.h.pending": "Pending", "nat.h.recovered": "Recovery recommended",
		"nat.h.disciplined":   "People recommended for discipline",
		"nat.h.received_tthc": "Dossiers to resolve", "nat.h.online": "Online",
		"nat.h.direct_postal": "Direct and postal", "nat.h.early": "Early",
		"nat.h.in_time": "In time",

		"nat.blank":             "Column (%d) left blank: %s.",
		"nat.why.reminded":      "the registers do not record reminders on transferred petitions",
		"nat.why.replies":       "the registers do not record replies",
		"nat.why.recovered":     "the registers do not record amounts recommended for recovery",
		"nat.why.disciplined":   "the registers do not record people recommended for discipline",
		"nat.checks_ok":         "All %d check rows of the national forms hold.",
		"nat.checks_bad":        "%d of %d check rows of the national forms do not hold.",
		"summary.view_national": "Form %s",
		"summary.key.sideways":  "Scroll sideways",
	}
}
