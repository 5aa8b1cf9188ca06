import Testing

@testable import Commission

/// Periods as workbooks label them, read into the plan's calendar without guessing.
@Suite struct PeriodLabelTests {
    static func periods(_ kind: PeriodKind, fiscalYearStart: Int = 1, _ labels: [String]) -> Set<Period> {
        Set(labels.map { Period(label: $0, kind: kind, fiscalYearStart: fiscalYearStart)! })
    }

    static func read(_ text: String, _ kind: PeriodKind, fiscalYearStart: Int = 1, among: Set<Period>) -> String? {
        PeriodLabel(text)?.period(kind: kind, fiscalYearStart: fiscalYearStart, among: among)?.description
    }

    @Test(arguments: [
        "2026-07", "Jul 2026", "July 2026", "Jul-26", "jul. 2026", "2026 July", "07/2026", "2026/07", "7.2026",
        "Julio 2026", "juillet 2026", "Juli 2026", "luglio 2026", "julho de 2026", "July",
    ])
    func monthsAsPeopleWriteThem(_ text: String) {
        let months = Self.periods(.month, ["2026-06", "2026-07", "2026-08"])
        #expect(Self.read(text, .month, among: months) == "2026-07")
    }

    @Test(arguments: [
        "2026-Q3", "Q3 2026", "2026 Q3", "Q3-2026", "Q3'26", "q3 fy26", "T3 2026", "Quarter 3 2026", "Q3",
    ])
    func quartersAsPeopleWriteThem(_ text: String) {
        let quarters = Self.periods(.quarter, ["2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(Self.read(text, .quarter, among: quarters) == "2026-Q3")
    }

    @Test func aLabelOfAnotherKindOrOfNoCandidateNamesNone() {
        let quarters = Self.periods(.quarter, ["2026-Q1", "2026-Q2"])
        #expect(Self.read("Jul 2026", .quarter, among: quarters) == nil)
        #expect(Self.read("Q3", .quarter, among: quarters) == nil)
        #expect(Self.read("Q1", .month, among: Self.periods(.month, ["2026-01"])) == nil)
        // A month without a year in a run over two years could be either.
        #expect(Self.read("July", .month, among: Self.periods(.month, ["2025-07", "2026-07"])) == nil)
        #expect(Self.read("July 2025", .month, among: Self.periods(.month, ["2025-07", "2026-07"])) == "2025-07")
    }

    @Test(arguments: ["Ana Lima", "Total", "YTD", "15", "3Q", "Jul Q3 2026", "", "May Ng"])
    func textThatIsNoPeriodIsNoLabel(_ text: String) {
        #expect(PeriodLabel(text) == nil)
    }

    @Test func aFiscalYearsQuarterBesideAYearFitsOnlyWhenOneCandidateDoes() {
        // A fiscal year from July: `Q3 2026` may be fiscal 2026's third quarter or fiscal 2025's.
        let one = Self.periods(.quarter, fiscalYearStart: 7, ["2025-Q3", "2025-Q4"])
        #expect(Self.read("Q3 2026", .quarter, fiscalYearStart: 7, among: one) == "2025-Q3")
        let two = Self.periods(.quarter, fiscalYearStart: 7, ["2025-Q3", "2026-Q3"])
        #expect(Self.read("Q3 2026", .quarter, fiscalYearStart: 7, among: two) == nil)
        // The canonical label means what `Period` writes.
        #expect(Self.read("2026-Q3", .quarter, fiscalYearStart: 7, among: two) == "2026-Q3")
        #expect(Self.read("FY2026", .year, fiscalYearStart: 1, among: Self.periods(.year, ["2026"])) == "2026")
    }

    /// A year so far (`2026 YTD`) is the year's label; beside a quarter or month it would be the
    /// year up to that period, which no label names.
    @Test func aYearToDateNamesItsYearAlone() {
        #expect(PeriodLabel("2026 YTD")?.namesYearOnly == true)
        let fiscal = PeriodLabel("YTD FY26")
        #expect(fiscal?.year == 2026 && fiscal?.isFiscal == true && fiscal?.namesYearOnly == true)
        #expect(PeriodLabel("Q3 2026")?.namesYearOnly == false)
        #expect(PeriodLabel("Q3 YTD 2026") == nil)
        #expect(PeriodLabel("Jul 2026 YTD") == nil)
        // January to March 2027: in the fiscal year from July 2026, not in the calendar year 2026.
        let quarter = Period(label: "2026-Q3", kind: .quarter, fiscalYearStart: 7)!
        #expect(Period(label: "2026", kind: .year, fiscalYearStart: 7)!.contains(quarter))
        #expect(!Period(label: "2026", kind: .year, fiscalYearStart: 1)!.contains(quarter))
    }

    /// The byte-wise check reads the forms the pattern `\d{4}(-(Q[1-4]|\d{2}))?` matches in ASCII.
    @Test func canonicalFormsAreThosePeriodsWrite() {
        let texts = [
            "2026", "2026-Q1", "2026-Q4", "2026-Q5", "2026-Q0", "2026-07", "2026-7", "2026-q3", "2026Q3", "202",
            "20266", "2026-", "2026-123", "2026-1a", "x026", "", "2026 ", "Q3-2026", "2026-Q", "1999-12",
        ]
        for text in texts {
            let pattern = text.wholeMatch(of: /\d{4}(-(Q[1-4]|\d{2}))?/) != nil
            #expect(PeriodLabel.isCanonical(text) == pattern, "\(text.debugDescription)")
        }
    }
}
