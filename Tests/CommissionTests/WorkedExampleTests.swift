import Commission
import Foundation
import Testing

/// The worked examples of domain.md, each computed by the engine.
@Suite struct WorkedExampleTests {
    static let year = LocalDate(year: 2026, month: 3, day: 1)!

    static func plan(
        _ metric: TierTable.Metric, _ basis: TierTable.Basis, _ mode: TierTable.Mode, _ bands: [(String, String)]
    )
        -> Plan
    {
        Plan(
            name: "example", currency: "USD", period: .year,
            commission: CommissionRules(
                tiers: TierTable(
                    metric: metric, basis: basis, mode: mode,
                    bands: bands.map { TierTable.Band(from: Decimal(string: $0.0)!, rate: Decimal(string: $0.1)!) })))
    }

    static func commission(_ plan: Plan, credits: [String], quota: String? = nil) throws -> Decimal {
        let lines = credits.enumerated().map { index, amount in
            CreditLine(row: index + 2, dealID: "D\(index)", rep: "R", date: year, amount: Decimal(string: amount)!)
        }
        let roster = quota.map { [RosterEntry(id: "R", quota: Decimal(string: $0)!)] } ?? []
        return try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines).reps[0].earned
    }

    static let tiers = [("0", "0.05"), ("50000", "0.08"), ("100000", "0.10")]

    @Test(arguments: [
        ("120000", "8500", "12000"), ("49999", "2499.95", "2499.95"), ("50000", "2500", "4000"),
    ])
    func marginalAgainstRetroactive(_ credit: String, _ marginal: String, _ retroactive: String) throws {
        let m = try Self.commission(Self.plan(.amount, .period, .marginal, Self.tiers), credits: [credit])
        let r = try Self.commission(Self.plan(.amount, .period, .retroactive, Self.tiers), credits: [credit])
        #expect(m == Decimal(string: marginal)!)
        #expect(r == Decimal(string: retroactive)!)
    }

    @Test(arguments: [("325000", "36250", "48750"), ("400000", "48750", "80000")])
    func acceleratorsOnQuota(_ credit: String, _ marginal: String, _ retroactive: String) throws {
        let bands = [("0", "0.10"), ("1", "0.15"), ("1.5", "0.20")]
        let m = try Self.commission(
            Self.plan(.attainment, .period, .marginal, bands), credits: [credit], quota: "250000")
        let r = try Self.commission(
            Self.plan(.attainment, .period, .retroactive, bands), credits: [credit], quota: "250000")
        #expect(m == Decimal(string: marginal)!)
        #expect(r == Decimal(string: retroactive)!)
    }

    @Test func aCreditExactlyAtAThresholdIsInTheUpperBand() throws {
        let r = try Self.commission(Self.plan(.amount, .period, .retroactive, Self.tiers), credits: ["30000", "20000"])
        #expect(r == 4000)
    }

    @Test func perDealTieringAgainstCumulative() throws {
        let credits = ["40000", "40000", "40000"]
        let perDeal = try Self.commission(Self.plan(.amount, .perDeal, .retroactive, Self.tiers), credits: credits)
        let cumulative = try Self.commission(Self.plan(.amount, .period, .retroactive, Self.tiers), credits: credits)
        #expect(perDeal == 6000)
        #expect(cumulative == 12000)
    }

    /// Lines 0.885, 0.845, 1.025: 2.77 half-up per line, 2.74 half-even per line, 2.76 on the total.
    @Test(arguments: [
        (RoundingRule.Mode.halfUp, RoundingRule.Level.line, "2.77"), (.halfEven, .line, "2.74"),
        (.halfUp, .period, "2.76"),
    ])
    func roundingModesAndLevels(_ mode: RoundingRule.Mode, _ level: RoundingRule.Level, _ expected: String) throws {
        var plan = Self.plan(.amount, .perDeal, .retroactive, [("0", "0.01")])
        plan.rounding = RoundingRule(places: 2, mode: mode, level: level)
        #expect(try Self.commission(plan, credits: ["88.5", "84.5", "102.5"]) == Decimal(string: expected)!)
    }

    @Test func moneyIsDecimalSo2675RoundsUp() {
        #expect(Decimal(string: "2.675")!.rounded(places: 2, mode: .halfUp) == Decimal(string: "2.68")!)
        #expect(Decimal(string: "-2.675")!.rounded(places: 2, mode: .halfUp) == Decimal(string: "-2.68")!)
        #expect(Decimal(string: "2.665")!.rounded(places: 2, mode: .halfEven) == Decimal(string: "2.66")!)
    }

    /// Money for people: grouped by thousands, at least two decimals, any sign and size.
    @Test func groupedMoneyText() {
        let cases = [
            ("0", "0.00"), ("5", "5.00"), ("-0.5", "-0.50"), ("999.1", "999.10"), ("1000", "1,000.00"),
            ("-1234567.5", "-1,234,567.50"), ("19692.272", "19,692.272"), ("0.125", "0.125"),
            ("123456789012345678901234567.5", "123,456,789,012,345,678,901,234,567.50"),
        ]
        for (text, expected) in cases {
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            #expect(value.groupedMoneyText == expected, "\(text)")
        }
    }

    /// The integer rounding gives what Foundation's `NSDecimalRound` gives on the magnitude, stored
    /// the same way, for halves, negatives, many digits and more places than the value has.
    @Test func roundingIsFoundationsOnEveryPath() {
        let texts = [
            "0.005", "-0.005", "0.015", "-0.015", "2.665", "-2.665", "12345.6749", "-12345.675", "0.000049",
            "99999999999999.995", "-99999999999999.985", "1844674407370955.1615", "123456789012345678901.235", "7",
            "-7.1", "0",
        ]
        for text in texts {
            let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
            for places in 0...6 {
                for (mode, foundation) in [
                    (RoundingRule.Mode.halfUp, NSDecimalNumber.RoundingMode.plain), (.halfEven, .bankers),
                ] {
                    var magnitude = value < 0 ? -value : value
                    var expected = Decimal()
                    NSDecimalRound(&expected, &magnitude, places, foundation)
                    if value < 0 { expected = -expected }
                    let rounded = value.rounded(places: places, mode: mode)
                    #expect(rounded == expected, "\(text) to \(places) places, \(mode)")
                    #expect(rounded.plainText == expected.plainText, "\(text) to \(places) places, \(mode)")
                }
            }
        }
    }
}
