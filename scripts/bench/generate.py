#!/usr/bin/env python3
"""Generates commission-like sheets for the benchmarks, deterministically, as XLSX and CSV.

usage: generate.py ROWS OUT_DIR   → OUT_DIR/deals-ROWS.xlsx and OUT_DIR/deals-ROWS.csv

Ten columns: deal id and rep (shared strings), region, close date (a date-formatted serial),
amount, rate, commission (a formula with its cached value), quantity, product, and a note with
commas, quotes and the odd newline. The XLSX is streamed into the zip, so memory stays small.
"""
import csv
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ooxml import DATE, StringTable, col, content_types, rels, styles, workbook  # noqa: E402

REPS = [f"Rep {chr(65 + i % 26)}{i:02d} {name}" for i, name in enumerate(
    ["Lima", "Okafor", "Martin", "Patel", "Nakamura", "Schmidt", "Rossi", "García", "Kowalski", "Smith"] * 5)]
REGIONS = ["West", "East", "North", "South", "Central"]
PRODUCTS = [f"Product {p}" for p in "ABCDEFGHIJKLMNOPQRST"]
NOTES = ["", "renewal", "multi-year, prepaid", 'customer said "yes" on the call', "split with\nCS team", ""]


def rows(count):
    rng = random.Random(20261129)
    for n in range(1, count + 1):
        amount = rng.randrange(100_00, 250_000_00) / 100
        rate = (0.05, 0.08, 0.1, 0.12)[rng.randrange(4)]
        yield (f"D-{n:07d}", REPS[rng.randrange(len(REPS))], REGIONS[rng.randrange(5)], 45_000 + rng.randrange(730),
               f"{amount:.2f}", repr(rate), round(amount * rate, 2), rng.randrange(1, 50),
               PRODUCTS[rng.randrange(len(PRODUCTS))], NOTES[rng.randrange(len(NOTES))])


SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEADERS = ["Deal ID", "Rep", "Region", "Close Date", "Amount", "Rate", "Commission", "Quantity", "Product", "Note"]


def write_xlsx(path, count):
    strings = StringTable()
    s = strings.ref

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      b'<dimension ref="A1:J%d"/><sheetData>' % (count + 1))
            header = "".join(f'<c r="{col(i + 1)}1" t="s"><v>{s(h)}</v></c>' for i, h in enumerate(HEADERS))
            out.write(f'<row r="1">{header}</row>'.encode())
            buffer = []
            for n, (deal, rep, region, day, amount, rate, commission, qty, product, note) in enumerate(rows(count), 2):
                cells = (f'<c r="A{n}" t="s"><v>{s(deal)}</v></c><c r="B{n}" t="s"><v>{s(rep)}</v></c>'
                         f'<c r="C{n}" t="s"><v>{s(region)}</v></c><c r="D{n}" s="1"><v>{day}</v></c>'
                         f'<c r="E{n}" s="2"><v>{amount}</v></c><c r="F{n}" s="3"><v>{rate}</v></c>'
                         f'<c r="G{n}" s="2"><f>E{n}*F{n}</f><v>{commission}</v></c><c r="H{n}"><v>{qty}</v></c>'
                         f'<c r="I{n}" t="s"><v>{s(product)}</v></c>')
                if note:
                    cells += f'<c r="J{n}" t="s"><v>{s(note)}</v></c>'
                buffer.append(f'<row r="{n}">{cells}</row>')
                if len(buffer) == 10_000:
                    out.write("".join(buffer).encode())
                    buffer = []
            out.write("".join(buffer).encode())
            out.write(b"</sheetData></worksheet>")
        sst = "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings.items)
        parts = [
            ("[Content_Types].xml", content_types([
                ("xl/workbook.xml", f"{SML}.sheet.main+xml"), ("xl/worksheets/sheet1.xml", f"{SML}.worksheet+xml"),
                ("xl/sharedStrings.xml", f"{SML}.sharedStrings+xml"), ("xl/styles.xml", f"{SML}.styles+xml")])),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook([("Deals", "")])),
            ("xl/_rels/workbook.xml.rels", rels([("rId1", "worksheet", "worksheets/sheet1.xml"),
                                                 ("rId2", "sharedStrings", "sharedStrings.xml"),
                                                 ("rId3", "styles", "styles.xml")])),
            ("xl/styles.xml", styles([(164, "yyyy-mm-dd"), (165, "#,##0.00"), (166, "0.0%")], [0, 164, 165, 166])),
            ("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns='
             f'"http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sst}</sst>'),
        ]
        for name, data in parts:
            part = zipfile.ZipInfo(name, DATE)
            part.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(part, data)


def write_csv(path, count):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator="\r\n")
        out.writerow(HEADERS)
        for deal, rep, region, day, amount, rate, commission, qty, product, note in rows(count):
            out.writerow([deal, rep, region, day, amount, rate, f"{commission:.2f}", qty, product, note])


if __name__ == "__main__":
    count, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    xlsx = os.path.join(folder, f"deals-{count}.xlsx")
    if not os.path.exists(xlsx):
        write_xlsx(xlsx + ".part", count)
        os.rename(xlsx + ".part", xlsx)
    text = os.path.join(folder, f"deals-{count}.csv")
    if not os.path.exists(text):
        write_csv(text + ".part", count)
        os.rename(text + ".part", text)
