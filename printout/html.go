package printout

import (
	"html/template"
	"io"
)

var page = template.Must(template.New("form").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}{{if .HTMLTitleExtra}} - {{.HTMLTitleExtra}}{{end}}</title>
<style>
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; margin: 0; color: #000; }
.head { width: 100%; border-collapse: collapse; }
.head td { vertical-align: top; text-align: center; padding: 0; border: none; }
.head .left { width: 42%; }
.upper { text-transform: uppercase; }
.b { font-weight: bold; }
.i { font-style: italic; }
.rule { display: inline-block; border-top: 1px solid #000; width: 40%; margin-top: 2pt; }
.rule.long { width: 70%; }
.date { text-align: right; font-style: italic; margin: 4pt 0 8pt; }
h1 { font-size: 13pt; text-align: center; margin: 8pt 0 0; text-transform: uppercase; }
.sub { text-align: center; margin: 0; }
.body { margin-top: 8pt; }
p { text-align: justify; text-indent: 1cm; margin: 0 0 4pt; }
.f { margin: 0 0 3pt; }
ol { margin: 0 0 4pt; padding-left: 1.6cm; }
table.grid { border-collapse: collapse; width: 100%; font-size: 11pt; margin: 4pt 0; }
table.grid th, table.grid td { border: 1px solid #000; padding: 2pt 3pt; vertical-align: top; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid thead { display: table-header-group; }
table.grid tr { page-break-inside: avoid; }
.sign { width: 100%; border-collapse: collapse; margin-top: 10pt; page-break-inside: avoid; }
.sign td { vertical-align: top; text-align: center; border: none; padding: 0; }
.sign .name { margin-top: 48pt; font-weight: bold; }
{{if eq .Size "A5"}}@page { size: A5; margin: 10mm 10mm 10mm 15mm; }
body { font-size: 11pt; line-height: 1.2; }
.sign .name { margin-top: 36pt; }
.head td { font-size: 10pt; }
.head .left { width: 40%; }
{{else}}@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
body { font-size: 12pt; line-height: 1.3; }
{{end}}</style>
</head>
<body>
<table class="head"><tr>
<td class="left">{{if .Superior}}<div class="upper">{{.Superior}}</div>{{end}}<div class="upper b">{{.Office}}</div>{{if .Unit}}<div class="upper b">{{.Unit}}</div>{{end}}<span class="rule"></span>{{if .Number}}<div>{{.Number}}</div>{{end}}</td>
<td><div class="b" style="white-space: nowrap">{{.Nation}}</div><div class="b">{{.Motto}}</div><span class="rule long"></span></td>
</tr></table>
<div class="date">{{.PlaceDate}}</div>
<h1>{{.Title}}</h1>
{{range .Subtitle}}<div class="sub">{{.}}</div>
{{end}}<div class="body">
{{range .Blocks}}{{if eq .Kind 5}}<div style="page-break-before: always"></div>
{{else if eq .Kind 4}}<div class="f b" style="margin-top: 8pt">{{.Text}}</div>
{{else if eq .Kind 6}}<div class="f i">{{.Text}}</div>
{{else if eq .Kind 0}}<p>{{.Text}}</p>
{{else if eq .Kind 1}}<div class="f">{{.Text}}: <span class="b">{{.Value}}</span></div>
{{else if eq .Kind 2}}{{if .Text}}<div class="f">{{.Text}}</div>{{end}}<ol>{{range .Items}}<li>{{.}}</li>{{end}}</ol>
{{else}}<table class="grid"><colgroup>{{range .Cols}}<col style="width:{{.Percent}}%">{{end}}</colgroup>
<thead><tr>{{range .Cols}}<th>{{.Head}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{end}}{{end}}</div>
{{if .Signs}}<table class="sign"><tr>{{range .SignCols}}<td>{{if .For}}<div class="b">{{.For}}</div>{{end}}<div class="b" style="white-space: pre-line">{{.Title}}</div>{{if .Note}}<div class="i">{{.Note}}</div>{{end}}{{if .Title}}<div class="name">{{.Name}}</div>{{end}}</td>{{end}}</tr></table>
{{end}}</body>
</html>
`))

// WriteHTML writes d as a page ready to print on its paper size, in Times
// New Roman.
func (d *Doc) WriteHTML(w io.Writer) error { return page.Execute(w, d) }
