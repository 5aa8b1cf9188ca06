import CSV
import Commission
import Foundation
import Review

/// The review as terminal tables, one block per period (reps by rank, teams, the whole
/// organisation, and who is called out), and as CSV.
public struct ReviewText: Sendable {
    public let review: Review
    /// The terminal's width, when the output goes to one: tables wrap to fit it.
    public var width: Int?

    public init(review: Review, width: Int? = nil) {
        self.review = review
        self.width = width
    }

    public func render() -> String {
        var out = review.plan + (review.currency.isEmpty ? "" : " (\(review.currency))")
        out += " — review; called out below \(review.threshold.attainmentPercent) and at 100% or more\n"
        if review.periods.isEmpty { out += "\nNo deals and no rep on the plan in any period: nothing to review.\n" }
        for period in review.periods {
            out += "\n\(period)\n"
            out += repTable(review.reps(in: period))
            out += "\n" + groupTable(review.teams(in: period) + review.organisation.filter { $0.period == period })
            out += callOuts(review.reps(in: period))
        }
        return out
    }

    private func repTable(_ reps: [RepReview]) -> String {
        var header = [
            "Rank", "Rep", "Name", "Team", "Quota", "Credit", "Attain.", "Change", "Year to date", "Earned", "Standing",
        ]
        header += review.objectives.map(\.name)
        let rows = reps.map { rep in
            [
                String(rep.rank), rep.rep, rep.name ?? "", rep.team ?? "—", rep.quota?.groupedMoneyText ?? "—",
                rep.credit.groupedMoneyText, rep.attainment?.attainmentPercent ?? "—", Self.changeText(rep.change),
                rep.yearToDate?.attainment?.attainmentPercent ?? "—", rep.earned.groupedMoneyText,
                rep.standing.map(Self.standingText) ?? "—",
            ] + rep.objectives.map(Self.objectiveText)
        }
        return TextTable(header: header, rows: rows, rightAligned: Set([0, 4, 5, 6, 7, 8, 9])).render(width: width)
    }

    private func groupTable(_ groups: [GroupReview]) -> String {
        var header = [
            "Team", "Reps", "Quota", "Credit", "Attain.", "Change", "Year to date", "Earned", "Below", "≥ 100%",
        ]
        header += review.objectives.map(\.name)
        let rows = groups.map { group in
            [
                group.team ?? "Organisation", String(group.repCount), group.quota?.groupedMoneyText ?? "—",
                group.credit.groupedMoneyText, group.attainment?.attainmentPercent ?? "—",
                Self.changeText(group.change), group.yearToDate?.attainment?.attainmentPercent ?? "—",
                group.earned.groupedMoneyText, String(group.below), String(group.achieved),
            ] + group.objectives.map(Self.objectiveText)
        }
        return TextTable(header: header, rows: rows, rightAligned: Set(1...9)).render(width: width)
    }

    private func callOuts(_ reps: [RepReview]) -> String {
        func names(_ standing: Standing) -> String {
            let listed = reps.filter { $0.standing == standing }.map { rep in
                "\(rep.name ?? rep.rep) (\(rep.attainment?.attainmentPercent ?? "—"))"
            }
            return listed.isEmpty ? "none" : listed.joined(separator: ", ")
        }
        return "\nBelow \(review.threshold.attainmentPercent): \(names(.below))\n"
            + "At or above 100%: \(names(.achieved))\n"
    }

    static func standingText(_ standing: Standing) -> String {
        switch standing {
        case .below: "below"
        case .onTrack: "on track"
        case .achieved: "achieved"
        }
    }

    /// `+12.3 pts` (attainment) or the credit change when there is no attainment; `—` first time.
    static func changeText(_ change: Change?) -> String {
        guard let change else { return "—" }
        if let points = change.attainment {
            let value = (points * 100).rounded(places: 1, mode: .halfUp)
            let text = value.plainText
            return (value > 0 ? "+" : "") + text + (text.contains(".") ? "" : ".0") + " pts"
        }
        return (change.credit > 0 ? "+" : "") + change.credit.groupedMoneyText
    }

    /// `3 / 2` (achieved / target), or the achieved figure alone without a target.
    static func objectiveText(_ result: ObjectiveResult) -> String {
        let achieved: String
        switch result.measure {
        case .deals: achieved = result.achieved?.plainText ?? "—"
        case .credit, .averageDeal: achieved = result.achieved.map { $0.roundedToCents.groupedMoneyText } ?? "—"
        }
        guard let target = result.target else { return achieved }
        let targetText = result.measure == .deals ? target.plainText : target.groupedMoneyText
        return achieved + " / " + targetText
    }

    /// One record per rep-period, team-period and organisation-period (`level`), with each
    /// objective's target and achievement in two columns.
    public var csv: String {
        var out = ""
        var writer = CSVWriter { out += String(decoding: $0, as: UTF8.self) }
        var header = [
            "level", "period", "team", "rep", "name", "rank", "quota", "credit", "attainment", "earned", "payable",
            "standing", "previous_period", "credit_change", "attainment_change", "credit_to_date", "quota_to_date",
            "attainment_to_date", "reps", "below_threshold", "at_or_above_quota",
        ]
        for objective in review.objectives { header += [objective.name + " target", objective.name + " achieved"] }
        writer.write(texts: header)
        func changeFields(_ change: Change?) -> [String] {
            [
                change?.previousPeriod.description ?? "", change?.credit.moneyText ?? "",
                change?.attainment.map { $0.ratioText } ?? "",
            ]
        }
        func toDateFields(_ toDate: YearToDate?) -> [String] {
            [
                toDate?.credit.moneyText ?? "", toDate?.quota?.moneyText ?? "",
                toDate?.attainment.map { $0.ratioText } ?? "",
            ]
        }
        func objectiveFields(_ results: [ObjectiveResult]) -> [String] {
            results.flatMap { [$0.target?.plainText ?? "", $0.achievedText ?? ""] }
        }
        func ratio(_ value: Decimal?) -> String { value.map { $0.ratioText } ?? "" }
        for rep in review.reps {
            writer.write(
                texts: [
                    "rep", rep.period.description, rep.team ?? "", rep.rep, rep.name ?? "", String(rep.rank),
                    rep.quota?.moneyText ?? "", rep.credit.moneyText, ratio(rep.attainment), rep.earned.moneyText,
                    rep.payable.moneyText, rep.standing?.rawValue ?? "",
                ] + changeFields(rep.change) + toDateFields(rep.yearToDate) + ["", "", ""]
                    + objectiveFields(rep.objectives))
        }
        for group in review.teams + review.organisation {
            writer.write(
                texts: [
                    group.team == nil ? "organisation" : "team", group.period.description, group.team ?? "", "", "", "",
                    group.quota?.moneyText ?? "", group.credit.moneyText, ratio(group.attainment),
                    group.earned.moneyText, group.payable.moneyText, "",
                ] + changeFields(group.change) + toDateFields(group.yearToDate)
                    + [String(group.repCount), String(group.below), String(group.achieved)]
                    + objectiveFields(group.objectives))
        }
        return out
    }
}
