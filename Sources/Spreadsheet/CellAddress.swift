/// A cell's position: 1-based row and column, as in `B7` (row 7, column 2).
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Excel's largest sheet: 1,048,576 rows by 16,384 columns (`XFD`).
    public static let maxRow = 1_048_576
    public static let maxColumn = 16_384

    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an A1 reference such as `B7` or `$B$7`; nil when it is not one or is out of range.
    public init?(_ text: some StringProtocol) {
        guard let parsed = Self.parse(text.utf8) else { return nil }
        self = parsed
    }

    /// Parses A1 bytes; `$` anchors are accepted and dropped. Row 0 and columns past `XFD` are nil.
    @inlinable
    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> CellAddress? {
        var column = 0
        var row = 0
        var i = bytes.startIndex
        if i < bytes.endIndex && bytes[i] == UInt8(ascii: "$") { bytes.formIndex(after: &i) }
        let lettersStart = i
        while i < bytes.endIndex, let value = letterValue(bytes[i]) {
            column = column * 26 + value
            bytes.formIndex(after: &i)
            if column > maxColumn { return nil }
        }
        guard i != lettersStart else { return nil }
        if i < bytes.endIndex && bytes[i] == UInt8(ascii: "$") { bytes.formIndex(after: &i) }
        let digitsStart = i
        while i < bytes.endIndex, bytes[i] >= 48, bytes[i] <= 57 {
            row = row * 10 + Int(bytes[i] - 48)
            bytes.formIndex(after: &i)
            if row > maxRow { return nil }
        }
        guard i == bytes.endIndex, i != digitsStart, row >= 1 else { return nil }
        return CellAddress(row: row, column: column)
    }

    @inlinable @inline(__always)
    static func letterValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 65...90: Int(byte - 64)
        case 97...122: Int(byte - 96)
        default: nil
        }
    }

    /// Column letters for a 1-based column number: 1 → `A`, 28 → `AB`; empty for 0 and below.
    public static func columnName(_ column: Int) -> String {
        String(unsafeUninitializedCapacity: longestName) { writeColumnName(column, into: $0) }
    }

    /// The most bytes a column's letters take (of any `Int` column), and with its row's digits.
    private static let longestName = 14
    private static let longestDescription = longestName + 20

    /// Writes `column`'s letters at the start of `out` (room for `longestName`), returning how
    /// many: built as bytes, not as characters (an address is written for every finding).
    private static func writeColumnName(_ column: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var n = column
        while n > 0 {
            count += 1
            n = (n - 1) / 26
        }
        n = column
        var index = count
        while n > 0 {
            index -= 1
            out[index] = UInt8(65 + (n - 1) % 26)
            n = (n - 1) / 26
        }
        return count
    }

    /// The column number for letters such as `AB`; nil when they are not letters or out of range.
    public static func columnNumber(_ letters: some StringProtocol) -> Int? {
        var column = 0
        for byte in letters.utf8 {
            guard let value = letterValue(byte) else { return nil }
            column = column * 26 + value
            if column > maxColumn { return nil }
        }
        return column == 0 ? nil : column
    }

    public var description: String {
        String(unsafeUninitializedCapacity: Self.longestDescription) { out in
            var count = Self.writeColumnName(column, into: out)
            if row < 0 {
                out[count] = UInt8(ascii: "-")
                count += 1
            }
            var digits = row.magnitude
            let start = count
            repeat {
                out[count] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
                count += 1
            } while digits > 0
            var (low, high) = (start, count - 1)
            while low < high {
                out.swapAt(low, high)
                (low, high) = (low + 1, high - 1)
            }
            return count
        }
    }

    public static func < (a: CellAddress, b: CellAddress) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells such as `A1:C3`.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public let first: CellAddress
    public let last: CellAddress

    public init(first: CellAddress, last: CellAddress) {
        self.first = CellAddress(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellAddress(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Whether the two ranges share a cell.
    public func overlaps(_ other: CellRange) -> Bool {
        first.row <= other.last.row && other.first.row <= last.row && first.column <= other.last.column
            && other.first.column <= last.column
    }

    /// Parses `A1:C3` or a single `B2`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellAddress(parts[0]),
            let b = parts.count == 2 ? CellAddress(parts[1]) : a
        else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ address: CellAddress) -> Bool {
        (first.row...last.row).contains(address.row) && (first.column...last.column).contains(address.column)
    }

    public var description: String { first == last ? "\(first)" : "\(first):\(last)" }
}
