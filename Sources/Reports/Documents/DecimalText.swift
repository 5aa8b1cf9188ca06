import Commission
import Foundation
import Spreadsheet

/// How a kind of decimal is written in a JSON document, and what it is called in an error.
public protocol DecimalTextStyle: Sendable {
    static func text(_ value: Decimal) -> String
    static var noun: String { get }
}

/// A decimal in a JSON document, written as a string so no reader loses a cent to binary floating
/// point (plan-format.md section 4) and read back exactly.
public struct DecimalText<Style: DecimalTextStyle>: Codable, Hashable, Sendable {
    public var value: Decimal

    public init(_ value: Decimal) { self.value = value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard case .value(let number) = Decimal.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not \(Style.noun)")
        }
        value = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Style.text(value))
    }
}

/// Money: plain text with at least two decimals (`"1250.00"`, `"-338.7802"`).
public enum MoneyStyle: DecimalTextStyle {
    public static func text(_ value: Decimal) -> String { value.moneyText }
    public static var noun: String { "an amount" }
}

/// A ratio (attainment, a share): half-up to six places, no trailing zeros (`"1.25"`).
public enum RatioStyle: DecimalTextStyle {
    public static func text(_ value: Decimal) -> String { value.ratioText }
    public static var noun: String { "a ratio" }
}

/// Any other decimal (a rate, a threshold, a count) as its plain text: `"0.08"`, `"12"`.
public enum PlainStyle: DecimalTextStyle {
    public static func text(_ value: Decimal) -> String { value.plainText }
    public static var noun: String { "a number" }
}

public typealias MoneyText = DecimalText<MoneyStyle>
public typealias RatioText = DecimalText<RatioStyle>
public typealias PlainDecimalText = DecimalText<PlainStyle>

extension Optional where Wrapped == Decimal {
    var money: MoneyText? { map(MoneyText.init) }
    var ratio: RatioText? { map(RatioText.init) }
}

extension Decimal {
    var money: MoneyText { MoneyText(self) }
    var ratio: RatioText { RatioText(self) }
    var plain: PlainDecimalText { PlainDecimalText(self) }
}
