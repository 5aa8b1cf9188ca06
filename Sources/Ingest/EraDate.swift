import Commission

/// Text dates that count their years in an era, as Japanese and Taiwanese systems export them and
/// as Excel's era formats show them: a Japanese era by its name or its letter (`令和8年3月15日`,
/// `令和元年5月1日`, `R8.3.15`, `R08/03/15`, `H31.4.30`), or the Republic of China's years
/// (`民國115年3月15日`, `民国115年3月15日`, and `115/03/15` or `115年3月15日`: a year of three digits
/// first, which no other calendar writes today). The year, month and day come in that order, so no
/// order needs deciding. A day outside its era (`令和1年4月1日`, before Reiwa began) is no date,
/// and a ROC year of two digits (`99/12/31`) is not read as one: it would be a two-digit year too.
enum EraDate {
    /// A Japanese era: its name, its letter, the year it began in and its first and last days.
    private struct Era {
        let name: String
        let letter: Character
        let first: LocalDate
        let last: LocalDate?
    }

    private static let eras: [Era] = [
        Era(name: "令和", letter: "R", first: LocalDate(year: 2019, month: 5, day: 1)!, last: nil),
        Era(
            name: "平成", letter: "H", first: LocalDate(year: 1989, month: 1, day: 8)!,
            last: LocalDate(year: 2019, month: 4, day: 30)!),
        Era(
            name: "昭和", letter: "S", first: LocalDate(year: 1926, month: 12, day: 25)!,
            last: LocalDate(year: 1989, month: 1, day: 7)!),
    ]

    /// The Republic of China's year 1 is 1912.
    private static let minguoOffset = 1911

    /// The date `text` writes in an era's years, or nil when it writes none (`text` in ASCII
    /// digits: `ValueReading.latinDigits` has turned full-width ones).
    static func parse(_ text: String) -> LocalDate? {
        guard let head = text.utf8.first,
            head >= 0xE4 || head == UInt8(ascii: "R") || head == UInt8(ascii: "H") || head == UInt8(ascii: "S")
                || (0x31...0x39).contains(head)
        else { return nil }
        var rest = Substring(text)
        if let era = eras.first(where: { rest.hasPrefix($0.name) }) {
            rest = rest.dropFirst(era.name.count)
            return japanese(rest, era: era)
        }
        if let era = eras.first(where: { rest.first == $0.letter }), rest.dropFirst().first?.isASCII == true,
            rest.dropFirst().first?.isNumber == true
        {
            return japanese(rest.dropFirst(), era: era)
        }
        for name in ["中華民國", "中華民国", "民國", "民国"] where rest.hasPrefix(name) {
            guard let (year, month, day) = parts(rest.dropFirst(name.count)) else { return nil }
            return LocalDate(year: minguoOffset + year, month: month, day: day)
        }
        // A ROC year written in three digits alone (`115/03/15`, `115年3月15日`).
        guard let (year, month, day) = parts(rest), (100...199).contains(year),
            rest.prefix(while: \.isNumber).count == 3
        else { return nil }
        return LocalDate(year: minguoOffset + year, month: month, day: day)
    }

    /// The date `rest` (after the era's name or letter) writes in `era`'s years, within the era.
    private static func japanese(_ rest: Substring, era: Era) -> LocalDate? {
        var rest = rest
        var first = false
        if rest.hasPrefix("元") {  // 元年: the era's first year
            first = true
            rest = Substring("1" + rest.dropFirst())
        }
        guard let (year, month, day) = parts(rest), year >= 1, !first || year == 1,
            let date = LocalDate(year: era.first.year + year - 1, month: month, day: day), date >= era.first,
            era.last.map({ date <= $0 }) ?? true
        else { return nil }
        return date
    }

    /// The year, month and day `text` writes as three numbers: `8年3月15日` (spaces allowed), or
    /// `8.3.15`, `08/03/15`, `8-3-15` (one separator throughout); nil for anything else.
    private static func parts(_ text: Substring) -> (Int, Int, Int)? {
        let trimmed = text.filter { $0 != " " && $0 != "\u{3000}" }
        var numbers: [Int] = []
        var separators: [Character] = []
        var digits = ""
        for character in trimmed {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
            numbers.append(number)
            separators.append(character)
            digits = ""
        }
        if !digits.isEmpty {
            guard digits.count <= 3, let number = Int(digits) else { return nil }
            numbers.append(number)
        }
        guard numbers.count == 3 else { return nil }
        let kanji = separators == ["年", "月", "日"] || separators == ["年", "月"]
        let plain = separators.count == 2 && separators[0] == separators[1] && "./-".contains(separators[0])
        guard kanji || plain, numbers[1] <= 12, numbers[2] <= 31 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }
}
