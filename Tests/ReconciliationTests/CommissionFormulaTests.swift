import Foundation
import Reconciliation
import Spreadsheet
import Testing
import ZIP

/// The deals keep only whether a commission cell holds a formula; forensics read the texts from
/// the workbook's formulas, or from the deals reader when the formula check could not read the
/// workbook whole.
@Suite struct CommissionFormulaTests {
    /// `CauseTests.goodRows()` with row 3's formula adding 15: an inconsistent formula.
    static func rows() -> [CauseTests.Row] {
        var rows = CauseTests.goodRows()
        rows[1].commission = CauseTests.formula("515", "ROUND(D3*E3*F3,2)+15")
        return rows
    }

    static let named = "the formula =ROUND(D3*E3*F3,2)+15 differs from the column's"

    /// A copy of the workbook at `path` with a last sheet, `Notes`, whose XML breaks after 60 rows:
    /// the deals and the summary search read, the formula check cannot.
    static func addingUnreadableSheet(to path: String) throws -> String {
        let target = path.replacingOccurrences(of: ".xlsx", with: "-notes.xlsx")
        let archive = try ZipArchive(path: path)
        _ = FileManager.default.createFile(atPath: target, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: target))
        defer { try? handle.close() }
        let writer = ZipWriter(handle: handle)
        func edit(_ bytes: [UInt8], _ closing: String, _ added: String) throws -> [UInt8] {
            let text = String(decoding: bytes, as: UTF8.self)
            try #require(text.contains(closing))
            return Array(text.replacingOccurrences(of: closing, with: added + closing).utf8)
        }
        for entry in archive.entries {
            var bytes = try archive.data(of: entry)
            switch entry.name {
            case "xl/workbook.xml":
                bytes = try edit(bytes, "</sheets>", #"<sheet name="Notes" sheetId="99" r:id="rIdNotes"/>"#)
            case "xl/_rels/workbook.xml.rels":
                bytes = try edit(
                    bytes, "</Relationships>",
                    #"<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/notes.xml"/>"#
                )
            case "[Content_Types].xml":
                bytes = try edit(
                    bytes, "</Types>",
                    #"<Override PartName="/xl/worksheets/notes.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
                )
            default: break
            }
            try writer.addPart(entry.name, bytes)
        }
        let rows = (1...60).map {
            #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>note \#($0)</t></is></c></row>"#
        }
        let notes =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + rows.joined() + #"<row r="61"><c r="A61"><v>1</v></c></rowx></sheetData></worksheet>"#
        try writer.addPart("xl/worksheets/notes.xml", Array(notes.utf8))
        try writer.finish()
        return target
    }

    @Test func theTextComesFromTheWorkbooksFormulas() throws {
        let result = try CauseTests.reconcile(CauseTests.workbook(Self.rows()))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.causes.contains(.inconsistentFormula))
        #expect(finding.explanation.contains(Self.named))
    }

    @Test func theTextComesFromTheDealsWhenTheFormulaCheckCannotReadTheWorkbook() throws {
        let path = try Self.addingUnreadableSheet(to: CauseTests.workbook(Self.rows()))
        let result = try CauseTests.reconcile(path)
        #expect(result.mappingNotes.contains { $0.hasPrefix("formulas not evaluated") })
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.causes.contains(.inconsistentFormula))
        #expect(finding.explanation.contains(Self.named))
    }

    /// Past 2,000 formulas the column's form is judged on an even sample: every other formula of
    /// 4,000. The even-placed ones (`ROUND(D*E*F,2)`) are sampled, the odd-placed ones
    /// (`ROUND(F*E*D,2)`, the same figure) are not; so a wrong figure in an odd-placed row names
    /// its formula as unlike the column's, one in an even-placed row does not (a flat 5% plan).
    @Test func aLongColumnsFormIsJudgedOnAnEvenSample() throws {
        var rows = (2...4001).map { n in
            CauseTests.Row(
                deal: "D\(n)", amount: 100, rate: CauseTests.rate("0.05"),
                commission: CauseTests.formula(
                    "5", n % 2 == 0 ? "ROUND(D\(n)*E\(n)*F\(n),2)" : "ROUND(F\(n)*E\(n)*D\(n),2)"))
        }
        rows[0].commission = CauseTests.formula("6", "ROUND(D2*E2*F2,2)")
        rows[1].commission = CauseTests.formula("6", "ROUND(F3*E3*D3,2)")
        let flat = CauseTests.planText.split(separator: "\n").filter { !$0.contains("50000") }.joined(separator: "\n")
        let result = try CauseTests.reconcile(CauseTests.workbook(rows), plan: flat)
        let even = try #require(result.errors.first { $0.cell == CellAddress("G2") })
        let odd = try #require(result.errors.first { $0.cell == CellAddress("G3") })
        #expect(!even.causes.contains(.inconsistentFormula))
        #expect(odd.causes.contains(.inconsistentFormula))
        #expect(odd.explanation.contains("the formula =ROUND(F3*E3*D3,2) differs from the column's"))
    }
}
