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
    /// The kinds a column's values all fit so far, one bit each.
    struct Kinds: OptionSet {
        let rawValue: UInt8
        static let number = Kinds(rawValue: 1)
        static let money = Kinds(rawValue: 2)
        static let percent = Kinds(rawValue: 4)
        static let date = Kinds(rawValue: 8)
        static let bool = Kinds(rawValue: 16)
        static let any: Kinds = [.number, .money, .percent, .date, .bool]

        /// In order of preference when several still fit.
        static let preferred: [(Kinds, ColumnKind)] = [
            (.number, .number), (.money, .money), (.percent, .percent), (.date, .date), (.bool, .bool),
        ]
    }

    private var possible: [Kinds] = []

    public init() {}

    /// Narrows each column's kinds by one record's fields (read as bytes: no string is made).
    public mutating func add(_ fields: CSVFields) {
        while possible.count < fields.count { possible.append(.any) }
        for column in 0..<fields.count where !possible[column].isEmpty {
            let field = fields[column]
            if !field.isEmpty { possible[column].formIntersection(Self.kinds(of: field)) }
        }
    }

    /// The kind of each column, in order of preference when several still fit.
    public var kinds: [ColumnKind] {
        possible.map { set in
            for (bit, kind) in Kinds.preferred where set.contains(bit) { return kind }
            return .text
        }
    }

    /// The kinds one non-empty field fits (spaces around it aside).
    static func kinds(of all: UnsafeBufferPointer<UInt8>) -> Kinds {
        var start = 0
        var end = all.count
        while start < end && all[start] == 32 { start += 1 }
        while end > start && all[end - 1] == 32 { end -= 1 }
        let bytes = UnsafeBufferPointer(rebasing: all[start..<end])
        var result: Kinds = []
        if isPlainNumber(bytes) {
            result = [.number, .money]
        } else if let first = bytes.first,
            first == UInt8(ascii: "$") || first == UInt8(ascii: "(") || first == 0xE2 || first == 0xC2
                || bytes.contains(UInt8(ascii: ","))
        {
            if moneyValue(String(decoding: bytes, as: UTF8.self)) != nil { result.insert(.money) }
        }
        if bytes.last == UInt8(ascii: "%"), isPlainNumber(UnsafeBufferPointer(rebasing: bytes.dropLast())) {
            result.insert(.percent)
        }
        if isISODate(bytes) { result.insert(.date) }
        if bytes.count == 4 || bytes.count == 5 {
            let lower = String(decoding: bytes, as: UTF8.self).lowercased()
            if lower == "true" || lower == "false" { result.insert(.bool) }
        }
        return result
    }

    /// A decimal without grouping or exponent, with no leading zero before other digits and at
    /// most 15 digits (longer ones lose precision in a spreadsheet: identifiers, card numbers).
    static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, case .value = Decimal.parse(ascii: bytes) else { return false }
        var digits = 0
        var i = 0
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: "0") && bytes[i + 1] != UInt8(ascii: ".") { return false }
        for byte in bytes {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == 32 { return false }
            if byte >= 48 && byte <= 57 { digits += 1 }
        }
        return digits <= 15
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlainNumber($0) }
    }

    /// Exactly `YYYY-MM-DD`, a real calendar date.
    static func isISODate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let fields = CivilCalendar.isoFields(bytes) else { return false }
        return CivilCalendar.isValid(year: fields.year, month: fields.month, day: fields.day)
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

    /// The date `YYYY-MM-DD` is, read as `isISODate` reads it (the values of a date column all passed it).
    static func dateValue(_ text: String) -> DateTimeValue? {
        var text = text
        guard let fields = text.withUTF8({ CivilCalendar.isoFields($0) }),
            CivilCalendar.isValid(year: fields.year, month: fields.month, day: fields.day)
        else { return nil }
        return DateTimeValue(kind: .date, year: fields.year, month: fields.month, day: fields.day)
    }

    /// The typed value of `text` in a column of `kind` (text when it does not fit after all).
    public static func value(_ text: String, as kind: ColumnKind) -> CellValue {
        let trimmed = text.utf8.first == 32 || text.utf8.last == 32 ? text.trimmingCharacters(in: .whitespaces) : text
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
