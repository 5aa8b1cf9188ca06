import Foundation
import Ingest
import Testing

/// Headers that name a field among other words are read as that field when nothing else claims
/// the column; a column two fields could be, or one whose best name is a field already found, is
/// left alone.
@Suite struct LooseHeaderTests {
    /// The deals table of a CSV file with `header` and one deal row of `values`.
    static func read(_ header: [String], _ values: [String]) throws -> DealsTable {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv")
        try (header.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n")
            .write(to: path, atomically: true, encoding: .utf8)
        return try DealsReader.read(TableFile.open(path.path))
    }

    /// Field name → header, as the table was mapped.
    static func headers(_ table: DealsTable) -> [String: String] {
        Dictionary(uniqueKeysWithValues: table.mapping.headers.map { ($0.key.rawValue, $0.value) })
    }

    @Test func headersThatNameAFieldAmongOtherWordsAreRead() throws {
        let table = try Self.read(
            [
                "Deal #", "Sales Rep Name", "Invoice Date", "Booking Amount (USD)", "Split (%)", "Comm. Rate %",
                "Commission ($)",
            ],
            ["D-1", "Ana Lima", "2026-07-03", "1000", "50%", "5%", "25.00"])
        #expect(
            Self.headers(table) == [
                "deal_id": "Deal #", "rep": "Sales Rep Name", "date": "Invoice Date", "amount": "Booking Amount (USD)",
                "split": "Split (%)", "rate": "Comm. Rate %", "commission": "Commission ($)",
            ])
        #expect(table.lines.count == 1 && table.lines[0].amount == 1000)
        let other = try Self.read(
            ["Invoice #", "Employee", "Close Date", "Net Sales", "Commission %", "Comm. Amount"],
            ["I-1", "Ana Lima", "2026-07-03", "1000", "5%", "50.00"])
        #expect(
            Self.headers(other) == [
                "deal_id": "Invoice #", "rep": "Employee", "date": "Close Date", "amount": "Net Sales",
                "rate": "Commission %", "commission": "Comm. Amount",
            ])
    }

    @Test func aColumnAnotherFieldNamesBetterIsLeftAlone() throws {
        // `Order Date` is a date and `Deal Stage` a status (a field read only by its synonyms),
        // so neither is the deal id.
        let table = try Self.read(
            ["Opportunity Name", "Rep", "Close Date", "Order Date", "Deal Stage", "Amount"],
            ["Acme renewal", "Ana Lima", "2026-07-03", "2026-06-30", "Won", "1000"])
        #expect(Self.headers(table)["deal_id"] == "Opportunity Name")
        #expect(Self.headers(table)["date"] == "Close Date")
        #expect(!Self.headers(table).values.contains("Order Date"))
        #expect(!Self.headers(table).values.contains("Deal Stage"))
        // Two columns that could each be the amount: neither is, and the error says the amount is missing.
        #expect {
            _ = try Self.read(
                ["Deal ID", "Rep", "Date", "Net Sales", "Gross Sales"],
                ["D-1", "Ana Lima", "2026-07-03", "900", "1000"])
        } throws: { error in
            "\(error)".contains("missing amount")
        }
    }
}
