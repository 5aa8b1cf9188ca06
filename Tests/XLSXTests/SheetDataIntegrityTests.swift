import Foundation
import Spreadsheet
import Testing
import XLSX

/// What a worksheet part may hold that a reader would read only in part: a second `<sheetData>`,
/// rows or values in another namespace than SpreadsheetML's, two cells at one reference. Each is
/// refused naming the sheet (and the cell); cells out of column order are read in column order;
/// extension content (`mc:AlternateContent`, `extLst`, x14 elements) is read past as before.
@Suite struct SheetDataIntegrityTests {
    static let main = PackageEditorTests.main
    static let strict = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    static let other = "http://example.com/other"

    /// What the Deals sheet reads as: its rows' cells (`"B3=2"`, in the order read), one string a
    /// row, or the refusal. `padding` plain rows come first (past 4 MB, the read runs on a second
    /// thread, `SheetParseJob`), and are left out.
    static func read(_ worksheet: String, padding: Int = 0) throws -> [String] {
        var sheet = worksheet
        if padding > 0 {
            let rows = (1...padding).map {
                #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>Deal \#($0), padding</t></is></c></row>"#
            }
            sheet = sheet.replacingOccurrences(of: "sheetData>", with: "sheetData>" + rows.joined(), options: [])
        }
        let parts = PackageEditorTests.basicParts().map { name, text in
            name == "xl/worksheets/sheet1.xml" ? (name, sheet) : (name, text)
        }
        let workbook = try XLSXWorkbook(path: try PackageEditorTests.package(parts))
        var rows: [String] = []
        do {
            try workbook.readRows(of: workbook.sheets[0]) { row in
                guard row.index > padding else { return }
                rows.append(
                    row.cells.map { "\(CellAddress(row: row.index, column: $0.column))=\($0.value.plainText)" }
                        .joined(separator: " "))
            }
        } catch let error as SpreadsheetError {
            return [
                "refused: \(error.location.sheet ?? "")\(error.location.cell.map { "!\($0)" } ?? ""): \(error.reason)"
            ]
        }
        return rows
    }

    static func sheet(_ body: String, declaring namespaces: String = "") -> String {
        #"<worksheet xmlns="\#(main)"\#(namespaces)><sheetData>\#(body)</sheetData></worksheet>"#
    }

    @Test func aSecondSheetDataIsRefusedNamingTheSheet() throws {
        let first = #"<row r="1"><c r="A1"><v>1</v></c></row>"#
        let second = #"<row r="2"><c r="A2"><v>2</v></c></row>"#
        let refusal =
            "refused: Deals: the worksheet has a second <sheetData>; a worksheet has one, and reading either alone would lose rows"
        let beside =
            #"<worksheet xmlns="\#(Self.main)"><sheetData>\#(first)</sheetData><sheetData>\#(second)</sheetData></worksheet>"#
        #expect(try Self.read(beside) == [refusal])
        #expect(try Self.read(Self.sheet(first + "<sheetData/>" + second)) == [refusal])
        #expect(try Self.read(Self.sheet(first + second)) == ["A1=1", "A2=2"])
    }

    @Test(arguments: [
        (#"<o:row r="2"><o:c r="A2"><o:v>2</o:v></o:c></o:row>"#, "a <row> is in the namespace '\(other)'", "rows"),
        (#"<row r="2"><o:c r="B2"><v>2</v></o:c></row>"#, "a <c> in row 2 is in the namespace '\(other)'", "cell"),
        (#"<row r="2"><c r="B2"><o:v>2</o:v></c></row>"#, "a <v> in row 2 is in the namespace '\(other)'", "value"),
        (
            #"<row r="2"><c r="B2"><o:f>A1*2</o:f><v>2</v></c></row>"#, "a <f> in row 2 is in the namespace '\(other)'",
            "value"
        ),
    ])
    func rowsAndValuesInAnotherNamespaceAreRefused(xml: String, refusal: String, lost: String) throws {
        let worksheet = Self.sheet(
            #"<row r="1"><c r="A1"><v>1</v></c></row>"# + xml, declaring: #" xmlns:o="\#(Self.other)""#)
        #expect(
            try Self.read(worksheet) == [
                "refused: Deals: \(refusal), not SpreadsheetML's; read past, its \(lost) would be lost"
            ])
    }

    /// A worksheet whose every element is in a namespace that only looks like SpreadsheetML's
    /// would have read as an empty sheet.
    @Test(arguments: [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/mian", "http://example.com/spreadsheetml/2006/main",
        "http://purl.oclc.org/ooxml/spreadsheetml/main/",
    ])
    func aSheetInANamespaceLikeSpreadsheetMLsIsRefused(namespace: String) throws {
        let worksheet =
            #"<worksheet xmlns="\#(namespace)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(
            try Self.read(worksheet) == [
                "refused: Deals: a <sheetData> is in the namespace '\(namespace)', not SpreadsheetML's; read past, its rows would be lost"
            ])
    }

    @Test func strictAndPrefixedSpreadsheetMLAndExtensionsReadAsBefore() throws {
        let strict =
            #"<x:worksheet xmlns:x="\#(Self.strict)"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>5</x:v></x:c></x:row>"#
            + #"</x:sheetData></x:worksheet>"#
        #expect(try Self.read(strict) == ["A1=5"])
        // What Excel writes beside the cells: compatibility markup, x14 conditional formats and
        // sparklines with their own `xm:f` formulas, and extension lists inside a row's cell.
        let excel = """
            <worksheet xmlns="\(Self.main)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
            xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" \
            xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" \
            xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" mc:Ignorable="x14ac">\
            <sheetPr><extLst><ext uri="{x}"><x14:c r="Z1"/></ext></extLst></sheetPr>\
            <sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1"><v>1</v><extLst><ext uri="{y}">\
            <x14:row><x14:c r="Z9"><xm:f>Other!A1</xm:f><x14:v>9</x14:v></x14:c></x14:row></ext></extLst></c>\
            <c r="B1"><f>A1*2</f><v>2</v></c></row></sheetData>\
            <mc:AlternateContent><mc:Choice Requires="x14"><x14:row/></mc:Choice><mc:Fallback/></mc:AlternateContent>\
            <extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings>\
            <x14:conditionalFormatting><x14:cfRule type="dataBar"><x14:dataBar><x14:cfvo type="num"><xm:f>0</xm:f>\
            </x14:cfvo></x14:dataBar></x14:cfRule><xm:sqref>A1:A9</xm:sqref></x14:conditionalFormatting>\
            </x14:conditionalFormattings></ext><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}"><x14:sparklineGroups>\
            <x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f>Deals!A1:B1</xm:f><xm:sqref>C1</xm:sqref>\
            </x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>
            """
        #expect(try Self.read(excel) == ["A1=1 B1=2"])
    }

    /// On a plain read and on one parsed on a second thread (the duplicate's row in a later batch).
    @Test(arguments: [0, 468 * 256 - 1])
    func twoCellsAtOneReferenceAreRefusedNamingTheCell(padding: Int) throws {
        let row = padding + 1
        let twice = Self.sheet(
            #"<row r="\#(row)"><c r="A\#(row)"><v>1</v></c><c r="B\#(row)"><v>2</v></c><c r="B\#(row)"><v>3</v></c></row>"#
        )
        #expect(
            try Self.read(twice, padding: padding) == [
                "refused: Deals!B\(row): two cells at this reference in one row; each cell may appear once"
            ])
        // Placed there by the running column of a cell without `r`.
        let placed = Self.sheet(
            #"<row r="\#(row)"><c r="C\#(row)"><v>3</v></c><c r="B\#(row)"><v>2</v></c><c><v>9</v></c></row>"#)
        #expect(
            try Self.read(placed, padding: padding) == [
                "refused: Deals!C\(row): two cells at this reference in one row; each cell may appear once"
            ])
    }

    @Test(arguments: [0, 468 * 256 - 1])
    func cellsOutOfColumnOrderAreReadInColumnOrder(padding: Int) throws {
        let (first, second) = (padding + 1, padding + 2)
        let worksheet = Self.sheet(
            #"<row r="\#(first)"><c r="C\#(first)"><v>3</v></c><c r="A\#(first)" t="inlineStr"><is><t>one</t></is></c>"#
                + #"<c><f>A\#(first)</f><v>2</v></c><c r="E\#(first)"><v>5</v></c></row>"#
                + #"<row r="\#(second)"><c r="D\#(second)"><v>4</v></c><c r="B\#(second)"><v>2</v></c></row>"#)
        #expect(
            try Self.read(worksheet, padding: padding) == [
                "A\(first)=one B\(first)=2 C\(first)=3 E\(first)=5", "B\(second)=2 D\(second)=4",
            ])
    }

    /// Rows and cells without `r` keep their running counters, each row's cells sorted on their own.
    @Test func rowsWithoutReferencesKeepTheirCountersAndAreSortedEach() throws {
        let worksheet = Self.sheet(
            #"<row><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row><row><c><v>7</v></c><c><v>8</v></c></row>"#
                + #"<row r="5"><c r="B5"><v>2</v></c><c><v>3</v></c></row><row><c r="D6"><v>4</v></c><c r="A6"><v>1</v></c></row>"#
        )
        #expect(try Self.read(worksheet) == ["A1=1 C1=3", "A2=7 B2=8", "B5=2 C5=3", "A6=1 D6=4"])
    }
}
