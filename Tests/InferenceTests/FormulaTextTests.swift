import Commission
import Foundation
import Testing

@testable import Inference

@Suite struct FormulaTextTests {
    @Test func callsSplitTopLevelArgumentsOnly() {
        let calls = FormulaText.calls(of: "MIN", in: "MIN(ROUND(E5*F5,2),5000)+min(A1, \"x,y\")")
        #expect(calls == [["ROUND(E5*F5,2)", "5000"], ["A1", "\"x,y\""]])
        #expect(FormulaText.calls(of: "ROUND", in: "ROUNDUP(E5,2)").isEmpty)
        #expect(FormulaText.calls(of: "MIN", in: "XMIN(1,2)").isEmpty)
    }

    @Test func roundPlacesAndBounds() {
        #expect(FormulaText.roundPlaces(in: "MIN(ROUND(D9*H9,2),2300)") == [2])
        #expect(FormulaText.roundPlaces(in: "ROUND(ROUND(A1,4)*B1,0)") == [0, 4])
        #expect(FormulaText.literalBounds(of: "MIN", in: "MIN(ROUND(D9*H9,2),2300)") == [2300])
        #expect(FormulaText.literalBounds(of: "MAX", in: "MAX(0,B2-C2)") == [0])
    }

    /// Only places a plan can have are read (tester5's `ROUND(1,9223372036854775807)` trapped).
    @Test func roundPlacesAreOnlyThePlacesAPlanCanHave() {
        #expect(FormulaText.roundPlaces(in: "ROUND(1,9223372036854775807)").isEmpty)
        #expect(FormulaText.roundPlaces(in: "ROUND(A1,11)+ROUND(A2,-2)+ROUND(A3,2.5)").isEmpty)
        #expect(FormulaText.roundPlaces(in: "ROUND(A1,10)+ROUND(A2,0)+ROUND(A3,2.0)") == [10, 0, 2])
    }

    @Test func datesInSummaryRanges() {
        let formula =
            "SUMIFS(Deals!$K$2:$K$9,Deals!$C$2:$C$9,\">=\"&DATE(2026,7,1),Deals!$C$2:$C$9,\"<=\"&DATE(2026,9,30))"
        #expect(
            FormulaText.dates(in: formula) == [
                LocalDate(year: 2026, month: 7, day: 1)!, LocalDate(year: 2026, month: 9, day: 30)!,
            ])
    }
}
