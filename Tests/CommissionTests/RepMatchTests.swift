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

    /// Lines are matched through their rep and labels' index in the process's table
    /// (`CreditLine.namesIndex`), each index once: lines of one rep written alike, or given other
    /// labels, or written another way, still match their rep, and a text on no roster is still refused
    /// with its own row after lines of it were matched.
    @Test func eachLineMatchesItsRepHoweverItsTextAndLabelsRepeat() throws {
        let roster = [
            RosterEntry(id: "R01", name: "Ana Ruiz", quota: 100_000),
            RosterEntry(id: "R02", name: "Ben Ode", quota: 100_000),
        ]
        let repOfText = [
            "R01": "R01", "ana ruiz": "R01", " Ana Ruiz ": "R01", "R02": "R02", "BEN ODE": "R02", "r02": "R02",
        ]
        let texts = repOfText.keys.sorted()
        let products: [String?] = [nil, "Software", "Services"]
        let lines = (0..<36).map { n in
            CreditLine(
                row: n + 2, dealID: "D\(n)", rep: texts[n % texts.count], date: MechanicTests.day("2026-01-10"),
                amount: Decimal(1000 + n), product: products[n % products.count])
        }
        let statement = try CommissionEngine.calculate(plan: Self.plan, roster: roster, lines: lines)
        let repOfRow = Dictionary(
            uniqueKeysWithValues: statement.lines.compactMap { line in line.row.map { ($0, line.rep) } })
        for line in lines { #expect(repOfRow[line.row] == repOfText[line.rep], "row \(line.row): \(line.rep)") }
        let stranger = CreditLine(
            row: 99, dealID: "D99", rep: "Cy Park", date: MechanicTests.day("2026-01-10"), amount: Decimal(1000))
        do {
            _ = try CommissionEngine.calculate(plan: Self.plan, roster: roster, lines: lines + [stranger])
            Issue.record("a rep on no roster should be refused")
        } catch {
            #expect(error.rows == [99])
        }
    }

    @Test func aRepWhoseNameIsItsOwnIDStillMatches() {
        #expect(Self.refusal([RosterEntry(id: "R01", name: "R01", quota: 100_000)], rep: "r01") == nil)
    }
}
