import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A deals sheet without a rep column whose `Name` column holds the plan's reps: the rep.
@Suite struct NameColumnTests {
    static func rows(names: [String]) -> [[WriteCell]] {
        let header: [WriteCell] = ["Deal ID", "Name", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        return [header]
            + names.enumerated().map { offset, name in
                let n = offset + 2
                // Row 3 pays 7% where the plan pays 6%.
                let rate = n == 3 ? "0.07" : "0.06"
                let paid = n == 3 ? "700" : "600"
                return [
                    .text("D\(n)"), .text(name), LayoutReadingTests.date("2026-04-\(10 + n)"),
                    HeldOutWorkbookTests.number("10000"), HeldOutWorkbookTests.number(rate),
                    CauseTests.formula(paid, "ROUND(D\(n)*E\(n),2)"),
                ]
            }
    }

    @Test func aNameColumnOfKnownRepsIsTheRep() throws {
        let result = try HeldOutWorkbookTests.reconcile(
            [("Deals", Self.rows(names: ["Priya Nair", "Tomás Herrera", "Priya Nair"]))],
            plan: HeldOutWorkbookTests.plan())
        #expect(result.errors.map(\.cell) == [CellAddress("F3")])
        #expect(result.errors.first?.cause == .wrongRate)
    }

    @Test func aNameColumnOfOtherNamesIsNoRep() {
        #expect(throws: (any Error).self) {
            try HeldOutWorkbookTests.reconcile(
                [("Deals", Self.rows(names: ["Acme Corp", "Globex", "Initech"]))], plan: HeldOutWorkbookTests.plan())
        }
    }
}
