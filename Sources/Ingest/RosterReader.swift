import Commission
import Foundation
import Spreadsheet

/// Reads a roster (plan-format.md 1.2) from a CSV file or a workbook's first sheet with an `id` column.
///
/// Unlike deals, a roster with an unreadable value is refused: a wrong quota would make every
/// figure of that rep wrong. A column headed with the name of one of `objectives` (compared like
/// headers) gives each rep's target for that objective; an empty cell leaves the plan's target.
public enum RosterReader {
    /// With `period`, a row whose `quota` and `annual_quota` disagree for that period kind is
    /// refused, naming the file, the row and both values (`RosterEntry.quotasDisagree`).
    public static func read(
        _ file: TableFile, sheet: String? = nil, objectives: [String] = [], period: PeriodKind? = nil
    ) throws -> [RosterEntry] {
        let tables = sheet.map { [$0] } ?? file.tables
        let (table, mapping) = try HeaderSearch.find(
            in: file, tables: tables, keys: RosterField.allCases, synonyms: \.synonyms, required: [.id], pins: [:])
        var entries: [RosterEntry] = []
        var seen: [String: Int] = [:]
        var objectiveColumns: [(key: String, column: Int)] = []
        try file.forEachRow(of: table) { row, place in
            if row.index == mapping.headerRow {
                objectiveColumns = objectiveColumnsIn(row, objectives: objectives)
            }
            guard row.index > mapping.headerRow else { return }
            func value(_ field: RosterField) -> CellValue {
                mapping.columns[field].flatMap { row.cell(at: $0)?.value } ?? .empty
            }
            func checked<T>(_ field: RosterField, _ read: () throws(ValueReading.Failure) -> T?) throws -> T? {
                do throws(ValueReading.Failure) {
                    return try read()
                } catch {
                    let message = error.message
                    throw SpreadsheetError(place.location(column: mapping.columns[field]), message)
                }
            }
            // A quota, an annual quota or a draw is an amount of money the rep is measured
            // against or paid: never negative (as the plan's `reps:` are read).
            func amount(_ field: RosterField) throws(ValueReading.Failure) -> Decimal? {
                let amount = try ValueReading.money(value(field), style: .decimalPoint)
                if let amount, amount < 0 {
                    throw .wrong("\(field.rawValue) must not be negative, found \(value(field).plainText)")
                }
                return amount
            }
            guard let id = ValueReading.text(value(.id)) else { return }
            if let earlier = seen[id.lowercased()] {
                throw SpreadsheetError(
                    place.location(column: mapping.columns[.id]),
                    "rep id '\(id)' is listed again (first on row \(earlier))")
            }
            seen[id.lowercased()] = row.index
            var targets: [String: Decimal] = [:]
            for (key, column) in objectiveColumns {
                let cell = row.cell(at: column)?.value ?? .empty
                do throws(ValueReading.Failure) {
                    if let target = try ValueReading.money(cell, style: .decimalPoint) { targets[key] = target }
                } catch {
                    throw SpreadsheetError(place.location(column: column), error.message)
                }
            }
            entries.append(
                RosterEntry(
                    id: id, name: ValueReading.text(value(.name)), team: ValueReading.text(value(.team)),
                    quota: try checked(.quota) { () throws(ValueReading.Failure) in try amount(.quota) },
                    annualQuota: try checked(.annualQuota) { () throws(ValueReading.Failure) in try amount(.annualQuota)
                    },
                    start: try checked(.start) { () throws(ValueReading.Failure) in try ValueReading.date(value(.start))
                    },
                    end: try checked(.end) { () throws(ValueReading.Failure) in try ValueReading.date(value(.end)) },
                    draw: try checked(.draw) { () throws(ValueReading.Failure) in try amount(.draw) },
                    objectiveTargets: targets))
            if let period, entries[entries.count - 1].quotasDisagree(period) {
                throw SpreadsheetError(
                    place.location(column: mapping.columns[.annualQuota]),
                    entries[entries.count - 1].disagreeingQuotasWords(period))
            }
            entries[entries.count - 1].email = ValueReading.text(value(.email))
            entries[entries.count - 1].aliases = aliases(value(.aliases))
        }
        return entries
    }

    /// An `aliases` cell's names, separated by `;`, `|` or new lines (a comma belongs to `Lima, Ana`).
    static func aliases(_ cell: CellValue) -> [String] {
        guard let text = ValueReading.text(cell) else { return [] }
        return text.split(whereSeparator: { ";|\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The header row's columns named after an objective, keyed by the objective's compared name.
    private static func objectiveColumnsIn(_ row: Row, objectives: [String]) -> [(key: String, column: Int)] {
        var found: [(key: String, column: Int)] = []
        for name in objectives {
            let wanted = headerKey(name)
            let cell = row.cells.first { cell in
                if case .text(let text) = cell.value { return headerKey(text) == wanted }
                return false
            }
            if let cell { found.append((name.normalizedKey, cell.column)) }
        }
        return found
    }
}
