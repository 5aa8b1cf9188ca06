import PlanFile
import Testing

@testable import Ingest

/// A tab per period named with other words beside its month (`Aug 2026 (final)`, `Comisiones
/// Julio 2026`) is dated by that month; a name with no period stays no period's.
@Suite struct PeriodTabNameTests {
    @Test(arguments: [
        ("Aug 2026 (final)", 8), ("Sep 2026 Commissions", 9), ("Comisiones Julio 2026", 7), ("Paid July", 7),
        ("Jul 2026", 7), ("Julio 2026 - Comisiones", 7), ("Comm Jul 2026", 7), ("Jan 2026 v2 FINAL", 1),
        ("Jul 2026 copy", 7), ("Jänner 2026", 1), ("januari 2026", 1), ("Styczeń 2026", 1), ("rev3 Aug 2026", 8),
        ("202601", 1), ("2026-01", 1), ("M01", 1), ("M7", 7), ("Comm M03 2026", 3), ("Q1 Jan 2026", 1),
        ("Q3 - Aug 2026", 8), ("Jan 2026 (2)", 1), ("Jan-26", 1), ("Enero 2026", 1), ("Januar 2026", 1),
        ("Comisiones 202607", 7), ("Février 2026 (3)", 2),
    ])
    func aMonthAmongOtherWordsNamesTheTabsMonth(tab: String, month: Int) {
        #expect(SheetPeriod.label(named: tab, plan: nil)?.month == month)
    }

    /// A quarter's tab named `1Q26` or with its months in brackets (`Q1 (Jan-Mar) 2026`).
    @Test(arguments: ["1Q26", "Q1 (Jan-Mar) 2026", "1Q 2026 v2"])
    func aQuarterWrittenOtherwiseNamesTheTabsQuarter(tab: String) throws {
        let plan = try PlanFile.parse(PlanFileTests.base, file: "plan.yaml")
        let label = try #require(SheetPeriod.label(named: tab, plan: plan))
        #expect(label.quarter == 1)
        #expect(label.year == 2026)
    }

    @Test(arguments: [
        "Deals", "Summary", "Commissions (final)", "Ana Lima", "Deals v2", "Sheet1", "Notes 2026", "Plan 2026",
        "Deals (2)", "M13", "Q2 Jan 2026", "202613", "123456", "2026", "Summary (2)",
    ])
    func aNameWithoutAPeriodNamesNone(tab: String) {
        #expect(SheetPeriod.label(named: tab, plan: nil) == nil, "\(tab)")
    }

    /// A month beside its quarter is read in the plan's fiscal year: with the year starting in
    /// February, January is the fourth quarter's.
    @Test func aMonthBesideItsQuarterIsReadInTheFiscalYear() throws {
        let plan = try PlanFile.parse(PlanFileTests.base + "\nfiscal_year_start: 2\n", file: "plan.yaml")
        #expect(SheetPeriod.label(named: "Q4 Jan 2027", plan: plan)?.month == 1)
        #expect(SheetPeriod.label(named: "Q1 Jan 2027", plan: plan) == nil)
        #expect(SheetPeriod.label(named: "Q1 Feb 2026", plan: plan)?.month == 2)
    }

    @Test func aWeekdayBeforeATextDateIsPassedOver() {
        #expect(ValueReading.dateParts("Wed 08/07/2026").map { [$0.0, $0.1, $0.2] } == [8, 7, 2026])
        #expect(ValueReading.dateParts("lun. 13/07/2026").map { [$0.0, $0.1, $0.2] } == [13, 7, 2026])
        #expect(ValueReading.dateParts("08/07/2026 10:30").map { [$0.0, $0.1, $0.2] } == [8, 7, 2026])
    }

    /// A date written with a space after each dot (`15. 3. 2026`, as Czech and Slovak do) is the
    /// date; a dot after a word, or before no number, breaks nothing.
    @Test func aSpaceAfterADateDotIsNoBreak() {
        #expect(ValueReading.dateParts("15. 3. 2026").map { [$0.0, $0.1, $0.2] } == [15, 3, 2026])
        #expect(ValueReading.dateParts(" 1. 12. 26 ").map { [$0.0, $0.1, $0.2] } == [1, 12, 2026])
        #expect(ValueReading.dateParts("po 15. 3. 2026").map { [$0.0, $0.1, $0.2] } == [15, 3, 2026])
        #expect(ValueReading.joinedAfterDots("Ref. 12. 3. 2026") == "Ref. 12.3.2026")
        #expect(ValueReading.joinedAfterDots("Paid 3. Next") == "Paid 3. Next")
        #expect(ValueReading.joinedAfterDots("1.  3.\t26 ") == "1.3.26 ")
        #expect(ValueReading.joinedAfterDots("Q. 3") == "Q. 3")
    }
}
