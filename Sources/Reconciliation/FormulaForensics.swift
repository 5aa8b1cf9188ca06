import Formula
import Foundation
import Spreadsheet

/// Reading a sheet's formulas for where the sheet itself broke: typed constants among formulas,
/// formulas unlike their neighbours, totals whose ranges stop short, clawbacks left out.
enum FormulaForensics {
    /// A `relativeForm` with each number it writes as a constant (`DATE(2026,4,1)`, `0.05`, a
    /// string's digits) written `#`: what is left is how the formula reads its cells. The digits of
    /// a reference (`$I$2`, `A[0]`) stay.
    static func constantsMasked(_ form: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(form.utf8.count)
        var previous: UInt8 = 0x20
        var inBrackets = false
        var kept: Bool?  // in a run of digits: a reference's (kept) or a constant's (masked)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        for byte in form.utf8 {
            if byte == UInt8(ascii: "[") { inBrackets = true } else if byte == UInt8(ascii: "]") { inBrackets = false }
            guard isDigit(byte), !inBrackets else {
                kept = nil
                out.append(byte)
                previous = byte
                continue
            }
            if kept == nil {
                // After a letter (a cell's column, a name's last letter: any byte of a non-ASCII
                // letter) or an anchoring `$`.
                let letter = (previous | 0x20) >= UInt8(ascii: "a") && (previous | 0x20) <= UInt8(ascii: "z")
                kept = letter || previous >= 0x80 || previous == UInt8(ascii: "$")
            }
            if kept == true {
                out.append(byte)
            } else if !isDigit(previous) {
                out.append(UInt8(ascii: "#"))
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A formula with each relative row number written as an offset from its own row, so that
    /// `ROUND(B20*E20*K20,2)` on row 20 and `ROUND(B21*E21*K21,2)` on row 21 read the same.
    static func relativeForm(_ formula: String, row: Int) -> String {
        var text = formula
        if let form = text.withUTF8({ asciiRelativeForm($0, row: row) }) { return form }
        return characterRelativeForm(formula, row: row)
    }

    /// `relativeForm` read character by character: for any text (an ASCII one is read as bytes,
    /// to the same result, by `asciiRelativeForm`).
    static func characterRelativeForm(_ formula: String, row: Int) -> String {
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
        /// sample of at most 2,000 formulas (`sample`) so that a million-row column costs little.
        let dominantForm: String?
        /// Where no form is most of the formulas' (each row's own constants: its period's
        /// `DATE(2026,4,1)`), the form most share with their numbers left out
        /// (`constantsMasked`): how the rows read their cells.
        let dominantShape: String?

        /// The pattern of `cells` (a column's, with their sheet rows), read once in order.
        init(_ cells: some Sequence<(row: Int, cell: Cell)>) {
            var numeric = 0
            var formulaCells: [(row: Int, formula: String)] = []
            for item in cells {
                if case .text = item.cell.value, item.cell.formula == nil { continue }
                numeric += 1
                if let formula = item.cell.formula { formulaCells.append((item.row, formula)) }
            }
            self.init(
                numeric: numeric, formulas: formulaCells.count,
                sample: Self.sample(formulaCells.count).lazy.map { formulaCells[$0] })
        }

        /// The pattern of a column of `numeric` cells that are not typed texts, `formulas` of them
        /// formulas; `sample` holds the sheet row and text of the formulas at the positions
        /// `sample(formulas)` names (counted among the column's formulas, in order), and only those.
        init(numeric: Int, formulas: Int, sample: some Sequence<(row: Int, formula: String)>) {
            isFormulaColumn = formulas >= 3 && formulas * 2 >= numeric
            var counts: [String: Int] = [:]
            var sampled = 0
            for item in sample {
                counts[relativeForm(item.formula, row: item.row), default: 0] += 1
                sampled += 1
            }
            func majority(_ counts: [String: Int]) -> String? {
                counts.max { $0.value < $1.value }.flatMap { $0.value * 2 > sampled ? $0.key : nil }
            }
            dominantForm = majority(counts)
            // Shapes are asked only of a column without a dominant form (nearly every column has one).
            var shapes: [String: Int] = [:]
            if dominantForm == nil {
                for (form, count) in counts { shapes[FormulaForensics.constantsMasked(form), default: 0] += count }
            }
            dominantShape = majority(shapes)
        }

        /// Whether `formula`, at `row` of a formula column whose rows differ only by their
        /// constants, reads other cells than the column's shape does (`=SUMIFS(…,A4,…)` on row 3
        /// where the others read their own row's rep).
        func readsOtherThanItsColumn(_ formula: String, row: Int) -> Bool {
            guard isFormulaColumn, let dominantShape else { return false }
            return FormulaForensics.constantsMasked(relativeForm(formula, row: row)) != dominantShape
        }

        /// The positions, among a column's `formulas` formula cells, of those whose forms decide the
        /// dominant one: every one up to 2,000, else an even stride through them.
        static func sample(_ formulas: Int) -> StrideTo<Int> {
            stride(from: 0, to: formulas, by: max(1, formulas / 2000))
        }

        /// `hardcoded_formula` or `inconsistent_formula` for one cell of the column, if either fits.
        func anomaly(_ cell: Cell, row: Int) -> Cause? {
            anomaly(hasFormula: cell.formula != nil, formula: cell.formula, row: row)
        }

        /// As `anomaly(_:row:)`, for a cell with a formula or not, whose text `formula` gives
        /// (asked only when the column has a dominant form).
        func anomaly(hasFormula: Bool, formula: @autoclosure () -> String?, row: Int) -> Cause? {
            guard isFormulaColumn else { return nil }
            guard hasFormula else { return .hardcodedFormula }
            if let dominantForm, let text = formula(), relativeForm(text, row: row) != dominantForm {
                return .inconsistentFormula
            }
            return nil
        }
    }

    /// Ranges a formula names on its own sheet (no `Sheet!` prefix), as row spans: `SUM(G5:G40)`.
    static func localRowSpans(in formula: String) -> [ClosedRange<Int>] {
        rangeRowSpans(in: formula, sheet: nil)
    }

    /// Ranges (`Sheet!G5:G40`, and `G5:G5`, one row written as a range) a formula names on
    /// `sheet` (nil: its own sheet, without a prefix), as row spans; single cells are left out.
    static func rangeRowSpans(in formula: String, sheet: String?) -> [ClosedRange<Int>] {
        FormulaReferences.references(in: formula, sheet: sheet).filter(\.isRange).map(\.rows)
    }

    /// References `Sheet!A1` and ranges `Sheet!A1:B2` a formula names on `sheet` (nil: its own
    /// sheet, without a prefix), as row spans.
    static func rowSpans(in formula: String, sheet: String?) -> [ClosedRange<Int>] {
        FormulaReferences.references(in: formula, sheet: sheet).map(\.rows)
    }

    /// The single cells `formula` reads on its own sheet (`E2` in `=E2`, `C2+D2`); ranges and
    /// other sheets' cells are left out.
    static func cellsRead(in formula: String) -> [CellAddress] {
        let chars = Array(formula)
        return FormulaReferences.references(in: chars, sheet: nil).filter { !$0.isRange }.compactMap {
            CellAddress(String(chars[$0.text]).filter { $0 != "$" })
        }
    }

    /// The single cells a formula reads on any of `sheets` (`Deals!G6`, `'Ana Lima'!$G$20`), by
    /// place; ranges are left out. Only the sheets whose names its text holds are looked for.
    static func cellsRead(in formula: String, sheets: Set<String>) -> [CellPlace] {
        let named = sheets.filter {
            formula.contains($0) || formula.contains($0.replacingOccurrences(of: "'", with: "''"))
        }
        guard !named.isEmpty else { return [] }
        let chars = Array(formula)
        return named.sorted().flatMap { sheet in
            FormulaReferences.references(in: formula, sheet: sheet).filter { !$0.isRange }.compactMap { reference in
                CellAddress(String(chars[reference.text]).filter { $0 != "$" }).map {
                    CellPlace(sheet: sheet, cell: $0)
                }
            }
        }
    }

    /// The formula with its ranges over `rows` (a range of one row, `G5:G5`, too; a single cell
    /// is no range): on `sheet` (`Sheet!G5:G40`, quoted
    /// or not), or on the formula's own sheet when `sheet` is nil. Anchors (`$`) and columns stay
    /// as written. Nil when nothing changes, or when the ranges do not all span the same rows
    /// (`SUM(G5:G9)+SUM(G11:G20)` may leave a row out on purpose; SUMIFS's sum and criteria
    /// ranges span the same rows and move together).
    static func extendingRanges(in formula: String, sheet: String?, to rows: ClosedRange<Int>) -> String? {
        let chars = Array(formula)
        let ranges = FormulaReferences.references(in: chars, sheet: sheet).filter(\.isRange)
        guard let span = ranges.first?.rows, ranges.allSatisfy({ $0.rows == span }), span != rows else { return nil }
        var out = ""
        var copied = 0
        for range in ranges {
            out += String(chars[copied..<range.text.lowerBound])
            let ends = String(chars[range.text]).split(separator: ":")
            // Each end keeps its column and anchors; only its row number changes.
            out += ends[0].prefix { !$0.isNumber } + String(rows.lowerBound) + ":"
            out += ends[1].prefix { !$0.isNumber } + String(rows.upperBound)
            copied = range.text.upperBound
        }
        return out + String(chars[copied...])
    }

    /// The formula with every call that skips the rows its sheet hides made to count them:
    /// `SUBTOTAL(109,G5:G9)` (function numbers 101–111) becomes `SUBTOTAL(9,G5:G9)`, and an
    /// `AGGREGATE` whose option skips hidden rows (1, 3, 5, 7) takes the one that does not (0, 2,
    /// 4, 6). Nil when no call skips hidden rows. Only numbers written in the formula are read.
    static func countingHiddenRows(in formula: String) -> String? {
        let chars = Array(formula)
        // A whole number written as an argument, then its comma: its place, value and what follows.
        func argument(at start: Int) -> (place: Range<Int>, value: Int, next: Int)? {
            var end = start
            while end < chars.count, chars[end] == " " { end += 1 }
            let first = end
            while end < chars.count, end - first < 3, chars[end].isASCII, chars[end].isNumber { end += 1 }
            var comma = end
            while comma < chars.count, chars[comma] == " " { comma += 1 }
            guard end > first, comma < chars.count, chars[comma] == ",", let value = Int(String(chars[first..<end]))
            else { return nil }
            return (first..<end, value, comma + 1)
        }
        func opens(_ name: String, at index: Int) -> Bool {
            let call = Array(name + "(")
            return index + call.count <= chars.count
                && zip(chars[index...], call).allSatisfy { $0.uppercased() == String($1) }
        }
        var replacements: [(place: Range<Int>, text: String)] = []
        var inString = false
        for index in chars.indices {
            if chars[index] == "\"" { inString.toggle() }
            guard !inString,
                index == 0 || !(chars[index - 1].isLetter || chars[index - 1].isNumber || chars[index - 1] == "_")
            else { continue }
            if opens("SUBTOTAL", at: index), let code = argument(at: index + 9), (101...111).contains(code.value) {
                replacements.append((code.place, String(code.value - 100)))
            } else if opens("AGGREGATE", at: index), let code = argument(at: index + 10),
                let option = argument(at: code.next), [1, 3, 5, 7].contains(option.value)
            {
                replacements.append((option.place, String(option.value - 1)))
            }
        }
        guard !replacements.isEmpty else { return nil }
        var out = ""
        var copied = 0
        for replacement in replacements {
            out += String(chars[copied..<replacement.place.lowerBound]) + replacement.text
            copied = replacement.place.upperBound
        }
        return out + String(chars[copied...])
    }
}
