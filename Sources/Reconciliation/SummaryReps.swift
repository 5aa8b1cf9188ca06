import Commission
import Foundation
import Ingest
import Spreadsheet

/// Who a summary's rows name, and what is said of a row naming no one (plan-format.md §7: no row
/// is dropped in silence).
///
/// A row names a rep of the run by id, name, alias or a form of the name (`RepIdentity.identify`:
/// `Ana`, `A. Lima`), else by a misspelling of exactly one rep's name (`Ana Lina` for Ana Lima,
/// `RepIdentity.misspelled`), read as hers only where no other row of the sheet names her for
/// the period. A row naming no one is never left out in silence: with a figure, or where the
/// sheet has no row of a rep the plan pays in its period, it is a `wrong_rep` finding (the plan
/// pays no one so named), or an `unreadable` one when it may name several (`Ben` for Ben Okafor
/// and Ben Silva); else the note says it.
struct SummaryReps {
    /// A rep as a row names her.
    struct Named: Hashable {
        /// Her key in compared form, as the engine's totals are keyed.
        let key: String
        /// Her id as the roster (or the statement) writes it.
        let id: String
        /// Whether the row misspells her name.
        let misspelled: Bool
    }

    private let roster: [RosterEntry]
    /// The run's reps' ids by key: the roster's, then the statement's.
    private let ids: [String: String]
    /// The reps' keys by their names' keys.
    private let names: [String: String]
    /// The roster's names by key, for the report.
    private let displayNames: [String: String]
    private var named: [String: Named?] = [:]

    init(statement: Statement, roster: [RosterEntry]) {
        self.roster = roster
        var ids: [String: String] = [:]
        var names: [String: String] = [:]
        var displayNames: [String: String] = [:]
        for rep in roster {
            ids[rep.id.normalizedKey] = rep.id
            if let name = rep.name { displayNames[rep.id.normalizedKey] = name }
        }
        for total in statement.reps {
            ids[total.rep.normalizedKey] = total.rep
            if let name = total.name {
                names[name.normalizedKey] = total.rep.normalizedKey
                displayNames[total.rep.normalizedKey] = name
            }
        }
        self.ids = ids
        self.names = names
        self.displayNames = displayNames
    }

    /// The rep `text` names; nil when it names no one of the run.
    mutating func rep(_ text: String) -> Named? {
        if let known = named[text] { return known }
        let key = text.normalizedKey
        var found: Named?
        if let id = ids[key] {
            found = Named(key: key, id: id, misspelled: false)
        } else if let rep = names[key] ?? RepIdentity.identify(text, roster: roster)?.id.normalizedKey {
            found = Named(key: rep, id: ids[rep] ?? rep, misspelled: false)
        } else if let rep = RepIdentity.misspelled(text, roster: roster) {
            found = Named(key: rep.id.normalizedKey, id: rep.id, misspelled: true)
        }
        named[text] = found
        return found
    }

    /// The key a deal line's rep (an id or a name of the roster, as `RepIdentity.resolve` leaves
    /// it) is totalled under.
    func key(ofLine rep: String) -> String {
        let key = rep.normalizedKey
        return ids[key] != nil ? key : names[key] ?? key
    }

    /// `Ana Lima (R-101)`, or the id alone when the run has no name for it.
    func described(_ key: String) -> String {
        let id = ids[key] ?? key
        return displayNames[key].map { "\($0) (\(id))" } ?? id
    }

    /// The rep's name as the roster (or the statement) writes it; nil when the run has none.
    func name(_ key: String) -> String? { displayNames[key] }

    /// The reps `text` may stand for, as the report names them (`RepIdentity.near`).
    func near(_ text: String) -> [String] {
        RepIdentity.near(text, roster: roster).map { described($0.id.normalizedKey) }
    }

    /// Whether `text` names a team of the roster (`West`): a team's row on a summary is no rep's.
    func isTeam(_ text: String) -> Bool {
        let folded = RepIdentity.fold(text)
        return !folded.isEmpty && roster.contains { $0.team.map(RepIdentity.fold) == folded }
    }
}

/// A rep the plan pays in a period that a summary has no row for.
struct RepLeftOut {
    /// The rep's key and how the report names her (`Ana Lima (R-101)`).
    let key: String
    let rep: String
    let period: Period
    let figure: SummaryField
    let amount: Decimal

    var text: String { "\(rep), whom the plan pays \(amount.groupedMoneyText) (\(figure.rawValue)) in \(period)" }
}

extension SummaryFindings {
    /// The rows of `sheet` whose rep is no one of the run (`SummaryReps`), each with the period
    /// it names: a `wrong_rep` finding at its first figure (payable, earned, then commission)
    /// when that figure is not 0, or when the sheet has no row for a rep the plan pays in that
    /// period (`leftOut`, named in it); else a note. Rows naming a team of the roster are said
    /// in a note. Returns the findings, the notes and the reps left out the findings name.
    static func unmatched(
        _ rows: [(row: SummaryRow, period: Period)], sheet: String, leftOut: [Period: [RepLeftOut]],
        isTeam: (String) -> Bool, near: (String) -> [String]
    ) -> (findings: [Finding], notes: [String], named: Set<RepPeriod>) {
        var findings: [Finding] = []
        var notes: [String] = []
        var named: Set<RepPeriod> = []
        for (row, period) in rows {
            if isTeam(row.rep) {
                if !notes.contains(where: { $0.hasPrefix("row \(row.row) ") }) {
                    notes.append("row \(row.row) is team '\(row.rep)', not compared")
                }
                continue
            }
            let order: [SummaryField] = [.payable, .earned, .commission]
            let fields = order + SummaryField.figures.filter { !order.contains($0) }
            let figures = fields.compactMap { field in
                row.cells[field].flatMap { cell in Decimal.fromCell(cell.value).number.map { (field, cell, $0) } }
            }
            let missing = leftOut[period] ?? []
            guard let (field, cell, manual) = figures.first, manual != 0 || !missing.isEmpty else {
                if !notes.contains(where: { $0.hasPrefix("row \(row.row) ") }) {
                    notes.append("row \(row.row) names '\(row.rep)', no one on the roster; its figures are 0")
                }
                continue
            }
            let several = near(row.rep)
            guard several.count < 2 else {
                // Which rep's figure it is cannot be told: it is no money paid to no one.
                findings.append(
                    Finding(
                        sheet: sheet, cell: CellAddress(row: row.row, column: cell.column), dealID: nil, rep: row.rep,
                        period: period, manual: manual, manualText: nil, expected: manual, causes: [.unreadable],
                        explanation: "\(field.rawValue) \(manual.groupedMoneyText); rep '\(row.rep)' may be any of "
                            + several.joined(separator: ", ")
                            + ": the row is compared with no one's until it names one",
                        isDerived: false))
                continue
            }
            var words = ["rep '\(row.rep)' matches no one on the roster: the plan pays no one so named"]
            if let only = several.first {
                // A misspelling of a rep another row names for the period.
                words[0] += " (\(only), whose name it is nearest, has a row of its own)"
            }
            if !missing.isEmpty {
                words.append(
                    "the sheet has no row for " + missing.map(\.text).joined(separator: ", ")
                        + (missing.count == 1
                            ? ", which this row may stand for" : ", one of whom this row may stand for"))
                named.formUnion(missing.map { RepPeriod(rep: $0.key, period: $0.period) })
            }
            findings.append(
                Finding(
                    sheet: sheet, cell: CellAddress(row: row.row, column: cell.column), dealID: nil, rep: row.rep,
                    period: period, manual: manual, manualText: nil, expected: 0, causes: [.wrongRep],
                    explanation: "\(field.rawValue) \(manual.groupedMoneyText); " + words.joined(separator: "; "),
                    isDerived: false))
        }
        return (findings, notes, named)
    }
}
