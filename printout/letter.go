package printout

import (
	"strconv"
	"strings"

	"github.com/tiepdan/tiepdan/model"
)

// Letter is a letter the office sends (thư chúc mừng, chia buồn, xin lỗi,
// cảm ơn), on A5: "Kính gửi" the recipient, the body from the office's
// template for its kind (the catalogue's when the office has none), and
// the signature for the office.
func Letter(x Context, l model.Letter) Doc {
	doc := x.doc(A5, strings.ToUpper(x.Cat.Label("letter", string(l.LetterKind))), l.Date)
	doc.FileStem = stem(x.t("print.stem_letter"), strings.ReplaceAll(l.Date.String(), "/", "")+"-"+strconv.FormatUint(l.ID, 10))
	body := x.Office.LetterTexts[l.LetterKind]
	if body == "" {
		body = x.t("letter.body." + string(l.LetterKind))
	}
	body = strings.NewReplacer("{người nhận}", l.Recipient, "{nhân dịp}", l.Occasion, "{ngày}", l.Date.String(),
		"{cơ quan}", x.Office.Name).Replace(body)
	doc.Blocks = []Block{{Kind: Para, Text: x.t("print.letter_to", l.Recipient)}}
	if l.Address != "" {
		doc.Blocks = append(doc.Blocks, Block{Kind: Para, Text: x.t("print.letter_address", l.Address)})
	}
	for _, p := range strings.Split(body, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			doc.Blocks = append(doc.Blocks, Block{Kind: Para, Text: p})
		}
	}
	doc.Signs = []Sign{x.signer()}
	return doc
}
