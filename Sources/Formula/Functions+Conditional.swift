import Foundation

extension Functions {
    /// The functions below that read their sum range in the shape of their criteria range
    /// (`resize: true`): what they read reaches beyond the rectangles they name
    /// (`DependencyGraph.collectRanges` gives the resized range).
    static let resizingSumRange: Set<String> = ["SUMIF", "AVERAGEIF"]

    static let conditional: [String: Implementation] = [
        "COUNTIF": { e, a throws(NotEvaluable) in
            guard a.count == 2 else { return error(.value) }
            return try conditionalFold(e, target: nil, pairs: [(a[0], a[1])]) { .number(Decimal($0.count)) }
        },
        "COUNTIFS": { e, a throws(NotEvaluable) in
            guard a.count >= 2, a.count % 2 == 0 else { return error(.value) }
            return try conditionalFold(e, target: nil, pairs: pairs(a[...])) { .number(Decimal($0.count)) }
        },
        "SUMIF": { e, a throws(NotEvaluable) in
            guard a.count == 2 || a.count == 3 else { return error(.value) }
            return try conditionalFold(e, target: a.count == 3 ? a[2] : a[0], resize: true, pairs: [(a[0], a[1])]) {
                .number(Decimal.total($0.numbers))
            }
        },
        "SUMIFS": { e, a throws(NotEvaluable) in
            guard a.count >= 3, a.count % 2 == 1 else { return error(.value) }
            return try conditionalFold(e, target: a[0], pairs: pairs(a.dropFirst())) {
                .number(Decimal.total($0.numbers))
            }
        },
        "AVERAGEIF": { e, a throws(NotEvaluable) in
            guard a.count == 2 || a.count == 3 else { return error(.value) }
            return try conditionalFold(
                e, target: a.count == 3 ? a[2] : a[0], resize: true, pairs: [(a[0], a[1])]
            ) { average($0.numbers) }
        },
        "AVERAGEIFS": { e, a throws(NotEvaluable) in
            guard a.count >= 3, a.count % 2 == 1 else { return error(.value) }
            return try conditionalFold(e, target: a[0], pairs: pairs(a.dropFirst())) { average($0.numbers) }
        },
        "MINIFS": { e, a throws(NotEvaluable) in
            guard a.count >= 3, a.count % 2 == 1 else { return error(.value) }
            return try conditionalFold(e, target: a[0], pairs: pairs(a.dropFirst())) { .number($0.numbers.min() ?? 0) }
        },
        "MAXIFS": { e, a throws(NotEvaluable) in
            guard a.count >= 3, a.count % 2 == 1 else { return error(.value) }
            return try conditionalFold(e, target: a[0], pairs: pairs(a.dropFirst())) { .number($0.numbers.max() ?? 0) }
        },
    ]

    private static func pairs(_ arguments: ArraySlice<FormulaExpression>) -> [(FormulaExpression, FormulaExpression)] {
        stride(from: arguments.startIndex, to: arguments.endIndex, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
    }

    /// What a criteria function folds: the numbers in the sum range where every criterion holds,
    /// and how many positions hold every criterion (all COUNTIFS reads).
    private struct Matches {
        var numbers: [Decimal] = []
        var count = 0
    }

    /// The rows where every criterion holds: their numbers in `target`, and their count, folded by
    /// `combine`. `resize` gives SUMIF's sum range the criteria range's shape.
    ///
    /// Past the last row and column that the sheets of the ranges store, every position is blank
    /// in every range: those positions are tested once and counted, not walked, so that an
    /// explicit range of billions of empty cells (`COUNTIF(HCI353613:J83,"")`, found by fuzzing:
    /// it held a 1 for each) costs no more than the cells stored.
    private static func conditionalFold(
        _ evaluator: Evaluator, target: FormulaExpression?, resize: Bool = false,
        pairs: [(FormulaExpression, FormulaExpression)],
        _ combine: (Matches) -> FormulaValue
    ) throws(NotEvaluable) -> Operand {
        var ranges: [ValueGrid] = []
        var criteria: [Criterion] = []
        var candidates: [Int]?
        // The criterion whose index gave the candidates: they all meet it, so it is not tested again.
        var indexed: Int?
        for (range, criterion) in pairs {
            guard case .reference(let sheet, let reference) = try evaluator.operand(range) else { return error(.value) }
            let grid = evaluator.grid(sheet, reference)
            ranges.append(grid)
            let compiled = Criterion(try evaluator.scalar(criterion))
            criteria.append(compiled)
            if candidates == nil, let text = compiled.equalText {
                candidates = try evaluator.textIndexes.positions(of: text, in: grid, sheet: sheet, reference: reference)
                if candidates != nil { indexed = criteria.count - 1 }
            }
        }
        let rows = ranges[0].rows
        let columns = ranges[0].columns
        guard ranges.allSatisfy({ $0.rows == rows && $0.columns == columns }) else { return error(.value) }
        var values: ValueGrid?
        if let target {
            guard case .reference(let sheet, var reference) = try evaluator.operand(target) else {
                return error(.value)
            }
            if resize {
                reference = Reference(
                    sheet: reference.sheet, firstRow: reference.firstRow, firstColumn: reference.firstColumn,
                    lastRow: reference.firstRow + rows - 1, lastColumn: reference.firstColumn + columns - 1)
            }
            let grid = evaluator.grid(sheet, reference)
            guard resize || (grid.rows == rows && grid.columns == columns) else { return error(.value) }
            values = grid
        }
        let readers = ranges.map(CellReader.init)
        let tested = criteria.indices.filter { $0 != indexed }
        let sums = values.map(CellReader.init)
        var found = Matches()
        /// Counts the position and adds its number when every criterion holds there; an error in
        /// the sum range is returned.
        func include(_ position: Int) throws(NotEvaluable) -> FormulaError? {
            for index in tested where !criteria[index].matches(try readers[index].at(position)) { return nil }
            found.count += 1
            guard let sums else { return nil }
            switch try sums.at(position) {
            case .number(let number): found.numbers.append(number)
            case .error(let failure): return failure
            default: break
            }
            return nil
        }
        if let candidates {
            for position in candidates { if let failure = try include(position) { return error(failure) } }
        } else if let stored = storedShape(of: ranges + (values.map { [$0] } ?? []), rows: rows, columns: columns) {
            // The positions that may hold something, row by row as before; the rest are blank.
            for row in 0..<stored.rows {
                for column in 0..<stored.columns {
                    if let failure = try include(row * columns + column) { return error(failure) }
                }
            }
            if tested.allSatisfy({ criteria[$0].matches(.blank) }) {
                found.count += rows * columns - stored.rows * stored.columns
            }
        } else {
            for position in 0..<(rows * columns) { if let failure = try include(position) { return error(failure) } }
        }
        return .value(combine(found))
    }

    /// The rows and columns, from the first, past which every grid of `rows` × `columns` holds
    /// only blanks (the widest of the stored parts); nil when a grid is of another shape (a sum
    /// range cut short), whose positions do not line up with the others'.
    private static func storedShape(of grids: [ValueGrid], rows: Int, columns: Int) -> (rows: Int, columns: Int)? {
        guard grids.allSatisfy({ $0.rows == rows && $0.columns == columns }) else { return nil }
        let shapes = grids.map(\.storedShape)
        return (shapes.map(\.rows).max() ?? rows, shapes.map(\.columns).max() ?? columns)
    }
}
