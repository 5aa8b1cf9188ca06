import Commission
import Spreadsheet

/// A value written once and ditto-marked on the rows below while it repeats, as a register is
/// kept by hand (`"`, `〃`, `-do-`, `do.`, `ditto`): the mark in a row's rep, product, type or date
/// cell is the value last written above it in that column. Applied to a sheet's rows in order,
/// only once the sheet has been seen to hold such a mark as a rep or product (`marked`); a mark
/// with nothing written above it stays as it is written (a rep no one is, a finding).
struct DittoMarks {
    private let columns: [Int]
    /// The value written last in each of `columns` (not a mark, not a total's label).
    private var above: [Int: CellValue] = [:]

    init(_ mapping: ColumnMapping<Field>) {
        columns = [Field.rep, .product, .type, .date].compactMap { mapping.columns[$0] }
    }

    /// The marks, as written and lowercased: straight and curly quotes, the ditto sign, and the
    /// abbreviations of `ditto` (`do.`, `-do-`); never a bare `do`, which may be a name.
    private static let marks: Set<String> = [
        "\"", "''", "〃", "”", "“", "„", "-\"-", "- \" -", "-do-", "- do -", "do.", "-do", "ditto", "ditto.",
    ]

    /// Whether `text` is a ditto mark alone. Every line's rep and product is asked, so most texts
    /// are told by their first byte (UTF-8) and their length alone: a mark opens with a space, `"`,
    /// `'`, `-`, `d` or `D`, or the lead byte of a curly quote (E2) or of `〃` (E3), and is no
    /// longer than `- do -`.
    static func isMark(_ text: String) -> Bool {
        let bytes = text.utf8
        switch bytes.first {
        case 0x20, 0x22, 0x27, 0x2D, 0x44, 0x64, 0xE2, 0xE3: break
        default: return false
        }
        guard bytes.count <= 9 else { return false }
        return marks.contains(text) || marks.contains(text.trimmedSpaces.lowercased())
    }

    static func isMark(_ value: CellValue) -> Bool {
        guard case .text(let text) = value else { return false }
        return isMark(text)
    }

    /// Whether a sheet read without reading its marks (its `lines`, and the `skipped` rows) holds
    /// a ditto mark as a line's rep or product, or a left-out row's rep.
    /// Every line's names are asked (`CreditLine.anyNames`, once for the lines sharing them).
    static func marked(lines: [CreditLine], skipped: [SkippedRow]) -> Bool {
        CreditLine.anyNames(of: lines) { rep, product in isMark(rep) || product.map(isMark) == true }
            || skipped.contains { $0.rep.map(isMark) == true }
    }

    /// `row` with each ditto mark in `columns` replaced by the value written above it.
    mutating func fill(_ row: Row) -> Row {
        var filled = row
        for column in columns {
            guard let index = filled.cells.firstIndex(where: { $0.column == column }) else { continue }
            let value = filled.cells[index].value
            if Self.isMark(value) {
                if let written = above[column] { filled.cells[index].value = written }
            } else if value != .empty, TotalRow.label(of: value, allowingNames: false) == nil {
                above[column] = value
            }
        }
        return filled
    }
}
