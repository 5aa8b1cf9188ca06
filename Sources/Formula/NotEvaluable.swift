/// Why a formula has no value from the evaluator: a function it does not know, a reference it
/// cannot follow, a cycle, or a cell it reads that is itself not evaluable.
public struct NotEvaluable: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The named function is not implemented.
        case unsupportedFunction(String)
        /// A reference to another workbook, a 3-D range, an unknown sheet, name or table.
        case unresolved(String)
        /// The cell is on a cycle; the cells of the cycle, in order.
        case circular([String])
        /// The formula reads a cell that is not evaluable.
        case dependsOn(String)
        case syntax(String)
    }

    public let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// The function to blame, when a function is to blame.
    public var function: String? {
        if case .unsupportedFunction(let name) = kind { return name }
        return nil
    }

    public var description: String {
        switch kind {
        case .unsupportedFunction(let name): "the function \(name) is not supported"
        case .unresolved(let what): "\(what) cannot be resolved"
        case .circular(let cells): "circular reference: " + (cells + [cells[0]]).joined(separator: " → ")
        case .dependsOn(let cell): "it reads \(cell), which is not evaluable"
        case .syntax(let reason): reason
        }
    }
}
