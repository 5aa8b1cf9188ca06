import Foundation
import Spreadsheet
import Testing

@testable import XLSX

/// One test per quirk in formats.md, each on a fixture that `scripts/make-fixtures` writes.
@Suite struct WorkbookQuirkTests {
    /// Every cell of the first sheet, keyed by address (`"B7"`).
    static func cells(_ fixture: String, sheet index: Int = 0) throws -> [String: Cell] {
        let workbook = try XLSXWorkbook(path: TestPaths.fixture(fixture))
        var result: [String: Cell] = [:]
        try workbook.readRows(of: workbook.sheets[index]) { row in
            for cell in row.cells { result[CellAddress(row: row.index, column: cell.column).description] = cell }
        }
        return result
    }

    static func refusal(_ fixture: String) -> String? {
        do {
            let workbook = try XLSXWorkbook(path: TestPaths.fixture(fixture))
            for sheet in workbook.sheets { try workbook.readRows(of: sheet) { _ in } }
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func everyCellTypeAttribute() throws {
        let cells = try Self.cells("cell_types.xlsx")
        #expect(cells["A1"]?.value == .text("shared"))
        #expect(cells["C1"]?.value == .text("formula text"))
        #expect(cells["C1"]?.formula == "\"formula \"&\"text\"")
        #expect(cells["D1"]?.value == .bool(true))
        #expect(cells["I1"]?.value == .bool(false))
        #expect(cells["E1"]?.value == .error("#SPILL!"))
        #expect(cells["F1"]?.value.plainText == "2024-02-29T13:45:00")
        #expect(cells["H1"]?.value == .number(Decimal(string: "-0.0015")!))
    }

    @Test func inlineStringIgnoresStrayValue() throws {
        #expect(try Self.cells("cell_types.xlsx")["B1"]?.value == .text("inline"))
    }

    @Test func seventeenSignificantDigitsParseExactlyToDecimal() throws {
        #expect(try Self.cells("cell_types.xlsx")["G1"]?.value == .number(Decimal(string: "1250.0999999999999")!))
    }

    @Test func rowsAndCellsWithoutReferenceKeepRunningCounters() throws {
        let cells = try Self.cells("missing_r.xlsx")
        #expect(Set(cells.keys) == ["A1", "B1", "E1", "F1", "A2", "A5", "C6"])
        #expect(cells["F1"]?.value == .number(6))
    }

    @Test func emptySharedStringKeepsItsIndex() throws {
        let cells = try Self.cells("shared_strings.xlsx")
        #expect(cells["A1"]?.value == .text(""))
        #expect(cells["B1"]?.value == .text("Bold and plain"))
    }

    /// A workbook that let go of its shared strings reads them again for the next read of cells.
    @Test func sharedStringsLetGoAreReadAgain() throws {
        let workbook = try XLSXWorkbook(path: TestPaths.fixture("cell_types.xlsx"))
        func texts() throws -> [String] {
            var found: [String] = []
            try workbook.readRows(of: workbook.sheets[0]) { row in
                found += row.cells.compactMap { if case .text(let text) = $0.value { text } else { nil } }
            }
            return found
        }
        let before = try texts()
        #expect(workbook.holdsSharedStrings)
        workbook.releaseSharedStrings()
        #expect(!workbook.holdsSharedStrings)
        #expect(try texts() == before)
        #expect(workbook.holdsSharedStrings)
        #expect(before.contains("shared"))
        #expect(workbook.sharedStringCount > 0)
    }

    @Test func richTextRunsConcatenateAndPhoneticRunsAreSkipped() throws {
        let cells = try Self.cells("shared_strings.xlsx")
        #expect(cells["B1"]?.value == .text("Bold and plain"))
        #expect(cells["C1"]?.value == .text("漢字"))
    }

    @Test func underscoreHexEscapesDecode() throws {
        let cells = try Self.cells("shared_strings.xlsx")
        #expect(cells["D1"]?.value == .text("Line\r\nTwo"))
        #expect(cells["E1"]?.value == .text("literal _x0041_ stays"))
    }

    @Test func sharedFormulasExpandPerCell() throws {
        let cells = try Self.cells("shared_formula.xlsx")
        #expect(cells["C2"]?.formula == "A2*$B$1+SUM(A:A)+LOG10(A2)")
        #expect(cells["C3"]?.formula == "A3*$B$1+SUM(A:A)+LOG10(A3)")
        #expect(cells["C3"]?.value == .number(31))
        #expect(cells["D3"]?.formula == "SUM(A1:A3*2)")
    }

    @Test func datesFromBuiltInAndCustomNumberFormats() throws {
        let cells = try Self.cells("dates_1900.xlsx")
        #expect(cells["A1"]?.value.plainText == "2024-01-31")
        #expect(cells["B1"]?.value.plainText == "2024-01-31T12:00:00")
        #expect(cells["C1"]?.value.plainText == "1900-01-01")
        #expect(cells["G1"]?.value.plainText == "18:00:00")
    }

    @Test func quotedTextAndPercentFormatsAreNotDates() throws {
        let cells = try Self.cells("dates_1900.xlsx")
        #expect(cells["E1"]?.value == .number(7))
        #expect(cells["F1"]?.value == .number(Decimal(string: "0.25")!))
    }

    @Test func elapsedTimeFormatIsADuration() throws {
        #expect(try Self.cells("dates_1900.xlsx")["D1"]?.value.plainText == "36:00:00")
    }

    @Test func the1900LeapYearBugShiftsSerialsBelow61() throws {
        let cells = try Self.cells("dates_1900.xlsx")
        #expect(cells["A2"]?.value.plainText == "1900-02-28")
        #expect(cells["C2"]?.value.plainText == "1900-03-01")
        #expect(DateSystem.excel1900.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(DateSystem.excel1900.serial(year: 2024, month: 1, day: 31) == 45322)
    }

    @Test func the1904DateSystem() throws {
        let workbook = try XLSXWorkbook(path: TestPaths.fixture("dates_1904.xlsx"))
        #expect(workbook.dateSystem == .excel1904)
        #expect(try Self.cells("dates_1904.xlsx")["B1"]?.value.plainText == "2024-01-31")
    }

    @Test func hiddenAndVeryHiddenSheets() throws {
        let workbook = try XLSXWorkbook(path: TestPaths.fixture("sheet_states.xlsx"))
        #expect(workbook.sheets.map(\.state) == [.visible, .hidden, .veryHidden])
        #expect(workbook.firstVisibleSheet?.name == "Shown")
    }

    @Test func mergedRangesAreReported() throws {
        let workbook = try XLSXWorkbook(path: TestPaths.fixture("sheet_states.xlsx"))
        let tail = try workbook.readRows(of: workbook.sheets[0]) { _ in }
        #expect(tail.mergedRanges == [CellRange("B2:C3")!])
    }

    @Test func dimensionIsNeverTrusted() throws {
        let workbook = try XLSXWorkbook(path: TestPaths.fixture("sheet_states.xlsx"))
        var profiler = SheetProfiler()
        try workbook.readRows(of: workbook.sheets[0]) { profiler.add($0) }
        #expect(profiler.finish().usedRange == CellRange("B2:C2"))
    }

    @Test func strictNamespacesPrefixesAndRelationshipResolution() throws {
        // Absolute target, a backslash and '..' in a target, odd case, x: prefixes, __MACOSX noise,
        // an unknown relationship type, and a workbook part that is not xl/workbook.xml.
        let workbook = try XLSXWorkbook(path: TestPaths.fixture("strict_paths.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["Strict"])
        let cells = try Self.cells("strict_paths.xlsx")
        #expect(cells["A1"]?.value == .text("strict"))
        #expect(cells["B1"]?.value == .number(2))
    }

    @Test func stylesAndSharedStringsAreOptional() throws {
        #expect(try Self.cells("minimal.xlsx")["A1"]?.value == .text("only"))
    }

    @Test func zip64RecordsAndStoredParts() throws {
        #expect(try Self.cells("zip64_stored.xlsx")["A1"]?.value == .number(64))
    }

    @Test func documentTypeDeclarationsAreRefused() {
        #expect(Self.refusal("dtd.xlsx")?.contains("DTD") == true)
    }

    @Test func rowZeroIsRefused() {
        #expect(Self.refusal("row_zero.xlsx")?.contains("invalid cell reference 'A0'") == true)
    }

    @Test func partNamesEqualIgnoringCaseAreRefused() {
        #expect(Self.refusal("duplicate_case.xlsx")?.contains("part names ignore case") == true)
    }

    @Test func crcMismatchIsRefused() {
        #expect(Self.refusal("crc_mismatch.xlsx")?.contains("CRC-32") == true)
    }

    /// A damaged part's bytes read as anything (here a cell in row 0, in its first row): the
    /// damage, found at the part's end, is what the refusal names, not what it happened to read as.
    @Test func aDamagedPartIsRefusedAsDamagedWhateverItsBytesReadAs() throws {
        let refusal = try #require(Self.refusal("crc_mismatch_early_damage.xlsx"))
        #expect(refusal.contains("CRC-32"), "\(refusal)")
        #expect(refusal.contains("Sheet1"), "\(refusal)")
    }

    /// So is damage to the shared strings, whose first item here does not close its tag.
    @Test func damagedSharedStringsAreRefusedAsDamagedWhateverTheirBytesReadAs() throws {
        let refusal = try #require(Self.refusal("crc_mismatch_early_damage_strings.xlsx"))
        #expect(refusal.contains("CRC-32"), "\(refusal)")
        #expect(refusal.contains("xl/sharedStrings.xml"), "\(refusal)")
        #expect(!refusal.contains("well-formed"), "\(refusal)")
    }

    @Test func expansionRatioPastTheGraceSizeIsRefused() {
        #expect(Self.refusal("expansion_ratio.xlsx")?.contains("expands more than") == true)
    }

    /// The parse thread's reading of a cell's `r` agrees with `CellAddress.parse` on every input.
    @Test func aCellReferenceReadsAsCellAddressParsesIt() {
        var texts = [
            "", "$", "A", "1", "A0", "A1", "a1", "$A$1", "A$1", "$A1", "XFD1048576", "XFE1", "XFD1048577",
            "AAAAAAAAAAAAAAAAAAAAAAA1", "A99999999999999999999999", "A1 ", " A1", "A-1", "A+1", "[1", "@1", "`1",
            "{1", "Z1", "z9", "A1A", "A$", "$$A1", "A$$1", "AB12", "ab12", "\u{e9}1",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("AZaz09$@[`{/: ".utf8)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...9, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer { parseCellReference($0) }
            let expected = CellAddress.parse(bytes)
            #expect(fast?.row == expected?.row && fast?.column == expected?.column, "\(text)")
        }
    }
}
