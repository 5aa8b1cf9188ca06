import Foundation

/// A period as people label it in a workbook: `2026-07`, `Jul 2026`, `July-26`, `07/2026`,
/// `Q3 2026`, `2026 Q3`, `Q3'26`, `FY2026` (`GJ 2026`, `Exercice 2026`, `Anno 2026`), `K3 2026`, or
/// without a year, `July` or `Q3`; month names in English, Spanish, Portuguese, French, German (and
/// Austrian: `Jänner`), Italian, Dutch and Polish. A quarter may also be written number first
/// (`3T 2026`, `3er trimestre 2026`, `3º tri 2026`, `3. Quartal 2026`, and before `Q` beside a
/// year: `3Q 2026`, `1Q26`; not `3rd quarter`),
/// as `Qtr 3`, in roman numerals beside a year or the word (`III/2026`, `III trimestre`), or as
/// the range of its three months (`Jul-Sep 2026`, `Jul–Sep 2026`: the quarter starting in July),
/// also beside its number (`Q1 (Jan-Mar) 2026`, a period only where the two agree).
///
/// A label is read into what it says (a year, a month, a quarter); `period(among:)` then finds the
/// one period of the plan's calendar that it names. It never guesses: a label that names no period
/// of the plan's kind (a month for a quarterly plan), or that could name two of the candidates,
/// names none.
public struct PeriodLabel: Sendable, Hashable {
    /// The year written, if any (two digits read as 20xx).
    public let year: Int?
    /// The calendar month (1...12), if the label names a month.
    public let month: Int?
    /// The quarter (1...4), if the label names one by its number.
    public let quarter: Int?
    /// The first month of a quarter named by its months' range (`Jul-Sep` → 7).
    let firstMonthOfQuarter: Int?
    /// The label as written when it is the form `Period.description` writes (`2026-Q3`).
    let canonical: String?
    /// Whether the label says `FY`: its year is a fiscal year's.
    let saysFiscal: Bool

    /// Whether `text` is written as `Period.description` writes periods: `2026`, `2026-Q3` or
    /// `2026-07` (ASCII digits: `Period(label:)` reads no others). Checked byte by byte: a
    /// summary sheet has a label per rep and period.
    static func isCanonical(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] &- 48 < 10 } }
        guard bytes.count == 4 || bytes.count == 7, digits(0..<4) else { return false }
        guard bytes.count == 7 else { return true }
        return bytes[4] == UInt8(ascii: "-")
            && (digits(5..<7) || (bytes[5] == UInt8(ascii: "Q") && (49...52).contains(bytes[6])))
    }

    /// Whether the label names a year and nothing within it (`2026`, `FY2026`, `2026 YTD`).
    public var namesYearOnly: Bool { year != nil && month == nil && quarter == nil && firstMonthOfQuarter == nil }

    /// Whether the label says its year is a fiscal year's (`FY2026`).
    public var isFiscal: Bool { saysFiscal }

    /// Reads a label; nil when it is not one (a name, a figure, a month and a quarter at once).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 40 else { return nil }
        canonical = Self.isCanonical(trimmed) ? trimmed : nil
        var year: Int?
        var month: Int?
        var quarter: Int?
        var firstMonth: Int?
        var fiscal = false
        var yearToDate = false
        // A roman quarter (`III`) is one only beside a four-digit year or a word for quarter.
        var romanWithoutWord = false
        var numbers: [Substring] = []
        let tokens = Self.tokens(of: trimmed.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        /// Where a word for quarter follows the token at `index`, past an ordinal's suffix (`3er
        /// trimestre`, `3. Quartal`, `3T`); nil when none does.
        func quarterWord(after index: Int) -> Int? {
            var next = index + 1
            if next < tokens.count, Self.ordinalSuffixes.contains(tokens[next]) { next += 1 }
            return next < tokens.count && Self.quarterWordsAfter.contains(tokens[next]) ? next : nil
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            if token.first!.isNumber {
                if quarter == nil, token.count == 1, let value = Int(token), (1...4).contains(value),
                    let word = quarterWord(after: index)
                {
                    quarter = value
                    index = word
                } else if quarter == nil, token.count == 1, let value = Int(token), (1...4).contains(value),
                    next == "q", index + 2 < tokens.count, tokens[index + 2].first!.isNumber
                {
                    // `1Q26`, `3Q 2026`: the quarter's number before `Q`, a year after it.
                    quarter = value
                    index += 1
                } else {
                    numbers.append(token)
                }
            } else if Self.quarterWordsBefore.contains(token), let next,
                next.count == 1, let value = Int(next), (1...4).contains(value), quarter == nil
            {
                quarter = value
                index += 1
            } else if let value = Self.romanQuarters[String(token)], quarter == nil {
                quarter = value
                if let word = quarterWord(after: index) { index = word } else { romanWithoutWord = true }
            } else if Self.fiscalYearWords.contains(token) {
                fiscal = true
            } else if token == "ytd" {
                // `2026 YTD`, `YTD FY26`: the year so far, its periods there are. Beside a quarter
                // or month (`Q3 YTD`) it is the year up to that period, which no label here names.
                yearToDate = true
            } else if ["de", "del", "of", "di", "du"].contains(token) || Self.yearWords.contains(token) {
                // `julho de 2026`, `Q3 of 2026`, `Anno 2026`
            } else if let named = Self.months[String(token)], firstMonth == nil {
                if month == nil {
                    month = named
                } else if named == month! + 2 {
                    // `Jul-Sep`: a quarter's months, first to last, within a year.
                    (firstMonth, month) = (month, nil)
                } else {
                    return nil
                }
            } else {
                return nil
            }
            index += 1
        }
        // Numbers: a four-digit year, a month beside it (`07/2026`), a two-digit year after a name
        // (`Jul-26`, `Q3'26`, `FY26`, `1Q26`).
        for number in numbers {
            guard let value = Int(number) else { return nil }
            if number.count == 4, (1900...2200).contains(value), year == nil || (firstMonth != nil && year == value) {
                // The same year may close a range (`Jul 2026 - Sep 2026`).
                year = value
            } else if number.count <= 2, month == nil, quarter == nil, firstMonth == nil, (1...12).contains(value),
                numbers.contains(where: { $0.count == 4 })
            {
                month = value
            } else if number.count == 2, year == nil, month != nil || quarter != nil || firstMonth != nil || fiscal {
                year = 2000 + value
            } else {
                return nil
            }
        }
        // A quarter's number beside its months' range (`Q1 (Jan-Mar) 2026`) names it twice:
        // `period(kind:fiscalYearStart:among:)` takes it only where the two agree.
        var named = [month, quarter, firstMonth].compactMap { $0 }.count
        if quarter != nil, firstMonth != nil { named -= 1 }
        guard named <= 1, named == 1 || year != nil, !yearToDate || named == 0,
            !romanWithoutWord || numbers.contains(where: { $0.count == 4 })
        else { return nil }
        (self.year, self.month, self.quarter, saysFiscal) = (year, month, quarter, fiscal)
        firstMonthOfQuarter = firstMonth
    }

    /// The period of `kind` this label names among `candidates` (the periods a run has), in a
    /// fiscal year that starts in `fiscalYearStart`; nil when it names none of them or could name two.
    ///
    /// A month is a calendar month. A quarter is the fiscal quarter, as `2026-Q3` is; when the
    /// fiscal year does not start in January, the year beside it (`Q3 2026`) may be the fiscal
    /// year's first or last, so the label names a period only when one candidate fits.
    public func period(kind: PeriodKind, fiscalYearStart: Int, among candidates: Set<Period>) -> Period? {
        if let canonical, let exact = Period(label: canonical, kind: kind, fiscalYearStart: fiscalYearStart) {
            return exact
        }
        let fits: [Period]
        switch kind {
        case .month:
            guard let month, quarter == nil else { return nil }
            fits = candidates.filter {
                $0.kind == .month && $0.start.month == month && (year ?? $0.start.year) == $0.start.year
            }
        case .quarter:
            if let firstMonthOfQuarter {
                // The months are calendar months, as a month's label is.
                fits = candidates.filter {
                    $0.kind == .quarter && $0.start.month == firstMonthOfQuarter
                        && (year ?? $0.start.year) == $0.start.year && (quarter.map { $0 - 1 } ?? $0.index) == $0.index
                }
                break
            }
            guard let quarter, month == nil else { return nil }
            fits = candidates.filter { $0.kind == .quarter && $0.index == quarter - 1 && fitsYear($0) }
        case .year:
            guard let year, month == nil, quarter == nil, firstMonthOfQuarter == nil else { return nil }
            fits = candidates.filter { $0.kind == .year && fitsYear($0, year: year) }
        }
        return fits.count == 1 ? fits[0] : nil
    }

    /// Whether the label's year (if any) can be `period`'s: the fiscal year's first calendar year,
    /// or, when the fiscal year does not start in January, its last.
    private func fitsYear(_ period: Period, year: Int? = nil) -> Bool {
        guard let year = year ?? self.year else { return true }
        return period.fiscalYear == year || (period.fiscalYearStart != 1 && period.fiscalYear + 1 == year)
    }

    /// Runs of letters and runs of digits (`Q3'26` → `q`, `3`, `26`), lowercased.
    private static func tokens(of text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start: String.Index?
        var startIsDigit = false
        for index in text.indices {
            let character = text[index]
            let isDigit = character.isNumber
            let isPart = isDigit || character.isLetter
            if let open = start, !isPart || isDigit != startIsDigit {
                tokens.append(text[open..<index])
                start = nil
            }
            if isPart && start == nil {
                start = index
                startIsDigit = isDigit
            }
        }
        if let open = start { tokens.append(text[open...]) }
        return tokens.map { Substring($0.lowercased()) }
    }

    /// Words for quarter before its number (`Q3`, `T3`, `Qtr 3`, `Quarter 3`, the Dutch `K3`,
    /// `Kw 3`, the Nordic `Kv 3`, `Kvartal 3`), and after it (`II kw. 2026`, as Polish writes it).
    private static let quarterWordsBefore: Set<Substring> = [
        "q", "t", "qtr", "quarter", "quartal", "trimestre", "trim", "tri", "k", "kw", "kv", "kwartaal", "kvartal",
    ]

    /// Words for a fiscal year before or after it (`FY2026`, the German `GJ 2026`, `Geschäftsjahr`,
    /// the French `Exercice 2026`, the Spanish `Ejercicio`, the Italian `Esercizio`, the Dutch
    /// `Boekjaar`), accents folded: the label says a year.
    private static let fiscalYearWords: Set<Substring> = [
        "fy", "gj", "geschaftsjahr", "wirtschaftsjahr", "exercice", "ejercicio", "esercizio", "exercicio", "boekjaar",
    ]

    /// Words for a year beside it (`Year 2026`, `Año 2026`, `Anno 2026`, `Jahr 2026`), accents
    /// folded: no part of the period.
    private static let yearWords: Set<Substring> = ["year", "ano", "anno", "annee", "jahr", "jaar", "ar", "rok"]

    /// Words for quarter after its number (`3T`, `3 trimestre`, `3. Quartal`): those before it but `q`.
    private static let quarterWordsAfter = quarterWordsBefore.subtracting(["q"])

    /// An ordinal's suffix between a quarter's number and the word (`3er`, `3º`, `3e`, `3ème`);
    /// not the English ones: `1st quarter` is left unread, as `SummaryLayoutTests` pins.
    private static let ordinalSuffixes: Set<Substring> = ["er", "re", "e", "eme", "o", "a", "º", "ª", "do", "ro", "to"]

    /// Quarters in roman numerals.
    private static let romanQuarters: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4]

    /// The month a name or its usual abbreviation names (`july`, `sept`, `janv`, `marz`), in the
    /// eight languages; `word` lower-cased with accents folded. Nil for any other word.
    public static func month(named word: String) -> Int? { months[word] }

    /// Month names and their usual abbreviations, accents folded, in the eight languages (Polish
    /// also in the genitive a date writes: `15 stycznia 2026`).
    private static let months: [String: Int] = {
        let names: [[String]] = [
            [
                "jan", "january", "ene", "enero", "janeiro", "janv", "janvier", "januar", "gen", "gennaio", "jän",
                "jaen", "janner", "jaenner", "januari", "styczen", "stycznia",
            ],
            [
                "feb", "february", "febrero", "fev", "fevereiro", "fevr", "fevrier", "februar", "febbraio", "feber",
                "februari", "luty", "lutego",
            ],
            ["mar", "march", "marzo", "marco", "mars", "marz", "maerz", "mrz", "maart", "mrt", "marzec", "marca"],
            ["apr", "april", "abr", "abril", "avr", "avril", "aprile", "kwiecien", "kwietnia"],
            ["may", "mayo", "mai", "maio", "mag", "maggio", "mei", "maj", "maja"],
            ["jun", "june", "junio", "junho", "juin", "juni", "giu", "giugno", "czerwiec", "czerwca"],
            ["jul", "july", "julio", "julho", "juil", "juillet", "juli", "lug", "luglio", "lipiec", "lipca"],
            ["aug", "august", "ago", "agosto", "aou", "aout", "augusto", "augustus", "sierpien", "sierpnia"],
            [
                "sep", "sept", "september", "septiembre", "set", "setembro", "septembre", "settembre", "wrzesien",
                "wrzesnia",
            ],
            [
                "oct", "october", "octubre", "out", "outubro", "octobre", "okt", "oktober", "ott", "ottobre",
                "pazdziernik", "pazdziernika",
            ],
            ["nov", "november", "noviembre", "novembro", "novembre", "listopad", "listopada"],
            [
                "dec", "december", "dic", "diciembre", "dez", "dezembro", "decembre", "dezember", "dicembre",
                "grudzien", "grudnia",
            ],
        ]
        var table: [String: Int] = [:]
        for (index, words) in names.enumerated() {
            for word in words { table[word] = index + 1 }
        }
        return table
    }()
}
