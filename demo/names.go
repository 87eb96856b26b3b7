package demo

import "github.com/tiepdan/tiepdan/model"

// Family names with their approximate share of the population (per mille),
// middle names and given names, for realistic synthetic citizens.
var (
	familyNames = []struct {
		name   string
		weight int
	}{
		{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 30}, {"Huỳnh", 20},
		{"Phan", 45}, {"Vũ", 20}, {"Võ", 19}, {"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13},
		{"Ngô", 13}, {"Dương", 10}, {"Lý", 5}, {"Đinh", 8}, {"Trương", 7}, {"Đào", 6}, {"Lương", 4},
	}
	maleMiddle   = []string{"Văn", "Hữu", "Đức", "Minh", "Quốc", "Xuân", "Thanh", "Công", "Đình", "Ngọc"}
	femaleMiddle = []string{"Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Bích"}
	maleGiven    = []string{"An", "Ân", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Hải", "Hiếu", "Hùng", "Huy", "Khánh",
		"Khoa", "Lâm", "Long", "Lộc", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng",
		"Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Vinh"}
	femaleGiven = []string{"Anh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hồng",
		"Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên",
		"Thảo", "Thu", "Thúy", "Trang", "Tuyết", "Vân", "Yến"}
	hamlets = []string{"Thôn Đông", "Thôn Tây", "Thôn Trung", "Thôn Thượng", "Thôn Hạ", "Xóm Mới",
		"Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Thôn An Lạc", "Thôn Phú Mỹ", "Thôn Tân Lập"}
	receptionTopics = []struct {
		field, kind, summary string
	}{
		{"land", "proposal", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất"},
		{"land", "complaint", "Tranh chấp ranh giới đất với hộ liền kề"},
		{"land", "reflection", "Phản ánh việc lấn chiếm đất công"},
		{"land", "complaint", "Khiếu nại mức bồi thường khi thu hồi đất"},
		{"social_policy", "proposal", "Hỏi về chế độ trợ cấp người cao tuổi"},
		{"social_policy", "proposal", "Đề nghị xét hộ nghèo"},
		{"environment", "reflection", "Phản ánh ô nhiễm từ cơ sở chăn nuôi"},
		{"construction", "reflection", "Phản ánh xây dựng không phép"},
		{"civil_status", "proposal", "Hỏi thủ tục đăng ký khai sinh quá hạn"},
		{"justice", "denunciation", "Tố cáo hành vi đánh bạc trong thôn"},
		{"administrative", "denunciation", "Tố cáo cán bộ địa chính gây khó khăn"},
		{"administrative", "reflection", "Phản ánh thái độ của cán bộ tiếp nhận hồ sơ"},
		{"other", "proposal", "Kiến nghị sửa chữa đường giao thông nông thôn"},
		{"land", "complaint", "Khiếu nại quyết định xử phạt về đất đai"},
	}
	// since 1/7/2025 a commune answers to its province: no district bodies
	transferTargets = []string{"UBND tỉnh", "Thanh tra tỉnh", "Sở Nông nghiệp và Môi trường",
		"Công an xã", "Tòa án nhân dân khu vực"}
	officials = []string{"Chủ tịch Nguyễn Văn Thành", "Phó Chủ tịch Lê Thị Hạnh"}
)

// handledBefore are the bodies a returning citizen's matter went to before.
var handledBefore = []string{"UBND xã Quang Trung (trả lời bằng văn bản)", "Công an xã Quang Trung",
	"Hội đồng hòa giải thôn", "UBND xã Quang Trung (Quyết định giải quyết khiếu nại lần đầu)"}

// forwardTargets are where the one-stop desk sends a dossier it does not
// resolve itself, by field.
var forwardTargets = map[model.Field]string{
	model.FieldLand:         "Chi nhánh Văn phòng đăng ký đất đai",
	model.FieldConstruction: "Phòng Kinh tế UBND xã",
}
