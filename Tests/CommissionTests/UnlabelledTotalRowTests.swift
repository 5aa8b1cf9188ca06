import Spreadsheet
import Testing

@testable import Ingest

/// Total rows people leave without an English label (`TotalRow.label(of:dealID:rep:commission:)`):
/// a bare `=SUM` over the rows above or below, a Spanish `Suma`, a `(total)` in brackets at the end.
@Suite struct UnlabelledTotalRowTests {
    /// Row `index` with a commission in H (column 8) written as `formula`, the deal id in A and the
    /// label in B when given.
    private static func label(
        row index: Int, dealID: String? = nil, rep: String? = nil, date: CellValue? = nil, formula: String
    ) -> String? {
        var cells: [Cell] = []
        if let dealID { cells.append(Cell(column: 1, value: .text(dealID))) }
        if let rep { cells.append(Cell(column: 2, value: .text(rep))) }
        let commission = Cell(column: 8, value: .number(3000), formula: formula)
        cells.append(commission)
        return TotalRow.label(
            of: Row(index: index, cells: cells), dealID: dealID.map { .text($0) } ?? .empty,
            rep: rep.map { .text($0) } ?? .empty, date: date, commission: commission)
    }

    @Test func aBareSumOverTheRowsAboveIsATotal() {
        #expect(Self.label(row: 5, formula: "SUM(H2:H4)") == "(total)")
        #expect(Self.label(row: 5, formula: "SUM($H$2:$H$4)") == "(total)")
        #expect(Self.label(row: 9, formula: "SUM(H2:H4,H6:H8)") == "(total)")
        #expect(Self.label(row: 9, formula: "sum(h2:h8)".uppercased()) == "(total)")
        // A total may stand above the rows it adds.
        #expect(Self.label(row: 5, formula: "SUM(H6:H9)") == "(total)")
        #expect(Self.label(row: 2, formula: "SUM($H$3:$H$40)") == "(total)")
    }

    @Test func aSumThatIsNoTotalOfTheRowsAboveIsNot() {
        // A deal row whose commission merely adds its own parts stays a deal.
        #expect(Self.label(row: 5, dealID: "D-5", formula: "SUM(H2:H4)") == nil)
        #expect(Self.label(row: 5, dealID: "D-5", date: .text("2026-01-15"), formula: "SUM(H2:H4)") == nil)
        #expect(Self.label(row: 5, dealID: "D-5", rep: "Ana Lima", date: .empty, formula: "SUM(H2:H4)") == nil)
        // A word in no known language, without a date or a rep, over a sum of the rows above: a total.
        #expect(Self.label(row: 5, dealID: "Kokku", date: .empty, formula: "SUM(H2:H4)") == "Kokku")
        // Ranges reaching the row itself, or some above it and some below, a single cell, other
        // arithmetic.
        #expect(Self.label(row: 5, formula: "SUM(H2:H5)") == nil)
        #expect(Self.label(row: 5, formula: "SUM(H5:H9)") == nil)
        #expect(Self.label(row: 5, formula: "SUM(H2:H4,H6:H9)") == nil)
        #expect(Self.label(row: 5, formula: "SUM(H4)") == nil)
        #expect(Self.label(row: 5, formula: "SUM(F5:G5)") == nil)
        #expect(Self.label(row: 5, formula: "SUM(G4:H4)") == nil)
        // A range over one cell is a block of one deal's subtotal.
        #expect(Self.label(row: 5, formula: "SUM(H4:H4)") == "(total)")
        #expect(Self.label(row: 5, formula: "SUM($H$4:H4)") == "(total)")
        #expect(Self.label(row: 5, formula: "SUM(H2:H4)*2") == nil)
        #expect(Self.label(row: 5, formula: "ROUND(D5*G5,2)") == nil)
        #expect(Self.label(row: 5, formula: "SUM(Rates!B2:B4)") == nil)
    }

    @Test func totalWordsInOtherLanguagesAndInBracketsMarkATotal() {
        for text in ["Suma Ana Lima", "Soma Ana Lima", "Somme Ana Lima", "Somma Ana Lima", "SUMA"] {
            #expect(TotalRow.label(of: .text(text)) == text, "\(text)")
            #expect(Self.label(row: 5, rep: text, formula: "H2+H3+H4") == text, "\(text)")
        }
        for text in ["Ana Lima (total)", "Ana Lima (Subtotal)", "Ana Lima [Summe]", "Ana Lima(TOTAL)"] {
            #expect(TotalRow.label(of: .text(text)) == text, "\(text)")
        }
        for text in ["Ana Lima (West)", "Totally (new)", "(total) Ana"] {
            #expect(TotalRow.label(of: .text(text)) == nil, "\(text)")
        }
    }

    /// `Suma` and `Soma` are given names too: a deal's rep so named is no total.
    @Test func aRepNamedLikeATotalWordOnADealRowIsADeal() {
        #expect(Self.label(row: 5, dealID: "D-5", rep: "Soma Das", formula: "ROUND(D5*G5,2)") == nil)
        #expect(Self.label(row: 5, dealID: "D-5", rep: "Suma", formula: "ROUND(D5*G5,2)") == nil)
        #expect(Self.label(row: 5, dealID: "D-5", rep: "Total", formula: "ROUND(D5*G5,2)") == "Total")
    }
}
