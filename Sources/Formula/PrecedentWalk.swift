import Foundation
import Spreadsheet

/// Follows formulas through the cells they read (across sheets, through other formulas) to the
/// cells `accept` takes, stopping at those. Each formula's result and each range's cells are
/// worked out once however many starting cells read them, so a million rows of formulas under a
/// few SUMIFS totals are walked once. A cycle is cut where it closes.
public struct PrecedentWalk {
    let workbook: FormulaWorkbook
    let accept: (Int, CellAddress) -> Bool
    private var formulaText: [SheetCell: String] = [:]
    private var memo: [SheetCell: Set<SheetCell>] = [:]
    private var ranges: [RangeKey: (accepted: Set<SheetCell>, formulas: [SheetCell])] = [:]
    private let extent: (rows: Int, columns: Int)

    public init(_ workbook: FormulaWorkbook, accept: @escaping (_ sheet: Int, _ cell: CellAddress) -> Bool) {
        self.workbook = workbook
        self.accept = accept
        for formula in workbook.formulas { formulaText[SheetCell(formula.sheet, formula.address)] = formula.text }
        let used = workbook.usedExtent
        extent = (used.rows, used.columns)
    }

    /// The accepted cells the formula at `address` reads, directly or through other formulas;
    /// nil when no formula is there.
    public mutating func reached(from sheet: Int, _ address: CellAddress) -> Set<SheetCell>? {
        let root = SheetCell(sheet, address)
        guard formulaText[root] != nil else { return nil }
        if let known = memo[root] { return known }
        var stack: [(node: SheetCell, children: [SheetCell], found: Set<SheetCell>, next: Int)] = []
        var open: Set<SheetCell> = []
        func push(_ node: SheetCell) {
            let (found, children) = scan(node)
            stack.append((node, children, found, 0))
            open.insert(node)
        }
        push(root)
        while let top = stack.indices.last {
            if stack[top].next < stack[top].children.count {
                let child = stack[top].children[stack[top].next]
                stack[top].next += 1
                if let known = memo[child] {
                    stack[top].found.formUnion(known)
                } else if !open.contains(child) {
                    push(child)
                }
                continue
            }
            let done = stack.removeLast()
            open.remove(done.node)
            memo[done.node] = done.found
            if let parent = stack.indices.last { stack[parent].found.formUnion(done.found) }
        }
        return memo[root]
    }

    /// What a formula reads: the accepted cells, and the formula cells to follow.
    private mutating func scan(_ node: SheetCell) -> (Set<SheetCell>, [SheetCell]) {
        guard let text = formulaText[node], let expression = try? Parser.parse(text) else { return ([], []) }
        var found: Set<SheetCell> = []
        var children: [SheetCell] = []
        for (target, reference) in DependencyGraph.ranges(
            expression, workbook: workbook, from: node.sheet, cell: node.address)
        {
            let lastRow = min(reference.lastRow, max(reference.firstRow, extent.rows))
            let lastColumn = min(reference.lastColumn, max(reference.firstColumn, extent.columns))
            guard reference.firstRow <= lastRow, reference.firstColumn <= lastColumn else { continue }
            let key = RangeKey(
                sheet: target, firstRow: reference.firstRow, lastRow: lastRow, firstColumn: reference.firstColumn,
                lastColumn: lastColumn)
            if ranges[key] == nil {
                var accepted: Set<SheetCell> = []
                var formulas: [SheetCell] = []
                for row in key.firstRow...key.lastRow {
                    for column in key.firstColumn...key.lastColumn {
                        let cell = CellAddress(row: row, column: column)
                        if accept(target, cell) {
                            accepted.insert(SheetCell(target, cell))
                        } else if formulaText[SheetCell(target, cell)] != nil {
                            formulas.append(SheetCell(target, cell))
                        }
                    }
                }
                ranges[key] = (accepted, formulas)
            }
            found.formUnion(ranges[key]!.accepted)
            children += ranges[key]!.formulas
        }
        return (found, children)
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
