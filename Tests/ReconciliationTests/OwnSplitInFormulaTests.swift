import Foundation
import Reconciliation
import Spreadsheet
import TestSupport
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

    /// A typed CSV (no formulas): a split row whose own typed rate, another tier's, times its
    /// credit gives its figure applied the split, though the whole amount at the plan's rate
    /// gives the same figure (8% on 62.5% of 10,000 is 5% of all of it).
    @Test func aTypedRowWhoseOwnRateTimesItsCreditGivesTheFigureIsTheTier() throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-ownsplit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv").path
        let csv = """
            Deal ID,Rep,Close Date,Amount,Split,Rate,Commission
            D2,R1,2026-01-15,10000,1,0.05,500
            D3,R1,2026-01-16,10000,0.625,0.08,500
            D4,R1,2026-01-17,10000,0.5,0.05,500
            D5,R1,2026-01-18,10000,1,0.05,500

            """
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CauseTests.reconcile(path)
        let byCell = Dictionary(result.errors.map { ($0.cell, $0.cause) }, uniquingKeysWith: { first, _ in first })
        #expect(byCell[CellAddress("G3")!] == .wrongTier)
        #expect(byCell[CellAddress("G4")!] == .splitNotApplied)
    }
}
