import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A summary of each rep's year beside a quarterly plan's summary (`Rep | Year | Commission`):
/// each year is compared with the plan's quarters of that year added up, with the causes of
/// other summary figures, and its years are read as the sheet's figures say (a fiscal year by
/// the year it starts or ends in, or a calendar year).
@Suite struct YearSummaryTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    /// Deal rows at 5% (`=ROUND(D*E,2)`), each a deal, rep, date and amount; `rates` by row.
    static func deals(_ deals: [(String, String, String, Decimal)], rates: [Int: String] = [:]) -> [[WriteCell]] {
        [header]
            + deals.enumerated().map { index, deal in
                let row = index + 2
                let rate = Decimal(string: rates[row] ?? "0.05")!
                return [
                    .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3), .number(rate),
                    WriteCell(.number(deal.3 * rate), formula: "ROUND(D\(row)*E\(row),2)"),
                ]
            }
    }

    /// A summary of typed figures: `Rep | period | Commission`, a row per rep, period and figure.
    static func figures(_ period: String, _ rows: [(String, String, Decimal)]) -> [[WriteCell]] {
        [["Rep", period, "Commission"].map { .text($0) }] + rows.map { [.text($0.0), .text($0.1), .number($0.2)] }
    }

    static func reconcile(_ path: String, in folder: URL, fiscalYearStart: Int = 1) throws -> Reconciliation {
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try LayoutReadingTests.roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        let text = CauseTests.planText.replacingOccurrences(
            of: "period: quarter", with: "period: quarter\nfiscal_year_start: \(fiscalYearStart)")
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(text, file: "plan.yaml"),
            roster: RosterReader.read(TableFile.open(rosterPath)))
    }

    /// The deals and the quarterly summary of the first tests: Ana's second deal typed at the
    /// upper band's 8%, 1,600.00 where the plan pays 1,000.00.
    static let wrongSecondQuarter = (
        deals(
            [
                ("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ana Lima", "2026-04-20", 20000),
                ("D3", "Ben Okafor", "2026-02-10", 10000),
            ], rates: [3: "0.08"]),
        figures(
            "Period", [("Ana Lima", "2026-Q1", 500), ("Ana Lima", "2026-Q2", 1600), ("Ben Okafor", "2026-Q1", 500)])
    )

    @Test func aYearAddsUpItsQuartersAndIsWrongThroughTheirRows() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rows, summary) = Self.wrongSecondQuarter
        let annual: [[WriteCell]] = [
            ["Rep", "Year", "Commission"].map { .text($0) },
            [
                .text("Ana Lima"), .number(2026),
                WriteCell(.number(2100), formula: "SUMIFS(Deals!F$2:F$4,Deals!B$2:B$4,A2)"),
            ],
            [
                .text("Ben Okafor"), .number(2026),
                WriteCell(.number(500), formula: "SUMIFS(Deals!F$2:F$4,Deals!B$2:B$4,A3)"),
            ],
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", rows), ("Annual", annual), ("Summary", summary)], in: folder)
        let result = try Self.reconcile(path, in: folder)
        let year = try #require(result.findings.first { $0.sheet == "Annual" })
        #expect(year.cell.description == "C2" && year.expected == 1500 && year.cause == .wrongTier && year.isDerived)
        #expect(year.period?.description == "2026" && year.precedents.map(\.description) == ["Deals!F3"])
        #expect(result.errors.filter { $0.sheet == "Annual" }.count == 1)
        // The quarterly summary stays the summary, though the sheet of years comes first.
        #expect(result.findings.contains { $0.sheet == "Summary" && $0.cell.description == "C3" })
        // The row, its quarter's figure and its year's are one wrong figure in the headline.
        #expect(result.netOverpayment == 600)
    }

    /// A cross-tab of each rep's years beside the quarterly summary (`Rep | 2026`, one year
    /// enough) is read as the sheet of years is: each year the plan's quarters added up.
    @Test func aCrossTabOfYearsBesideTheSummaryAddsUpTheirQuarters() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (rows, summary) = Self.wrongSecondQuarter
        let byYear: [[WriteCell]] = [
            ["Rep", "2026"].map { .text($0) }, [.text("Ana Lima"), .number(2100)], [.text("Ben Okafor"), .number(500)],
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", rows), ("Summary", summary), ("By Year", byYear)], in: folder)
        let result = try Self.reconcile(path, in: folder)
        let year = try #require(result.findings.first { $0.sheet == "By Year" })
        #expect(year.cell.description == "B2" && year.expected == 1500 && year.cause == .wrongTier && year.isDerived)
        #expect(result.errors.filter { $0.sheet == "By Year" }.count == 1)
        #expect(result.findings.contains { $0.sheet == "Summary" && $0.cell.description == "C3" })
    }

    /// A rep the plan pays in a year that a summary of years has no row for is said in its note,
    /// as a quarterly summary's is.
    @Test func aRepLeftOutOfTheYearsIsSaid() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = Self.deals([("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ben Okafor", "2026-02-10", 10000)])
        let summary = Self.figures("Period", [("Ana Lima", "2026-Q1", 500), ("Ben Okafor", "2026-Q1", 500)])
        let annual = Self.figures("Year", [("Ana Lima", "2026", 500)])
        let path = try LayoutReadingTests.workbook(
            [("Deals", rows), ("Summary", summary), ("Annual", annual)], in: folder)
        let result = try Self.reconcile(path, in: folder)
        #expect(result.errors.isEmpty)
        #expect(
            result.mappingNotes.contains {
                $0.contains("sheet 'Annual'") && $0.contains("no row for Ben Okafor (R2), whom the plan pays 500.00")
            }, "\(result.mappingNotes)")
    }

    @Test func aSheetsYearsAreReadAsItsFiguresSay() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fiscal year from July, the sheet labelling each by the year it ends in: FY2026 is
        // July 2025 to June 2026 (the contract's `2025`), FY2027 the year after.
        let rows = Self.deals([
            ("D1", "Ana Lima", "2025-08-10", 10000), ("D2", "Ana Lima", "2026-02-10", 10000),
            ("D3", "Ana Lima", "2026-08-10", 10000),
        ])
        let summary = Self.figures(
            "Period", [("Ana Lima", "2025-Q1", 500), ("Ana Lima", "2025-Q3", 500), ("Ana Lima", "2026-Q1", 500)])
        let annual = Self.figures("Fiscal Year", [("Ana Lima", "FY2026", 1000), ("Ana Lima", "FY2027", 500)])
        let path = try LayoutReadingTests.workbook(
            [("Deals", rows), ("Summary", summary), ("Annual", annual)], in: folder)
        let result = try Self.reconcile(path, in: folder, fiscalYearStart: 7)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
        #expect(
            result.mappingNotes.contains { $0.hasPrefix("sheet 'Annual'") && $0.contains("by the year they end in") })
        // A year figure typed wrong is found in that reading too.
        let wrong = Self.figures("Fiscal Year", [("Ana Lima", "FY2026", 1100), ("Ana Lima", "FY2027", 500)])
        let again = try LayoutReadingTests.workbook(
            [("Deals", rows), ("Summary", summary), ("Annual", wrong)], in: folder, name: "wrong.xlsx")
        let found = try Self.reconcile(again, in: folder, fiscalYearStart: 7).errors
        #expect(found.map { "\($0.sheet)!\($0.cell)" } == ["Annual!C2"] && found.first?.expected == 1000)
    }

    @Test func aSheetOfTargetsBesideTheSummaryIsNoSummary() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = Self.deals([("D1", "Ana Lima", "2026-01-15", 10000), ("D2", "Ben Okafor", "2026-02-10", 10000)])
        let summary = Self.figures("Period", [("Ana Lima", "2026-Q1", 500), ("Ben Okafor", "2026-Q1", 500)])
        // Next year's goals by rep: figures headed as targets, no year's pay.
        for header in ["Commission Target", "Target Commission", "Commission Forecast", "Objetivo de comisión"] {
            let targets: [[WriteCell]] =
                [["Sales Rep", "Fiscal Year", header].map { .text($0) }]
                + [("Ana Lima", 40000), ("Ben Okafor", 30000)].map { [.text($0.0), .text("FY2026"), .number($0.1)] }
            let path = try LayoutReadingTests.workbook(
                [("Deals", rows), ("Summary", summary), ("Plan 2026", targets)], in: folder, name: "targets.xlsx")
            let result = try Self.reconcile(path, in: folder)
            #expect(result.errors.isEmpty, "\(header): \(result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
            #expect(!result.mappingNotes.contains { $0.hasPrefix("sheet 'Plan 2026': summary") }, "\(header)")
        }
        // The same sheet headed with what was paid is read, and its wrong year found.
        let paid: [[WriteCell]] =
            [["Sales Rep", "Fiscal Year", "Commission"].map { .text($0) }]
            + [("Ana Lima", 40000), ("Ben Okafor", 500)].map { [.text($0.0), .text("FY2026"), .number($0.1)] }
        let path = try LayoutReadingTests.workbook(
            [("Deals", rows), ("Summary", summary), ("Plan 2026", paid)], in: folder, name: "paid.xlsx")
        #expect(try Self.reconcile(path, in: folder).errors.map { "\($0.sheet)!\($0.cell)" } == ["Plan 2026!C2"])
    }
}
