import Foundation
import Ingest
import Reconciliation
import Testing
import XLSX

/// An amount column whose every separator is a dot before three digits groups thousands with it
/// (`1.000`, `12.500`: whole euros) when most of its values are written so, unless it shows it
/// does not: a value starting `0.` groups nothing, and as many values or more written without a
/// separator (`50000`, or `100`) than grouped ones leave the contract's reading, a decimal point;
/// one long value without a dot among grouped ones is a slip. Either way a value read against the
/// other way is named, with its cell.
@Suite struct ThreeDecimalAmountTests {
    static func amounts(_ texts: [String]) throws -> [Decimal] {
        let rows = texts.enumerated().map { ["D\($0.offset)", "R1", "2026-01-10", $0.element] }
        return try LooseHeaderTests.read(["Deal ID", "Rep", "Close Date", "Amount"], rows: rows).lines.map(\.amount)
    }

    @Test func aLeadingZeroIsNeverThousands() throws {
        #expect(try Self.amounts(["0.125"]) == [Decimal(string: "0.125")!])
        #expect(try Self.amounts(["0.125", "2.500"]) == [Decimal(string: "0.125")!, Decimal(string: "2.5")!])
    }

    @Test func threeDecimalsAmongUngroupedWholeValuesAreDecimals() throws {
        #expect(
            try Self.amounts(["50000", "120000", "812.375"]) == [50000, 120_000, Decimal(string: "812.375")!])
    }

    @Test func wholeEurosGroupedByADotStayThousands() throws {
        #expect(try Self.amounts(["1.000", "12.500", "250.000"]) == [1000, 12500, 250_000])
        #expect(try Self.amounts(["1.000", "12.500", "250"]) == [1000, 12500, 250])
    }

    /// A column of nothing but values with a dot before three digits (`500.005`, `25.005`) reads
    /// either way: it is read as thousands, and the reading is said with an example.
    @Test func aColumnOnlyOfDotsBeforeThreeDigitsSaysHowItIsRead() throws {
        let rows = ["500.005", "25.005"].enumerated().map { ["D\($0.offset)", "R1", "2026-01-10", $0.element] }
        let table = try LooseHeaderTests.read(["Deal ID", "Rep", "Close Date", "Amount"], rows: rows)
        #expect(table.lines.map(\.amount) == [500_005, 25005])
        #expect(
            table.diagnostics.contains {
                "\($0)".hasSuffix(
                    "deals.csv: column 'Amount' writes its numbers with one dot before three digits ('500.005'), which reads either way; read with the dot grouping thousands ('500.005' as 500005), as whole units are written in German: if the dot is a decimal point, write the numbers with two decimals or none"
                )
            }, "\(table.diagnostics)")
    }

    /// One whole value typed without its dot among grouped ones is a slip, not the column's style.
    @Test func oneUngroupedValueAmongGroupedOnesLeavesThemThousands() throws {
        #expect(try Self.amounts(["1.000", "12.500", "1500"]) == [1000, 12500, 1500])
        let rows = ["1.000", "12.500", "1500"].enumerated().map { ["D\($0.offset)", "R1", "2026-01-10", $0.element] }
        let table = try LooseHeaderTests.read(["Deal ID", "Rep", "Close Date", "Amount"], rows: rows)
        #expect(
            table.diagnostics.contains {
                "\($0)".hasSuffix(
                    "deals.csv: column 'Amount' groups thousands with a dot ('1.000') but writes '1500' at row 4 without one; the column is read as thousands, as most of it is written"
                )
            }, "\(table.diagnostics)")
    }

    /// tester-engine finding 5: `12.345` beside `100` is 12.345 or 12,345, and nothing in the
    /// column tells which. Most of the column shows no grouping, so the dot is a decimal point (the
    /// contract's reading of money), and the cell is named.
    @Test func aLoneGroupedLookingValueBesidePlainOnesIsDecimalsAndNamed() throws {
        #expect(try Self.amounts(["12.345", "100"]) == [Decimal(string: "12.345")!, 100])
        #expect(try Self.amounts(["100", "12.345", "250"]) == [100, Decimal(string: "12.345")!, 250])
        let rows = ["100", "12.345"].enumerated().map { ["D\($0.offset)", "R1", "2026-01-10", $0.element] }
        let table = try LooseHeaderTests.read(["Deal ID", "Rep", "Close Date", "Amount"], rows: rows)
        #expect(
            table.diagnostics.contains {
                "\($0)".hasSuffix(
                    "deals.csv: column 'Amount' writes '12.345' at row 3 with a dot before three digits beside as many values or more written with no separator ('100'); '12.345' is read with a decimal point, as the column mostly shows none for thousands: if it means thousands, write it without the dot"
                )
            }, "\(table.diagnostics)")
        // In a hand-kept workbook the warning names the cell, and the value read is no unreadable
        // row: the row is priced on 12.345 (5% of it, 0.62, as its commission says).
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
        let path = try LayoutReadingTests.workbook(
            [
                (
                    "Deals",
                    [
                        header,
                        [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-10"), .text("100"), .number(5)],
                        [
                            .text("D2"), .text("R1"), LayoutReadingTests.date("2026-01-11"), .text("12.345"),
                            .number(Decimal(string: "0.62")!),
                        ],
                    ]
                )
            ], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.mappingNotes.contains { $0.contains("'12.345' at D3") }, "\(result.mappingNotes)")
        // Grouped values that are most of the column stay thousands, short plain ones beside them.
        #expect(try Self.amounts(["12.345", "1.500", "800"]) == [12345, 1500, 800])
    }
}
