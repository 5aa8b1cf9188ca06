import Commission
import Foundation
import Reconciliation

/// What a summary's true-ups say of the tiers: the plan pays a true-up only under year-to-date
/// retroactive tiers (plan-format.md §3.5), so a summary paying them names that reading where the
/// rows alone fit it no better than running totals by period, and its fiscal year where the rows
/// fit several: the one whose true-ups fall where the summary's do.
extension InferenceState {
    /// The summary that has a true-up column, and its rep-periods paid a true-up (other than 0).
    var trueUpSummary: (figures: SummaryFigures, paid: Int)? {
        // True-ups are paid under tiers by quarters or months only.
        guard let figures = evidence.summaries(for: .quarter).first(where: { $0.headers["true_up"] != nil }) else {
            return nil
        }
        return (figures, figures.entries.count { ($0.trueUp ?? 0) != 0 })
    }

    /// The year-to-date retroactive reading to take instead of `best` when a summary pays true-ups:
    /// of the readings of `ranked` by the same period, with as many bands, that fit as many rows,
    /// the one under which the most of the summary's rep-periods are paid a true-up or not as the
    /// summary says (the fiscal year the workbook names first on a tie); nil when `best` is one,
    /// or no summary pays a true-up.
    func yearToDateReading(instead best: TierCandidate, among ranked: [TierCandidate]) -> (
        candidate: TierCandidate, agreeing: Int, read: Int
    )? {
        guard best.bands.rates.count > 1, best.structure.basis != .ytd || best.mode != .retroactive,
            let (summary, paid) = trueUpSummary, paid > 0
        else { return nil }
        let named = clues.fiscalYearStart ?? 1
        let fitting = ranked.filter {
            $0.structure.basis == .ytd && $0.mode == .retroactive && $0.structure.period == best.structure.period
                && $0.bands.rates.count == best.bands.rates.count && $0.fitted >= best.fitted
        }.sorted { ($0.structure.fiscalYearStart == named) && $1.structure.fiscalYearStart != named }
        var chosen: (candidate: TierCandidate, agreeing: Int, read: Int)?
        for candidate in fitting {
            let (agreeing, read) = trueUpAgreement(candidate, summary: summary)
            if agreeing > chosen?.agreeing ?? -1 { chosen = (candidate, agreeing, read) }
        }
        return chosen
    }

    /// How many of `summary`'s rep-periods the engine pays a true-up, or not, as the summary does
    /// under `candidate`'s tiers, and how many it places.
    private func trueUpAgreement(_ candidate: TierCandidate, summary: SummaryFigures) -> (agreeing: Int, read: Int) {
        var trial = plan
        trial.period = candidate.structure.period
        trial.fiscalYearStart = candidate.structure.fiscalYearStart
        let metric = candidate.structure.metric
        trial.commission.tiers = TierTable(
            metric: metric, basis: .ytd, mode: .retroactive,
            bands: zip(candidate.bands.from, candidate.bands.rates).map { from, rate in
                TierTable.Band(from: decimal(from, places: metric == .amount ? 2 : 6), rate: decimal(rate, places: 5))
            })
        guard
            let statement = try? CommissionEngine.calculate(
                plan: trial, roster: roster, lines: observations.map(\.line))
        else { return (0, 0) }
        var paid = Set<String>()
        for line in statement.lines where line.kind == .trueUp && line.amount != 0 {
            paid.insert("\(line.rep.normalizedKey) \(line.period)")
        }
        let placed = summary.placed(in: statement, plan: trial, roster: roster)
        let agreeing = placed.count { (($0.entry.trueUp ?? 0) != 0) == paid.contains("\($0.rep) \($0.period)") }
        return (agreeing, placed.count)
    }
}
