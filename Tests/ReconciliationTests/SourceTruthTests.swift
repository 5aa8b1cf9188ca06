import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// With a trusted CRM export (`--deals`), the engine prices the deals the export books: a row
/// it matches on the export's amount, a row credited to the wrong rep for the rep the export
/// names, the export's deals the workbook lacks beside the rows (docs/layouts.md, "A CRM export
/// beside the workbook"). The plan is `CauseTests.planText`: 5% up to 50,000 of a rep's credit in
/// the quarter, 8% beyond it.
@Suite struct SourceTruthTests {
    /// The export names the reps by id, the workbook by name.
    static let roster = [RosterEntry(id: "R-101", name: "Ana Lima"), RosterEntry(id: "R-102", name: "Ben Okafor")]

    /// A deal row of the workbook, its rate 5%: its commission typed (`commission`) or, when nil,
    /// the formula `=D*E` cached at what it gives.
    struct Row {
        var deal: String
        var rep: String
        var date: String
        var amount: Decimal
        var commission: Decimal?
    }

    /// Reconciles a workbook of `rows` against `export`.
    static func reconcile(_ rows: [Row], summary: [(rep: String, total: WriteCell)] = [], export: String) throws
        -> Reconciliation
    {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let cells = rows.enumerated().map { index, row -> [WriteCell] in
            let line = index + 2
            let rate = Decimal(string: "0.05")!
            return [
                .text(row.deal), .text(row.rep), LayoutReadingTests.date(row.date), .number(row.amount),
                .number(rate),
                row.commission.map { .number($0) }
                    ?? CauseTests.formula("\(row.amount * rate)", "D\(line)*E\(line)"),
            ]
        }
        var sheets = [("Deals", [header] + cells)]
        if !summary.isEmpty {
            sheets.append(
                (
                    "Summary",
                    [["Rep", "Period", "Commission"].map { WriteCell.text($0) }]
                        + summary.map { [.text($0.rep), .text("2026-Q1"), $0.total] }
                ))
        }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        let crm = folder.appendingPathComponent("crm.csv").path
        try export.write(toFile: crm, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: roster, source: crm)
    }

    static func described(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue) \($0.manual ?? 0) \($0.expected)" }.sorted()
    }

    /// The workbook's amount is a typo (19,000 where the export books 10,000) and its commission
    /// is worked out on it: the commission cell is wrong by what that costs, and the headline
    /// counts that money once (the amount cell is an input, not money paid).
    @Test func aCommissionWorkedOutOnAWrongAmountIsAFinding() throws {
        let result = try Self.reconcile(
            [
                Row(deal: "D-1", rep: "Ana Lima", date: "2026-02-03", amount: 19000),
                Row(deal: "D-2", rep: "Ana Lima", date: "2026-02-09", amount: 20000),
                Row(deal: "D-3", rep: "Ben Okafor", date: "2026-02-12", amount: 15000),
            ],
            export: """
                Deal ID,Rep,Close Date,Amount
                D-1,R-101,2026-02-03,10000
                D-2,R-101,2026-02-09,20000
                D-3,R-102,2026-02-12,15000

                """)
        #expect(
            Self.described(result.errors) == [
                "Deals!D2 amount_mismatch 19000 10000", "Deals!F2 amount_mismatch 950 500",
            ])
        let commission = try #require(result.errors.first { $0.cell.description == "F2" })
        #expect(commission.isPay && commission.explanation.contains("crm.csv"))
        #expect(result.netOverpayment == 450)
        // The statement pays the export's deal.
        #expect(result.statement.reps.first { $0.rep == "R-101" }?.earned == 1500)
    }

    /// A row whose amount the sheet both mistyped and paid at another tier's rate: the amount
    /// comes first, then the rate, found on the sheet's own amount (19,000 at 8%).
    @Test func aWrongRateOnAWrongAmountNamesBoth() throws {
        let result = try Self.reconcile(
            [Row(deal: "D-1", rep: "Ana Lima", date: "2026-02-03", amount: 19000, commission: 1520)],
            export: """
                Deal ID,Rep,Close Date,Amount
                D-1,R-101,2026-02-03,10000

                """)
        let commission = try #require(result.errors.first { $0.cell.description == "F2" })
        #expect(commission.causes == [.amountMismatch, .wrongTier])
        #expect(commission.expected == 500)
    }

    /// A deal credited to the wrong rep is priced for the rep the export names: the other rows,
    /// right on the export's deals (Ana's second 30,000 crosses 50,000), are not flagged, and the
    /// wrong row is one finding at its cell, paid right or not, that moves the pay between reps.
    @Test(arguments: [1500, 1200] as [Decimal])
    func aWrongRepsDealIsPricedForTheRepOwedIt(paid: Decimal) throws {
        let result = try Self.reconcile(
            [
                Row(deal: "D-1", rep: "Ben Okafor", date: "2026-02-03", amount: 30000, commission: paid),
                Row(deal: "D-2", rep: "Ana Lima", date: "2026-02-09", amount: 30000, commission: 1800),
                Row(deal: "D-3", rep: "Ben Okafor", date: "2026-02-12", amount: 30000, commission: 1500),
            ],
            export: """
                Deal ID,Rep,Close Date,Amount
                D-1,R-101,2026-02-03,30000
                D-2,R-101,2026-02-09,30000
                D-3,R-102,2026-02-12,30000

                """)
        #expect(Self.described(result.errors) == ["Deals!F2 wrong_rep \(paid) 0"])
        let wrong = try #require(result.errors.first)
        #expect(wrong.rep == "R-102")
        #expect(wrong.owedElsewhere.map { "\($0.rep) \($0.amount)" } == ["R-101 1500"])
        #expect(result.netOverpayment == paid - 1500)
        let earned = Dictionary(uniqueKeysWithValues: result.statement.reps.map { ($0.rep, $0.earned) })
        #expect(earned == ["R-101": 3300, "R-102": 1500])
    }

    /// A deal the export does not have earns nothing and counts toward no tier: the rep's next
    /// deal, right on her true credit, is not flagged.
    @Test func anExtraDealCountsTowardNoTier() throws {
        let result = try Self.reconcile(
            [
                Row(deal: "D-9", rep: "Ana Lima", date: "2026-02-03", amount: 40000),
                Row(deal: "D-2", rep: "Ana Lima", date: "2026-02-09", amount: 30000),
            ],
            export: """
                Deal ID,Rep,Close Date,Amount
                D-2,R-101,2026-02-09,30000

                """)
        #expect(Self.described(result.errors) == ["Deals!F2 extra_line 2000 0"])
        #expect(result.statement.reps.first { $0.rep == "R-101" }?.earned == 1500)
        #expect(result.statement.issues.isEmpty)
    }

    /// A deal the workbook lacks is priced beside its rows: the rep is owed it, it counts toward
    /// her tiers (her later deal crosses 50,000), and the statement pays it; a summary total short
    /// of it adds it up, so that the headline counts its money once.
    @Test(arguments: [WriteCell.number(1500), CauseTests.formula("1500", "SUM(Deals!F2:F2)")])
    func aMissingDealCountsTowardTheRepsTiers(total: WriteCell) throws {
        let result = try Self.reconcile(
            [Row(deal: "D-2", rep: "Ana Lima", date: "2026-02-09", amount: 30000, commission: 1500)],
            summary: [(rep: "Ana Lima", total: total)],
            export: """
                Deal ID,Rep,Close Date,Amount
                D-1,R-101,2026-02-03,40000
                D-2,R-101,2026-02-09,30000

                """)
        #expect(
            Self.described(result.errors) == [
                "Deals!F2 per_deal_vs_cumulative 1500 2100", "Summary!C2 missing_line 1500 4100",
                "crm.csv!A2 missing_line 0 2000",
            ])
        #expect(result.statement.reps.first { $0.rep == "R-101" }?.earned == 4100)
        #expect(result.netOverpayment == -2600)
    }

    /// A deal the export credits to Ben, kept on Ana's row: Ana's total is over by it and Ben's
    /// SUMIFS short of it, both knock-ons of the one wrong row (an independent audit, session 47).
    /// The headline counts the row once and nets the two totals to nothing.
    @Test func aWrongRepsTotalsAreKnockOnsOfItsRow() throws {
        func sumifs(_ row: Int, _ cached: String) -> WriteCell {
            CauseTests.formula(cached, "SUMIFS(Deals!$F$2:$F$4,Deals!$B$2:$B$4,A\(row))")
        }
        let result = try Self.reconcile(
            [
                Row(deal: "D-1", rep: "Ana Lima", date: "2026-02-03", amount: 10000),
                Row(deal: "D-2", rep: "Ana Lima", date: "2026-02-09", amount: 20000),
                Row(deal: "D-3", rep: "Ben Okafor", date: "2026-02-12", amount: 6000),
            ],
            summary: [(rep: "Ana Lima", total: sumifs(2, "1500")), (rep: "Ben Okafor", total: sumifs(3, "300"))],
            export: """
                Deal ID,Rep,Close Date,Amount
                D-1,R-101,2026-02-03,10000
                D-2,R-102,2026-02-09,20000
                D-3,R-102,2026-02-12,6000

                """)
        #expect(
            Self.described(result.errors) == [
                "Deals!F3 wrong_rep 1000 0", "Summary!C2 wrong_rep 1500 500", "Summary!C3 wrong_rep 300 1300",
            ])
        let totals = result.errors.filter { $0.sheet == "Summary" }
        #expect(totals.count == 2 && totals.allSatisfy { $0.isDerived })
        #expect(result.wrongFigures.map { "\($0.sheet)!\($0.cell)" } == ["Deals!F3"])
        #expect(result.netOverpayment == 0)
    }
}
