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

    @Test(arguments: ["Deals", "Summary", "Commissions (final)", "Ana Lima", "Deals v2"])
    func aNameWithoutAPeriodNamesNone(tab: String) {
        #expect(SheetPeriod.label(named: tab, plan: nil) == nil)
    }

    @Test func aWeekdayBeforeATextDateIsPassedOver() {
        #expect(ValueReading.dateParts("Wed 08/07/2026").map { [$0.0, $0.1, $0.2] } == [8, 7, 2026])
        #expect(ValueReading.dateParts("lun. 13/07/2026").map { [$0.0, $0.1, $0.2] } == [13, 7, 2026])
        #expect(ValueReading.dateParts("08/07/2026 10:30").map { [$0.0, $0.1, $0.2] } == [8, 7, 2026])
    }
}
