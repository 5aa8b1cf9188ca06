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

    @Test func datesInSummaryRanges() {
        let formula =
            "SUMIFS(Deals!$K$2:$K$9,Deals!$C$2:$C$9,\">=\"&DATE(2026,7,1),Deals!$C$2:$C$9,\"<=\"&DATE(2026,9,30))"
        #expect(
            FormulaText.dates(in: formula) == [
                LocalDate(year: 2026, month: 7, day: 1)!, LocalDate(year: 2026, month: 9, day: 30)!,
            ])
    }

    @Test func singleCellReferencesToTheDealsSheet() {
        #expect(FormulaText.singleCellRows(in: "-(Deals!K7+Deals!L7+Deals!$K$35)", sheet: "Deals") == [7, 7, 35])
        #expect(FormulaText.singleCellRows(in: "-'Deals Q3'!L36", sheet: "Deals Q3") == [36])
        #expect(FormulaText.singleCellRows(in: "SUM(Deals!K2:K40)", sheet: "Deals").isEmpty)
        #expect(FormulaText.singleCellRows(in: "-Other!K7", sheet: "Deals").isEmpty)
    }
}

@Suite struct BandFitTests {
    @Test func roundestNumberInAnInterval() {
        #expect(BandFit.roundest(above: 49_812.5, atMost: 50_310, metric: .amount) == 50_000)
        #expect(BandFit.roundest(above: 0.97, atMost: 1.04, metric: .attainment) == 1)
        #expect(BandFit.roundest(above: 1.08, atMost: 1.12, metric: .attainment) == 1.1)
        #expect(BandFit.roundest(above: 123_456.78, atMost: 123_456.79, metric: .amount) == 123_456.79)
    }

    @Test func bestCutIgnoresAFewContradictingKeys() throws {
        // Keys below 50,000 pay 8%, above pay 10%; one 8% row at 70,000 is a typo.
        let below = [1_000.0, 20_000, 45_000, 49_000, 70_000]
        let above = [51_000.0, 60_000, 80_000, 90_000]
        let cut = try #require(BandFit.bestCut(below: below, above: above))
        #expect(cut.lower == 49_000 && cut.upper == 51_000)
    }

    @Test func densestRunIsTheConsensus() {
        let run = BandFit.densest([10, 99_999.9, 100_000, 100_000.2, 250_000], width: 0.5)
        #expect(Array(run ?? []) == [99_999.9, 100_000, 100_000.2])
    }

    @Test func marginalPricingSplitsAtThresholds() {
        let bands = FittedBands(from: [0, 20_000, 45_000], rates: [0.06, 0.09, 0.12])
        let price = bands.marginal(from: 0, to: 50_000, scale: 1)
        #expect(abs(price - (1_200 + 2_250 + 600)) < 1e-6)
        #expect(abs(bands.marginal(from: 50_000, to: 0, scale: 1) + price) < 1e-6)
    }
}
