import Formula
import Foundation
import Recalculation
import TestSupport
import Testing
import ZIP

/// A workbook read from its package: tables and structured references, defined names.
@Suite struct WorkbookFormulasTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The sheet's rows: table `tblDeals` over A1:B4 (Amount, Commission) and formulas.
    static let defaultRows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>Amount</t></is></c><c r="B1" t="inlineStr"><is><t>Commission</t></is></c><c r="H1"><v>0.1</v></c></row>
        <row r="2"><c r="A2"><v>100</v></c><c r="B2"><f>[@Amount]*Rate</f><v>10</v></c></row>
        <row r="3"><c r="A3"><v>200</v></c><c r="B3"><f>tblDeals[[#This Row],[Amount]]*Rate</f><v>20</v></c></row>
        <row r="4"><c r="A4"><v>300</v></c><c r="B4"><f>tblDeals[@Amount]*Rate</f><v>99</v></c></row>
        <row r="6"><c r="B6"><f>SUM(tblDeals[Commission])</f><v>60</v></c><c r="C6"><f>ROWS(tblDeals[#All])</f><v>4</v></c></row>
        """

    /// A one-sheet package of `rows`, with table `tblDeals` over A1:B4 and the name `Rate` (H1).
    static func write(_ path: String, rows: String = defaultRows) throws {
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#
            ),
            (
                "_rels/.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(type)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
            (
                "xl/workbook.xml",
                #"<?xml version="1.0"?><workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="Deals" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="Rate">Deals!$H$1</definedName></definedNames></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(type)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
            ),
            (
                "xl/worksheets/sheet1.xml",
                #"<?xml version="1.0"?><worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#
            ),
            (
                "xl/worksheets/_rels/sheet1.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(type)/table" Target="../tables/table1.xml"/></Relationships>"#
            ),
            (
                "xl/tables/table1.xml",
                #"<?xml version="1.0"?><table xmlns="\#(main)" id="1" name="Table1" displayName="tblDeals" ref="A1:B4"><tableColumns count="2"><tableColumn id="1" name="Amount"/><tableColumn id="2" name="Commission"/></tableColumns></table>"#
            ),
        ]
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let writer = ZipWriter(handle: handle)
        for (name, text) in parts { try writer.addPart(name, Array(text.utf8)) }
        try writer.finish()
    }

    /// Rows the sheet marks hidden are read as such: `SUBTOTAL(109,…)` leaves them out, as the
    /// cached value Excel saved does, and `SUBTOTAL(9,…)` counts them.
    @Test func hiddenRowsAreLeftOutBySubtotal109() throws {
        let path = Scratch.folder.appendingPathComponent("hidden-\(UUID().uuidString).xlsx")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.write(
            path,
            rows: """
                <row r="1"><c r="A1"><v>100</v></c></row>
                <row r="2" hidden="1"><c r="A2"><v>200</v></c></row>
                <row r="3" spans="1:1" hidden="true" customHeight="1"><c r="A3"><v>300</v></c></row>
                <row r="4" hidden="0"><c r="A4"><v>400</v></c></row>
                <row r="6"><c r="B6"><f>SUBTOTAL(109,A1:A4)</f><v>500</v></c><c r="C6"><f>SUBTOTAL(9,A1:A4)</f><v>1000</v></c></row>
                """)
        let results = try WorkbookFormulas(path: path).evaluate(precedents: .cachedWhereAvailable)
        #expect(results.map { $0.value?.displayText ?? "-" } == ["500", "1000"])
        #expect(results.allSatisfy { $0.agreesWithCached == true })
    }

    @Test func structuredReferencesAndNamesEvaluateFromThePackage() throws {
        let path = Scratch.folder.appendingPathComponent("tables-\(UUID().uuidString).xlsx")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.write(path)
        let formulas = try WorkbookFormulas(path: path)
        #expect(formulas.workbook.tables.map(\.name) == ["tblDeals"])
        let results = formulas.evaluate(precedents: .cachedWhereAvailable)
        let values = Dictionary(
            uniqueKeysWithValues: results.map { ("\($0.cell.address)", $0.value?.displayText ?? "-") })
        #expect(values == ["B2": "10", "B3": "20", "B4": "30", "B6": "129", "C6": "4"])
        // B4's cached 99 is stale; B6 sums the cached values as the file has them (10 + 20 + 99).
        #expect(results.filter { $0.agreesWithCached == false }.map { "\($0.cell.address)" } == ["B4", "B6"])
        let recalculated = formulas.evaluate()
        #expect(recalculated.first { "\($0.cell.address)" == "B6" }?.value == .number(60))
    }
}
