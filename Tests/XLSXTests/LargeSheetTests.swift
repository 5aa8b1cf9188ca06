import Foundation
import Spreadsheet
import Testing
import XLSX
import XMLStream

/// Sheets large enough to be parsed on a second thread while the caller takes their rows: the
/// rows, their order, the merged ranges and the progress are those of a plain read; errors still
/// name the cell, after every row before it; a handler that throws stops the read.
@Suite struct LargeSheetTests {
    static let rowCount = 50_000

    /// A workbook whose sheet `Deals` holds `rowCount` rows (over 4 MiB of XML): a number and an
    /// inline string per row, one merged range, `prologue` before the root element and row `odd`
    /// (if any) written by `oddRow` instead.
    static func workbook(prologue: String = "", odd: Int? = nil, oddRow: (Int) -> String = { _ in "" }) throws
        -> String
    {
        let main = PackageEditorTests.main
        var sheet = prologue + #"<worksheet xmlns="\#(main)"><sheetData>"#
        for row in 1...rowCount {
            sheet +=
                row == odd
                ? oddRow(row)
                : #"<row r="\#(row)"><c r="A\#(row)"><v>\#(row)</v></c><c r="B\#(row)" t="inlineStr"><is><t>Deal \#(row), a note long enough to fill the part</t></is></c></row>"#
        }
        sheet += #"</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#
        #expect(sheet.utf8.count > 4 << 20)
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/worksheets/sheet1.xml" ? (name, sheet) : (name, text)
        }
        return try PackageEditorTests.package(parts)
    }

    @Test func rowsMergedRangesAndProgressAreThoseOfAPlainRead() throws {
        let path = try Self.workbook()
        let workbook = try XLSXWorkbook(path: path)
        var indexes: [Int] = []
        var wrong: [Int] = []
        var progress: [(Int64, Int64)] = []
        let tail = try workbook.readRows(of: workbook.sheets[0], progress: { progress.append(($0, $1)) }) { row in
            indexes.append(row.index)
            let expected = [
                Cell(column: 1, value: .number(Decimal(row.index))),
                Cell(column: 2, value: .text("Deal \(row.index), a note long enough to fill the part")),
            ]
            if row.cells != expected { wrong.append(row.index) }
        }
        #expect(indexes == Array(1...Self.rowCount))
        #expect(wrong.isEmpty)
        #expect(tail.mergedRanges == [CellRange("A1:B1")!])
        let total = try #require(progress.last?.1)
        #expect(progress.last?.0 == total)
        #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.0 <= $1.0 })
    }

    @Test func anErrorNamesItsCellAfterEveryRowBeforeIt() throws {
        let path = try Self.workbook(odd: 40_001) { #"<row r="\#($0)"><c r="A\#($0)"><v>x</v></c></row>"# }
        let workbook = try XLSXWorkbook(path: path)
        var last = 0
        #expect {
            try workbook.readRows(of: workbook.sheets[0]) { last = $0.index }
        } throws: { error in
            "\(error)" == "\(path) › Deals!A40001: expected a number, found 'x'"
        }
        #expect(last == 40_000)
    }

    /// Values are read on the caller's thread, after the parse has run ahead: a bad value is
    /// still reported before a bad reference later in its row, and a row nested in another still
    /// reads as a repeated row.
    @Test func errorsComeInDocumentOrderWhileValuesAreReadBehindTheParse() throws {
        let badValueThenBadReference = try Self.workbook(odd: 30_000) {
            #"<row r="\#($0)"><c r="A\#($0)"><v>x</v></c><c r="1A"><v>1</v></c></row>"#
        }
        let nested = try Self.workbook(odd: 30_000) {
            #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c><row r="\#($0)"><c r="B\#($0)"><v>2</v></c></row></row>"#
        }
        for (path, message) in [
            (badValueThenBadReference, "Deals!A30000: expected a number, found 'x'"),
            (nested, "Deals: row 30000 appears twice; each row may appear once"),
        ] {
            let workbook = try XLSXWorkbook(path: path)
            #expect {
                try workbook.readRows(of: workbook.sheets[0]) { _ in }
            } throws: { error in
                "\(error)" == "\(path) › \(message)"
            }
        }
    }

    @Test func aHandlerThatThrowsStopsTheReadAndTheWorkbookReadsAgain() throws {
        struct Enough: Error {}
        let path = try Self.workbook()
        let workbook = try XLSXWorkbook(path: path)
        var seen = 0
        #expect(throws: Enough.self) {
            try workbook.readRows(of: workbook.sheets[0]) { _ in
                seen += 1
                if seen == 10 { throw Enough() }
            }
        }
        #expect(seen == 10)
        var rows = 0
        try workbook.readRows(of: workbook.sheets[0]) { _ in rows += 1 }
        #expect(rows == Self.rowCount)
    }

    @Test func aDocumentTypeOrTooManyAttributesIsRefusedAsInASmallSheet() throws {
        let doctype = try Self.workbook(prologue: #"<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>"#)
        let attributes = (0..<2_000).map { " a\($0)=\"1\"" }.joined()
        let wide = try Self.workbook(odd: 30_000) { #"<row r="\#($0)"\#(attributes)/>"# }
        for (path, error) in [
            (doctype, XMLStreamError.documentTypeDeclaration), (wide, .tooManyAttributes(limit: 1_000)),
        ] {
            let workbook = try XLSXWorkbook(path: path)
            #expect {
                try workbook.readRows(of: workbook.sheets[0]) { _ in }
            } throws: { thrown in
                "\(thrown)" == "\(path) › Deals: part 'xl/worksheets/sheet1.xml': \(error)"
            }
        }
    }
}
