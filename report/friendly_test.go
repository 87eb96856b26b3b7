package report_test

import (
	"strings"
	"testing"

	"github.com/tiepdan/tiepdan/model"
	"github.com/tiepdan/tiepdan/report"
)

// Satisfaction is counted over the ratings given, never over dossiers not
// rated; a dossier handed back late is rated like any other; online share
// is over dossiers of procedures offered online on the day they came in.
func TestFriendlyFigures(t *testing.T) {
	p, _ := model.ParsePeriod("2026-10")
	d := func(day int, ch model.Channel, proc uint64, rating model.Rating, late bool) model.DossierFacts {
		r := model.NewDate(2026, 10, day)
		x := model.DossierFacts{Received: r, Due: r + 5, Closed: r + 3, Status: model.DossierResolved, Channel: ch,
			Field: model.FieldCivilStatus, Procedure: "Khai sinh", ProcedureID: proc, Rating: rating, Returned: r + 3, InSystem: true}
		if late {
			x.Closed, x.Returned = r+9, r+9
		}
		return x
	}
	f := &facts{
		procs: []model.ProcedureFacts{
			{ID: 1, Name: "Khai sinh", Online: model.OnlineFull, OnlineFrom: model.NewDate(2026, 10, 10), Letter: model.LetterCongrat},
			{ID: 2, Name: "Chứng thực", Online: model.OnlinePartial},
		},
		dossiers: []model.DossierFacts{
			d(2, model.ChannelDirect, 1, model.RatingVery, false),        // before the procedure went online
			d(12, model.ChannelOnline, 1, model.RatingSatisfied, false),  // online, offered
			d(13, model.ChannelDirect, 1, model.RatingUnsatisfied, true), // late, rated all the same
			d(14, model.ChannelOnline, 2, model.RatingNone, false),
			d(15, model.ChannelDirect, 2, "", false),
		},
		dialogues: []model.DialogueFacts{
			{ID: 1, Date: model.NewDate(2026, 10, 5), Scheduled: true, With: model.WithVillage, Presiding: "Chủ tịch Nguyễn Văn Thành",
				Attendees: 80, Answered: 4, TakenAway: 3, Field: model.FieldLand, FollowUpDue: model.NewDate(2026, 10, 20)},
			{ID: 2, Date: model.NewDate(2026, 10, 25), With: model.WithClearance, Presiding: "Phó Chủ tịch Lê Thị Hạnh",
				Attendees: 35, Answered: 6, Field: model.FieldLand},
		},
		letters: []model.LetterFacts{{Date: model.NewDate(2026, 10, 3), Kind: model.LetterCongrat},
			{Date: model.NewDate(2026, 10, 4), Kind: model.LetterApology}},
	}
	sum, err := report.Compute(f, model.DefaultOffice(), p, model.NewDate(2026, 11, 5))
	if err != nil {
		t.Fatal(err)
	}
	if err := sum.Check(); err != nil {
		t.Fatal(err)
	}
	st := sum.Friendly.Satisfaction
	if st.HandedBack != 5 || st.Desk.Rated() != 3 || st.Declined != 1 || st.NotAsked != 1 || st.Desk.Unsatisfied != 1 {
		t.Fatalf("desk ratings: %+v", st)
	}
	if sh := st.All.SatisfiedShare(); sh.Num != 2 || sh.Den != 3 {
		t.Fatalf("satisfied share %d/%d, want 2/3 (over the ratings given)", sh.Num, sh.Den)
	}
	o := sum.Friendly.Online
	if o.Received != 5 || o.Offered != 4 || o.OfferedFull != 2 || o.OfferedOnline != 2 || !o.AllInSystem() {
		t.Fatalf("online: %+v", o)
	}
	dl := sum.Friendly.Dialogues
	if dl.Total != 2 || dl.Raised != 13 || dl.FollowUpsLate != 1 || len(dl.ByPresiding) != 2 {
		t.Fatalf("dialogues: %+v", dl)
	}
	prose := strings.Join(sum.Prose(vi), "\n")
	mustContain(t, prose,
		"Tổ chức 02 hội nghị đối thoại (định kỳ: 01 hội nghị; đột xuất: 01 hội nghị): 01 hội nghị với Nhân dân các thôn, tổ dân phố; 01 hội nghị với các hộ dân trong giải phóng mặt bằng",
		"115 lượt người tham dự",
		"Tại các hội nghị có 13 ý kiến, kiến nghị của Nhân dân; 10/13 ý kiến được chủ trì hội nghị trực tiếp trả lời, 03 ý kiến được tiếp thu để trả lời sau.",
		"Còn 01 việc phải làm sau hội nghị chưa xong, trong đó quá hạn: 01 việc.",
		"66,6% số lượt đánh giá ở mức độ hài lòng trở lên.",
		"gửi 01 thư chúc mừng, 01 thư xin lỗi; không có thư chia buồn và thư cảm ơn.",
		"được tiếp nhận trực tuyến: 02/04 hồ sơ, đạt tỷ lệ 50%.",
		"Nội dung công dân quan tâm nhiều nhất: đất đai (02 lượt).")
}
