import Foundation
import Spreadsheet
import Testing

@testable import Ingest
@testable import Reconciliation

/// The rate table check finds a row's finding from the line's row and a column
/// (`FindingsByRow`), not from the place its sheet's name makes: it must find the finding the
/// place finds, and none where the place finds none, on every sheet and on rows of no sheet.
@Suite struct FindingsByRowTests {
    /// Two sheets with findings, findings on the file a row of no sheet is named after and on a
    /// sheet of no deals, one past a word of rows: every row of each sheet and of the ordinals
    /// past them, in every column, against the places' own lookup; and again with a third sheet
    /// named as the file is, whose rows and those of no sheet share their findings.
    @Test(arguments: [false, true]) func findsWhatThePlaceFinds(withASheetNamedAsTheFile: Bool) {
        let mapping = ColumnMapping<Field>(headerRow: 1, columns: [.dealID: 0], headers: [.dealID: "Deal ID"])
        var deals = DealsTable(
            lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: "/tmp/book.xlsx", sheet: nil)
        deals.sheets = [DealsSheet(name: "Deals", mapping: mapping), DealsSheet(name: "Q2 deals", mapping: mapping)]
        if withASheetNamedAsTheFile { deals.sheets.append(DealsSheet(name: "book.xlsx", mapping: mapping)) }
        let places: [CellPlace: Int] = [
            CellPlace(sheet: "Deals", cell: CellAddress(row: 2, column: 7)): 0,
            CellPlace(sheet: "Deals", cell: CellAddress(row: 63, column: 7)): 1,
            CellPlace(sheet: "Deals", cell: CellAddress(row: 64, column: 8)): 2,
            CellPlace(sheet: "Q2 deals", cell: CellAddress(row: 2, column: 7)): 3,
            CellPlace(sheet: "Q2 deals", cell: CellAddress(row: 200, column: 7)): 4,
            CellPlace(sheet: "book.xlsx", cell: CellAddress(row: 5, column: 7)): 5,
            CellPlace(sheet: "Summary", cell: CellAddress(row: 3, column: 7)): 6,
        ]
        let found = FindingsByRow(places, deals: deals)
        for ordinal in 0...4 {
            for row in 0...260 {
                let key = DealsTable.rowKey(sheet: ordinal, row: row)
                let sheet = deals.sheetName(ofRow: key)
                var any = false
                for column in 0...10 {
                    let expected = places[CellPlace(sheet: sheet, cell: CellAddress(row: row, column: column))]
                    #expect(found[key, column] == expected, "\(sheet) row \(row) column \(column)")
                    any = any || expected != nil
                }
                #expect(found.holdsAny(key) == any, "\(sheet) row \(row)")
            }
        }
    }
}
