import Foundation
import Spreadsheet
import Testing
import XLSX

/// A package whose parts cannot be resolved is an error naming the file and the part, never a
/// workbook of empty sheets: read as empty, its deals would be paid as none (tester10).
@Suite struct UnresolvedPackageTests {
    static func reading(_ parts: [(String, String)]) throws -> String? {
        let path = try PackageEditorTests.package(parts)
        do {
            let workbook = try XLSXWorkbook(path: path)
            for sheet in workbook.sheets { try workbook.readRows(of: sheet) { _ in } }
            return nil
        } catch {
            return "\(error)".replacingOccurrences(of: path, with: "book.xlsx")
        }
    }

    @Test func withoutTheWorkbooksRelationshipsASheetIsAnError() throws {
        let parts = PackageEditorTests.basicParts().filter { $0.0 != "xl/_rels/workbook.xml.rels" }
        #expect(try Self.reading(parts)?.contains("relationships do not lead to this sheet's part") == true)
    }

    @Test func aSheetWhosePartIsTheWorkbookIsAnError() throws {
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/_rels/workbook.xml.rels"
                ? (name, text.replacingOccurrences(of: "worksheets/sheet1.xml", with: "workbook.xml")) : (name, text)
        }
        #expect(try Self.reading(parts)?.contains("relationships do not lead to this sheet's part") == true)
    }

    @Test func aDTDInTheWorkbookPartNamesTheFileAndThePart() throws {
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/workbook.xml"
                ? (name, text.replacingOccurrences(of: "<workbook", with: "<!DOCTYPE w [<!ENTITY a \"b\">]><workbook"))
                : (name, text)
        }
        #expect(try Self.reading(parts)?.hasPrefix("book.xlsx: part 'xl/workbook.xml': it declares a DTD") == true)
    }
}
