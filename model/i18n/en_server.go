package i18n

// enServer is viServer in English.
func enServer() map[string]string {
	return map[string]string{
		"err.username":          "only a-z, digits, . _ -, starting with a letter, at most 32 characters",
		"err.protected_offline": "the office keeps no identity of denouncers; record the paper file number only",
		"err.protected_link":    "a denunciation must not be linked to a citizen record, to protect the denouncer",
		"err.duplicate_user":    "this username is taken",
		"err.permission":        "You are not allowed to do this.",
		"err.conflict_by":       "%s saved this record at %s, after you opened it.",
		"err.conflict_fields":   "They changed: %s.",
		"err.conflict_keep":     "What you typed is kept; fields you did not touch now show their values. Check, then press F2 to save.",
		"err.conflict_same":     "They changed no field of this form. Press F2 to save again.",

		"field.Protected": "Denouncer protection", "field.PaperRef": "Paper file no.",
		"field.Identity": "Denouncer's identity", "field.IdentityName": "Denouncer's name",
		"field.IdentityIDNumber": "Denouncer's ID number", "field.IdentityPhone": "Denouncer's phone",
		"field.IdentityAddress": "Denouncer's address",
		"field.Username":        "Username", "field.Title": "Title", "field.Role": "Role",
		"field.SeeProtected": "May see protected identities", "field.Keys": "SSH keys",
		"field.PasswordHash": "Password", "field.Disabled": "Disabled",
		"protmode.offline":    "Keep no identity (default)",
		"protmode.restricted": "Keep apart, permitted staff only",
		"role.clerk":          "Clerk", "role.leader": "Leader", "role.admin": "Administrator",

		"protect.offline_note":    "Denunciation: no identity of the denouncer is kept (Law on Denunciation). Record the paper file number only.",
		"protect.restricted_note": "Denunciation: the identity is kept apart, for permitted staff only; every view is logged.",
		"protect.shown_audited":   "This view of the identity was logged.",
		"protect.key_show":        "Show identity",
		"protect.none":            "(no identity kept)",
	}
}
