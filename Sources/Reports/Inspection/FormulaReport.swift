import Recalculation
import Spreadsheet

/// What `inspect --formulas` found: per sheet, formulas evaluated, agreeing with their cached
/// values, stale, and not evaluable (by function), rendered for people or programs.
public struct FormulaReport: Sendable {
    public let file: String
    public let census: FormulaCensus

    /// Evaluates the formulas of `formulas` (read from `file`), each on the cached values of the
    /// cells it reads, and tallies them by sheet.
    public init(file: String, evaluating formulas: WorkbookFormulas) {
        var census = FormulaCensus(sheetNames: formulas.workbook.sheets.map(\.name))
        formulas.workbook.evaluate(precedents: .cachedWhereAvailable) { census.add($0) }
        self.file = file
        self.census = census
    }

    /// For people: each sheet with formulas, its counts, why formulas are not evaluable, and the
    /// first 20 stale cells.
    public var text: String {
        var out = "\(file): formulas\n"
        for sheet in census.sheets where sheet.formulas > 0 {
            out += "\n  \(sheet.name): \(sheet.formulas) formulas, \(sheet.evaluated) evaluated, "
            out += "\(sheet.agreeing) agree with their cached values, \(sheet.stale.count) stale, "
            out += "\(sheet.withoutCachedValue) without a cached value, "
            out += "\(sheet.notEvaluable.values.reduce(0, +)) not evaluable\n"
            for (reason, count) in sheet.notEvaluable.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                out += "    not evaluable: \(reason) ×\(count)\n"
            }
            for stale in sheet.stale.prefix(20) {
                out += "    stale \(stale.cell): =\(stale.formula) cached \(stale.cached.displayText), "
                out += "evaluates to \(stale.evaluated.displayText)\n"
            }
            if sheet.stale.count > 20 { out += "    … and \(sheet.stale.count - 20) more stale\n" }
        }
        return out
    }

    /// The same for programs, one JSON object: every sheet, with every stale cell.
    public var json: String {
        let sheets = census.sheets.map { sheet in
            JSONText.object([
                ("name", JSONText.quoted(sheet.name)), ("formulas", String(sheet.formulas)),
                ("evaluated", String(sheet.evaluated)), ("agreeing", String(sheet.agreeing)),
                ("without_cached_value", String(sheet.withoutCachedValue)),
                (
                    "stale",
                    "["
                        + sheet.stale.map { stale in
                            JSONText.object([
                                ("cell", JSONText.quoted(stale.cell.description)),
                                ("formula", JSONText.quoted(stale.formula)),
                                ("cached", JSONText.quoted(stale.cached.displayText)),
                                ("evaluated", JSONText.quoted(stale.evaluated.displayText)),
                            ])
                        }.joined(separator: ", ") + "]"
                ),
                (
                    "not_evaluable",
                    JSONText.object(sheet.notEvaluable.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })
                ),
            ])
        }
        return JSONText.object([
            ("file", JSONText.quoted(file)), ("sheets", "[" + sheets.joined(separator: ", ") + "]"),
        ])
            + "\n"
    }
}
