import Commission
import Correction
import Foundation
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Reconciliation

/// Close dates with a time of day (`2026-01-31 14:05`, as CRM exports write them) under a summary
/// whose SUMIFS ends a month with `"<="&DATE(2026,1,31)`: the criterion stops at that day's
/// midnight, so the month's total leaves out the deals closed later on its last day, and Excel's
/// figure is short by their commission. That is `sum_range`, naming the deals, and the corrected
/// copy's formula holds the whole day (`"<"&DATE(2026,1,31)+1`).
@Suite struct MidnightBoundTests {
    static let plan = PlanTexts.flat("Midnight", period: "month", rate: "5%")

    static func dateTime(_ iso: String, hour: Int, minute: Int) -> WriteCell {
        let date = LocalDate(iso: iso)!.components
        return WriteCell(
            .date(
                DateTimeValue(
                    kind: .dateTime, year: date.year, month: date.month, day: date.day, hour: hour, minute: minute)))
    }

    static func monthTotal(_ month: Int, last: Int, cached: String, row: Int) -> WriteCell {
        CauseTests.formula(
            cached,
            "SUMIFS(Deals!F$2:F$4,Deals!B$2:B$4,A\(row),Deals!C$2:C$4,\">=\"&DATE(2026,\(month),1),"
                + "Deals!C$2:C$4,\"<=\"&DATE(2026,\(month),\(last)))")
    }

    /// A workbook of three deals of R1, the second closed on 31 January at `hour` (0: midnight),
    /// and a summary of January and February, January's total cached `january`.
    static func workbook(lastDayAt hour: Int, january: String, in folder: URL) throws -> String {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let deals: [(String, WriteCell, Decimal, String)] = [
            ("D1", dateTime("2026-01-10", hour: 9, minute: 30), 10000, "500"),
            ("D2", dateTime("2026-01-31", hour: hour, minute: hour == 0 ? 0 : 5), 20000, "1000"),
            ("D3", dateTime("2026-02-03", hour: 11, minute: 0), 10000, "500"),
        ]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text(deal.0), .text("R1"), deal.1, .number(deal.2), .number(Decimal(string: "0.05")!),
                CauseTests.formula(deal.3, "ROUND(D\(row)*E\(row),2)"),
            ])
        }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("R1"), .text("2026-01"), monthTotal(1, last: 31, cached: january, row: 2)],
            [.text("R1"), .text("2026-02"), monthTotal(2, last: 28, cached: "500", row: 3)],
        ]
        return try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
    }

    static func reconcile(_ path: String) throws -> Reconciliation {
        try Reconciler.reconcile(workbook: path, plan: PlanFile.parse(plan, file: "plan.yaml"), roster: [])
    }

    @Test func aMonthEndingAtMidnightLeavesOutTheLastDaysLaterDeals() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // What Excel shows: January's deals but the one closed at 14:05 on its last day.
        let path = try Self.workbook(lastDayAt: 14, january: "500", in: folder)
        let result = try Self.reconcile(path)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.sheet == "Summary" && finding.cell == CellAddress("C2") && finding.expected == 1500)
        #expect(finding.causes == [.sumRange], "\(finding.explanation)")
        #expect(finding.explanation.contains("Deals!C3 2026-01-31 14:05"), "\(finding.explanation)")
        #expect(finding.repairedFormula?.contains("\"<\"&DATE(2026,1,31)+1") == true)

        // Its corrected copy's formula holds the whole day, and the copy reconciles clean.
        let output = folder.appendingPathComponent("corrected.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path, input: CorrectionInput(result), to: handle)
        try handle.close()
        let again = try Self.reconcile(output.path)
        #expect(again.errors.isEmpty, "\(again.errors.map { "\($0.sheet)!\($0.cell) \($0.cause)" })")
    }

    /// A deal at midnight is within `<=` its day: the total holds it, and nothing is wrong.
    @Test func aDealAtMidnightIsWithinTheDay() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(lastDayAt: 0, january: "1500", in: folder)
        #expect(try Self.reconcile(path).errors.isEmpty)
    }

    @Test(arguments: [
        ("SUMIFS(G:G,D:D,\"<=\"&DATE(2026,1,31))", "SUMIFS(G:G,D:D,\"<\"&DATE(2026,1,31)+1)"),
        ("SUMIFS(G:G,D:D,\"<=\" & $H$1,B:B,A2)", "SUMIFS(G:G,D:D,\"<\"&$H$1+1,B:B,A2)"),
        ("SUMIFS(G:G,D:D,\"<=\"&EOMONTH(B2,0))", "SUMIFS(G:G,D:D,\"<\"&EOMONTH(B2,0)+1)"),
        ("SUMIFS(G:G,E:E,\"<=5\")", nil),
    ])
    func aCriterionUpToADayIsMadeToHoldIt(formula: String, repaired: String?) {
        #expect(FormulaForensics.endingAfterTheDay(in: formula) == repaired)
    }
}
