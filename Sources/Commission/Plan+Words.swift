import Foundation

extension Plan {
    /// The effective plan in plain words, every default spelled out, for `trueup plan check`.
    public var words: String {
        var out = "Plan: \(name)\(currency.isEmpty ? "" : " (\(currency))")\n"
        out += "Periods: \(period.rawValue)s; the fiscal year starts in month \(fiscalYearStart)\n"
        out +=
            "Rounding: \(rounding.places) places, \(rounding.mode == .halfUp ? "half up (away from zero, like Excel's ROUND)" : "half even (banker's)"), "
        out += rounding.level == .line ? "every line rounded\n" : "each rep-period total rounded once; lines exact\n"
        out += "Reconciler tolerance: \(tolerance.moneyText)\n"
        if let eligibleStatuses {
            out += "Eligible: lines with status " + eligibleStatuses.joined(separator: ", ")
            out += clawback.map { " (or a clawback status: " + $0.statuses.joined(separator: ", ") + ")" } ?? ""
            out += "; other lines earn nothing\n"
        } else {
            out += "Eligible: every line\n"
        }
        let tiers = commission.tiers
        let measure = tiers.metric == .attainment ? "attainment (share of quota)" : "credit (money)"
        let basis: String =
            switch tiers.basis {
            case .perDeal: "each deal alone"
            case .period: "the rep-period's running credit"
            case .ytd: "the fiscal year-to-date running credit"
            }
        out += "Commission tiers on \(measure), chosen by \(basis), \(tiers.mode.rawValue):\n"
        for (i, band) in tiers.bands.enumerated() {
            let from = tiers.metric == .attainment ? band.from.percentText : band.from.groupedMoneyText
            let to =
                i + 1 < tiers.bands.count
                ? "below "
                    + (tiers.metric == .attainment
                        ? tiers.bands[i + 1].from.percentText : tiers.bands[i + 1].from.groupedMoneyText)
                : "and above"
            out += "  from \(from) \(to): \(band.rate.percentText)\n"
        }
        for item in commission.overrides {
            switch item.effect {
            case .rate(let rate):
                out += "Override: \(item.when.summary) → rate \(rate.percentText) instead of the tiers\n"
            case .multiplier(let m): out += "Override: \(item.when.summary) → tier commission × \(m.plainText)\n"
            }
        }
        if commission.overrides.isEmpty { out += "Overrides: none\n" }
        out +=
            "Gate: " + (commission.gate.map { "no commission below \($0.percentText) period attainment" } ?? "none")
            + "\n"
        out += "Cap per deal: " + (commission.capPerDeal.map(\.groupedMoneyText) ?? "none")
        out += "; cap per period: " + (commission.capPerPeriod.map(\.groupedMoneyText) ?? "none") + "\n"
        for bonus in bonuses {
            switch bonus.kind {
            case .perDeal(let amount, let when):
                out += "Bonus \(bonus.name): \(amount.groupedMoneyText) per matching line (\(when.summary)) × split"
            case .atAttainment(let at, let amount):
                out += "Bonus \(bonus.name): \(amount.groupedMoneyText) once per rep-period reaching \(at.percentText)"
            }
            out += bonus.countsTowardCap ? ", counts toward the period cap\n" : ", outside the period cap\n"
        }
        if bonuses.isEmpty { out += "Bonuses: none\n" }
        out +=
            "Clawback: "
            + (clawback.map {
                "lines with status " + $0.statuses.joined(separator: ", ")
                    + " cancelled within \($0.windowDays) days of closing are reversed"
            } ?? "none") + "\n"
        out +=
            "Draw: "
            + (draw.map {
                "\($0.amount.groupedMoneyText) per period, "
                    + ($0.recoverable ? "recoverable from later earnings" : "non-recoverable (a floor)")
            } ?? "none") + "\n"
        out +=
            "Roster in the plan: " + (reps.isEmpty ? "none (give --roster, or a Quota column)" : "\(reps.count) reps")
            + "\n"
        for objective in objectives {
            let measure: String =
                switch objective.measure {
                case .deals: "deals (each line counts its split)"
                case .credit: "credit"
                case .averageDeal: "average deal size (credit ÷ deals)"
                }
            let lines = objective.when == LineCondition() ? "every counting line" : objective.when.summary
            let target = objective.target.map { "target \($0.plainText) per period" } ?? "no plan-wide target"
            out += "Objective \(objective.name): \(measure) of \(lines); \(target) (the roster's, where given)\n"
        }
        if objectives.isEmpty { out += "Objectives beyond quota: none\n" }
        let stages = forecast.stages.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map {
            "\($0.key) \($0.value.percentText)"
        }
        out += "Forecast: committed from \(forecast.commitAt.percentText) probability; stages: "
        out +=
            (stages.isEmpty ? "none mapped (the pipeline gives probabilities)" : stages.joined(separator: ", ")) + "\n"
        if !columns.isEmpty {
            out +=
                "Column pins: " + columns.keys.sorted().map { "\($0) = \"\(columns[$0]!)\"" }.joined(separator: ", ")
                + "\n"
        }
        return out
    }
}
