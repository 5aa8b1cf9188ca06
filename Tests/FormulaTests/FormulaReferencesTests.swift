import Formula
import Testing

/// The one reader of the references in a formula's text, which forensics and inference share.
@Suite struct FormulaReferencesTests {
    @Test func singleCellReferencesToTheDealsSheet() {
        #expect(FormulaReferences.singleCellRows(in: "-(Deals!K7+Deals!L7+Deals!$K$35)", sheet: "Deals") == [7, 7, 35])
        #expect(FormulaReferences.singleCellRows(in: "-'Deals Q3'!L36", sheet: "Deals Q3") == [36])
        #expect(FormulaReferences.singleCellRows(in: "SUM(Deals!K2:K40)", sheet: "Deals").isEmpty)
        #expect(FormulaReferences.singleCellRows(in: "-Other!K7", sheet: "Deals").isEmpty)
    }

    @Test func singleCellsOfASheetAreNamedAndRangesLeftOut() {
        #expect(FormulaReferences.singleCellRows(in: "-(Deals!K7+Deals!$L$8)", sheet: "Deals") == [7, 8])
        #expect(FormulaReferences.singleCellRows(in: "'Deals Q3'!K7-SUM('Deals Q3'!K2:K6)", sheet: "Deals Q3") == [7])
        // Another sheet whose name ends in the same word, and a string literal, are not references.
        #expect(FormulaReferences.singleCellRows(in: "OldDeals!K7&\"Deals!K9\"", sheet: "Deals") == [])
    }

    @Test func rangesOfTheFormulasOwnSheetStandWhereTheyAreWritten() {
        let formula = "SUM(G5:G40)+Deals!G3+ROUND(H2,2)"
        let references = FormulaReferences.references(in: Array(formula), sheet: nil)
        #expect(references.map(\.rows) == [5...40, 2...2])
        #expect(references.map(\.isRange) == [true, false])
        #expect(references.map { String(Array(formula)[$0.text]) } == ["G5:G40", "H2"])
    }
}
