import Foundation
import Spreadsheet
import Testing

@testable import Reconciliation

/// A filtered list's total, `SUBTOTAL(109,…)` or an `AGGREGATE` skipping hidden rows, leaves out
/// the deals the filter hides: when the plan pays them, the total misses rows (`sum_range`),
/// names them, and is repaired to count them (`SUBTOTAL(9,…)`).
@Suite struct HiddenRowTotalTests {
    /// `CauseTests.goodRows()` (rows 2–5, 500.00 each) with `rows` changed, a `Total` on row 6
    /// whose formula is `total` caching `cached`, and the sheet rows `hidden` marked hidden.
    static func workbook(
        _ rows: [CauseTests.Row] = CauseTests.goodRows(), total: String, cached: String, hidden: [Int]
    ) throws -> String {
        let plain = try CauseTests.workbook(rows, total: CauseTests.formula(cached, total))
        let path = plain.replacingOccurrences(of: ".xlsx", with: "-hidden.xlsx")
        try FormulaReadingTests.copy(plain, to: path) { xml in
            hidden.reduce(xml) { xml, row in
                xml.replacingOccurrences(of: #"<row r="\#(row)">"#, with: #"<row r="\#(row)" hidden="1">"#)
            }
        }
        return path
    }

    @Test(arguments: [
        ("SUBTOTAL(109,G2:G5)", "SUBTOTAL(9,G2:G5)"),
        ("AGGREGATE(9,5,G2:G5)", "AGGREGATE(9,4,G2:G5)"),
        ("SUBTOTAL(109,G2:G3)+SUBTOTAL(109,G4:G5)", "SUBTOTAL(9,G2:G3)+SUBTOTAL(9,G4:G5)"),
    ])
    func aTotalSkippingAHiddenDealMissesItAndIsRepairedToCountIt(formula: String, repaired: String) throws {
        let result = try CauseTests.reconcile(Self.workbook(total: formula, cached: "1500", hidden: [3]))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.causes == [.sumRange])
        #expect(finding.difference == -500)
        #expect(finding.explanation.contains("it skips the hidden rows 3 (500.00)"))
        #expect(finding.repairedFormula == repaired)
    }

    @Test func whatTheHiddenRowsDoNotExplainComesFromTheWrongRowsItAdds() throws {
        var rows = CauseTests.goodRows()
        rows[2].commission = .number(450)
        let result = try CauseTests.reconcile(
            Self.workbook(rows, total: "SUBTOTAL(109,G2:G5)", cached: "1450", hidden: [3]))
        let total = try #require(result.errors.first { $0.cell == CellAddress("G6") })
        #expect(total.causes == [.sumRange, .hardcodedFormula])
        #expect(total.explanation.contains("it skips the hidden rows 3 (500.00); the rest comes from Deals!G4"))
        #expect(total.repairedFormula == "SUBTOTAL(9,G2:G5)")
    }

    @Test func aTotalThatCountsHiddenRowsOrHidesNoneIsRight() throws {
        #expect(
            try CauseTests.reconcile(Self.workbook(total: "SUBTOTAL(9,G2:G5)", cached: "2000", hidden: [3])).errors
                .isEmpty)
        #expect(
            try CauseTests.reconcile(Self.workbook(total: "SUBTOTAL(109,G2:G5)", cached: "2000", hidden: [])).errors
                .isEmpty)
    }

    @Test func onlyCallsThatSkipHiddenRowsAreRewritten() {
        #expect(
            FormulaForensics.countingHiddenRows(in: "ROUND(SUBTOTAL( 101 ,G2:G5)*2,2)")
                == "ROUND(SUBTOTAL( 1 ,G2:G5)*2,2)")
        #expect(
            FormulaForensics.countingHiddenRows(in: "_xlfn.AGGREGATE(9, 7, G2:G5)") == "_xlfn.AGGREGATE(9, 6, G2:G5)")
        #expect(
            FormulaForensics.countingHiddenRows(in: "subtotal(109,tblDeals[Commission])")
                == "subtotal(9,tblDeals[Commission])")
        for formula in [
            "SUBTOTAL(9,G2:G5)", "AGGREGATE(9,6,G2:G5)", "SUM(G2:G5)", #"A1&"SUBTOTAL(109,G2:G5)""#,
            "MYSUBTOTAL(109,G2:G5)", "SUBTOTAL(A1,G2:G5)",
        ] {
            #expect(FormulaForensics.countingHiddenRows(in: formula) == nil, "\(formula)")
        }
    }
}
