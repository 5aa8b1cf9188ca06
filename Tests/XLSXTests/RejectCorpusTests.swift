import Foundation
import Spreadsheet
import Testing
import XLSX

/// Every file of `shared/corpus/reject` must be refused with a located error that says why,
/// whether the problem is found on opening or while streaming its sheets.
@Suite struct RejectCorpusTests {
    static let files = TestPaths.corpusFiles("reject")

    @Test func theRejectCorpusIsThere() {
        #expect(Self.files.count >= 30)
    }

    @Test(arguments: files)
    func refused(_ path: String) throws {
        do {
            let workbook = try XLSXWorkbook(path: path)
            for sheet in workbook.sheets { try workbook.readRows(of: sheet) { _ in } }
            Issue.record("\((path as NSString).lastPathComponent) was read without error")
        } catch let error as SpreadsheetError {
            #expect(error.location.file == path)
            #expect(error.reason.count > 10)
            #expect(!error.description.contains("\n"))
        }
    }
}
