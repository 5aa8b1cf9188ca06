import Commission
import Foundation
import Primitives
import Spreadsheet

/// How a column writes its numbers, decided once per column from its values.
public enum NumberStyle: Sendable, Hashable {
    /// `1,234.56`
    case decimalPoint
    /// `1.234,56`
    case decimalComma

    /// Votes over a column's texts: a separator followed by other than three digits, or the last of
    /// two different separators, is the decimal one. Ties and no evidence give `.decimalPoint`.
    static func decide(_ texts: [String]) -> (style: NumberStyle, ambiguous: Bool) {
        var point = 0
        var comma = 0
        for text in texts {
            switch shown(by: text) {
            case .decimalPoint?: point += 1
            case .decimalComma?: comma += 1
            case nil: break
            }
        }
        return (comma > point ? .decimalComma : .decimalPoint, point > 0 && comma > 0)
    }

    /// The style one number's text shows: its last separator is the decimal one when it has
    /// both, or when other than three digits follow it; nil when it has none, or one that could
    /// be either (`1,500`, `2.000`).
    static func shown(by text: String) -> NumberStyle? {
        let body = ValueReading.latinDigits(text).filter { $0.isNumber || $0 == "." || $0 == "," }
        guard let last = body.lastIndex(where: { $0 == "." || $0 == "," }) else { return nil }
        let both = body.contains(".") && body.contains(",")
        guard both || body.distance(from: last, to: body.endIndex) - 1 != 3 else { return nil }
        return body[last] == "." ? .decimalPoint : .decimalComma
    }

    /// Whether `text`'s one separator is a dot before three digits and a group of one to three
    /// digits (`37.800`, `1.250 €`): thousands grouped with a dot, or a number with three decimals.
    /// A leading `0.` (`0.125`) groups nothing: it is a number with three decimals.
    static func groupsThousandsWithADot(_ text: String) -> Bool {
        let body = text.filter { $0.isNumber || $0 == "." || $0 == "," }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.contains(",") && parts.count == 2 && (1...3).contains(parts[0].count) && parts[1].count == 3
            && parts[0].first != "0"
    }

    /// Whether `text` writes a whole number of four digits or more without a separator (`50000`,
    /// `-1200 €`): its column does not group thousands.
    static func writesThousandsUngrouped(_ text: String) -> Bool {
        let body = text.filter { $0.isNumber || $0 == "." || $0 == "," }
        return body.count >= 4 && !body.contains(".") && !body.contains(",")
    }

    /// Whether `text` is a dash written for zero (`-`, `—`, `$ -`): a placeholder for nothing,
    /// not a number stored as text (a total that skips it adds the same).
    public static func isZeroDash(_ text: String) -> Bool { ValueReading.isZeroDash(text) }

    /// Money written as text the way a sheet's author types it (`$1,234.50`, `1.234,56 €`,
    /// `(250.00)`, `USD 99`), read in the style its own separators show; a plain decimal
    /// (`1500.5`) as it stands. Nil when it is not money, or when its one separator could be
    /// either (`2.000 €`, `1,500`: a cell alone does not tell thousands from decimals).
    public static func money(inText text: String) -> Decimal? {
        if case .value(let number) = Decimal.parse(text.trimmedSpaces) { return number }
        guard tellsItsStyle(text) else { return nil }
        return try? ValueReading.parseMoney(text, style: shown(by: text) ?? .decimalPoint)
    }

    /// The style a column's texts show (`decide`), where two or more tell it and none tells the
    /// other: a summary column of `1.234,56`s reads its `325,452` as 325.452. Nil otherwise.
    public static func shown(byColumn texts: [String]) -> NumberStyle? {
        let styles = texts.compactMap(shown(by:))
        guard styles.count >= 2, Set(styles).count == 1 else { return nil }
        return styles[0]
    }

    /// Money written as text read in `style` (a column's, `shown(byColumn:)`); nil when it is not money.
    public static func money(inText text: String, style: NumberStyle) -> Decimal? {
        try? ValueReading.parseMoney(text, style: style)
    }

    /// Whether a number's text shows which separator is its decimal one, or has none.
    public static func tellsItsStyle(_ text: String) -> Bool {
        shown(by: text) != nil || !text.contains(where: { $0 == "." || $0 == "," })
    }
}

/// The order of a text date's day and month (`03/04/2026`), decided per column.
public enum DateOrder: String, Sendable, Hashable {
    /// `15/03/2026`, `15.03.2026`
    case dayFirst = "day-first"
    /// `03/15/2026`
    case monthFirst = "month-first"

    /// The order a column's texts show: day-first when a first part exceeds 12, month-first when
    /// a second part does; nil when none does (or when both do: `conflict` is then true). Texts
    /// that are not `a/b/yyyy`, `a.b.yyyy` or `a-b-yyyy` are left out, but for a day and month
    /// without a year (`15/03`, `YearlessDates.slashed`), which tells the order as well (`yearless`
    /// says one was seen; `seen`, a date with its year); `dotted` says whether the dates seen were
    /// written with dots (a German habit that is always day-first). Where no number tells the
    /// order, the weekdays written before dates may (`Mon 1/12/2026` is 12 January 2026, a Monday),
    /// when every one that fits one order only fits the same.
    static func decide(_ texts: [String]) -> (
        order: DateOrder?, seen: Bool, conflict: Bool, dotted: Bool, yearless: Bool
    ) {
        var day = false
        var month = false
        var seen = false
        var yearless = false
        var dotted = true
        // The orders the weekdays written before dates tell (`Mon 1/12/2026`).
        var byWeekday = Set<DateOrder>()
        for text in texts {
            guard let parts = ValueReading.dateParts(text) else {
                guard let pair = YearlessDates.slashed(text) else { continue }
                yearless = true
                if pair.first > 12 { day = true }
                if pair.second > 12 { month = true }
                continue
            }
            seen = true
            if text.contains("/") || text.contains("-") { dotted = false }
            if parts.0 > 12 { day = true }
            if parts.1 > 12 { month = true }
            if let order = orderOfWeekday(text, parts) { byWeekday.insert(order) }
        }
        if day && month { return (nil, seen, true, dotted && seen, yearless) }
        // Only where no number tells the order, and every weekday that tells one tells the same.
        let weekdays = !day && !month && byWeekday.count == 1 ? byWeekday.first : nil
        return (day ? .dayFirst : month ? .monthFirst : weekdays, seen, false, dotted && seen, yearless)
    }

    /// The order in which `text`'s date (its numbers `parts`, both 12 or under) falls on the
    /// weekday written before it (`Mon 1/12/2026`: 12 January 2026 is a Monday, 1 December a
    /// Tuesday); nil without a weekday, when both orders give the same date, or when the weekday
    /// fits both or neither.
    private static func orderOfWeekday(_ text: String, _ parts: (Int, Int, Int)) -> DateOrder? {
        guard parts.0 <= 12, parts.1 <= 12, parts.0 != parts.1,
            let word = text.trimmedSpaces.split(separator: " ", maxSplits: 1).first, word.count < text.count,
            let weekday = WrittenDate.weekday(named: word)
        else { return nil }
        func dayOfWeek(month: Int, day: Int) -> Int? {
            LocalDate(year: parts.2, month: month, day: day).map { (($0.dayNumber + 3) % 7 + 7) % 7 }
        }
        let dayFirst = dayOfWeek(month: parts.1, day: parts.0) == weekday
        let monthFirst = dayOfWeek(month: parts.0, day: parts.1) == weekday
        return dayFirst == monthFirst ? nil : dayFirst ? .dayFirst : .monthFirst
    }

    /// Whether a date column of `rows` (close or cancel dates under `mapping`) holds text dates
    /// that do not tell their order (`03/04/2026`, never `13/04/2026` or `15.03.2026`).
    static func isUndecided(_ rows: [Row], mapping: ColumnMapping<Field>) -> Bool {
        [Field.date, .cancelDate].contains { field in
            guard let column = mapping.columns[field] else { return false }
            let decided = decide(
                rows.compactMap { row in
                    if case .text(let text) = row.cell(at: column)?.value { return text }
                    return nil
                })
            return (decided.seen || decided.yearless) && decided.order == nil && !decided.conflict && !decided.dotted
        }
    }

    /// Whether a text date of `row` tells the order (`13/04/2026`, `04/13/2026`).
    static func isShown(by row: Row, mapping: ColumnMapping<Field>) -> Bool {
        [Field.date, .cancelDate].contains { field in
            guard let column = mapping.columns[field], case .text(let text) = row.cell(at: column)?.value,
                let parts = ValueReading.dateParts(text).map({ ($0.0, $0.1) })
                    ?? YearlessDates.slashed(text).map({ ($0.first, $0.second) })
            else { return false }
            return parts.0 > 12 || parts.1 > 12
        }
    }
}

/// A table's text dates that read either day-first or month-first, with nothing in the table to
/// tell which: `error` says so; the workbook's other sheets may still tell.
struct UndecidedDateOrder: Error {
    let error: SpreadsheetError
}

/// Reads typed values out of cells the way real sheets write them.
enum ValueReading {
    /// A value that is not of the kind its column needs, with the reason.
    struct Failure: Error {
        let message: String
        static func wrong(_ message: String) -> Failure { Failure(message: message) }
    }

    /// A cell's text as a field's value: without the invisible marks pasted text carries
    /// (`withoutInvisibles`) and the spaces around it; nil when nothing is left.
    static func text(_ value: CellValue) -> String? {
        // Asked of every row's deal id, rep, product, type and status, mapped or not: an empty
        // cell, and a text cell's own text, are read without making `plainText`.
        let text: String
        switch value {
        case .empty: return nil
        case .text(let own): text = own.withoutInvisibles.trimmedSpaces
        default: text = value.plainText.withoutInvisibles.trimmedSpaces
        }
        return text.isEmpty ? nil : text
    }

    /// Money: a number cell, or text such as `$1,234.50`, `(1,234.00)`, `155,22-`, `EUR 99`.
    static func money(_ value: CellValue, style: NumberStyle) throws(Failure) -> Decimal? {
        switch value {
        case .empty: return nil
        case .number(let number): return number.excelPrecision
        case .text(let text): return try parseMoney(text, style: style)
        case .bool, .date, .error, .outOfRangeNumber: throw .wrong("expected a number, found \(describe(value))")
        }
    }

    /// An amount written in thousands or millions with its unit's letter (`10k`, `$10K`, `1.2M`,
    /// `€ 2,5k`), in lakhs or crores by their words (`12.35 L`, `12.35 Lakh`, `₹12.35 lakhs`, `12 Lacs`,
    /// `1.25 Crore`), or in the ten thousands and hundred millions of Japanese, Chinese and Korean
    /// (`1,250万円`, `1250万`, `¥1,250万`, `1億2,500万円`, `3.5亿元`, `1,250만원`), as a person reads it
    /// (10,000; 1,200,000; 1,235,000; 12,500,000); nil for any other value. `Cr` alone is no crore:
    /// ledgers mark a credit so (`1,234.50 Cr`), and `parseMoney` reads it as one. Only an amount is
    /// read so, never a commission or a bonus: a figure the sheet pays must be the number it is, or
    /// its error would be hidden.
    static func moneyInThousandsOrMillions(_ value: CellValue, style: NumberStyle) -> Decimal? {
        guard case .text(let raw) = value else { return nil }
        var text = raw.trimmedSpaces
        if let myriads = moneyInMyriads(latinDigits(text)) { return myriads }
        let word = text.reversed().prefix(while: { $0.isASCII && $0.isLetter })
        guard let scale = unitWords[String(word.reversed()).lowercased()] else { return nil }
        text.removeLast(word.count)
        text = text.trimmedSpaces
        guard text.last?.isNumber == true, let number = try? parseMoney(text, style: style) else { return nil }
        return number * scale
    }

    /// The words and letters a figure's unit is written with after it, lower-case.
    private static let unitWords: [String: Decimal] = [
        "k": 1000, "m": 1_000_000, "l": 100_000, "lac": 100_000, "lacs": 100_000, "lakh": 100_000,
        "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
    ]

    /// An amount counted in 億 and 万 (`1億2,500万円`, `1250万`), the East Asian hundred millions and
    /// ten thousands (`亿`, `萬`, Korean `억`, `만`), a currency's sign or character before or after
    /// it (`¥`, `円`, `元`, `원`); nil when `text` writes none of those units.
    private static func moneyInMyriads(_ text: String) -> Decimal? {
        guard text.utf8.contains(where: { $0 >= 0xE4 }) else { return nil }
        var rest = Substring(text)
        for sign in ["¥", "₩", "円", "元", "원", "圓"] {
            if rest.hasPrefix(sign) { rest = rest.dropFirst(sign.count) }
            if rest.hasSuffix(sign) { rest = rest.dropLast(sign.count) }
        }
        // The hundred millions first, then the ten thousands, then any units left; every figure
        // grouped by commas with a decimal point, as these languages write them.
        var total: Decimal = 0
        var found = false
        for (units, scale) in [("億亿억", Decimal(100_000_000)), ("万萬만", Decimal(10_000))] {
            guard let at = rest.firstIndex(where: { units.contains($0) }) else { continue }
            guard let number = try? parseMoney(String(rest[..<at]), style: .decimalPoint), number >= 0 else {
                return nil
            }
            total += number * scale
            found = true
            rest = rest[rest.index(after: at)...]
        }
        let tail = rest.trimmingCharacters(in: .whitespaces)
        guard found, tail.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }) else { return nil }
        guard !tail.isEmpty else { return total }
        guard let units = try? parseMoney(tail, style: .decimalPoint) else { return nil }
        return total + units
    }

    /// Signs written for minus besides `-`: the minus sign, the figure dash, the en dash, and the
    /// small and full-width hyphen-minus.
    private static let minusSigns: Set<Unicode.Scalar> = ["\u{2212}", "\u{2012}", "\u{2013}", "\u{FE63}", "\u{FF0D}"]

    /// Dashes written for zero, as an accounting format shows it (`-`, `—`, `$ -`).
    private static let zeroDashes: Set<String> = ["-", "–", "—", "$ -", "$-", "- €", "-€"]

    static func isZeroDash(_ text: String) -> Bool { zeroDashes.contains(text.trimmedSpaces) }

    static func parseMoney(_ raw: String, style: NumberStyle) throws(Failure) -> Decimal? {
        // Most exports write plain decimals: read those without any rewriting.
        if style == .decimalPoint, case .value(let number) = Decimal.parse(raw) { return number }
        var text = latinDigits(raw.trimmedSpaces)
        if text.isEmpty { return nil }
        if zeroDashes.contains(text) { return 0 }
        // A minus sign pasted from a report or a PDF (`−4,000.00`, `‒12`, `–5`) is a minus.
        if text.unicodeScalars.contains(where: { Self.minusSigns.contains($0) }) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { Self.minusSigns.contains($0) ? "-" : $0 }))
        }
        var rupees = false
        func dropCurrency() {
            for symbol in Self.rupeeSymbols where text.hasPrefix(symbol) || text.hasSuffix(symbol) {
                rupees = true
                text =
                    text.hasPrefix(symbol) ? String(text.dropFirst(symbol.count)) : String(text.dropLast(symbol.count))
                text = text.trimmedSpaces
            }
            for symbol in Self.currencySymbols {
                if text.hasPrefix(symbol) { text = String(text.dropFirst(symbol.count)) }
                if text.hasSuffix(symbol) { text = String(text.dropLast(symbol.count)) }
                text = text.trimmedSpaces
            }
            // Any other currency sign (`12 500,00 ₾`, `₼ 99`, `₺1.250`): whose it is, the plan's or
            // another's, is `WrittenCurrency`'s to judge.
            if let first = text.unicodeScalars.first, first.properties.generalCategory == .currencySymbol {
                text = String(text.unicodeScalars.dropFirst()).trimmedSpaces
            }
            if let last = text.unicodeScalars.last, last.properties.generalCategory == .currencySymbol {
                text = String(text.unicodeScalars.dropLast()).trimmedSpaces
            }
        }
        var negative = false
        // Brackets inside a currency code as well as around it (`(4,000.00) USD`, `USD (4,000.00)`).
        if !(text.hasPrefix("(") && text.hasSuffix(")")) && text.contains("(") { dropCurrency() }
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        text = text.trimmedSpaces
        // A sign may stand before the currency (`-$1,234.00`, `-€ 99`) as well as after it.
        if text.hasPrefix("-") && text.count > 1 && !text.dropFirst().first!.isNumber {
            negative.toggle()
            text = String(text.dropFirst()).trimmedSpaces
        }
        dropCurrency()
        // Whole units with the cents dashed out (`12.500,-`, `12'500.-`, as German and Swiss
        // prices write them): no minus.
        if text.hasSuffix(",-") || text.hasSuffix(".-"), text.dropLast(2).last?.isNumber == true {
            text = String(text.dropLast(2))
        }
        // A credit as ledgers and accounting reports mark it (`1,234.50 CR`, `1,234.50CR`) is a minus;
        // a debit's mark (`DR`) is no sign.
        if let mark = Self.ledgerMarks.first(where: { text.uppercased().hasSuffix($0) }),
            String(text.dropLast(mark.count)).trimmedSpaces.last?.isNumber == true
        {
            if mark == "CR" { negative.toggle() }
            text = String(text.dropLast(mark.count)).trimmedSpaces
        }
        if text.hasSuffix("-") {
            negative.toggle()
            text = String(text.dropLast())
        }
        if text.hasPrefix("-") {
            negative.toggle()
            text = String(text.dropFirst())
        } else if text.hasPrefix("+") {
            text = String(text.dropFirst())
        }
        // Separators read only where they group the whole units as thousands do (the Swiss `1’234.50`,
        // `103 105.48` with a thin space), and rupees grouped by thousands or by lakhs
        // (`₹1,23,456.78`): anything else is no number, never a guess.
        let decimal: Character = style == .decimalPoint ? "." : ","
        let whole = text.prefix { $0 != decimal }
        if let separator = text.first(where: Self.strictGroupSeparators.contains) {
            guard Self.groupsThousands(whole, by: separator), !text.dropFirst(whole.count).contains(separator) else {
                throw .wrong("expected a number, found \"\(raw)\"")
            }
            text.removeAll { $0 == separator }
        } else if rupees, style == .decimalPoint, whole.contains(",") {
            guard Self.groupsThousands(whole, by: ",") || Self.groupsLakhs(whole) else {
                throw .wrong("expected a number, found \"\(raw)\"")
            }
        }
        // In the column's style its grouping separator stands only between whole units' groups of
        // three (or lakhs): `2.345,00` in a `1,234.56` column is no number, not 2.345.
        let group: Character = style == .decimalPoint ? "," : "."
        let grouped = text.prefix { $0 != decimal }
        if text.dropFirst(grouped.count + 1).contains(where: { $0 == group || $0 == decimal })
            || (grouped.contains(group)
                && !(Self.groupsThousands(grouped, by: group) || (style == .decimalPoint && Self.groupsLakhs(grouped))))
        {
            throw .wrong("expected a number, found \"\(raw)\"")
        }
        text = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
            .replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "'", with: "")
        switch style {
        case .decimalPoint: text = text.replacingOccurrences(of: ",", with: "")
        case .decimalComma: text = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard case .value(let number) = Decimal.parse(text) else {
            throw .wrong("expected a number, found \"\(raw)\"")
        }
        return negative ? -number : number
    }

    /// `text` with the digits and signs an Arabic-script keyboard types (Arabic-Indic `٠`–`٩`, the
    /// Persian `۰`–`۹`, the Arabic thousands `٬`, decimal `٫` and percent `٪`; a Persian keyboard
    /// types them into Excel as text), and the digits of the scripts of India and South-East Asia
    /// (Devanagari `०`–`९`, Bengali `০`–`৯`, Gujarati, Tamil, Thai `๐`–`๙`, …: every decimal digit
    /// from U+0800 to U+0FFF), and the full-width digits and signs a Japanese or Chinese input
    /// method leaves in a cell (`１２，５００．００`, `７．５％`, `－`, `＄`, `￥`: U+FF01 to U+FF5E, each
    /// its ASCII sign, and `￥` the yen's), written as `0`–`9`, `,`, `.` and `%`; any other text as
    /// it is. Told by its UTF-8 bytes first: a text without a byte 0xD9, 0xDB, 0xE0 or 0xEF holds
    /// none of them.
    static func latinDigits(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0xD9 || $0 == 0xDB || $0 == 0xE0 || $0 == 0xEF }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0660...0x0669: scalars.append(Unicode.Scalar(0x30 + scalar.value - 0x0660)!)
            case 0x06F0...0x06F9: scalars.append(Unicode.Scalar(0x30 + scalar.value - 0x06F0)!)
            case 0x0800...0x0FFF where scalar.properties.generalCategory == .decimalNumber:
                let digit = UInt32(scalar.properties.numericValue ?? 0)
                scalars.append(Unicode.Scalar(0x30 + digit)!)
            case 0x066A: scalars.append("%")
            case 0x066B: scalars.append(".")
            case 0x066C: scalars.append(",")
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0xFFE5: scalars.append("¥")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The marks a ledger writes after a figure: a credit's and a debit's.
    private static let ledgerMarks = ["CR", "DR"]

    /// The rupee's sign and codes (`₹1,23,456.78`, `Rs. 1,250`, `INR 99`), longest first.
    private static let rupeeSymbols = ["INR", "Rs.", "Rs", "₹"]

    /// The currencies written before or after a figure (`$12,500.00`, `12.500,00 €`, `USD 99`,
    /// `10 000,00 zł`, `SEK 12 500`, `1.250,00 kr.`, `US$ 12,500`): the dollars a country's letters
    /// mark before `$` (`US$`, `C$`), and `kr.` before `kr`, so that the marks go whole.
    private static let currencySymbols = [
        "US$", "CA$", "AU$", "NZ$", "HK$", "MX$", "C$", "A$", "S$", "R$", "$", "€", "£", "¥", "USD", "EUR", "GBP",
        "CHF", "CAD", "AUD", "JPY", "BRL", "MXN", "PLN", "zł", "SEK",
        "NOK", "DKK", "kr.", "kr",
    ]

    /// Thousands separators read only where they group whole units by three: the typographic
    /// apostrophe of Swiss figures (U+2019), the thin space (U+2009) and the figure space (U+2007).
    private static let strictGroupSeparators: Set<Character> = ["\u{2019}", "\u{2009}", "\u{2007}"]

    /// Whether `whole` is digits grouped by three with `separator` (`1’234’567`): one to three
    /// digits, then groups of three.
    static func groupsThousands(_ whole: Substring, by separator: Character) -> Bool {
        let groups = whole.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count > 1, groups.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }) else { return false }
        return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// Whether `whole` is digits grouped as Indian figures are (`1,23,456`, `12,34,56,789`): the
    /// last group of three, those before it of two, the first of one or two.
    static func groupsLakhs(_ whole: Substring) -> Bool {
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, groups.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
            groups.last?.count == 3
        else { return false }
        return (1...2).contains(groups[0].count) && groups.dropFirst().dropLast().allSatisfy { $0.count == 2 }
    }

    /// A fraction from `50%`, `0.5`, or a percent-formatted number cell; must lie in 0...1. A dash
    /// (`-`, `–`) is no share written, as an empty cell is (in a money column it is zero).
    /// `wholePercents`: the column writes shares as whole percents (`50` is 50%, `100` the whole;
    /// `wholePercents(_:)`), so a number above 1 without `%` is a hundredth of itself.
    static func fraction(_ value: CellValue, style: NumberStyle, wholePercents: Bool = false) throws(Failure)
        -> Decimal?
    {
        var number: Decimal
        switch value {
        case .empty: return nil
        case .number(let n): number = n.excelPrecision
        case .text(let text):
            let trimmed = latinDigits(text.trimmedSpaces)
            if ["-", "–", "—", "n/a", "N/A"].contains(trimmed) { return nil }
            if trimmed.hasSuffix("%") {
                guard let n = try parseMoney(String(trimmed.dropLast()), style: style) else { return nil }
                number = Decimal(sign: n.sign, exponent: n.exponent - 2, significand: n.significand)
            } else {
                guard let n = try parseMoney(trimmed, style: style) else { return nil }
                number = n
            }
        default: throw .wrong("expected a percentage, found \(describe(value))")
        }
        if wholePercents, Decimal.less(1, number), !latinDigits(value.plainText.trimmedSpaces).hasSuffix("%") {
            number = Decimal(sign: number.sign, exponent: number.exponent - 2, significand: number.significand)
        }
        // On integers where small (`Decimal.less`): a split or rate is read on every row.
        guard !number.isNaN, !Decimal.less(number, 0), !Decimal.less(1, number) else {
            throw .wrong("expected a share from 0% to 100% (or 0 to 1), found \(describe(value))")
        }
        return number
    }

    /// Whether a split column's `values` write shares as whole percents (`50`, `100`, `33.33`)
    /// rather than fractions (`0.5`, `1`): some number without `%` lies between 2 and 100, and
    /// none lies above 100 (a column of `0.5` and `1.5` holds a share to correct, not percents).
    static func wholePercents(_ values: [CellValue], style: NumberStyle) -> Bool {
        var some = false
        for value in values {
            let number: Decimal
            switch value {
            case .number(let n): number = n.excelPrecision
            case .text(let text):
                let trimmed = latinDigits(text.trimmedSpaces)
                guard !trimmed.hasSuffix("%"), let n = try? parseMoney(trimmed, style: style) else { continue }
                number = n
            default: continue
            }
            guard !Decimal.less(100, number) else { return false }
            if Decimal.less(1, number) {
                guard !Decimal.less(number, 2) else { return false }
                some = true
            }
        }
        return some
    }

    /// A rate as a sheet writes it: a number cell, `7.5%`, `7,5 %`, `75 ‰` (per mille) or `0.075`;
    /// nil when it is not one.
    static func percentage(_ value: CellValue, style: NumberStyle) -> Decimal? {
        switch value {
        case .number(let number): return number.excelPrecision
        case .text(let text):
            let trimmed = latinDigits(text.trimmedSpaces)
            let places = trimmed.hasSuffix("%") ? 2 : trimmed.hasSuffix("‰") ? 3 : 0
            guard places > 0 else { return try? parseMoney(trimmed, style: style) }
            guard let n = try? parseMoney(String(trimmed.dropLast()), style: style) else { return nil }
            return Decimal(sign: n.sign, exponent: n.exponent - places, significand: n.significand)
        default: return nil
        }
    }

    /// `a/b/yyyy`, `a.b.yyyy` or `a-b-yyyy` (a time after it ignored) as its three numbers; a
    /// two-digit year as Excel reads it (`7/4/26`, `04.07.26`: 00–29 are 2000–2029, 30–99 are
    /// 1930–1999).
    /// A weekday written before the date (`Wed 08/07/2026`, `lun. 13/07/2026`) is passed over, and
    /// a space after a dot between the numbers (`15. 3. 2026`, as Czech and Slovak write dates) is
    /// no break.
    static func dateParts(_ text: String) -> (Int, Int, Int)? {
        let words = joinedAfterDots(latinDigits(text.trimmedSpaces)).split(separator: " ")
        let weekday =
            words.count >= 2 && words[0].count <= 10 && words[0].allSatisfy { $0.isLetter || $0 == "." || $0 == "," }
        let head = (weekday ? words.dropFirst().first : words.first).map(String.init) ?? ""
        let parts = head.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts[2].count == 4 || parts[2].count == 2, parts[0].count <= 2,
            parts[1].count <= 2, let a = Int(parts[0]), let b = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return (a, b, parts[2].count == 4 ? year : WrittenDate.century(year))
    }

    /// `text` without the spaces that follow a dot after a digit and come before one (`15. 3. 2026`
    /// is `15.3.2026`); any other text as it is.
    static func joinedAfterDots(_ text: String) -> String {
        guard text.contains(". ") else { return text }
        var joined = ""
        // White space waiting for the character after it, and whether it follows a dot right
        // after a digit.
        var spaces = ""
        var afterNumberDot = false
        // The last character that is not white space, and the character just before it.
        var last: (character: Character, before: Character?)?
        var previous: Character?
        for character in text {
            defer { previous = character }
            if character.isWhitespace {
                if spaces.isEmpty { afterNumberDot = last?.character == "." && last?.before?.isNumber == true }
                spaces.append(character)
                continue
            }
            if !(afterNumberDot && character.isNumber) { joined += spaces }
            spaces = ""
            joined.append(character)
            last = (character, previous)
        }
        return joined + spaces
    }

    /// A date cell, a text date in `order` (`15/03/2026`, `03/15/2026`, `15.03.2026`), a number
    /// that is an Excel serial in `system` (`serialDate`) or a date's digits (`compactDate`), or
    /// what `date(_:)` reads. A serial written as text (`46023`, `46023.0`: a CSV exported from a
    /// sheet whose dates had no format) is read as the number is; only a date column's values are
    /// read so, never an amount's.
    static func date(_ value: CellValue, order: DateOrder?, system: DateSystem = .excel1900) throws(Failure)
        -> LocalDate?
    {
        if case .number(let number) = value, let date = serialDate(number, system: system) ?? compactDate(number) {
            return date
        }
        if case .text(let text) = value, let number = serialText(text), let date = serialDate(number, system: system) {
            return date
        }
        if case .text(let text) = value, let order, let (a, b, year) = dateParts(text) {
            let (day, month) = order == .dayFirst ? (a, b) : (b, a)
            guard let date = LocalDate(year: year, month: month, day: day) else {
                throw .wrong("expected a date (\(order.rawValue)), found \"\(text)\"")
            }
            return date
        }
        return try date(value)
    }

    /// The date a number pasted without a date format stands for (`46209`, 2026-07-06, in
    /// General format): a whole serial of `system` from 1 Jan 1990 to 31 Dec 2100; nil for any
    /// other number (an amount, a fraction, a date's digits such as `20260704`: `compactDate`'s).
    static func serialDate(_ number: Decimal, system: DateSystem) -> LocalDate? {
        let range = system.serial(year: 1990, month: 1, day: 1)...system.serial(year: 2100, month: 12, day: 31)
        guard number >= Decimal(range.lowerBound), number <= Decimal(range.upperBound) else { return nil }
        let days = NSDecimalNumber(decimal: number).intValue
        guard Decimal(days) == number, let date = system.value(wholeSerial: days, serial: number, duration: false)
        else { return nil }
        return LocalDate(year: date.year, month: date.month, day: date.day)
    }

    /// The date a number writes as its digits, year first (`20260315`, as ERP and database exports
    /// write a date into a General cell): a whole number of eight digits from 1900 to 2099 whose
    /// month and day are a day of the calendar; nil for any other number.
    static func compactDate(_ number: Decimal) -> LocalDate? {
        guard number >= 19_000_101, number <= 20_991_231 else { return nil }
        let digits = NSDecimalNumber(decimal: number).intValue
        guard Decimal(digits) == number else { return nil }
        return LocalDate(year: digits / 10_000, month: digits / 100 % 100, day: digits % 100)
    }

    /// The whole number `text` writes in plain digits (`46023`, or `46023.0` as a float's export
    /// writes it), spaces aside; nil for any other text (`46,023`, `2026-01-01`).
    static func serialText(_ text: String) -> Decimal? {
        let trimmed = text.trimmedSpaces
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, (1...6).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy({ $0 == "0" }))
        else { return nil }
        return Decimal(string: String(parts[0]))
    }

    /// A date cell, an ISO `YYYY-MM-DD` text (a time after it is ignored), a text that names its
    /// month or writes its year first (`WrittenDate`: `Jan 4, 2026`, `2026/01/04`, `20260104`), one
    /// in an era's years (`EraDate`: `令和8年3月15日`, `R8.3.15`, `民國115年3月15日`, `115/03/15`), one in
    /// the Jalali calendar (`SolarHijriDate`: `۱۴۰۵/۰۱/۲۵`, `۲۵ فروردین ۱۴۰۵`), or nothing. A year-first
    /// date of a year from 1300 to 1499 otherwise written (`1405/01/25`) is refused, saying why.
    static func date(_ value: CellValue) throws(Failure) -> LocalDate? {
        switch value {
        case .empty: return nil
        case .date(let date) where date.kind != .duration && date.kind != .time:
            return LocalDate(year: date.year, month: date.month, day: date.day)
        case .text(let text):
            let spaced = text.trimmedSpaces
            if let jalali = SolarHijriDate.parse(spaced) { return jalali }
            let trimmed = latinDigits(spaced)
            if trimmed.isEmpty { return nil }
            guard let date = LocalDate(iso: trimmed) ?? WrittenDate.parse(trimmed) ?? EraDate.parse(trimmed) else {
                throw .wrong("expected a date (a date cell or YYYY-MM-DD), found \"\(text)\"")
            }
            // A year-first date in a year the Hijri calendars count today (1405/01/25) is no
            // Gregorian date; which Hijri one it is (solar or lunar) its digits do not tell.
            if SolarHijriDate.isHijriYear(date.year) {
                throw .wrong(
                    "expected a Gregorian date, found \"\(text)\": the year \(date.year) is a Hijri calendar's "
                        + "(solar or lunar), not the Gregorian one, and which it is cannot be told from these "
                        + "digits; write the date as a Gregorian one (or a Jalali one in Persian digits or with "
                        + "the month's Persian name)")
            }
            return date
        default:
            throw .wrong("expected a date (a date cell or YYYY-MM-DD), found \(describe(value))")
        }
    }

    static func describe(_ value: CellValue) -> String {
        switch value {
        case .empty: "an empty cell"
        case .text(let text): "\"\(text)\""
        case .number(let number): "the number \(number.plainString)"
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): "the error \(code)"
        case .date(let date): "the date \(date.iso8601)"
        case .outOfRangeNumber(let text): "the number \(text)"
        }
    }
}

extension String {
    /// Without the invisible marks text copied from web pages, chats and other files carries: the
    /// zero-width space (U+200B), the left-to-right and right-to-left marks (U+200E, U+200F), the
    /// word joiner (U+2060), the byte-order mark (U+FEFF) and the soft hyphen (U+00AD), wherever they
    /// stand (`OP-4107\u{200B}` is `OP-4107`). The zero-width joiner and non-joiner stay: Persian and
    /// Indic words are spelled with them. Cheap when there are none: their lead bytes are looked for first.
    var withoutInvisibles: String {
        // ASCII (most fields) holds none: its bytes are or-ed together (a loop the compiler widens)
        // before any is compared with the marks' lead bytes.
        func isLeadByte(_ byte: UInt8) -> Bool { byte == 0xE2 || byte == 0xEF || byte == 0xC2 }
        let mayHold =
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.reduce(0, |) >= 0x80 && bytes.contains(where: isLeadByte)
            }
            ?? utf8.contains(where: isLeadByte)
        guard mayHold, unicodeScalars.contains(where: Self.invisibleMarks.contains) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { !Self.invisibleMarks.contains($0) }))
    }

    /// The marks `withoutInvisibles` leaves out.
    private static let invisibleMarks: Set<Unicode.Scalar> = [
        "\u{200B}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}", "\u{00AD}",
    ]

    /// Without leading and trailing spaces, tabs and no-break spaces; cheap when there are none.
    var trimmedSpaces: String {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || c == "\u{00A0}" }
        // Checked on bytes first: spaces, tabs and the no-break space's lead byte 0xC2.
        let ends = utf8.withContiguousStorageIfAvailable { ($0.first, $0.last) } ?? (utf8.first, utf8.last)
        guard let head = ends.0, let tail = ends.1,
            head == 32 || head == 9 || head == 0xC2 || tail == 32 || tail == 9 || tail == 0xA0
        else { return self }
        var slice = self[...]
        while let c = slice.first, isSpace(c) { slice = slice.dropFirst() }
        while let c = slice.last, isSpace(c) { slice = slice.dropLast() }
        return String(slice)
    }
}
