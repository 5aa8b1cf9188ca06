import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Ingest

/// A deals sheet with no commission column whose commission is kept in a column per month
/// (`Jan comm | Feb comm | Mar comm`), each deal's figure in its close month's column: every
/// row's commission is the cell written there, and a wrong one is found at that cell.
@Suite struct PeriodCommissionColumnsTests {
    @Test func aWrongFigureInItsMonthsColumnIsFoundThere() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Jan comm", "Feb comm", "Mar comm"].map {
            .text($0)
        }
        // 5% of each amount; the February deal's figure is 1,100.00, not 1,000.00.
        let rows: [[WriteCell]] = [
            header,
            [.text("D1"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)],
            [
                .text("D2"), .text("R1"), LayoutReadingTests.date("2026-02-10"), .number(20000), .empty,
                .number(1100),
            ],
            [
                .text("D3"), .text("R1"), LayoutReadingTests.date("2026-03-05"), .number(8000), .empty, .empty,
                .number(400),
            ],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let plan = try PlanFile.parse(PlanTexts.flat("Month columns", period: "month"), file: "plan.yaml")
        let result = try Reconciler.reconcile(
            workbook: path, plan: plan, roster: [RosterEntry(id: "R1", name: "Ana Lima")])
        #expect(result.errors.map { "\($0.cell)" } == ["F3"])
        #expect(result.errors.first?.manual == 1100 && result.errors.first?.expected == 1000)
    }

    @Test func headersNamingAMonthOrQuarterBesideTheCommissionAreRead() {
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Jan comm") == "m1")
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Commission Mar-26") == "m3-2026")
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Q2 Commission") == "q2")
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Commission") == nil)
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Jan") == nil)
        #expect(PeriodCommissionColumns.period(inCommissionHeader: "Commission Rate") == nil)
    }
}
