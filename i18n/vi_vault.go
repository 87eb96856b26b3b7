package i18n

// viVault holds the strings of the protected-identity key: passphrases,
// granting the permission, opening the key.
func viVault() map[string]string {
	return map[string]string{
		"err.passphrase_needed":     "danh tính người tố cáo được mã hóa bằng mật khẩu bảo vệ mà văn phòng chưa đặt: quản trị viên (có quyền xem danh tính) đặt ở Thiết lập (F12), mục «Mật khẩu bảo vệ danh tính»",
		"err.passphrase_first":      "ở chế độ lưu riêng, danh tính người tố cáo được mã hóa: đặt mật khẩu bảo vệ (ít nhất %d ký tự) để tạo khóa. Chỉ người có mật khẩu bảo vệ mới xem được danh tính; nếu mọi người đều quên thì không ai xem được nữa",
		"err.passphrase_length":     "mật khẩu bảo vệ cần ít nhất %d ký tự",
		"err.passphrase_locked":     "phiên này chưa mở khóa danh tính được bảo vệ: gõ mật khẩu bảo vệ hiện có của bạn trước (ô «Mật khẩu bảo vệ của bạn», hoặc ^K trên một đơn tố cáo)",
		"err.passphrase_grant":      "cấp quyền xem danh tính cần mật khẩu bảo vệ do chính người được cấp gõ (ít nhất 8 ký tự): danh tính chỉ mở được bằng mật khẩu đó",
		"err.passphrase_permission": "chỉ cán bộ được phép xem danh tính người tố cáo mới đặt mật khẩu bảo vệ",
		"err.passphrase_none":       "bạn chưa có mật khẩu bảo vệ (được cấp quyền trước khi văn phòng mã hóa danh tính): nhờ quản trị viên cấp lại quyền, bạn tự gõ mật khẩu bảo vệ khi đó",
		"err.passphrase_wrong":      "mật khẩu bảo vệ không đúng",
		"err.protected_locked":      "danh tính người tố cáo được mã hóa: nhấn ^K rồi gõ mật khẩu bảo vệ của bạn",
		"err.wait_until":            "gõ sai nhiều lần: thử lại sau %s",
		"field.Passphrase":          "Mật khẩu bảo vệ",
		"field.HasPassphrase":       "Có mật khẩu bảo vệ",
		"field.MyPassphrase":        "Mật khẩu bảo vệ của bạn",
		"setup.passphrase":          "Mật khẩu bảo vệ danh tính (đặt/đổi)",
		"admin.grant_passphrase":    "Mật khẩu bảo vệ (người được cấp tự gõ)",
		"admin.no_passphrase":       "chưa có MK bảo vệ",
		"cli.user_grant_prompt":     "Mật khẩu bảo vệ danh tính của %s (người đó tự gõ): ",
		"cli.user_holder_prompt":    "Mật khẩu bảo vệ của một người đã có quyền (để mở khóa): ",
		"protect.unlock_title":      "Mở khóa danh tính được bảo vệ",
	}
}
