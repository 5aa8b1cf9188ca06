import Foundation
import Testing

/// The commission under the English plural (`Commissions`, `Total Commissions`) and under
/// `Earnings`, where no header names it otherwise.
@Suite struct CommissionWordsTests {
    @Test(arguments: ["Commissions", "Total Commissions", "Earnings"])
    func commissionsAndEarningsAreTheCommission(_ title: String) throws {
        let mapped = try CRMExportHeaderTests.mapped(
            ["Deal ID", "Sales Rep", "Close Date", "Amount", "Rate", title],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "0.05", "50"])
        #expect(mapped["commission"] == title)
    }
}
