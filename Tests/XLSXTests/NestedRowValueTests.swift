import Foundation
import Spreadsheet
import Testing
import XLSX

/// A cell's `<v>` text is gathered straight into the batch of raw rows; a row nested in the cell
/// hands that batch over before the cell ends, and the text gathered so far must move with the
/// cell, in a plain read (which hands over every row) and in one on a second thread.
@Suite struct NestedRowValueTests {
    /// The error of reading a sheet of `count` plain rows followed by `rows`.
    static func error(rows: String, before count: Int) throws -> String? {
        var sheet = #"<worksheet xmlns="\#(PackageEditorTests.main)"><sheetData>"#
        for row in stride(from: 1, through: count, by: 1) {
            sheet +=
                #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>Deal \#(row), padding</t></is></c></row>"#
        }
        sheet += rows + "</sheetData></worksheet>"
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/worksheets/sheet1.xml" ? (name, sheet) : (name, text)
        }
        let workbook = try XLSXWorkbook(path: try PackageEditorTests.package(parts))
        do {
            try workbook.readRows(of: workbook.sheets[0]) { _ in }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Rows before the odd ones: none (a plain read, which hands over at every row), or so many
    /// that the nested row ends a batch of a read on a second thread (`SheetParseJob`'s 256 rows).
    @Test(arguments: [0, 468 * 256 - 1])
    func aValueAroundARowNestedInItsCellReadsWhole(before count: Int) throws {
        // The cell's text since the last cell began is "1" (the nested cell's), then "x": the
        // value read is "1x", as before the text was gathered into the batch.
        let first = count + 1
        let rows =
            #"<row r="\#(first)"><c r="A\#(first)"><v>7</v><row r="\#(first + 1)"><c r="C\#(first + 1)"><v>1</v></c>"#
            + #"</row><v>x</v></c></row>"#
        let error = try #require(try Self.error(rows: rows, before: count))
        #expect(error.hasSuffix("C\(first + 1): expected a number, found '1x'"), "\(error)")
    }
}
