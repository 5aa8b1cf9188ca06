import Commission
import Formula
import Foundation
import Ingest
import Spreadsheet

/// A summary sheet's own totals: a row labelled as a total under its reps (`Total`, `Gesamt`,
/// `Ana Lima Total`), and in a cross-tab a column headed as one beside its periods (`Total`,
/// `Q1 Total`). Each total cell stands for figure cells of the sheet — the rows since the
/// previous total row (every row above, for a total right under another), the columns since
/// the previous total column (every column left of it, likewise) — and must add up what the
/// plan gives them, whatever its own formula covers.
enum SummaryTotals {
    /// A cell that totals figure cells of its sheet.
    struct Total {
        /// The total's label: the row's (`Total`) or the column's header (`Q1 Total`).
        let label: String
        let address: CellAddress
        let cell: Cell
        /// The figure cells it stands for.
        let members: [CellAddress]
    }

    /// Whose figure a cell of the summary is: a rep's, of a period.
    struct Owner: Equatable {
        let rep: String
        let period: Period
    }

    /// Whether a column header names a total of the periods beside it: total words alone or with
    /// a period (`Total`, `Q1 Total`, `Gesamt 2026`, `YTD Total`), not a total of something else
    /// (`Total Quota`, `Total Deals`).
    static func isTotalHeader(_ text: String) -> Bool {
        guard TotalRow.label(of: .text(text)) != nil else { return false }
        let rest = FoldedWords.of(text).filter { !totalWords.contains($0) }
        return rest.isEmpty || rest.allSatisfy(yearWords.contains)
            || PeriodLabel(rest.joined(separator: " ")) != nil
    }

    /// Total words as single folded words (`grand total` gives `grand` and `total`).
    private static let totalWords = Set(
        (HeaderSynonyms.totalWords + HeaderSynonyms.totalSuffixes).flatMap { FoldedWords.of($0) })

    /// Words a total of the year's periods may carry instead of a period (`YTD Total`).
    private static let yearWords: Set<String> = [
        "ytd", "fy", "year", "annual", "ano", "anual", "jahr", "anno", "annee",
    ]

    /// The totals a sheet lays out around its figure cells `members`: for each of `totalRows`
    /// and `totalColumns` (position and label), its cells among `cells`.
    static func lay(
        members: [CellAddress], totalRows: [(row: Int, label: String)], totalColumns: [(column: Int, label: String)],
        cells: [CellAddress: Cell]
    ) -> [Total] {
        let memberSet = Set(members)
        let memberRows = Set(members.map(\.row)).sorted()
        let memberColumns = Set(members.map(\.column)).sorted()
        /// Of `lines`, those between the previous total (of `totals`) before `at` and `at`; every
        /// one before `at` when none stands between.
        func spanned(_ lines: [Int], before at: Int, totals: [Int]) -> [Int] {
            let previous = totals.filter { $0 < at }.max() ?? Int.min
            let between = lines.filter { $0 > previous && $0 < at }
            return between.isEmpty ? lines.filter { $0 < at } : between
        }
        let totalColumnPositions = totalColumns.map(\.column)
        let columnsOfTotal = Dictionary(
            totalColumns.map { ($0.column, spanned(memberColumns, before: $0.column, totals: totalColumnPositions)) },
            uniquingKeysWith: { a, _ in a })
        let totalRowPositions = totalRows.map(\.row)
        var found: [Total] = []
        func add(_ label: String, _ address: CellAddress, rows: [Int], columns: [Int]) {
            guard let cell = cells[address], cell.value != .empty || cell.formula != nil else { return }
            let stands = rows.flatMap { row in columns.map { CellAddress(row: row, column: $0) } }.filter(
                memberSet.contains)
            guard !stands.isEmpty else { return }
            found.append(Total(label: label, address: address, cell: cell, members: stands))
        }
        for (row, label) in totalRows {
            let rows = spanned(memberRows, before: row, totals: totalRowPositions)
            for column in memberColumns {
                add(label, CellAddress(row: row, column: column), rows: rows, columns: [column])
            }
            for (column, _) in totalColumns {
                add(label, CellAddress(row: row, column: column), rows: rows, columns: columnsOfTotal[column] ?? [])
            }
        }
        for (column, label) in totalColumns {
            for row in memberRows {
                add(label, CellAddress(row: row, column: column), rows: [row], columns: columnsOfTotal[column] ?? [])
            }
        }
        return found
    }

    /// The findings on `totals` of the summary `sheet`: a total that differs from the sum of what
    /// the plan gives its figure cells (`expected`, by cell; a total with a cell not compared is
    /// left alone). A total whose cells are all one rep's (`owners`, by cell) is that rep's, and of
    /// their period when they share one: it adds up only that rep's wrong cells. Its cause: a
    /// formula whose ranges leave out some of its cells (`sum_range`), else the findings on its
    /// cells (`findings`, by cell) when they add up to its difference (derived), else a typed value
    /// where the sheet's other totals are formulas (`hardcoded_formula`).
    static func findings(
        _ totals: [Total], sheet: String, expected: [CellAddress: Decimal], owners: [CellAddress: Owner],
        findings: [CellAddress: Finding], context: RowContext
    ) -> [Finding] {
        var found: [Finding] = []
        for total in totals {
            let wants = total.members.compactMap { expected[$0] }
            guard wants.count == total.members.count else { continue }
            let want = wants.reduce(0, +)
            let (value, isText) = Decimal.fromCell(total.cell.value)
            guard let manual = value else {
                found.append(
                    UnreadableFindings.total(
                        sheet: sheet, cell: total.cell, at: total.address, rep: nil, period: nil, expected: want,
                        what: total.label))
                continue
            }
            guard !context.matches(manual, want) || isText else { continue }
            var finding = Finding(
                sheet: sheet, cell: total.address, dealID: nil, rep: nil, period: nil, manual: manual,
                manualText: isText ? total.cell.value.plainText : nil, expected: want, causes: [.unexplained],
                explanation: "", isDerived: false)
            let memberOwners = total.members.compactMap { owners[$0] }
            if memberOwners.count == total.members.count, let first = memberOwners.first,
                memberOwners.allSatisfy({ $0.rep == first.rep })
            {
                finding.rep = first.rep
                finding.period = memberOwners.allSatisfy { $0.period == first.period } ? first.period : nil
            }
            var words = ["\(total.label) \(manual.groupedMoneyText), the plan's total is \(want.groupedMoneyText)"]
            let memberFindings = total.members.compactMap { findings[$0] }
            // A figure it adds that cannot be read leaves its difference unknown.
            guard !memberFindings.contains(where: { $0.causes.contains(.unreadable) }) else { continue }
            if let formula = total.cell.formula, case let missed = missedMembers(formula, total: total),
                !missed.isEmpty
            {
                finding.causes = [.sumRange]
                finding.repairedFormula = repaired(formula, total: total)
                words.append(
                    "its formula leaves out " + missed.prefix(5).map(\.description).joined(separator: ", ")
                        + (missed.count > 5 ? ", …" : "") + " of the figures it totals")
            } else if let cause = SummaryFindings.derivedCause(
                manual - want, from: memberFindings, tolerance: context.plan.tolerance)
            {
                finding.causes = [cause.cause]
                finding.isDerived = true
                // A typed total has no formula to follow: the wrong cells it stands for are its precedents.
                if total.cell.formula == nil {
                    finding.precedents = memberFindings.filter { $0.isError && $0.isPay }
                        .map { CellPlace(sheet: $0.sheet, cell: $0.cell) }.sorted()
                }
                words.append("the difference comes from " + cause.cells.joined(separator: ", "))
            } else if total.cell.formula == nil,
                totals.contains(where: { other in
                    other.cell.formula != nil
                        && (other.address.row == total.address.row || other.address.column == total.address.column)
                })
            {
                finding.causes = [.hardcodedFormula]
                words.append("a typed value where the sheet's other totals are formulas")
            }
            finding.explanation = words.joined(separator: "; ")
            found.append(finding)
        }
        // A total over other totals (a grand total adding the rows' totals) wrong through them.
        for index in found.indices where found[index].causes == [.unexplained] {
            guard let formula = totals.first(where: { $0.address == found[index].cell })?.cell.formula else { continue }
            let ranges = localRanges(formula).map(\.range)
            let read = found.filter { other in ranges.contains { $0.contains(other.cell) } }
            guard
                let cause = SummaryFindings.derivedCause(
                    found[index].difference, from: read, tolerance: context.plan.tolerance)
            else { continue }
            found[index].causes = [cause.cause]
            found[index].isDerived = true
            found[index].explanation += "; the difference comes from " + cause.cells.joined(separator: ", ")
        }
        return found
    }

    /// The cells a total stands for that its formula's references on its own sheet leave out;
    /// none when the formula names none of them (a total read from elsewhere, which the
    /// derivation explains instead).
    static func missedMembers(_ formula: String, total: Total) -> [CellAddress] {
        let ranges = localRanges(formula).map(\.range)
        guard total.members.contains(where: { member in ranges.contains { $0.contains(member) } }) else { return [] }
        return total.members.filter { member in !ranges.contains { $0.contains(member) } }
    }

    /// The formula with its one range stretched over every cell the total stands for
    /// (`=SUM(C2:C4)` → `=SUM(C2:C5)`, `$` anchors kept); nil when it has more than one reference or the cells
    /// do not fill a rectangle.
    static func repaired(_ formula: String, total: Total) -> String? {
        let references = localRanges(formula)
        guard references.count == 1, let reference = references.first else { return nil }
        let rows = total.members.map(\.row)
        let columns = total.members.map(\.column)
        let bounds = CellRange(
            first: CellAddress(row: rows.min()!, column: columns.min()!),
            last: CellAddress(row: rows.max()!, column: columns.max()!))
        let area = (bounds.last.row - bounds.first.row + 1) * (bounds.last.column - bounds.first.column + 1)
        guard area == Set(total.members).count else { return nil }
        let chars = Array(formula)
        // Each end keeps its anchors (`$C$2:$C4` stays anchored where it was).
        let ends = String(chars[reference.text]).split(separator: ":").map(String.init)
        func written(_ address: CellAddress, like end: String) -> String {
            let column = CellAddress.columnName(address.column)
            return (end.hasPrefix("$") ? "$" : "") + column
                + (end.dropFirst().contains("$") ? "$" : "") + String(address.row)
        }
        let text = written(bounds.first, like: ends[0]) + ":" + written(bounds.last, like: ends.last ?? ends[0])
        return String(chars[..<reference.text.lowerBound]) + text + String(chars[reference.text.upperBound...])
    }

    /// The cell references and ranges a formula makes on its own sheet, as ranges, with where
    /// each one's text stands.
    private static func localRanges(_ formula: String) -> [(range: CellRange, text: Range<Int>)] {
        let chars = Array(formula)
        return FormulaReferences.references(in: chars, sheet: nil).compactMap { reference in
            let text = String(chars[reference.text]).replacingOccurrences(of: "$", with: "")
            return CellRange(text).map { ($0, reference.text) }
        }
    }
}
