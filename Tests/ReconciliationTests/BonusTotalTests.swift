import Foundation
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A total row that totals the bonus column too (an Excel Table's totals row, a `Total` row's
/// `=SUM(H2:H5)`): its bonus against the plan's bonuses of the rows it stands for.
@Suite struct BonusTotalTests {
    static let plan =
        CauseTests.planText + """

            bonuses:
              - { name: January SPIFF, per_deal: 100, when: { from: 2026-01-01, to: 2026-01-31 } }
            """

    /// A Deals sheet begun with January deals of 10,000 at 5% (500.00 each, a 100.00 SPIFF each)
    /// from row 2: `bonuses` in the Bonus column, row `n`'s commission cell `commission(n)`
    /// (`=ROUND(D*0.05,2)` caching 500 unless given). The sheet is left open.
    static func beginDeals(
        _ writer: WorkbookWriter, bonuses: [WriteCell],
        commission: (Int) -> WriteCell = { CauseTests.formula("500", "ROUND(D\($0)*0.05,2)") }
    ) throws {
        try writer.beginSheet("Deals")
        try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Bonus"].map { .text($0) })
        for (index, bonus) in bonuses.enumerated() {
            let row = index + 2
            try writer.writeRow([
                .text("D\(row)"), .text("R1"),
                WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 1, day: 10 + index))),
                .number(10000), commission(row), bonus,
            ])
        }
    }

    /// Ends the Deals sheet `beginDeals` began and writes a Summary of R1's `period` over its four
    /// deals: commission `=SUM(Deals!E2:E5)`, bonus `=SUM(Deals!F2:F5)` and earned `=C2+D2`, each
    /// caching its figure of `cached`.
    static func writeSummary(
        _ writer: WorkbookWriter, period: String, cached: (commission: String, bonus: String, earned: String)
    ) throws {
        try writer.endSheet()
        try writer.beginSheet("Summary")
        try writer.writeRow(["Rep", "Period", "Commission", "Bonus", "Earned"].map { .text($0) })
        try writer.writeRow([
            .text("R1"), .text(period), CauseTests.formula(cached.commission, "SUM(Deals!E2:E5)"),
            CauseTests.formula(cached.bonus, "SUM(Deals!F2:F5)"), CauseTests.formula(cached.earned, "C2+D2"),
        ])
        try writer.endSheet()
    }

    /// Four January deals (`beginDeals`): `bonuses` in the Bonus column, and a `Total` row adding
    /// both columns, its bonus `bonusTotal`.
    static func workbook(bonuses: [WriteCell], bonusTotal: WriteCell) throws -> String {
        try CauseTests.written { writer in
            try Self.beginDeals(writer, bonuses: bonuses)
            let last = bonuses.count + 1
            try writer.writeRow([
                .text("Total"), .empty, .empty, .empty,
                CauseTests.formula("\(500 * bonuses.count)", "SUM(E2:E\(last))"), bonusTotal,
            ])
            try writer.endSheet()
        }
    }

    static let right: [WriteCell] = Array(repeating: .number(100), count: 4)

    @Test func aRightBonusTotalIsNoFinding() throws {
        let book = try Self.workbook(bonuses: Self.right, bonusTotal: CauseTests.formula("400", "SUM(F2:F5)"))
        #expect(try CauseTests.reconcile(book, plan: Self.plan).errors.isEmpty)
    }

    @Test func aBonusLeftOutMakesTheBonusTotalWrongByIt() throws {
        var bonuses = Self.right
        bonuses[1] = .number(0)
        let book = try Self.workbook(bonuses: bonuses, bonusTotal: CauseTests.formula("300", "SUM(F2:F5)"))
        let errors = try CauseTests.reconcile(book, plan: Self.plan).errors
        #expect(errors.map { "\($0.cell) \($0.cause)" }.sorted() == ["F3 bonus_missing", "F6 bonus_missing"])
        let total = try #require(errors.first { $0.cell == CellAddress("F6") })
        #expect(total.isDerived && total.difference == -100 && total.expected == 400)
        #expect(total.explanation.contains("the difference comes from Deals!F3"), "\(total.explanation)")
    }

    @Test func aBonusTotalStoppingShortOrTypedIsItsOwnError() throws {
        let short = try Self.workbook(bonuses: Self.right, bonusTotal: CauseTests.formula("300", "SUM(F2:F4)"))
        let finding = try #require(CauseTests.onlyError(CauseTests.reconcile(short, plan: Self.plan)))
        #expect(finding.cell == CellAddress("F6") && finding.causes == [.sumRange])
        #expect(finding.repairedFormula == "SUM(F2:F5)")
        let typed = try Self.workbook(bonuses: Self.right, bonusTotal: .number(350))
        let hardcoded = try #require(CauseTests.onlyError(CauseTests.reconcile(typed, plan: Self.plan)))
        #expect(hardcoded.cell == CellAddress("F6") && hardcoded.causes == [.hardcodedFormula])
        // An empty bonus cell on the total row totals nothing.
        let empty = try Self.workbook(bonuses: Self.right, bonusTotal: .empty)
        #expect(try CauseTests.reconcile(empty, plan: Self.plan).errors.isEmpty)
    }

    /// A summary row over the four deals (`=SUM(Deals!E2:E5)`, `=SUM(Deals!F2:F5)`, earned
    /// `=C2+D2`): row 3's commission stored as text (SUM skips its 500.00) and row 4's SPIFF left
    /// out. Each total is wrong by its own column's cell alone: the commission by the text number,
    /// the bonus by the SPIFF, and the earned by both (fuzz-reconcile, seed 59).
    @Test func eachSummaryTotalIsDerivedFromItsOwnColumnsWrongCells() throws {
        let book = try CauseTests.written { writer in
            try Self.beginDeals(writer, bonuses: [100, 100, 0, 100].map { .number($0) }) { row in
                row == 3 ? .text("500.00") : CauseTests.formula("500", "ROUND(D\(row)*0.05,2)")
            }
            try Self.writeSummary(writer, period: "2026-Q1", cached: ("1500", "300", "1800"))
        }
        let errors = try CauseTests.reconcile(book, plan: Self.plan).errors.filter { $0.sheet == "Summary" }
        #expect(
            errors.map { "\($0.cell) \($0.cause) \($0.isDerived)" }.sorted() == [
                "C2 text_number true", "D2 bonus_missing true", "E2 text_number true",
            ], "\(errors.map(\.explanation))")
    }

    /// The four deals' SPIFFs (400.00) and a quota club of 2,000 reached (40,000 of 30,000): the
    /// summary's bonus adds up the SPIFFs and leaves the club out, and its earned (`=C2+D2`) is
    /// wrong through it (an independent audit, session 47).
    @Test func aSummaryBonusLeavingOutTheQuotaClubBesideTheSpiffsIsBonusMissing() throws {
        let book = try CauseTests.written { writer in
            try Self.beginDeals(writer, bonuses: Self.right)
            try Self.writeSummary(writer, period: "Q1 2026", cached: ("2000", "400", "2400"))
        }
        let plan =
            Self.plan + """

                  - { name: Quota Club, at_attainment: 100%, amount: 2000 }
                reps:
                  - { id: R1, name: Ana Lima, quota: 30000 }
                """
        let result = try CauseTests.reconcile(book, plan: plan)
        let bonus = try #require(result.errors.first { $0.cell == CellAddress("D2") })
        #expect(bonus.cause == .bonusMissing && bonus.expected == 2400, "\(bonus.explanation)")
        #expect(bonus.explanation.hasSuffix("it leaves out the plan's attainment bonus of 2,000.00"))
        let earned = try #require(result.errors.first { $0.cell == CellAddress("E2") })
        #expect(earned.isDerived && earned.cause == .bonusMissing)
        #expect(result.wrongFigures.map { "\($0.sheet)!\($0.cell)" } == ["Summary!D2"])
    }
}
