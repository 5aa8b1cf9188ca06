import Commission
import Foundation
import PlanFile
import Testing

/// Plan files: the exact messages for each way a plan can be wrong, and what a good one reads as.
@Suite struct PlanFileTests {
    static let base = """
        plan: Test plan
        currency: USD
        period: quarter
        commission:
          tiers:
            metric: attainment
            basis: period
            mode: marginal
            table:
              - { from: 0%, rate: 5% }
              - { from: 100%, rate: 8% }
          gate: 50%
        """

    static func error(_ text: String) -> String? {
        do {
            _ = try PlanFile.parse(text, file: "plan.yaml")
            return nil
        } catch {
            return error.description
        }
    }

    static func without(_ prefix: String) -> String {
        base.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(prefix) }.joined(
            separator: "\n")
    }

    /// A rep id the plan's `reps:` lists twice (ignoring case and surrounding spaces, as the
    /// roster file's check and the engine compare ids) is refused at the second one's line and
    /// column: it once passed `plan check` and failed later naming the deals file.
    @Test func aRepIDListedTwiceInThePlanIsRefusedAtTheSecond() {
        let reps =
            Self.base + "\nreps:\n  - { id: R01, name: A, quota: 1 }\n  - { id: R02 }\n  - { id: ' r01 ', name: B }\n"
        #expect(
            Self.error(reps) == "plan.yaml:16:11: rep id ' r01 ' is listed again (first on line 14)")
        #expect(Self.error(reps.replacingOccurrences(of: "' r01 '", with: "R03")) == nil)
    }

    /// Two fields the plan's `columns:` pins to one column, one of them read as amounts, dates or
    /// rates, are refused at the second's header, naming the plan's line (it once blamed `--map`,
    /// which was not given); two text fields may share a column.
    @Test func twoTypedFieldsPinnedToOneColumnAreRefusedAtThePlansLine() {
        let pinned = Self.base + "\ncolumns: { amount: amount, quota: 'Amount ' }\n"
        #expect(
            Self.error(pinned)
                == "plan.yaml:13:35: 'amount' and 'quota' both read the column 'Amount ': a column of amounts, dates or rates holds one field"
        )
        #expect(Self.error(Self.base + "\ncolumns: { deal_id: Ref, status: ref }\n") == nil)
    }

    /// An optional key written as YAML's null (`gate: null`, `end: ~`, `end:` with nothing after
    /// it), as a plan written from a program's record of optional values has it, is a key left
    /// out: the plan reads as it does without them. A quoted `'null'` is text, and a required key
    /// written as null is missing.
    @Test func anOptionalKeyWrittenAsNullIsLeftOut() throws {
        let nulls =
            Self.base.replacingOccurrences(
                of: "  gate: 50%", with: "  overrides: null\n  gate: ~\n  cap: { per_deal: null, per_period: 60000 }")
                + """

                eligible: null
                bonuses:
                clawback: null
                draw: null
                reps:
                  - { id: R01, name: Ana, team: null, quota: 10000, start: '2026-01-01', end: null }
                  - id: R02
                    quota: null
                    annual_quota: 40000
                    end:
                """
        let plan = try PlanFile.parse(nulls, file: "plan.yaml")
        #expect(plan.eligibleStatuses == nil && plan.commission.gate == nil)
        #expect(plan.commission.capPerDeal == nil)
        #expect(plan.commission.capPerPeriod == 60000)
        #expect(plan.commission.overrides.isEmpty)
        #expect(plan.bonuses.isEmpty && plan.clawback == nil && plan.draw == nil)
        #expect(plan.reps.map(\.team) == [nil, nil])
        #expect(plan.reps.map(\.end) == [nil, nil])
        #expect(plan.reps[1].quota == nil && plan.reps[1].annualQuota == 40000)
        let quoted = nulls.replacingOccurrences(of: "team: null", with: "team: 'null'")
        #expect(try PlanFile.parse(quoted, file: "plan.yaml").reps[0].team == "null")
        #expect(
            Self.error(nulls.replacingOccurrences(of: "period: quarter", with: "period: null"))
                == "plan.yaml:1:1: 'period' is missing: month, quarter or year; the plan must say it")
    }

    @Test func theBasePlanReadsWithEveryDefaultSpelledOut() throws {
        let plan = try PlanFile.parse(Self.base, file: "plan.yaml")
        #expect(plan.period == .quarter)
        #expect(plan.fiscalYearStart == 1)
        #expect(plan.rounding == RoundingRule(places: 2, mode: .halfUp, level: .line))
        #expect(plan.tolerance == Decimal(string: "0.01")!)
        #expect(plan.commission.tiers.bands.map(\.rate) == [Decimal(string: "0.05")!, Decimal(string: "0.08")!])
        #expect(plan.commission.gate == Decimal(string: "0.5")!)
        #expect(plan.words.contains("half up (away from zero, like Excel's ROUND), every line rounded"))
    }

    @Test(arguments: [
        ("period:", "plan.yaml:1:1: 'period' is missing: month, quarter or year; the plan must say it"),
        (
            "    metric:",
            "plan.yaml:6:5: 'commission.tiers.metric' is missing: attainment or amount; the plan must say it"
        ),
        (
            "    basis:",
            "plan.yaml:6:5: 'commission.tiers.basis' is missing: per_deal, period or ytd; the plan must say it"
        ),
        (
            "    mode:",
            "plan.yaml:6:5: 'commission.tiers.mode' is missing: marginal or retroactive; the plan must say it"
        ),
    ])
    func aMissingRequiredSwitchIsRefused(_ line: String, _ message: String) {
        #expect(Self.error(Self.without(line)) == message)
    }

    @Test func aMissingTableIsRefused() {
        let text = Self.base.replacingOccurrences(
            of: "    table:\n      - { from: 0%, rate: 5% }\n      - { from: 100%, rate: 8% }\n", with: "")
        #expect(
            Self.error(text)
                == "plan.yaml:6:5: 'commission.tiers.table' is missing: the bands, each { from, rate }; the plan must say it"
        )
    }

    @Test func aMissingCommissionSectionIsRefused() {
        let text = "plan: P\nperiod: month\n"
        #expect(
            Self.error(text) == "plan.yaml:1:1: 'commission' is missing: how commission is paid; the plan must say it")
    }

    @Test func aMisspelledChoiceIsRefused() {
        #expect(
            Self.error(Self.base.replacingOccurrences(of: "mode: marginal", with: "mode: marginel"))
                == "plan.yaml:8:11: 'commission.tiers.mode' must be marginal or retroactive, found 'marginel'")
    }

    @Test(arguments: [
        ("  gate: 50%", "  gat: 50%", "plan.yaml:12:3: unknown key 'commission.gat' (did you mean 'gate'?)"),
        (
            "    mode: marginal", "    mod: marginal",
            "plan.yaml:8:5: unknown key 'commission.tiers.mod' (did you mean 'mode'?)"
        ),
        ("currency: USD", "curency: USD", "plan.yaml:2:1: unknown key 'curency' (did you mean 'currency'?)"),
        (
            "currency: USD", "colour: blue",
            "plan.yaml:2:1: unknown key 'colour'; allowed here: plan, currency, period, fiscal_year_start, rounding, tolerance, eligible, commission, bonuses, clawback, draw, reps, columns, objectives, forecast"
        ),
    ])
    func unknownKeysAreRefusedWithASuggestion(_ old: String, _ new: String, _ message: String) {
        #expect(Self.error(Self.base.replacingOccurrences(of: old, with: new)) == message)
    }

    @Test(arguments: [
        (
            "rate: 8%", "rate: 8%%",
            "plan.yaml:11:29: 'commission.tiers.table[1].rate' must be a percentage such as 8% or 0.08, found '8%%'"
        ),
        (
            "rate: 8%", "rate: eight",
            "plan.yaml:11:29: 'commission.tiers.table[1].rate' must be a percentage such as 8% or 0.08, found 'eight'"
        ),
        ("gate: 50%", "gate: -5%", "plan.yaml:12:9: 'commission.gate' must not be negative, found '-5%'"),
        (
            "from: 100%", "from: 0%",
            "plan.yaml:11:17: 'commission.tiers.table[1].from' must be above the band before it (0)"
        ),
    ])
    func badPercentagesAreRefused(_ old: String, _ new: String, _ message: String) {
        #expect(Self.error(Self.base.replacingOccurrences(of: old, with: new)) == message)
    }

    @Test func invalidYAMLIsLocated() {
        #expect(
            Self.error("plan: [unclosed\n")
                == "plan.yaml:1:7: not valid YAML: did not find expected ',' or ']' in the flow sequence that opens here"
        )
    }

    /// A flow mapping left open (`{ from: 50%, rate: 8%` without its `}`) is reported on its own
    /// line, not on the next one, where the parser gave up.
    @Test func anUnclosedFlowMappingIsReportedOnItsLine() {
        let text = Self.base.replacingOccurrences(of: "rate: 5% }", with: "rate: 5%")
        #expect(
            Self.error(text)
                == "plan.yaml:10:9: not valid YAML: did not find expected ',' or '}' in the flow mapping that opens here"
        )
    }

    /// `when` dates are inclusive; a `to` before its `from` leaves no day a line could match. The
    /// contract does not say what such a window means, so it is refused at the `to`, for a bonus
    /// and an override alike, rather than read as a bonus or override that never applies.
    @Test func aWhenWhoseToIsBeforeItsFromIsRefused() {
        let bonus =
            Self.base + "\nbonuses:\n  - name: B\n    per_deal: 100\n    when: { from: 2026-09-01, to: 2026-01-01 }\n"
        #expect(
            Self.error(bonus)
                == "plan.yaml:16:35: 'bonuses[0].when.to' (2026-01-01) is before 'bonuses[0].when.from' (2026-09-01): no date is in the range"
        )
        let override = Self.base + "\n  overrides:\n    - { when: { from: 2026-09-01, to: 2026-08-31 }, rate: 3% }\n"
        #expect(
            Self.error(override)
                == "plan.yaml:14:39: 'commission.overrides[0].when.to' (2026-08-31) is before 'commission.overrides[0].when.from' (2026-09-01): no date is in the range"
        )
        let oneDay =
            Self.base + "\nbonuses:\n  - name: B\n    per_deal: 100\n    when: { from: 2026-09-01, to: 2026-09-01 }\n"
        #expect(Self.error(oneDay) == nil)
    }

    @Test func moneyIsReadAsDecimalText() throws {
        let text = Self.base + "\n  cap:\n    per_deal: 0.1\n    per_period: 12345678901234567.89\n"
        let plan = try PlanFile.parse(text, file: "plan.yaml")
        #expect(plan.commission.capPerDeal == Decimal(string: "0.1")!)
        #expect(plan.commission.capPerPeriod == Decimal(string: "12345678901234567.89")!)
    }

    /// A chain of aliases each holding the one before (`&a2 [*a1]`) nests as deep as it is long:
    /// at 100,000 links, freeing it overflowed the stack. Refused before it is composed, naming
    /// where; a plan with a few aliases still reads.
    @Test func aLongChainOfAliasesIsRefusedWithItsLine() {
        var chain = Self.base + "\nx0: &a0 1\n"
        for link in 1...100_000 { chain += "x\(link): &a\(link) [*a\(link - 1)]\n" }
        let baseLines = Self.base.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            Self.error(chain)
                == "plan.yaml:\(baseLines + 1002):16: more than 1000 aliases (*name); a plan needs few, and this many nest too deep to read"
        )
        let few =
            "rates: &r { from: 0%, rate: 5% }\n"
            + Self.base.replacingOccurrences(of: "- { from: 0%, rate: 5% }", with: "- *r")
        #expect(Self.error(few)?.contains("alias") != true)
    }
}
