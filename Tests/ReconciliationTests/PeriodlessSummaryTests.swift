import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary sheet without a period column (`Sales Rep | Total Commission`) is compared when its
/// name says it is a summary: as the period its name gives, else as the run's only period. Other
/// sheets with a rep and a figure (a recap, a log per deal) are not summaries.
@Suite struct PeriodlessSummaryTests {
    static let header = ["Sales Rep", "Total Commission"]

    /// The cause tests' four good rows (R1, 2,000.00 in 2026-Q1) and a summary sheet `name`.
    static func reconcile(_ name: String, _ rows: [[WriteCell]]) throws -> Reconciliation {
        try CauseTests.reconcile(
            CauseTests.workbook(CauseTests.goodRows(), summary: rows, summarySheet: (name, header)))
    }

    @Test(arguments: ["Summary", "Resumen por comercial", "Übersicht", "Q1 2026 Totals", "Commission Summary by Rep"])
    func aSummaryWithoutAPeriodColumnIsTheRunsPeriod(_ name: String) throws {
        let result = try Self.reconcile(name, [[.text("R1"), .number(2400)]])
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.sheet == name)
        #expect(finding.cell == CellAddress("B2"))
        #expect(finding.expected == 2000)
    }

    /// A pivot table of the deals: its sheet named as spreadsheet programs name one, its rep
    /// column headed as Excel heads a pivot's row field, its figure `Sum of …`.
    @Test(arguments: [
        ("Pivot", ["Sales Rep", "Sum of Commission"]), ("Pivot Table 1", ["Sales Rep", "SUM of Commission"]),
        ("Pivot Table_Deals_1", ["Sales Rep", "Sum - Commission"]),
        ("Pivot Table_Ventas 2026_3", ["Sales Rep", "Sum - Commission"]),
        ("Summary", ["Row Labels", "Sum of Commission"]),
        ("Pivot", ["Etiquetas de fila", "Suma de Commission"]),
    ])
    func aPivotTableIsASummary(_ name: String, _ header: [String]) throws {
        let result = try CauseTests.reconcile(
            CauseTests.workbook(
                CauseTests.goodRows(), summary: [[.text("R1"), .number(2400)]], summarySheet: (name, header)))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.sheet == name)
        #expect(finding.cell == CellAddress("B2"))
        #expect(finding.expected == 2000)
    }

    @Test func aRightTotalIsNoFinding() throws {
        #expect(try Self.reconcile("Summary", [[.text("R1"), .number(2000)]]).errors.isEmpty)
    }

    /// Another quarter's totals are read as that quarter's, which this run does not hold.
    @Test func anotherPeriodsSummaryIsNotCompared() throws {
        let result = try Self.reconcile("Q4 2025 Summary", [[.text("R1"), .number(2400)]])
        #expect(result.errors.isEmpty)
        #expect(result.mappingNotes.contains { $0.contains("1 figure not compared, their period 'Q4 2025'") })
    }

    /// A recap (not named a summary), a name with a figure trueup cannot read as a period, and a
    /// log that names a rep on every deal: none is a summary.
    @Test(arguments: [
        ("Recap", [[WriteCell.text("R1"), .number(2400)]]), ("YTD Totals", [[.text("R1"), .number(2400)]]),
        ("Last Quarter Summary", [[.text("R1"), .number(2400)]]),
        ("Summary v2", [[.text("R1"), .number(2400)]]),
        ("Payouts", [[.text("R1"), .number(1200)], [.text("R1"), .number(1200)]]),
    ])
    func otherSheetsWithARepAndAFigureAreNoSummary(_ name: String, _ rows: [[WriteCell]]) throws {
        let result = try Self.reconcile(name, rows)
        #expect(result.errors.isEmpty)
        #expect(!result.mappingNotes.contains { $0.contains("'\(name)': summary") })
    }

    /// A one-quarter workbook's summary with its quarter as the one figure header (`Sales Rep |
    /// Q1 2026`) is a cross-tab of one period.
    @Test(arguments: ["Q1 2026", "2026-Q1"])
    func aSummaryOfOnePeriodAcrossIsCompared(_ period: String) throws {
        var rows = CauseTests.goodRows()
        rows[2].rep = "R2"
        rows[3].rep = "R3"
        let summary: [[WriteCell]] = [
            [.text("R1"), .number(1400)], [.text("R2"), .number(500)], [.text("R3"), .number(500)],
        ]
        let result = try CauseTests.reconcile(
            CauseTests.workbook(rows, summary: summary, summarySheet: ("Resumen", ["Sales Rep", period])))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.sheet == "Resumen" && finding.cell == CellAddress("B2") && finding.expected == 1000)
    }
}
