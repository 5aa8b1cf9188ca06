import Foundation

extension BinaryOperator {
    /// Whether a comparison operator holds between two values `Coercion.compare` ordered as
    /// `order` (`=`, `<>`, `<`, `<=`, `>`, `>=`); for the formula's operators and for criteria
    /// (`COUNTIF(…, ">5")`) alike.
    func holds(_ order: ComparisonResult) -> Bool {
        switch self {
        case .equal: order == .orderedSame
        case .notEqual: order != .orderedSame
        case .less: order == .orderedAscending
        case .lessOrEqual: order != .orderedDescending
        case .greater: order == .orderedDescending
        default: order != .orderedAscending
        }
    }
}
