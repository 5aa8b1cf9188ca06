import Commission
import Foundation
import Spreadsheet

extension JSONText {
    /// Money as a JSON string of plain decimals (`"1250.00"`), or `null`.
    static func money(_ value: Decimal?) -> String { value.map { quoted($0.moneyText) } ?? "null" }
}
