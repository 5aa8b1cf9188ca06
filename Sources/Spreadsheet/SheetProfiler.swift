import Foundation

/// What kind of values a column holds, as `inspect` reports it.
public enum InferredType: String, Sendable, Hashable {
    case empty, number, date, text, bool, error, mixed
}

/// A summary of one sheet's contents: used range, counts, header row and column types.
public struct SheetProfile: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public let column: Int
        public let header: String?
        public let type: InferredType
        public let filled: Int
    }

    /// Computed from the cells that hold values, never from `<dimension>`.
    public var usedRange: CellRange?
    public var rowCount: Int
    public var cellCount: Int
    public var formulaCount: Int
    /// The 1-based row that looks like the header, if any.
    public var headerRow: Int?
    public var columns: [Column]
}

/// Builds a `SheetProfile` from streamed rows in memory proportional to the columns, not rows.
///
/// The header is the row among the first 30 with the most text cells (at least two, or one in a
/// one-column sheet); column types are tallied over the rows below it. Text that reads as a
/// number, ISO date or boolean counts as that type, so CSV columns are typed too.
public struct SheetProfiler {
    private static let headerSearchRows = 30
    private var firstRows: [Row] = []
    private var tallies: [Int: [InferredType: Int]] = [:]
    private var minRow = Int.max, maxRow = 0, minColumn = Int.max, maxColumn = 0
    private var rowCount = 0, cellCount = 0, formulaCount = 0

    public init() {}

    public mutating func add(_ row: Row) {
        var counted = false
        for cell in row.cells {
            if cell.formula != nil { formulaCount += 1 }
            guard !cell.value.isEmpty else { continue }
            if case .text(let text) = cell.value, text.isEmpty { continue }
            counted = true
            cellCount += 1
            minColumn = min(minColumn, cell.column)
            maxColumn = max(maxColumn, cell.column)
        }
        guard counted else { return }
        rowCount += 1
        minRow = min(minRow, row.index)
        maxRow = max(maxRow, row.index)
        if firstRows.count < Self.headerSearchRows {
            firstRows.append(row)
        } else {
            tally(row)
        }
    }

    public func finish() -> SheetProfile {
        var profiler = self
        let header = profiler.detectHeader()
        for row in firstRows where header == nil || row.index > header!.index { profiler.tally(row) }
        let columns = profiler.tallies.keys.sorted().map { column in
            let counts = profiler.tallies[column]!
            let filled = counts.values.reduce(0, +)
            let headerText = header?.cell(at: column).map { $0.value.plainText }
            return SheetProfile.Column(column: column, header: headerText, type: Self.dominant(counts), filled: filled)
        }
        let range =
            rowCount == 0
            ? nil
            : CellRange(
                first: CellAddress(row: minRow, column: minColumn), last: CellAddress(row: maxRow, column: maxColumn))
        return SheetProfile(
            usedRange: range, rowCount: rowCount, cellCount: cellCount, formulaCount: formulaCount,
            headerRow: header?.index, columns: columns)
    }

    private func detectHeader() -> Row? {
        let minimum = maxColumn == minColumn ? 1 : 2
        var best: (row: Row, texts: Int)?
        for row in firstRows {
            let texts = row.cells.filter { Self.kind(of: $0.value) == .text }.count
            if texts >= minimum && texts > (best?.texts ?? 0) { best = (row, texts) }
        }
        return best?.row
    }

    private mutating func tally(_ row: Row) {
        for cell in row.cells {
            let kind = Self.kind(of: cell.value)
            guard kind != .empty else { continue }
            tallies[cell.column, default: [:]][kind, default: 0] += 1
        }
    }

    private static func dominant(_ counts: [InferredType: Int]) -> InferredType {
        let total = counts.values.reduce(0, +)
        guard let top = counts.max(by: { $0.value < $1.value }), total > 0 else { return .empty }
        return Double(top.value) >= 0.9 * Double(total) ? top.key : .mixed
    }

    static func kind(of value: CellValue) -> InferredType {
        switch value {
        case .empty: return .empty
        case .number, .outOfRangeNumber: return .number
        case .date: return .date
        case .bool: return .bool
        case .error: return .error
        case .text(let text):
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty { return .empty }
            if case .value = Decimal.parse(String(trimmed)) { return .number }
            if trimmed.count == 10, trimmed.split(separator: "-").count == 3, trimmed.first?.isNumber == true {
                return .date
            }
            if ["true", "false"].contains(trimmed.lowercased()) { return .bool }
            return .text
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return slice
    }
}
