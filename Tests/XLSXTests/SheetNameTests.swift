import Foundation
import Spreadsheet
import Testing
import XLSX

/// Sheet names a workbook cannot have: two equal ignoring case (Excel forbids them, and a
/// reference to either is ambiguous), and one past 255 characters. A name of 32 to 255 characters,
/// which Excel would shorten but other writers have written, is read.
@Suite struct SheetNameTests {
    /// The package of `PackageEditorTests` with its two sheets named `first` and `second`, or the
    /// refusal.
    static func read(_ first: String, _ second: String) throws -> String {
        let workbook = PackageEditorTests.workbook
            .replacingOccurrences(of: #"name="Deals""#, with: #"name="\#(first)""#)
            .replacingOccurrences(of: #"name="Findings""#, with: #"name="\#(second)""#)
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/workbook.xml" ? (name, workbook) : (name, text)
        }
        do {
            return try XLSXWorkbook(path: try PackageEditorTests.package(parts)).sheets.map(\.name)
                .joined(separator: ", ")
        } catch let error as SpreadsheetError {
            return "refused: \(error.reason)"
        }
    }

    @Test func namesEqualIgnoringCaseAreRefusedNamingBothSheets() throws {
        #expect(
            try Self.read("Deals", "DEALS")
                == "refused: sheets 1 and 2 are named 'Deals' and 'DEALS', which Excel forbids (sheet names ignore case): a reference to either would be ambiguous"
        )
        #expect(
            try Self.read("Ana", "Ana")
                == "refused: sheets 1 and 2 are both named 'Ana', which Excel forbids (sheet names ignore case): a reference to either would be ambiguous"
        )
        #expect(try Self.read("Deals", "Deals 2") == "Deals, Deals 2")
    }

    @Test func aNameOfMoreThan255CharactersIsRefusedNamingItsPosition() throws {
        let long = String(repeating: "x", count: 3_000)
        #expect(
            try Self.read("Deals", long)
                == "refused: sheet 2's name is 3000 characters long; a sheet name has at most 255 (Excel's own limit is 31)"
        )
        let allowed = String(repeating: "é", count: 255)
        #expect(
            try Self.read(allowed, "Commission by rep and quarter, 2026 (draft)")
                == "\(allowed), Commission by rep and quarter, 2026 (draft)")
        #expect(
            try Self.read(String(repeating: "😀", count: 128), "B").hasPrefix(
                "refused: sheet 1's name is 256 characters"))
    }
}
