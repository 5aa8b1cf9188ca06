import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Tabs per quarter without a date column (`Q3`, `Q3 2026`, `2026-Q3`, `FY26 Q3`): the quarter is
/// numbered within the plan's fiscal year (`fiscal_year_start`) and every row is dated its first
/// day; a year the name does not settle comes from the rest of the workbook, else the sheet is an
/// error naming it.
@Suite struct SheetQuarterTests {
    /// A plan paid per `period` at 5%, its fiscal year starting in month `start`.
    static func plan(start: Int, period: String = "quarter") throws -> Plan {
        try PlanFile.parse(
            """
            plan: Quarter tabs
            period: \(period)
            fiscal_year_start: \(start)
            commission: { tiers: { metric: amount, basis: per_deal, mode: retroactive, table: [{ from: 0, rate: 5% }] } }
            reps:
              - { id: R1, name: Ana Lima }
            """, file: "plan.yaml")
    }

    static func undated(_ name: String, _ deal: String) -> (String, [[WriteCell]]) {
        (name, [SheetPeriodTests.undated, SheetPeriodTests.undatedRow(deal, 2)])
    }

    static func dated(_ name: String, _ deal: String, _ date: String) -> (String, [[WriteCell]]) {
        (name, [SheetPeriodTests.dated, SheetPeriodTests.datedRow(deal, date, 2)])
    }

    static func read(_ sheets: [(String, [[WriteCell]])], plan: Plan?) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        return try SheetPeriodTests.readBothWays(path) {
            try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima"], plan: plan, passingLinesTo: $0)
        }
    }

    /// Whether reading `sheets` fails naming `sheet` with `words` in its message.
    static func fails(_ sheets: [(String, [[WriteCell]])], plan: Plan, naming sheet: String, _ words: String) -> Bool {
        do {
            _ = try read(sheets, plan: plan)
            return false
        } catch let error as SpreadsheetError {
            return error.location.sheet == sheet && "\(error)".contains(words)
        } catch {
            return false
        }
    }

    @Test func quartersAreNumberedWithinThePlansFiscalYear() throws {
        // A fiscal year from July: 2026-Q1 is July to September 2026, its Q3 January 2027.
        let july = try Self.read(
            [
                Self.undated("2026-Q1", "D1"), Self.undated("Q2", "D2"), Self.undated("Q3", "D3"),
                Self.undated("Q4", "D4"),
            ],
            plan: Self.plan(start: 7))
        #expect(SheetPeriodTests.dates(july) == ["D1 2026-07-01", "D2 2026-10-01", "D3 2027-01-01", "D4 2027-04-01"])
        #expect(july.sheets.map { $0.date?.description } == ["2026-07-01", "2026-10-01", "2027-01-01", "2027-04-01"])
        // From February: Q1 is February to April, Q4 November to January.
        let february = try Self.read(
            [Self.undated("2026-Q1", "D1"), Self.undated("Q4", "D2")], plan: Self.plan(start: 2))
        #expect(SheetPeriodTests.dates(february) == ["D1 2026-02-01", "D2 2026-11-01"])
        // A calendar fiscal year: the year written beside the quarter is the fiscal year.
        let calendar = try Self.read(
            [Self.undated("Q3 2026", "D1"), Self.undated("FY26 Q4", "D2"), Self.undated("Q1", "D3")],
            plan: Self.plan(start: 1))
        #expect(SheetPeriodTests.dates(calendar) == ["D1 2026-07-01", "D2 2026-10-01", "D3 2026-01-01"])
    }

    @Test func aYearThatMayBeTwoFiscalYearsIsSettledByTheDatedDeals() throws {
        // `Q1 2026` from February: the fiscal year starting in February 2026 or 2025; a deal
        // dated March 2026 on another sheet lies in the first.
        let sheets = [Self.undated("Q1 2026", "D1"), Self.undated("Q4 2026", "D2")]
        let settled = try Self.read(sheets + [Self.dated("Deals", "D3", "2026-03-10")], plan: Self.plan(start: 2))
        #expect(SheetPeriodTests.dates(settled) == ["D1 2026-02-01", "D2 2026-11-01", "D3 2026-03-10"])
        // Year-less quarters from July take the fiscal year of the deals dated elsewhere.
        let yearless = try Self.read(
            [Self.dated("Deals", "D1", "2027-02-14"), Self.undated("Q1", "D2"), Self.undated("Q3", "D3")],
            plan: Self.plan(start: 7))
        #expect(SheetPeriodTests.dates(yearless) == ["D1 2027-02-14", "D2 2026-07-01", "D3 2027-01-01"])
        #expect(
            Self.fails(
                sheets, plan: try Self.plan(start: 2), naming: "Q1 2026", "may name the quarter of the fiscal year"))
    }

    @Test func aQuarterTheWorkbookCannotPlaceIsAnErrorNamingItsSheet() throws {
        let plan = try Self.plan(start: 7)
        #expect(
            Self.fails([Self.undated("Q1", "D1"), Self.undated("Q2", "D2")], plan: plan, naming: "Q1", "gives no year"))
        // Deals dated in two fiscal years (June 2026 is in the one from July 2025).
        let two = [
            Self.dated("Deals", "D1", "2026-06-30"), Self.dated("More", "D2", "2026-07-01"), Self.undated("Q2", "D3"),
        ]
        #expect(Self.fails(two, plan: plan, naming: "Q2", "the workbook holds 2025 and 2026"))
        // A plan paid by month cannot date a quarter's rows.
        #expect(
            Self.fails(
                [Self.undated("2026-Q1", "D1")], plan: try Self.plan(start: 7, period: "month"), naming: "2026-Q1",
                "the plan pays by month"))
        // Without a plan, a quarter is no tab per period.
        let read = try Self.read([Self.dated("Deals", "D1", "2026-07-03"), Self.undated("Q3 2026", "D2")], plan: nil)
        #expect(read.sheets.map(\.name) == ["Deals"])
    }

    @Test func aWorkbookOfQuarterTabsReconcilesInThePlansQuarters() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [Self.undated("2026-Q1", "D1"), Self.undated("Q3", "D2")], in: folder)
        let plan = try Self.plan(start: 7)
        let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [])
        #expect(result.statement.reps.filter { $0.earned != 0 }.map(\.period.description) == ["2026-Q1", "2026-Q3"])
        #expect(result.errors.isEmpty)
        #expect(
            result.mappingNotes.contains {
                $0.contains("every row dated 2027-01-01 (the quarter the sheet's name names)")
            })
    }
}
