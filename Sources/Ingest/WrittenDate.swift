import Commission
import Foundation

/// Text dates that say which part is which, as people and exports write them: the month by its
/// name or usual abbreviation, in the six languages period labels are read in
/// (`PeriodLabel.month(named:)`: `Jan 4, 2026`, `4-Jan-26`, `4 de enero de 2026`, `4. März 2026`,
/// `Sunday, January 4, 2026`), or the year first (`2026/01/04`, `2026.01.04`, and `20260104`
/// from 1900 to 2099). Unlike `03/04/2026` they need no day-first or month-first decision.
enum WrittenDate {
    /// The date `text` writes, or nil when it is not one of those forms (or no such day exists).
    static func parse(_ text: String) -> LocalDate? {
        let words = words(of: text)
        if words.count == 1, let digits = number(words[0], digits: 8...8), (19_000_000..<21_000_000).contains(digits) {
            return LocalDate(year: digits / 10_000, month: digits / 100 % 100, day: digits % 100)
        }
        guard words.count == 3 else { return nil }
        if let year = number(words[0], digits: 4...4), let month = number(words[1], digits: 1...2),
            let day = number(words[2], digits: 1...2)
        {
            return LocalDate(year: year, month: month, day: day)
        }
        guard let place = words.firstIndex(where: { PeriodLabel.month(named: $0) != nil }),
            let month = PeriodLabel.month(named: words[place])
        else { return nil }
        let others = words.enumerated().filter { $0.offset != place }.map(\.element)
        if let year = number(others[0], digits: 4...4), let day = number(others[1], digits: 1...2) {
            return LocalDate(year: year, month: month, day: day)  // 2026 Jan 4
        }
        // Jan 4, 2026 and 4 Jan 2026.
        guard let day = number(others[0], digits: 1...2), let year = year(others[1]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// The text's words, folded to lower-case ASCII letters and digits (full-width ones too, `２０２６`
    /// as an input method leaves them): separators (spaces, commas, dots, hyphens, slashes, `年`)
    /// dropped, and so are `de`/`del`/`of`/`the` (`4 de enero de 2026`), a weekday's name before the
    /// date (`Sunday,`), an ordinal's suffix (`4th`, `1er`) and a time after it (`10:30`).
    static func words(of text: String) -> [String] {
        guard text.utf8.count <= 64 else { return [] }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        let clock = folded.firstIndex(of: ":").map { time in
            folded[..<time].lastIndex { !$0.isNumber } ?? folded.startIndex
        }
        var words = folded[..<(clock ?? folded.endIndex)].split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            .map { word -> String in
                for suffix in ["st", "nd", "rd", "th", "er"] where word.hasSuffix(suffix) {
                    let digits = word.dropLast(2)
                    if !digits.isEmpty, digits.allSatisfy(\.isNumber) { return String(digits) }
                }
                return String(word)
            }
            .filter { !["de", "del", "of", "the"].contains($0) }
        if words.count == 4, words[0].count >= 3, weekdayNames.contains(where: { $0.name.hasPrefix(words[0]) }) {
            words.removeFirst()
        }
        return words
    }

    private static func number(_ word: String, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(word.count), word.allSatisfy(\.isNumber) else { return nil }
        return Int(word)
    }

    /// A four-digit year, or a two-digit one as Excel reads it (`26` is 2026, `95` is 1995).
    private static func year(_ word: String) -> Int? {
        if let year = number(word, digits: 4...4) { return year }
        return number(word, digits: 2...2).map(century)
    }

    /// A two-digit year's full year as Excel reads it: 00–29 are 2000–2029, 30–99 are 1930–1999.
    static func century(_ year: Int) -> Int { year < 30 ? 2000 + year : 1900 + year }

    /// Weekdays' names in those languages, folded, each with its day (0 Monday … 6 Sunday; a weekday
    /// before a date may be cut short: `Sun,`).
    private static let weekdayNames: [(name: String, day: Int)] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
        "segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",
    ].enumerated().map { ($0.element, $0.offset % 7) }

    /// The day of the week (0 Monday … 6 Sunday) a word before a date names, in the languages
    /// above, whole or cut short (`Mon`, `Mon.`, `jeu.`, `Do`); nil for any other word, and for a
    /// short one names of two days begin with (`di`: Dienstag or dimanche; `se`: segunda or sexta).
    static func weekday(named word: some StringProtocol) -> Int? {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .filter { $0 != "." && $0 != "," }
        guard folded.count >= 2 else { return nil }
        let days = Set(weekdayNames.lazy.filter { $0.name.hasPrefix(folded) }.map(\.day))
        return days.count == 1 ? days.first : nil
    }
}
