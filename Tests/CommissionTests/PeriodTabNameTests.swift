import Testing

@testable import Ingest

/// A tab per period named with other words beside its month (`Aug 2026 (final)`, `Comisiones
/// Julio 2026`) is dated by that month; a name with no period stays no period's.
@Suite struct PeriodTabNameTests {
    @Test(arguments: [
        ("Aug 2026 (final)", 8), ("Sep 2026 Commissions", 9), ("Comisiones Julio 2026", 7), ("Paid July", 7),
        ("Jul 2026", 7), ("Julio 2026 - Comisiones", 7), ("Comm Jul 2026", 7),
    ])
    func aMonthAmongOtherWordsNamesTheTabsMonth(tab: String, month: Int) {
        #expect(SheetPeriod.label(named: tab, plan: nil)?.month == month)
    }

    @Test(arguments: ["Deals", "Summary", "Commissions (final)", "Ana Lima"])
    func aNameWithoutAPeriodNamesNone(tab: String) {
        #expect(SheetPeriod.label(named: tab, plan: nil) == nil)
    }

    @Test func aWeekdayBeforeATextDateIsPassedOver() {
        #expect(ValueReading.dateParts("Wed 08/07/2026").map { [$0.0, $0.1, $0.2] } == [8, 7, 2026])
        #expect(ValueReading.dateParts("lun. 13/07/2026").map { [$0.0, $0.1, $0.2] } == [13, 7, 2026])
        #expect(ValueReading.dateParts("08/07/2026 10:30").map { [$0.0, $0.1, $0.2] } == [8, 7, 2026])
    }
}
