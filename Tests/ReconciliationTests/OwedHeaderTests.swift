import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// A header of what is owed or accrued (`Amount Due`, `Accrued`) is the commission where no
/// header names it and its figures are priced at the row's rate; a customer's amount due is not.
@Suite struct OwedHeaderTests {
    @Test(arguments: ["Amount Due", "Accrued", "Amount Owed"])
    func anOwedFigurePricedAtTheRateIsTheCommission(_ owed: String) throws {
        let header = ["Deal ID", "Rep", "Close Date", "Deal Size", "Split", "Rate", owed]
        let mapped = try CRMExportHeaderTests.mapped(
            header, ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "5%", "25"])
        #expect(mapped["amount"] == "Deal Size")
        #expect(mapped["commission"] == owed)
    }

    @Test func aCustomersAmountDueIsNoCommission() throws {
        let header = ["Invoice", "Rep", "Close Date", "Amount", "Rate", "Amount Due"]
        let mapped = try CRMExportHeaderTests.mapped(header, ["D-1", "Ana Lima", "2026-07-03", "1000", "5%", "950"])
        #expect(mapped["commission"] == nil)
        #expect(!PayableHeader.namesOwed("Due Date"))
        #expect(PayableHeader.namesOwed("Amount Due"))
    }
}
