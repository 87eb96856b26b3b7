package storage

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/tiepdan/tiepdan/model"
)

// DefaultProcedures is the small catalogue a new database starts with: the
// procedures a commune one-stop desk handles most, with their usual
// processing times in working days. Offices edit it to their province's list.
func DefaultProcedures() []model.Procedure {
	return []model.Procedure{
		{Name: "Đăng ký khai sinh", Field: model.FieldCivilStatus, WorkingDays: 1, Letter: model.LetterCongrat},
		{Name: "Đăng ký kết hôn", Field: model.FieldCivilStatus, WorkingDays: 1, Letter: model.LetterCongrat},
		{Name: "Đăng ký khai tử", Field: model.FieldCivilStatus, WorkingDays: 1, Letter: model.LetterCondolence},
		{Name: "Cấp bản sao trích lục hộ tịch", Field: model.FieldCivilStatus, WorkingDays: 1},
		{Name: "Cấp giấy xác nhận tình trạng hôn nhân", Field: model.FieldCivilStatus, WorkingDays: 3},
		{Name: "Đăng ký nhận cha, mẹ, con", Field: model.FieldCivilStatus, WorkingDays: 3},
		{Name: "Chứng thực bản sao từ bản chính", Field: model.FieldCertification, WorkingDays: 1},
		{Name: "Chứng thực chữ ký", Field: model.FieldCertification, WorkingDays: 1},
		{Name: "Chứng thực hợp đồng, giao dịch", Field: model.FieldCertification, WorkingDays: 2},
		{Name: "Hòa giải tranh chấp đất đai", Field: model.FieldLand, WorkingDays: 45},
		{Name: "Xác nhận nguồn gốc đất", Field: model.FieldLand, WorkingDays: 10},
		{Name: "Xác nhận hộ nghèo, hộ cận nghèo", Field: model.FieldSocialPolicy, WorkingDays: 7},
		{Name: "Trợ cấp xã hội hằng tháng", Field: model.FieldSocialPolicy, WorkingDays: 15},
		{Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ", Field: model.FieldConstruction, WorkingDays: 15},
		{Name: "Đăng ký hộ kinh doanh", Field: model.FieldBusiness, WorkingDays: 3},
	}
}

// SystemActor is the author of what tiepdan itself writes (the seeded
// catalogue).
const SystemActor = "tiepdan"

func seedProcedures(tx *bolt.Tx, now time.Time) error {
	t, _ := tableFor(model.KindProcedure)
	b := tx.Bucket(t.bucket)
	for _, p := range DefaultProcedures() {
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		p.ID, p.Version, p.CreatedAt, p.UpdatedAt = id, 1, now, now
		if err := putValue(b, u64(id), &p); err != nil {
			return err
		}
		if err := appendAudit(tx, model.AuditEvent{At: now, Staff: SystemActor, Action: model.ActionCreate,
			Kind: model.KindProcedure, RecordID: id}); err != nil {
			return err
		}
	}
	return nil
}
