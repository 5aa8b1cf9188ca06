import Commission
import Foundation
import Testing

/// A deal's rep is "rep id or rep name, matched to the roster case-insensitively after trimming"
/// (plan-format.md 1.1). A text that is one rep's id and another rep's name matches two people;
/// the contract does not say which wins, so the run is refused with the row, as for a name two
/// reps share, instead of crediting the id's owner in silence.
@Suite struct RepMatchTests {
    static let plan = ZeroQuotaTests.plan

    static func refusal(_ roster: [RosterEntry], rep: String) -> EngineError? {
        let line = CreditLine(
            row: 7, dealID: "D1", rep: rep, date: MechanicTests.day("2026-01-10"), amount: Decimal(2000))
        do {
            _ = try CommissionEngine.calculate(plan: plan, roster: roster, lines: [line])
            return nil
        } catch {
            return error
        }
    }

    @Test func aTextThatIsOneRepsIDAndAnotherRepsNameIsRefused() throws {
        let roster = [
            RosterEntry(id: "R01", name: "Ana Ruiz", quota: 100_000),
            RosterEntry(id: "R02", name: "r01", quota: 100_000),
        ]
        let error = try #require(Self.refusal(roster, rep: " R01 "))
        #expect(error.rows == [7])
        #expect(
            error.message
                == "rep ' R01 ' is the id of R01 and the name of another rep on the roster (R01, R02); correct the roster or the deal"
        )
        // The other texts still match one rep each.
        #expect(Self.refusal(roster, rep: "ana ruiz") == nil)
        #expect(Self.refusal(roster, rep: "R02") == nil)
    }

    @Test func aRepWhoseNameIsItsOwnIDStillMatches() {
        #expect(Self.refusal([RosterEntry(id: "R01", name: "R01", quota: 100_000)], rep: "r01") == nil)
    }
}
