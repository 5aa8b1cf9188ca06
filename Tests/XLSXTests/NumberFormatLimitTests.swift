import Foundation
import Spreadsheet
import Testing
import XLSX

/// A number format's code is at most 1,000 characters (Excel writes at most 255): a longer one
/// is refused naming the file, the styles part and the format's id, never read as General (a
/// date read as a number would change the value).
@Suite struct NumberFormatLimitTests {
    static let main = PackageEditorTests.main

    /// What cell A1 of the Deals sheet (the serial 45322 in format 164, `code`) reads as, or the refusal.
    static func read(formatCode code: String) throws -> String {
        let styles =
            #"<styleSheet xmlns="\#(main)"><numFmts count="1"><numFmt numFmtId="164" formatCode="\#(code)"/></numFmts>"#
            + #"<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#
        let sheet =
            #"<worksheet xmlns="\#(main)"><sheetData><row r="1"><c r="A1" s="1"><v>45322</v></c></row></sheetData></worksheet>"#
        let stylesRelationship =
            #"<Relationship Id="rId9" Type="\#(PackageEditorTests.relationships)/styles" Target="styles.xml"/></Relationships>"#
        var parts = PackageEditorTests.basicParts().map { name, text in
            switch name {
            case "xl/worksheets/sheet1.xml": (name, sheet)
            case "xl/_rels/workbook.xml.rels":
                (name, text.replacingOccurrences(of: "</Relationships>", with: stylesRelationship))
            default: (name, text)
            }
        }
        parts.append(("xl/styles.xml", styles))
        let path = try PackageEditorTests.package(parts)
        do {
            let workbook = try XLSXWorkbook(path: path)
            var value = ""
            try workbook.readRows(of: workbook.sheets[0]) { row in value = row.cells.first?.value.plainText ?? "" }
            return value
        } catch let error as SpreadsheetError {
            #expect(error.location.file == path)
            return "refused: \(error.reason)"
        }
    }

    @Test func aFormatCodeOfAThousandCharactersReadsAndALongerOneIsRefused() throws {
        let quoted = "&quot;" + String(repeating: "x", count: 988) + "&quot;"
        #expect(try Self.read(formatCode: quoted + "yyyy-mm-dd") == "2024-01-31")
        #expect(
            try Self.read(formatCode: quoted + "yyyy-mm-dd;")
                == "refused: part 'xl/styles.xml': number format 164 has a code of 1001 characters, more than 1000 (Excel writes at most 255)"
        )
    }
}
