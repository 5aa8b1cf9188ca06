import Commission
import Foundation

extension InferredPlan {
    /// The plan as a plan file (plan-format.md section 2) that `trueup plan check` accepts, each
    /// clause under `#` comments giving its evidence, and the clauses left out listed at the end.
    public var yaml: String {
        var out = "# Proposed by `trueup plan infer` from \(source).\n"
        out += "# \(fit.reproduced) of \(fit.rows) rows reproduced (\(percent(fit.share)))"
        out +=
            fit.misses.isEmpty
            ? "" : "; \(rowList(Array(fit.misses.indices), limit: 12) { fit.misses[$0].label }) do not"
        out += ". Check every clause before use.\n"
        out += "plan: \(quoted(plan.name))\n"
        out += comments("currency")
        if !plan.currency.isEmpty { out += "currency: \(plan.currency)\n" }
        out += comments("period")
        out += "period: \(plan.period.rawValue)\n"
        if plan.fiscalYearStart != 1 { out += "fiscal_year_start: \(plan.fiscalYearStart)\n" }
        out += comments("rounding")
        if established.contains("rounding") || plan.rounding.places != 2 {
            let rule = plan.rounding
            out += "rounding: { places: \(rule.places), mode: \(rule.mode.rawValue), level: \(rule.level.rawValue) }\n"
        }
        if let statuses = plan.eligibleStatuses {
            out += comments("eligible")
            out += "eligible:\n  status: [\(statuses.map(quoted).joined(separator: ", "))]\n"
        }
        let tiers = plan.commission.tiers
        out += "commission:\n"
        out += comments("tiers", indent: "  ")
        out += "  tiers:\n    metric: \(tiers.metric.rawValue)\n    basis: \(tiers.basis.rawValue)\n"
        out += "    mode: \(tiers.mode.rawValue)\n    table:\n"
        for band in tiers.bands {
            let from = tiers.metric == .attainment ? band.from.percentText : band.from.plainText
            out += "      - { from: \(from), rate: \(band.rate.percentText) }\n"
        }
        if !plan.commission.overrides.isEmpty {
            out += comments("overrides", indent: "  ")
            out += "  overrides:\n"
            for item in plan.commission.overrides {
                var when: [String] = []
                if let product = item.when.product { when.append("product: \(quoted(product))") }
                if let type = item.when.type { when.append("type: \(quoted(type))") }
                let effect: String =
                    switch item.effect {
                    case .rate(let rate): "rate: \(rate.percentText)"
                    case .multiplier(let m): "multiplier: \(m.plainText)"
                    }
                out += "    - { when: { \(when.joined(separator: ", ")) }, \(effect) }\n"
            }
        }
        if let gate = plan.commission.gate {
            out += comments("gate", indent: "  ")
            out += "  gate: \(gate.percentText)\n"
        }
        if plan.commission.capPerDeal != nil || plan.commission.capPerPeriod != nil {
            out += comments("cap", indent: "  ")
            out += "  cap:\n"
            if let cap = plan.commission.capPerDeal { out += "    per_deal: \(cap.plainText)\n" }
            if let cap = plan.commission.capPerPeriod { out += "    per_period: \(cap.plainText)\n" }
        }
        if !plan.bonuses.isEmpty {
            out += comments("bonuses")
            out += "bonuses:\n"
            for bonus in plan.bonuses {
                guard case .perDeal(let amount, let when) = bonus.kind else {
                    if case .atAttainment(let at, let amount) = bonus.kind {
                        out += "  - name: \(quoted(bonus.name))\n    at_attainment: \(at.percentText)\n"
                        out += "    amount: \(amount.plainText)\n"
                        if bonus.countsTowardCap { out += "    counts_toward_cap: true\n" }
                    }
                    continue
                }
                out += "  - name: \(quoted(bonus.name))\n    per_deal: \(amount.plainText)\n"
                var parts: [String] = []
                if let product = when.product { parts.append("product: \(quoted(product))") }
                if let type = when.type { parts.append("type: \(quoted(type))") }
                if !parts.isEmpty { out += "    when: { \(parts.joined(separator: ", ")) }\n" }
                if bonus.countsTowardCap { out += "    counts_toward_cap: true\n" }
            }
        }
        if let clawback = plan.clawback {
            out += comments("clawback")
            out += "clawback:\n  statuses: [\(clawback.statuses.map(quoted).joined(separator: ", "))]\n"
            out += "  window_days: \(clawback.windowDays)\n"
        }
        if let draw = plan.draw {
            out += comments("draw")
            out += "draw:\n  amount: \(draw.amount.plainText)\n  recoverable: \(draw.recoverable)\n"
        }
        out += comments("splits")
        for (title, items) in [
            ("Rows not read (left out of the fit):", unread),
            ("Seen in the sheet but not expressible in a plan file:", evidence["outside"] ?? []),
            ("Readings the rows cannot tell apart:", ambiguities),
            ("Not established (left out; the contract's defaults apply):", notEstablished),
        ] {
            out += Self.listing(title, items, lead: "#\n# ", bullet: "#   - ")
        }
        return out
    }

    private func comments(_ clause: String, indent: String = "") -> String {
        (evidence[clause] ?? []).map { "\(indent)# \($0)\n" }.joined()
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// `99.3%`: a share for people, to a tenth of a percent, never rounded up to 100%.
func percent(_ share: Double) -> String {
    let tenths = (share * 1000).rounded(.down) / 10
    return String(format: "%.1f%%", tenths)
}
