import Foundation
import Reconciliation
import Testing
import XLSX

/// A commission column whose figures look like rates in whole percent (a gated rep's zeros and
/// one bonus of 99.99) is still the commission when its formulas price the row's amount at its
/// rate: `scripts/oracle/fuzz-reconcile`'s seed 1306, whose `Commission Amount` went unread and
/// its wrong cell unreported.
@Suite struct PricedFigureColumnTests {
    /// Row `n`: Priya Nair's deal of `amount` at 4%, its commission gated to nothing by hand
    /// (`=IF(0.08<0.5,0,ROUND(D·E,2))`), plus `bonus` when given, cached as `cached`.
    static func gatedRow(_ n: Int, amount: String, bonus: String?, cached: String) -> [WriteCell] {
        let formula = "IF(0.08<0.5,0,ROUND(D\(n)*E\(n),2))" + (bonus.map { "+" + $0 } ?? "")
        return [
            .text("D\(n)"), .text("Priya Nair"), LayoutReadingTests.date("2026-07-0\(n)"),
            HeldOutWorkbookTests.number(amount), HeldOutWorkbookTests.number("0.04"),
            WriteCell(.number(Decimal(string: cached)!), formula: formula),
        ]
    }

    @Test func aColumnPricedFromTheRowsAmountAndRateIsNoColumnOfRates() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission Amount"].map {
            .text($0)
        }
        let rows = [
            header, Self.gatedRow(2, amount: "0.5", bonus: nil, cached: "0"),
            Self.gatedRow(3, amount: "24579.49", bonus: "99.99", cached: "99.99"),
            Self.gatedRow(4, amount: "1000", bonus: nil, cached: "0"),
        ]
        let result = try HeldOutWorkbookTests.reconcile([("Deals", rows)], plan: HeldOutWorkbookTests.plan(rate: "4%"))
        #expect(
            result.mappingNotes.contains { $0.contains("commission ← 'Commission Amount'") },
            "\(result.mappingNotes)")
        // The plan pays 4% of each amount, with no gate: every figure is wrong.
        #expect(Set(result.findings.map(\.cell.description)) == ["F2", "F3", "F4"])
    }

    /// The same figures typed, beside the `Rate` column: no second column of rates in whole percent.
    @Test func typedFiguresBesideAColumnOfRatesAreTheCommission() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission Amount"].map {
            .text($0)
        }
        let rows =
            [header]
            + [("0.5", "0"), ("24579.49", "99.99"), ("1000", "0")].enumerated().map { offset, figures in
                var row = Self.gatedRow(offset + 2, amount: figures.0, bonus: nil, cached: figures.1)
                row[5] = HeldOutWorkbookTests.number(figures.1)
                return row
            }
        let result = try HeldOutWorkbookTests.reconcile([("Deals", rows)], plan: HeldOutWorkbookTests.plan(rate: "4%"))
        #expect(
            result.mappingNotes.contains { $0.contains("commission ← 'Commission Amount'") },
            "\(result.mappingNotes)")
        #expect(Set(result.findings.map(\.cell.description)) == ["F2", "F3", "F4"])
    }
}
