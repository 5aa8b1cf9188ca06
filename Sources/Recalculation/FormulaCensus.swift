import Formula
import Foundation
import Spreadsheet

/// Per sheet, what evaluating a workbook's formulas against their cached values found.
public struct FormulaCensus: Sendable {
    /// A formula whose cached value is not what it gives from the cells it reads.
    public struct StaleCell: Sendable, Hashable {
        public let sheet: String
        public let cell: CellAddress
        public let formula: String
        public let cached: FormulaValue
        public let evaluated: FormulaValue
    }

    public struct Sheet: Sendable {
        public let name: String
        public var formulas = 0
        public var evaluated = 0
        /// Evaluated, with a cached value that agrees.
        public var agreeing = 0
        /// Evaluated, with no cached value to compare.
        public var withoutCachedValue = 0
        public var stale: [StaleCell] = []
        /// Why formulas are not evaluable: a function's name, or a reason, with how many.
        public var notEvaluable: [String: Int] = [:]
    }

    public let sheets: [Sheet]

    /// Tallies results, in sheet order. Use results evaluated with `.cachedWhereAvailable`, so
    /// that each formula is judged on its own inputs as the file has them.
    public init(_ results: [FormulaResult], sheetNames: [String]) {
        var tallies = sheetNames.map { Sheet(name: $0) }
        for result in results {
            var tally = tallies[result.cell.sheet]
            tally.formulas += 1
            switch result.outcome {
            case .failure(let reason):
                tally.notEvaluable[reason.function ?? reason.category, default: 0] += 1
            case .success(let value):
                tally.evaluated += 1
                if result.cell.cached == .blank {
                    tally.withoutCachedValue += 1
                } else if result.agreesWithCached == true {
                    tally.agreeing += 1
                } else {
                    tally.stale.append(
                        StaleCell(
                            sheet: result.sheet, cell: result.cell.address, formula: result.cell.text,
                            cached: result.cell.cached, evaluated: value))
                }
            }
            tallies[result.cell.sheet] = tally
        }
        sheets = tallies
    }
}

extension NotEvaluable {
    /// The kind of reason in a few words, for tallies: `circular reference`, `unresolved name`…
    public var category: String {
        switch kind {
        case .unsupportedFunction(let name): name
        case .unresolved(let what):
            "unresolved " + (what.split(separator: " ").dropFirst().first.map(String.init) ?? what)
        case .circular: "circular reference"
        case .dependsOn: "reads a cell not evaluable"
        case .syntax: "unreadable formula"
        }
    }
}
