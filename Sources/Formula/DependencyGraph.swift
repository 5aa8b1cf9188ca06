import Spreadsheet

/// The order to evaluate formula cells in so that each comes after the formula cells it reads,
/// and the cycles that make some of them impossible to order.
struct DependencyGraph {
    /// Indexes into the formula list, precedents first (four bytes each: a list numbers its
    /// formulas in 32 bits).
    private(set) var order: [UInt32] = []
    /// Formula index → the cycle it is on (its cells as `'Sheet'!A1`).
    private(set) var cycles: [Int: [String]] = [:]

    /// `read(i, cell)` is formula `i` (at `cell`) read for the cells it refers to (nil when it
    /// did not parse): a filled-down formula's references are its shape's, moved here, without
    /// building its tree.
    init(workbook: FormulaWorkbook, read: (Int, CellAddress) -> ShapeCache.Read?) {
        let formulas = workbook.formulas
        // Per sheet and column: the formula rows, sorted, with their formula index (eight bytes a
        // formula; a column read down in order, as a file's is, is not sorted again).
        var byColumn: [Int: [Int: [(row: Int32, node: UInt32)]]] = [:]
        // Run by run: a run's formulas are consecutive rows of one column.
        formulas.forEachRun { positions, _ in
            let (sheet, first) = formulas.location(at: positions.lowerBound)
            let start = positions.lowerBound
            byColumn[sheet, default: [:]][first.column, default: []].append(
                contentsOf: positions.lazy.map { (Int32(first.row + $0 - start), UInt32($0)) })
        }
        for sheet in byColumn.keys {
            for column in byColumn[sheet]!.keys {
                let rows = byColumn[sheet]![column]!
                guard zip(rows, rows.dropFirst()).contains(where: { $0.row > $1.row }) else { continue }
                byColumn[sheet]![column]!.sort { $0.row < $1.row }
            }
        }
        // Each sheet's formula columns, by the sheet's index: a reference's sheet and columns
        // are found without hashing (a million formulas read three cells each).
        var columnsOfSheet = [SheetColumns?](repeating: nil, count: workbook.sheets.count)
        for (sheet, columns) in byColumn where columnsOfSheet.indices.contains(sheet) {
            let numbers = columns.keys.sorted()
            columnsOfSheet[sheet] = SheetColumns(numbers: numbers, rows: numbers.map { columns[$0]! })
        }
        byColumn = [:]
        let extent = workbook.usedExtent

        // The formula nodes in a range, worked out once per range: fifty SUMIFS over a column of a
        // million formulas share one list instead of building fifty. Each range also counts how
        // many of its nodes, from the first, are known done, so that every later formula reading
        // it steps over those at once instead of looking at a million nodes again.
        var rangeIDs: [RangeKey: Int] = [:]
        var rangeNodes: [[UInt32]] = []
        var doneUpTo: [Int] = []
        func segment(in sheet: Int, _ reference: Reference) -> Segment {
            guard columnsOfSheet.indices.contains(sheet), let columns = columnsOfSheet[sheet] else {
                return Segment(nodes: [])
            }
            let lastRow = min(reference.lastRow, max(extent.rows, reference.firstRow))
            let key = RangeKey(
                sheet: sheet, firstRow: reference.firstRow, lastRow: lastRow, firstColumn: reference.firstColumn,
                lastColumn: reference.lastColumn)
            let isCell = key.firstRow == key.lastRow && key.firstColumn == key.lastColumn
            if !isCell, let known = rangeIDs[key] { return Segment(nodes: rangeNodes[known], range: known) }
            var found: [UInt32] = []
            for (position, column) in columns.numbers.enumerated()
            where column >= reference.firstColumn && column <= reference.lastColumn {
                let rows = columns.rows[position]
                var low = 0
                var high = rows.count
                while low < high {
                    let mid = (low + high) / 2
                    if Int(rows[mid].row) < reference.firstRow { low = mid + 1 } else { high = mid }
                }
                while low < rows.count, Int(rows[low].row) <= lastRow {
                    found.append(rows[low].node)
                    low += 1
                }
            }
            // Single cells are many and cheap to look up again: only ranges are kept.
            guard !isCell else { return Segment(nodes: found) }
            rangeIDs[key] = rangeNodes.count
            rangeNodes.append(found)
            doneUpTo.append(0)
            return Segment(nodes: found, range: rangeNodes.count - 1)
        }

        /// Whether a formula on `sheet` reading `references` moved by `columns` reads a column
        /// holding no formula, whatever its row: its rows need not be looked up.
        func readsNoFormulaColumn(_ references: [Reference], columns: Int, from sheet: Int) -> Bool {
            references.allSatisfy { reference in
                guard let target = Self.sheet(of: reference, workbook: workbook, from: sheet),
                    columnsOfSheet.indices.contains(target), let held = columnsOfSheet[target]
                else { return true }
                let (first, last) = (reference.firstColumn + columns, reference.lastColumn + columns)
                return !held.numbers.contains { $0 >= first && $0 <= last }
            }
        }
        // By shape, sheet and how far the formula moved its columns: whether it reads no formula
        // column. A million filled-down `ROUND(D2*E2,2)` are one question, not a million lookups.
        var noFormulaRead: [ShapeColumns: Bool] = [:]
        // The last shape asked about: a column filled down asks of one shape row after row.
        var lastShape: (key: ShapeColumns, readsNone: Bool)?

        // Out of line: inlined here it took `nextPrecedent`'s place in the loop below, and the
        // graph cost 3% more instructions (callgrind, 100k formulas).
        @inline(never)
        // Only the segments holding a formula are kept: most formulas read no other formula's
        // cell (an amount times a rate), and then nothing is allocated for them.
        func precedents(of node: Int) -> [Segment] {
            let (sheet, cell) = formulas.location(at: node)
            var segments: [Segment] = []
            func add(_ target: Int, _ reference: Reference) {
                let found = segment(in: target, reference)
                if !found.nodes.isEmpty { segments.append(found) }
            }
            switch read(node, cell) {
            case nil: return []
            case .references(let references, let rows, let columns, let shape)?:
                let key = ShapeColumns(shape: shape, sheet: Int32(sheet), columns: Int32(columns))
                let readsNone: Bool
                if let last = lastShape, last.key == key {
                    readsNone = last.readsNone
                } else if let known = noFormulaRead[key] {
                    readsNone = known
                } else {
                    readsNone = readsNoFormulaColumn(references, columns: columns, from: sheet)
                    noFormulaRead[key] = readsNone
                }
                lastShape = (key, readsNone)
                if readsNone { return [] }
                // What `collectRanges` finds in a tree of plain references, in the same order.
                for reference in ShapeCache.Read.moved(references, rows: rows, columns: columns) {
                    if let target = Self.sheet(of: reference, workbook: workbook, from: sheet) {
                        add(target, reference)
                    }
                }
            case .tree(let expression)?:
                var ranges: [(Int, Reference)] = []
                Self.collectRanges(expression, workbook: workbook, from: sheet, cell: cell, into: &ranges)
                for (target, reference) in ranges { add(target, reference) }
            }
            return segments
        }

        // Iterative depth-first search: 0 unvisited, 1 on the stack, 2 done.
        var state = [UInt8](repeating: 0, count: formulas.count)
        /// The frame's next precedent that is not done (a done one changes nothing), or nil at its end.
        /// A precedent not yet visited is left in place, so that the frame steps over it once done.
        func nextPrecedent(_ frame: inout Frame) -> Int? {
            while frame.segment < frame.segments.count {
                let segment = frame.segments[frame.segment]
                if let range = segment.range, doneUpTo[range] > frame.next { frame.next = doneUpTo[range] }
                let from = frame.next
                while frame.next < segment.nodes.count, state[Int(segment.nodes[frame.next])] == 2 { frame.next += 1 }
                if let range = segment.range, from == doneUpTo[range] { doneUpTo[range] = frame.next }
                if frame.next < segment.nodes.count {
                    let target = Int(segment.nodes[frame.next])
                    if state[target] == 1 { frame.next += 1 }
                    return target
                }
                frame.segment += 1
                frame.next = 0
            }
            return nil
        }
        order.reserveCapacity(formulas.count)
        var stack: [Frame] = []
        for root in formulas.indices where state[root] == 0 {
            let segments = precedents(of: root)
            // Reading no formula (nearly every one): done at once, without a frame pushed and popped.
            guard !segments.isEmpty else {
                state[root] = 2
                order.append(UInt32(root))
                continue
            }
            stack.append(Frame(node: root, segments: segments))
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if let target = nextPrecedent(&stack[top]) {
                    if state[target] == 0 {
                        state[target] = 1
                        stack.append(Frame(node: target, segments: precedents(of: target)))
                    } else {
                        let start = stack.lastIndex { $0.node == target } ?? top
                        let members = stack[start...].map(\.node)
                        let names = members.map { Self.name(formulas[$0], workbook) }
                        for member in members where cycles[member] == nil { cycles[member] = names }
                    }
                } else {
                    state[stack[top].node] = 2
                    order.append(UInt32(stack[top].node))
                    stack.removeLast()
                }
            }
        }
    }

    /// A sheet's formula columns: their numbers, ascending, and each one's formula rows, sorted,
    /// with their formula index.
    private struct SheetColumns {
        let numbers: [Int]
        let rows: [[(row: Int32, node: UInt32)]]
    }

    /// A kept formula shape on a sheet, moved by a number of columns: its formulas read the same
    /// columns whatever their rows.
    private struct ShapeColumns: Hashable {
        let shape: Int32
        let sheet: Int32
        let columns: Int32
    }

    /// The formula nodes one reference of a formula reads; `range` numbers a range of several
    /// cells, whose list formulas share.
    private struct Segment {
        let nodes: [UInt32]
        var range: Int?
    }

    /// A formula on the depth-first stack: its precedents, and how far through them it is.
    private struct Frame {
        let node: Int
        let segments: [Segment]
        var segment = 0
        var next = 0
    }

    static func name(_ formula: FormulaCell, _ workbook: FormulaWorkbook) -> String {
        "'\(workbook.sheets[formula.sheet].name)'!\(formula.address)"
    }

    /// Every rectangle of cells an expression may read, with its sheet (names and tables followed).
    static func ranges(
        _ expression: FormulaExpression, workbook: FormulaWorkbook, from sheet: Int, cell: CellAddress
    ) -> [(Int, Reference)] {
        var found: [(Int, Reference)] = []
        collectRanges(expression, workbook: workbook, from: sheet, cell: cell, into: &found)
        return found
    }

    /// The functions that make a reference while evaluated, reaching cells the formula's text
    /// does not name.
    static let referenceMakers: Set<String> = ["OFFSET", "INDIRECT"]

    /// Whether `expression` calls OFFSET or INDIRECT: the cells it reads are known only once it
    /// is evaluated, so a reader of what formulas read must take it to read anything.
    static func makesReferences(_ expression: FormulaExpression) -> Bool {
        var found = false
        expression.visit { node in
            if case .call(let name, _) = node, referenceMakers.contains(name) { found = true }
        }
        return found
    }

    /// The sheet `reference` reads in a formula on `sheet`: the one it names, or `sheet`; nil when
    /// it names a sheet the workbook does not have.
    static func sheet(of reference: Reference, workbook: FormulaWorkbook, from sheet: Int) -> Int? {
        reference.sheet.map(workbook.sheet(named:)) ?? sheet
    }

    /// Appends the rectangles `expression` may read to `found`, in reading order. With
    /// `returnedOnly`, only those it may give as a reference, which `:` joins into a box: a
    /// reference, a name's, INDEX's first argument, IF's and CHOOSE's values, a joined range.
    static func collectRanges(
        _ expression: FormulaExpression, workbook: FormulaWorkbook, from sheet: Int, cell: CellAddress,
        depth: Int = 0, returnedOnly: Bool = false, into found: inout [(Int, Reference)]
    ) {
        func collect(_ node: FormulaExpression) {
            collectRanges(
                node, workbook: workbook, from: sheet, cell: cell, depth: depth, returnedOnly: returnedOnly,
                into: &found)
        }
        switch expression {
        case .reference(let reference):
            if let target = Self.sheet(of: reference, workbook: workbook, from: sheet) {
                found.append((target, reference))
            }
        case .name(let name):
            if depth < 20, let defined = workbook.definedName(name, from: sheet), let inner = defined.expression {
                collectRanges(
                    inner, workbook: workbook, from: sheet, cell: cell, depth: depth + 1, returnedOnly: returnedOnly,
                    into: &found)
            }
        case .structured(let structured):
            if case .success(let resolved) = workbook.resolve(structured, sheet: sheet, cell: cell) {
                found.append(resolved)
            }
        case .range(let left, let right):
            // Joined by `:` from other than two plain references (`A2:INDEX(C:C,n)`, `Start:End`
            // over two names), the ends give the box between them on their sheet: any of it
            // may be read. Only what an end may return spans the box (INDEX's C:C, not the
            // COUNTA(A:A) that picks its row).
            var ends: [(Int, Reference)] = []
            for end in [left, right] {
                collectRanges(
                    end, workbook: workbook, from: sheet, cell: cell, depth: depth, returnedOnly: true, into: &ends)
            }
            if returnedOnly {
                found.append(contentsOf: ends)
            } else {
                collect(left)
                collect(right)
            }
            found.append(contentsOf: boxes(ends[...]))
        case .call(let name, let arguments) where returnedOnly:
            let values =
                name == "INDEX" ? arguments.prefix(1) : ["IF", "CHOOSE"].contains(name) ? arguments.dropFirst() : []
            for value in values { collect(value) }
        case _ where returnedOnly: break
        case .negate(let inner), .percent(let inner): collect(inner)
        case .binary(_, let left, let right):
            collect(left)
            collect(right)
        case .call(let name, let arguments):
            var starts: [Int] = []
            for (index, argument) in arguments.enumerated() {
                starts.append(found.count)
                // OFFSET reads no value of the reference it starts from (`OFFSET(C3,-1,0)` in C3
                // is no cycle); the cells it reaches are ordered as it is evaluated
                // (`UnevaluatedCells`), as are those INDIRECT's text names.
                if index == 0, name == "OFFSET", case .reference = argument { continue }
                collect(argument)
            }
            // SUMIF and AVERAGEIF read a sum range the shape of their criteria range, from its
            // first cell (`SUMIF(A2:A9,"x",D2)` reads D2:D9).
            if arguments.count == 3, Functions.resizingSumRange.contains(name) {
                func isPlain(_ node: FormulaExpression) -> Bool {
                    isPlainReference(node, workbook: workbook, from: sheet, depth: depth)
                }
                found.append(
                    contentsOf: resizedSumRanges(
                        found[starts[2]...], exact: isPlain(arguments[2]), criteria: found[starts[0]..<starts[1]],
                        exact: isPlain(arguments[0])))
            }
        case .array(let rows): for row in rows { for item in row { collect(item) } }
        case .number, .text, .bool, .error, .missing: break
        }
    }
}

/// Per sheet, the box from the first row and column of `ranges` on it to the last, and how many
/// of them it holds.
private func boundingBoxes(_ ranges: ArraySlice<(Int, Reference)>) -> [(sheet: Int, box: Reference, count: Int)] {
    var boxes: [(sheet: Int, box: Reference, count: Int)] = []
    for (sheet, reference) in ranges {
        guard let index = boxes.firstIndex(where: { $0.sheet == sheet }) else {
            boxes.append((sheet, reference, 1))
            continue
        }
        boxes[index].box = boxes[index].box.spanning(reference)
        boxes[index].count += 1
    }
    return boxes
}

/// The box of each sheet that `ranges` reads more than one rectangle of: what joining them with
/// `:` may read.
private func boxes(_ ranges: ArraySlice<(Int, Reference)>) -> [(Int, Reference)] {
    boundingBoxes(ranges).filter { $0.count > 1 }.map { ($0.sheet, $0.box) }
}

/// The cells SUMIF's or AVERAGEIF's sum range (read as `sumRanges`) covers once given the shape
/// of its criteria range (read as `criteriaRanges`): exact where both are plain references
/// (`sumExact`, `criteriaExact`); otherwise from anywhere in the box the sum range may give, as
/// far as the box the criteria range may give reaches.
private func resizedSumRanges(
    _ sumRanges: ArraySlice<(Int, Reference)>, exact sumExact: Bool,
    criteria criteriaRanges: ArraySlice<(Int, Reference)>,
    exact criteriaExact: Bool
) -> [(Int, Reference)] {
    guard var shape = criteriaRanges.first?.1 else { return [] }
    if criteriaRanges.count > 1 || !criteriaExact {
        for (_, reference) in criteriaRanges { shape = shape.spanning(reference) }
    }
    /// `reference` reaching from its first cell to the shape's size past (`lastRow`, `lastColumn`).
    func resized(_ reference: Reference, pastRow lastRow: Int, column lastColumn: Int) -> Reference {
        Reference(
            sheet: reference.sheet, firstRow: reference.firstRow, firstColumn: reference.firstColumn,
            lastRow: min(CellAddress.maxRow, lastRow + shape.rowCount - 1),
            lastColumn: min(CellAddress.maxColumn, lastColumn + shape.columnCount - 1))
    }
    if sumRanges.count == 1, sumExact, let (sheet, reference) = sumRanges.first {
        return [(sheet, resized(reference, pastRow: reference.firstRow, column: reference.firstColumn))]
    }
    return boundingBoxes(sumRanges).map { found in
        (found.sheet, resized(found.box, pastRow: found.box.lastRow, column: found.box.lastColumn))
    }
}

/// Whether `expression` is a plain reference, or a name (`Comm`) that stands for one.
private func isPlainReference(_ expression: FormulaExpression, workbook: FormulaWorkbook, from sheet: Int, depth: Int)
    -> Bool
{
    switch expression {
    case .reference: return true
    case .name(let name):
        guard depth < 20, let defined = workbook.definedName(name, from: sheet), let named = defined.expression else {
            return false
        }
        return isPlainReference(named, workbook: workbook, from: sheet, depth: depth + 1)
    default: return false
    }
}

extension Reference {
    /// The box from this rectangle's first row and column, or `other`'s, to the last of either.
    func spanning(_ other: Reference) -> Reference {
        Reference(
            sheet: sheet, firstRow: min(firstRow, other.firstRow), firstColumn: min(firstColumn, other.firstColumn),
            lastRow: max(lastRow, other.lastRow), lastColumn: max(lastColumn, other.lastColumn))
    }
}

/// A rectangle of one sheet, its last row within the used rows.
struct RangeKey: Hashable {
    let sheet: Int
    let firstRow: Int
    let lastRow: Int
    let firstColumn: Int
    let lastColumn: Int
}
