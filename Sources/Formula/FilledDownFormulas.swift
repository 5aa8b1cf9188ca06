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
    /// A formula given a shape: its row, its shape's number, its text and where its references'
    /// rows are written in that text.
    private struct Remembered: Sendable {
        var row: Int
        var shape: UInt32
        var text: String
        var rows: [RowDigits]
    }

    /// The last formula remembered in each column, by column (1-based) minus one.
    private var last: [Remembered?] = []
    /// The rows of the formula being compared, reused from one formula to the next.
    private var moved: [RowDigits] = []

    /// The number of the shape of `text` at `cell`, when it is the formula last remembered in the
    /// same column with each reference moved as far as `cell` is from it; nil when it is not.
    mutating func shape(of text: String, at cell: CellAddress) -> UInt32? {
        let index = cell.column - 1
        guard index >= 0, index < last.count, let above = last[index] else { return nil }
        var moved = self.moved
        self.moved = []
        defer { self.moved = moved }
        let same = text.utf8.withContiguousStorageIfAvailable { new in
            above.text.utf8.withContiguousStorageIfAvailable { old in
                Self.isMoved(new, from: old, rows: above.rows, by: cell.row - above.row, into: &moved)
            }
        }
        guard same == true else { return nil }
        last[index]!.row = cell.row
        last[index]!.text = text
        swap(&last[index]!.rows, &moved)
        return above.shape
    }

    /// Remembers that `text` at `cell` has shape number `shape`, its references' rows written at
    /// `rows` (as `ShapeCache.writeShape` found them).
    mutating func remember(_ text: String, at cell: CellAddress, shape: UInt32, rows: [RowDigits]) {
        let index = cell.column - 1
        guard index >= 0 else { return }
        if index >= last.count { last += repeatElement(nil, count: index + 1 - last.count) }
        guard last[index] != nil else {
            last[index] = Remembered(row: cell.row, shape: shape, text: text, rows: rows)
            return
        }
        last[index]!.row = cell.row
        last[index]!.shape = shape
        last[index]!.text = text
        last[index]!.rows.removeAll(keepingCapacity: true)
        last[index]!.rows.append(contentsOf: rows)
    }

    /// Whether `text` is `old` with each reference's row number (written at `rows` in `old`)
    /// `offset` more and still a row of the sheet, every other byte the same; `moved` gets where
    /// the rows are written in `text`.
    static func isMoved(
        _ text: UnsafeBufferPointer<UInt8>, from old: UnsafeBufferPointer<UInt8>, rows: [RowDigits], by offset: Int,
        into moved: inout [RowDigits]
    ) -> Bool {
        moved.removeAll(keepingCapacity: true)
        var (o, n) = (0, 0)
        for reference in rows {
            guard sameBytes(text, n, old, o..<reference.start) else { return false }
            n += reference.start - o
            let row = reference.row + offset
            guard row >= 1, row <= CellAddress.maxRow, let end = endOfDigits(of: row, in: text, at: n) else {
                return false
            }
            moved.append(RowDigits(start: n, end: end, row: row))
            n = end
            o = reference.end
        }
        return text.count - n == old.count - o && sameBytes(text, n, old, o..<old.count)
    }

    /// Whether `text` holds `old[range]` from `start` on.
    private static func sameBytes(
        _ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ old: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> Bool {
        guard start + range.count <= text.count else { return false }
        return range.isEmpty || memcmp(text.baseAddress! + start, old.baseAddress! + range.lowerBound, range.count) == 0
    }

    /// Just past `row`'s decimal digits when `text` holds them from `start` on; nil when it does not.
    private static func endOfDigits(of row: Int, in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var count = 1
        var power = 10
        while power <= row {
            count += 1
            power *= 10
        }
        guard start + count <= text.count else { return nil }
        var rest = row
        for position in stride(from: start + count - 1, through: start, by: -1) {
            guard text[position] == UInt8(ascii: "0") + UInt8(rest % 10) else { return nil }
            rest /= 10
        }
        return start + count
    }
}
