import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A tab per month (`January`, `Feb`…) whose deals have no date column, each tab holding a block
/// per rep (the rep's name on a row of its own, the rep's deals, maybe a subtotal): every row is
/// dated its tab's month and is its block's rep's.
@Suite struct MonthTabBlocksTests {
    static let header: [WriteCell] = ["Deal ID", "Account", "Amount", "Rate", "Commission"].map { .text($0) }

    /// A month's tab: a title naming the year, the header, then per rep a name row, its deals
    /// (5,000 or 10,000 at 5%: a rep's quarter stays under the plan's 50,000 band) and a subtotal;
    /// `repeatHeader` writes the header again under each name, `subtotals` writes them.
    static func tab(
        _ month: Int, title: String?, repeatHeader: Bool, subtotals: Bool
    ) -> [[WriteCell]] {
        var rows: [[WriteCell]] = title.map { [[.text($0)], []] } ?? []
        if !repeatHeader { rows.append(header) }
        for (rep, amounts) in [("Ana Lima", [5000, 10000]), ("Ben Okafor", [10000])] {
            rows.append([.text(rep)])
            if repeatHeader { rows.append(header) }
            let first = rows.count + 1
            for (index, amount) in amounts.enumerated() {
                let deal = "M\(month)-\(rep.prefix(1))\(index + 1)"
                let row = rows.count + 1
                let paid = Decimal(amount) * Decimal(string: "0.05")!
                rows.append([
                    .text(deal), .text("Account \(deal)"), .number(Decimal(amount)), .number(Decimal(string: "0.05")!),
                    CauseTests.formula("\(paid)", "ROUND(C\(row)*D\(row),2)"),
                ])
            }
            if subtotals {
                let total = amounts.reduce(0, +)
                rows.append([
                    .text("Subtotal"), .empty, CauseTests.formula("\(total)", "SUM(C\(first):C\(rows.count))"),
                    .empty,
                    CauseTests.formula("\(Decimal(total) * Decimal(string: "0.05")!)", "SUM(E\(first):E\(rows.count))"),
                ])
            }
            rows.append([])
        }
        return rows
    }

    static func workbook(
        months: [String], title: (String) -> String?, repeatHeader: Bool, subtotals: Bool, in folder: URL
    ) throws -> String {
        try LayoutReadingTests.workbook(
            months.enumerated().map { index, name in
                (name, tab(index + 1, title: title(name), repeatHeader: repeatHeader, subtotals: subtotals))
            }, in: folder)
    }

    @Test(arguments: [false, true])
    func monthTabsOfRepBlocksAreDatedByTheTabAndRepsByTheBlock(repeatHeader: Bool) throws {
        for months in [
            ["January", "February", "March"], ["Jan", "Feb", "Mar"], ["Jan 2026", "Feb 2026", "Mar 2026"],
        ] {
            for subtotals in [false, true] {
                let folder = try LayoutReadingTests.folder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let path = try Self.workbook(
                    months: months, title: { "Commissions \($0) 2026" }, repeatHeader: repeatHeader,
                    subtotals: subtotals,
                    in: folder)
                let result = try LayoutReadingTests.reconcile(path, in: folder)
                let context = "\(months[0]) repeat \(repeatHeader) subtotals \(subtotals)"
                #expect(
                    result.findings.isEmpty,
                    "\(context): \(result.findings.map { "\($0.sheet)!\($0.cell) \($0.cause) \($0.explanation)" })")
                let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
                #expect(read.lines.count == 9, "\(context)")
                for line in read.lines {
                    #expect(
                        line.rep == (line.dealID.contains("-A") ? "Ana Lima" : "Ben Okafor"),
                        "\(context) \(line.dealID)")
                    let month = line.dealID.dropFirst().prefix { $0 != "-" }
                    #expect(line.date.description == "2026-0\(month)-01", "\(context) \(line.dealID)")
                }
            }
        }
    }

    /// Without a year in the tabs' names, their titles or any dated deal, the run stops naming
    /// the tab: never a guess.
    @Test func aMonthTabWithoutAYearAnywhereStopsTheRun() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(
            months: ["January", "February"], title: { _ in nil }, repeatHeader: false, subtotals: true, in: folder)
        #expect {
            try LayoutReadingTests.reconcile(path, in: folder)
        } throws: { error in
            "\(error)".contains("January")
        }
    }
}
