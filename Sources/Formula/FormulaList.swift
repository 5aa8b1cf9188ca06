import Spreadsheet

/// A workbook's formula cells in the order they were added: a filled-down formula in four bytes
/// a cell (its cached value) plus what its column's run, shapes and texts share.
///
/// A filled-down formula (`ROUND(D2*E2,2)` in F2, `ROUND(D3*E3,2)` in F3) is kept as its shape
/// (`ShapeCache.writeShape`), shared with every other cell of that shape, and its text is written
/// out only when `FormulaCell.text` is asked for; other formulas keep their text. Formulas added
/// one after another down a column from one shape (or each with its own text) are kept as one
/// run: where it starts and how it goes on. The cached value is packed as a sheet's cells are
/// (`PackedValues`, `PackedColumn`).
public struct FormulaList: RandomAccessCollection, Sendable {
    /// Formulas at consecutive positions down one column: the formula at `first + k` is at row
    /// `row + k`, from the source `source` (a shape) or `source + k` (texts).
    private struct Run {
        /// The position of its first formula.
        var first: UInt32
        var row: Int32
        var column: Int32
        var sheet: Int32
        /// Its first formula's number in `shapes` or, with `textBit` set, in `texts`; `arrayBit`
        /// marks array formulas.
        var source: UInt32
    }

    /// Where a formula is, in cell order (sheet, row, column).
    private typealias Location = (sheet: Int32, row: Int32, column: Int32)

    private static let textBit: UInt32 = 1 << 31
    private static let arrayBit: UInt32 = 1 << 30
    private static let numberMask: UInt32 = arrayBit - 1

    private var runs: [Run] = []
    /// The run holding every `runStride`-th formula (positions 0, `runStride`, …), so that finding
    /// a formula's run looks at a few runs, not half of them.
    private var strideRuns: [UInt32] = []
    private static let runStride = 64
    /// Each formula's cached value, by position.
    private var cached = PackedColumn(widens: false)
    private var cachedValues = PackedValues()
    private var shapes: [[UInt8]] = []
    private var shapeNumbers: [[UInt8]: UInt32] = [:]
    private var texts: [String] = []
    /// The shape being worked out, reused from one formula to the next, and where its
    /// references' rows are written in its text.
    private var key: [UInt8] = []
    private var rowDigits: [RowDigits] = []
    /// The last formula given a shape in each column, which the next one filled down is
    /// compared with instead of writing its shape out.
    private var filledDown = FilledDownFormulas()
    /// Whether the formulas are in cell order (sheet, row, column), no cell twice: as a reader
    /// of the sheets in tab order adds them. Only ever true when they are.
    private(set) var isInCellOrder = true

    init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { cached.count }

    /// Whether some formula was saved without a cached value (its `FormulaCell.cached` is blank):
    /// only such a formula's evaluated value can change what a reader of its cell sees.
    public var hasFormulaWithoutCachedValue: Bool { cached.containsBlank }

    public subscript(position: Int) -> FormulaCell {
        cell(at: position, in: runHolding(position))
    }

    /// The formulas in order, each run found by stepping from the last one instead of a search.
    public struct Iterator: IteratorProtocol {
        private let list: FormulaList
        private var position = 0
        private var run = 0

        fileprivate init(_ list: FormulaList) {
            self.list = list
        }

        public mutating func next() -> FormulaCell? {
            guard position < list.count else { return nil }
            while run + 1 < list.runs.count, Int(list.runs[run + 1].first) <= position { run += 1 }
            defer { position += 1 }
            return list.cell(at: position, in: run)
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    /// The sheet and cell of the formula at `position`, without its text or cached value.
    public func location(at position: Int) -> (sheet: Int, address: CellAddress) {
        let (sheet, row, column) = cellOrderKey(at: position)
        return (Int(sheet), CellAddress(row: Int(row), column: Int(column)))
    }

    /// The formulas run by run, in order: the positions of each run (consecutive formulas down
    /// one column), and whether they share one shape, each formula the first moved down a row more.
    func forEachRun(_ body: (_ positions: Range<Int>, _ sharesShape: Bool) throws -> Void) rethrows {
        for (index, run) in runs.enumerated() {
            let end = index + 1 < runs.count ? Int(runs[index + 1].first) : count
            try body(Int(run.first)..<end, run.source & Self.textBit == 0)
        }
    }

    /// The formula at `position`, which the run at `index` holds.
    private func cell(at position: Int, in index: Int) -> FormulaCell {
        let run = runs[index]
        let offset = position - Int(run.first)
        let source = self.source(of: run, offset: offset)
        let number = Int(source & Self.numberMask)
        return FormulaCell(
            sheet: Int(run.sheet), address: CellAddress(row: Int(run.row) + offset, column: Int(run.column)),
            source: source & Self.textBit != 0 ? .text(texts[number]) : .shape(shapes[number]),
            cached: cached.value(at: position, values: cachedValues), isArray: source & Self.arrayBit != 0)
    }

    /// Adds the formula `text` at `address` of the sheet at `sheet`, with its cached value.
    mutating func append(sheet: Int, address: CellAddress, text: String, cached: FormulaValue, isArray: Bool) {
        var source = shapeNumber(text, at: address) ?? Self.textBit | textNumber(text)
        if isArray { source |= Self.arrayBit }
        append(
            (Int32(sheet), Int32(address.row), Int32(address.column)), source: source,
            cached: cachedValues.pack(cached))
    }

    /// Adds a formula whose source and cached word (from `cachedValues`) are known.
    private mutating func append(_ location: Location, source: UInt32, cached word: UInt64) {
        precondition(count < Int(UInt32.max), "more formulas than a list numbers")
        var extendsLastRun = false
        if let last = runs.last {
            let length = count - Int(last.first)
            let end: Location = (last.sheet, last.row + Int32(length - 1), last.column)
            if !Self.precedes(end, location) { isInCellOrder = false }
            extendsLastRun =
                (location.sheet, location.column) == (last.sheet, last.column)
                && Int(location.row) == Int(end.row) + 1 && source == self.source(of: last, offset: length)
        }
        if !extendsLastRun {
            runs.append(
                Run(
                    first: UInt32(count), row: location.row, column: location.column, sheet: location.sheet,
                    source: source))
        }
        if count % Self.runStride == 0 { strideRuns.append(UInt32(runs.count - 1)) }
        cached.append(word, values: &cachedValues)
    }

    /// Keeps the first `count` formulas.
    mutating func keepFirst(_ count: Int) {
        cached.keepFirst(count)
        while let last = runs.last, Int(last.first) >= count { runs.removeLast() }
        strideRuns.removeSubrange(((count + Self.runStride - 1) / Self.runStride)...)
    }

    /// Removes the formulas `shouldBeRemoved` takes.
    mutating func removeAll(where shouldBeRemoved: (FormulaCell) throws -> Bool) rethrows {
        var kept = emptied()
        for position in indices where try !shouldBeRemoved(self[position]) { kept.append(from: self, position) }
        self = kept
    }

    /// Puts the formulas in the order of their sheets, each sheet's in the order they were added.
    mutating func orderBySheet() {
        guard zip(runs, runs.dropFirst()).contains(where: { $0.sheet > $1.sheet }) else { return }
        var ordered = emptied()
        let byRun = runs.indices.sorted { (runs[$0].sheet, $0) < (runs[$1].sheet, $1) }
        for index in byRun {
            let end = index + 1 < runs.count ? Int(runs[index + 1].first) : count
            for position in Int(runs[index].first)..<end { ordered.append(from: self, position) }
        }
        self = ordered
    }

    /// The positions of the formulas in cell order (sheet, row, column; a cell's formulas in the
    /// order they were added), for `position(of:order:)`; empty when the list is in cell order.
    func cellOrder() -> [Int] {
        guard !isInCellOrder else { return [] }
        var locations: [Location] = []
        locations.reserveCapacity(count)
        for position in indices { locations.append(cellOrderKey(at: position)) }
        return indices.sorted {
            let (a, b) = (locations[$0], locations[$1])
            return (a.sheet, a.row, a.column, $0) < (b.sheet, b.row, b.column, $1)
        }
    }

    /// The position of the last formula added at `cell`, or nil, found by halving the list in
    /// cell order: `order` from `cellOrder()` (taken once; the list unchanged since).
    func position(of cell: CellKey, order: [Int]) -> Int? {
        precondition(order.isEmpty ? isInCellOrder : order.count == count, "a cell order of another list")
        let target: Location = (Int32(clamping: cell.sheet), Int32(clamping: cell.row), Int32(clamping: cell.column))
        // The first place in cell order past every formula at or before `cell`.
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if !Self.precedes(target, cellOrderKey(at: order.isEmpty ? middle : order[middle])) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low > 0 else { return nil }
        let position = order.isEmpty ? low - 1 : order[low - 1]
        return cellOrderKey(at: position) == target ? position : nil
    }

    /// Whether `a` stands before `b` in cell order.
    private static func precedes(_ a: Location, _ b: Location) -> Bool {
        (a.sheet, a.row, a.column) < (b.sheet, b.row, b.column)
    }

    /// The index of the run holding the formula at `position`.
    private func runHolding(_ position: Int) -> Int {
        precondition(position >= 0 && position < count, "a formula's position out of the list")
        // The last run starting at or before `position`: from the run at the stride before it on.
        var index = Int(strideRuns[position / Self.runStride])
        while index + 1 < runs.count, Int(runs[index + 1].first) <= position { index += 1 }
        return index
    }

    /// Where the formula at `position` is, for ordering.
    private func cellOrderKey(at position: Int) -> Location {
        let run = runs[runHolding(position)]
        return (run.sheet, run.row + Int32(position - Int(run.first)), run.column)
    }

    private func source(of run: Run, offset: Int) -> UInt32 {
        run.source & Self.textBit != 0 ? run.source + UInt32(offset) : run.source
    }

    /// A list with no formulas that shares this one's shapes, texts and cached values.
    private func emptied() -> FormulaList {
        var list = self
        list.runs = []
        list.strideRuns = []
        list.cached = PackedColumn(widens: false)
        list.isInCellOrder = true
        return list
    }

    /// Adds the formula at `position` of `list`, which shares this list's tables (`emptied`).
    private mutating func append(from list: FormulaList, _ position: Int) {
        let run = list.runs[list.runHolding(position)]
        let offset = position - Int(run.first)
        append(
            (run.sheet, run.row + Int32(offset), run.column), source: list.source(of: run, offset: offset),
            cached: list.cached.word(at: position, values: list.cachedValues))
    }

    /// The number of `text`'s shape at `address`, kept when new; nil when the formula has no shape
    /// to share or too many shapes are kept.
    private mutating func shapeNumber(_ text: String, at address: CellAddress) -> UInt32? {
        if let number = filledDown.shape(of: text, at: address) { return number }
        let shared = text.utf8.withContiguousStorageIfAvailable {
            ShapeCache.writeShape($0, at: address, into: &key, rows: &rowDigits)
        }
        guard shared ?? false else { return nil }
        let number: UInt32
        if let known = shapeNumbers[key] {
            number = known
        } else {
            guard shapes.count < ShapeCache.mostShapes else { return nil }
            shapes.append(key)
            number = UInt32(shapes.count - 1)
            shapeNumbers[key] = number
        }
        filledDown.remember(text, at: address, shape: number, rows: rowDigits)
        return number
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
