import Foundation
import Reconciliation
import Spreadsheet

extension CorrectionInput {
    /// Reads the object `trueup reconcile --format json` prints. A finding may be removed from
    /// it (a reviewer declining a correction); the rest must be as printed. Errors name the file
    /// and the finding.
    public init(json data: Data, file: String) throws {
        let location = Location(file: file)
        func fail(_ message: String) -> SpreadsheetError { SpreadsheetError(location, message) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let findings = object["findings"] as? [[String: Any]], let reps = object["reps"] as? [[String: Any]]
        else { throw fail("not the JSON of `trueup reconcile --format json` (no findings and reps)") }
        func money(_ value: Any?, _ what: String) throws -> Decimal {
            guard let text = value as? String, case .value(let number) = Decimal.parse(text) else {
                throw fail("\(what) is not an amount")
            }
            return number
        }
        var parsed: [Finding] = []
        for (index, item) in findings.enumerated() {
            let what = "finding \(index + 1)"
            guard let sheet = item["sheet"] as? String, let cell = (item["cell"] as? String).flatMap(CellAddress.init),
                let causes = item["causes"] as? [String], let derived = item["derived"] as? Bool
            else { throw fail("\(what) lacks its sheet, cell, causes or derived flag") }
            let manualText = item["manual"] as? String
            let manual = manualText.flatMap { text -> Decimal? in
                if case .value(let number) = Decimal.parse(text) { return number }
                return nil
            }
            let isText = item["manual_is_text"] as? Bool ?? (manual == nil)
            var finding = Finding(
                sheet: sheet, cell: cell, dealID: item["deal_id"] as? String, rep: item["rep"] as? String,
                period: item["period"] as? String, manual: manual, manualText: isText ? manualText : nil,
                expected: try money(item["expected"], "\(what)'s expected value"), causes: causes,
                explanation: item["explanation"] as? String ?? "", isDerived: derived,
                repairedFormula: item["formula"] as? String)
            finding.isInput = item["input"] as? Bool ?? false
            parsed.append(finding)
        }
        var figures: [RepPeriodFigures] = []
        for (index, item) in reps.enumerated() {
            guard let rep = item["rep"] as? String, let period = item["period"] as? String else {
                throw fail("rep-period \(index + 1) lacks its rep or period")
            }
            figures.append(
                RepPeriodFigures(
                    rep: rep, name: item["name"] as? String ?? "", period: period,
                    earned: try money(item["earned"], "rep-period \(index + 1)'s earned"),
                    payable: try money(item["payable"], "rep-period \(index + 1)'s payable")))
        }
        var totals: [String: SheetTotal] = [:]
        for (index, item) in (object["sheet_totals"] as? [[String: Any]] ?? []).enumerated() {
            guard let rep = item["rep"] as? String, let period = item["period"] as? String else {
                throw fail("sheet total \(index + 1) lacks its rep or period")
            }
            totals["\(rep)|\(period)"] = SheetTotal(
                manual: try money(item["manual"], "sheet total \(index + 1)'s manual"),
                expected: try money(item["expected"], "sheet total \(index + 1)'s expected"))
        }
        self.init(
            findings: parsed, repPeriods: figures, currency: object["currency"] as? String ?? "", sheetTotals: totals)
    }
}
