package i18n

import "testing"

// TestNoKeyInTwoParts: the catalogue is merged from parts; a key given in
// two of them would silently take the later one's text (a survey's
// "Returned" once renamed every dossier's handback date "Số phiếu thu về").
func TestNoKeyInTwoParts(t *testing.T) {
	for lang, parts := range map[string][]map[string]string{
		"vi": {viApp(), viReport(), viServer(), viVault(), viFriendly(), viDesk(), vietnameseNational()},
		"en": {enApp(), enReport(), enServer(), enVault(), enFriendly(), enDesk(), englishNational()},
	} {
		seen := map[string]int{}
		for i, part := range parts {
			for k := range part {
				if j, ok := seen[k]; ok {
					t.Errorf("%s: %q is in part %d and part %d", lang, k, j, i)
				}
				seen[k] = i
			}
		}
	}
}
