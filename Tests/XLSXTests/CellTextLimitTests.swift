import Foundation
import Spreadsheet
import Testing
import XLSX

/// A cell's text holds at most 32,767 characters (UTF-16 units, as Excel counts), in a worksheet
/// as in a CSV field: a longer inline string, formula string or shared string is refused naming
/// the cell (or the shared string), in time linear in its length however many runs make it up.
@Suite struct CellTextLimitTests {
    /// The Deals sheet read with `B2` holding `text` inline.
    static func inline(_ text: String) throws -> [String] {
        try read(#"<row r="2"><c r="B2" t="inlineStr"><is><t>\#(text)</t></is></c></row>"#)
    }

    /// The Deals sheet of `rows` after a row `A1 = 1`, read (`SheetDataIntegrityTests.read`).
    static func read(_ rows: String) throws -> [String] {
        try SheetDataIntegrityTests.read(
            SheetDataIntegrityTests.sheet(#"<row r="1"><c r="A1"><v>1</v></c></row>"# + rows))
    }

    @Test func anInlineStringPastTheLimitIsRefusedNamingItsCell() throws {
        let refusal =
            "refused: Deals!B2: the cell's text is longer than 32767 characters, the most a spreadsheet cell holds"
        let limit = CellValue.maxTextLength
        #expect(try Self.inline(String(repeating: "x", count: limit)).count == 2)
        #expect(try Self.inline(String(repeating: "x", count: limit + 1)) == [refusal])
        // Counted as Excel counts: a character past U+FFFF is two; an `_xHHHH_` escape is one.
        #expect(try Self.inline(String(repeating: "😀", count: limit / 2 + 1)) == [refusal])
        #expect(try Self.inline(String(repeating: "_x0041_", count: limit)).count == 2)
        // A formula's string result, and a value of many text nodes (entities split them).
        let formula =
            #"<row r="2"><c r="B2" t="str"><f>A1</f><v>\#(String(repeating: "ab&amp;", count: limit / 3 + 1))</v></c></row>"#
        #expect(try Self.read(formula) == [refusal])
        let runs = String(repeating: "<r><t>\(String(repeating: "y", count: 1_000))</t></r>", count: 5_000)
        let start = Date()
        let many = try Self.read(#"<row r="2"><c r="B2" t="inlineStr"><is>\#(runs)</is></c></row>"#)
        #expect(many == [refusal], "\(many)")
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aSharedStringPastTheLimitIsRefusedNamingItsIndex() throws {
        func read(_ strings: [String]) throws -> String {
            let table =
                #"<sst xmlns="\#(PackageEditorTests.main)">"# + strings.map { "<si><t>\($0)</t></si>" }.joined()
                + "</sst>"
            let parts = PackageEditorTests.basicParts(sharedStrings: table)
            do {
                return "\(try XLSXWorkbook(path: try PackageEditorTests.package(parts)).sheets.count) sheets"
            } catch let error as SpreadsheetError {
                return error.reason
            }
        }
        let limit = CellValue.maxTextLength
        #expect(try read(["a", String(repeating: "x", count: limit)]) == "2 sheets")
        #expect(
            try read(["a", "b", String(repeating: "x", count: limit + 1)])
                == "part 'xl/sharedStrings.xml': shared string 2 is longer than 32767 characters, the most a spreadsheet cell holds"
        )
    }
}
