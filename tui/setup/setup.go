// Package setup is the office settings form: asked on first run (the
// office's name and place are needed for every printed document) and
// reachable later with F12.
package setup

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/model/calendar"
	"github.com/tiepdan/tiepdan/tui/common"
	"github.com/tiepdan/tiepdan/tui/form"
)

// Fields returns the office settings form's fields.
func Fields(c *common.Common) []form.Field[model.Office] {
	name := form.TextField("Name", true, func(o *model.Office) *string { return &o.Name })
	name.Label = "setup.name"
	place := form.TextField("Place", true, func(o *model.Office) *string { return &o.Place })
	place.Label = "setup.place"
	code := form.TextField("Code", false, func(o *model.Office) *string { return &o.Code })
	code.Label = "setup.code"
	return []form.Field[model.Office]{
		name, place,
		form.TextField("Superior", false, func(o *model.Office) *string { return &o.Superior }),
		code,
		form.TextField("SignerTitle", false, func(o *model.Office) *string { return &o.SignerTitle }),
		form.TextField("SignerName", false, func(o *model.Office) *string { return &o.SignerName }),
		leaders(),
		form.IntField("GroupThreshold", true, func(o *model.Office) *int { return &o.GroupThreshold }),
		form.IntField("IntakeCutoffHour", true, func(o *model.Office) *int { return &o.IntakeCutoffHour }),
		form.IntField("CutoffDay", true, func(o *model.Office) *int { return &o.LatestCutoffRule().Day }),
		form.DateField("CutoffFrom", false, func(o *model.Office) *model.Date { return &o.LatestCutoffRule().From }),
		reportWindow(c),
		form.IntField("SessionRules", true, func(o *model.Office) *int { return &o.LatestSessionRule().PerMonth }),
		form.DateField("SessionFrom", true, func(o *model.Office) *model.Date { return &o.LatestSessionRule().From }),
		workdays(),
		officeHours(),
		protectedMode(c),
		passphrase(),
		form.TextField("ResultPlace", false, func(o *model.Office) *string { return &o.ResultPlace }),
		form.TextField("SlipSymbol", false, func(o *model.Office) *string { return &o.SlipSymbol }),
		form.TextField("ReportNumber", false, func(o *model.Office) *string { return &o.ReportNumber }),
		form.TextField("Printer", false, func(o *model.Office) *string { return &o.Printer }),
		letterText(c, model.LetterCongrat, "setup.letter_congrat"), letterText(c, model.LetterCondolence, "setup.letter_condolence"),
		letterText(c, model.LetterApology, "setup.letter_apology"), letterText(c, model.LetterThanks, "setup.letter_thanks"),
	}
}

// letterText edits the office's own body of the letters of kind k; empty
// prints the catalogue's. "{người nhận}", "{nhân dịp}", "{ngày}" and
// "{cơ quan}" are replaced by the letter's.
func letterText(c *common.Common, k model.LetterKind, label string) form.Field[model.Office] {
	return form.Field[model.Office]{Key: "LetterText_" + string(k), Label: label, Kind: form.Text,
		Get: func(o *model.Office) string {
			if t := o.LetterTexts[k]; t != "" {
				return t
			}
			return c.T("letter.body." + string(k))
		},
		Set: func(o *model.Office, v string) string {
			if v == c.T("letter.body."+string(k)) {
				v = "" // the catalogue's, unchanged: not copied into the office
			}
			if o.LetterTexts == nil {
				o.LetterTexts = map[model.LetterKind]string{}
			}
			if v == "" {
				delete(o.LetterTexts, k)
			} else {
				o.LetterTexts[k] = v
			}
			return ""
		}}
}

// officeHours edits the desk's hours as offices write them: "07:30-11:30,
// 13:30-17:00"; an appointment's time of day falls within them.
func officeHours() form.Field[model.Office] {
	return form.Field[model.Office]{Key: "OfficeHours", Kind: form.Text, Required: true,
		Get: func(o *model.Office) string { return model.FormatHours(o.Hours()) },
		Set: func(o *model.Office, v string) string {
			hours, ok := model.ParseHours(v)
			if !ok {
				return model.ErrCodeHours
			}
			o.OfficeHours = hours
			return ""
		}}
}

// leaders edits the leaders who preside over citizen reception, one
// after another separated by ";" ("Chủ tịch Nguyễn Văn An; Phó Chủ tịch
// Trần Thị Bình").
func leaders() form.Field[model.Office] {
	return form.Field[model.Office]{Key: "Leaders", Kind: form.Text,
		Get: func(o *model.Office) string { return strings.Join(o.Leaders, "; ") },
		Set: func(o *model.Office, v string) string {
			o.Leaders = nil
			for _, l := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == '\n' }) {
				if l = strings.TrimSpace(l); l != "" {
					o.Leaders = append(o.Leaders, l)
				}
			}
			return ""
		}}
}

// workdays edits the working weekdays as Vietnamese offices write them:
// "2 3 4 5 6" (thứ Hai to thứ Sáu), 7 for Saturday, CN for Sunday.
func workdays() form.Field[model.Office] {
	return form.Field[model.Office]{Key: "Workdays", Kind: form.Text, Required: true,
		Get: func(o *model.Office) string {
			ws := o.Workdays
			if len(ws) == 0 {
				ws = calendar.DefaultWorkdays()
			}
			parts := make([]string, len(ws))
			for i, w := range ws {
				parts[i] = weekdayCode(w)
			}
			return strings.Join(parts, " ")
		},
		Set: func(o *model.Office, v string) string {
			var ws []time.Weekday
			seen := map[time.Weekday]bool{}
			for _, p := range strings.FieldsFunc(strings.ToUpper(v), func(r rune) bool { return r == ' ' || r == ',' || r == ';' }) {
				var w time.Weekday
				switch {
				case p == "CN":
					w = time.Sunday
				case len(p) == 1 && p[0] >= '2' && p[0] <= '7':
					w = time.Weekday(p[0] - '1')
				default:
					return model.ErrCodeWorkdays
				}
				if seen[w] {
					return model.ErrCodeWorkdays
				}
				seen[w] = true
				ws = append(ws, w)
			}
			if len(ws) == 0 {
				return model.ErrCodeWorkdays
			}
			sort.Slice(ws, func(i, j int) bool { return (ws[i]+6)%7 < (ws[j]+6)%7 })
			if slices.Equal(ws, calendar.DefaultWorkdays()) {
				ws = nil
			}
			o.Workdays = ws
			return ""
		}}
}

func weekdayCode(w time.Weekday) string {
	if w == time.Sunday {
		return "CN"
	}
	return strconv.Itoa(int(w) + 1)
}

// NewForm returns the settings form over o; first marks the first-run form.
func NewForm(c *common.Common, o model.Office, first bool) common.Page {
	title := c.T("setup.edit")
	if first {
		title = c.T("setup.first")
	}
	return form.New(c, title, o, Fields(c), c.Store.SaveOffice).WithConfirm(func(was, is *model.Office) string {
		if was.ProtectedMode() != model.ProtectedRestricted || is.ProtectedMode() == model.ProtectedRestricted {
			return ""
		}
		// back to offline destroys every identity kept apart: say how many
		n, err := c.Store.ProtectedCount()
		if err != nil {
			return c.ErrorText(err)
		}
		return c.T("setup.confirm_offline", n)
	})
}

// Open loads the settings and pushes their form.
func Open(c *common.Common) tea.Cmd {
	store := c.Store
	return func() tea.Msg {
		o, err := store.Office()
		if err != nil {
			return common.StatusMsg{Text: c.ErrorText(err), Err: true}
		}
		return common.PushMsg{Page: NewForm(c, o, false)}
	}
}

// protectedMode is the choice between keeping no identity of denouncers
// (offline, the default) and keeping it apart (restricted).
// reportWindow is the window the summary opens in: calendar or official.
func reportWindow(c *common.Common) form.Field[model.Office] {
	return form.Field[model.Office]{Key: "ReportWindow", Kind: form.Choice, Required: true,
		Options: form.Options(model.Windows(), func(code string) string { return c.Cat.Label("window", code) }),
		Get:     func(o *model.Office) string { return string(o.Window()) },
		Set:     func(o *model.Office, v string) string { o.ReportWindow = model.Window(v); return "" }}
}

// passphrase sets the administrator's passphrase for the protected
// identities: the first time (switching to restricted) it makes the
// office's key, later it changes the administrator's own. Hidden as
// typed, never kept in a draft.
func passphrase() form.Field[model.Office] {
	f := form.TextField("Passphrase", false, func(o *model.Office) *string { return &o.Passphrase })
	f.Label, f.Secret, f.Private = "setup.passphrase", true, true
	return f
}

func protectedMode(c *common.Common) form.Field[model.Office] {
	return form.Field[model.Office]{Key: "Protected", Kind: form.Choice, Required: true,
		Options: form.Options([]model.ProtectedMode{model.ProtectedOffline, model.ProtectedRestricted},
			func(code string) string { return c.Cat.Label("protmode", code) }),
		Get: func(o *model.Office) string { return string(o.ProtectedMode()) },
		Set: func(o *model.Office, v string) string { o.Protected = model.ProtectedMode(v); return "" }}
}
