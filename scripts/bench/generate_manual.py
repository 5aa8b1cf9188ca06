#!/usr/bin/env python3
"""Generates a large hand-kept commission workbook with planted errors, for scripts/bench-reconcile.

usage: generate_manual.py ROWS OUT_DIR → OUT_DIR/manual-ROWS/{manual.xlsx, plan.yaml, roster.csv}
One rep per thousand rows; per-deal tiers (8%, 10% from 50,000); the Commission column is
`=ROUND(D*E*F,2)` with its cached value. About 1% of rows carry an error: a rate typo, another
tier's rate, a typed value, or a copied row; a Summary sheet totals each rep with SUMIFS.
"""
import datetime
import os
import random
import sys
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ooxml import DATE, StringTable, content_types, rels, styles, workbook  # noqa: E402

SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
PLAN = """plan: Benchmark reconcile
period: quarter
commission:
  tiers:
    metric: amount
    basis: per_deal
    mode: retroactive
    table:
      - { from: 0, rate: 8% }
      - { from: 50000, rate: 10% }
"""


def cents(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def main():
    count, folder = int(sys.argv[1]), os.path.join(sys.argv[2], f"manual-{sys.argv[1]}")
    if os.path.exists(os.path.join(folder, "manual.xlsx")):
        return
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(11)
    reps = max(1, count // 1000)
    with open(os.path.join(folder, "plan.yaml"), "w") as handle:
        handle.write(PLAN)
    with open(os.path.join(folder, "roster.csv"), "w") as handle:
        handle.write("id,name\n" + "".join(f"R{r:05d},Rep {r}\n" for r in range(reps)))
    strings = StringTable()
    s = strings.ref

    epoch = datetime.date(1899, 12, 30)
    totals = [Decimal(0)] * reps
    path = os.path.join(folder, "manual.xlsx.part")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            head = "".join(f'<c r="{c}1" t="s"><v>{s(h)}</v></c>' for c, h in zip("ABCDEFG", ["Deal ID", "Rep", "Close Date", "Amount", "Split", "Rate", "Commission"]))
            out.write(f'<row r="1">{head}</row>'.encode())
            buffer = []
            previous = None
            n = 1
            for i in range(count):
                n += 1
                rep = rng.randrange(reps)
                day = (datetime.date(2026, 7, 1) + datetime.timedelta(days=rng.randrange(92)) - epoch).days
                amount = Decimal(rng.randrange(500_00, 90_000_00)) / 100
                rate = Decimal("0.1") if amount >= 50_000 else Decimal("0.08")
                deal = f"D{i:08d}"
                roll = rng.random()
                if roll < 0.0025 and previous:
                    deal, rep, day, amount, rate = previous
                elif roll < 0.005:
                    rate = Decimal("0.008") if rate == Decimal("0.08") else Decimal("0.01")
                elif roll < 0.0075:
                    rate = Decimal("0.08") if rate == Decimal("0.1") else Decimal("0.1")
                commission = cents(amount * rate)
                formula = f"<f>ROUND(D{n}*E{n}*F{n},2)</f>"
                if 0.0075 <= roll < 0.01:
                    commission, formula = commission.quantize(Decimal("1")), ""
                totals[rep] += commission
                previous = (deal, rep, day, amount, rate)
                buffer.append(f'<row r="{n}"><c r="A{n}" t="s"><v>{s(deal)}</v></c><c r="B{n}" t="s"><v>{s(f"R{rep:05d}")}</v></c>'
                              f'<c r="C{n}" s="1"><v>{day}</v></c><c r="D{n}"><v>{amount}</v></c><c r="E{n}"><v>1</v></c>'
                              f'<c r="F{n}"><v>{rate}</v></c><c r="G{n}">{formula}<v>{commission}</v></c></row>')
                if len(buffer) == 10_000:
                    out.write("".join(buffer).encode())
                    buffer = []
            out.write("".join(buffer).encode())
            out.write(b"</sheetData></worksheet>")
        last = n
        rows = [f'<row r="1"><c r="A1" t="s"><v>{s("Rep")}</v></c><c r="B1" t="s"><v>{s("Period")}</v></c><c r="C1" t="s"><v>{s("Commission")}</v></c></row>']
        for r in range(reps):
            m = r + 2
            rows.append(f'<row r="{m}"><c r="A{m}" t="s"><v>{s(f"R{r:05d}")}</v></c><c r="B{m}" t="s"><v>{s("2026-Q3")}</v></c>'
                        f'<c r="C{m}"><f>SUMIFS(Deals!$G$2:$G${last},Deals!$B$2:$B${last},A{m})</f><v>{totals[r]}</v></c></row>')
        summary = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   + "".join(rows) + "</sheetData></worksheet>")
        sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings.items)
        parts = [
            ("xl/worksheets/sheet2.xml", summary),
            ("[Content_Types].xml", content_types([("xl/workbook.xml", f"{SML}.sheet.main+xml")])),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook([("Deals", ""), ("Summary", "")])),
            ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "worksheet", "worksheets/sheet2.xml"),
                                                 ("rId3", "sharedStrings", "sharedStrings.xml"), ("rId4", "styles", "styles.xml")])),
            ("xl/styles.xml", styles([(164, "yyyy-mm-dd")], [0, 164])),
            ("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>'),
        ]
        for name, data in parts:
            part = zipfile.ZipInfo(name, DATE)
            part.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(part, data)
    os.rename(path, os.path.join(folder, "manual.xlsx"))


if __name__ == "__main__":
    main()
