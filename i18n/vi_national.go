package i18n

// vietnameseNational are the texts of the national statistical forms.
func vietnameseNational() map[string]string {
	return map[string]string{
		"rpt.sec.national": "Biểu thống kê",
		"nat.t.tcd":        "Kết quả tiếp công dân thường xuyên, định kỳ và đột xuất",
		"nat.t.xld":        "Kết quả xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh",
		"nat.t.kn":         "Kết quả xử lý đơn khiếu nại",
		"nat.t.tc":         "Kết quả xử lý đơn tố cáo",
		"nat.t.knpa":       "Kết quả xử lý đơn kiến nghị, phản ánh",
		"nat.t.kqgq":       "Kết quả giải quyết khiếu nại, tố cáo thuộc thẩm quyền",
		"nat.t.tthc":       "Tình hình, kết quả giải quyết thủ tục hành chính",
		"nat.l.unit":       "Đơn vị", "nat.l.kind": "Loại đơn", "nat.l.field": "Lĩnh vực",

		"nat.h.total": "Tổng số", "nat.h.visits": "Lượt", "nat.h.people": "Người",
		"nat.h.cases": "Vụ việc", "nat.h.first": "Tiếp lần đầu", "nat.h.repeat": "Tiếp nhiều lần",
		"nat.h.regular": "Tiếp thường xuyên", "nat.h.groups": "Đoàn đông người", "nat.h.group_n": "Số đoàn",
		"nat.h.leader": "Tiếp định kỳ và đột xuất của Thủ trưởng", "nat.h.head": "Thủ trưởng tiếp",
		"nat.h.deleg": "Ủy quyền tiếp", "nat.h.sessions": "Kỳ tiếp",
		"nat.h.to_process": "Tổng số đơn", "nat.h.carried": "Kỳ trước chuyển sang", "nat.h.received": "Tiếp nhận trong kỳ",
		"nat.h.processed": "Đã xử lý", "nat.h.unprocessed": "Chưa xử lý",
		"nat.h.eligible": "Đơn đủ điều kiện xử lý", "nat.h.petitions": "Số đơn",
		"nat.h.by_content": "Phân loại theo nội dung", "nat.h.by_status": "Theo tình trạng giải quyết",
		"nat.h.done": "Đã giải quyết", "nat.h.doing": "Đang giải quyết", "nat.h.not_started": "Chưa giải quyết",
		"nat.h.result": "Kết quả xử lý", "nat.h.in_jur": "Thuộc thẩm quyền", "nat.h.not_in_jur": "Không thuộc thẩm quyền",
		"nat.h.guided": "Hướng dẫn", "nat.h.transferred": "Chuyển đơn", "nat.h.reminded": "Đôn đốc giải quyết",
		"nat.h.replies": "Văn bản phúc đáp nhận được do chuyển đơn",
		"nat.h.admin":   "Lĩnh vực hành chính", "nat.h.other": "Khác", "nat.h.of_which": "Trong đó",
		"nat.h.in_jur_cases": "Số đơn thuộc thẩm quyền", "nat.h.resolved": "Đã giải quyết",
		"nat.h.withdrawn": "Rút đơn", "nat.h.decided": "Có quyết định, kết luận", "nat.h.outcome": "Kết quả",
		"nat.h.no_outcome": "Chưa ghi kết quả", "nat.h.deadline": "Thời hạn", "nat.h.on_time": "Đúng hạn",
		"nat.h.late": "Quá hạn", "nat.h.pending": "Đang giải quyết", "nat.h.recovered": "Kiến nghị thu hồi cho Nhà nước",
		"nat.h.disciplined":   "Số người bị kiến nghị xử lý",
		"nat.h.received_tthc": "Số hồ sơ nhận giải quyết", "nat.h.online": "Trực tuyến",
		"nat.h.direct_postal": "Trực tiếp và qua bưu chính công ích", "nat.h.early": "Trước hạn",
		"nat.h.in_time": "Trong hạn",

		"nat.blank":             "Cột (%d) để trống: %s.",
		"nat.why.reminded":      "sổ sách chưa ghi việc đôn đốc giải quyết đơn đã chuyển",
		"nat.why.replies":       "sổ sách chưa ghi văn bản phúc đáp",
		"nat.why.recovered":     "sổ sách chưa ghi số tiền, đất kiến nghị thu hồi",
		"nat.why.disciplined":   "sổ sách chưa ghi số người bị kiến nghị xử lý",
		"nat.checks_ok":         "Tất cả %d dòng kiểm tra của các biểu thống kê đều đúng.",
		"nat.checks_bad":        "%d/%d dòng kiểm tra của các biểu thống kê không khớp.",
		"summary.view_national": "Biểu %s",
		"summary.key.sideways":  "Cuộn ngang",
	}
}
