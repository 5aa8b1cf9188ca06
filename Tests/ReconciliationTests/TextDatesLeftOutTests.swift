import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Reconciliation

/// A summary's SUMIFS with date criteria over close dates typed as text (`15/01/2026` pasted as
/// text, one ISO date typed with a quote): Excel's criteria match only dates stored as numbers, so
/// its figure leaves those deals out. Reported as `text_number` naming the date cells, not
/// `unexplained`.
@Suite struct TextDatesLeftOutTests {
    static let plan = PlanTexts.flat("Text dates", period: "month", rate: "5%")

    /// Deals of R1 in January (500.00 and 1,000.00 commission) and February (500.00), their close
    /// dates as `dates` write them; a summary of both months by SUMIFS with date criteria (or by
    /// `sums`, each month's SUM), caching `cached` (January, February): what Excel shows.
    static func workbook(
        dates: [WriteCell], cached: (String, String), sums: (String, String)? = nil, in folder: URL
    ) throws -> String {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let deals: [(Decimal, String)] = [(10000, "500"), (20000, "1000"), (10000, "500")]
        var rows: [[WriteCell]] = [header]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            rows.append([
                .text("D\(row - 1)"), .text("R1"), dates[index], .number(deal.0), .number(Decimal(string: "0.05")!),
                CauseTests.formula(deal.1, "ROUND(D\(row)*E\(row),2)"),
            ])
        }
        func total(_ row: Int, from: String, to: String, _ cached: String) -> WriteCell {
            CauseTests.formula(
                cached,
                sums.map { row == 2 ? $0.0 : $0.1 }
                    ?? "SUMIFS(Deals!F$2:F$4,Deals!B$2:B$4,A\(row),Deals!C$2:C$4,\">=\"&DATE(\(from)),Deals!C$2:C$4,\"<\"&DATE(\(to)))"
            )
        }
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("R1"), .text("2026-01"), total(2, from: "2026,1,1", to: "2026,2,1", cached.0)],
            [.text("R1"), .text("2026-02"), total(3, from: "2026,2,1", to: "2026,3,1", cached.1)],
        ]
        return try LayoutReadingTests.workbook([("Deals", rows), ("Summary", summary)], in: folder)
    }

    static func date(_ iso: String) -> WriteCell {
        let date = LocalDate(iso: iso)!.components
        return WriteCell(.date(DateTimeValue(kind: .date, year: date.year, month: date.month, day: date.day)))
    }

    /// The second deal's date typed as text, the others' dates stored as dates.
    static let secondTyped = [date("2026-01-10"), .text("2026-01-20"), date("2026-02-03")]

    static func reconcile(_ path: String) throws -> Reconciliation {
        try Reconciler.reconcile(workbook: path, plan: PlanFile.parse(plan, file: "plan.yaml"), roster: [])
    }

    @Test func oneDateTypedAsTextIsLeftOutOfItsMonth() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The second deal's date typed as text: January's SUMIFS shows 500, not 1,500.
        let path = try Self.workbook(dates: Self.secondTyped, cached: ("500", "500"), in: folder)
        let result = try Self.reconcile(path)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.sheet == "Summary" && finding.cell == CellAddress("C2"))
        #expect(finding.manual == 500 && finding.expected == 1500)
        #expect(finding.causes == [.textNumber], "\(finding.explanation)")
        #expect(
            finding.explanation.contains("the deal whose close date is typed as text (Deals!C3)"),
            "\(finding.explanation)")
    }

    @Test func aColumnOfTextDatesLeavesOutEveryDeal() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Day-first dates pasted as text: neither month's SUMIFS matches a row.
        let path = try Self.workbook(
            dates: [.text("10/01/2026"), .text("20/01/2026"), .text("03/02/2026")], cached: ("0", "0"), in: folder)
        let result = try Self.reconcile(path)
        let byCell = Dictionary(result.errors.map { ($0.cell, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(result.errors.count == 2, "\(result.errors.map(\.explanation))")
        let january = try #require(byCell[CellAddress("C2")!])
        #expect(january.causes == [.textNumber] && january.expected == 1500, "\(january.explanation)")
        #expect(january.explanation.contains("the 2 deals whose close date is typed as text (Deals!C2, Deals!C3)"))
        let february = try #require(byCell[CellAddress("C3")!])
        #expect(february.causes == [.textNumber] && february.expected == 500, "\(february.explanation)")
    }

    @Test func aTotalComparingNoDatesIsNotTold() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // January's SUM stops a row short, missing the deal whose date is text: no date is
        // compared, so the text date is not why.
        let path = try Self.workbook(
            dates: Self.secondTyped, cached: ("500", "500"), sums: ("SUM(Deals!F$2:F$2)", "SUM(Deals!F$4:F$4)"),
            in: folder)
        let result = try Self.reconcile(path)
        let finding = try #require(result.errors.first { $0.cell == CellAddress("C2") })
        #expect(!finding.causes.contains(.textNumber), "\(finding.explanation)")
    }

    @Test func aNotEqualCriterionComparesNoDates() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `"<>D2"` orders nothing: January's total leaves out the text-dated deal D2 by its id, not
        // by its date, though it falls short by that deal's 1,000.
        let path = try Self.workbook(
            dates: Self.secondTyped, cached: ("500", "500"),
            sums: ("SUMIFS(Deals!F$2:F$3,Deals!A$2:A$3,\"<>D2\")", "SUM(Deals!F$4:F$4)"), in: folder)
        let result = try Self.reconcile(path)
        let finding = try #require(result.errors.first { $0.cell == CellAddress("C2") })
        #expect(!finding.causes.contains(.textNumber), "\(finding.explanation)")
    }

    @Test func aShortfallOtherThanTheTextDatesIsNotTold() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // January falls short by 700, not by the text-dated deal's 1,000.
        let path = try Self.workbook(dates: Self.secondTyped, cached: ("800", "500"), in: folder)
        let result = try Self.reconcile(path)
        let finding = try #require(result.errors.first { $0.cell == CellAddress("C2") })
        #expect(!finding.causes.contains(.textNumber), "\(finding.explanation)")
    }

    @Test func eachTabsDatesAreKeyedByItsSheet() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A tab per month: the rows dated in text and those closed late on a month's last day are
        // keyed as their lines are, by the tab they stand on (`DealsTable.rowKey`).
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
        func tab(_ month: Int, _ dates: [WriteCell]) -> [[WriteCell]] {
            [header]
                + dates.enumerated().map { index, date in
                    [.text("D\(month)\(index)"), .text("R1"), date, .number(10000), .number(500)]
                }
        }
        let late = WriteCell(.date(DateTimeValue(kind: .dateTime, year: 2026, month: 2, day: 28, hour: 14, minute: 5)))
        let path = try LayoutReadingTests.workbook(
            [
                ("Jan", tab(1, [Self.date("2026-01-10"), .text("2026-01-20")])),
                ("Feb", tab(2, [.text("2026-02-03"), late])),
            ], in: folder)
        let table = try DealsReader.readWorkbook(TableFile.open(path), manualCells: .values)
        let rows = table.lines.map(\.row)
        #expect(table.textDates == [rows[1], rows[2]])
        #expect(table.lateOnMonthEnds.map(\.row) == [rows[3]])
        #expect(DealsTable.sheetOrdinal(rows[2]) == 1)
    }
}
