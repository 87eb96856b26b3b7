package i18n

// enDesk is viDesk in English.
func enDesk() map[string]string {
	return map[string]string{
		"field.FollowUpRule":    "Reply deadline rule",
		"field.Replied":         "Replied on",
		"field.Accepted":        "Accepted on",
		"field.Complex":         "Complex case",
		"field.Extensions":      "Extensions",
		"field.DueRule":         "Deadline rule",
		"field.Documents":       "Documents received",
		"field.Supplements":     "Supplement requests",
		"field.SupplementItems": "Supplements needed",
		"field.ResultPlace":     "Results collected at",
		"field.DeadlineRules":   "Deadline rules",
		"field.NewDue":          "New appointment",
		"field.Issued":          "Issued on",
		"field.ApologyReason":   "Reason for the delay",
		"field.DeadlineKey":     "Deadline",
		"field.CountMode":       "Counted in",
		"field.DeadlineDays":    "Days",
		"field.Basis":           "Legal basis",
		"field.DeadlineFrom":    "In force from",

		"deadline.classify":          "Classify a petition",
		"deadline.denounce_initial":  "Denunciation: register, initial handling",
		"deadline.complaint_accept":  "Complaint: accept",
		"deadline.complaint_resolve": "Complaint, first instance: resolve",
		"deadline.complaint_complex": "Complex complaint: resolve",
		"deadline.denounce_resolve":  "Denunciation: resolve",
		"deadline.denounce_extend":   "Denunciation: each extension",
		"deadline.reply":             "Reply to a citizen received",
		"deadline.manual":            "set by the clerk",
		"deadline.rule":              "%s: %d %s",
		"deadline.from":              ", in force from %s",
		"deadline.due_label":         "Due (empty: by the rules)",
		"dossier.supplement_open":    "%s, waiting for: %s",
		"dossier.supplement_done":    "%s to %s: %s",
		"dossier.apology_line":       "issued %s, new date %s (%s)",
		"count.working":              "working days",
		"count.calendar":             "days",
	}
}
