#!/usr/bin/env python3
"""check_xlsx.py reads an exported workbook the way a spreadsheet user's
tools do: openpyxl in read-only (streaming) mode and in normal mode. Every
sheet must state a dimension covering its cells, both modes must see the
same values, every count a number (int) and every share a number with a
percentage format; the semicolon CSV, read with ";", must hold the same
numbers table by table.

    scripts/check_xlsx.py REPORT.xlsx REPORT.csv
"""
import csv
import sys

import openpyxl


def numbers(rows):
    """The numeric cells of each row, in order (blanks as None)."""
    out = []
    for row in rows:
        vals = [v for v in row[1:]]
        if any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            while vals and vals[-1] is None:
                vals.pop()
            out.append(vals)
    return out


def main(xlsx, csv_path):
    ro = openpyxl.load_workbook(xlsx, read_only=True)
    full = openpyxl.load_workbook(xlsx)
    problems = 0
    book = []
    for name in full.sheetnames:
        ws_ro, ws = ro[name], full[name]
        dim = ws_ro.calculate_dimension()
        if dim in ("A1", "A1:A1") and ws.max_row > 1:
            print(f"{name}: dimension {dim} but {ws.max_row} rows")
            problems += 1
        rows_ro = [list(r) for r in ws_ro.iter_rows(values_only=True)]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        if [r[: len(rows[i])] for i, r in enumerate(rows_ro)] != [r[: len(rows_ro[i])] for i, r in enumerate(rows)]:
            print(f"{name}: read-only and normal mode differ")
            problems += 1
        # The heading rows (the print titles: column heads and the national
        # forms' column numbers) are labels, not figures.
        last_head = 0
        if ws.print_title_rows:
            last_head = int(ws.print_title_rows.split(":")[-1].lstrip("$"))
        for row in ws.iter_rows(min_row=last_head + 1):
            for c in row:
                if isinstance(c.value, float) and "%" not in c.number_format:
                    print(f"{name}!{c.coordinate}: fraction {c.value} without a percentage format")
                    problems += 1
                if isinstance(c.value, str) and c.value.strip().replace(".", "").isdigit() and c.column > 1:
                    print(f"{name}!{c.coordinate}: number stored as text {c.value!r}")
                    problems += 1
        if name != full.sheetnames[0]:
            book.extend(numbers(rows))
        print(f"{name}: {dim}, {ws.max_row} rows, print area titles {ws.print_title_rows!r}, "
              f"paper {ws.page_setup.paperSize}, {ws.page_setup.orientation}, fit width {ws.page_setup.fitToWidth}")
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    csv_nums = []
    for row in rows:
        vals = []
        for v in row[1:]:
            if v == "":
                vals.append(None)
                continue
            pct = v.endswith("%")
            try:
                x = float(v.rstrip("%").replace(",", "."))
            except ValueError:
                vals = []
                break
            vals.append(round(x / 100, 6) if pct else (int(x) if x == int(x) else x))
        while vals and vals[-1] is None:
            vals.pop()
        if any(v is not None for v in vals):
            csv_nums.append(vals)
    book = [[round(v, 6) if isinstance(v, float) else v for v in r] for r in book]
    # The CSV has the column numbers of the national forms as a row too.
    csv_nums = [r for r in csv_nums if r != list(range(1, len(r) + 1))]
    book = [r for r in book if r != list(range(1, len(r) + 1))]
    if csv_nums != book:
        for i, (a, b) in enumerate(zip(csv_nums, book)):
            if a != b:
                print(f"row {i}: csv {a} xlsx {b}")
                break
        print(f"csv rows {len(csv_nums)}, xlsx rows {len(book)}")
        problems += 1
    else:
        print(f"csv and xlsx agree on {len(book)} rows of numbers")
    if problems:
        print(f"{problems} problems")
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
