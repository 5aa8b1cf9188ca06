import Foundation
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
        // Filled-down formulas are kept as their shape and where it moved to, and each tree is
        // built when it is read: a million trees held at once would take hundreds of megabytes.
        var parsed: [ShapeCache.Parsed?] = []
        var syntax: [Int: NotEvaluable] = [:]
        parsed.reserveCapacity(formulas.count)
        var shapes = ShapeCache()
        for (index, formula) in formulas.enumerated() {
            do {
                parsed.append(try shapes.parsed(formula))
            } catch {
                parsed.append(nil)
                syntax[index] = NotEvaluable(.syntax(error.description))
            }
        }
        let graph = DependencyGraph(workbook: self) { parsed[$0].map(shapes.read(parsed:)) }
        let evaluator = Evaluator(workbook: self, options: options)
        var outcomes = FormulaOutcomes(count: formulas.count)
        for position in graph.order {
            let node = Int(position)
            let formula = formulas[node]
            let outcome: Result<FormulaValue, NotEvaluable>
            if let cycle = graph.cycles[node] {
                outcome = .failure(NotEvaluable(.circular(cycle)))
            } else if let parse = parsed[node] {
                // A filled-down formula is its shape's tree with the references read moved: no
                // tree of its own is built.
                let (tree, rows, columns) = shapes.unmovedTree(parse)
                evaluator.sheet = formula.sheet
                evaluator.cell = formula.address
                evaluator.arrayMode = formula.isArray
                evaluator.moved = (rows, columns)
                do throws(NotEvaluable) {
                    outcome = .success(try evaluator.cellValue(tree))
                } catch {
                    outcome = .failure(error)
                }
            } else {
                outcome = .failure(syntax[node] ?? NotEvaluable(.syntax("unreadable formula")))
            }
            outcomes.set(outcome, at: node)
            let keepCached = precedents == .cachedWhereAvailable && formula.cached != .blank
            if !keepCached {
                let stored: FormulaValue =
                    switch outcome {
                    case .success(let value): value
                    case .failure: .error(.notEvaluable)
                    }
                evaluator.workbook.sheets[formula.sheet][formula.address.row, formula.address.column] = stored
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
