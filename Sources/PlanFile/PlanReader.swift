import Commission
import Foundation

/// Walks a plan's YAML tree section by section (plan-format.md section 2).
struct PlanReader {
    let top: YAMLValue

    func plan() throws(PlanError) -> Plan {
        let root = try top.mapping()
        try root.allowOnly(PlanFile.topLevelKeys)
        let period: PeriodKind = try root.required("period", "month, quarter or year").choice(
            PeriodKind.allCases.map { ($0.rawValue, $0) })
        var plan = Plan(
            name: try root["plan"]?.text() ?? "Commission plan", currency: try root["currency"]?.text() ?? "",
            period: period, commission: try commission(root.required("commission", "how commission is paid")))
        if let value = root["fiscal_year_start"] { plan.fiscalYearStart = try value.integer(in: 1...12) }
        if let value = root["rounding"] { plan.rounding = try rounding(value) }
        if let value = root["tolerance"] { plan.tolerance = try value.money() }
        if let value = root["eligible"] {
            let section = try value.mapping()
            try section.allowOnly(["status"])
            plan.eligibleStatuses = try section.required("status", "the statuses that earn commission").texts()
        }
        if let value = root["bonuses"] { plan.bonuses = try bonuses(value) }
        if let value = root["clawback"] { plan.clawback = try clawback(value) }
        if let value = root["draw"] { plan.draw = try draw(value) }
        if let value = root["objectives"] { plan.objectives = try objectives(value) }
        if let value = root["forecast"] { plan.forecast = try forecast(value) }
        if let value = root["reps"] { plan.reps = try reps(value, objectives: plan.objectives, period: period) }
        if let value = root["columns"] { plan.columns = try columns(value) }
        return plan
    }

    private func objectives(_ value: YAMLValue) throws(PlanError) -> [Objective] {
        var result: [Objective] = []
        for item in try value.list() {
            let section = try item.mapping()
            try section.allowOnly(["name", "measure", "when", "target"])
            let name = try section.required("name", "what the objective is called").text()
            if result.contains(where: { $0.name.normalizedKey == name.normalizedKey }) {
                throw item.error("objective '\(name)' is listed twice")
            }
            let measure: Objective.Measure = try section.required("measure", "deals, credit or average_deal").choice(
                Objective.Measure.allCases.map { ($0.rawValue, $0) })
            let when = try section["when"].map { v throws(PlanError) in try condition(v) } ?? LineCondition()
            result.append(
                Objective(name: name, measure: measure, when: when, target: try section["target"]?.money()))
        }
        return result
    }

    private func forecast(_ value: YAMLValue) throws(PlanError) -> ForecastRules {
        let section = try value.mapping()
        try section.allowOnly(["stages", "commit_at"])
        var rules = ForecastRules()
        if let stages = section["stages"] {
            let table = try stages.mapping()
            for key in table.keys {
                let probability = try table.required(key, "the stage's probability").percent()
                guard probability >= 0 && probability <= 1 else {
                    throw table[key]!.error("the probability of stage '\(key)' must be between 0% and 100%")
                }
                rules.stages[key] = probability
            }
        }
        if let commit = section["commit_at"] {
            rules.commitAt = try commit.percent()
            guard rules.commitAt <= 1 else { throw commit.error("\(commit.name) is a probability: at most 100%") }
        }
        return rules
    }

    private func rounding(_ value: YAMLValue) throws(PlanError) -> RoundingRule {
        let section = try value.mapping()
        try section.allowOnly(["places", "mode", "level"])
        var rule = RoundingRule()
        if let places = section["places"] { rule.places = try places.integer(in: RoundingRule.placesRange) }
        if let mode = section["mode"] { rule.mode = try mode.choice([("half_up", .halfUp), ("half_even", .halfEven)]) }
        if let level = section["level"] { rule.level = try level.choice([("line", .line), ("period", .period)]) }
        return rule
    }

    private func commission(_ value: YAMLValue) throws(PlanError) -> CommissionRules {
        let section = try value.mapping()
        try section.allowOnly(["tiers", "overrides", "gate", "cap"])
        var rules = CommissionRules(tiers: try tiers(section.required("tiers", "the rate table and how to read it")))
        if let overrides = section["overrides"] {
            for item in try overrides.list() { rules.overrides.append(try override(item)) }
        }
        if let gate = section["gate"] { rules.gate = try gate.percent() }
        if let cap = section["cap"] {
            let caps = try cap.mapping()
            try caps.allowOnly(["per_deal", "per_period"])
            rules.capPerDeal = try caps["per_deal"]?.money()
            rules.capPerPeriod = try caps["per_period"]?.money()
        }
        return rules
    }

    private func tiers(_ value: YAMLValue) throws(PlanError) -> TierTable {
        let section = try value.mapping()
        try section.allowOnly(["metric", "basis", "mode", "table"])
        let metric: TierTable.Metric = try section.required("metric", "attainment or amount").choice([
            ("attainment", .attainment), ("amount", .amount),
        ])
        let basis: TierTable.Basis = try section.required("basis", "per_deal, period or ytd").choice([
            ("per_deal", .perDeal), ("period", .period), ("ytd", .ytd),
        ])
        let mode: TierTable.Mode = try section.required("mode", "marginal or retroactive").choice([
            ("marginal", .marginal), ("retroactive", .retroactive),
        ])
        let table = try section.required("table", "the bands, each { from, rate }")
        var bands: [TierTable.Band] = []
        for row in try table.list() {
            let band = try row.mapping()
            try band.allowOnly(["from", "rate"])
            let fromValue = try band.required("from", "where the band starts")
            let from = metric == .attainment ? try fromValue.percent() : try fromValue.money()
            if let last = bands.last, from <= last.from {
                throw fromValue.error("\(fromValue.name) must be above the band before it (\(last.from.plainText))")
            }
            if bands.isEmpty && from != 0 {
                throw fromValue.error("the first band must start at 0, found '\(try fromValue.text())'")
            }
            bands.append(TierTable.Band(from: from, rate: try band.required("rate", "the band's rate").percent()))
        }
        guard !bands.isEmpty else { throw table.error("\(table.name) must have at least one band") }
        return TierTable(metric: metric, basis: basis, mode: mode, bands: bands)
    }

    private func condition(_ value: YAMLValue) throws(PlanError) -> LineCondition {
        let section = try value.mapping()
        try section.allowOnly(["product", "type", "status", "from", "to"])
        let from = try section["from"]?.date()
        let to = try section["to"]?.date()
        // Dates in `when` are inclusive: a `to` before the `from` leaves no day a line could
        // match, a contradiction the contract does not settle, so it is refused, not read as "never".
        if let from, let to, to < from, let toValue = section["to"], let fromValue = section["from"] {
            throw toValue.error(
                "\(toValue.name) (\(to)) is before \(fromValue.name) (\(from)): no date is in the range")
        }
        return LineCondition(
            product: try section["product"]?.text(), type: try section["type"]?.text(),
            status: try section["status"]?.text(), from: from, to: to)
    }

    private func override(_ value: YAMLValue) throws(PlanError) -> Override {
        let section = try value.mapping()
        try section.allowOnly(["when", "rate", "multiplier"])
        let when = try condition(section.required("when", "which lines the override applies to"))
        switch (section["rate"], section["multiplier"]) {
        case (let rate?, nil): return Override(when: when, effect: .rate(try rate.percent()))
        case (nil, let multiplier?): return Override(when: when, effect: .multiplier(try multiplier.decimal()))
        case (_?, _?): throw value.error("\(value.name) has both 'rate' and 'multiplier'; give one")
        case (nil, nil): throw value.error("\(value.name) needs 'rate' (replaces the tier rate) or 'multiplier'")
        }
    }

    private func bonuses(_ value: YAMLValue) throws(PlanError) -> [Bonus] {
        var result: [Bonus] = []
        for item in try value.list() {
            let section = try item.mapping()
            try section.allowOnly(["name", "per_deal", "when", "at_attainment", "amount", "counts_toward_cap"])
            let name = try section["name"]?.text() ?? "Bonus \(result.count + 1)"
            let counts = try section["counts_toward_cap"]?.bool() ?? false
            switch (section["per_deal"], section["at_attainment"]) {
            case (let perDeal?, nil):
                let when = try section["when"].map { v throws(PlanError) in try condition(v) } ?? LineCondition()
                if section["amount"] != nil {
                    throw item.error("\(item.name): a per_deal bonus gives its amount in 'per_deal'")
                }
                result.append(
                    Bonus(name: name, kind: .perDeal(amount: try perDeal.money(), when: when), countsTowardCap: counts))
            case (nil, let level?):
                if section["when"] != nil { throw item.error("\(item.name): an at_attainment bonus takes no 'when'") }
                let amount = try section.required("amount", "what the bonus pays").money()
                result.append(
                    Bonus(
                        name: name, kind: .atAttainment(at: try level.percent(), amount: amount),
                        countsTowardCap: counts))
            case (_?, _?): throw item.error("\(item.name) has both 'per_deal' and 'at_attainment'; give one")
            case (nil, nil):
                throw item.error("\(item.name) needs 'per_deal' (paid per matching line) or 'at_attainment'")
            }
        }
        return result
    }

    private func clawback(_ value: YAMLValue) throws(PlanError) -> Clawback {
        let section = try value.mapping()
        try section.allowOnly(["statuses", "window_days"])
        return Clawback(
            statuses: try section.required("statuses", "the statuses that reverse a line").texts(),
            windowDays: try section.required("window_days", "how many days after the close a cancellation is reversed")
                .integer(in: 0...36_500))
    }

    private func draw(_ value: YAMLValue) throws(PlanError) -> Draw {
        let section = try value.mapping()
        try section.allowOnly(["amount", "recoverable"])
        return Draw(
            amount: try section.required("amount", "the draw per period").money(),
            recoverable: try section.required("recoverable", "true (recovered from later earnings) or false (a floor)")
                .bool())
    }

    private func reps(_ value: YAMLValue, objectives known: [Objective], period: PeriodKind) throws(PlanError)
        -> [RosterEntry]
    {
        var result: [RosterEntry] = []
        // Each rep id's first line, by the key the engine matches ids on.
        var seen: [String: Int] = [:]
        for item in try value.list() {
            let section = try item.mapping()
            try section.allowOnly(["id", "name", "team", "quota", "annual_quota", "start", "end", "draw", "objectives"])
            let idValue = try section.required("id", "the rep's id")
            let id = try idValue.text()
            if let earlier = seen[id.normalizedKey] {
                throw idValue.error("rep id '\(id)' is listed again (first on line \(earlier))")
            }
            seen[id.normalizedKey] = idValue.line
            var targets: [String: Decimal] = [:]
            if let objectives = section["objectives"] {
                let table = try objectives.mapping()
                for key in table.keys {
                    guard known.contains(where: { $0.name.normalizedKey == key.normalizedKey }) else {
                        throw table[key]!.error("'\(key)' is not one of the plan's objectives:")
                    }
                    targets[key.normalizedKey] = try table.required(key, "the target").money()
                }
            }
            result.append(
                RosterEntry(
                    id: id, name: try section["name"]?.text(),
                    team: try section["team"]?.text(), quota: try section["quota"]?.money(),
                    annualQuota: try section["annual_quota"]?.money(), start: try section["start"]?.date(),
                    end: try section["end"]?.date(), draw: try section["draw"]?.money(), objectiveTargets: targets))
            if let last = result.last, last.quotasDisagree(period) {
                throw (section["annual_quota"] ?? item).error(last.disagreeingQuotasWords(period))
            }
        }
        return result
    }

    private func columns(_ value: YAMLValue) throws(PlanError) -> [String: String] {
        let section = try value.mapping()
        try section.allowOnly(PlanFile.fields)
        var result: [String: String] = [:]
        var fieldByHeader: [String: String] = [:]
        for field in PlanFile.fields {
            guard let header = section[field] else { continue }
            let text = try header.text()
            if let other = PlanFile.pin(field, to: text, besides: &fieldByHeader) {
                throw header.error(
                    "'\(other)' and '\(field)' both read the column '\(text)': a column of amounts, dates or rates holds one field"
                )
            }
            result[field] = text
        }
        return result
    }
}
