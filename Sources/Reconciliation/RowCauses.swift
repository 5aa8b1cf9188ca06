import Commission
import Formula
import Foundation
import Ingest
import Spreadsheet

/// Names why one row's manual commission differs: the reading of the plan, the data or the
/// formula that reproduces the manual figure (plan-format.md section 4's cause codes).
struct RowCauses {
    let context: RowContext
    let alternatives: Alternatives
    let index: Int
    let engine: RowAmounts?
    let formulas: CommissionFormulas

    var line: CreditLine { context.deals.lines[index] }

    var manualRate: Decimal? { context.manualRate(index) }

    /// The words naming the row's commission formula as unlike its column's (`inconsistent_formula`).
    var formulaUnlikeItsColumn: String {
        "the formula \(formulas.text(index).map { "=\($0)" } ?? "") differs from the column's"
    }

    /// What each of the plan's per-deal bonuses pays this line, were it to qualify (times its split).
    var perDealBonuses: [Decimal] {
        context.plan.bonuses.compactMap { bonus in
            guard case .perDeal(let amount, _) = bonus.kind, amount != 0 else { return nil }
            return amount * line.split
        }
    }

    /// The rates a figure without a rate column is taken to be worked out at: 0.5% to 50%.
    static let inferredRates = Decimal(string: "0.005")!...Decimal(string: "0.5")!

    /// How `expected` rounded to whole units gives `manual`, which is whole: half up, down or up;
    /// nil when no way does, or when `expected` is whole itself.
    static func wholeUnitRounding(of expected: Decimal, giving manual: Decimal) -> String? {
        func whole(_ mode: NSDecimalNumber.RoundingMode) -> Decimal {
            var value = expected
            var result = Decimal()
            NSDecimalRound(&result, &value, 0, mode)
            return result
        }
        guard manual != expected else { return nil }
        if manual == whole(.plain) { return "half up" }
        if manual == whole(.down) { return "down" }
        if manual == whole(.up) { return "up" }
        return nil
    }

    /// The places other than the plan's (0 to 4) that `exact`, the line's figure before rounding,
    /// rounds to `manual` at (half up or half even): a sheet rounding each line to cents under a
    /// plan of whole units, or to whole units under one of cents. Nil when `exact` is not the
    /// figure the plan rounds to `expected` (a cap or gate changed it), or no places give `manual`.
    func otherPlaces(giving manual: Decimal, exact: Decimal, expected: Decimal) -> Int? {
        let rule = context.plan.rounding
        guard manual != expected, rule.level == .line, exact.rounded(places: rule.places, mode: rule.mode) == expected
        else { return nil }
        return (0...4).first { places in
            places != rule.places
                && [.halfUp, .halfEven].contains { exact.rounded(places: places, mode: $0) == manual }
        }
    }

    /// Whether `manual` is this line's commission worked out on the deal's full amount, its split
    /// left out. At a single rate that is the amount at the rate (under the plan's per-deal cap,
    /// which a sheet's `MIN(…)` applies): the plan's rounded figure divided by the split misses
    /// it by more than the tolerance on a small split (1,119.25 ÷ 40% is 2,798.125 where the
    /// sheet's amount × 6% is 2,798.11). Otherwise the plan's figure divided by the split. Under
    /// tiers of several bands the deal's full credit may move the running total into another
    /// band, so no multiple gives the figure: the engine's, with every split ignored, does.
    /// `bonus`: the row's per-deal bonus a commission cell holds (no bonus column), which a
    /// figure worked out on the full amount still adds, at the split or on the full deal.
    func splitIgnored(giving manual: Decimal, expected: Decimal, rates: [Decimal], bonus: Decimal) -> Bool {
        let bonuses = bonus == 0 ? [bonus] : [bonus, bonus / line.split]
        // The line's own rate on the full amount: an override's rate, or the tier's times its multiplier.
        let fullRate: Decimal? =
            switch context.plan.override(of: line)?.effect {
            case nil: rates.count == 1 ? rates[0] : nil
            case .rate(let rate): rate
            case .multiplier(let multiplier): rates.count == 1 ? rates[0] * multiplier : nil
            }
        if let fullRate {
            var full = line.amount * fullRate
            if let cap = context.plan.commission.capPerDeal { full = Swift.min(full, cap) }
            if bonuses.contains(where: { context.matchesComputed(manual, full + $0) }) { return true }
        }
        if context.matchesComputed(manual, expected / line.split) { return true }
        guard context.plan.commission.tiers.bands.count > 1,
            let whole = alternatives.commission(row: line.row, under: .noSplits)
        else { return false }
        return bonuses.contains { context.matches(manual, whole + $0) }
    }

    /// Whether the row's commission formula reads the row's own split cell (`=ROUND(D5*E5*F5,2)`
    /// with the split in E): the sheet applied the split, so a figure that the whole amount at the
    /// plan's rate would also give (10% of half a deal is 5% of all of it) is wrong by its rate,
    /// not by a split left out.
    var formulaReadsSplit: Bool {
        guard let formula = formulas.text(index),
            let column = context.deals.mapping(ofRow: line.row).columns[.split]
        else { return false }
        let split = CellAddress(row: DealsTable.sheetRow(line.row), column: column)
        let chars = Array(formula)
        return FormulaReferences.references(in: chars, sheet: nil).contains { reference in
            !reference.isRange && CellAddress(String(chars[reference.text])) == split
        }
    }

    /// Whether the row's own rate, one the plan does not pay the line, times its credit (its
    /// amount times its split) gives `manual`: the row applied its split, typed or worked out,
    /// so a figure that the whole amount at the plan's rate would also give (a 10% tier on half
    /// a deal the plan pays at 5%) is wrong by its rate, not by a split left out.
    func ownRateGivesFigure(_ manual: Decimal, credit: Decimal, rates: [Decimal], bonus: Decimal) -> Bool {
        guard let rate = manualRate, !rates.isEmpty, !rates.contains(rate) else { return false }
        return context.matchesComputed(manual, credit * rate + bonus)
    }

    /// The row's own rate cell and the rate the plan pays the line, as the sheet writes rates,
    /// when the typed rate is why the figure is wrong: `causes` is a rate's code alone, the
    /// commission a formula, the rate cell a number (a rate stored as text is no number to
    /// write over: which format it should take is not the correction's to guess), and the plan
    /// pays the line one rate, the band's (a line across bands has no single rate of the plan's
    /// to write). Whether the formula then gives the plan's figure is the correction's to check.
    func wrongRateInput(causes: [Cause], cell: ManualCells.Commission) -> WrongInput? {
        guard causes == [.wrongRate] || causes == [.wrongTier], cell.hasFormula,
            case .number? = context.deals.manual[index].rate, let rate = manualRate,
            let rates = engine?.line?.rates, rates.count == 1, rates[0] != rate,
            let column = context.deals.mapping(ofRow: line.row).columns[.rate]
        else { return nil }
        return WrongInput(
            cell: CellAddress(row: DealsTable.sheetRow(line.row), column: column),
            value: .number(rates[0] / context.rateScale))
    }

    func explain(manual: Decimal?, isText: Bool, cell: ManualCells.Commission, expected: Decimal) -> (
        causes: [Cause], explanation: String
    ) {
        let row = line.row
        guard let manual else {
            return ([.unreadable], "\(cell.value.notANumber(subject: nil)); the plan pays \(expected.groupedMoneyText)")
        }
        var causes: [Cause] = []
        var words: [String] = []
        // The row's figures, then the words of each cause found.
        func explained() -> (causes: [Cause], explanation: String) {
            let summary = "manual \(manual.groupedMoneyText), the plan pays \(expected.groupedMoneyText)"
            return (causes, ([summary] + words).joined(separator: "; "))
        }
        if isText {
            causes.append(.textNumber)
            words.append("the number is stored as text (SUM skips it)")
        }
        let anomaly = formulas.anomaly(cell, index: index, row: DealsTable.sheetRow(row))
        if anomaly == .hardcodedFormula {
            causes.append(.hardcodedFormula)
            words.append("a typed value where the column has formulas")
        }
        // A row the plan does not pay (its status is not among `eligible:`) that the sheet pays
        // all the same, a lost deal paid as if won: it should earn nothing, the row is extra. No
        // reading of the plan's rates or tiers is why; the figure is the sheet's own.
        if expected == 0, manual != 0, context.plan.eligibleStatuses != nil, let status = line.status,
            !StatusRule(context.plan).isEligible(status.normalizedKey)
        {
            causes.insert(.extraLine, at: 0)
            words.insert("status '\(status)' is not one the plan pays (eligible:); the row should earn nothing", at: 0)
            if anomaly == .inconsistentFormula {
                causes.append(.inconsistentFormula)
                words.append(formulaUnlikeItsColumn)
            }
            return explained()
        }
        // A row priced on the trusted source's amount: the sheet's figure was worked out on its
        // own, wrong amount, the main cause. Its rate and arithmetic are the sheet's, on its credit.
        let sheetLine = context.sheetLines[index] ?? line
        if sheetLine.amount != line.amount, sheetLine.rep == line.rep {
            causes.append(.amountMismatch)
            words.append(
                "the row's amount \(sheetLine.amount.groupedMoneyText) is not the \(line.amount.groupedMoneyText) "
                    + "\(context.sourceName ?? "the trusted source") books")
        }
        let credit = sheetLine.credit
        let rates = engine?.line?.rates ?? []
        // Without a bonus column the commission cell holds the row's per-deal bonus too.
        let bonusInCommission = context.rowsHoldBonus
        let rowBonus = bonusInCommission ? engine?.bonus ?? 0 : 0
        // The cheap test first: the formula is parsed only for rows the full amount explains.
        if line.split != 1, expected != 0,
            splitIgnored(giving: manual, expected: expected, rates: rates, bonus: rowBonus),
            !formulaReadsSplit, !ownRateGivesFigure(manual, credit: credit, rates: rates, bonus: rowBonus)
        {
            causes.append(.splitNotApplied)
            words.append(
                "commission on the full \(line.amount.groupedMoneyText); the \(line.split.percentText) split ignored")
        }
        // Only lines the engine overrode can have an override left out.
        if !causes.contains(.splitNotApplied), engine?.line != nil, context.plan.overrides(line),
            let amount = alternatives.commission(row: row, under: .noOverrides), amount + rowBonus != expected,
            context.matches(manual, amount + rowBonus)
        {
            causes.append(.overrideNotApplied)
            words.append("the plan's override for this line is not applied")
        }
        // Without a bonus column the commission cell holds the row's per-deal bonus too: a figure
        // short of exactly that bonus left it out (`bonus_missing`); a line without one whose
        // figure is above the plan's by a per-deal bonus (times its split) was paid it anyway
        // (`bonus_not_due`). A reading of the plan is compared with the bonus added.
        if rowBonus != 0, !causes.contains(.splitNotApplied), context.matchesComputed(manual, expected - rowBonus) {
            causes.append(.bonusMissing)
            words.append("the per-deal bonus of \(rowBonus.groupedMoneyText) is left out")
        } else if bonusInCommission, rowBonus == 0, causes.allSatisfy({ $0 == .textNumber }),
            let paid = perDealBonuses.first(where: { context.matchesComputed(manual, expected + $0) })
        {
            causes.append(.bonusNotDue)
            words.append("a per-deal bonus of \(paid.groupedMoneyText) is paid; the line does not qualify for it")
        }
        let readings: [(Alternatives.Reading, Cause, String)] = [
            (
                .flippedMode, .marginalVsRetroactive,
                "tiers applied \(context.plan.commission.tiers.mode == .marginal ? "retroactively" : "marginally")"
            ),
            (
                .perDealOrCumulative, .perDealVsCumulative,
                "tiers chosen by \(context.plan.commission.tiers.basis == .perDeal ? "the running total" : "each deal alone")"
            ),
            (.noDealCap, .capNotApplied, "the plan's per-deal cap is not applied"),
            (.noPeriodCap, .capNotApplied, "the plan's period cap is not applied"),
            (.noCaps, .capNotApplied, "neither of the plan's caps is applied"),
            (.noGate, .gateNotApplied, "the plan's gate is not applied"),
            (
                .otherRoundingMode, .roundingMode,
                "rounded \(context.plan.rounding.mode == .halfUp ? "half-even" : "half-up")"
            ),
        ]
        // A reading of the plan that reproduces the figure is the main cause, ahead of a wrong
        // tier or rate (plan-format.md §7) when the sheet follows it beyond this row; one row that
        // happens to fit both is a typed rate. Re-running the engine is for figures nothing cheaper
        // explains: a split or override left out is its own. A typed value among formulas is typed
        // by some reading too (the figure worked out marginally, the gate forgotten): it says how.
        let bandRates = context.plan.commission.tiers.bands.map(\.rate)
        var rateCause: (code: Cause, text: String)?
        // Whether that rate is another band's inferred from the figure, not the row's rate cell's.
        var bandRateInferred = false
        // The override's multiplier the sheet applies to its own rate (`=ROUND(D5*E5*F5*0.5,2)`):
        // that rate is the one it used, though the figure may also be the credit at another band's
        // rate (5% halved is a 2.5% band's). A reading of the plan that gives the figure still comes
        // first (§7), as it did when such a rate × credit gave no figure at all (`weakRate`).
        let multiplier: Decimal? =
            if case .multiplier(let value)? = context.plan.override(of: line)?.effect, value != 1 { value } else { nil }
        var multipliedOwnRate = false
        if !causes.contains(.overrideNotApplied), let rate = manualRate, !rates.contains(rate),
            let applied = [1, multiplier].compactMap({ $0 }).first(where: {
                context.matchesComputed(manual, credit * rate * $0 + rowBonus)
            })
        {
            let isBand = bandRates.contains(rate)
            multipliedOwnRate = applied != 1
            let times = multipliedOwnRate ? " (× \(applied), the override's multiplier)" : ""
            rateCause = (
                isBand ? .wrongTier : .wrongRate,
                isBand
                    ? "rate \(rate.percentText)\(times) is another tier's rate; the plan pays \(rates.map(\.percentText).joined(separator: " + "))"
                    : "rate \(rate.percentText)\(times) is not the plan's \(rates.map(\.percentText).joined(separator: " + "))"
            )
        } else if !causes.contains(where: { [.overrideNotApplied, .splitNotApplied].contains($0) }),
            // The plan prices the line at a band's rate with the override's multiplier: the credit
            // at another band's rate alone, on a multiplied line, is no tier the sheet chose but
            // a coincidence of two errors at most (a typed 105 for 150, 3,000 at 3.5% where the
            // plan pays 4% × 1.25: fuzz-reconcile seed 13568).
            let rate = bandRates.first(where: {
                !rates.contains($0) && context.matchesComputed(manual, credit * $0 * (multiplier ?? 1) + rowBonus)
            })
        {
            let times = multiplier.map { " (× \($0), the override's multiplier)" } ?? ""
            rateCause = (.wrongTier, "paid at \(rate.percentText)\(times), another tier's rate")
            bandRateInferred = true
        } else if manualRate == nil, causes.isEmpty, credit != 0, rates.count == 1 {
            // No rate column: a figure that is the credit at a commission-like rate of whole
            // hundredths of a percent (6%, 6.25%; from 0.5% to 50%) the plan does not pay was
            // worked out at that rate.
            let rate = ((manual - rowBonus) / credit).rounded(places: 4, mode: .halfUp)
            if Self.inferredRates.contains(rate), !bandRates.contains(rate),
                context.matchesComputed(manual, credit * rate + rowBonus)
            {
                rateCause = (.wrongRate, "paid at \(rate.percentText), not the plan's \(rates[0].percentText)")
            }
        }
        // A rate that is no band's is typed; no reading gives it, so the engine is not re-run for
        // it. But on a line the plan pays at several rates (it crosses a band) a single rate is
        // their blend, often worked out from the commission itself (`=H3/(D3*E3)`), and without a
        // rate column the rate is only inferred, and a rate of more places than anyone types
        // (7.8861269639%) was worked out from the figure itself: then a reading that reproduces
        // the figure is the cause.
        let derivedRate = manualRate.map { $0.rounded(places: 8, mode: .halfUp) != $0 } ?? false
        // A rep's only row has no other row of the rep's to show whether the sheet follows a
        // reading of the plan: a reading that reproduces it is its cause (plan-format.md §7).
        let loneRow = rateCause != nil && alternatives.isRepsOnlyRow(row)
        let weakRate =
            rateCause?.code == .wrongRate
            && (rates.count > 1 || manualRate == nil || derivedRate || loneRow || multipliedOwnRate)
        var reading: (reading: Alternatives.Reading, code: Cause, text: String)?
        // The plan's own figure rounded to other places than the plan's (below), found once. A
        // typed figure so rounded is told without re-pricing: a typed value among formulas is the
        // common case, and a million-row sheet has many.
        let roundedTo =
            rates.count == 1
            ? otherPlaces(giving: manual, exact: credit * rates[0] + rowBonus, expected: expected) : nil
        if causes.allSatisfy({ $0 == .textNumber || $0 == .hardcodedFormula }),
            roundedTo == nil || !causes.contains(.hardcodedFormula), rateCause?.code != .wrongRate || weakRate
        {
            func reproduces(_ item: (Alternatives.Reading, Cause, String)) -> Bool {
                alternatives.commission(row: row, under: item.0).map {
                    $0 + rowBonus != expected && context.matches(manual, $0 + rowBonus)
                }
                    ?? false
            }
            reading = readings.first(where: reproduces)
            // A row two readings reproduce (a period's first deals, in the lowest band both per
            // deal and marginally) takes the one the sheet follows on more of its rows: of the two
            // tier readings, whichever reproduces more; any other reading only over a first that
            // reproduces this row alone (each reading asked re-prices every rep with a difference).
            if let first = reading {
                let count = alternatives.reproduced(under: first.reading)
                let followed = readings.filter { item in
                    item.0 != first.reading
                        && (count <= 1
                            || Alternatives.tierReadings.contains(item.0)
                                && Alternatives.tierReadings.contains(first.reading))
                        && reproduces(item)
                }.max { alternatives.reproduced(under: $0.0) < alternatives.reproduced(under: $1.0) }
                if let followed, alternatives.reproduced(under: followed.0) > count { reading = followed }
            }
        }
        // A band's rate inferred from the figure where the row's rate cell holds another rate (the
        // plan's own for the line, or one that a cap or the override's multiplier brings to the
        // figure: 15% capped, 6% halved) is no typed rate: the sheet shows the rate it used, so a
        // reading that gives the figure (a gate or cap left out, the other tier mode) is its cause.
        let rateCellDisagrees = manualRate != nil && bandRateInferred
        // A retroactive plan's rows each at the band the rep's running total had reached (the
        // sheet applying the tiers as it goes): the other tier mode (§7), though no marginal
        // pricing reproduces a row that crosses a band.
        let runningBand =
            (reading == nil || reading?.code == .marginalVsRetroactive) && rateCause?.code != .wrongRate
            && causes.allSatisfy({ $0 == .textNumber || $0 == .hardcodedFormula })
            && alternatives.runningBandRows.contains(row)
        if runningBand, reading == nil {
            reading = (
                .flippedMode, .marginalVsRetroactive,
                "tiers applied row by row: the row at the band its rep's running total had reached, where the plan's retroactive tiers pay the period's band on every row"
            )
        }
        if let found = reading,
            rateCause == nil || weakRate || loneRow || rateCellDisagrees || multipliedOwnRate || runningBand
                || alternatives.reproduced(under: found.reading) > 1
        {
            causes.append(found.code)
            words.append(found.text)
        } else if let rateCause {
            causes.append(rateCause.code)
            words.append(rateCause.text)
        }
        // A sheet rounding to whole units (`=ROUND(…,0)`, `=INT(…)`, `=ROUNDUP(…,0)`) rounds another way.
        if causes.filter({ $0 != .textNumber }).isEmpty, expected != 0,
            let how = Self.wholeUnitRounding(of: expected, giving: manual)
        {
            causes.append(.roundingMode)
            words.append("rounded to whole units (\(how))")
        }
        if causes.allSatisfy({ $0 == .textNumber || $0 == .hardcodedFormula }), let places = roundedTo {
            causes.append(.roundingMode)
            words.append(
                "rounded to \(places == 0 ? "whole units" : "\(places) place\(places == 1 ? "" : "s")"); "
                    + "the plan rounds to \(context.plan.rounding.places)")
        }
        if let rate = manualRate, !context.matchesComputed(manual, credit * rate + rowBonus),
            causes.allSatisfy({ $0 == .textNumber || $0 == .amountMismatch })
        {
            causes.append(.arithmetic)
            let own = (credit * rate).rounded(places: 2, mode: .halfUp)
            words.append(
                "the row's own rate × credit is \(own.groupedMoneyText)"
                    + (rowBonus == 0 ? "" : ", \((own + rowBonus).groupedMoneyText) with the row's bonus"))
        }
        if context.statement.issues.contains(where: { $0.code == .splitTotal && $0.dealID == line.dealID }) {
            causes.append(.splitTotal)
            words.append("the splits of deal \(line.dealID) do not add up to 100%")
        }
        if anomaly == .inconsistentFormula {
            // A formula unlike its column's that reads another row's cells (`=ROUND(E23*F24,2)` on
            // row 23) is why the row's own rate × credit does not give its figure: the main cause
            // then. One that reads its own row (`=ROUND(D3*E3,2)+15`) is the row's arithmetic.
            let ownRow = DealsTable.sheetRow(row)
            // Another data row: a rate or bonus cell above the header (`$K$1`) is no other row's.
            let headerRow = context.deals.mapping(ofRow: row).headerRow
            let readsOtherRows = formulas.text(index).map { text in
                FormulaForensics.rowSpans(in: text, sheet: nil).contains {
                    !$0.contains(ownRow) && $0.lowerBound > headerRow
                }
            }
            let at = causes == [.arithmetic] && readsOtherRows == true ? 0 : causes.endIndex
            causes.insert(.inconsistentFormula, at: at)
            words.insert(formulaUnlikeItsColumn, at: at == 0 ? 0 : words.endIndex)
        }
        // Text explains no money: beyond the tolerance the cause of the difference comes first.
        if isText, !context.matches(manual, expected) {
            causes.removeFirst()
            words.append(words.removeFirst())
            causes.append(contentsOf: causes.isEmpty ? [.unexplained, .textNumber] : [.textNumber])
        }
        if causes.isEmpty { causes = [.unexplained] }
        return explained()
    }
}
