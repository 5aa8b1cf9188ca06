import Commission
import Foundation
import Reports
import Testing

/// `calculate --format json` writes its document piece by piece; it must be the document the
/// ordered encoder writes whole, escapes included.
@Suite struct StreamedStatementTests {
    @Test func aStreamedStatementIsTheWholeDocumentByteForByte() throws {
        var plan = MechanicTests.amountPlan(.period, .marginal, [(0, "0.04"), (10_000, "0.06")])
        plan.bonuses = [Bonus(name: "Say \"hi\"\tnow", kind: .perDeal(amount: 50, when: LineCondition()))]
        let lines = [
            CreditLine(
                row: 2, dealID: "D\"1\\", rep: "R1", date: MechanicTests.day("2026-01-05"), amount: 8_000,
                split: Decimal(string: "0.5")!),
            CreditLine(row: 3, dealID: "D\n2", rep: "R1", date: MechanicTests.day("2026-02-05"), amount: 30_000),
            CreditLine(row: 4, dealID: "D3", rep: "R1", date: MechanicTests.day("2026-04-05"), amount: -1_000),
        ]
        let statement = try CommissionEngine.calculate(
            plan: plan, roster: [RosterEntry(id: "R1", quota: 100_000)], lines: lines)
        var streamed = ""
        try StatementDocument.write(statement) { streamed += $0 }
        #expect(streamed == (try OrderedJSONEncoder().encode(StatementDocument(statement))))
        #expect(streamed.contains(#""deal_id": "D\"1\\""#))
        #expect(streamed.contains(#""deal_id": "D\n2""#))
        #expect(streamed.contains(#""bonus": "Say \"hi\"\tnow""#))
        // One line per element of the document's lists.
        let listed = statement.lines.count + statement.reps.count + statement.issues.count
        #expect(streamed.split(separator: "\n").count == 3 + 1 + 1 + listed)
    }
}
