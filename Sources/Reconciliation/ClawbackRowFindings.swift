import Commission
import Foundation
import Ingest
import Primitives
import Spreadsheet

/// Clawbacks kept as rows of the deals sheet (`ClawbackRow`: the deal's id and rep again, a
/// clawback status, no amount, a negative commission), compared with the engine's clawback of the
/// deal they name (plan-format.md 3.9; docs/layouts.md, "Clawbacks kept as rows"):
///
/// - a row whose commission is not the engine's clawback of that deal and rep: `clawback_missed`
///   when it takes back less than is due (or the plan claws back nothing: `unexplained`, and more
///   than is due: `unexplained`), at the row's commission cell, expected the engine's clawback;
/// - a clawback the plan makes that no row takes back, when the sheet keeps its clawbacks as rows:
///   `clawback_missed` at the deal's own row (its cancel date, else its status or deal id cell),
///   expected the clawback, the sheet's 0 paid wrong. The cell is where the reason stands, not
///   the figure: it is reported, never overwritten (`isInput`), and a correction adds the row;
/// - a row whose deal the workbook has no row of: `unreadable` (nothing to claw back from).
enum ClawbackRowFindings {
    static func compute(_ context: RowContext) -> [Finding] {
        let rows = context.deals.clawbackRows
        guard !rows.isEmpty else { return [] }
        let lines = context.deals.lines
        let repNames = RepNames(context.roster)
        let dealKey = DealKeys([lines.lazy.map(\.dealID), rows.lazy.map(\.dealID)])
        var linesOfDeal: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() { linesOfDeal[dealKey(line.dealID), default: []].append(index) }
        var takenBack: Set<Int> = []
        var findings: [Finding] = []
        for clawback in rows {
            let (sheet, sheetRow) = context.place(clawback.row)
            let cell = CellAddress(row: sheetRow, column: clawback.commission.column)
            let ofDeal = linesOfDeal[dealKey(clawback.dealID)] ?? []
            // A row whose one commission takes a split deal back from all its reps is theirs together.
            let reps = Set(([clawback.rep] + clawback.otherReps).map(repNames.id))
            let ofRep = ofDeal.filter { reps.contains(repNames.id(lines[$0].rep)) }
            guard !ofRep.isEmpty else {
                let why =
                    ofDeal.isEmpty
                    ? "no deal row of the workbook is deal \(clawback.dealID)"
                    : "deal \(clawback.dealID)'s rows credit other reps than \(clawback.rep)"
                var finding = Finding(
                    sheet: sheet, cell: cell, dealID: clawback.dealID, rep: clawback.rep, period: nil,
                    manual: clawback.amount, manualText: nil, expected: clawback.amount, causes: [.unreadable],
                    explanation:
                        "a clawback row ('\(clawback.status)'), but \(why): there is nothing to claw back from, so it cannot be checked",
                    isDerived: false)
                finding.isInput = true
                findings.append(finding)
                continue
            }
            let due = ofRep.compactMap { context.clawbacks[lines[$0].row] }
            takenBack.formUnion(ofRep.map { lines[$0].row })
            let expected = due.reduce(Decimal(0)) { $0 + $1.amount }
            if clawback.amount == expected { continue }
            var finding = Finding(
                sheet: sheet, cell: cell, dealID: clawback.dealID, rep: due.first?.rep ?? clawback.rep,
                period: due.first?.period, manual: clawback.amount, manualText: nil, expected: expected,
                causes: [.unexplained], explanation: "", isDerived: false)
            let owed = (-expected).groupedMoneyText
            if context.matches(clawback.amount, expected) {
                finding.causes = [.rounding]
                finding.explanation = "within the plan's tolerance of \(context.plan.tolerance.moneyText)"
            } else if due.isEmpty {
                finding.explanation =
                    "the sheet claws back \((-clawback.amount).groupedMoneyText) of deal \(clawback.dealID), but the plan claws back nothing of it (its status and cancel date on its own row decide)"
            } else if clawback.amount > expected {
                finding.causes = [.clawbackMissed]
                finding.explanation =
                    "the sheet claws back \((-clawback.amount).groupedMoneyText) of deal \(clawback.dealID); the plan claws back \(owed), what the deal was paid"
            } else {
                finding.explanation =
                    "the sheet claws back \((-clawback.amount).groupedMoneyText) of deal \(clawback.dealID), more than the \(owed) it was paid"
            }
            findings.append(finding)
        }
        // A clawback no row takes back, on a sheet that keeps its clawbacks as rows.
        for line in lines where !takenBack.contains(line.row) {
            guard let due = context.clawbacks[line.row] else { continue }
            let (sheet, sheetRow) = context.place(line.row)
            let columns = context.deals.mapping(ofRow: line.row).columns
            let column = columns[.cancelDate] ?? columns[.status] ?? columns[.dealID] ?? 1
            var finding = Finding(
                sheet: sheet, cell: CellAddress(row: sheetRow, column: column), dealID: line.dealID, rep: due.rep,
                period: due.period, manual: 0, manualText: nil, expected: due.amount, causes: [.clawbackMissed],
                explanation:
                    "deal \(line.dealID) was cancelled\(line.cancelDate.map { " on \($0)" } ?? ""): the plan claws back \((-due.amount).groupedMoneyText) in \(due.period), and no clawback row takes it back; add one",
                isDerived: false)
            finding.isInput = true
            findings.append(finding)
        }
        return findings
    }
}

/// Rows with a clawback status and their own negative amount (`ClawbackRow.isAlsoALine`), which
/// the reader keeps both as clawback rows and as lines: a row of a deal (and rep) the workbook
/// holds another row of takes that deal's commission back by hand, and is no line; a row of a
/// deal it holds no other row of is a credit note (plan-format.md 1.1), a line the engine prices
/// like any other, and no clawback row.
///
/// A row that is by its own fields the contract's cancelled line (its plan status and its own
/// close and cancel dates: `ClawbackRow.isCancelledLineUnlessMirrored`) takes another row's
/// commission back only as its mirror: a row of the same deal and rep, of the same close date,
/// whose amount is the row's negated (a team copying the deal row to reverse it). Any other such
/// row is a line, clawed back by the engine (plan-format.md §9; fuzz seed 4652: a cancelled line
/// of a deal beside the deal's earlier won row, of another date and amount).
enum CreditNotes {
    /// Leaves each such row of `deals` either among its lines or among its clawback rows; reps
    /// are compared as `roster` names them.
    static func separate(_ deals: inout DealsTable, roster: [RosterEntry]) {
        let rowsOfBoth = Set(deals.clawbackRows.filter(\.isAlsoALine).map(\.row))
        guard !rowsOfBoth.isEmpty else { return }
        let repNames = RepNames(roster)
        let dealKey = DealKeys([deals.lines.lazy.map(\.dealID), deals.clawbackRows.lazy.map(\.dealID)])
        struct DealOfRep: Hashable {
            let deal: String
            let rep: String
        }
        struct Mirror: Hashable {
            let deal: DealOfRep
            let date: LocalDate
            let amount: Decimal
        }
        let mirrored = Set(deals.clawbackRows.filter(\.isCancelledLineUnlessMirrored).map(\.row))
        var held = Set<DealOfRep>()
        var heldRows = Set<Mirror>()
        var mirrors: [Int: Mirror] = [:]
        for line in deals.lines {
            let deal = DealOfRep(deal: dealKey(line.dealID), rep: repNames.id(line.rep))
            if mirrored.contains(line.row) {
                mirrors[line.row] = Mirror(deal: deal, date: line.date, amount: -line.amount)
            } else if !rowsOfBoth.contains(line.row) {
                held.insert(deal)
                if !mirrored.isEmpty { heldRows.insert(Mirror(deal: deal, date: line.date, amount: line.amount)) }
            }
        }
        var clawbacks = Set<Int>()
        deals.clawbackRows.removeAll { row in
            guard row.isAlsoALine else { return false }
            if let mirror = mirrors[row.row] {
                guard heldRows.contains(mirror) else { return true }
                clawbacks.insert(row.row)
                return false
            }
            if held.contains(DealOfRep(deal: dealKey(row.dealID), rep: repNames.id(row.rep))) {
                clawbacks.insert(row.row)
                return false
            }
            return true
        }
        guard !clawbacks.isEmpty else { return }
        deals.lines.removeAll { clawbacks.contains($0.row) }
        deals.manual.removeAll { clawbacks.contains($0.row) }
    }
}
