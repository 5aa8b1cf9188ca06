import Foundation
import Recalculation
import Spreadsheet

/// `inspect --formulas`: per sheet, formulas evaluated, agreeing with their cached values, stale,
/// and not evaluable (by function).
enum FormulaInspection {
    static func run(file: String, json: Bool) throws {
        let reading = StageMeter("read workbook")
        let formulas = try WorkbookFormulas(path: file)
        reading.finish()
        let evaluating = StageMeter("evaluate formulas")
        let results = formulas.evaluate(precedents: .cachedWhereAvailable)
        evaluating.finish()
        let census = FormulaCensus(results, sheetNames: formulas.workbook.sheets.map(\.name))
        print(json ? self.json(census, file: file) : text(census, file: file), terminator: "")
    }

    static func text(_ census: FormulaCensus, file: String) -> String {
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

    static func json(_ census: FormulaCensus, file: String) -> String {
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
