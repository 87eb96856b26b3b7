package i18n

// viServer holds the strings of the SSH server, staff accounts, the audit
// log and protected identities.
func viServer() map[string]string {
	return map[string]string{
		"err.username":          "chỉ gồm chữ thường không dấu a-z, số, dấu . _ -, bắt đầu bằng chữ, tối đa 32 ký tự",
		"err.protected_offline": "văn phòng đang ở chế độ không lưu danh tính người tố cáo; chỉ ghi số hồ sơ giấy",
		"err.protected_link":    "đơn/nội dung tố cáo không được gắn với hồ sơ công dân, để bảo vệ người tố cáo",
		"err.duplicate_user":    "tên đăng nhập này đã có người dùng",
		"err.permission":        "Bạn không có quyền làm việc này.",
		"err.conflict_by":       "%s đã lưu bản ghi này lúc %s, sau khi bạn mở nó.",
		"err.conflict_fields":   "Họ đã sửa: %s.",
		"err.conflict_keep":     "Những gì bạn đã gõ vẫn còn; trường bạn không sửa đã lấy theo bản mới. Xem lại rồi nhấn F2 để lưu.",
		"err.conflict_same":     "Họ không sửa trường nào trên biểu mẫu này. Nhấn F2 để lưu lại.",

		"field.Protected": "Bảo vệ người tố cáo", "field.PaperRef": "Số hồ sơ giấy",
		"field.Identity": "Danh tính người tố cáo", "field.IdentityName": "Họ tên người tố cáo",
		"field.IdentityIDNumber": "Số CCCD người tố cáo", "field.IdentityPhone": "Điện thoại người tố cáo",
		"field.IdentityAddress": "Địa chỉ người tố cáo",
		"field.Username":        "Tên đăng nhập", "field.Title": "Chức vụ", "field.Role": "Vai trò",
		"field.SeeProtected": "Được xem danh tính được bảo vệ", "field.Keys": "Khóa SSH",
		"field.PasswordHash": "Mật khẩu", "field.Disabled": "Đã khóa tài khoản",
		"protmode.offline":    "Không lưu danh tính (mặc định)",
		"protmode.restricted": "Lưu riêng, chỉ người được phép xem",
		"role.clerk":          "Cán bộ tiếp nhận", "role.leader": "Lãnh đạo", "role.admin": "Quản trị",

		"protect.offline_note":    "Tố cáo: không lưu danh tính người tố cáo (Luật Tố cáo, bảo vệ người tố cáo). Chỉ ghi số hồ sơ giấy.",
		"protect.restricted_note": "Tố cáo: danh tính được lưu riêng, chỉ người được phép xem, mọi lần xem đều ghi nhật ký.",
		"protect.shown_audited":   "Đã ghi nhật ký lần xem danh tính này.",
		"protect.key_show":        "Xem danh tính",
		"protect.none":            "(không lưu danh tính)",
	}
}
