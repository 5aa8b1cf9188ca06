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

    /// Read from the formula's bytes (ASCII) or its characters, the references are the same.
    @Test func aFormulasBytesAndCharactersGiveTheSameReferences() {
        let formulas = [
            "SUM(G5:G40)+Deals!G3+ROUND(H2,2)",
            "SUMIFS('Deals 1'!$G$2:$G$100,'Deals 1'!$B$2:$B$100,A2)+SUMIFS(Deals!G2:G9,Deals!B2:B9,A2)",
            "-(Deals!K7+Deals!$L$8)", "OldDeals!K7&\"Deals!K9\"", "'It''s'!A1+'It''s'!B2:B3",
            "A1B2+$C$3:$C+X99999999999999999999",
            "SUM(G5:G40)\r\n+H2", "Über!A1+A2", "LOG10(A1)+_x1+a.b2+R1C1", "\"a\"&A1&\"b",
        ]
        for formula in formulas {
            for sheet in [nil, "Deals", "Deals 1", "It's", "Über", "OldDeals"] as [String?] {
                #expect(
                    FormulaReferences.references(in: formula, sheet: sheet)
                        == FormulaReferences.references(in: Array(formula), sheet: sheet), "\(formula), \(sheet ?? "-")"
                )
            }
        }
    }
}
