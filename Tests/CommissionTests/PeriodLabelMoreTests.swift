import Testing

@testable import Commission

/// Quarters as people write them beyond `Q3 2026`: number first with the word in their language,
/// `Qtr 3`, roman numerals beside a year, and the range of the quarter's months.
@Suite struct PeriodLabelMoreTests {
    static let quarters = PeriodLabelTests.periods(.quarter, ["2026-Q2", "2026-Q3", "2026-Q4", "2027-Q3"])

    @Test(arguments: [
        "3T 2026", "3er trimestre 2026", "3º trimestre 2026", "3. Quartal 2026", "3e trimestre 2026",
        "3° trimestre 2026", "3º tri 2026", "III/2026", "III trimestre 2026", "2026 III",
        "Qtr 3 2026", "QTR3-26", "Jul-Sep 2026", "Jul–Sep 2026", "julio - septiembre 2026", "Jul 2026 - Sep 2026",
        "K3 2026", "Kw 3 2026", "Kvartal 3 2026", "Kv 3 2026", "III kw. 2026",
    ])
    func aQuarterWrittenOtherwiseIsRead(_ text: String) {
        #expect(PeriodLabelTests.read(text, .quarter, among: Self.quarters) == "2026-Q3")
    }

    /// The months of a range are calendar months: `Jul-Sep` is the first quarter of a fiscal year
    /// from July, and names no month.
    @Test func aRangeOfMonthsIsTheQuarterStartingInItsFirst() {
        let fiscal = PeriodLabelTests.periods(.quarter, fiscalYearStart: 7, ["2026-Q1", "2026-Q2"])
        #expect(PeriodLabelTests.read("Jul-Sep 2026", .quarter, fiscalYearStart: 7, among: fiscal) == "2026-Q1")
        #expect(PeriodLabelTests.read("Aug-Oct 2026", .quarter, fiscalYearStart: 7, among: fiscal) == nil)
        let months = PeriodLabelTests.periods(.month, ["2026-07", "2026-09"])
        #expect(PeriodLabelTests.read("Jul-Sep 2026", .month, among: months) == nil)
    }

    /// Without a year a label fits a quarter only when one candidate does.
    @Test func aQuarterWithoutAYearNamesOneOnlyWhenOneFits() {
        #expect(PeriodLabelTests.read("3T", .quarter, among: Self.quarters) == nil)
        #expect(PeriodLabelTests.read("Jul-Sep", .quarter, among: Self.quarters) == nil)
        let one = PeriodLabelTests.periods(.quarter, ["2026-Q2", "2026-Q3"])
        #expect(PeriodLabelTests.read("3er trimestre", .quarter, among: one) == "2026-Q3")
        #expect(PeriodLabelTests.read("Jul–Sep", .quarter, among: one) == "2026-Q3")
    }

    /// The quarter's number before `Q` beside a year (`3Q 2026`, `3Q26`), and a quarter's number
    /// beside its months' range (`Q3 (Jul-Sep) 2026`), are read; the number and the range must agree.
    @Test func aQuarterBeforeQOrBesideItsMonthsIsRead() {
        for text in ["3Q 2026", "3Q26", "3Q-26", "Q3 (Jul-Sep) 2026", "Q3 Jul–Sep 2026"] {
            #expect(PeriodLabelTests.read(text, .quarter, among: Self.quarters) == "2026-Q3", "\(text)")
        }
        #expect(PeriodLabelTests.read("Q2 (Jul-Sep) 2026", .quarter, among: Self.quarters) == nil)
        #expect(PeriodLabel("3Q") == nil)
        let fiscal = PeriodLabelTests.periods(.quarter, fiscalYearStart: 7, ["2026-Q1", "2026-Q2"])
        #expect(PeriodLabelTests.read("Q1 (Jul-Sep) 2026", .quarter, fiscalYearStart: 7, among: fiscal) == "2026-Q1")
    }

    /// Months in Dutch and Polish (also the genitive a date writes), and the Austrian `Jänner`.
    @Test(arguments: [
        ("januari 2026", 1), ("Jänner 2026", 1), ("Feber 2026", 2), ("Styczeń 2026", 1), ("stycznia 2026", 1),
        ("maart 2026", 3), ("mei 2026", 5), ("Październik 2026", 10), ("Wrzesień 2026", 9), ("augustus 2026", 8),
        ("Grudzień 2026", 12), ("Luty 2026", 2),
    ])
    func aMonthInDutchOrPolishIsRead(text: String, month: Int) {
        #expect(PeriodLabel(text)?.month == month)
        #expect(PeriodLabel(text)?.year == 2026)
    }

    /// `3rd quarter` stays unread; a roman numeral without a year or the word, two months that are no
    /// quarter, a number and an ordinal with no word for quarter: none is a label.
    @Test(arguments: [
        "3rd quarter 2026", "III", "IV", "I", "Jul-Aug 2026", "Jul-Oct 2026", "Sep-Jul 2026",
        "Jul-Sep-Nov 2026", "3e 2026",
        "5T 2026", "3T Jul 2026", "Jul-Sep 2026 - Oct 2026", "Jul 2026 - Sep 2027", "Ana III",
    ])
    func textThatNamesNoSingleQuarterIsNoLabel(_ text: String) {
        #expect(PeriodLabel(text) == nil)
    }

    /// A year under a word for the fiscal year or the year in the summary's language (`GJ 2026`,
    /// `Exercice 2026`, `Boekjaar 2026`, `Anno 2026`) is that year.
    @Test(arguments: [
        "GJ 2026", "Geschäftsjahr 2026", "Exercice 2026", "Ejercicio 2026", "Boekjaar 2026", "Anno 2026",
        "Año 2026", "Year 2026", "FY 2026",
    ])
    func aYearUnderItsWordIsRead(_ text: String) {
        let years = PeriodLabelTests.periods(.year, ["2025", "2026"])
        #expect(PeriodLabelTests.read(text, .year, among: years) == "2026")
    }
}
