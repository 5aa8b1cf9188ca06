import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A split row whose formula multiplies by its own split cell applied the split: when its figure
/// is also the whole amount at the plan's rate (10% on half a deal the plan pays at 5%), the
/// typed rate is the cause, not a split left out.
@Suite struct OwnSplitInFormulaTests {
    static func row(_ n: Int, amount: String, split: String, rate: String, paid: String, formula: String)
        -> [WriteCell]
    {
        [
            .text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-04-\(10 + n)"),
            HeldOutWorkbookTests.number(amount), HeldOutWorkbookTests.number(split), HeldOutWorkbookTests.number(rate),
            CauseTests.formula(paid, formula),
        ]
    }

    @Test func aDoubleRateOnHalfADealIsTheRateNotTheSplit() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Split", "Rate", "Commission"].map {
            .text($0)
        }
        let rows = [
            header,
            Self.row(2, amount: "20000", split: "1", rate: "0.05", paid: "1000", formula: "ROUND(D2*E2*F2,2)"),
            // 53,990 × 50% = 26,995.00 at 5% = 1,349.75; the sheet's 10% on it is 2,699.50, which
            // is also 53,990 × 5%: but its formula reads the split in E3.
            Self.row(3, amount: "53990", split: "0.5", rate: "0.1", paid: "2699.5", formula: "ROUND(D3*E3*F3,2)"),
            // The split left out of the formula: 30,000 × 5% = 1,500.00 where 750.00 is due.
            Self.row(4, amount: "30000", split: "0.5", rate: "0.05", paid: "1500", formula: "ROUND(D4*F4,2)"),
            Self.row(5, amount: "10000", split: "1", rate: "0.05", paid: "500", formula: "ROUND(D5*E5*F5,2)"),
        ]
        let result = try HeldOutWorkbookTests.reconcile(
            [("Deals", rows)], plan: HeldOutWorkbookTests.plan(rate: "5%"))
        let byCell = Dictionary(result.errors.map { ($0.cell, $0.cause) }, uniquingKeysWith: { first, _ in first })
        #expect(byCell[CellAddress("G3")!] == .wrongRate)
        #expect(byCell[CellAddress("G4")!] == .splitNotApplied)
    }
}
