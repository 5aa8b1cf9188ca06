import Foundation
import Spreadsheet

/// Follows formulas through the cells they read (across sheets, through other formulas) to the
/// cells `accept` takes, stopping at those. Each formula's result and each range's result (the
/// accepted cells it reaches) are worked out once however many starting cells read them, so a
/// million rows of formulas under thousands of SUMIFS totals over the same columns are walked
/// once, not once per total. A cycle is cut where it closes.
public struct PrecedentWalk {
    let workbook: FormulaWorkbook
    let accept: (Int, CellAddress) -> Bool
    private var formulaText: [SheetCell: String] = [:]
    private var memo: [Node: Set<SheetCell>] = [:]
    /// A million filled-down formulas are a handful of shapes, each parsed once.
    private var shapes = ShapeCache()
    private let extent: (rows: Int, columns: Int)

    /// A step of the walk: a formula's cell, or a range of more than one cell that formulas read.
    private enum Node: Hashable {
        case cell(SheetCell)
        case range(RangeKey)
    }

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
        return reached(.cell(root))
    }

    /// Depth first without recursion (a chain of a million formulas is a million steps deep).
    private mutating func reached(_ root: Node) -> Set<SheetCell> {
        if let known = memo[root] { return known }
        var stack: [(node: Node, children: [Node], found: Set<SheetCell>, next: Int)] = []
        var open: Set<Node> = []
        func push(_ node: Node) {
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
        return memo[root] ?? []
    }

    /// What a step reads at once: the accepted cells, and the steps to follow. A formula's single
    /// cells are taken or followed directly; its ranges of several cells are steps of their own.
    private mutating func scan(_ node: Node) -> (Set<SheetCell>, [Node]) {
        var found: Set<SheetCell> = []
        var children: [Node] = []
        func visit(_ target: Int, _ cell: CellAddress) {
            if accept(target, cell) {
                found.insert(SheetCell(target, cell))
            } else if formulaText[SheetCell(target, cell)] != nil {
                children.append(.cell(SheetCell(target, cell)))
            }
        }
        switch node {
        case .range(let key):
            for row in key.firstRow...key.lastRow {
                for column in key.firstColumn...key.lastColumn {
                    visit(key.sheet, CellAddress(row: row, column: column))
                }
            }
        case .cell(let cell):
            guard let text = formulaText[cell], let expression = try? shapes.parse(text, at: cell.address) else {
                return ([], [])
            }
            for (target, reference) in DependencyGraph.ranges(
                expression, workbook: workbook, from: cell.sheet, cell: cell.address)
            {
                let lastRow = min(reference.lastRow, max(reference.firstRow, extent.rows))
                let lastColumn = min(reference.lastColumn, max(reference.firstColumn, extent.columns))
                guard reference.firstRow <= lastRow, reference.firstColumn <= lastColumn else { continue }
                if reference.firstRow == lastRow && reference.firstColumn == lastColumn {
                    visit(target, CellAddress(row: lastRow, column: lastColumn))
                } else {
                    children.append(
                        .range(
                            RangeKey(
                                sheet: target, firstRow: reference.firstRow, lastRow: lastRow,
                                firstColumn: reference.firstColumn, lastColumn: lastColumn)))
                }
            }
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
