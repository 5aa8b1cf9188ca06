import Commission
import Foundation
import Ledger
import PlanFile
import Testing

/// `ledger verify` recomputes each statement closed from the engine from the lines it keeps: a
/// figure that does not add up is found even when every digest was computed over it.
@Suite struct StatementCheckTests {
    static func rounding(_ text: String) -> RoundingRule? { try? PlanFile.parse(text, file: "plan").rounding }

    @Test func verifyRecomputesEachStatementFromItsLines() throws {
        let sample = try LedgerMechanicsTests.Sample()
        let folder = try TemporaryFolder()
        let ledger = try LedgerFile(path: folder.path("ledger.sqlite"), creating: true)
        let planText = try String(
            contentsOf: LedgerMechanicsTests.samples.appendingPathComponent("plan.yaml"), encoding: .utf8)
        let signature = LedgerMechanicsTests.signature
        try ledger.close(
            ClosingFigures(
                statement: sample.statement, period: sample.quarter("2026-Q1"), planText: planText, inputs: .init()),
            periods: sample.periods, by: signature)
        let clean = try ledger.verify(rounding: Self.rounding)
        #expect(clean.isIntact && clean.statementsRechecked == 1 && clean.withoutRounding == 0, "\(clean.problems)")

        // Q2 recorded with one rep's earned a cent off, its digests computed over it: the chain
        // holds, the arithmetic does not (earned against the lines, payable against earned).
        var q2 = ClosingFigures(
            statement: sample.statement, period: try sample.quarter("2026-Q2"), planText: planText, inputs: .init())
        let rep = q2.totals[0].rep
        q2.totals[0].earned = "\(LedgerMoney.decimal(q2.totals[0].earned!) + Decimal(string: "0.01")!)"
        try ledger.close(q2, periods: sample.periods, by: signature)
        let found = try ledger.verify(rounding: Self.rounding)
        #expect(found.problems.count == 2, "\(found.problems)")
        #expect(found.problems.allSatisfy { $0.contains("close 2026-Q2") && $0.contains(rep) }, "\(found.problems)")
        #expect(found.problems.contains { $0.contains("lines add up to") })
        #expect(found.problems.contains { $0.contains("is not the payable") })

        // A ledger that does not hold together takes no more periods.
        func paid(_ quarter: String) throws -> ClosingFigures {
            ClosingFigures(
                paid: [(rep: rep, name: nil, payable: 100)], period: try sample.quarter(quarter), planName: "plan",
                currency: "USD", inputs: .init())
        }
        let refusal = #expect(throws: (any Error).self) {
            try ledger.close(paid("2026-Q3"), periods: sample.periods, by: signature)
        }
        #expect("\(refusal.map { "\($0)" } ?? "")".contains("does not hold together"))
        let unread = try ledger.verify()
        #expect(unread.withoutRounding == 2 && unread.statementsRechecked == 0)
        #expect(unread.problems.count == 1 && unread.problems[0].contains("is not the payable"))

        // A period closed from a workbook keeps totals only; without the plan's rule the
        // rounding is not re-checked, and the count says so.
        let other = try LedgerFile(path: folder.path("other.sqlite"), creating: true)
        try other.close(
            ClosingFigures(
                statement: sample.statement, period: sample.quarter("2026-Q1"), planText: planText, inputs: .init()),
            periods: sample.periods, by: signature)
        try other.close(paid("2026-Q2"), periods: sample.periods, by: signature)
        let counted = try other.verify(rounding: Self.rounding)
        #expect(counted.isIntact && counted.statementsRechecked == 1 && counted.totalsOnly == 1, "\(counted.problems)")
        #expect(try other.verify().withoutRounding == 1)
    }
}
