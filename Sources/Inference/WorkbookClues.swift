import Commission
import Formula
import Foundation
import Ingest

/// What the workbook's words and formats say, apart from its figures: the period its summary
/// groups by, the rounding its formulas ask for, caps written into formulas, the currency.
struct WorkbookClues {
    var period: PeriodKind?
    var fiscalYearStart: Int?
    var periodWords: String?
    /// `ROUND(…, n)` places in the commission formulas, with how many formulas say so.
    var roundPlaces: (places: Int, formulas: Int)?
    /// `ROUND(…, n)` with places no plan states (`40`, `-2`): the first such formula's places as
    /// written and its row (a row key) and column, and how many commission formulas have such.
    var unusableRound: (places: String, row: Int, column: Int?, formulas: Int)?
    var formulaCount = 0
    /// Literal bounds of `MIN(…)` in the commission formulas, with how many formulas carry each.
    var capsInFormulas: [(cap: Decimal, formulas: Int)] = []
    /// Positive literal bounds of `MAX(…)` in the commission formulas (a per-line floor).
    var floorsInFormulas: [(floor: Decimal, formulas: Int)] = []
    /// Literal numbers the commission formulas compare with (a threshold: `IF(D2>=50000,…)`),
    /// with how many formulas carry each.
    var thresholdsInFormulas: [(value: Decimal, formulas: Int)] = []
    var currency: (code: String, words: String)?
    /// Deals rows a summary subtracts (`-Deals!L36`, `-(Deals!K7+Deals!L7)`): clawed back.
    var subtractedRows: Set<Int> = []

    init(_ evidence: WorkbookEvidence) {
        readPeriod(evidence)
        var places: [Int: Int] = [:]
        var caps: [Decimal: Int] = [:]
        var floors: [Decimal: Int] = [:]
        var compared: [Decimal: Int] = [:]
        var shapes:
            [String: (
                places: Set<Int>, unusable: String?, caps: Set<Decimal>, floors: Set<Decimal>, compared: Set<Decimal>
            )] = [:]
        for observation in evidence.observations {
            guard let formula = observation.formula else { continue }
            formulaCount += 1
            // A column of formulas repeats one shape: read each text once.
            let key = FormulaText.shape(formula)
            func noteUnusable(_ places: String?) {
                guard let places else { return }
                let count = (unusableRound?.formulas ?? 0) + 1
                unusableRound =
                    unusableRound.map { ($0.places, $0.row, $0.column, count) }
                    ?? (places, observation.line.row, observation.commissionColumn, count)
            }
            if let known = shapes[key] {
                noteUnusable(known.unusable)
                for found in known.places { places[found, default: 0] += 1 }
                for bound in known.caps { caps[bound, default: 0] += 1 }
                for bound in known.floors { floors[bound, default: 0] += 1 }
                for value in known.compared { compared[value, default: 0] += 1 }
                continue
            }
            let literals = FormulaText.roundPlaceLiterals(in: formula)
            let found = (
                places: Set(literals.compactMap(\.places)), unusable: literals.first { $0.places == nil }?.text,
                caps: Set(FormulaText.literalBounds(of: "MIN", in: formula).filter { $0 > 0 }),
                floors: Set(FormulaText.literalBounds(of: "MAX", in: formula).filter { $0 > 0 }),
                compared: Set(FormulaText.comparedLiterals(in: formula))
            )
            if shapes.count < 10_000 { shapes[key] = found }
            noteUnusable(found.unusable)
            for place in found.places { places[place, default: 0] += 1 }
            for bound in found.caps { caps[bound, default: 0] += 1 }
            for bound in found.floors { floors[bound, default: 0] += 1 }
            for value in found.compared { compared[value, default: 0] += 1 }
        }
        // Ties go to the smaller number: the same bytes every run, whatever a dictionary's order.
        if let top = places.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { roundPlaces = (top.key, top.value) }
        capsInFormulas = caps.map { ($0.key, $0.value) }.sorted { ($0.formulas, $1.cap) > ($1.formulas, $0.cap) }
        floorsInFormulas = floors.map { ($0.key, $0.value) }.sorted {
            ($0.formulas, $1.floor) > ($1.formulas, $0.floor)
        }
        thresholdsInFormulas = compared.map { ($0.key, $0.value) }.sorted {
            ($0.formulas, $1.value) > ($1.formulas, $0.value)
        }
        currency = Self.currency(evidence)
        let dealsSheets = evidence.sheets.isEmpty ? [evidence.sheet].compactMap { $0 } : evidence.sheets
        for (ordinal, sheet) in dealsSheets.enumerated() {
            for other in evidence.otherSheets {
                for formula in other.formulas where formula.hasPrefix("-") {
                    subtractedRows.formUnion(
                        FormulaReferences.singleCellRows(in: formula, sheet: sheet).map {
                            DealsTable.rowKey(sheet: ordinal, row: $0)
                        })
                }
            }
        }
    }

    /// Votes from the summary's date ranges (`DATE(2026,7,1)` to `DATE(2026,9,30)`), its period
    /// labels (`2026-Q3`, `2026-07`) and the sheets' names (`Q3`).
    private mutating func readPeriod(_ evidence: WorkbookEvidence) {
        var votes: [PeriodKind: Int] = [:]
        var starts: [Int: Int] = [:]
        var ranges = 0
        var labels = 0
        var example: (sheet: String, label: String)?
        for sheet in evidence.otherSheets {
            for formula in sheet.formulas {
                let dates = FormulaText.dates(in: formula)
                for pair in zip(dates, dates.dropFirst()) where pair.1 > pair.0 {
                    let days = pair.0.days(to: pair.1) + 1
                    let kind: PeriodKind? =
                        (28...31).contains(days)
                        ? .month
                        : (89...92).contains(days)
                            ? .quarter
                            : (365...366).contains(days) ? .year : nil
                    if let kind {
                        votes[kind, default: 0] += 1
                        ranges += 1
                        if kind != .month {
                            starts[(pair.0.month - 1) % (kind == .quarter ? 3 : 12) + 1, default: 0] += 1
                        }
                    }
                }
            }
            for text in sheet.texts {
                if let kind = Self.periodLabel(text) {
                    votes[kind, default: 0] += 1
                    labels += 1
                    if example == nil { example = (sheet.name, text) }
                }
            }
        }
        let names = ([evidence.sheet].compactMap { $0 } + evidence.otherSheets.map(\.name)).filter {
            $0.range(of: #"\bQ[1-4]\b"#, options: .regularExpression) != nil
        }
        if votes.isEmpty, let name = names.first {
            period = .quarter
            periodWords = "the sheet name '\(name)' names a quarter"
            return
        }
        guard let top = votes.max(by: { ($0.value, $0.key.periodsPerYear) < ($1.value, $1.key.periodsPerYear) }) else {
            return
        }
        period = top.key
        var reasons: [String] = []
        if ranges > 0 {
            reasons.append("the summary's SUMIFS date ranges span one \(top.key.rawValue) (\(ranges) ranges)")
        }
        if let example {
            reasons.append("sheet '\(example.sheet)' labels \(labels) rows by period, such as \(example.label)")
        }
        periodWords = reasons.joined(separator: "; ")
        if let start = starts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key, start != 1, top.key != .month {
            fiscalYearStart = start
        }
        // A row's label names the fiscal period its date range is (`2025-Q4` over April to June:
        // a fiscal year starting in July); that pins the start where the range alone gives it modulo 3.
        if top.key != .month, let (start, rows) = Self.labelledStart(evidence, kind: top.key) {
            fiscalYearStart = start == 1 ? nil : start
            reasons.append(
                "\(rows) rows' labels name the fiscal \(top.key.rawValue) their date ranges span: the fiscal year starts in month \(start)"
            )
            periodWords = reasons.joined(separator: "; ")
        }
    }

    /// The fiscal year start under which the period labels of other sheets' rows name the date
    /// ranges of the same rows' formulas (`2025-Q4` beside `DATE(2026,4,1)`…`DATE(2026,6,30)`, and
    /// the labels people write, read as reconcile reads them: `FY2027 Q1` beside April to June, a
    /// fiscal year named by its last calendar year), with how many rows agree; nil when no row
    /// carries both.
    static func labelledStart(_ evidence: WorkbookEvidence, kind: PeriodKind) -> (start: Int, rows: Int)? {
        var votes: [Int: Int] = [:]
        for sheet in evidence.otherSheets {
            for row in sheet.rows {
                // Every text that reads as a period (a rep named `May Chen` reads as May, and names
                // no quarter).
                let labels = row.compactMap { cell -> PeriodLabel? in
                    guard case .text(let text) = cell.value else { return nil }
                    return PeriodLabel(text)
                }
                guard !labels.isEmpty else { continue }
                let firsts = row.compactMap(\.formula).compactMap { formula -> LocalDate? in
                    let dates = FormulaText.dates(in: formula)
                    return zip(dates, dates.dropFirst()).first { $0.1 > $0.0 }?.0
                }
                guard let first = firsts.first else { continue }
                for start in 1...12 {
                    // The period of this kind the range starts, under this start: the label names it
                    // only if it is the one period the label can name.
                    let ranged = Period(containing: first, kind: kind, fiscalYearStart: start)
                    guard ranged.start == first,
                        labels.contains(where: {
                            $0.period(kind: kind, fiscalYearStart: start, among: [ranged]) == ranged
                        })
                    else { continue }
                    votes[start, default: 0] += 1
                }
            }
        }
        // A label that names the period under several starts (`Q1 2026` over January to March
        // under any start a year apart) tells none of them apart.
        guard let top = votes.values.max(), votes.values.filter({ $0 == top }).count == 1 else { return nil }
        return votes.first { $0.value == top }.map { ($0.key, $0.value) }
    }

    /// `2026-Q3` → quarter, `2026-07` → month, `FY2026` and `2026` (the engine's own year label) → year.
    static func periodLabel(_ text: String) -> PeriodKind? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.range(of: #"^(19|20|21)\d{2}$"#, options: .regularExpression) != nil { return .year }
        if trimmed.range(of: #"^\d{4}-Q[1-4]$"#, options: .regularExpression) != nil { return .quarter }
        if trimmed.range(of: #"^\d{4}-(0[1-9]|1[0-2])$"#, options: .regularExpression) != nil { return .month }
        if trimmed.range(of: #"^FY ?\d{4}$"#, options: .regularExpression) != nil { return .year }
        return nil
    }

    /// The currency the commission cells are shown in: a symbol or code in their number format.
    static func currency(_ evidence: WorkbookEvidence) -> (code: String, words: String)? {
        var counts: [String: (Int, String)] = [:]
        let symbols: [(String, String)] = [
            ("[$€", "EUR"), ("€", "EUR"), ("[$£", "GBP"), ("£", "GBP"), ("[$USD", "USD"), ("\"$\"", "USD"),
            ("[$$", "USD"), ("$", "USD"), ("EUR", "EUR"), ("GBP", "GBP"), ("USD", "USD"), ("CHF", "CHF"),
            ("¥", "JPY"),
        ]
        for observation in evidence.observations.prefix(5000) {
            guard let format = observation.numberFormat else { continue }
            // `$` also anchors nothing in number formats; `"$"` or a bare `$` before digits is the dollar.
            if let (mark, code) = symbols.first(where: { format.contains($0.0) }) {
                counts[code, default: (0, mark)].0 += 1
                counts[code]!.1 = format
            }
        }
        guard let top = counts.max(by: { ($0.value.0, $1.key) < ($1.value.0, $0.key) }) else { return nil }
        return (top.key, "number format \(top.value.1) on \(top.value.0) commission cells")
    }
}
