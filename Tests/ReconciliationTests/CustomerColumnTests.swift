import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A hand-kept sheet without a deal id column whose deals are named by their customer
/// (`Customer`, `Account Name`). A customer is no deal id: it may buy twice. Its rows are read
/// as deals where each customer's rows can be one deal (one close date and one amount, split
/// between reps); where a customer's rows are several deals they cannot be told apart, and the
/// run stops naming the sheet, the customer and its rows.
@Suite struct CustomerColumnTests {
    /// A deals sheet under `header` (the customer's column first): Acme split between R1 and R2,
    /// Globex and Initech R1's, each at 5% (`rates` by row, rows 2–5).
    static func sheet(
        header: String = "Customer", rates: [String] = ["0.05", "0.05", "0.05", "0.05"],
        acmeAgain: Bool = false
    ) -> [[WriteCell]] {
        let titles: [WriteCell] = [header, "Rep", "Close Date", "Amount", "Split", "Rate", "Commission"].map {
            .text($0)
        }
        let deals: [(String, String, String, Decimal, Decimal)] = [
            ("Acme", "R1", "2026-01-10", 20000, 0.5), ("Acme", "R2", "2026-01-10", 20000, 0.5),
            ("Globex", "R1", "2026-01-12", 10000, 1),
            (acmeAgain ? "Acme" : "Initech", "R1", acmeAgain ? "2026-02-03" : "2026-01-20", 10000, 1),
        ]
        return [titles]
            + deals.enumerated().map { index, deal in
                let n = index + 2
                let rate = Decimal(string: rates[index])!
                return [
                    .text(deal.0), .text(deal.1), LayoutReadingTests.date(deal.2), .number(deal.3), .number(deal.4),
                    .number(rate), CauseTests.formula("\(deal.3 * deal.4 * rate)", "ROUND(D\(n)*E\(n)*F\(n),2)"),
                ]
            }
    }

    static func reconcile(_ rows: [[WriteCell]], source: String? = nil) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let crm = source.map { text in
            let crm = folder.appendingPathComponent("crm.csv").path
            try? text.write(toFile: crm, atomically: true, encoding: .utf8)
            return crm
        }
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [], source: crm)
    }

    @Test(arguments: ["Customer", "Account Name", "Customer Name"])
    func aCleanSheetNamedByCustomerHasNoErrors(header: String) throws {
        let result = try Self.reconcile(Self.sheet(header: header))
        #expect(result.errors.isEmpty, "\(result.errors.map(\.explanation))")
        #expect(result.statement.lines.compactMap(\.dealID).sorted() == ["Acme", "Acme", "Globex", "Initech"])
    }

    @Test func aPlantedRateIsFoundOnItsCustomersRow() throws {
        let result = try Self.reconcile(Self.sheet(rates: ["0.05", "0.05", "0.06", "0.05"]))
        let finding = try #require(CauseTests.onlyError(result))
        #expect(finding.cell == CellAddress("G4") && finding.dealID == "Globex")
        #expect(finding.cause == .wrongRate)
    }

    @Test func aCustomerWithSeveralDealsStopsTheRunNamingItsRows() throws {
        let error = try #require(throws: SpreadsheetError.self) { try Self.reconcile(Self.sheet(acmeAgain: true)) }
        #expect(error.location.sheet == "Deals" && error.location.cell == CellAddress("A5"))
        #expect(error.reason.contains("'Acme'") && error.reason.contains("rows 2 and 5"), "\(error.reason)")
        #expect(error.reason.contains("--map deal_id="), "\(error.reason)")
    }

    /// A trusted export names its deals by id: a sheet that names them by customer cannot be
    /// matched with it.
    @Test func aSheetNamedByCustomerIsNotMatchedWithAnExportsDealIDs() throws {
        let error = try #require(throws: SpreadsheetError.self) {
            try Self.reconcile(
                Self.sheet(), source: "Deal ID,Owner,Close Date,Amount\nD-1,R1,2026-01-12,10000\n")
        }
        #expect(error.reason.contains("'Customer'"), "\(error.reason)")
    }

    /// Beside a sheet that names its deal ids, a sheet naming them by customer (a list of
    /// bookings) is not read: its rows are no second copy of the deals.
    @Test func besideASheetOfDealIDsASheetByCustomerIsNotRead() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var deals = Self.sheet()
        deals[0][0] = .text("Deal ID")
        let path = try LayoutReadingTests.workbook([("Deals", deals), ("Bookings", Self.sheet())], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
        #expect(result.errors.isEmpty, "\(result.errors.map(\.explanation))")
        #expect(result.statement.lines.count == 4)
        #expect(result.mappingNotes.contains { $0.contains("Bookings") }, "\(result.mappingNotes)")
    }
}
