import Commission
import Correction
import Foundation
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Reconciliation

/// A summary's SUMIFS whose date criterion leaves out the deals of its period's first or last day:
/// ended with `"<="&DATE(2026,1,31)` over close dates with a time of day (`2026-01-31 14:05`, as CRM
/// exports write them) it stops at that day's midnight; ended with `"<"&DATE(2026,1,31)` it stops
/// before the day; begun with `">"&DATE(2026,1,1)` it starts after the day. Excel's figure is short
/// by those deals' commission: `sum_range`, naming them, and the corrected copy's formula holds the
/// whole day.
@Suite struct DateBoundTests {
    static let plan = PlanTexts.flat("Date bounds", period: "month", rate: "5%")

    static func dateTime(_ iso: String, hour: Int = 0, minute: Int = 0) -> WriteCell {
        let date = LocalDate(iso: iso)!.components
        return WriteCell(
            .date(
                DateTimeValue(
                    kind: hour + minute == 0 ? .date : .dateTime, year: date.year, month: date.month, day: date.day,
                    hour: hour, minute: minute)))
    }

    /// One way of keeping the month's deals and writing its total's bounds.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// The first deal's close date and the second's (the others close on 10 January and 3 February).
        let first: WriteCell
        let second: WriteCell
        /// January's criteria on the close dates (from, to), and the figure Excel shows for them.
        let january: (String, String)
        let cached: String
        /// The deal left out, as the finding names it, and the criteria the repair writes.
        let named: String
        let repaired: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            name: "<= the last day, a deal at 14:05 on it", first: dateTime("2026-01-10", hour: 9, minute: 30),
            second: dateTime("2026-01-31", hour: 14, minute: 5),
            january: ("\">=\"&DATE(2026,1,1)", "\"<=\"&DATE(2026,1,31)"),
            cached: "500", named: "Deals!C3 2026-01-31 14:05", repaired: "\"<\"&DATE(2026,1,31)+1"),
        Case(
            name: "< the last day", first: dateTime("2026-01-10"), second: dateTime("2026-01-31"),
            january: ("\">=\"&DATE(2026,1,1)", "\"<\"&DATE(2026,1,31)"), cached: "500", named: "Deals!C3 2026-01-31",
            repaired: "\"<\"&DATE(2026,1,31)+1"),
        Case(
            name: "> the first day", first: dateTime("2026-01-01"), second: dateTime("2026-01-20"),
            january: ("\">\"&DATE(2026,1,1)", "\"<=\"&DATE(2026,1,31)"), cached: "1000", named: "Deals!C2 2026-01-01",
            repaired: "\">=\"&DATE(2026,1,1)"),
    ]

    /// A workbook of three deals of R1 (500.00, 1,000.00 and February's 500.00) and a summary of
    /// January and February, January's total over `january`'s criteria cached `cached`.
    static func workbook(
        _ first: WriteCell, _ second: WriteCell, january: (String, String), cached: String, in folder: URL
    )
        throws -> String
    {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let deals: [(WriteCell, Decimal, String)] = [
            (first, 10000, "500"), (second, 20000, "1000"), (dateTime("2026-02-03", hour: 11), 10000, "500"),
        ]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text("D\(row - 1)"), .text("R1"), deal.0, .number(deal.1), .number(Decimal(string: "0.05")!),
                CauseTests.formula(deal.2, "ROUND(D\(row)*E\(row),2)"),
            ])
        }
        func total(_ row: Int, _ criteria: (String, String), _ cached: String) -> WriteCell {
            CauseTests.formula(
                cached,
                "SUMIFS(Deals!F$2:F$4,Deals!B$2:B$4,A\(row),Deals!C$2:C$4,\(criteria.0),Deals!C$2:C$4,\(criteria.1))")
        }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("R1"), .text("2026-01"), total(2, january, cached)],
            [.text("R1"), .text("2026-02"), total(3, ("\">=\"&DATE(2026,2,1)", "\"<\"&DATE(2026,3,1)"), "500")],
        ]
        return try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
    }

    static func reconcile(_ path: String) throws -> Reconciliation {
        try Reconciler.reconcile(workbook: path, plan: PlanFile.parse(plan, file: "plan.yaml"), roster: [])
    }

    @Test(arguments: cases)
    func aBoundLeavingOutADaysDealsIsSumRange(_ bound: Case) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(
            bound.first, bound.second, january: bound.january, cached: bound.cached, in: folder)
        let result = try Self.reconcile(path)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.sheet == "Summary" && finding.cell == CellAddress("C2") && finding.expected == 1500)
        #expect(finding.causes == [.sumRange], "\(finding.explanation)")
        #expect(finding.explanation.contains(bound.named), "\(finding.explanation)")
        #expect(finding.repairedFormula?.contains(bound.repaired) == true, "\(finding.repairedFormula ?? "")")

        // Its corrected copy's formula holds the whole day, and the copy reconciles clean.
        let output = folder.appendingPathComponent("corrected.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path, input: CorrectionInput(result), to: handle)
        try handle.close()
        let again = try Self.reconcile(output.path)
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
    }

    /// Deals split between two reps on one row (`Rep 1 | Rep 2`): the second rep's lines are keyed
    /// apart from their row, and each rep's total left short by `"<"&DATE(2026,1,31)` is found the
    /// same (before, the second rep's total stopped the run).
    @Test func eachRepOfASplitRowIsLeftOutTheSame() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = [
            "Deal ID", "Close Date", "Amount", "Rep 1", "Rep 1 %", "Rep 2", "Rep 2 %", "Commission 1", "Commission 2",
        ].map { .text($0) }
        let deals: [(String, Decimal, String)] = [("2026-01-10", 10000, "250"), ("2026-01-31", 20000, "500")]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            rows.append([
                .text("D\(index + 1)"), Self.dateTime(deal.0), .number(deal.1), .text("R1"),
                .number(Decimal(string: "0.5")!), .text("R2"), .number(Decimal(string: "0.5")!),
                .number(Decimal(string: deal.2)!), .number(Decimal(string: deal.2)!),
            ])
        }
        func total(_ rep: String, _ column: String) -> [WriteCell] {
            [
                .text(rep), .text("2026-01"),
                CauseTests.formula(
                    "250",
                    "SUMIFS(Deals!\(column)$2:\(column)$3,Deals!B$2:B$3,\">=\"&DATE(2026,1,1),Deals!B$2:B$3,\"<\"&DATE(2026,1,31))"
                ),
            ]
        }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) }, total("R1", "H"), total("R2", "I"),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
        let errors = try Self.reconcile(path).errors
        #expect(errors.map { "\($0.cell) \($0.cause)" } == ["C2 sum_range", "C3 sum_range"])
        #expect(errors.allSatisfy { $0.explanation.contains("Deals!B3 2026-01-31") }, "\(errors.map(\.explanation))")
    }

    /// A deal at midnight is within `<=` its day: the total holds it, and nothing is wrong.
    @Test func aDealAtMidnightIsWithinTheDay() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(
            Self.dateTime("2026-01-10", hour: 9), Self.dateTime("2026-01-31"),
            january: ("\">=\"&DATE(2026,1,1)", "\"<=\"&DATE(2026,1,31)"), cached: "1500", in: folder)
        #expect(try Self.reconcile(path).errors.isEmpty)
    }

    @Test(arguments: [
        ("SUMIFS(G:G,D:D,\"<=\"&DATE(2026,1,31))", "SUMIFS(G:G,D:D,\"<\"&DATE(2026,1,31)+1)"),
        ("SUMIFS(G:G,D:D,\"<=\" & $H$1,B:B,A2)", "SUMIFS(G:G,D:D,\"<\"&$H$1+1,B:B,A2)"),
        ("SUMIFS(G:G,D:D,\"<=\"&EOMONTH(B2,0))", "SUMIFS(G:G,D:D,\"<\"&EOMONTH(B2,0)+1)"),
        ("SUMIFS(G:G,E:E,\"<=5\")", nil),
    ])
    func aCriterionUpToADayIsMadeToHoldIt(formula: String, repaired: String?) {
        #expect(DateBound.endingAfterTheDay(in: formula) == repaired)
    }
}
