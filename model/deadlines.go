package model

import (
	"strings"
	"time"
)

// DeadlineKey names one legal deadline of the rules table (DESIGN §4).
type DeadlineKey string

// The deadlines the office keeps rules for.
const (
	// DeadlineClassify: classify a petition (xử lý đơn) from receipt.
	DeadlineClassify DeadlineKey = "classify"
	// DeadlineDenounceInitial: register and handle a denunciation initially.
	DeadlineDenounceInitial DeadlineKey = "denounce_initial"
	// DeadlineComplaintAccept: accept (thụ lý) a complaint from receipt.
	DeadlineComplaintAccept DeadlineKey = "complaint_accept"
	// DeadlineComplaintResolve: resolve a complaint, first instance, from
	// acceptance.
	DeadlineComplaintResolve DeadlineKey = "complaint_resolve"
	// DeadlineComplaintComplex: the same for a complex case.
	DeadlineComplaintComplex DeadlineKey = "complaint_complex"
	// DeadlineComplaint2Resolve: resolve a complaint brought a second time
	// (khiếu nại lần hai), from acceptance.
	DeadlineComplaint2Resolve DeadlineKey = "complaint2_resolve"
	// DeadlineComplaint2Complex: the same for a complex case.
	DeadlineComplaint2Complex DeadlineKey = "complaint2_complex"
	// DeadlineDenounceResolve: resolve a denunciation from acceptance.
	DeadlineDenounceResolve DeadlineKey = "denounce_resolve"
	// DeadlineDenounceExtend: each extension of a complex denunciation.
	DeadlineDenounceExtend DeadlineKey = "denounce_extend"
	// DeadlineProposalResolve: resolve a proposal or reflection (kiến
	// nghị, phản ánh) from acceptance. No law sets it: the default is the
	// office's own rule, with no legal basis.
	DeadlineProposalResolve DeadlineKey = "proposal_resolve"
	// DeadlineReply: reply to a citizen received at the desk.
	DeadlineReply DeadlineKey = "reply"
)

// DeadlineKeys lists the keys in the order the rules screen shows them.
func DeadlineKeys() []DeadlineKey {
	return []DeadlineKey{DeadlineClassify, DeadlineDenounceInitial, DeadlineComplaintAccept,
		DeadlineComplaintResolve, DeadlineComplaintComplex, DeadlineComplaint2Resolve, DeadlineComplaint2Complex,
		DeadlineDenounceResolve, DeadlineDenounceExtend, DeadlineProposalResolve, DeadlineReply}
}

// Valid reports whether k is a known key.
func (k DeadlineKey) Valid() bool {
	for _, x := range DeadlineKeys() {
		if k == x {
			return true
		}
	}
	return false
}

// CountMode says how a deadline's days are counted.
type CountMode string

// Counting modes: working days skip rest days and holidays; calendar days
// count every day, a deadline falling on a day off moving to the next
// working day (Bộ luật Dân sự, Điều 148).
const (
	CountWorking  CountMode = "working"
	CountCalendar CountMode = "calendar"
)

// CountModes lists the modes.
func CountModes() []CountMode { return []CountMode{CountWorking, CountCalendar} }

// Valid reports whether m is a known mode.
func (m CountMode) Valid() bool { return m == CountWorking || m == CountCalendar }

// DeadlineRule is one row of the deadline rules table: a deadline counted
// in Mode over Days, on a legal basis, in force from a date until the next
// rule of the same key. A rule without a Basis is the office's own rule
// (shown as such), never dressed up as law. A record keeps the Ref of the rule it was given, so
// a later change of the law does not rewrite old deadlines.
type DeadlineRule struct {
	Key   DeadlineKey `json:"k"`
	Mode  CountMode   `json:"m"`
	Days  int         `json:"n"`
	Basis string      `json:"b,omitempty"`
	From  Date        `json:"from,omitempty"`
}

// Ref names the rule's version: its key and the date it is in force from.
func (r DeadlineRule) Ref() string {
	if r.From.IsZero() {
		return string(r.Key)
	}
	return string(r.Key) + "@" + r.From.ISO()
}

// DefaultDeadlineRules returns the rules a new office starts with (DESIGN
// §4), the reply to a citizen counted over replyDays working days.
func DefaultDeadlineRules(replyDays int) []DeadlineRule {
	if replyDays <= 0 {
		replyDays = 10
	}
	return []DeadlineRule{
		{Key: DeadlineClassify, Mode: CountWorking, Days: 10, Basis: "Thông tư 05/2021/TT-TTCP"},
		{Key: DeadlineDenounceInitial, Mode: CountWorking, Days: 7, Basis: "Luật Tố cáo 2018, Điều 24",
			From: NewDate(2019, time.January, 1)},
		{Key: DeadlineComplaintAccept, Mode: CountCalendar, Days: 10, Basis: "Luật Khiếu nại 2011, Điều 27",
			From: NewDate(2012, time.July, 1)},
		{Key: DeadlineComplaintResolve, Mode: CountCalendar, Days: 30, Basis: "Luật Khiếu nại 2011, Điều 28",
			From: NewDate(2012, time.July, 1)},
		{Key: DeadlineComplaintComplex, Mode: CountCalendar, Days: 45, Basis: "Luật Khiếu nại 2011, Điều 28",
			From: NewDate(2012, time.July, 1)},
		{Key: DeadlineComplaint2Resolve, Mode: CountCalendar, Days: 45, Basis: "Luật Khiếu nại 2011 (giải quyết lần hai)",
			From: NewDate(2012, time.July, 1)},
		{Key: DeadlineComplaint2Complex, Mode: CountCalendar, Days: 60, Basis: "Luật Khiếu nại 2011 (giải quyết lần hai)",
			From: NewDate(2012, time.July, 1)},
		{Key: DeadlineDenounceResolve, Mode: CountCalendar, Days: 30, Basis: "Luật Tố cáo 2018, Điều 30",
			From: NewDate(2019, time.January, 1)},
		{Key: DeadlineDenounceExtend, Mode: CountCalendar, Days: 30, Basis: "Luật Tố cáo 2018, Điều 30",
			From: NewDate(2019, time.January, 1)},
		{Key: DeadlineProposalResolve, Mode: CountCalendar, Days: 30},
		{Key: DeadlineReply, Mode: CountWorking, Days: replyDays, Basis: "Luật Tiếp công dân 2013"},
	}
}

// Deadlines returns the office's deadline rules, or the defaults; a key the
// office's table lacks (added by a later release) takes its default rows,
// so no petition is left without a deadline.
func (o *Office) Deadlines() []DeadlineRule {
	defaults := DefaultDeadlineRules(o.FollowUpDays)
	if len(o.DeadlineRules) == 0 {
		return defaults
	}
	have := map[DeadlineKey]bool{}
	for _, r := range o.DeadlineRules {
		have[r.Key] = true
	}
	out := o.DeadlineRules
	for _, r := range defaults {
		if !have[r.Key] {
			out = append(out[:len(out):len(out)], r)
		}
	}
	return out
}

// DeadlineRuleAt returns the rule of key in force on d: the latest one
// starting on or before d, or, for a date before every rule of the key,
// the earliest. ok is false when the table has no rule of the key.
func DeadlineRuleAt(rules []DeadlineRule, key DeadlineKey, d Date) (r DeadlineRule, ok bool) {
	for _, x := range rules {
		if x.Key != key {
			continue
		}
		switch {
		case !ok:
			r, ok = x, true
		case x.From <= d && (x.From > r.From || r.From > d):
			r = x
		case r.From > d && x.From < r.From:
			r = x
		}
	}
	return r, ok
}

// PetitionDeadline says which rule gives a petition its deadline and from
// which date it counts: before acceptance, a complaint's acceptance, a
// denunciation's initial handling, or the classification of anything else;
// after acceptance (thụ lý), the resolution of its kind counted from the
// acceptance date: a complaint first or second time, complex or not, a
// denunciation, a proposal or reflection. The classification deadline
// never outlives the acceptance.
func (p *Petition) PetitionDeadline() (key DeadlineKey, from Date) {
	if !p.Accepted.IsZero() {
		switch p.Content {
		case ContentComplaint:
			switch {
			case p.SecondTime && p.Complex:
				return DeadlineComplaint2Complex, p.Accepted
			case p.SecondTime:
				return DeadlineComplaint2Resolve, p.Accepted
			case p.Complex:
				return DeadlineComplaintComplex, p.Accepted
			}
			return DeadlineComplaintResolve, p.Accepted
		case ContentDenunciation:
			return DeadlineDenounceResolve, p.Accepted
		}
		return DeadlineProposalResolve, p.Accepted
	}
	switch p.Content {
	case ContentComplaint:
		return DeadlineComplaintAccept, p.Received
	case ContentDenunciation:
		return DeadlineDenounceInitial, p.Received
	}
	return DeadlineClassify, p.Received
}

// Supplement is one request for supplements to a dossier (phiếu yêu cầu
// bổ sung, hoàn thiện hồ sơ): the clock stops on Requested and starts
// again on Resumed, when the applicant brings what was asked.
type Supplement struct {
	Requested Date   `json:"d"`
	Items     string `json:"it"`
	Resumed   Date   `json:"res,omitempty"`
}

// RegisterNo returns the dossier's place in the dossier register: the
// volume (the year of receipt) and the number (the code's yearly sequence).
// A code typed by hand without a trailing number gives number 0.
func (d *Dossier) RegisterNo() (volume, number int) {
	volume = d.ReceivedAt.In(VN).Year()
	code := d.Code
	i := len(code)
	for i > 0 && code[i-1] >= '0' && code[i-1] <= '9' {
		i--
	}
	for _, c := range code[i:] {
		number = number*10 + int(c-'0')
		if number > 1e8 {
			return volume, 0
		}
	}
	return volume, number
}

// OpenSupplement returns the last request for supplements while it waits
// for the applicant.
func (d *Dossier) OpenSupplement() (Supplement, bool) {
	if n := len(d.Supplements); n > 0 && d.Supplements[n-1].Resumed.IsZero() {
		return d.Supplements[n-1], true
	}
	return Supplement{}, false
}

// DocumentList splits the documents received into items.
func (d *Dossier) DocumentList() []string { return SplitItems(d.Documents) }

// SplitItems splits a list typed in one field into items: one per line or
// ";"-separated part, blanks dropped.
func SplitItems(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, part := range strings.Split(line, ";") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// OwesReply reports whether a visit handled this way owes the citizen a
// reply within the reply deadline: a petition accepted for resolution or
// transferred elsewhere.
func (h Handling) OwesReply() bool { return h == HandlingAccepted || h == HandlingTransferred }
