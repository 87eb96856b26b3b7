package common

import (
	"strings"

	"github.com/tiepdan/tiepdan/model"
)

// staffNames holds the office's staff accounts by username, as the root
// last loaded them (at start, and again after an account changes), so
// records, forms and logs name staff by full name ("Nguyễn Thị Hoa")
// rather than by login, without reading the store while drawing.
type staffNames struct {
	byUser map[string]model.Staff
	list   []model.Staff
}

// SetStaff records the accounts as loaded (the root does, off the event
// loop's reads).
func (c *Common) SetStaff(list []model.Staff) {
	c.names = staffNames{byUser: map[string]model.Staff{}}
	for _, st := range list {
		c.names.byUser[st.Username] = st
		if !st.Disabled {
			c.names.list = append(c.names.list, st)
		}
	}
}

// StaffName is how username is named on screen: the account's full name,
// or the username itself when the account has none or is unknown (a
// migration's "tiepdan", an account since removed, accounts not loaded
// yet).
func (c *Common) StaffName(username string) string {
	if st, ok := c.names.byUser[username]; ok && st.FullName != "" {
		return st.FullName
	}
	return username
}

// StaffAccounts returns every enabled account, by username (the choice of
// who received a visit).
func (c *Common) StaffAccounts() []model.Staff {
	return append([]model.Staff(nil), c.names.list...)
}

// LeaderNames are the office's leaders who preside (settings); an office
// that has not named them yet picks from its signer and the two titles.
func (c *Common) LeaderNames() []string {
	names := append([]string(nil), c.Office.Leaders...)
	if len(names) == 0 {
		if c.Office.SignerName != "" {
			names = append(names, strings.TrimSpace(c.Office.SignerTitle+" "+c.Office.SignerName))
		}
		names = append(names, c.T("session.chair"), c.T("session.vice_chair"))
	}
	return names
}
