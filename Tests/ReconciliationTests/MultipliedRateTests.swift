import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A row the plan multiplies (an override's `multiplier: 0.5`) whose formula applies that
/// multiplier to its own rate cell (`=ROUND(D2*E2*G2*0.5,2)`) was worked out at the rate the cell
/// holds: a typed 5% is a wrong rate, a typed 2.5% another band's (plan-format.md §7), even where
/// the figure is also the credit at another band's rate, unmultiplied (5% halved is the 2.5%
/// band's: fuzz-reconcile seed 9927 named it `wrong_tier`, "paid at 2.5%").
@Suite struct MultipliedRateTests {
    /// Bands of 2.5% and, from 10,000, 4% of each deal's whole credit; Services lines halved.
    static let plan = """
        plan: Multiplied rates
        period: quarter
        commission:
          tiers:
            metric: amount
            basis: per_deal
            mode: retroactive
            table:
              - { from: 0, rate: 2.5% }
              - { from: 10000, rate: 4% }
          overrides:
            - { when: { product: Services }, multiplier: 0.5 }
        """

    @Test(arguments: [("0.05", "500", Cause.wrongRate), ("0.025", "250", Cause.wrongTier)])
    func aMultipliedRowIsWrongByTheRateItsCellHolds(rate: String, figure: String, cause: Cause) throws {
        // Row 2: 20,000 of Services, 400.00 due (4% halved); the others as the plan pays them.
        let book = try CauseTests.productWorkbook([
            ("D1", "R1", 20000, 1, "Services", rate, CauseTests.formula(figure, "ROUND(D2*E2*G2*0.5,2)")),
            ("D2", "R1", 20000, 1, "Core", "0.04", CauseTests.formula("800", "ROUND(D3*E3*G3,2)")),
            ("D3", "R1", 5000, 1, "Core", "0.025", CauseTests.formula("125", "ROUND(D4*E4*G4,2)")),
            ("D4", "R1", 20000, 1, "Services", "0.04", CauseTests.formula("400", "ROUND(D5*E5*G5*0.5,2)")),
        ])
        let result = try CauseTests.reconcile(book, plan: Self.plan)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.cell == CellAddress("H2") && finding.expected == 400)
        #expect(finding.cause == cause, "\(finding.explanation)")
    }

    /// A reading of the plan that gives the figure still comes first (§7): under bands of 2.5% and,
    /// from 30,000, 4%, a Services deal of 20,000 at 4% halved (400.00) is what the running total
    /// of the rep's 65,000 pays, where each deal alone pays it 250.00.
    @Test func aReadingThatGivesTheFigureComesBeforeTheRateCell() throws {
        let plan = Self.plan.replacingOccurrences(of: "from: 10000", with: "from: 30000")
        let book = try CauseTests.productWorkbook([
            ("D1", "R1", 20000, 1, "Services", "0.04", CauseTests.formula("400", "ROUND(D2*E2*G2*0.5,2)")),
            ("D2", "R1", 20000, 1, "Core", "0.025", CauseTests.formula("500", "ROUND(D3*E3*G3,2)")),
            ("D3", "R1", 5000, 1, "Core", "0.025", CauseTests.formula("125", "ROUND(D4*E4*G4,2)")),
            ("D4", "R1", 20000, 1, "Services", "0.025", CauseTests.formula("250", "ROUND(D5*E5*G5*0.5,2)")),
        ])
        let result = try CauseTests.reconcile(book, plan: plan)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.cell == CellAddress("H2") && finding.expected == 250)
        #expect(finding.cause == .perDealVsCumulative, "\(finding.explanation)")
    }
    /// A figure that is the credit at another band's rate, unmultiplied, on a line the plan
    /// multiplies is no tier the sheet chose: the plan would price that band with the multiplier
    /// too. A typed 500 for 400 on a Services deal of 20,000 (4% halved) with the right rate in
    /// its cell is the row's own arithmetic, not "paid at 2.5%" (fuzz-reconcile seed 13568);
    /// 250.00, 2.5% halved, is another band's rate.
    @Test(arguments: [("500", Cause.arithmetic), ("250", Cause.wrongTier)])
    func anotherBandsRateCountsWithTheMultiplier(figure: String, cause: Cause) throws {
        let book = try CauseTests.productWorkbook([
            ("D1", "R1", 20000, 1, "Services", "0.04", .number(Decimal(string: figure)!)),
            ("D2", "R1", 20000, 1, "Core", "0.04", .number(800)),
            ("D3", "R1", 5000, 1, "Core", "0.025", .number(125)),
            ("D4", "R1", 20000, 1, "Services", "0.04", .number(400)),
        ])
        let result = try CauseTests.reconcile(book, plan: Self.plan)
        let finding = try #require(CauseTests.onlyError(result), "\(result.errors.map(\.explanation))")
        #expect(finding.cell == CellAddress("H2") && finding.expected == 400)
        #expect(finding.cause == cause, "\(finding.explanation)")
    }
}
