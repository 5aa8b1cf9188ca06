import Foundation
import Spreadsheet
import Testing
import XLSX

/// Every file of `shared/corpus/reject` must be refused with a located error that says why,
/// whether the problem is found on opening or while streaming its sheets, and the why must be the
/// kind of problem the corpus records for the file (its `category`).
@Suite struct RejectCorpusTests {
    static let files = TestPaths.corpusFiles("reject")

    /// What a refusal of each category of the corpus says (any one of the phrases).
    static let phrases: [String: [String]] = [
        "zip-structure": ["is damaged", "is truncated", "two parts named"],
        "fuzzer-found": ["is damaged", "is truncated", "not well-formed"],
        "encrypted": ["password-protected", "is encrypted"],
        "invalid-part": ["not an Office Open XML package", "not well-formed XML", "is missing from the package"],
        "not-a-zip": ["the file is empty", "legacy Excel 97-2003 workbook"],
        "not-a-spreadsheet": ["Excel binary workbook (.xlsb)", "OpenDocument spreadsheet (.ods)"],
        "xml-entity-expansion": ["declares a DTD"],
        "resource-exhaustion": [
            "inflates to more than", "share the same compressed", "is not between 1 and 1048576",
            "longer than 32767 characters",
        ],
    ]

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
            #expect(!error.description.contains("\n"))
            let expected = try TestPaths.expected(path)
            let category = try #require(expected["category"] as? String)
            let phrases = try #require(Self.phrases[category], "no phrases for category \(category)")
            #expect(
                phrases.contains { error.reason.contains($0) },
                "\((path as NSString).lastPathComponent) (\(category)) refused as: \(error.reason)")
        }
    }
}
