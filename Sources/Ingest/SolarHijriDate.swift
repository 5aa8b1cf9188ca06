import Commission

/// Text dates in the Solar Hijri (Jalali) calendar, as an Iranian team types them: year first in
/// Persian digits (`۱۴۰۵/۰۱/۲۵`, `۱۴۰۵-۰۱-۲۵`, `۱۴۰۵.۰۱.۲۵`), or with the month named in Persian
/// (`۲۵ فروردین ۱۴۰۵`, `25 فروردین 1405`, the day first or the year). Read only where the reading is
/// certain: a month's Persian name is the Jalali calendar's alone, and Persian digits (U+06F0–U+06F9,
/// not the Arabic-Indic ones an Arabic keyboard types, which write lunar Hijri dates too) with a year
/// from 1300 to 1499 are a Jalali date. `1405/01/25` in ASCII digits could be either Hijri calendar:
/// `isHijriYear` tells the reader so, and it refuses the date rather than read it in any calendar.
/// The days are counted with the calendar's leap years as Borkowski's arithmetic gives them (the
/// break years of the 2820-year cycle, as the Iranian calendar's tables have them from 1300 to 1499).
enum SolarHijriDate {
    /// The years the Hijri calendars (solar and lunar) count today: a year-first date in them is no
    /// Gregorian date.
    static let hijriYears = 1300...1499

    /// Whether `year` (of a year-first date read as Gregorian) is a Hijri calendar's year rather.
    static func isHijriYear(_ year: Int) -> Bool { hijriYears.contains(year) }

    /// The Jalali months' names, Farvardin to Esfand.
    private static let months = [
        "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
    ]

    /// The date `text` writes in the Jalali calendar, or nil when it writes none for certain (or no
    /// such day exists: the 31st of Mehr, the 30th of Esfand in a common year).
    static func parse(_ text: String) -> LocalDate? {
        // Persian letters and digits are two bytes in UTF-8, led by 0xD8–0xDB.
        guard text.utf8.contains(where: { $0 == 0xDB || $0 == 0xD9 }) else { return nil }
        // An Arabic keyboard's yeh and kaf stand for the Persian ones.
        let folded = String(
            text.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "\u{064A}", "\u{0649}": "\u{06CC}"
                case "\u{0643}": "\u{06A9}"
                default: Character(scalar)
                }
            })
        let words = folded.split { $0 == " " || $0 == "\u{00A0}" || $0 == "," || $0 == "\u{060C}" || $0 == "\u{200C}" }
        if words.count == 3, let place = words.firstIndex(where: { months.contains(String($0)) }), place == 1,
            let first = number(words[0], persianOnly: false), let last = number(words[2], persianOnly: false)
        {
            let month = months.firstIndex(of: String(words[1]))! + 1
            if words[2].count == 4, words[0].count <= 2 { return date(year: last, month: month, day: first) }
            if words[0].count == 4, words[2].count <= 2 { return date(year: first, month: month, day: last) }
            return nil
        }
        guard words.count == 1 else { return nil }
        let word = words[0]
        guard let separator = word.first(where: { "/-.".contains($0) }) else { return nil }
        let parts = word.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            let year = number(parts[0], persianOnly: true), let month = number(parts[1], persianOnly: true),
            let day = number(parts[2], persianOnly: true)
        else { return nil }
        return date(year: year, month: month, day: day)
    }

    /// The number `word` writes in Persian digits (or, unless `persianOnly`, in Arabic-Indic or ASCII
    /// ones, one script throughout); nil for anything else.
    private static func number(_ word: Substring, persianOnly: Bool) -> Int? {
        var value = 0
        var base: UInt32?
        for scalar in word.unicodeScalars {
            let zero: UInt32
            switch scalar.value {
            case 0x06F0...0x06F9: zero = 0x06F0
            case 0x0660...0x0669 where !persianOnly: zero = 0x0660
            case 0x30...0x39 where !persianOnly: zero = 0x30
            default: return nil
            }
            guard base == nil || base == zero else { return nil }
            base = zero
            value = value * 10 + Int(scalar.value - zero)
        }
        return base == nil ? nil : value
    }

    /// The Gregorian day of the Jalali `year`, `month`, `day`, or nil when no such day exists.
    static func date(year: Int, month: Int, day: Int) -> LocalDate? {
        guard hijriYears.contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let (leap, nowruz) = calendar(year)
        let length = month <= 6 ? 31 : month <= 11 ? 30 : leap ? 30 : 29
        guard day <= length else { return nil }
        let before = month <= 7 ? (month - 1) * 31 : 6 * 31 + (month - 7) * 30
        return nowruz.adding(days: before + day - 1)
    }

    /// The Jalali years from which the 2820-year cycle's leap years shift (Borkowski's break years).
    private static let breaks = [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097]

    /// Whether the Jalali `year` is a leap year, and its first day (Nowruz) in the Gregorian calendar.
    private static func calendar(_ year: Int) -> (leap: Bool, nowruz: LocalDate) {
        let gregorian = year + 621
        var leapJalali = -14
        var previous = breaks[0]
        var jump = 0
        for next in breaks.dropFirst() {
            jump = next - previous
            if year < next { break }
            leapJalali += jump / 33 * 8 + jump % 33 / 4
            previous = next
        }
        var n = year - previous
        leapJalali += n / 33 * 8 + (n % 33 + 3) / 4
        if jump % 33 == 4 && jump - n == 4 { leapJalali += 1 }
        let leapGregorian = gregorian / 4 - (gregorian / 100 + 1) * 3 / 4 - 150
        let march = 20 + leapJalali - leapGregorian
        if jump - n < 6 { n = n - jump + (jump + 4) / 33 * 33 }
        var leap = ((n + 1) % 33 - 1) % 4
        if leap == -1 { leap = 4 }
        return (leap == 0, LocalDate(year: gregorian, month: 3, day: 1)!.adding(days: march - 1))
    }
}
