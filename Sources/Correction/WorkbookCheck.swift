import Commission
import Foundation
import Reconciliation
import Reports
import Spreadsheet
import XLSX

extension CorrectionInput {
    /// Refuses to apply findings read back from a document to any workbook but the one they were
    /// found in: its SHA-256 must be the document's. When it is not, the first finding cell whose
    /// value changed is named (or the file is called another workbook). Every finding must name a
    /// sheet of the workbook, except deals another source says are missing (they name that source).
    func checkApplies(to path: String, workbook: XLSXWorkbook) throws {
        let location = Location(file: path)
        let sheets = Set(workbook.sheets.map(\.name))
        if let unknown = findings.first(where: { !sheets.contains($0.sheet) && $0.cause != .missingLine }) {
            throw SpreadsheetError(
                location,
                "a finding names sheet '\(unknown.sheet)' (\(unknown.cell)), which the workbook does not have; these findings are about another workbook"
            )
        }
        guard let identity = self.workbook else { return }
        let digest = try FileDigest.sha256(of: path)
        guard digest != identity.sha256 else { return }
        if let changed = try firstChangedCell(in: XLSXWorkbook(path: path)) {
            throw SpreadsheetError(
                Location(file: path, sheet: changed.finding.sheet, cell: changed.finding.cell),
                "changed since it was reconciled (was \(changed.finding.manualText ?? changed.finding.manual?.moneyText ?? "empty"), now \(changed.now)); reconcile it again"
            )
        }
        throw SpreadsheetError(
            location,
            "is not the workbook the findings are about (\(identity.file), SHA-256 \(identity.sha256.prefix(12))…); it was edited or is another file; reconcile it again"
        )
    }

    /// The first finding (in sheet and cell order) whose cell no longer holds what was read.
    private func firstChangedCell(in workbook: XLSXWorkbook) throws -> (finding: Finding, now: String)? {
        var bySheet: [String: [Int: [Finding]]] = [:]
        for finding in findings where finding.cause != .missingLine {
            bySheet[finding.sheet, default: [:]][finding.cell.row, default: []].append(finding)
        }
        var changes: [(finding: Finding, now: String)] = []
        for sheet in workbook.sheets {
            guard let rows = bySheet[sheet.name] else { continue }
            var seen = Set<CellAddress>()
            try workbook.readRows(of: sheet) { row in
                for finding in rows[row.index] ?? [] {
                    let cell = row.cells.first { $0.column == finding.cell.column }
                    seen.insert(finding.cell)
                    if let now = Self.change(finding, cell: cell) { changes.append((finding, now)) }
                }
            }
            for finding in rows.values.joined() where !seen.contains(finding.cell) {
                if let now = Self.change(finding, cell: nil) { changes.append((finding, now)) }
            }
        }
        return changes.min { ($0.finding.sheet, $0.finding.cell) < ($1.finding.sheet, $1.finding.cell) }
    }

    /// What `cell` holds now, when it is not what `finding` read.
    private static func change(_ finding: Finding, cell: Cell?) -> String? {
        let value = cell?.value ?? .empty
        let (number, isText) = Decimal.fromCell(value)
        if let text = finding.manualText {
            return value.plainText == text
                ? nil : (number.map(\.moneyText) ?? (value.plainText.isEmpty ? "empty" : value.plainText))
        }
        let was = finding.manual ?? 0
        if !isText, (number ?? 0) == was { return nil }
        return number.map(\.moneyText) ?? (value.plainText.isEmpty ? "empty" : value.plainText)
    }
}
