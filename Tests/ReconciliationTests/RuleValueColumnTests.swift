import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import TestSupport
import Testing
import XLSX

/// A column the plan's rules read (the product a SPIFF pays on), under a header no word names
/// (`Prod.`, `Gamme`, `Offering`): read by its abbreviation, or by its values naming what the
/// rules name, so that no SPIFF is called not due for want of a product.
@Suite struct RuleValueColumnTests {
    static let plan = try! PlanFile.parse(
        PlanTexts.flat("Products") + """

            bonuses:
              - name: Cloud SPIFF
                per_deal: 200
                when: { product: Cloud }
            """, file: "plan.yaml")

    /// The deals sheet with `header` over two rows (Cloud, then Services) in its fifth column,
    /// read as `reconcile` reads it.
    static func read(productHeader: String, extra: (header: String, values: [String])? = nil) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var header = ["Deal ID", "Rep", "Close Date", "Amount", productHeader, "Commission", "SPIFF"]
        if let extra { header.append(extra.header) }
        let rows = [("D1", "Cloud", 200), ("D2", "Services", 0)].enumerated().map { index, deal in
            [
                .text(deal.0), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
                .text(deal.1), .number(500), .number(Decimal(deal.2)),
            ] + (extra.map { [WriteCell.text($0.values[index])] } ?? [])
        }
        let path = try LayoutReadingTests.workbook([("Deals", [header.map { .text($0) }] + rows)], in: folder)
        return try DealsReader.readWorkbook(
            TableFile.open(path), manualCells: .values, knownReps: ["Ana Lima"], plan: plan)
    }

    @Test(arguments: ["Prod.", "Product Family", "Gamme", "Offering", "Línea de producto"])
    func theProductIsReadUnderAnyHeaderItsValuesTell(header: String) throws {
        let table = try Self.read(productHeader: header)
        #expect(table.lines.map(\.product) == ["Cloud", "Services"])
        #expect(table.mapping.headers[.product] == header)
        // Only a header no word names was found by its values, and the report says so.
        #expect(table.mapping.foundByValues == (header == "Offering" ? [.product] : []))
    }

    /// A column named the product is it, though another holds the plan's product names too; two
    /// unnamed columns holding them are neither.
    @Test func aNamedColumnWinsAndTwoUnnamedOnesAreNeither() throws {
        let named = try Self.read(productHeader: "Product", extra: ("Segment", ["Cloud", "Cloud"]))
        #expect(named.mapping.headers[.product] == "Product")
        let two = try Self.read(productHeader: "Offering", extra: ("Segment", ["Cloud", "Cloud"]))
        #expect(two.mapping.headers[.product] == nil)
        #expect(two.lines.map(\.product) == [nil, nil])
    }
}
