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

    public private(set) var sheets: [Sheet]

    /// An empty census of the sheets named `sheetNames`, in sheet order, to `add` results to.
    public init(sheetNames: [String]) {
        sheets = sheetNames.map { Sheet(name: $0) }
    }

    /// Tallies results, in sheet order. Use results evaluated with `.cachedWhereAvailable`, so
    /// that each formula is judged on its own inputs as the file has them.
    public init(_ results: [FormulaResult], sheetNames: [String]) {
        self.init(sheetNames: sheetNames)
        for result in results { add(result) }
    }

    /// Tallies one result on its sheet (`result.cell.sheet`, an index into the names given):
    /// results added one by one, in the order of an array, tally as that array does.
    public mutating func add(_ result: FormulaResult) {
        let sheet = result.cell.sheet
        sheets[sheet].formulas += 1
        switch result.outcome {
        case .failure(let reason):
            sheets[sheet].notEvaluable[reason.function ?? reason.category, default: 0] += 1
        case .success(let value):
            sheets[sheet].evaluated += 1
            if result.cell.cached == .blank {
                sheets[sheet].withoutCachedValue += 1
            } else if result.agreesWithCached == true {
                sheets[sheet].agreeing += 1
            } else {
                sheets[sheet].stale.append(
                    StaleCell(
                        sheet: result.sheet, cell: result.cell.address, formula: result.cell.text,
                        cached: result.cell.cached, evaluated: value))
            }
        }
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
