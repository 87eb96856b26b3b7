package i18n

// enVault is viVault in English.
func enVault() map[string]string {
	return map[string]string{
		"err.passphrase_needed":     "denouncers' identities are encrypted under a passphrase the office has not set yet: an administrator allowed to see identities sets it in Settings (F12), \"Identity passphrase\"",
		"err.passphrase_first":      "in restricted mode denouncers' identities are encrypted: set a passphrase (at least %d characters) to make the key. Only holders of a passphrase can read identities; if all of them forget it, nobody can",
		"err.passphrase_length":     "the passphrase needs at least %d characters",
		"err.passphrase_locked":     "this session has not opened the protected identities: type your current passphrase first (\"Your passphrase\", or ^K on a denunciation)",
		"err.passphrase_grant":      "granting the permission needs a passphrase typed by the person granted (at least 8 characters): only it opens the identities for them",
		"err.passphrase_permission": "only staff allowed to see denouncers' identities may set the passphrase",
		"err.passphrase_none":       "you have no passphrase yet (granted before the office encrypted identities): ask an administrator to grant the permission again and type your passphrase then",
		"err.passphrase_wrong":      "wrong passphrase",
		"err.protected_locked":      "the denouncer's identity is encrypted: press ^K and type your passphrase",
		"err.wait_until":            "too many wrong tries: try again after %s",
		"field.Passphrase":          "Passphrase",
		"field.HasPassphrase":       "Has a passphrase",
		"field.MyPassphrase":        "Your passphrase",
		"setup.passphrase":          "Identity passphrase (set/change)",
		"admin.grant_passphrase":    "Passphrase (typed by the person granted)",
		"admin.no_passphrase":       "no passphrase",
		"cli.user_grant_prompt":     "Identity passphrase of %s (typed by them): ",
		"cli.user_holder_prompt":    "Passphrase of someone who already holds the permission (to open the key): ",
		"protect.unlock_title":      "Open protected identities",
	}
}
