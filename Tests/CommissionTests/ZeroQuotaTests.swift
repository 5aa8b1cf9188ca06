import Commission
import Foundation
import Testing

/// A quota of 0 leaves attainment (credit ÷ quota) without a value, so tiers set on attainment
/// choose no band (plan-format.md 3.4): the run is refused, naming the rep, the period and why,
/// as it is for a gate or an attainment bonus.
@Suite struct ZeroQuotaTests {
    /// 5% from 0, 20% from 150% of a monthly quota, retroactive.
    static let plan = Plan(
        name: "p", currency: "USD", period: .month,
        commission: CommissionRules(
            tiers: TierTable(
                metric: .attainment, basis: .period, mode: .retroactive,
                bands: [
                    TierTable.Band(from: 0, rate: Decimal(string: "0.05")!),
                    TierTable.Band(from: Decimal(string: "1.5")!, rate: Decimal(string: "0.2")!),
                ])))

    static func refusal(_ plan: Plan, _ rep: RosterEntry) -> EngineError? {
        do {
            _ = try CommissionEngine.calculate(
                plan: plan, roster: [rep], lines: [MechanicTests.line("D1", "2026-01-10", "2000")])
            return nil
        } catch {
            return error
        }
    }

    @Test func aDealBeforeTheRepsStartIsRefused() throws {
        let error = try #require(
            Self.refusal(Self.plan, RosterEntry(id: "R1", quota: 100_000, start: MechanicTests.day("2026-03-01"))))
        #expect(error.rows == [2])
        #expect(error.message.hasPrefix("rep R1's quota for 2026-01 is 0 (the rep starts on 2026-03-01"), "\(error)")
        #expect(error.message.contains("the tiers are set on attainment"))
    }

    @Test func aRosterQuotaOfZeroIsRefused() throws {
        let error = try #require(Self.refusal(Self.plan, RosterEntry(id: "R1", quota: 0)))
        #expect(error.message.hasPrefix("rep R1's quota for 2026-01 is 0 (the roster gives it 0"), "\(error)")
        // On amounts, the tiers need no quota.
        var onAmounts = Self.plan
        onAmounts.commission.tiers.metric = .amount
        #expect(Self.refusal(onAmounts, RosterEntry(id: "R1", quota: 0)) == nil)
        // A gate needs the attainment as well, and says why in the same words.
        onAmounts.commission.gate = Decimal(string: "0.5")!
        let gated = try #require(Self.refusal(onAmounts, RosterEntry(id: "R1", quota: 0)))
        #expect(gated.message.hasPrefix("rep R1's quota for 2026-01 is 0 (the roster gives it 0"), "\(gated)")
        #expect(gated.message.contains("which the plan's gate or attainment bonus needs"))
    }
}
