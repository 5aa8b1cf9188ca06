import Commission
import Foundation
import Spreadsheet
import Testing

@testable import Reconciliation

/// What a wrong cell adds to a total over it (`SummaryFindings.effect`), and the cause a total is
/// given from the wrong cells it reads (`derivedCause`).
@Suite struct DerivedEffectTests {
    static func finding(_ cell: String, manual: String, expected: String, _ cause: Cause, derived: Bool) -> Finding {
        Finding(
            sheet: "Summary", cell: CellAddress(cell)!, dealID: nil, rep: "R02", period: nil,
            manual: Decimal(string: manual)!, manualText: nil, expected: Decimal(string: expected)!, causes: [cause],
            explanation: "", isDerived: derived)
    }

    /// A number stored as text takes its whole value from a total (SUM skips it); a total that is
    /// wrong through one (derived, its cause `text_number` too) is a number, and takes its
    /// difference from a total over it: an earned `=ROUND(C6+D6,0)` over a commission short by a
    /// row stored as text and a clawback left out is derived from both (fuzz-reconcile seed 5393).
    @Test func aTotalWrongThroughATextNumberAddsItsDifference() throws {
        let text = Self.finding("M13", manual: "801.8816", expected: "801.8816", .textNumber, derived: false)
        #expect(SummaryFindings.effect(text) == Decimal(string: "-801.8816")!)
        let commission = Self.finding("C6", manual: "435.148", expected: "1237.0296", .textNumber, derived: true)
        #expect(SummaryFindings.effect(commission) == Decimal(string: "-802.8816")! + 1)
        let clawback = Self.finding("D6", manual: "0", expected: "-1237.0296", .clawbackMissed, derived: false)
        let earned = try #require(
            SummaryFindings.derivedCause(435 - 0, sources: [[commission, clawback]], tolerance: 0.01, rounding: 0.5))
        #expect(earned.cause == .clawbackMissed)
        #expect(earned.cells == ["Summary!C6", "Summary!D6"])
    }

    /// A number stored as text that is wrong as well takes the plan's figure from a SUM over it,
    /// which skips it whatever it says: with C2 at 90 where 100 is due and C3 the text "700"
    /// where 801.88 is due, `=SUM(C2:C3)` is 90, short by 811.88.
    @Test func aWrongTextNumberTakesThePlansFigureFromASum() {
        var text = Self.finding("C3", manual: "700", expected: "801.88", .textNumber, derived: false)
        text.manualText = "700"
        let short = Self.finding("C2", manual: "90", expected: "100", .wrongRate, derived: false)
        #expect(SummaryFindings.effect(text) == Decimal(string: "-801.88")!)
        #expect([text, short].reduce(Decimal(0)) { $0 + SummaryFindings.effect($1) } == Decimal(string: "-811.88")!)
        // A total over a text cell is a number: derived through it, it adds its difference.
        let total = Self.finding("C4", manual: "90", expected: "901.88", .textNumber, derived: true)
        #expect(!SummaryFindings.isText(total))
        #expect(SummaryFindings.effect(total) == Decimal(string: "-811.88")!)
    }
}
