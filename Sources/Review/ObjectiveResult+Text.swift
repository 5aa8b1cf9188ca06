import Commission
import Foundation

extension ObjectiveResult {
    /// The achieved figure as text: a count of deals, money, or an average rounded to cents.
    public var achievedText: String? {
        guard let achieved else { return nil }
        switch measure {
        case .deals: return achieved.plainText
        case .credit: return achieved.moneyText
        case .averageDeal: return achieved.roundedToCents.moneyText
        }
    }
}
