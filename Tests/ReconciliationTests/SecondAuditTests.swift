import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// Causes a second independent audit of the contract (session 49) found named otherwise: a
/// retroactive sheet applying its tiers row by row, two readings of which the sheet follows the
/// one that reproduces more rows, a quota club left out of (or added to) a bonus formula, and a
/// summary clawback that takes back a wrong row as it stands.
@Suite struct SecondAuditTests {
    /// A plan of retroactive tiers by quarter on the amount, of `bands` (from, rate).
    static func plan(bands: [(Int, String)]) -> String {
        """
        plan: Second audit
        period: quarter
        commission:
          tiers:
            metric: amount
            basis: period
            mode: retroactive
            table:

        """ + bands.map { "      - { from: \($0.0), rate: \($0.1) }" }.joined(separator: "\n") + "\n"
    }

    /// R1's quarter of rows `(amount, rate)` in date order, each `=ROUND(D*E*F,2)` at its rate.
    static func rows(_ deals: [(Decimal, String)]) -> [CauseTests.Row] {
        deals.enumerated().map { index, deal in
            let row = index + 2
            return CauseTests.Row(
                deal: "D\(row)", date: "2026-01-\(10 + index)", amount: deal.0, rate: CauseTests.rate(deal.1),
                commission: CauseTests.formula(
                    "\(deal.0 * Decimal(string: deal.1)!)", "ROUND(D\(row)*E\(row)*F\(row),2)"))
        }
    }

    static func described(_ result: Reconciliation) -> [String] {
        result.errors.map { "\($0.cell) \($0.cause.rawValue)" }.sorted()
    }

    /// Bands 5% from 0, 8% from 50,000 and 12% from 100,000, retroactive by quarter: 115,000 pays
    /// 12% on every deal. The sheet prices each deal at the band its running total had reached:
    /// 60,000 at 5% (nothing before it), 45,000 at 8% (60,000 before it), 10,000 at 12%. Neither
    /// marginal pricing (3,300, 3,800) nor each deal alone (4,800, 2,250) gives those figures; the
    /// rows each show another band's rate, so they are the tier mode, not typed rates (§7).
    @Test func aRetroactiveSheetApplyingItsTiersRowByRowIsTheTierMode() throws {
        let book = try CauseTests.workbook(Self.rows([(60000, "0.05"), (45000, "0.08"), (10000, "0.12")]))
        let result = try CauseTests.reconcile(
            book, plan: Self.plan(bands: [(0, "5%"), (50000, "8%"), (100000, "12%")]))
        #expect(
            Self.described(result) == ["G2 marginal_vs_retroactive", "G3 marginal_vs_retroactive"],
            "\(result.errors.map(\.explanation))")
        // One row alone at a lower band is the typed rate it looks like.
        let one = try CauseTests.workbook(Self.rows([(60000, "0.12"), (45000, "0.08"), (10000, "0.12")]))
        #expect(
            Self.described(
                try CauseTests.reconcile(one, plan: Self.plan(bands: [(0, "5%"), (50000, "8%"), (100000, "12%")])))
                == ["G3 wrong_tier"])
    }

    /// fuzz-reconcile seed 24574: a row at the band before the running total (60,000 at 5%) and
    /// rows at the period's own band whose difference is a cap left out (45,000 and 10,000 at
    /// 12%, where the period cap of 9,000 leaves them 1,800 and nothing) are not rows following
    /// the running total: they show the period's band, as the plan prices it. The first stays
    /// `wrong_tier`.
    @Test func aRowAtThePeriodsOwnBandDoesNotFollowTheRunningTotal() throws {
        let book = try CauseTests.workbook(Self.rows([(60000, "0.05"), (45000, "0.12"), (10000, "0.12")]))
        let plan =
            Self.plan(bands: [(0, "5%"), (50000, "8%"), (100000, "12%")]) + "  cap: { per_period: 9000 }\n"
        let result = try CauseTests.reconcile(book, plan: plan)
        #expect(
            Self.described(result) == ["G2 wrong_tier", "G3 cap_not_applied", "G4 cap_not_applied"],
            "\(result.errors.map(\.explanation))")
    }

    /// Bands 4% from 0, 6% from 24,000 and 9% from 48,000, retroactive by quarter (65,000: 9% on
    /// all). The sheet prices each deal at its own band (400, 200, 1,800, 800): per deal
    /// reproduces all four rows, marginal pricing the first two only. Those take the reading the
    /// sheet follows on more of its rows.
    @Test func aRowTwoReadingsReproduceTakesTheOneReproducingMoreRows() throws {
        let plan = Self.plan(bands: [(0, "4%"), (24000, "6%"), (48000, "9%")])
        let book = try CauseTests.workbook(
            Self.rows([(10000, "0.04"), (5000, "0.04"), (30000, "0.06"), (20000, "0.04")]))
        let result = try CauseTests.reconcile(book, plan: plan)
        #expect(
            Self.described(result) == [
                "G2 per_deal_vs_cumulative", "G3 per_deal_vs_cumulative", "G4 per_deal_vs_cumulative",
                "G5 per_deal_vs_cumulative",
            ], "\(result.errors.map(\.explanation))")
    }

    /// Three reps with four January deals of 10,000 each (500.00 commission and a 100.00 SPIFF
    /// each): Ana and Ben reach the quota club of 2,000 (quota 30,000), Chloe does not (50,000).
    /// Their bonuses are `=SUMIFS(…)+2000` but for Ben's, which leaves the club out
    /// (`bonus_missing`, though its formula is the column's odd one), and Chloe's adds it
    /// (`bonus_not_due`).
    @Test func aQuotaClubLeftOutOfOrAddedToABonusFormulaIsTheBonus() throws {
        let reps = ["Ana Lima", "Ben Okafor", "Chloe Park"]
        let book = try CauseTests.written { writer in
            try writer.beginSheet("Deals")
            try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Bonus"].map { .text($0) })
            for (index, rep) in reps.enumerated() {
                for day in 1...4 {
                    let row = index * 4 + day + 1
                    try writer.writeRow([
                        .text("D\(row)"), .text(rep),
                        WriteCell(.date(DateTimeValue(kind: .date, year: 2026, month: 1, day: day + 9))),
                        .number(10000), CauseTests.formula("500", "ROUND(D\(row)*0.05,2)"), .number(100),
                    ])
                }
            }
            try writer.endSheet()
            try writer.beginSheet("Summary")
            try writer.writeRow(["Rep", "Period", "Commission", "Bonus", "Earned"].map { .text($0) })
            for (index, rep) in reps.enumerated() {
                let row = index + 2
                let club = rep == "Ben Okafor" ? "" : "+2000"
                try writer.writeRow([
                    .text(rep), .text("Q1 2026"),
                    CauseTests.formula("2000", "SUMIFS(Deals!$E$2:$E$13,Deals!$B$2:$B$13,A\(row))"),
                    CauseTests.formula(
                        club.isEmpty ? "400" : "2400", "SUMIFS(Deals!$F$2:$F$13,Deals!$B$2:$B$13,A\(row))\(club)"),
                    CauseTests.formula(club.isEmpty ? "2400" : "4400", "C\(row)+D\(row)"),
                ])
            }
            try writer.endSheet()
        }
        let plan =
            BonusTotalTests.plan + """

                  - { name: Quota Club, at_attainment: 100%, amount: 2000 }
                reps:
                  - { id: R1, name: Ana Lima, quota: 30000 }
                  - { id: R2, name: Ben Okafor, quota: 30000 }
                  - { id: R3, name: Chloe Park, quota: 50000 }
                """
        let result = try CauseTests.reconcile(book, plan: plan)
        #expect(
            Self.described(result) == ["D3 bonus_missing", "D4 bonus_not_due", "E3 bonus_missing", "E4 bonus_not_due"],
            "\(result.errors.map(\.explanation))")
        #expect(result.wrongFigures.map { "\($0.cell)" }.sorted() == ["D3", "D4"])
    }

    /// `SummaryClawbackTests`' deals with D2 (Ana's, cancelled in Q1) worked out at 7%: 1,400.00
    /// where the plan pays 1,000.00. Ana's Q1 commission adds it up and her clawback takes it back
    /// as it stands (`=-(Deals!F3+Deals!F6)`): both are wrong through it, and her earned is right.
    /// The clawback is derived from the row, and the headline nets to nothing.
    @Test func aClawbackTakingBackAWrongRowIsDerivedFromIt() throws {
        let summary: [[WriteCell]] =
            [["Rep", "Period", "Commission", "Clawback", "Earned"].map { .text($0) }]
            + [
                [
                    .text("Ana Lima"), .text("Q1 2026"),
                    CauseTests.formula(
                        "2600", "SUMIFS(Deals!$F$2:$F$6,Deals!$B$2:$B$6,A2,Deals!$C$2:$C$6,\"<=\"&DATE(2026,3,31))"),
                    CauseTests.formula("-1700", "-(Deals!F3+Deals!F6)"), CauseTests.formula("900", "C2+D2"),
                ],
                [
                    .text("Ana Lima"), .text("Q2 2026"), .number(0), CauseTests.formula("-400", "-Deals!F4"),
                    .number(-400),
                ],
                [.text("Ben Okafor"), .text("Q1 2026"), .number(500), .number(0), .number(500)],
            ]
        let result = try SummaryClawbackTests.reconcile(summary, d2Rate: "0.07")
        #expect(Self.described(result) == ["C2 wrong_rate", "D2 wrong_rate", "F3 wrong_rate"])
        let clawback = try #require(result.errors.first { $0.sheet == "Summary" && $0.cell == CellAddress("D2") })
        #expect(clawback.isDerived && clawback.manual == -1700 && clawback.expected == -1300)
        #expect(result.wrongFigures.map { "\($0.sheet)!\($0.cell)" } == ["Deals!F3"])
        #expect(result.netOverpayment == 0)
    }

    /// Year-to-date tiers (5%, 8% from 50,000 of the year): Ana's Q2 deal takes her year past
    /// 50,000, so Q2 pays her a true-up of 1,200.00 on Q1's 40,000. Her Q2 true-up cell is left
    /// blank in a column Ben's row fills: the figure left out is that cell's, and her earned is
    /// wrong through it. Without the column (the commission holding the true-ups, as Ben's
    /// does), her commission says what it leaves out.
    @Test(arguments: [true, false])
    func aTrueUpLeftOutIsSaidWhereItIsLeftOut(column: Bool) throws {
        let deals: [(String, String, String, Decimal, Decimal)] = [
            ("D2", "Ana Lima", "2026-02-10", 40000, 2000), ("D3", "Ana Lima", "2026-05-10", 20000, 1600),
            ("D4", "Ben Okafor", "2026-02-11", 30000, 1500), ("D5", "Ben Okafor", "2026-05-11", 30000, 2400),
        ]
        let summary: [(String, String, Decimal, Decimal?)] = [
            ("Ana Lima", "Q1 2026", 2000, nil), ("Ana Lima", "Q2 2026", 1600, nil),
            ("Ben Okafor", "Q1 2026", 1500, nil), ("Ben Okafor", "Q2 2026", 2400, 900),
        ]
        let book = try CauseTests.written { writer in
            try writer.beginSheet("Deals")
            try writer.writeRow(["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) })
            for deal in deals {
                try writer.writeRow([
                    .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3), .number(deal.4),
                ])
            }
            try writer.endSheet()
            try writer.beginSheet("Summary")
            try writer.writeRow(
                (["Rep", "Period", "Commission"] + (column ? ["True-up"] : []) + ["Earned"]).map { .text($0) })
            for line in summary {
                let trueUp: [WriteCell] = column ? [line.3.map { .number($0) } ?? .empty] : []
                try writer.writeRow(
                    [.text(line.0), .text(line.1), .number(column ? line.2 : line.2 + (line.3 ?? 0))] + trueUp
                        + [.number(line.2 + (line.3 ?? 0))])
            }
            try writer.endSheet()
        }
        let result = try CauseTests.reconcile(
            book,
            plan: Self.plan(bands: [(0, "5%"), (50000, "8%")]).replacingOccurrences(
                of: "basis: period", with: "basis: ytd"))
        // The true-up cell, or the commission that holds the true-ups without one.
        let cell = column ? "D3" : "C3"
        let left = try #require(result.errors.first { $0.sheet == "Summary" && $0.cell == CellAddress(cell) })
        #expect(left.manual == (column ? 0 : 1600) && left.expected == (column ? 1200 : 2800))
        #expect(left.explanation.contains("true-up of 1,200.00 for the periods paid before"), "\(left.explanation)")
        #expect(result.wrongFigures.map { "\($0.sheet)!\($0.cell)" } == ["Summary!\(cell)"])
    }
}
