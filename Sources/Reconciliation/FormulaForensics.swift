import Foundation
import Spreadsheet

/// Reading a sheet's formulas for where the sheet itself broke: typed constants among formulas,
/// formulas unlike their neighbours, totals whose ranges stop short, clawbacks left out.
enum FormulaForensics {
    /// A formula with each relative row number written as an offset from its own row, so that
    /// `ROUND(B20*E20*K20,2)` on row 20 and `ROUND(B21*E21*K21,2)` on row 21 read the same.
    static func relativeForm(_ formula: String, row: Int) -> String {
        var out = ""
        var chars = Array(formula)
        var i = 0
        var inString = false
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { inString.toggle() }
            if !inString, c.isLetter || c == "$",
                i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_")
            {
                var j = i
                if chars[j] == "$" { j += 1 }
                let lettersStart = j
                while j < chars.count, chars[j].isUppercase, j - lettersStart < 3 { j += 1 }
                let letters = j - lettersStart
                var anchored = false
                if j < chars.count, chars[j] == "$" {
                    anchored = true
                    j += 1
                }
                let digitsStart = j
                while j < chars.count, chars[j].isNumber { j += 1 }
                let isReference =
                    letters > 0 && j > digitsStart && (j == chars.count || !(chars[j].isLetter || chars[j] == "("))
                if isReference, let number = Int(String(chars[digitsStart..<j])) {
                    out += String(chars[i..<digitsStart])
                    out += anchored ? String(number) : "[\(number - row)]"
                    i = j
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        chars.removeAll()
        return out
    }

    /// What a column of cells is mostly made of.
    struct ColumnPattern {
        /// At least half the numeric cells are formulas (and at least three).
        let isFormulaColumn: Bool
        /// The relative form most of the formulas share, when one does, judged on an even
        /// sample of at most 2,000 formulas so that a million-row column costs little.
        let dominantForm: String?

        init(_ cells: [(row: Int, cell: Cell)]) {
            var numeric = 0
            var formulaCells: [(row: Int, formula: String)] = []
            for item in cells {
                if case .text = item.cell.value, item.cell.formula == nil { continue }
                numeric += 1
                if let formula = item.cell.formula { formulaCells.append((item.row, formula)) }
            }
            isFormulaColumn = formulaCells.count >= 3 && formulaCells.count * 2 >= numeric
            let step = max(1, formulaCells.count / 2000)
            var counts: [String: Int] = [:]
            var sampled = 0
            for index in stride(from: 0, to: formulaCells.count, by: step) {
                counts[relativeForm(formulaCells[index].formula, row: formulaCells[index].row), default: 0] += 1
                sampled += 1
            }
            let top = counts.max { $0.value < $1.value }
            dominantForm = top.flatMap { $0.value * 2 > sampled ? $0.key : nil }
        }

        /// `hardcoded_formula` or `inconsistent_formula` for one cell of the column, if either fits.
        func anomaly(_ cell: Cell, row: Int) -> String? {
            guard isFormulaColumn else { return nil }
            guard let formula = cell.formula else { return "hardcoded_formula" }
            if let dominantForm, relativeForm(formula, row: row) != dominantForm { return "inconsistent_formula" }
            return nil
        }
    }

    /// Ranges a formula names on its own sheet (no `Sheet!` prefix), as row spans: `SUM(G5:G40)`.
    static func localRowSpans(in formula: String) -> [ClosedRange<Int>] {
        var spans: [ClosedRange<Int>] = []
        let chars = Array(formula)
        var i = 0
        while i < chars.count {
            let startsWord =
                i == 0
                || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "!" || chars[i - 1] == "_")
            guard startsWord, chars[i].isLetter || chars[i] == "$" else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "$" || chars[j] == ":" {
                j += 1
            }
            let token = String(chars[i..<j])
            if j < chars.count, chars[j] == "(" || chars[j] == "!" {
                i = j
                continue
            }
            let ends = token.split(separator: ":")
            let rows = ends.compactMap { end in Int(end.filter(\.isNumber)) }
            if ends.count == 2, rows.count == 2, ends.allSatisfy({ $0.first?.isLetter == true || $0.first == "$" }) {
                spans.append(min(rows[0], rows[1])...max(rows[0], rows[1]))
            }
            i = j
        }
        return spans
    }

    /// The formula with its multi-row ranges over `rows`: on `sheet` (`Sheet!G5:G40`, quoted
    /// or not), or on the formula's own sheet when `sheet` is nil. Anchors (`$`) and columns stay
    /// as written. Nil when nothing changes, or when the ranges do not all span the same rows
    /// (`SUM(G5:G9)+SUM(G11:G20)` may leave a row out on purpose; SUMIFS's sum and criteria
    /// ranges span the same rows and move together).
    static func extendingRanges(in formula: String, sheet: String?, to rows: ClosedRange<Int>) -> String? {
        let chars = Array(formula)
        var ranges: [(start: Int, end: Int, span: ClosedRange<Int>)] = []
        var i = 0
        var inString = false
        while i < chars.count {
            if chars[i] == "\"" {
                inString.toggle()
                i += 1
                continue
            }
            guard !inString else {
                i += 1
                continue
            }
            var start = i
            if let sheet {
                // The range must follow `sheet!` or `'sheet'!`.
                let prefixes = [sheet + "!", "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"].map(
                    Array.init)
                guard
                    let prefix = prefixes.first(where: { prefix in
                        i + prefix.count <= chars.count && Array(chars[i..<i + prefix.count]) == prefix
                            && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "_"))
                    })
                else {
                    i += 1
                    continue
                }
                start = i + prefix.count
            } else {
                let startsWord =
                    i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || "!_.'".contains(chars[i - 1]))
                guard startsWord, chars[i].isLetter || chars[i] == "$" else {
                    i += 1
                    continue
                }
            }
            var j = start
            while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "$" || chars[j] == ":" {
                j += 1
            }
            let token = String(chars[start..<j])
            let ends = token.split(separator: ":", omittingEmptySubsequences: false)
            let numbers = ends.map { end in Int(end.drop { $0 == "$" || $0.isLetter }.filter { $0 != "$" }) }
            let isRange =
                ends.count == 2 && (j == chars.count || !(chars[j] == "(" || chars[j] == "!"))
                && ends.allSatisfy { $0.first?.isLetter == true || $0.first == "$" }
            if isRange, let first = numbers[0], let last = numbers[1], first != last {
                ranges.append((start, j, min(first, last)...max(first, last)))
            }
            i = max(j, i + 1)
        }
        guard let span = ranges.first?.span, ranges.allSatisfy({ $0.span == span }), span != rows else { return nil }
        var out = ""
        var copied = 0
        for range in ranges {
            out += String(chars[copied..<range.start])
            let ends = String(chars[range.start..<range.end]).split(separator: ":").map(String.init)
            out += [rewrite(ends[0], row: rows.lowerBound), rewrite(ends[1], row: rows.upperBound)].joined(
                separator: ":")
            copied = range.end
        }
        return out + String(chars[copied...])
    }

    /// A cell reference (`$G$40`, `G40`) with another row number, its anchors kept.
    private static func rewrite(_ reference: String, row: Int) -> String {
        let head = reference.prefix { !$0.isNumber }
        return head + String(row)
    }

    /// Ranges `Sheet!A1:B2` a formula names on `sheet`, as row spans.
    static func rowSpans(in formula: String, sheet: String) -> [ClosedRange<Int>] {
        var spans: [ClosedRange<Int>] = []
        let prefixes = [sheet + "!", "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"]
        for prefix in prefixes {
            var rest = formula[...]
            while let found = rest.range(of: prefix) {
                rest = rest[found.upperBound...]
                let token = rest.prefix { $0.isLetter || $0.isNumber || $0 == "$" || $0 == ":" }
                let parts = token.split(separator: ":").map { $0.filter { $0.isNumber } }
                let numbers = parts.compactMap { Int($0) }
                if numbers.count == 2 {
                    spans.append(min(numbers[0], numbers[1])...max(numbers[0], numbers[1]))
                } else if numbers.count == 1 {
                    spans.append(numbers[0]...numbers[0])
                }
            }
        }
        return spans
    }
}
