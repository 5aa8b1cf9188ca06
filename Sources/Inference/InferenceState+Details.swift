import Commission
import Foundation
import Ingest
import Spreadsheet

extension InferenceState {
    // MARK: Bonuses

    /// A per-deal bonus from the Bonus column: one amount × split, on the rows of one product or
    /// type (or every row), whichever condition reproduces the column best.
    mutating func fitBonuses() {
        guard evidence.hasBonusColumn else {
            notEstablished.append(
                "per-deal bonuses: the sheet has no Bonus column (a bonus folded into the commission is not told apart)"
            )
            return
        }
        let paid = observations.filter { ($0.bonus ?? 0) != 0 && $0.line.split != 0 }
        guard let amount = mostCommon(paid.map { ($0.bonus! / $0.line.split).rounded(places: 2, mode: .halfUp) }),
            paid.count >= 2
        else {
            notEstablished.append("per-deal bonuses: the Bonus column pays nothing")
            return
        }
        var conditions: [LineCondition] = [LineCondition()]
        for observation in paid {
            if let product = observation.line.product, !conditions.contains(where: { $0.product == product }) {
                conditions.append(LineCondition(product: product))
            }
            if let type = observation.line.type, !conditions.contains(where: { $0.type == type }) {
                conditions.append(LineCondition(type: type))
            }
        }
        let eligible = observations.filter { observation in
            guard let statuses = plan.eligibleStatuses, let status = observation.line.status else { return true }
            return statuses.contains { $0.normalizedKey == status.normalizedKey }
                || (plan.clawback?.statuses.contains { $0.normalizedKey == status.normalizedKey } ?? false)
        }
        let halfCent = Decimal(string: "0.005")!
        func fitted(_ condition: LineCondition) -> Int {
            eligible.filter { observation in
                let due = condition.matches(observation.line) ? amount * observation.line.split : 0
                return abs(due - (observation.bonus ?? 0)) <= halfCent
            }.count
        }
        let ranked = conditions.map { ($0, fitted($0)) }.sorted { $0.1 > $1.1 }
        let (condition, count) = ranked[0]
        plan.bonuses.append(Bonus(name: "Per-deal bonus", kind: .perDeal(amount: amount, when: condition)))
        established.insert("bonuses")
        let rows = observations.count
        note(
            "bonuses",
            "\(count) of \(rows) rows' Bonus cells are \(amount.groupedMoneyText) × split on \(words(condition)) and nothing elsewhere"
        )
        if ranked.count > 1, ranked[1].1 == count {
            ambiguities.append(
                "per-deal bonus: paying it on \(words(condition)) and on \(words(ranked[1].0)) fit equally; a row in one but not the other would decide"
            )
        }
    }

    // MARK: Rounding, currency, splits

    /// The level from the figures (unrounded figures: rounded once per period); the places from
    /// `ROUND(…, n)`; the mode from the rows that fall on half a cent, run through the engine.
    mutating func fitRounding() {
        let figures = observations.compactMap(\.commission)
        let unrounded = figures.filter { $0 != $0.rounded(places: 2, mode: .halfUp) }.count
        if unrounded >= 2 && unrounded * 20 >= figures.count {
            plan.rounding.level = .period
            established.insert("rounding")
            note(
                "rounding",
                "\(unrounded) of \(figures.count) commission figures carry more than two decimals: lines are not rounded, each rep-period total is"
            )
        } else if let places = clues.roundPlaces {
            plan.rounding.places = places.places
            note(
                "rounding",
                "ROUND(…, \(places.places)) in \(places.formulas) of \(clues.formulaCount) commission formulas")
        }
        if clues.roundPlaces == nil, let unusable = clues.unusableRound {
            // Named at the workbook's cell: the plan has no line for it, as the places are not read.
            let row = evidence.rowLabel(unusable.row)
            let cell =
                unusable.column.map { column in
                    let address = "\(CellAddress.columnName(column))\(DealsTable.sheetRow(unusable.row))"
                    return (evidence.sheetName(ofRow: unusable.row) ?? evidence.sheet).map {
                        "\(Location.quotedSheetName($0))!\(address)"
                    } ?? address
                } ?? "row \(row)"
            let others = unusable.formulas > 1 ? " (and \(unusable.formulas - 1) other commission formulas)" : ""
            notEstablished.append(
                "rounding places: ROUND(…, \(unusable.places)) in \(cell)\(others) asks for places no plan states (whole places from \(RoundingRule.placesRange.lowerBound) to \(RoundingRule.placesRange.upperBound)); not read (the default 2 places apply)"
            )
        }
        // One run with lines left exact; each rounding mode is then applied to the same figures.
        var exact = plan
        exact.rounding.level = .period
        guard let figures = try? RowFigures(plan: exact, roster: roster, evidence: evidence) else { return }
        let places = plan.rounding.places
        let level = plan.rounding.level
        var rounded = figures
        if level == .line {
            rounded.commission = figures.commission.mapValues { $0.rounded(places: places, mode: .halfUp) }
            rounded.bonus = figures.bonus.mapValues { $0.rounded(places: places, mode: .halfUp) }
        }
        let up = FitReport.compare(rounded, evidence: evidence).reproduced
        // Only figures on half a cent round differently: compare the other mode on those rows alone.
        var even = up
        if level == .line {
            let ties = Set(
                figures.commission.filter {
                    $0.value.rounded(places: places, mode: .halfEven) != rounded.commission[$0.key]
                }
                .keys)
            let tied = WorkbookEvidence(
                file: evidence.file, sheet: evidence.sheet,
                observations: evidence.observations.filter { ties.contains($0.line.row) },
                hasBonusColumn: evidence.hasBonusColumn, hasCommissionColumn: true)
            var halfEven = figures
            halfEven.commission = figures.commission.filter { ties.contains($0.key) }.mapValues {
                $0.rounded(places: places, mode: .halfEven)
            }
            halfEven.bonus = figures.bonus.filter { ties.contains($0.key) }.mapValues {
                $0.rounded(places: places, mode: .halfEven)
            }
            even =
                up - FitReport.compare(rounded, evidence: tied).reproduced
                + FitReport.compare(halfEven, evidence: tied).reproduced
        }
        if even > up {
            plan.rounding.mode = .halfEven
            established.insert("rounding")
            note("rounding", "half_even reproduces \(even - up) rows more than half_up (lines on half a cent)")
        } else if up > even {
            established.insert("rounding")
            note("rounding", "half_up reproduces \(up - even) rows more than half_even (lines on half a cent)")
        } else if clues.roundPlaces != nil && plan.rounding.level == .line {
            established.insert("rounding")
            note("rounding", "no line falls on half a cent; Excel's ROUND rounds half up")
        } else {
            notEstablished.append(
                "rounding mode: no line falls on half a cent and no formula says; half_up and half_even reproduce the same \(up) rows (the default half_up applies)"
            )
        }
        let mode = plan.rounding.mode
        rowFigures = rounded
        if mode == .halfEven {
            rowFigures?.commission = figures.commission.mapValues { $0.rounded(places: places, mode: mode) }
        }
        reproducedSoFar = level == .line ? max(up, even) : up
    }

    mutating func readCurrency() {
        guard let currency = clues.currency else {
            notEstablished.append("currency: no currency symbol or code in the commission cells' number formats")
            return
        }
        plan.currency = currency.code
        established.insert("currency")
        note("currency", currency.words)
    }

    /// How split rows are paid: the engine pays amount × split; this says whether the sheet did.
    mutating func readSplits(fit: FitReport) {
        let splitRows = observations.filter { $0.line.split != 1 && $0.commission != nil }
        guard !splitRows.isEmpty else { return }
        let missed = Set(fit.misses.map(\.row))
        let followed = splitRows.filter { !missed.contains($0.line.row) }.count
        note(
            "splits", "\(splitRows.count) rows carry a split below 100%; \(followed) of them are paid on amount × split"
        )
    }

    private func words(_ condition: LineCondition) -> String {
        if let product = condition.product { return "rows with product \(product)" }
        if let type = condition.type { return "rows with type \(type)" }
        return "every line"
    }

    func mostCommon(_ values: [Decimal]) -> Decimal? {
        var counts: [Decimal: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
