import Formula
import Foundation
import Spreadsheet

/// A cell adding up one cell of a run of tabs with a 3-D reference (`=SUM('Q1 2026:Q4 2026'!B4)`
/// on a `YTD` tab over a tab per quarter, each tab's per-rep totals at its top): checked against
/// the engine's figures of the cells it adds up, where trueup compared each of them (a per-rep
/// total, `RepTotalsBlock`, or a summary's figure) and all of them are one rep's. A cell of a
/// tab it adds up that is not such a figure, or another rep's, leaves it unjudged.
///
/// Its expected figure is the sum of theirs (a figure compared right keeps its own); a wrong one
/// whose difference the wrong figures it adds up explain is derived from them; one whose run of
/// tabs stops short of the run the sheet's other 3-D sums add (`'Q1 2026:Q3 2026'` beside the
/// others' `'Q1 2026:Q4 2026'`) is `sum_range`, expected over their run, its formula repaired to it.
enum ThreeDSums {
    /// A figure trueup compared: its rep, as the summary writes it, and its value.
    struct Compared {
        let rep: String
        let manual: Decimal
    }

    /// A formula adding up one cell of a run of tabs: the first and last tab's indices in the
    /// workbook, the cell, and the formula's text before and after the run's name.
    struct Reference {
        let first: Int
        let last: Int
        let cell: CellAddress
        let before: String
        let after: String

        var tabs: ClosedRange<Int> { first...last }

        /// `SUM('Q1 2026:Q4 2026'!B4)` (quoted or not, `$` or not), nil for any other formula: a
        /// range of cells, more than one argument, or a reference to one sheet.
        init?(_ formula: String, sheets: [String], sheetIndex: (String) -> Int?) {
            // Most formulas name no other sheet: passed over by their bytes, with no text made.
            guard formula.utf8.contains(UInt8(ascii: "!")), formula.utf8.contains(UInt8(ascii: ":")) else { return nil }
            let text = formula.trimmingCharacters(in: .whitespaces)
            guard text.uppercased().hasPrefix("SUM("), text.hasSuffix(")"),
                let bang = text.lastIndex(of: "!")
            else { return nil }
            let opening = text.index(text.startIndex, offsetBy: 4)
            let inner = text[opening..<text.index(before: text.endIndex)]
            var span = String(text[opening..<bang]).trimmingCharacters(in: .whitespaces)
            if span.hasPrefix("'") {
                guard span.count >= 2, span.hasSuffix("'") else { return nil }
                span = String(span.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
            }
            let names = span.split(separator: ":", omittingEmptySubsequences: false)
            let address = String(text[text.index(after: bang)..<text.index(before: text.endIndex)])
            guard names.count == 2, !inner.contains(","),
                let first = sheetIndex(String(names[0])), let last = sheetIndex(String(names[1])), first < last,
                let cell = CellAddress(address.replacingOccurrences(of: "$", with: ""))
            else { return nil }
            (self.first, self.last, self.cell) = (first, last, cell)
            (before, after) = ("SUM(", "!" + address + ")")
        }

        /// The formula over the tabs `tabs` instead, named from `sheets`.
        func over(_ tabs: ClosedRange<Int>, sheets: [String]) -> String {
            let span = sheets[tabs.lowerBound] + ":" + sheets[tabs.upperBound]
            return before + "'" + span.replacingOccurrences(of: "'", with: "''") + "'" + after
        }
    }

    /// The findings of the 3-D sums of `workbook`'s formulas over the figures `compared` (by sheet
    /// name lowercased and cell), beside `totals`, the findings of those figures.
    static func findings(
        _ workbook: FormulaWorkbook, compared: [String: [CellAddress: Compared]], totals: [Finding],
        tolerance: Decimal
    ) -> [Finding] {
        guard compared.count > 1 else { return [] }
        let sheets = workbook.sheets.map(\.name)
        var sums: [(sheet: Int, cell: CellAddress, cached: FormulaValue, reference: Reference)] = []
        // The sheets of figures compared hold no 3-D sum over them: their formulas (a tab's deals)
        // are passed over unread.
        let passed = sheets.map { compared[$0.lowercased()] != nil }
        for formula in workbook.formulas where !passed[formula.sheet] {
            guard let reference = Reference(formula.text, sheets: sheets, sheetIndex: workbook.sheet(named:))
            else { continue }
            sums.append((formula.sheet, formula.address, formula.cached, reference))
        }
        guard !sums.isEmpty else { return [] }
        var wrong: [String: Finding] = [:]
        for finding in totals where finding.isError {
            wrong["\(finding.sheet.lowercased())|\(finding.cell)"] = finding
        }
        func within(_ a: Decimal, _ b: Decimal) -> Bool { abs(a - b) <= tolerance }
        // The figures a reference adds up over `tabs`: nil unless each tab's cell is a figure
        // compared, all of one rep.
        func figures(_ cell: CellAddress, over tabs: ClosedRange<Int>) -> [(Compared, Finding?, String)]? {
            var found: [(Compared, Finding?, String)] = []
            for tab in tabs {
                let name = sheets[tab]
                guard let figure = compared[name.lowercased()]?[cell] else { return nil }
                if let rep = found.first?.0.rep, rep.normalizedKey != figure.rep.normalizedKey { return nil }
                found.append((figure, wrong["\(name.lowercased())|\(cell)"], name))
            }
            return found
        }
        // The run of tabs most of each sheet's 3-D sums add up.
        var runs: [Int: [ClosedRange<Int>: Int]] = [:]
        for sum in sums { runs[sum.sheet, default: [:]][sum.reference.tabs, default: 0] += 1 }
        var findings: [Finding] = []
        for sum in sums {
            guard case .number(let manual) = sum.cached,
                var added = figures(sum.reference.cell, over: sum.reference.tabs)
            else { continue }
            let counts = runs[sum.sheet] ?? [:]
            let usual = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key.count < $1.key.count) }
            // Stopping short of the run the sheet's other 3-D sums add: the tabs it leaves out.
            var short: ClosedRange<Int>?
            if let usual, usual.value > 1, usual.key != sum.reference.tabs,
                usual.key.lowerBound <= sum.reference.first, usual.key.upperBound >= sum.reference.last,
                let whole = figures(sum.reference.cell, over: usual.key)
            {
                short = usual.key
                added = whole
            }
            let expected = added.reduce(Decimal(0)) { $0 + ($1.1?.expected ?? $1.0.manual) }
            guard !within(manual, expected) else { continue }
            let name = sheets[sum.sheet]
            let rep = added[0].0.rep
            var finding = Finding(
                sheet: name, cell: sum.cell, dealID: nil, rep: rep, period: nil, manual: manual, manualText: nil,
                expected: expected, causes: [.unexplained],
                explanation:
                    "\(rep)'s sum over the tabs \(manual.groupedMoneyText), the plan's total is \(expected.groupedMoneyText)",
                isDerived: false)
            let wrongAdded = added.compactMap(\.1)
            if let short {
                let left = added.filter { !sum.reference.tabs.contains(sheets.firstIndex(of: $0.2) ?? -1) }
                finding.causes = [.sumRange]
                finding.repairedFormula = sum.reference.over(short, sheets: sheets)
                finding.explanation +=
                    "; it adds the tabs '\(sheets[sum.reference.first])' to '\(sheets[sum.reference.last])', "
                    + "the sheet's other sums '\(sheets[short.lowerBound])' to '\(sheets[short.upperBound])', "
                    + "leaving out " + left.map { "'\($0.2)'" }.joined(separator: ", ")
            } else if let cause = SummaryFindings.derivedCause(
                manual - expected, from: wrongAdded, tolerance: tolerance)
            {
                finding.causes = [cause.cause]
                finding.isDerived = true
                finding.explanation += "; the difference comes from " + cause.cells.joined(separator: ", ")
            } else {
                let cells = added.reduce(Decimal(0)) { $0 + $1.0.manual }
                if !within(manual, cells) {
                    finding.explanation += "; the cells it adds hold \(cells.groupedMoneyText)"
                }
            }
            finding.precedents = wrongAdded.map { CellPlace(sheet: $0.sheet, cell: $0.cell) }.sorted()
            findings.append(finding)
        }
        return findings
    }

    /// The figures of `sheets` trueup compares with the engine's, by sheet name lowercased and
    /// cell: each row's commission, earned and payable figures.
    static func compared(in sheets: [SummarySheet]) -> [String: [CellAddress: Compared]] {
        var found: [String: [CellAddress: Compared]] = [:]
        for sheet in sheets {
            guard case .rows = sheet.layout else { continue }
            for row in sheet.rows {
                for field in [SummaryField.commission, .earned, .payable] {
                    guard let cell = row.cells[field], case let (value?, false) = Decimal.fromCell(cell.value) else {
                        continue
                    }
                    found[sheet.name.lowercased(), default: [:]][CellAddress(row: row.row, column: cell.column)] =
                        Compared(rep: row.rep, manual: value)
                }
            }
        }
        return found
    }
}
