import Commission
import Foundation
import Ingest
import Reconciliation

/// Mechanics a summary sheet shows per rep-period: an attainment bonus, a draw. The summary is
/// read as `reconcile` reads it (`SummaryFigures`), so a summary that `reconcile` compares is
/// one whose bonus and draw `plan infer` sees.
extension InferenceState {
    /// A summary's entries placed among the plan's rep-periods, with the summary's headers.
    struct PlacedSummary {
        var figures: SummaryFigures
        var entries: [SummaryFigures.Placed]
        /// The header of a column of what is recovered of a draw (`Recovered`, `Draw Recovery`),
        /// which no summary figure of `reconcile`'s reads; it breaks a tie toward a recoverable draw.
        var recoveredHeader: String?

        var sheet: String { figures.sheet }

        /// The header of `figure` (`bonus`, `earned`, `payable`, `draw`); beside a payable column
        /// and no earnings column, the commission column is what was earned.
        func header(_ figure: String) -> String? {
            if figure == "earned", figures.headers["earned"] == nil, figures.headers["payable"] != nil {
                return figures.headers["commission"]
            }
            return figures.headers[figure]
        }

        /// Whether a header names what is recovered of a draw, in the languages summaries are kept in
        /// (`Recovered`, `Draw Recovery`, `Recuperado`, `Recupero`, `Récupéré`, `Verrechnet`,
        /// `Rückführung`, `Verrekend`), case and accents aside.
        static func namesRecovery(_ header: String) -> Bool {
            let folded = FoldedWords.fold(header)
            return recoveryStems.contains { folded.contains($0) }
        }

        private static let recoveryStems = ["recover", "recuper", "verrechn", "ruckfuhr", "rueckfuehr", "verreken"]

        /// What the entry says its rep earned: its earned figure, else its commission beside a payable.
        static func earned(_ entry: SummaryFigures.Entry) -> Decimal? {
            entry.earned ?? (entry.payable != nil ? entry.commission : nil)
        }
    }

    /// The first summary whose figures include a bonus, what was earned or what was paid, and
    /// two or more of whose rows name a rep-period of `statement`.
    func placedSummary(in statement: Statement) -> PlacedSummary? {
        for figures in evidence.summaries(for: plan.period) {
            var summary = PlacedSummary(
                figures: figures, entries: figures.placed(in: statement, plan: plan, roster: roster))
            guard ["bonus", "earned", "payable"].contains(where: { summary.header($0) != nil }),
                summary.entries.count >= 2
            else { continue }
            let header =
                evidence.otherSheets.first { $0.name == figures.sheet }?.rows
                .first { $0.first?.row == figures.headerRow } ?? []
            summary.recoveredHeader =
                header.lazy.compactMap { cell -> String? in
                    guard case .text(let text) = cell.value, PlacedSummary.namesRecovery(text) else { return nil }
                    return text
                }.first
            return summary
        }
        return nil
    }

    // MARK: Attainment bonus and draw, from a summary sheet

    /// An `at_attainment` bonus from a summary's bonus column: one amount, paid to the rep-periods
    /// at or above an attainment level.
    mutating func fitAttainmentBonus(_ summary: PlacedSummary, totals: [String: RepPeriodTotal]) {
        guard let header = summary.header("bonus") else { return }
        let joined = summary.entries.compactMap { placed -> (bonus: Decimal, attainment: Double)? in
            guard let bonus = placed.entry.bonus, let attainment = totals["\(placed.rep) \(placed.period)"]?.attainment
            else {
                return nil
            }
            return (bonus, NSDecimalNumber(decimal: attainment).doubleValue)
        }
        let paid = joined.filter { $0.bonus != 0 }
        // One rep-period paid is enough when attainment separates it from all the others (checked below).
        guard let amount = mostCommon(paid.map(\.bonus)), paid.count >= 2 || (paid.count == 1 && joined.count >= 3)
        else {
            notEstablished.append(
                joined.isEmpty
                    ? "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' cannot be set against attainment (no quota, or no rep-period matches)"
                    : paid.isEmpty
                        ? "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' pays nothing"
                        : "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' never pays one amount twice"
            )
            return
        }
        let above = joined.filter { $0.bonus == amount }.map(\.attainment)
        let below = joined.filter { $0.bonus == 0 }.map(\.attainment)
        guard let cut = below.isEmpty ? (0, above.min()!) : BandFit.bestCut(below: below, above: above) else { return }
        let level = BandFit.roundest(above: cut.lower, atMost: cut.upper, metric: .attainment)
        let fitted = joined.filter { $0.bonus == ($0.attainment >= level - 1e-9 ? amount : 0) }.count
        guard fitted * 10 >= joined.count * 9, paid.count >= 2 || fitted == joined.count else {
            notEstablished.append(
                "attainment bonus: column '\(header)' of sheet '\(summary.sheet)' pays \(amount.groupedMoneyText) in \(paid.count) rep-periods, but no attainment level separates them from the rest (\(fitted) of \(joined.count) fit the best one)"
            )
            return
        }
        let at = decimal(level, places: 4)
        plan.bonuses.append(Bonus(name: header, kind: .atAttainment(at: at, amount: amount)))
        established.insert("bonuses")
        let (lower, upper) = attainmentWindow("attainment bonus", level: at, cut: cut)
        note(
            "bonuses",
            "sheet '\(summary.sheet)' column '\(header)': \(above.count) rep-periods are paid \(amount.groupedMoneyText), each at \(upper) of quota or more; the others reach at most \(lower); \(fitted) of \(joined.count) rep-periods fit"
        )
    }

    /// A draw from a summary's earnings and payable columns: the figure rep-periods that earned
    /// less are topped up to (a floor on pay, often `MAX(earned, draw)`), recoverable when later
    /// pay is cut by the shortfall.
    mutating func fitDraw(_ summary: PlacedSummary) {
        guard let payableHeader = summary.header("payable"), summary.header("earned") != nil else {
            notEstablished.append("draw: no summary sheet gives both what a rep earned and what was paid")
            return
        }
        /// A rep-period's figures as the draw reads them.
        struct Pay {
            var rep: String
            var period: Period
            var earned: Decimal?
            var payable: Decimal?
            var payableFormula: String?
            var draw: Decimal?
        }
        let entries = summary.entries.map { placed in
            Pay(
                rep: placed.rep, period: placed.period, earned: PlacedSummary.earned(placed.entry),
                payable: placed.entry.payable, payableFormula: placed.entry.payableFormula, draw: placed.entry.draw)
        }.filter { $0.earned != nil && $0.payable != nil }
        let halfCent = Decimal(string: "0.005")!
        let topped = entries.filter { $0.payable! > $0.earned! + halfCent }
        let inFormulas = entries.compactMap(\.payableFormula).flatMap {
            FormulaText.literalBounds(of: "MAX", in: $0).filter { $0 > 0 }
        }
        // A Draw column the payable's `MAX` reads (`MAX(C2,D2)`) writes the draw on each row.
        let drawColumn = entries.filter { $0.payableFormula?.uppercased().contains("MAX(") == true }.compactMap(\.draw)
            .filter { $0 > 0 }
        // A rep's own draw on the roster overrides the plan's, as the engine applies it: such reps
        // say nothing of the plan's draw.
        var rosterDraws: [String: Decimal] = [:]
        for rep in roster {
            guard let own = rep.draw else { continue }
            for name in [rep.id] + (rep.name.map { [$0] } ?? []) + rep.aliases { rosterDraws[name.normalizedKey] = own }
        }
        let planEntries = entries.filter { rosterDraws[$0.rep] == nil }
        let plansTopped = planEntries.filter { $0.payable! > $0.earned! + halfCent }.map(\.payable!)
        let plansColumn = planEntries.filter { $0.payableFormula?.uppercased().contains("MAX(") == true }
            .compactMap(\.draw).filter { $0 > 0 }
        guard
            let draw = mostCommon(plansTopped + inFormulas + plansColumn)
                ?? mostCommon(topped.map(\.payable!) + inFormulas + drawColumn)
        else {
            notEstablished.append(
                "draw: every rep-period's payable in sheet '\(summary.sheet)' is no more than its earnings; nothing tops pay up"
            )
            return
        }
        /// How many rep-periods' payable the draw reproduces, walking each rep's periods in order.
        func fitted(recoverable: Bool) -> (count: Int, recovered: Int) {
            var count = 0
            var recovered = 0
            for entries in Dictionary(grouping: entries, by: \.rep).values {
                var balance: Decimal = 0
                let floor = rosterDraws[entries[0].rep] ?? draw
                for entry in entries.sorted(by: { $0.period < $1.period }) {
                    let earned = entry.earned!
                    var payable = max(earned, floor)
                    if recoverable {
                        if earned < floor {
                            balance += floor - earned
                        } else {
                            let recovery = min(balance, earned - floor)
                            if recovery > 0 { recovered += 1 }
                            payable = earned - recovery
                            balance -= recovery
                        }
                    }
                    if abs(payable - entry.payable!) <= halfCent { count += 1 }
                }
            }
            return (count, recovered)
        }
        let flat = fitted(recoverable: false)
        let carried = fitted(recoverable: true)
        let recoverable =
            carried.count > flat.count || (carried.count == flat.count && summary.recoveredHeader != nil)
        let count = max(flat.count, carried.count)
        guard count * 10 >= entries.count * 9 else {
            notEstablished.append(
                "draw: \(topped.count) rep-periods are paid more than they earned, but a draw of \(draw.groupedMoneyText) reproduces only \(count) of \(entries.count) payable figures"
            )
            return
        }
        plan.draw = Draw(amount: draw, recoverable: recoverable)
        established.insert("draw")
        let payable = payableHeader
        note(
            "draw",
            "sheet '\(summary.sheet)' column '\(payable)': \(topped.count) rep-periods that earned less are paid exactly \(draw.groupedMoneyText)"
                + (inFormulas.isEmpty
                    ? "" : "; MAX(…, \(draw.plainText)) in \(inFormulas.count) payable formulas: a floor on pay")
                + (drawColumn.isEmpty
                    ? ""
                    : "; column '\(summary.header("draw") ?? "Draw")' writes \(drawColumn.filter { $0 == draw }.count) rep-periods' draw of \(draw.groupedMoneyText), beside MAX(…) payable formulas")
        )
        if carried.count != flat.count {
            note(
                "draw",
                recoverable
                    ? "recoverable: \(carried.recovered) rep-periods that earned above the draw are paid their earnings less the shortfall carried; \(carried.count) of \(entries.count) payable figures fit (not recoverable: \(flat.count))"
                    : "not recoverable: pay is never cut after a shortfall; \(flat.count) of \(entries.count) payable figures fit (recoverable: \(carried.count))"
            )
        } else {
            note("draw", "\(count) of \(entries.count) payable figures fit")
            ambiguities.append(
                "draw: recoverable and not recoverable fit equally (\(recoverable ? "recoverable, from the column '\(summary.recoveredHeader!)'" : "not recoverable") written); a rep-period earning above \(draw.groupedMoneyText) after one below it would decide"
            )
        }
    }

    /// The attainment bonus and the draw, when a summary sheet shows them.
    mutating func fitSummaryMechanics() {
        // The engine is run only for a summary to place (a hundred thousand rows take a while).
        guard !evidence.summaries(for: plan.period).isEmpty,
            let statement = try? CommissionEngine.calculate(
                plan: plan, roster: roster, lines: observations.map(\.line)),
            let summary = placedSummary(in: statement)
        else {
            notEstablished.append(
                "attainment bonus and draw: no summary sheet lists rep-periods with a bonus, earned or payable column")
            return
        }
        if summary.header("bonus") != nil {
            fitAttainmentBonus(summary, totals: Self.totals(of: statement))
        }
        fitDraw(summary)
    }
}
