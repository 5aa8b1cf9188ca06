import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary's period written as people write it: a quarter in their language, the range of its
/// months, or its first or last day typed as text. A wrong total so labelled is found.
@Suite struct SummaryPeriodTextTests {
    /// The cause tests' four good rows (R1, 2,000.00 in 2026-Q1) and a summary row for `period`.
    static func reconcile(_ period: String, total: Decimal = 2400) throws -> Reconciliation {
        try CauseTests.reconcile(
            CauseTests.workbook(CauseTests.goodRows(), summary: [[.text("R1"), .text(period), .number(total)]]))
    }

    @Test(arguments: [
        "1T 2026", "1er trimestre 2026", "1. Quartal 2026", "I/2026", "Qtr 1 2026", "Jan-Mar 2026", "Jan–Mar 2026",
        "2026-01-01", "2026-03-31", "01/01/2026", "31/03/2026", "03/31/2026", "31.03.2026",
    ])
    func aWrongTotalSoLabelledIsFound(_ period: String) throws {
        let finding = try #require(CauseTests.onlyError(Self.reconcile(period)))
        #expect(finding.sheet == "Summary")
        #expect(finding.cell == CellAddress("C2"))
        #expect(finding.expected == 2000)
    }

    @Test func aRightTotalSoLabelledIsNoFinding() throws {
        #expect(try Self.reconcile("2026-03-31", total: 2000).errors.isEmpty)
    }

    /// A day inside the quarter, a date that is none, or a quarter of another year names no
    /// period of the run: the figure is listed as not compared.
    @Test(arguments: ["2026-02-15", "15/02/2026", "2026-02-30", "31/12/2026", "2026-13-01"])
    func aDayThatBoundsNoPeriodOfTheRunIsNotCompared(_ period: String) throws {
        let result = try Self.reconcile(period)
        #expect(result.errors.isEmpty)
        #expect(result.mappingNotes.contains { $0.contains("1 figure not compared, their period '\(period)'") })
    }
}
