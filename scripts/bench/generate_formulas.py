#!/usr/bin/env python3
"""Generates a workbook of formulas for the formula benchmark, deterministically.

usage: generate_formulas.py ROWS OUT_DIR   → OUT_DIR/formulas-ROWS.xlsx

Sheet Deals: rep (a shared string, 50 reps), region, close date, amount, rate and commission
`=ROUND(D2*E2,2)` with its cached value. Sheet Summary: one row per rep with
`=SUMIFS(Deals!F:F,Deals!A:A,A2)` and `=COUNTIFS(Deals!A:A,A2,Deals!D:D,">=100000")`, cached.
The sheet is streamed into the zip, so memory stays small.
"""
import os
import random
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ooxml import DATE, StringTable, content_types, rels, styles, workbook  # noqa: E402

REPS = [f"Rep {i:02d}" for i in range(50)]
REGIONS = ["West", "East", "North", "South", "Central"]
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def write_xlsx(path, count):
    strings = StringTable()
    s = strings.ref
    totals = {rep: Decimal(0) for rep in REPS}
    large = {rep: 0 for rep in REPS}
    rng = random.Random(20261130)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      b'<sheetData><row r="1"><c r="A1" t="s"><v>%d</v></c><c r="B1" t="s"><v>%d</v></c>'
                      b'<c r="C1" t="s"><v>%d</v></c><c r="D1" t="s"><v>%d</v></c><c r="E1" t="s"><v>%d</v></c>'
                      b'<c r="F1" t="s"><v>%d</v></c></row>'
                      % tuple(s(h) for h in ("Rep", "Region", "Close Date", "Amount", "Rate", "Commission")))
            buffer = []
            for n in range(2, count + 2):
                rep = REPS[rng.randrange(len(REPS))]
                amount = Decimal(rng.randrange(100_00, 250_000_00)) / 100
                rate = Decimal(("0.05", "0.08", "0.1", "0.125")[rng.randrange(4)])
                commission = (amount * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                totals[rep] += commission
                large[rep] += amount >= 100000
                buffer.append(
                    f'<row r="{n}"><c r="A{n}" t="s"><v>{s(rep)}</v></c>'
                    f'<c r="B{n}" t="s"><v>{s(REGIONS[rng.randrange(5)])}</v></c>'
                    f'<c r="C{n}" s="1"><v>{45_000 + rng.randrange(730)}</v></c><c r="D{n}"><v>{amount}</v></c>'
                    f'<c r="E{n}"><v>{rate}</v></c><c r="F{n}"><f>ROUND(D{n}*E{n},2)</f><v>{commission}</v></c></row>')
                if len(buffer) == 10_000:
                    out.write("".join(buffer).encode())
                    buffer = []
            out.write("".join(buffer).encode())
            out.write(b"</sheetData></worksheet>")
        summary = ['<row r="1"><c r="A1" t="s"><v>%d</v></c><c r="B1" t="s"><v>%d</v></c>'
                   '<c r="C1" t="s"><v>%d</v></c></row>' % (s("Rep"), s("Commission"), s("Large deals"))]
        for n, rep in enumerate(REPS, 2):
            summary.append(
                f'<row r="{n}"><c r="A{n}" t="s"><v>{s(rep)}</v></c>'
                f'<c r="B{n}"><f>SUMIFS(Deals!F:F,Deals!A:A,A{n})</f><v>{totals[rep]}</v></c>'
                f'<c r="C{n}"><f>COUNTIFS(Deals!A:A,A{n},Deals!D:D,"&gt;=100000")</f><v>{large[rep]}</v></c></row>')
        sst = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings.items)
        parts = [
            ("[Content_Types].xml", content_types([
                ("xl/workbook.xml", f"{SML}.sheet.main+xml"), ("xl/worksheets/sheet1.xml", f"{SML}.worksheet+xml"),
                ("xl/worksheets/sheet2.xml", f"{SML}.worksheet+xml"),
                ("xl/sharedStrings.xml", f"{SML}.sharedStrings+xml"), ("xl/styles.xml", f"{SML}.styles+xml")])),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook([("Deals", ""), ("Summary", "")])),
            ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId2", "worksheet", "worksheets/sheet2.xml"),
                                                 ("rId3", "sharedStrings", "sharedStrings.xml"),
                                                 ("rId4", "styles", "styles.xml")])),
            ("xl/worksheets/sheet2.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
             f'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{"".join(summary)}'
             '</sheetData></worksheet>'),
            ("xl/styles.xml", styles([(164, "yyyy-mm-dd")], [0, 164])),
            ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns='
             f'"http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>'),
        ]
        for name, data in parts:
            part = zipfile.ZipInfo(name, DATE)
            part.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(part, data)


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, f"formulas-{count}.xlsx")
    if not os.path.exists(target):
        write_xlsx(target + ".part", count)
        os.rename(target + ".part", target)
