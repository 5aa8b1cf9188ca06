import Ingest
import Spreadsheet
import Testing

/// A total row keeps what few have (a bonus cell, the commission's text) apart: ten million rows
/// with a subtotal every 30 hold 333,333 of them through the whole run.
@Suite struct TotalRowSizeTests {
    @Test func whatFewTotalRowsHaveIsKeptApart() {
        #expect(MemoryLayout<TotalRow>.size <= 104, "\(MemoryLayout<TotalRow>.size) bytes")
        let commission = Cell(column: 7, value: .number(12), formula: "SUM(G2:G31)")
        var total = TotalRow(row: 32, label: "Subtotal", commission: commission)
        #expect(total.bonus == nil && total.commissionText == nil)
        let plain = total
        total.bonus = Cell(column: 8, value: .number(3))
        total.commissionText = "12,50"
        #expect(total.bonus?.value == .number(3) && total.commissionText == "12,50")
        // A copy keeps its own: what is apart is replaced, never changed.
        #expect(plain.bonus == nil && plain.commissionText == nil)
        #expect(total != plain)
        total.bonus = nil
        #expect(total.commissionText == "12,50" && total.bonus == nil)
        total.commissionText = nil
        #expect(total == plain && total.hashValue == plain.hashValue)
        let built = TotalRow(
            row: 32, label: "Subtotal", commission: commission, commissionText: "12,50",
            bonus: Cell(column: 8, value: .number(3)))
        var set = Set([built])
        set.insert(built)
        #expect(set.count == 1)
    }
}
