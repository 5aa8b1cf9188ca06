import FileAccess
import Parallel

/// The manual cells of a table's lines (`DealsTable.manual`), one per line, read as an array:
/// held in memory, or set aside in a file of records (`ManualColumn.SetAside`) that a workbook of
/// millions of rows keeps out of memory through a whole reconciliation.
///
/// Reading is the same either way. A column set aside is never changed in its file: rows taken
/// out (`keep(at:)`, `removeAll(where:)`) leave a list of the records left out, or of those kept
/// when they are out of order or fewer (`KeptRecords`); any other change brings the cells back into memory first (`cells`), which a caller of millions of
/// rows avoids.
public struct ManualColumn: Sendable {
    private enum Storage: Sendable {
        case held([ManualCells])
        /// The records, and which of them in which order (nil: all, in the order written).
        case setAside(SetAside, kept: KeptRecords?)
    }

    private var storage: Storage

    public init(_ cells: [ManualCells] = []) { storage = .held(cells) }

    /// The column of the records in `file`, each position in `order` (nil: all in file order).
    public init(_ file: SetAside, order: [UInt32]? = nil) {
        storage = .setAside(file, kept: order.map(KeptRecords.init(listed:)))
    }

    /// Whether the cells are in a file rather than in memory.
    public var isSetAside: Bool {
        if case .setAside = storage { return true }
        return false
    }

    /// The cells as an array held in memory, for changing them: a column set aside is read back
    /// into memory first.
    public var cells: [ManualCells] {
        get {
            switch storage {
            case .held(let cells): return cells
            case .setAside: return Array(self)
            }
        }
        _modify {
            var held = cells
            storage = .held([])
            defer { storage = .held(held) }
            yield &held
        }
    }

    /// Keeps the rows at `indices` (positions in this column, in the order given) and no other.
    /// Positions in increasing order are kept in place: a million rows' cells are not held twice.
    public mutating func keep(at indices: [Int]) {
        switch storage {
        case .held(var cells):
            storage = .held([])
            if zip(indices, indices.dropFirst()).allSatisfy({ $0 < $1 }) {
                for (position, index) in indices.enumerated() where position != index { cells[position] = cells[index] }
                cells.removeLast(cells.count - indices.count)
            } else {
                cells = indices.map { cells[$0] }
            }
            storage = .held(cells)
        case .setAside(let file, let kept):
            storage = .setAside(file, kept: (kept ?? KeptRecords(all: file.count)).keeping(indices))
        }
    }

    /// Takes out the rows at `indices` (positions in this column, ascending): what `keep(at:)`
    /// does with the others, without a list of every row kept (a few rows out of millions).
    public mutating func leaveOut(_ indices: [Int]) {
        guard !indices.isEmpty else { return }
        switch storage {
        case .held(var cells):
            storage = .held([])
            cells.removeSubranges(RangeSet(indices, within: cells))
            storage = .held(cells)
        case .setAside(let file, let kept):
            storage = .setAside(file, kept: (kept ?? KeptRecords(all: file.count)).leavingOut(indices))
        }
    }

    /// Takes out the rows for which `shouldBeRemoved` holds.
    public mutating func removeAll(where shouldBeRemoved: (ManualCells) throws -> Bool) rethrows {
        guard isSetAside else { return try cells.removeAll(where: shouldBeRemoved) }
        var indices: [Int] = []
        for index in self.indices where try !shouldBeRemoved(self[index]) { indices.append(index) }
        if indices.count < count { keep(at: indices) }
    }

    public mutating func append(_ row: ManualCells) { cells.append(row) }

    public mutating func append(contentsOf rows: some Sequence<ManualCells>) { cells.append(contentsOf: rows) }

    public mutating func reserveCapacity(_ count: Int) {
        if case .held = storage { cells.reserveCapacity(count) }
    }

    /// The capacity of the cells held in memory (0 for a column set aside).
    public var capacity: Int {
        if case .held(let cells) = storage { return cells.capacity }
        return 0
    }

    /// Calls `body` with the cells held in memory as one buffer, or with each row in turn for a
    /// column set aside: the fastest pass over every row.
    public func forEachRow(_ body: (Int, ManualCells) throws -> Void) rethrows {
        let read: Void? = try withHeldCells { buffer in
            for index in buffer.indices { try body(index, buffer[index]) }
        }
        if read == nil {
            for index in indices { try body(index, self[index]) }
        }
    }

    /// How many pieces a pass over every row is read in on all cores: from `minimum` rows, but one
    /// for a column set aside in a file (its cache serves one reader).
    public func readingPieces(minimum: Int) -> Int {
        isSetAside ? 1 : chunkCount(items: count, minimum: minimum)
    }

    /// Calls `body` with the cells held in memory as one buffer, for a caller that reads them in
    /// place in a loop of its own; nil, without calling it, for a column set aside.
    public func withHeldCells<Result>(_ body: (UnsafeBufferPointer<ManualCells>) throws -> Result) rethrows
        -> Result?
    {
        guard case .held(let cells) = storage else { return nil }
        return try cells.withUnsafeBufferPointer(body)
    }
}

extension ManualColumn: RandomAccessCollection {
    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .held(let cells): return cells.count
        case .setAside(let file, let kept): return kept?.count ?? file.count
        }
    }

    public subscript(index: Int) -> ManualCells {
        get {
            switch storage {
            case .held(let cells): return cells[index]
            case .setAside(let file, let kept): return file[kept.map { $0[index] } ?? index]
            }
        }
        set { cells[index] = newValue }
    }
}

extension ManualColumn: MutableCollection {}

extension ManualColumn: Equatable {
    public static func == (a: ManualColumn, b: ManualColumn) -> Bool { a.elementsEqual(b) }
}

extension ManualColumn: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: ManualCells...) { self.init(rows) }
}

extension ManualColumn {
    /// Rows' manual cells written to a file of records (`RecordFile`) as they are set aside,
    /// then read back by position; what no record holds (`ManualCells.HeldApart`: the rare
    /// texts and long numbers) stays in memory.
    public final class SetAside: @unchecked Sendable {
        private let file: RecordFile
        // Written only while the rows are set aside, before any read.
        private var apart = ManualCells.HeldApart()

        /// `blockRecords`, `cacheBlocks`: as `RecordFile` reads and keeps them (small ones for tests).
        public init(blockRecords: Int = 4096, cacheBlocks: Int = 4) {
            file = RecordFile(recordSize: ManualCells.recordSize, blockRecords: blockRecords, cacheBlocks: cacheBlocks)
        }

        public var count: Int { file.count }

        /// Adds a row's cells after those written.
        public func append(_ cells: ManualCells) throws(ByteSpool.Failure) {
            try file.append { cells.write(into: $0, apart: &apart) }
        }

        public subscript(index: Int) -> ManualCells {
            file.withRecord(index) { ManualCells(record: $0, apart: apart) }
        }
    }
}
