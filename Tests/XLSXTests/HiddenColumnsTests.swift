import Foundation
import Testing
import XLSX

/// A worksheet's hidden columns (`<cols><col min= max= hidden="1"/>`, before `<sheetData>`), read
/// without its rows: flagged hidden, or shut to width 0 as Excel shows hidden; a column of any
/// other width, or with `hidden="0"`, is shown.
@Suite struct HiddenColumnsTests {
    /// The hidden columns of sheet `Deals` whose `<cols>` is `columns`.
    static func hidden(_ columns: String) throws -> [ClosedRange<Int>] {
        let sheet =
            #"<worksheet xmlns="\#(PackageEditorTests.main)">\#(columns)<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/worksheets/sheet1.xml" ? (name, sheet) : (name, text)
        }
        let workbook = try XLSXWorkbook(path: try PackageEditorTests.package(parts))
        return try workbook.hiddenColumns(of: try #require(workbook.sheet(named: "Deals")))
    }

    @Test func flaggedAndShutColumnsAreHidden() throws {
        let columns =
            #"<cols><col min="2" max="2" width="12" customWidth="1"/><col min="7" max="8" width="0" hidden="1" customWidth="1"/><col min="10" max="10" width="0" customWidth="1"/><col min="11" max="11" width="9" hidden="true"/><col min="12" max="20000" hidden="1"/></cols>"#
        #expect(try Self.hidden(columns) == [7...8, 10...10, 11...11, 12...16384])
    }

    @Test func shownColumnsAndSheetsWithoutColsHideNone() throws {
        #expect(try Self.hidden(#"<cols><col min="3" max="4" width="0.5" hidden="0"/></cols>"#).isEmpty)
        #expect(try Self.hidden("").isEmpty)
    }
}
