import Spreadsheet

/// The order to evaluate formula cells in so that each comes after the formula cells it reads,
/// and the cycles that make some of them impossible to order.
struct DependencyGraph {
    /// Indexes into the formula list, precedents first.
    private(set) var order: [Int] = []
    /// Formula index → the cycle it is on (its cells as `'Sheet'!A1`).
    private(set) var cycles: [Int: [String]] = [:]

    /// `expressions[i]` is formula `i`'s tree (nil when it did not parse).
    init(workbook: FormulaWorkbook, expressions: [FormulaExpression?]) {
        let formulas = workbook.formulas
        // Per sheet and column: the formula rows, sorted, with their formula index.
        var byColumn: [Int: [Int: [(row: Int, node: Int)]]] = [:]
        for (node, formula) in formulas.enumerated() {
            byColumn[formula.sheet, default: [:]][formula.address.column, default: []].append(
                (formula.address.row, node))
        }
        for sheet in byColumn.keys {
            for column in byColumn[sheet]!.keys { byColumn[sheet]![column]!.sort { $0.row < $1.row } }
        }
        let columnsBySheet = byColumn.mapValues { $0.keys.sorted() }
        let extent = workbook.usedExtent

        // The formula nodes in a range, worked out once per range: fifty SUMIFS over a column of a
        // million formulas share one list instead of building fifty.
        var nodesInRange: [RangeKey: [Int]] = [:]
        func nodes(in sheet: Int, _ reference: Reference) -> [Int] {
            guard let columns = byColumn[sheet], let sorted = columnsBySheet[sheet] else { return [] }
            let lastRow = min(reference.lastRow, max(extent.rows, reference.firstRow))
            let key = RangeKey(
                sheet: sheet, firstRow: reference.firstRow, lastRow: lastRow, firstColumn: reference.firstColumn,
                lastColumn: reference.lastColumn)
            let isCell = key.firstRow == key.lastRow && key.firstColumn == key.lastColumn
            if !isCell, let known = nodesInRange[key] { return known }
            var found: [Int] = []
            for column in sorted where column >= reference.firstColumn && column <= reference.lastColumn {
                let rows = columns[column]!
                var low = 0
                var high = rows.count
                while low < high {
                    let mid = (low + high) / 2
                    if rows[mid].row < reference.firstRow { low = mid + 1 } else { high = mid }
                }
                while low < rows.count, rows[low].row <= lastRow {
                    found.append(rows[low].node)
                    low += 1
                }
            }
            // Single cells are many and cheap to look up again: only ranges are kept.
            if !isCell { nodesInRange[key] = found }
            return found
        }

        func precedents(of node: Int) -> [Int] {
            guard let expression = expressions[node] else { return [] }
            var found: [Int] = []
            var ranges: [(Int, Reference)] = []
            Self.collectRanges(
                expression, workbook: workbook, from: formulas[node].sheet, cell: formulas[node].address, into: &ranges)
            for (sheet, reference) in ranges {
                let inRange = nodes(in: sheet, reference)
                if found.isEmpty { found = inRange } else { found += inRange }
            }
            return found
        }

        // Iterative depth-first search: 0 unvisited, 1 on the stack, 2 done.
        var state = [UInt8](repeating: 0, count: formulas.count)
        order.reserveCapacity(formulas.count)
        var stack: [(node: Int, edges: [Int], next: Int)] = []
        for root in formulas.indices where state[root] == 0 {
            stack.append((root, precedents(of: root), 0))
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next < stack[top].edges.count {
                    let target = stack[top].edges[stack[top].next]
                    stack[top].next += 1
                    switch state[target] {
                    case 0:
                        state[target] = 1
                        stack.append((target, precedents(of: target), 0))
                    case 1:
                        let start = stack.lastIndex { $0.node == target } ?? top
                        let members = stack[start...].map(\.node)
                        let names = members.map { Self.name(formulas[$0], workbook) }
                        for member in members where cycles[member] == nil { cycles[member] = names }
                    default: break
                    }
                } else {
                    state[stack[top].node] = 2
                    order.append(stack[top].node)
                    stack.removeLast()
                }
            }
        }
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

    /// Appends the rectangles `expression` may read to `found`, in reading order.
    static func collectRanges(
        _ expression: FormulaExpression, workbook: FormulaWorkbook, from sheet: Int, cell: CellAddress,
        depth: Int = 0, into found: inout [(Int, Reference)]
    ) {
        func collect(_ node: FormulaExpression) {
            collectRanges(node, workbook: workbook, from: sheet, cell: cell, depth: depth, into: &found)
        }
        switch expression {
        case .reference(let reference):
            if let target = reference.sheet.map(workbook.sheet(named:)) ?? sheet {
                found.append((target, reference))
            }
        case .name(let name):
            if depth < 20, let defined = workbook.definedName(name, from: sheet), let inner = defined.expression {
                collectRanges(inner, workbook: workbook, from: sheet, cell: cell, depth: depth + 1, into: &found)
            }
        case .structured(let structured):
            if case .success(let resolved) = workbook.resolve(structured, sheet: sheet, cell: cell) {
                found.append(resolved)
            }
        case .negate(let inner), .percent(let inner): collect(inner)
        case .binary(_, let left, let right), .range(let left, let right):
            collect(left)
            collect(right)
        case .call(_, let arguments): for argument in arguments { collect(argument) }
        case .array(let rows): for row in rows { for item in row { collect(item) } }
        case .number, .text, .bool, .error, .missing: break
        }
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
