#!/usr/bin/env python3
"""Generates a large hand-kept commission workbook with planted errors, for scripts/bench-reconcile.

usage: generate_manual.py ROWS OUT_DIR [bonus|subtotals]
       → OUT_DIR/{manual,bonus,subtotals}-ROWS/{manual.xlsx, plan.yaml, roster.csv}
One rep per thousand rows; per-deal tiers (8%, 10% from 50,000); the Commission column is
`=ROUND(D*E*F,2)` with its cached value. About 1% of rows carry an error: a rate typo, another
tier's rate, a typed value, or a copied row; a Summary sheet totals each rep with SUMIFS.
A sheet holds at most 1,048,576 rows: past a million rows the deals go on tabs of a million rows
each (`Deals 1`, `Deals 2`, …), and each rep's total adds a SUMIFS per tab. Up to a million rows the
file is as it always was (one `Deals` sheet).
Variants (performance.md, session 27): `bonus` adds Product and Bonus columns (30% of rows
`Analytics`, paid the plan's SPIFF of 100 per deal, 0.5% of bonus cells wrong); `subtotals` writes
a `Subtotal` row `=SUM(G…:G…)` after every 30 deals.
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


BONUSES = """bonuses:
  - { name: SPIFF, per_deal: 100, when: { product: Analytics } }
"""


def main():
    variant = sys.argv[3] if len(sys.argv) > 3 else None
    if variant not in (None, "bonus", "subtotals"):
        sys.exit(f"generate_manual.py: unknown variant {variant!r}: bonus or subtotals")
    count, folder = int(sys.argv[1]), os.path.join(sys.argv[2], f"{variant or 'manual'}-{sys.argv[1]}")
    if os.path.exists(os.path.join(folder, "manual.xlsx")):
        return
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(11)
    reps = max(1, count // 1000)
    with open(os.path.join(folder, "plan.yaml"), "w") as handle:
        handle.write(PLAN + (BONUSES if variant == "bonus" else ""))
    with open(os.path.join(folder, "roster.csv"), "w") as handle:
        handle.write("id,name\n" + "".join(f"R{r:05d},Rep {r}\n" for r in range(reps)))
    strings = StringTable()
    s = strings.ref

    epoch = datetime.date(1899, 12, 30)
    totals = [Decimal(0)] * reps
    path = os.path.join(folder, "manual.xlsx.part")
    per_tab = 1_000_000
    tabs = max(1, -(-count // per_tab))
    names = ["Deals"] if tabs == 1 else [f"Deals {t + 1}" for t in range(tabs)]
    lasts = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        previous = None
        i = 0
        for tab in range(tabs):
            info = zipfile.ZipInfo(f"xl/worksheets/sheet{tab + 1}.xml", DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as out:
                out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
                headers = ["Deal ID", "Rep", "Close Date", "Amount", "Split", "Rate", "Commission"]
                headers += ["Product", "Bonus"] if variant == "bonus" else []
                head = "".join(f'<c r="{c}1" t="s"><v>{s(h)}</v></c>' for c, h in zip("ABCDEFGHI", headers))
                out.write(f'<row r="1">{head}</row>'.encode())
                buffer = []
                block = []
                n = 1
                for _ in range(min(per_tab, count - i)):
                    n += 1
                    rep = rng.randrange(reps)
                    day = (datetime.date(2026, 7, 1) + datetime.timedelta(days=rng.randrange(92)) - epoch).days
                    amount = Decimal(rng.randrange(500_00, 90_000_00)) / 100
                    rate = Decimal("0.1") if amount >= 50_000 else Decimal("0.08")
                    deal = f"D{i:08d}"
                    i += 1
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
                    # The deal's and rep's texts take their shared-string numbers before the product's.
                    deal_ref, rep_ref, extra = s(deal), s(f"R{rep:05d}"), ""
                    if variant == "bonus":
                        product = "Analytics" if rng.random() < 0.3 else "Core"
                        bonus = 100 if product == "Analytics" else 0
                        if rng.random() < 0.005:
                            bonus = 100 - bonus
                        extra = f'<c r="H{n}" t="s"><v>{s(product)}</v></c><c r="I{n}"><v>{bonus}</v></c>'
                    totals[rep] += commission
                    previous = (deal, rep, day, amount, rate)
                    buffer.append(f'<row r="{n}"><c r="A{n}" t="s"><v>{deal_ref}</v></c><c r="B{n}" t="s"><v>{rep_ref}</v></c>'
                                  f'<c r="C{n}" s="1"><v>{day}</v></c><c r="D{n}"><v>{amount}</v></c><c r="E{n}"><v>1</v></c>'
                                  f'<c r="F{n}"><v>{rate}</v></c><c r="G{n}">{formula}<v>{commission}</v></c>{extra}</row>')
                    if variant == "subtotals":
                        block.append(commission)
                        if len(block) == 30:
                            n += 1
                            first = n - len(block)
                            buffer.append(f'<row r="{n}"><c r="A{n}" t="s"><v>{s("Subtotal")}</v></c>'
                                          f'<c r="G{n}"><f>SUM(G{first}:G{n - 1})</f><v>{sum(block)}</v></c></row>')
                            block = []
                    if len(buffer) == 10_000:
                        out.write("".join(buffer).encode())
                        buffer = []
                out.write("".join(buffer).encode())
                out.write(b"</sheetData></worksheet>")
            lasts.append(n)
        rows = [f'<row r="1"><c r="A1" t="s"><v>{s("Rep")}</v></c><c r="B1" t="s"><v>{s("Period")}</v></c><c r="C1" t="s"><v>{s("Commission")}</v></c></row>']
        for r in range(reps):
            m = r + 2
            sums = "+".join(f"SUMIFS({sheet}!$G$2:$G${last},{sheet}!$B$2:$B${last},A{m})"
                            for sheet, last in zip((name if " " not in name else f"'{name}'" for name in names), lasts))
            rows.append(f'<row r="{m}"><c r="A{m}" t="s"><v>{s(f"R{r:05d}")}</v></c><c r="B{m}" t="s"><v>{s("2026-Q3")}</v></c>'
                        f'<c r="C{m}"><f>{sums}</f><v>{totals[r]}</v></c></row>')
        summary = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                   + "".join(rows) + "</sheetData></worksheet>")
        sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings.items)
        sheets = [f"worksheets/sheet{t + 1}.xml" for t in range(tabs + 1)]
        parts = [
            (f"xl/worksheets/sheet{tabs + 1}.xml", summary),
            ("[Content_Types].xml", content_types([("xl/workbook.xml", f"{SML}.sheet.main+xml")])),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook([(name, "") for name in names + ["Summary"]])),
            ("xl/_rels/workbook.xml.rels", rels([(f"rId{k + 1}", "worksheet", sheet) for k, sheet in enumerate(sheets)]
                                                + [(f"rId{tabs + 2}", "sharedStrings", "sharedStrings.xml"),
                                                   (f"rId{tabs + 3}", "styles", "styles.xml")])),
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
