"""Hand-built SpreadsheetML parts for the fixture and sample scripts.

Each helper returns one part's XML as text; `write` zips parts with fixed timestamps so that the
output is byte-for-byte the same on every run.
"""
import os
import zipfile
from xml.sax.saxutils import quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
DATE = (1980, 1, 1, 0, 0, 0)


def content_types(overrides):
    items = "".join(f'<Override PartName="/{p}" ContentType="{t}"/>' for p, t in overrides)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + items + '</Types>')


def rels(items, rel_ns=REL):
    body = "".join(f'<Relationship Id="{i}" Type="{rel_ns}/{t}" Target="{target}"/>' for i, t, target in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{body}</Relationships>'


def workbook(sheets, extra="", ns=MAIN, rel_ns=REL, pr=""):
    body = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"{state}/>' for i, (name, state) in enumerate(sheets))
    return f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{rel_ns}">{pr}<sheets>{body}</sheets>{extra}</workbook>'


def sheet(rows_xml, ns=MAIN, before="", after=""):
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">{before}<sheetData>{rows_xml}</sheetData>{after}</worksheet>'


def sst(items, count=999999999):
    """A shared-strings part; fixtures keep the wrong counts some producers write, by default."""
    body = "".join(f"<si>{i}</si>" for i in items)
    unique = 999999999 if count == 999999999 else len(items)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{count}" uniqueCount="{unique}">{body}</sst>'


def styles(num_fmts, xfs, complete=False):
    """A styles part; `complete` adds the fonts, fills and borders Excel itself always writes."""
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)}/>' for i, code in num_fmts)
    if not complete:
        cell_xfs = "".join(f'<xf numFmtId="{i}"/>' for i in xfs)
        return (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><numFmts>{fmts}</numFmts>'
                f'<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>{cell_xfs}</cellXfs></styleSheet>')
    apply = ' applyNumberFormat="1"'
    cell_xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"{apply if i else ""}/>'
                       for i in xfs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
            f'<numFmts count="{len(num_fmts)}">{fmts}</numFmts>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{cell_xfs}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def write(path, parts, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for part_name, data in parts:
            info = zipfile.ZipInfo(part_name, DATE)
            info.compress_type = compression
            z.writestr(info, data)
    return path


def standard(sheet_xml, *, shared=None, style=None, wb=None, extra_parts=()):
    """A conventional package: workbook at xl/workbook.xml with one sheet."""
    wb_rels = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    overrides = [("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]
    parts = [("xl/worksheets/sheet1.xml", sheet_xml)]
    if shared is not None:
        wb_rels.append(("rId8", "sharedStrings", "sharedStrings.xml"))
        parts.append(("xl/sharedStrings.xml", shared))
    if style is not None:
        wb_rels.append(("rId9", "styles", "styles.xml"))
        parts.append(("xl/styles.xml", style))
    return [("[Content_Types].xml", content_types(overrides)),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", wb or workbook([("Sheet1", "")])),
            ("xl/_rels/workbook.xml.rels", rels(wb_rels))] + parts + list(extra_parts)


def col(n):
    """Column letters for a 1-based column number."""
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def package(sheets, *, shared=None, style=None):
    """A conventional package with several sheets: `sheets` is a list of (name, sheet XML)."""
    wb_rels = [(f"rId{i + 1}", "worksheet", f"worksheets/sheet{i + 1}.xml") for i in range(len(sheets))]
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = [("xl/workbook.xml", f"{sml}.sheet.main+xml")]
    overrides += [(f"xl/worksheets/sheet{i + 1}.xml", f"{sml}.worksheet+xml") for i in range(len(sheets))]
    parts = [(f"xl/worksheets/sheet{i + 1}.xml", xml) for i, (_, xml) in enumerate(sheets)]
    if shared is not None:
        wb_rels.append(("rId98", "sharedStrings", "sharedStrings.xml"))
        overrides.append(("xl/sharedStrings.xml", f"{sml}.sharedStrings+xml"))
        parts.append(("xl/sharedStrings.xml", shared))
    if style is not None:
        wb_rels.append(("rId99", "styles", "styles.xml"))
        overrides.append(("xl/styles.xml", f"{sml}.styles+xml"))
        parts.append(("xl/styles.xml", style))
    return [("[Content_Types].xml", content_types(overrides)),
            ("_rels/.rels", rels([("rId1", "officeDocument", "xl/workbook.xml")])),
            ("xl/workbook.xml", workbook([(name, "") for name, _ in sheets])),
            ("xl/_rels/workbook.xml.rels", rels(wb_rels))] + parts


class StringTable:
    """Collects shared strings in first-use order."""

    def __init__(self):
        self.items = []
        self.index = {}
        self.uses = 0

    def ref(self, text):
        self.uses += 1
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self):
        from xml.sax.saxutils import escape
        return sst([f'<t xml:space="preserve">{escape(t)}</t>' for t in self.items], count=self.uses)
