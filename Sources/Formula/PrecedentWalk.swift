import Foundation
import Spreadsheet

/// Follows formulas through the cells they read (across sheets, through other formulas) to the
/// accepted cells, stopping at those. Each formula's result and each range's result (the
/// accepted cells it reaches) are worked out once however many starting cells read them, so a
/// million rows of formulas under thousands of SUMIFS totals over the same columns are walked
/// once, not once per total. The formulas of a cycle all reach what any of them reads.
///
/// Formulas are numbered by their place in the workbook's list and found through sorted columns,
/// not dictionaries; a result is a sorted list of accepted cells' numbers, shared (not copied)
/// by a formula that reaches only what one step below it reaches, and empty results are one.
public struct PrecedentWalk {
    let workbook: FormulaWorkbook
    private let acceptance: Acceptance
    /// Each formula's number by its sheet, column and row.
    private let formulaCells: CellColumns
    /// Each accepted cell by its number: results hold numbers.
    private let accepted: AcceptedCells
    /// Per formula: its result's index in `results`, or -1 when not worked out.
    private var formulaMemo: [Int32]
    /// Per formula: its visit number while its strongly connected part is unfinished, else -1.
    private var formulaVisit: [Int32]
    private var rangeIDs: [RangeKey: Int32] = [:]
    private var rangeKeys: [RangeKey] = []
    private var rangeMemo: [Int32] = []
    private var rangeVisit: [Int32] = []
    /// The results, each sorted and without repeats; the first is the empty one.
    private var results: [[Int32]] = [[]]
    /// Results that join others, by the (sorted) results they join: ten thousand totals that each
    /// add the same ten SUMIFS columns share one list, not ten thousand copies of it.
    private var unions: [[Int32]: Int32] = [:]
    /// How many results the walk holds: what its memory grows with.
    var resultCount: Int { results.count }
    /// How many formulas were given their result at once (`settleFormulasReadingNothing`).
    private(set) var settledAtOnce = 0
    /// A million filled-down formulas are a handful of shapes, each parsed once.
    private var shapes = ShapeCache()
    private var sheetNames: [String: Int?] = [:]
    private let extent: (rows: Int, columns: Int)

    /// How a cell is told to be accepted: from a list known up front (ranges then reach their
    /// accepted cells and formulas without looking at every cell), or by asking each cell.
    private enum Acceptance {
        case cells(CellColumns, formulas: [Bool])
        case predicate((Int, CellAddress) -> Bool)
    }

    /// A walk that stops at the cells `accept` takes, asked cell by cell.
    public init(_ workbook: FormulaWorkbook, accept: @escaping (_ sheet: Int, _ cell: CellAddress) -> Bool) {
        self.init(workbook, acceptance: nil, accepted: AcceptedCells(), accept: accept)
    }

    /// A walk that stops at `cells` (repeats are taken once).
    public init(_ workbook: FormulaWorkbook, accepting cells: [SheetCell]) {
        let table = AcceptedCells()
        for cell in cells { _ = table.number(of: cell) }
        self.init(workbook, acceptance: table.cells, accepted: table, accept: nil)
    }

    private init(
        _ workbook: FormulaWorkbook, acceptance cells: [SheetCell]?, accepted: AcceptedCells,
        accept: ((Int, CellAddress) -> Bool)?
    ) {
        self.workbook = workbook
        self.accepted = accepted
        let formulas = workbook.formulas
        formulaCells = CellColumns(
            sheets: workbook.sheets.count, count: formulas.count,
            cell: formulas.location(at:))
        formulaMemo = [Int32](repeating: -1, count: formulas.count)
        formulaVisit = [Int32](repeating: -1, count: formulas.count)
        if let cells {
            let index = CellColumns(
                sheets: workbook.sheets.count, count: cells.count, cell: { (cells[$0].sheet, cells[$0].address) })
            var acceptedFormulas = [Bool](repeating: false, count: formulas.count)
            for cell in cells {
                if let formula = formulaCells.number(cell.sheet, cell.address) { acceptedFormulas[Int(formula)] = true }
            }
            acceptance = .cells(index, formulas: acceptedFormulas)
        } else {
            acceptance = .predicate(accept ?? { _, _ in false })
        }
        let used = workbook.usedExtent
        extent = (used.rows, used.columns)
        if case .cells(let index, _) = acceptance { settleFormulasReadingNothing(besides: index) }
    }

    /// Gives the result "nothing" at once to each formula of a filled-down run whose references
    /// all stand in columns that hold no accepted cell and no formula (`=ROUND(D5*E5*F5,2)`
    /// down a million rows, where no amount is a finding): such a formula reaches nothing, and a
    /// range over the run (a SUMIFS over the commissions) no longer walks each of them. A run's
    /// formulas are its first moved down a row more, so they read the same columns.
    private mutating func settleFormulasReadingNothing(besides accepted: CellColumns) {
        var columnsReadingNothing: [[Int: Bool]] = Array(repeating: [:], count: workbook.sheets.count)
        func readsNothing(_ sheet: Int, _ columns: ClosedRange<Int>) -> Bool {
            guard columns.count <= 64 else { return false }
            return columns.allSatisfy { column in
                if let known = columnsReadingNothing[sheet][column] { return known }
                let nothing =
                    !accepted.holdsCells(sheet: sheet, column: column)
                    && !formulaCells.holdsCells(sheet: sheet, column: column)
                columnsReadingNothing[sheet][column] = nothing
                return nothing
            }
        }
        let formulas = workbook.formulas
        formulas.forEachRun { positions, sharesShape in
            guard sharesShape, positions.count > 1, let first = positions.first else { return }
            let formula = formulas[first]
            guard case .references(let references, let rows, let columns, _)? = try? shapes.read(formula) else {
                return
            }
            for reference in ShapeCache.Read.moved(references, rows: rows, columns: columns) {
                let target = reference.sheet.map { workbook.sheet(named: $0) } ?? formula.sheet
                // A sheet the workbook does not have is read as nothing.
                guard let target else { continue }
                guard readsNothing(target, reference.firstColumn...reference.lastColumn) else { return }
            }
            for position in positions { formulaMemo[position] = 0 }
            settledAtOnce += positions.count
        }
    }

    /// The accepted cells the formula at `address` reads, directly or through other formulas;
    /// nil when no formula is there.
    public mutating func reached(from sheet: Int, _ address: CellAddress) -> Set<SheetCell>? {
        reachedCells(from: sheet, address).map { Set($0) }
    }

    /// As `reached(from:_:)`, without building a set: the cells as the walk holds them.
    public mutating func reachedCells(from sheet: Int, _ address: CellAddress) -> Reached? {
        guard let root = formulaCells.number(sheet, address) else { return nil }
        return Reached(numbers: results[Int(reached(root))], table: accepted)
    }

    /// The accepted cells a walk reached: a sorted list of their numbers.
    public struct Reached: Sequence {
        fileprivate let numbers: [Int32]
        fileprivate let table: AcceptedCells

        public var isEmpty: Bool { numbers.isEmpty }
        public var count: Int { numbers.count }

        public func contains(_ cell: SheetCell) -> Bool {
            guard let number = table.existingNumber(of: cell) else { return false }
            var low = 0
            var high = numbers.count
            while low < high {
                let mid = (low + high) / 2
                if numbers[mid] < number { low = mid + 1 } else { high = mid }
            }
            return low < numbers.count && numbers[low] == number
        }

        public func makeIterator() -> Iterator { Iterator(base: numbers.makeIterator(), table: table) }

        public struct Iterator: IteratorProtocol {
            fileprivate var base: IndexingIterator<[Int32]>
            fileprivate let table: AcceptedCells

            public mutating func next() -> SheetCell? { base.next().map { table.cells[Int($0)] } }
        }
    }

    /// A step of the walk: a formula's number (0 and up), or a range's as `-1 - number`.
    private typealias Step = Int32

    private func memo(_ step: Step) -> Int32 { step >= 0 ? formulaMemo[Int(step)] : rangeMemo[Int(-1 - step)] }

    /// The step's visit number while its part is unfinished; nil when it is not (yet) visited or done.
    private func visit(_ step: Step) -> Int32? {
        let visit = step >= 0 ? formulaVisit[Int(step)] : rangeVisit[Int(-1 - step)]
        return visit >= 0 ? visit : nil
    }

    private mutating func setVisit(_ step: Step, _ visit: Int32) {
        if step >= 0 { formulaVisit[Int(step)] = visit } else { rangeVisit[Int(-1 - step)] = visit }
    }

    /// A step on the walk's stack: the steps it reads and how far through them it is, where its
    /// entries begin in the walk's lists of cells found and results below, and (Tarjan's) its
    /// visit number and the lowest visit number of an unfinished step it reaches.
    private struct Frame {
        let step: Step
        let children: [Step]
        var next = 0
        let foundStart: Int
        let belowStart: Int
        let visit: Int32
        var low: Int32
    }

    /// Depth first without recursion (a chain of a million formulas is a million steps deep).
    /// Returns the root's result index.
    ///
    /// Steps that read each other (a cycle, closed through any number of formulas and ranges)
    /// are one strongly connected part, found as Tarjan's algorithm finds them: each of them
    /// reaches what any of them reads, so all get the part's one result when its first step
    /// finishes. The result of a step in a cycle thus does not depend on where a walk began.
    /// What the steps on the stack found is kept in two lists for the whole walk, each step's
    /// entries after those of the steps below it: a step inside a part leaves its entries to the
    /// part (nothing is copied, so a cycle of a million formulas is walked in linear time), and a
    /// part's first step takes the entries from its own start on and leaves its result.
    private mutating func reached(_ root: Step) -> Int32 {
        let known = memo(root)
        if known >= 0 { return known }
        var stack: [Frame] = []
        var found: [Int32] = []
        var below: [Int32] = []
        /// Steps visited whose part is not finished, in visit order.
        var unfinished: [Step] = []
        var visits: Int32 = 0
        func push(_ step: Step, _ walk: inout PrecedentWalk) {
            let (reads, children) = walk.scan(step)
            stack.append(
                Frame(
                    step: step, children: children, foundStart: found.count, belowStart: below.count, visit: visits,
                    low: visits))
            found += reads
            walk.setVisit(step, visits)
            unfinished.append(step)
            visits += 1
        }
        push(root, &self)
        while let top = stack.indices.last {
            if stack[top].next < stack[top].children.count {
                let child = stack[top].children[stack[top].next]
                stack[top].next += 1
                let known = memo(child)
                if known >= 0 {
                    if known > 0 { below.append(known) }
                } else if let visit = visit(child) {
                    stack[top].low = min(stack[top].low, visit)
                } else {
                    push(child, &self)
                }
                continue
            }
            let done = stack.removeLast()
            guard done.low == done.visit else {
                // Inside a part whose first step is below on the stack: its entries are that part's.
                stack[stack.count - 1].low = min(stack[stack.count - 1].low, done.low)
                continue
            }
            // A part's steps may each have met the same result below: it is added once.
            let result = combine(Array(found[done.foundStart...]), Self.sortedOnce(Array(below[done.belowStart...])))
            found.removeSubrange(done.foundStart...)
            below.removeSubrange(done.belowStart...)
            while let step = unfinished.popLast() {
                setVisit(step, -1)
                if step >= 0 { formulaMemo[Int(step)] = result } else { rangeMemo[Int(-1 - step)] = result }
                if step == done.step { break }
            }
            if result > 0, !stack.isEmpty { below.append(result) }
        }
        return memo(root)
    }

    /// `numbers` sorted, each once.
    private static func sortedOnce(_ numbers: [Int32]) -> [Int32] {
        guard numbers.count > 1 else { return numbers }
        var sorted = numbers.sorted()
        var kept = 1
        for index in sorted.indices.dropFirst() where sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The result of a step that reads `found` itself and the results `below` (sorted, each
    /// once): one of those when it adds nothing to it, the same union when another step read
    /// nothing but the same results, else a new one.
    private mutating func combine(_ found: [Int32], _ below: [Int32]) -> Int32 {
        if found.isEmpty, let first = below.first, below.allSatisfy({ $0 == first }) { return first }
        if found.isEmpty && below.isEmpty { return 0 }
        if found.isEmpty, let known = unions[below] { return known }
        var all = found
        for index in below { all += results[Int(index)] }
        results.append(Self.sortedOnce(all))
        let number = Int32(results.count - 1)
        if found.isEmpty { unions[below] = number }
        return number
    }

    /// What a step reads at once: the accepted cells (their numbers), and the steps to
    /// follow in reading order. A formula's single cells are taken or followed directly; its
    /// ranges of several cells are steps of their own.
    private mutating func scan(_ step: Step) -> ([Int32], [Step]) {
        var found: [Int32] = []
        var children: [Step] = []
        if step < 0 {
            scanRange(rangeKeys[Int(-1 - step)], &found, &children)
        } else {
            let formula = workbook.formulas[Int(step)]
            let read: ShapeCache.Read
            do { read = try shapes.read(formula) } catch { return ([], []) }
            switch read {
            case .references(let references, let rows, let columns, _):
                for reference in ShapeCache.Read.moved(references, rows: rows, columns: columns) {
                    let target: Int?
                    if let name = reference.sheet {
                        if let known = sheetNames[name] {
                            target = known
                        } else {
                            target = workbook.sheet(named: name)
                            sheetNames[name] = target
                        }
                    } else {
                        target = formula.sheet
                    }
                    if let target { follow(target, reference, &found, &children) }
                }
            case .tree(let expression):
                for (target, reference) in DependencyGraph.ranges(
                    expression, workbook: workbook, from: formula.sheet, cell: formula.address)
                {
                    follow(target, reference, &found, &children)
                }
            }
        }
        return (found, children)
    }

    /// Takes or follows a formula's reference: a single cell at once, a range as a step.
    private mutating func follow(
        _ target: Int, _ reference: Reference, _ found: inout [Int32], _ children: inout [Step]
    ) {
        let lastRow = min(reference.lastRow, max(reference.firstRow, extent.rows))
        let lastColumn = min(reference.lastColumn, max(reference.firstColumn, extent.columns))
        guard reference.firstRow <= lastRow, reference.firstColumn <= lastColumn else { return }
        if reference.firstRow == lastRow && reference.firstColumn == lastColumn {
            visit(target, CellAddress(row: lastRow, column: lastColumn), &found, &children)
            return
        }
        let key = RangeKey(
            sheet: target, firstRow: reference.firstRow, lastRow: lastRow, firstColumn: reference.firstColumn,
            lastColumn: lastColumn)
        if let known = rangeIDs[key] {
            children.append(-1 - known)
        } else {
            let number = Int32(rangeKeys.count)
            rangeIDs[key] = number
            rangeKeys.append(key)
            rangeMemo.append(-1)
            rangeVisit.append(-1)
            children.append(-1 - number)
        }
    }

    /// A single cell: taken when accepted, else followed when it holds a formula.
    private mutating func visit(_ sheet: Int, _ cell: CellAddress, _ found: inout [Int32], _ children: inout [Step]) {
        switch acceptance {
        case .cells(let index, _):
            if let number = index.number(sheet, cell) {
                found.append(number)
                return
            }
        case .predicate(let accept):
            if accept(sheet, cell) {
                found.append(accepted.number(of: SheetCell(sheet, cell)))
                return
            }
        }
        if let formula = formulaCells.number(sheet, cell) { children.append(formula) }
    }

    /// A range's accepted cells, and its formulas that are not accepted, row by row.
    private mutating func scanRange(_ key: RangeKey, _ found: inout [Int32], _ children: inout [Step]) {
        switch acceptance {
        case .cells(let index, let acceptedFormulas):
            index.numbers(in: key, into: &found)
            var formulas: [Int32] = []
            formulaCells.numbers(in: key, into: &formulas)
            children.reserveCapacity(formulas.count)
            for formula in formulas where !acceptedFormulas[Int(formula)] { children.append(formula) }
        case .predicate:
            for row in key.firstRow...key.lastRow {
                for column in key.firstColumn...key.lastColumn {
                    visit(key.sheet, CellAddress(row: row, column: column), &found, &children)
                }
            }
        }
    }
}

/// The accepted cells a walk has met, numbered in the order met (or given).
private final class AcceptedCells {
    private(set) var cells: [SheetCell] = []
    private var numbers: [SheetCell: Int32] = [:]

    func number(of cell: SheetCell) -> Int32 {
        if let known = numbers[cell] { return known }
        let number = Int32(cells.count)
        numbers[cell] = number
        cells.append(cell)
        return number
    }

    func existingNumber(of cell: SheetCell) -> Int32? { numbers[cell] }
}

/// Numbered cells by sheet and column, each column's rows sorted: a cell's number, or a range's
/// numbers row by row, without hashing every cell.
private struct CellColumns {
    struct Column {
        var rows: [Int] = []
        var numbers: [Int32] = []
        /// The number by row (-1: none) when the column is dense enough; empty otherwise.
        var dense: [Int32] = []

        func number(row: Int) -> Int32? {
            if !dense.isEmpty {
                guard row >= 0 && row < dense.count else { return nil }
                let number = dense[row]
                return number >= 0 ? number : nil
            }
            let at = firstIndex(atLeast: row)
            return at < rows.count && rows[at] == row ? numbers[at] : nil
        }

        func firstIndex(atLeast row: Int) -> Int {
            var low = 0
            var high = rows.count
            while low < high {
                let mid = (low + high) / 2
                if rows[mid] < row { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    /// Per sheet: the columns by column number, empty where no cell is (a cell is found without
    /// hashing its column), and the numbers of those that hold cells, in order.
    private var columns: [[Column]]
    private var columnOrder: [[Int]]

    init(sheets: Int, count: Int, cell: (Int) -> (sheet: Int, address: CellAddress)) {
        var columns = [[Column]](repeating: [], count: sheets)
        for number in 0..<count {
            let (sheet, address) = cell(number)
            guard sheet >= 0 && sheet < sheets, address.column >= 0 else { continue }
            if address.column >= columns[sheet].count {
                columns[sheet] += repeatElement(Column(), count: address.column + 1 - columns[sheet].count)
            }
            columns[sheet][address.column].rows.append(address.row)
            columns[sheet][address.column].numbers.append(Int32(number))
        }
        self.columns = columns.map { $0.map(Self.finished) }
        columnOrder = columns.map { sheet in sheet.indices.filter { !sheet[$0].rows.isEmpty } }
    }

    /// The column with its rows sorted (a cell given twice keeps its last number: a formula set
    /// again replaces the first), and its numbers by row when the column is dense enough.
    private static func finished(_ column: Column) -> Column {
        var column = column
        if zip(column.rows, column.rows.dropFirst()).contains(where: { $0.0 >= $0.1 }) {
            let order = column.rows.indices.sorted {
                (column.rows[$0], column.numbers[$0]) < (column.rows[$1], column.numbers[$1])
            }
            var rows: [Int] = []
            var numbers: [Int32] = []
            for index in order {
                if rows.last == column.rows[index] {
                    numbers[numbers.count - 1] = column.numbers[index]
                } else {
                    rows.append(column.rows[index])
                    numbers.append(column.numbers[index])
                }
            }
            column.rows = rows
            column.numbers = numbers
        }
        if let last = column.rows.last, column.rows[0] >= 0, last < 2 * column.rows.count + 64 {
            column.dense = [Int32](repeating: -1, count: last + 1)
            for (row, number) in zip(column.rows, column.numbers) { column.dense[row] = number }
        }
        return column
    }

    /// Whether some cell of column `column` of sheet `sheet` is numbered.
    func holdsCells(sheet: Int, column: Int) -> Bool {
        guard sheet >= 0 && sheet < columns.count, column >= 0 && column < columns[sheet].count else { return false }
        return !columns[sheet][column].rows.isEmpty
    }

    func number(_ sheet: Int, _ cell: CellAddress) -> Int32? {
        guard sheet >= 0 && sheet < columns.count, cell.column >= 0 && cell.column < columns[sheet].count else {
            return nil
        }
        return columns[sheet][cell.column].number(row: cell.row)
    }

    /// Appends the numbers of the cells in `key`, row by row and, within a row, column by column.
    func numbers(in key: RangeKey, into out: inout [Int32]) {
        guard key.sheet >= 0 && key.sheet < columns.count else { return }
        var slices: [(column: Int, rows: ArraySlice<Int>, numbers: ArraySlice<Int32>)] = []
        for number in columnOrder[key.sheet] where number >= key.firstColumn && number <= key.lastColumn {
            let column = columns[key.sheet][number]
            let start = column.firstIndex(atLeast: key.firstRow)
            let end = column.firstIndex(atLeast: key.lastRow + 1)
            if start < end { slices.append((number, column.rows[start..<end], column.numbers[start..<end])) }
        }
        if slices.count == 1 {
            out += slices[0].numbers
            return
        }
        var cells: [(row: Int, column: Int, number: Int32)] = []
        for slice in slices {
            for (row, number) in zip(slice.rows, slice.numbers) { cells.append((row, slice.column, number)) }
        }
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        out += cells.map(\.number)
    }
}

/// A cell of a `FormulaWorkbook`: the sheet's index and the address.
public struct SheetCell: Sendable, Hashable {
    public let sheet: Int
    public let address: CellAddress

    public init(_ sheet: Int, _ address: CellAddress) {
        self.sheet = sheet
        self.address = address
    }
}
