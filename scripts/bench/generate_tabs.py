#!/usr/bin/env python3
"""Generates the same hand-kept deals twice, for scripts/bench-reconcile --tabs: on one sheet with
a Rep column, and spread over a tab per rep (the rep from the tab's name, no rep column).

usage: generate_tabs.py ROWS TABS OUT_DIR → OUT_DIR/tabs-ROWS-TABS/{one-sheet.xlsx, tabs.xlsx, plan.yaml, roster.csv}
Per-deal tiers (8%, 10% from 50,000); the Commission column is `=ROUND(C*D,2)` with its cached
value; about 1% of rows carry a rate typo or a typed value. Deterministic.
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
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PLAN = """plan: Benchmark reconcile over tabs
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


def deals(count, reps):
    """Every deal: (rep, deal id, day serial, amount, rate, commission, formula?)."""
    rng = random.Random(17)
    epoch = datetime.date(1899, 12, 30)
    for i in range(count):
        rep = rng.randrange(reps)
        day = (datetime.date(2026, 7, 1) + datetime.timedelta(days=rng.randrange(92)) - epoch).days
        amount = Decimal(rng.randrange(500_00, 90_000_00)) / 100
        rate = Decimal("0.1") if amount >= 50_000 else Decimal("0.08")
        roll = rng.random()
        if roll < 0.005:
            rate = Decimal("0.008") if rate == Decimal("0.08") else Decimal("0.01")
        commission = (amount * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        typed = 0.005 <= roll < 0.01
        if typed:
            commission = commission.quantize(Decimal("1"))
        yield rep, f"D{i:08d}", day, amount, rate, commission, not typed


def write_sheet(z, name, header, rows):
    """Streams one worksheet part from `rows` (lists of cell XML builders taking the row number)."""
    info = zipfile.ZipInfo(name, DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
        out.write(f'<row r="1">{header}</row>'.encode())
        buffer = []
        for n, cells in enumerate(rows, 2):
            buffer.append(f'<row r="{n}">{cells(n)}</row>')
            if len(buffer) == 10_000:
                out.write("".join(buffer).encode())
                buffer = []
        out.write("".join(buffer).encode())
        out.write(b"</sheetData></worksheet>")


def package(path, sheets, strings):
    """Writes `sheets` (name, header XML, row builders) as a workbook at `path`."""
    with zipfile.ZipFile(path + ".part", "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for i, (name, header, rows) in enumerate(sheets, 1):
            write_sheet(z, f"xl/worksheets/sheet{i}.xml", header, rows)
        sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings.items)
        sheet_rels = [(f"rId{i}", "worksheet", f"worksheets/sheet{i}.xml") for i in range(1, len(sheets) + 1)]
        parts = [
            ("[Content_Types].xml", content_types(
                [("xl/workbook.xml", f"{SML}.sheet.main+xml"), ("xl/sharedStrings.xml", f"{SML}.sharedStrings+xml"),
                 ("xl/styles.xml", f"{SML}.styles+xml")]
                + [(f"xl/worksheets/sheet{i}.xml", f"{SML}.worksheet+xml") for i in range(1, len(sheets) + 1)])),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook([(name, "") for name, _, _ in sheets])),
            ("xl/_rels/workbook.xml.rels", rels(sheet_rels + [("rId9998", "sharedStrings", "sharedStrings.xml"),
                                                              ("rId9999", "styles", "styles.xml")])),
            ("xl/styles.xml", styles([(164, "yyyy-mm-dd")], [0, 164])),
            ("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{sst}</sst>'),
        ]
        for name, data in parts:
            part = zipfile.ZipInfo(name, DATE)
            part.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(part, data)
    os.rename(path + ".part", path)


def main():
    count, tabs = int(sys.argv[1]), int(sys.argv[2])
    folder = os.path.join(sys.argv[3], f"tabs-{count}-{tabs}")
    if os.path.exists(os.path.join(folder, "tabs.xlsx")):
        return
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "plan.yaml"), "w") as handle:
        handle.write(PLAN)
    names = [f"Rep {r + 1:03d}" for r in range(tabs)]
    with open(os.path.join(folder, "roster.csv"), "w") as handle:
        handle.write("id,name\n" + "".join(f"R{r + 1:03d},{name}\n" for r, name in enumerate(names)))
    all_deals = list(deals(count, tabs))

    def cells(strings, deal, rep_column):
        rep, deal_id, day, amount, rate, commission, formula = deal
        s = strings.ref
        letters = "ABCDEF" if rep_column else "ABCDE"
        first = [f'<c r="A{{n}}" t="s"><v>{s(deal_id)}</v></c>']
        if rep_column:
            first.append(f'<c r="B{{n}}" t="s"><v>{s(names[rep])}</v></c>')
        c, a, r, k = letters[-4:]
        template = "".join(first) + (
            f'<c r="{c}{{n}}" s="1"><v>{day}</v></c><c r="{a}{{n}}"><v>{amount}</v></c><c r="{r}{{n}}"><v>{rate}</v></c>'
            f'<c r="{k}{{n}}">' + (f"<f>ROUND({a}{{n}}*{r}{{n}},2)</f>" if formula else "") + f"<v>{commission}</v></c>")
        return lambda n: template.format(n=n)

    strings = StringTable()
    header_one = "".join(f'<c r="{c}1" t="s"><v>{strings.ref(h)}</v></c>'
                         for c, h in zip("ABCDEF", ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"]))
    package(os.path.join(folder, "one-sheet.xlsx"),
            [("Deals", header_one, (cells(strings, d, True) for d in all_deals))], strings)
    strings = StringTable()
    header_tab = "".join(f'<c r="{c}1" t="s"><v>{strings.ref(h)}</v></c>'
                         for c, h in zip("ABCDE", ["Deal ID", "Close Date", "Amount", "Rate", "Commission"]))
    by_rep = [[] for _ in range(tabs)]
    for deal in all_deals:
        by_rep[deal[0]].append(deal)
    package(os.path.join(folder, "tabs.xlsx"),
            [(names[r], header_tab, (cells(strings, d, False) for d in by_rep[r])) for r in range(tabs)], strings)


if __name__ == "__main__":
    main()
