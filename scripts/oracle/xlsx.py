"""Writes a deals table as a minimal XLSX workbook, the way spreadsheet programs store one:
dates as serial numbers in date-formatted cells, amounts as numbers, percentages as fractions
in percent-formatted cells, everything else as text (standard library only)."""

import datetime
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Deals" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        "</Relationships>"),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        "</styleSheet>"),
}
EPOCH = datetime.date(1899, 12, 30)
# Times of day as a serial's fraction: 00:00:01, 09:00, 12:00, 16:30, 23:59:59 (the cell holds the
# float's shortest text, as spreadsheet programs write it: 46024.999988425926).
TIMES = [".000011574074074074073", ".375", ".5", ".6875", ".99998842592592593"]


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell(reference, value, kind):
    """kind: date, datetime (the date at a time of day), number, percent or text."""
    if value == "":
        return ""
    try:
        if kind == "date":
            serial = (datetime.date.fromisoformat(value) - EPOCH).days
            return f'<c r="{reference}" s="1"><v>{serial}</v></c>'
        if kind == "datetime":
            serial = (datetime.date.fromisoformat(value) - EPOCH).days
            fraction = TIMES[sum(map(ord, reference)) % len(TIMES)]
            return f'<c r="{reference}" s="3"><v>{float(f"{serial}{fraction}")!r}</v></c>'
        if kind == "number":
            return f'<c r="{reference}"><v>{Decimal(value)}</v></c>'
        if kind == "percent":
            fraction = Decimal(value[:-1]) / 100 if value.endswith("%") else Decimal(value)
            return f'<c r="{reference}" s="2"><v>{fraction}</v></c>'
    except (ValueError, ArithmeticError):
        pass
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def write(path, headers, rows, kinds, texts=None):
    """rows: lists of texts; kinds: each column's kind; `texts(row, column)` true for a cell
    written as text whatever its kind (an ISO date or a number typed as text)."""
    xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for number, values in enumerate([headers] + rows, start=1):
        cells = []
        for index, value in enumerate(values):
            kind = "text" if number == 1 or (texts and texts(number, index)) else kinds[index]
            cells.append(cell(f"{column(index)}{number}", value, kind))
        xml.append(f'<row r="{number}">{"".join(cells)}</row>')
    xml.append("</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", "".join(xml))
