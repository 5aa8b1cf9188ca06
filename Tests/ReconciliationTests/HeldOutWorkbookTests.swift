import Commission
import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Layouts from held-out workbooks (tester 4): a split left out inside a cap's `MIN`, dashes for
/// a zero commission, a stale amount, a calculated and a paid commission column, a column legend
/// on an instructions sheet, and reps written `ID - Name`.
@Suite struct HeldOutWorkbookTests {
    /// Monthly, a flat rate per deal; `extra` adds plan keys (a cap, eligibility).
    static func plan(rate: String = "6%", extra: String = "") -> String {
        """
        plan: Held-out tests
        period: month
        commission:
          tiers:
            metric: amount
            basis: per_deal
            mode: retroactive
            table:
              - { from: 0, rate: \(rate) }
        \(extra)
        reps:
          - { id: E1041, name: Priya Nair }
          - { id: E1042, name: Tomás Herrera }
        """
    }

    static func reconcile(_ sheets: [(String, [[WriteCell]])], plan: String) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        return try Reconciler.reconcile(workbook: path, plan: PlanFile.parse(plan, file: "plan.yaml"), roster: [])
    }

    static func number(_ text: String) -> WriteCell { .number(Decimal(string: text)!) }

    // MARK: A split left out inside a cap's MIN

    /// Row `n`: `amount` at 6% with `split`, its commission `=MIN(ROUND(…),4000)` caching `paid`;
    /// `splitInFormula` false leaves the split out of the formula.
    static func cappedRow(_ n: Int, amount: String, split: String, paid: String, splitInFormula: Bool = true)
        -> [WriteCell]
    {
        [
            .text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-04-\(10 + n)"), number(amount),
            number(split), number("0.06"),
            CauseTests.formula(paid, "MIN(ROUND(D\(n)*\(splitInFormula ? "E\(n)*" : "")F\(n),2),4000)"),
        ]
    }

    @Test func aSplitLeftOutInsideACapsMinIsTheSplitNotArithmetic() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Split %", "Rate", "Commission"].map {
            .text($0)
        }
        let rows = [
            header,
            Self.cappedRow(2, amount: "20000", split: "1", paid: "1200"),
            // 46,635.21 × 40% × 6% = 1,119.25; the sheet's 46,635.21 × 6% = 2,798.11, which is
            // 1,119.25 ÷ 40% = 2,798.125 only to a cent and a half.
            Self.cappedRow(3, amount: "46635.21", split: "0.4", paid: "2798.11", splitInFormula: false),
            Self.cappedRow(4, amount: "30000", split: "1", paid: "1800"),
            // 100,000 × 50% × 6% = 3,000.00; without the split 6,000.00, capped at 4,000.00.
            Self.cappedRow(5, amount: "100000", split: "0.5", paid: "4000", splitInFormula: false),
            Self.cappedRow(6, amount: "10000", split: "1", paid: "600"),
        ]
        let result = try Self.reconcile(
            [("Commissions", rows)], plan: Self.plan(extra: "  cap:\n    per_deal: 4000"))
        #expect(result.errors.map(\.cell) == [CellAddress("G3"), CellAddress("G5")])
        for finding in result.errors { #expect(finding.cause == .splitNotApplied, "\(finding.explanation)") }
    }

    // MARK: Dashes for a zero commission

    @Test func aDashForACommissionThePlanDoesNotPayIsNoFinding() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Status", "Rate", "Commission"].map {
            .text($0)
        }
        func row(_ n: Int, status: String, commission: WriteCell) -> [WriteCell] {
            [
                .text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-03-\(10 + n)"), .number(10000),
                .text(status), Self.number("0.06"), commission,
            ]
        }
        let rows = [
            header,
            row(2, status: "Closed Won", commission: CauseTests.formula("600", "ROUND(D2*F2,2)")),
            row(3, status: "Closed Lost", commission: .text("-")),
            row(4, status: "Closed Lost", commission: .text("—")),
            row(5, status: "Closed Lost", commission: .text(" – ")),
            row(6, status: "Closed Won", commission: .text("-")),
        ]
        let result = try Self.reconcile(
            [("Deals", rows)], plan: Self.plan(extra: "eligible:\n  status: [Closed Won]"))
        // The lost deals' dashes pay what the plan pays; the won deal's dash pays nothing.
        let finding = try #require(result.errors.count == 1 ? result.errors.first : nil)
        #expect(finding.cell == CellAddress("G6"))
        #expect(finding.difference == -600)
    }

    // MARK: A stale amount

    /// A deals sheet whose E2 caches 30,025.44 where =ROUND(D2*12,2) gives 33,025.44 (saved in
    /// manual mode), and whose G2 follows the cached ACV; row 3 is right.
    static func staleACVRows() -> [[WriteCell]] {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "MRR", "ACV", "Rate", "Commission"].map {
            .text($0)
        }
        return [
            header,
            [
                .text("D1"), .text("Priya Nair"), LayoutReadingTests.date("2026-09-02"), Self.number("2752.12"),
                CauseTests.formula("30025.44", "ROUND(D2*12,2)"), Self.number("0.05"),
                CauseTests.formula("1501.27", "ROUND(E2*F2,2)"),
            ],
            [
                .text("D2"), .text("Tomás Herrera"), LayoutReadingTests.date("2026-09-03"), Self.number("1000"),
                CauseTests.formula("12000", "ROUND(D3*12,2)"), Self.number("0.05"),
                CauseTests.formula("600", "ROUND(E3*F3,2)"),
            ],
        ]
    }

    @Test func aStaleAmountIsTheRowsInputAndTheRowIsPricedOnWhatItsFormulaGives() throws {
        let rows = Self.staleACVRows()
        let result = try Self.reconcile([("Sep", rows)], plan: Self.plan(rate: "5%"))
        #expect(result.errors.count == 2)
        // The input: its difference is an amount, not money paid.
        let input = try #require(result.errors.first { $0.cell == CellAddress("E2") })
        #expect(input.cause == .staleValue)
        #expect(input.difference == -3000)
        #expect(input.dealID == "D1")
        #expect(input.rep == "E1041")
        #expect(input.period?.description == "2026-09")
        #expect(!input.isPay)
        // The commission figured from it is underpaid by 5% of the 3,000.00, for that reason alone.
        let pay = try #require(result.errors.first { $0.cell == CellAddress("G2") })
        #expect(pay.causes == [.staleValue])
        #expect(pay.expected == Decimal(string: "1651.27"))
        #expect(pay.difference == -150)
        #expect(result.netOverpayment == -150)
    }

    // MARK: A calculated and a paid commission

    @Test func ofACalculatedAndAPaidCommissionThePaidOneIsChecked() throws {
        let header: [WriteCell] = [
            "Deal ID", "Rep", "Close Date", "Amount", "Rate", "Calculated Commission", "Commission Paid",
        ].map { .text($0) }
        func row(_ n: Int, paid: String) -> [WriteCell] {
            [
                .text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-05-\(10 + n)"), .number(10000),
                Self.number("0.06"), CauseTests.formula("600", "ROUND(D\(n)*E\(n),2)"), Self.number(paid),
            ]
        }
        let result = try Self.reconcile(
            [("May", [header, row(2, paid: "600"), row(3, paid: "1100"), row(4, paid: "600")])], plan: Self.plan())
        let finding = try #require(result.errors.count == 1 ? result.errors.first : nil)
        #expect(finding.cell == CellAddress("G3"))
        #expect(finding.difference == 500)
    }

    // MARK: A column legend on an instructions sheet

    @Test func aColumnLegendOnAnInstructionsSheetHoldsNoDeals() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let instructions: [[WriteCell]] = [
            [.text("How to fill in the commission workbook")], [], [.text("Column legend:")], header,
            [
                "CRM opportunity number", "rep name as in the roster", "date the deal closed (yyyy-mm-dd)",
                "booked ACV in USD", "from the plan tiers", "=Amount × Rate, rounded to cents",
            ].map { .text($0) },
            ["e.g. D-1000", "e.g. Priya Nair", "2026-02-14", "12,500.00", "6%", "750.00"].map { .text($0) },
        ]
        let deals: [[WriteCell]] =
            [header]
            + (2...4).map { n in
                [
                    .text("D\(n)"), .text(n == 3 ? "Tomás Herrera" : "Priya Nair"),
                    LayoutReadingTests.date("2026-02-\(10 + n)"), .number(10000), Self.number("0.06"),
                    CauseTests.formula("600", "ROUND(D\(n)*E\(n),2)"),
                ]
            }
        let result = try Self.reconcile([("Instructions", instructions), ("Feb 2026", deals)], plan: Self.plan())
        #expect(result.findings.isEmpty)
        #expect(result.statement.lines.count == 3)
        #expect(result.mappingNotes.contains { $0.contains("Instructions") && $0.contains("legend") })
    }

    // MARK: Reps written with their id and name

    @Test func aRepWrittenAsIDAndNameIsTheRepBothName() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let written = [
            "E1042 - Tomás Herrera", "Priya Nair – E1041", "E1041: Priya Nair", "Tomás Herrera (E1042)",
            "E1041 - Tomás Herrera",
        ]
        let rows: [[WriteCell]] =
            [header]
            + written.enumerated().map { index, rep in
                let n = index + 2
                return [
                    .text("D\(n)"), .text(rep), LayoutReadingTests.date("2026-02-\(10 + n)"), .number(10000),
                    Self.number("0.06"), CauseTests.formula("600", "ROUND(D\(n)*E\(n),2)"),
                ]
            }
        let result = try Self.reconcile([("Deals", rows)], plan: Self.plan())
        // An id and a name of two reps name no one.
        let finding = try #require(result.errors.count == 1 ? result.errors.first : nil)
        #expect(finding.cell == CellAddress("F6"))
        #expect(finding.cause == .wrongRep)
        let reps = Dictionary(grouping: result.statement.lines.compactMap(\.dealID), by: { $0 })
        #expect(reps.count == 4)
        #expect(result.statement.lines.filter { $0.rep == "E1042" }.compactMap(\.dealID).sorted() == ["D2", "D5"])
    }
}
