import Foundation
import Spreadsheet

/// Where a cell reference's row number is written in a formula's text (`ShapeCache.writeShape`):
/// its bytes, and the row they say.
struct RowDigits: Sendable, Equatable {
    var start: Int
    var end: Int
    var row: Int
}

/// The last formula given a shape in each column of a `FormulaList`, so that the next one down the
/// column, filled down from it (`ROUND(D3*E3,2)` in G3 under `ROUND(D2*E2,2)` in G2), is known to
/// have the same shape by comparing the two texts, without writing its shape out and looking it up.
///
/// A text at a cell `d` rows below the remembered one has its shape when its bytes are the
/// remembered text's with each reference's row number `d` more (still a row of the sheet), and
/// nothing else changed: `ShapeCache.writeShape` reads both texts alike, each reference as a word
/// in capitals without leading zeros between the same bytes, and writes each reference as the same
/// offset from its cell. The sheet plays no part in a shape.
struct FilledDownFormulas: Sendable {
    /// A formula given a shape: its row (0 for none), its shape's number, its text and where its
    /// references' rows are written in that text.
    private struct Remembered: Sendable {
        var row = 0
        var shape: UInt32 = 0
        var text = ""
        var rows: [RowDigits] = []
    }

    /// The last formula remembered in each column, by column (1-based) minus one.
    private var last: [Remembered] = []

    /// The number of the shape of `text` at `cell`, when it is the formula last remembered in the
    /// same column with each reference moved as far as `cell` is from it; nil when it is not.
    mutating func shape(of text: String, at cell: CellAddress) -> UInt32? {
        let index = cell.column - 1
        guard index >= 0, index < last.count, last[index].row > 0 else { return nil }
        let offset = cell.row - last[index].row
        let old = last[index].text
        let same = text.utf8.withContiguousStorageIfAvailable { new in
            old.utf8.withContiguousStorageIfAvailable { old in
                Self.isMoved(new, from: old, rows: last[index].rows, by: offset)
            }
        }
        guard same == true else { return nil }
        last[index].row = cell.row
        last[index].text = text
        Self.move(&last[index].rows, by: offset)
        return last[index].shape
    }

    /// Remembers that `text` at `cell` has shape number `shape`, its references' rows written at
    /// `rows` (as `ShapeCache.writeShape` found them).
    mutating func remember(_ text: String, at cell: CellAddress, shape: UInt32, rows: [RowDigits]) {
        let index = cell.column - 1
        guard index >= 0 else { return }
        if index >= last.count { last += repeatElement(Remembered(), count: index + 1 - last.count) }
        last[index].row = cell.row
        last[index].shape = shape
        last[index].text = text
        last[index].rows.removeAll(keepingCapacity: true)
        last[index].rows.append(contentsOf: rows)
    }

    /// Whether `text` is `old` with each reference's row number (written at `rows` in `old`)
    /// `offset` more and still a row of the sheet, every other byte the same.
    static func isMoved(
        _ text: UnsafeBufferPointer<UInt8>, from old: UnsafeBufferPointer<UInt8>, rows: [RowDigits], by offset: Int
    ) -> Bool {
        var (o, n) = (0, 0)
        for reference in rows {
            guard sameBytes(text, n, old, o..<reference.start) else { return false }
            n += reference.start - o
            guard let end = endOfRow(reference.row + offset, in: text, at: n) else { return false }
            n = end
            o = reference.end
        }
        return text.count - n == old.count - o && sameBytes(text, n, old, o..<old.count)
    }

    /// `rows` (from a text `isMoved` took) as the moved text has them: each row `offset` more,
    /// the bytes after it moved as far as its digits grew or shrank.
    static func move(_ rows: inout [RowDigits], by offset: Int) {
        var shift = 0
        for index in rows.indices {
            let old = rows[index]
            let row = old.row + offset
            var digits = 1
            var power = 10
            while power <= row {
                digits += 1
                power *= 10
            }
            rows[index] = RowDigits(start: old.start + shift, end: old.start + shift + digits, row: row)
            shift += digits - (old.end - old.start)
        }
    }

    /// Whether `text` holds `old[range]` from `start` on.
    private static func sameBytes(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ old: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> Bool {
        guard start + range.count <= text.count else { return false }
        return range.isEmpty || memcmp(text.baseAddress! + start, old.baseAddress! + range.lowerBound, range.count) == 0
    }

    /// Just past the digits from `start` on in `text` when they write `row`, a row of the sheet,
    /// without leading zeros; nil when they do not.
    private static func endOfRow(_ row: Int, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard row >= 1, row <= CellAddress.maxRow, start < text.count, text[start] != UInt8(ascii: "0") else {
            return nil
        }
        var (value, end) = (0, start)
        while end < text.count, (48...57).contains(text[end]) {
            value = value * 10 + Int(text[end] - 48)
            end += 1
            if value > row { return nil }
        }
        return value == row ? end : nil
    }
}
