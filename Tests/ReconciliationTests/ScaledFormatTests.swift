import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// Figures kept in full and shown in thousands or millions by their number format (`#,##0,`,
/// `#,##0.0,"K"`): a header naming the scale shown (`Amount ($K)`) describes the display, and the
/// figure is read as it is kept.
@Suite struct ScaledFormatTests {
    /// A comma after a format's last digit placeholder divides by a thousand; one between them groups.
    @Test(arguments: [
        ("#,##0,", Decimal(1000)), ("#,##0.0,\"K\"", 1000), ("$#,##0.0,,\"M\"", 1_000_000), ("#,##0", 1),
        ("#,##0.00", 1), ("0.0%", 1), ("#,##0,;[Red](#,##0,)", 1000), ("\"Total, in k\" #,##0", 1),
        ("_($* #,##0.00_);_($* (#,##0.00)", 1), ("General", 1),
    ])
    func formatsScaleByTheCommasAfterTheirDigits(format: String, scale: Decimal) {
        #expect(FormatScale.of(format) == scale)
    }

    /// `Amount ($K)` over full figures shown `#,##0.0,"K"` reads them as they are kept; over
    /// figures without such a format (typed in thousands) it still multiplies them.
    @Test func aHeaderNamingTheScaleShownReadsFiguresKeptInFull() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount ($K)", "Commission"].map { .text($0) }
        let shownInThousands = CellStyle(numberFormat: "#,##0.0,\"K\"")
        let rows: [[WriteCell]] = [
            [
                .text("D-1"), .text("Ana Lima"), LayoutReadingTests.date("2026-07-03"),
                .number(14200, style: shownInThousands),
                .number(710),
            ],
            [
                .text("D-2"), .text("Ana Lima"), LayoutReadingTests.date("2026-07-04"),
                .number(Decimal(string: "14.2")!),
                .number(710),
            ],
        ]
        let table = try DealsReader.read(
            TableFile.open(LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)))
        #expect(table.lines.map(\.amount) == [14200, 14200])
    }
}
