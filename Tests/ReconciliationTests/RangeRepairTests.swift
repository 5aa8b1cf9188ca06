import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

@testable import Reconciliation

/// A total whose ranges stop short (`sum_range`) is corrected by repairing its ranges, not by
/// replacing it with a constant: the sheet keeps adding up when rows are added.
@Suite struct RangeRepairTests {
    func extend(_ formula: String, sheet: String? = "Deals", to rows: ClosedRange<Int>) -> String? {
        FormulaForensics.extendingRanges(in: formula, sheet: sheet, to: rows)
    }

    @Test func sumAndCriteriaRangesMoveTogetherAndKeepTheirAnchors() {
        #expect(
            extend("SUMIFS(Deals!$G$5:$G$34,Deals!$B$5:$B$34,A5)", to: 5...41)
                == "SUMIFS(Deals!$G$5:$G$41,Deals!$B$5:$B$41,A5)")
        #expect(extend("SUM(Deals!G6:G30)", to: 5...41) == "SUM(Deals!G5:G41)")
        #expect(
            extend("SUMIFS('Deals Q3'!$G$2:$G$9,'Deals Q3'!B2:B9,\"Ana\")", sheet: "Deals Q3", to: 2...20)
                == "SUMIFS('Deals Q3'!$G$2:$G$20,'Deals Q3'!B2:B20,\"Ana\")")
    }

    @Test func localRangesOfATotalRow() {
        #expect(extend("SUM(G5:G9)", sheet: nil, to: 5...12) == "SUM(G5:G12)")
        #expect(extend("SUBTOTAL(9,$G5:$G9)", sheet: nil, to: 5...12) == "SUBTOTAL(9,$G5:$G12)")
    }

    @Test func whatIsNotARangeOfTheSheetStaysAsWritten() {
        // Another sheet's range, a range inside a string, a single cell: nothing to repair.
        #expect(extend("SUM(Rates!C2:C9)", to: 2...20) == nil)
        #expect(extend("COUNTIF(Deals!B5:B9,\"Deals!A1:A2\")", to: 5...20) == "COUNTIF(Deals!B5:B20,\"Deals!A1:A2\")")
        #expect(extend("Deals!G5*2", to: 5...20) == nil)
        #expect(extend("SUM(Deals!G5:G41)", to: 5...41) == nil)
    }

    @Test func rangesOverDifferentRowsAreLeftAlone() {
        // Two blocks may leave a row out on purpose: trueup does not guess which.
        #expect(extend("SUM(Deals!G5:G9)+SUM(Deals!G11:G20)", to: 5...30) == nil)
    }

    @Test func theSamplesShortSummaryTotalGetsItsRepairedFormulaWithTheRightValue() throws {
        let path = SampleReconciliationTests.path
        let plan = try PlanFile.load(path: path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(path("roster.csv")))
        let result = try Reconciler.reconcile(workbook: path("q3-commissions.xlsx"), plan: plan, roster: roster)
        let finding = try #require(result.findings.first { $0.cause == .sumRange })
        #expect(finding.repairedFormula == "SUMIFS(Deals!$G$5:$G$41,Deals!$B$5:$B$41,A5)")

        let output = Scratch.folder.appendingPathComponent("trueup-range-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: path("q3-commissions.xlsx"), reconciliation: result, to: handle)
        try handle.close()
        let workbook = try XLSXWorkbook(path: output.path)
        var cell: Cell?
        try workbook.readRows(of: try #require(workbook.sheet(named: finding.sheet))) { row in
            if row.index == finding.cell.row { cell = row.cell(at: finding.cell.column) }
        }
        #expect(cell?.formula == finding.repairedFormula)
        #expect(cell?.value == .number(finding.expected))
    }

    /// A summary adding up a SUMIFS per tab (a tab per product line), two of whose ranges stop
    /// short of rows added since: both are `sum_range`, both named, and both repaired.
    @Test func everyTabsRangeThatStopsShortIsRepaired() throws {
        func tab(_ name: String) -> (String, [[WriteCell]]) {
            let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
            return (
                name,
                [header]
                    + (2...4).map { n in
                        [
                            .text("\(name.prefix(2))-\(n)"), .text("Priya Nair"),
                            LayoutReadingTests.date("2026-04-1\(n)"),
                            .number(10000), .number(Decimal(string: "0.06")!),
                            CauseTests.formula("600", "ROUND(D\(n)*E\(n),2)"),
                        ]
                    }
            )
        }
        let formula =
            "SUMIFS(Software!$F$2:$F$3,Software!$B$2:$B$3,A2)+SUMIFS(Services!$F$2:$F$3,Services!$B$2:$B$3,A2)"
        let summary: [[WriteCell]] = [
            ["Rep", "Period", "Commission"].map { .text($0) },
            [.text("Priya Nair"), .text("2026-04"), CauseTests.formula("2400", formula)],
        ]
        let result = try HeldOutWorkbookTests.reconcile(
            [tab("Software"), tab("Services"), ("Summary", summary)], plan: HeldOutWorkbookTests.plan())
        let finding = try #require(result.errors.first { $0.sheet == "Summary" })
        #expect(finding.cause == .sumRange && finding.expected == 3600)
        #expect(
            finding.repairedFormula
                == "SUMIFS(Software!$F$2:$F$4,Software!$B$2:$B$4,A2)+SUMIFS(Services!$F$2:$F$4,Services!$B$2:$B$4,A2)")
        #expect(finding.explanation.contains("its range on 'Services' covers rows 2–3, the rep's rows reach 2–4"))
    }

}
