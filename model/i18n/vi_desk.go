package i18n

// viDesk holds the strings of the desk's day: deadlines and their rules,
// supplements and apologies, the "Hôm nay" screen, the printed forms and
// the procedure catalogue.
func viDesk() map[string]string {
	return map[string]string{
		"field.FollowUpRule":    "Quy định tính hạn trả lời",
		"field.Replied":         "Ngày đã trả lời",
		"field.Accepted":        "Ngày thụ lý",
		"field.Complex":         "Vụ việc phức tạp",
		"field.Extensions":      "Số lần gia hạn",
		"field.DueRule":         "Quy định tính hạn",
		"field.Documents":       "Thành phần hồ sơ",
		"field.Supplements":     "Yêu cầu bổ sung",
		"field.SupplementItems": "Nội dung cần bổ sung",
		"field.ResultPlace":     "Nơi trả kết quả",
		"field.DeadlineRules":   "Thời hạn theo quy định",
		"field.NewDue":          "Ngày hẹn trả mới",
		"field.Issued":          "Ngày lập phiếu",
		"field.ApologyReason":   "Lý do chậm trễ",
		"field.DeadlineKey":     "Loại thời hạn",
		"field.CountMode":       "Cách tính",
		"field.DeadlineDays":    "Số ngày",
		"field.Basis":           "Căn cứ pháp lý",
		"field.DeadlineFrom":    "Áp dụng từ ngày",

		"deadline.classify":          "Xử lý đơn",
		"deadline.denounce_initial":  "Tố cáo: vào sổ, xử lý ban đầu",
		"deadline.complaint_accept":  "Khiếu nại: thụ lý",
		"deadline.complaint_resolve": "Khiếu nại lần đầu: giải quyết",
		"deadline.complaint_complex": "Khiếu nại phức tạp: giải quyết",
		"deadline.denounce_resolve":  "Tố cáo: giải quyết",
		"deadline.denounce_extend":   "Tố cáo: mỗi lần gia hạn",
		"deadline.reply":             "Trả lời công dân đến tiếp",
		"deadline.manual":            "do cán bộ đặt",
		"deadline.rule":              "%s: %d %s",
		"deadline.from":              ", áp dụng từ %s",
		"deadline.due_label":         "Hạn (trống: tự tính)",
		"dossier.supplement_open":    "%s, đang chờ bổ sung: %s",
		"dossier.supplement_done":    "%s đến %s: %s",
		"dossier.apology_line":       "lập %s, hẹn lại %s (%s)",
		"count.working":              "ngày làm việc",
		"count.calendar":             "ngày",
	}
}
