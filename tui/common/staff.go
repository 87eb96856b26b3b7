package common

import (
	"sync"

	"github.com/tiepdan/tiepdan/model"
)

// staffNames caches the office's staff accounts by username, read once per
// session and again after an account changes, so records, forms and logs
// name staff by full name ("Nguyễn Thị Hoa") rather than by login.
type staffNames struct {
	mu     sync.Mutex
	loaded bool
	byUser map[string]model.Staff
	list   []model.Staff
}

// StaffName is how username is named on screen: the account's full name,
// or the username itself when the account has none or is unknown (a
// migration's "tiepdan", an account since removed).
func (c *Common) StaffName(username string) string {
	if st, ok := c.staffAccount(username); ok && st.FullName != "" {
		return st.FullName
	}
	return username
}

// StaffAccounts returns every enabled account, by username (the choice of
// who received a visit).
func (c *Common) StaffAccounts() []model.Staff {
	c.names.mu.Lock()
	defer c.names.mu.Unlock()
	c.loadNames()
	return append([]model.Staff(nil), c.names.list...)
}

func (c *Common) staffAccount(username string) (model.Staff, bool) {
	if username == "" {
		return model.Staff{}, false
	}
	c.names.mu.Lock()
	defer c.names.mu.Unlock()
	c.loadNames()
	st, ok := c.names.byUser[username]
	return st, ok
}

func (c *Common) loadNames() {
	if c.names.loaded || c.Store == nil {
		return
	}
	c.names.loaded = true
	c.names.byUser, c.names.list = map[string]model.Staff{}, nil
	list, err := c.Store.ListStaff()
	if err != nil {
		return
	}
	for _, st := range list {
		c.names.byUser[st.Username] = st
		if !st.Disabled {
			c.names.list = append(c.names.list, st)
		}
	}
}

// StaffChanged forgets the cached accounts: an account was added or
// renamed.
func (c *Common) StaffChanged() {
	c.names.mu.Lock()
	c.names.loaded = false
	c.names.mu.Unlock()
}
