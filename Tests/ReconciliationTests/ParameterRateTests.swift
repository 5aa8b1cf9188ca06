import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A sheet without a rate column whose commission formulas read the rate from one cell
/// (`=ROUND(D4*$B$1,2)`): a wrong rate there is the error, found at that cell and naming the
/// rows it spoils, as a rate table's cell is.
@Suite struct ParameterRateTests {
    static func workbook(rate: Decimal, amounts: [Decimal], in folder: URL) throws -> String {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { .text($0) }
        var rows: [[WriteCell]] = [[.text("Rate"), .number(rate)], [], header]
        for (offset, amount) in amounts.enumerated() {
            let row = offset + 4
            let paid = (amount * rate).rounded(places: 2, mode: .halfUp)
            rows.append([
                .text("D\(row)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(amount),
                CauseTests.formula("\(paid)", "ROUND(D\(row)*$B$1,2)"),
            ])
        }
        return try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
    }

    @Test func aWrongRateInTheCellTheFormulasReadIsFoundThere() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(rate: Decimal(string: "0.04")!, amounts: [10000, 20000, 8000], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(SpiffWithoutBonusColumnTests.plan, file: "plan.yaml"), roster: [])
        let cell = try #require(result.errors.first { $0.cell == CellAddress("B1") })
        #expect(cell.cause == .wrongRate)
        #expect(cell.expected == Decimal(string: "0.05"))
        #expect(cell.lookedUpBy.sorted() == ["Deals|E4", "Deals|E5", "Deals|E6"])
        #expect(result.errors.count == 4)
    }

    @Test func aRateCellThatServesRowsPaidRightIsRight() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 5% up to 50,000 in the quarter, 8% above: the last row crosses the band.
        let path = try Self.workbook(rate: Decimal(string: "0.05")!, amounts: [10000, 20000, 30000], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
        #expect(!result.errors.contains { $0.cell == CellAddress("B1") })
        #expect(result.errors.map { "\($0.cell)" } == ["E6"])
    }

    /// Commission formulas that look their rate up as they go (`VLOOKUP` of the row's product in a
    /// `Rates` sheet): a wrong entry there is the error, found at its cell naming the rows it spoils.
    @Test func aWrongEntryOfATableTheFormulasLookUpIsFoundThere() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Product", "Commission"].map { .text($0) }
        var rows = [header]
        // The plan pays 5% on everything; the table says 6% for Services.
        for (offset, (amount, product, rate)) in [
            (Decimal(10000), "Platform", Decimal(string: "0.05")!), (20000, "Services", Decimal(string: "0.06")!),
            (8000, "Services", Decimal(string: "0.06")!), (4000, "Platform", Decimal(string: "0.05")!),
        ].enumerated() {
            let row = offset + 2
            rows.append([
                .text("D\(row)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(amount), .text(product),
                CauseTests.formula("\(amount * rate)", "ROUND(D\(row)*VLOOKUP(E\(row),Rates!$A$2:$B$3,2,FALSE),2)"),
            ])
        }
        let rates: [[WriteCell]] = [
            [.text("Product"), .text("Rate")], [.text("Platform"), .number(Decimal(string: "0.05")!)],
            [.text("Services"), .number(Decimal(string: "0.06")!)],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows), ("Rates", rates)], in: folder)
        let result = try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(PlanTexts.flat("Looked up"), file: "plan.yaml"), roster: [])
        let cell = try #require(result.errors.first { $0.sheet == "Rates" })
        #expect(cell.cell == CellAddress("B3") && cell.cause == .wrongRate)
        #expect(cell.lookedUpBy.sorted() == ["Deals|F3", "Deals|F4"])
        #expect(result.errors.count == 3)
    }
}
