import Foundation
import Parallel
import Spreadsheet

/// What evaluating one formula cell gave.
public struct FormulaResult: Sendable, Hashable {
    public let cell: FormulaCell
    /// The sheet's name.
    public let sheet: String
    /// The value, or why there is none.
    public let outcome: Result<FormulaValue, NotEvaluable>

    public var value: FormulaValue? {
        if case .success(let value) = outcome { return value }
        return nil
    }

    /// Whether the file's cached value is what the formula gives, at Excel's 15 digits (an
    /// empty cached text and an empty result agree; a cached date is its serial number).
    public var agreesWithCached: Bool? {
        guard let value else { return nil }
        return FormulaValue.sameDisplayedValue(value, cell.cached)
    }
}

/// Which values a formula reads from the formula cells it refers to.
public enum PrecedentValues: Sendable {
    /// Every formula recalculated, in dependency order: what Excel's full recalculation gives.
    case recalculated
    /// The values the file cached, and evaluated values only where there is no cached one: each
    /// formula checked against its own inputs as the file has them (for stale values).
    case cachedWhereAvailable
}

extension FormulaWorkbook {
    /// Evaluates every formula in dependency order. Cells on a cycle, with an unknown function or
    /// reference, or reading such a cell, are not evaluable; the rest get values.
    ///
    /// The results are in the order of `formulas`. A caller that reads each result once can take
    /// them from `evaluate(precedents:options:each:)` instead, without holding them all.
    public func evaluate(
        precedents: PrecedentValues = .recalculated, options: EvaluationOptions = EvaluationOptions()
    ) -> [FormulaResult] {
        var results: [FormulaResult] = []
        results.reserveCapacity(formulas.count)
        evaluate(precedents: precedents, options: options) { results.append($0) }
        return results
    }

    /// Evaluates every formula as `evaluate(precedents:options:)` does, then hands each result to
    /// `body` in the order of `formulas`, made as it is handed over: a million results are never
    /// held at once. What `body` throws stops the walk and is thrown.
    public func evaluate<Failure: Error>(
        precedents: PrecedentValues = .recalculated, options: EvaluationOptions = EvaluationOptions(),
        each body: (FormulaResult) throws(Failure) -> Void
    ) throws(Failure) {
        let outcomes = self.outcomes(precedents: precedents, options: options)
        for (index, cell) in formulas.enumerated() {
            try body(
                FormulaResult(
                    cell: cell, sheet: sheets[cell.sheet].name,
                    outcome: outcomes[index] ?? .failure(NotEvaluable(.syntax("not reached")))))
        }
    }

    /// Each formula's outcome, by its position in `formulas` (nil for one never reached). The
    /// parsed trees, the graph and the evaluator's copy of the cells are let go on return.
    private func outcomes(precedents: PrecedentValues, options: EvaluationOptions) -> FormulaOutcomes {
        // Filled-down formulas are kept as their shape's number (where it moved to is the cell's
        // offset from the shape's), and each tree is built when it is read: a million trees, or a
        // million parses of sixteen bytes, held at once would take hundreds or tens of megabytes.
        var shapes = ShapeCache()
        var parsed = ParsedFormulas(count: formulas.count)
        for (index, formula) in formulas.enumerated() {
            do {
                parsed.set(try shapes.parsed(formula), at: index, shapes: shapes)
            } catch {
                parsed.syntax[index] = NotEvaluable(.syntax(error.description))
            }
        }
        // Constant copies, for chunks evaluated on other threads (and read by the graph without
        // copying the variables' every list at each formula).
        let (keptShapes, parses) = (shapes, parsed)
        let graph = DependencyGraph(workbook: self) { node, cell in
            parses.read(at: node, cell: cell, shapes: keptShapes)
        }
        let cycles = graph.cycles
        /// The outcome of the formula at `node` (`formula`), evaluated by `evaluator`.
        @Sendable func evaluated(_ node: Int, _ formula: FormulaCell, by evaluator: Evaluator)
            -> Result<FormulaValue, NotEvaluable>
        {
            if let cycle = cycles[node] { return .failure(NotEvaluable(.circular(cycle))) }
            guard let parse = parses.parse(at: node, cell: formula.address, shapes: keptShapes) else {
                return .failure(parses.syntax[node] ?? NotEvaluable(.syntax("unreadable formula")))
            }
            // A filled-down formula is its shape's tree with the references read moved: no tree
            // of its own is built.
            let (tree, rows, columns) = keptShapes.unmovedTree(parse)
            evaluator.sheet = formula.sheet
            evaluator.cell = formula.address
            evaluator.arrayMode = formula.isArray
            evaluator.moved = (rows, columns)
            do throws(NotEvaluable) {
                return .success(try evaluator.cellValue(tree))
            } catch {
                return .failure(error)
            }
        }
        var outcomes = FormulaOutcomes(count: formulas.count)
        let chunks = chunkCount(items: formulas.count, minimum: options.evaluatedInChunksFrom)
        if precedents == .cachedWhereAvailable, !formulas.hasFormulaWithoutCachedValue, chunks > 1 {
            // Every formula reads the cached values of the formula cells it refers to, and no
            // cell is written: the order does not matter, and chunks of formulas are evaluated on
            // every core, each by its own evaluator.
            let parts = inParallel(chunks: chunks) { chunk in
                let range = chunkRange(chunk, of: chunks, total: formulas.count)
                let evaluator = Evaluator(workbook: self, options: options)
                var part = FormulaOutcomes(count: range.count)
                for node in range {
                    part.set(evaluated(node, formulas[node], by: evaluator), at: node - range.lowerBound)
                }
                return (range, part)
            }
            for (range, part) in parts {
                for node in range { outcomes.set(part[node - range.lowerBound]!, at: node) }
            }
            return outcomes
        }
        let evaluator = Evaluator(workbook: self, options: options)
        // A cell keeping its cached value holds what it will hold from the start (each formula
        // is looked at only where some have a cached value and some have none).
        let settled: [Bool] =
            precedents == .recalculated
            ? Array(repeating: false, count: formulas.count)
            : formulas.hasFormulaWithoutCachedValue
                ? formulas.map { $0.cached != .blank } : Array(repeating: true, count: formulas.count)
        let unevaluated = UnevaluatedCells(formulas, settled: settled)
        evaluator.unevaluated = unevaluated
        func store(_ outcome: Result<FormulaValue, NotEvaluable>, of formula: FormulaCell) {
            guard !(precedents == .cachedWhereAvailable && formula.cached != .blank) else { return }
            let stored: FormulaValue =
                switch outcome {
                case .success(let value): value
                case .failure: .error(.notEvaluable)
                }
            evaluator.workbook.sheets[formula.sheet][formula.address.row, formula.address.column] = stored
        }
        for position in graph.order {
            let node = Int(position)
            let formula = formulas[node]
            let outcome = evaluated(node, formula, by: evaluator)
            outcomes.set(outcome, at: node)
            store(outcome, of: formula)
            unevaluated.settle(node)
        }
        if unevaluated.deferred > 0 {
            // Formulas that reached a cell through OFFSET or INDIRECT before it was evaluated,
            // and those reading them, are evaluated again in order now that the others are,
            // until a pass gives no more values (a cycle through such a reference never does).
            var waiting = graph.order.map(Int.init).filter {
                if case .failure(let failure)? = outcomes[$0], case .dependsOn = failure.kind { return true }
                return false
            }
            for _ in 0..<64 where !waiting.isEmpty {
                var still: [Int] = []
                for node in waiting {
                    let formula = formulas[node]
                    let outcome = evaluated(node, formula, by: evaluator)
                    guard case .success = outcome else {
                        still.append(node)
                        continue
                    }
                    outcomes.set(outcome, at: node)
                    store(outcome, of: formula)
                }
                if still.count == waiting.count { break }
                waiting = still
            }
        }
        return outcomes
    }
}

extension FormulaValue {
    /// Whether two values show the same: numbers at 15 significant digits, text exactly, an empty
    /// text the same as blank.
    public static func sameDisplayedValue(_ a: FormulaValue, _ b: FormulaValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x.excelPrecision == y.excelPrecision
        case (.text(""), .blank), (.blank, .text("")), (.blank, .blank): return true
        default: return a == b
        }
    }
}

/// Each formula of a list as parsed, in four bytes where it is a kept shape: the shape's number,
/// the formula's cell telling how far it moved. A tree of its own is kept aside; a formula that
/// did not parse has its reason in `syntax`.
private struct ParsedFormulas {
    /// Per formula, its kept shape's number, or `tree` or `unparsed`.
    private var numbers: [Int32]
    private var trees: [Int: FormulaExpression] = [:]
    /// Why each formula that did not parse did not.
    var syntax: [Int: NotEvaluable] = [:]
    private static let tree: Int32 = -1
    private static let unparsed: Int32 = -2

    init(count: Int) {
        numbers = [Int32](repeating: Self.unparsed, count: count)
    }

    mutating func set(_ parse: ShapeCache.Parsed, at index: Int, shapes: ShapeCache) {
        if let number = shapes.number(of: parse) {
            numbers[index] = number
        } else {
            numbers[index] = Self.tree
            trees[index] = shapes.tree(parse)
        }
    }

    /// The formula at `index` (at `cell`) read for the cells it refers to (`ShapeCache.read`); nil
    /// when it did not parse. A kept shape's is read without making its `Parsed` first.
    func read(at index: Int, cell: CellAddress, shapes: ShapeCache) -> ShapeCache.Read? {
        switch numbers[index] {
        case Self.unparsed: nil
        case Self.tree: .tree(trees[index]!)
        case let number: shapes.read(shape: number, at: cell)
        }
    }

    /// The formula at `index` (at `cell`) as `ShapeCache.parsed` gave it; nil when it did not parse.
    func parse(at index: Int, cell: CellAddress, shapes: ShapeCache) -> ShapeCache.Parsed? {
        switch numbers[index] {
        case Self.unparsed: nil
        case Self.tree: .tree(trees[index]!)
        case let number: shapes.shared(number, at: cell)
        }
    }
}
