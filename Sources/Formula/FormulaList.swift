import Spreadsheet

/// A workbook's formula cells in the order they were added, in 24 bytes each plus what their
/// shapes and texts share.
///
/// A filled-down formula (`ROUND(D2*E2,2)` in F2, `ROUND(D3*E3,2)` in F3) is kept as its shape
/// (`ShapeCache.writeShape`), shared with every other cell of that shape, and its text is written
/// out only when `FormulaCell.text` is asked for; other formulas keep their text. The cached
/// value is packed as a sheet's cells are (`PackedValues`).
public struct FormulaList: RandomAccessCollection, Sendable {
    private struct Record {
        var cached: UInt64
        var row: Int32
        var column: Int32
        var sheet: Int32
        /// Its number in `shapes` or, with `textBit` set, in `texts`; `arrayBit` marks an array formula.
        var source: UInt32
    }

    private static let textBit: UInt32 = 1 << 31
    private static let arrayBit: UInt32 = 1 << 30
    private static let numberMask: UInt32 = arrayBit - 1

    private var records: [Record] = []
    private var cachedValues = PackedValues()
    private var shapes: [[UInt8]] = []
    private var shapeNumbers: [[UInt8]: UInt32] = [:]
    private var texts: [String] = []
    /// The shape being worked out, reused from one formula to the next.
    private var key: [UInt8] = []
    /// Whether the formulas are in cell order (sheet, row, column), no cell twice: as a reader
    /// of the sheets in tab order adds them. Only ever true when they are.
    private(set) var isInCellOrder = true

    init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> FormulaCell {
        let record = records[position]
        let number = Int(record.source & Self.numberMask)
        return FormulaCell(
            sheet: Int(record.sheet), address: CellAddress(row: Int(record.row), column: Int(record.column)),
            source: record.source & Self.textBit != 0 ? .text(texts[number]) : .shape(shapes[number]),
            cached: cachedValues.value(record.cached), isArray: record.source & Self.arrayBit != 0)
    }

    /// Adds the formula `text` at `address` of the sheet at `sheet`, with its cached value.
    mutating func append(sheet: Int, address: CellAddress, text: String, cached: FormulaValue, isArray: Bool) {
        var source = shapeNumber(text, at: address) ?? Self.textBit | textNumber(text)
        if isArray { source |= Self.arrayBit }
        let record = Record(
            cached: cachedValues.pack(cached), row: Int32(address.row), column: Int32(address.column),
            sheet: Int32(sheet), source: source)
        if let last = records.last, !Self.precedes(last, record) { isInCellOrder = false }
        records.append(record)
    }

    /// Keeps the first `count` formulas.
    mutating func keepFirst(_ count: Int) {
        records.removeSubrange(count...)
    }

    /// Removes the formulas `shouldBeRemoved` takes.
    mutating func removeAll(where shouldBeRemoved: (FormulaCell) throws -> Bool) rethrows {
        var kept: [Record] = []
        for position in indices where try !shouldBeRemoved(self[position]) { kept.append(records[position]) }
        records = kept
    }

    /// Puts the formulas in the order of their sheets, each sheet's in the order they were added.
    mutating func orderBySheet() {
        guard zip(records, records.dropFirst()).contains(where: { $0.sheet > $1.sheet }) else { return }
        var bySheet: [Int32: [Record]] = [:]
        for record in records { bySheet[record.sheet, default: []].append(record) }
        records = bySheet.keys.sorted().flatMap { bySheet[$0]! }
        isInCellOrder = !zip(records, records.dropFirst()).contains { !Self.precedes($0, $1) }
    }

    /// The positions of the formulas in cell order (sheet, row, column; a cell's formulas in the
    /// order they were added), for `position(of:order:)`; empty when the list is in cell order.
    func cellOrder() -> [Int] {
        guard !isInCellOrder else { return [] }
        return records.indices.sorted {
            let (a, b) = (records[$0], records[$1])
            return (a.sheet, a.row, a.column, $0) < (b.sheet, b.row, b.column, $1)
        }
    }

    /// The position of the last formula added at `cell`, or nil, found by halving the list in
    /// cell order: `order` from `cellOrder()` (taken once; the list unchanged since).
    func position(of cell: CellKey, order: [Int]) -> Int? {
        precondition(order.isEmpty ? isInCellOrder : order.count == records.count, "a cell order of another list")
        let target = (Int32(clamping: cell.sheet), Int32(clamping: cell.row))
        let column = Int32(clamping: cell.column)
        // The first place in cell order past every formula at or before `cell`.
        var (low, high) = (0, records.count)
        while low < high {
            let middle = (low + high) / 2
            let record = records[order.isEmpty ? middle : order[middle]]
            if (record.sheet, record.row, record.column) <= (target.0, target.1, column) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low > 0 else { return nil }
        let position = order.isEmpty ? low - 1 : order[low - 1]
        let record = records[position]
        return (record.sheet, record.row, record.column) == (target.0, target.1, column) ? position : nil
    }

    /// Whether `a` stands before `b` in cell order.
    private static func precedes(_ a: Record, _ b: Record) -> Bool {
        (a.sheet, a.row, a.column) < (b.sheet, b.row, b.column)
    }

    /// The number of `text`'s shape at `address`, kept when new; nil when the formula has no shape
    /// to share or too many shapes are kept.
    private mutating func shapeNumber(_ text: String, at address: CellAddress) -> UInt32? {
        let shared = text.utf8.withContiguousStorageIfAvailable {
            ShapeCache.writeShape($0, at: address, into: &key)
        }
        guard shared ?? false else { return nil }
        if let known = shapeNumbers[key] { return known }
        guard shapes.count < ShapeCache.mostShapes else { return nil }
        shapes.append(key)
        shapeNumbers[key] = UInt32(shapes.count - 1)
        return UInt32(shapes.count - 1)
    }

    private mutating func textNumber(_ text: String) -> UInt32 {
        texts.append(text)
        precondition(texts.count <= Int(Self.numberMask), "more formula texts than a list numbers")
        return UInt32(texts.count - 1)
    }
}

/// One formula cell: where it is, its formula text and the value the file cached for it.
public struct FormulaCell: Sendable, Hashable {
    public let sheet: Int
    public let address: CellAddress
    /// The text, or the shape it is written from (`ShapeCache.writeShape`).
    let source: Source
    public let cached: FormulaValue
    public let isArray: Bool

    enum Source: Sendable {
        case text(String)
        case shape([UInt8])
    }

    /// The formula's text, as the file has it (without `=`).
    public var text: String {
        switch source {
        case .text(let text): text
        case .shape(let shape): ShapeCache.text(ofShape: shape, at: address)
        }
    }

    public static func == (a: FormulaCell, b: FormulaCell) -> Bool {
        a.sheet == b.sheet && a.address == b.address && a.cached == b.cached && a.isArray == b.isArray
            && a.text == b.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sheet)
        hasher.combine(address)
        hasher.combine(text)
        hasher.combine(cached)
        hasher.combine(isArray)
    }
}
