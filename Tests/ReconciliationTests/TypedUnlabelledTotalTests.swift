import Foundation
import Spreadsheet
import Testing
import XLSX

/// Blocks closed by totals without a label (a bold figure, the deal id left empty), one of them
/// typed instead of summed: the typed one is a total too, compared as one, never an unreadable deal.
@Suite struct TypedUnlabelledTotalTests {
    static func row(_ n: Int, rep: String, amount: String) -> [WriteCell] {
        [
            .text("D\(n)"), .text(rep), LayoutReadingTests.date("2026-04-\(10 + n)"),
            HeldOutWorkbookTests.number(amount), HeldOutWorkbookTests.number("0.06"),
            CauseTests.formula("\(Decimal(string: amount)! * Decimal(string: "0.06")!)", "ROUND(D\(n)*E\(n),2)"),
        ]
    }

    static func figure(_ cell: WriteCell) -> [WriteCell] { Array(repeating: .empty, count: 5) + [cell] }

    @Test func aTypedFigureAloneUnderABlockIsItsTotal() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let rows: [[WriteCell]] = [
            header,
            Self.row(2, rep: "Priya Nair", amount: "10000"), Self.row(3, rep: "Priya Nair", amount: "20000"),
            Self.figure(CauseTests.formula("1800", "SUM(F2:F3)")), [],
            Self.row(6, rep: "Tomás Herrera", amount: "5000"), Self.row(7, rep: "Tomás Herrera", amount: "15000"),
            // 300 + 900 = 1,200.00, typed as 2,200.00.
            Self.figure(HeldOutWorkbookTests.number("2200")),
        ]
        let result = try HeldOutWorkbookTests.reconcile([("Deals", rows)], plan: HeldOutWorkbookTests.plan())
        #expect(result.errors.map(\.cell) == [CellAddress("F8")], "\(result.errors.map(\.explanation))")
        #expect(!result.errors.contains { $0.cause == .unreadable })
    }
}
