import Foundation
import Spreadsheet

/// What a CSV column holds, decided from all of its values, for writing typed cells.
public enum ColumnKind: Sendable, Hashable {
    case text, number, money, percent, date, bool

    /// The number format a column of this kind is shown with.
    public var numberFormat: String? {
        switch self {
        case .money: "#,##0.00"
        case .percent: "0.0%"
        case .date: "yyyy-mm-dd"
        case .text, .number, .bool: nil
        }
    }
}

/// Decides each column's kind over a whole file: a kind holds only if every non-empty value fits
/// it. Identifiers keep their text: a value with a leading zero (`00123`) or more than 15 digits
/// is text, as is anything mixed.
public struct ColumnKindInference: Sendable {
    private var possible: [Set<ColumnKind>] = []

    public init() {}

    public mutating func add(_ fields: [String]) {
        while possible.count < fields.count { possible.append([.number, .money, .percent, .date, .bool]) }
        for (column, field) in fields.enumerated() where !field.isEmpty && !possible[column].isEmpty {
            possible[column].formIntersection(Self.kinds(of: field))
        }
    }

    /// The kind of each column, in order of preference when several still fit.
    public var kinds: [ColumnKind] {
        possible.map { set in
            for kind in [ColumnKind.number, .money, .percent, .date, .bool] where set.contains(kind) { return kind }
            return .text
        }
    }

    static func kinds(of text: String) -> Set<ColumnKind> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var result: Set<ColumnKind> = []
        if isPlainNumber(trimmed) { result.formUnion([.number, .money]) }
        if moneyValue(trimmed) != nil { result.insert(.money) }
        if trimmed.hasSuffix("%"), isPlainNumber(String(trimmed.dropLast())) { result.insert(.percent) }
        if dateValue(trimmed) != nil { result.insert(.date) }
        if ["true", "false"].contains(trimmed.lowercased()) { result.insert(.bool) }
        return result
    }

    /// A decimal without grouping, with no leading zero before other digits and at most 15 digits.
    static func isPlainNumber(_ text: String) -> Bool {
        guard case .value = Decimal.parse(text), !text.contains("e"), !text.contains("E") else { return false }
        let digits = text.filter(\.isNumber)
        let unsigned = text.drop { $0 == "-" || $0 == "+" }
        if unsigned.count > 1 && unsigned.hasPrefix("0") && !unsigned.hasPrefix("0.") { return false }
        return digits.count <= 15
    }

    /// `$1,234.50`, `1,234.50`, `(1,234.50)`: a number written as money.
    static func moneyValue(_ text: String) -> Decimal? {
        var body = text
        var negative = false
        if body.hasPrefix("(") && body.hasSuffix(")") {
            negative = true
            body = String(body.dropFirst().dropLast())
        }
        if body.hasPrefix("-") {
            negative.toggle()
            body.removeFirst()
        }
        for symbol in ["$", "€", "£"] where body.hasPrefix(symbol) { body.removeFirst() }
        let grouped = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = grouped[0].split(separator: ",", omittingEmptySubsequences: false)
        guard !whole.isEmpty, whole.dropFirst().allSatisfy({ $0.count == 3 }),
            whole.first!.count <= 3 || whole.count == 1
        else { return nil }
        let plain = whole.joined() + (grouped.count > 1 ? "." + grouped[1] : "")
        guard isPlainNumber(plain), case .value(let value) = Decimal.parse(plain) else { return nil }
        return negative ? -value : value
    }

    static func dateValue(_ text: String) -> DateTimeValue? {
        guard text.count == 10, text.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2 else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, CivilCalendar.isValid(year: parts[0], month: parts[1], day: parts[2]) else {
            return nil
        }
        return DateTimeValue(kind: .date, year: parts[0], month: parts[1], day: parts[2])
    }

    /// The typed value of `text` in a column of `kind` (text when it does not fit after all).
    public static func value(_ text: String, as kind: ColumnKind) -> CellValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .empty }
        switch kind {
        case .text: return .text(text)
        case .number:
            if case .value(let number) = Decimal.parse(trimmed) { return .number(number) }
        case .money:
            if let number = moneyValue(trimmed) { return .number(number) }
        case .percent:
            if case .value(let number) = Decimal.parse(String(trimmed.dropLast())) { return .number(number / 100) }
        case .date:
            if let date = dateValue(trimmed) { return .date(date) }
        case .bool:
            return .bool(trimmed.lowercased() == "true")
        }
        return .text(text)
    }
}
