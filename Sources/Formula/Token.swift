import Foundation

/// One lexical piece of a formula.
enum Token: Sendable, Hashable {
    case number(Decimal)
    case text(String)
    case error(FormulaError)
    /// A name, function name, cell address or column letters, as written (`$B$7`, `SUMIFS`, `Rate`).
    case word(String)
    /// A sheet prefix without its `!` (`Deals` from `Deals!` or `'Q3 Deals'!`).
    case sheet(String)
    case structured(StructuredReference)
    case symbol(String)
    case end
}

/// Why a formula could not be read.
public struct FormulaSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public let formula: String
    public let reason: String

    public var description: String { "cannot read formula '\(formula)': \(reason)" }
}
