import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Blocks of deals per rep, the rep written on a block's first row only, each block closed by a
/// subtotal row (labelled, unlabelled, or a `SUM` over one row when the block holds one deal)
/// and maybe a blank row: every deal is its block's rep's, every subtotal a total of its block.
@Suite struct BlockSubtotalTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    /// A deal row at 5% on sheet row `row`: `rep` nil leaves the rep cell blank.
    static func deal(_ deal: String, _ rep: String?, _ amount: Decimal, row: Int) -> [WriteCell] {
        let commission = amount * Decimal(string: "0.05")!
        return [
            .text(deal), rep.map { .text($0) } ?? .empty, LayoutReadingTests.date("2026-01-15"), .number(amount),
            .number(Decimal(string: "0.05")!), CauseTests.formula("\(commission)", "ROUND(D\(row)*E\(row),2)"),
        ]
    }

    /// A subtotal over rows `from`–`to`: `label` in the rep column (nil: no label), the amount and
    /// commission as `SUM`s.
    static func subtotal(_ label: String?, from: Int, to: Int, amount: Decimal) -> [WriteCell] {
        [
            .empty, label.map { .text($0) } ?? .empty, .empty, CauseTests.formula("\(amount)", "SUM(D\(from):D\(to))"),
            .empty, CauseTests.formula("\(amount * Decimal(string: "0.05")!)", "SUM(F\(from):F\(to))"),
        ]
    }

    /// The blocks `rows` writes unless told: Ana's of three deals, Ben's of one, Ana's of one
    /// again, Ben's of two.
    static let blocks: [(String, [(String, Decimal)])] = [
        ("Ana Lima", [("D1", 10000), ("D2", 20000), ("D3", 4000)]), ("Ben Okafor", [("D4", 6000)]),
        ("Ana Lima", [("D5", 8000)]), ("Ben Okafor", [("D6", 2000), ("D7", 3000)]),
    ]

    /// `blocks`, each closed by a subtotal labelled `label(rep)` and a blank row when `blank`.
    static func rows(
        label: (String) -> String?, blank: Bool, blocks: [(String, [(String, Decimal)])] = blocks
    ) -> [[WriteCell]] {
        var rows: [[WriteCell]] = [header]
        func block(_ rep: String, _ deals: [(String, Decimal)]) {
            let first = rows.count + 1
            for (index, (id, amount)) in deals.enumerated() {
                rows.append(Self.deal(id, index == 0 ? rep : nil, amount, row: rows.count + 1))
            }
            let total = deals.map(\.1).reduce(0, +)
            rows.append(Self.subtotal(label(rep), from: first, to: rows.count, amount: total))
            if blank { rows.append([]) }
        }
        for (rep, deals) in blocks { block(rep, deals) }
        return rows
    }

    @Test(arguments: [false, true])
    func filledDownBlocksWithSubtotalsAreTheirRepsDeals(blank: Bool) throws {
        let labels: [(String) -> String?] = [{ "\($0) Total" }, { _ in "Subtotal" }, { _ in nil }, { $0 }]
        for (index, label) in labels.enumerated() {
            let folder = try LayoutReadingTests.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let rows = Self.rows(label: label, blank: blank)
            let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
            let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
            #expect(read.lines.map(\.dealID) == ["D1", "D2", "D3", "D4", "D5", "D6", "D7"], "label \(index)")
            #expect(
                read.lines.map(\.rep) == [
                    "Ana Lima", "Ana Lima", "Ana Lima", "Ben Okafor", "Ana Lima", "Ben Okafor", "Ben Okafor",
                ], "label \(index)")
            #expect(read.totals.count == 4, "label \(index): \(read.totals.map(\.row))")
            let result = try LayoutReadingTests.reconcile(path, in: folder)
            #expect(
                result.findings.isEmpty,
                "label \(index), blank \(blank): \(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        }
    }

    /// Blocks of one deal mostly, so that few rep cells are blank: the blocks' subtotals (or blank
    /// rows) show where each begins, and each names its rep on its first row only.
    @Test(arguments: [false, true])
    func blocksOfOneDealMostlyAreStillFilledDown(blank: Bool) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocks: [(String, [(String, Decimal)])] = [
            ("Ana Lima", [("D1", 10000)]), ("Ben Okafor", [("D2", 6000)]), ("Ana Lima", [("D3", 8000)]),
            ("Ben Okafor", [("D4", 2000)]), ("Ana Lima", [("D5", 3000), ("D6", 4000)]),
        ]
        let path = try LayoutReadingTests.workbook(
            [("Deals", Self.rows(label: { _ in "Subtotal" }, blank: blank, blocks: blocks))], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.rep).last == "Ana Lima")
        #expect(read.skipped.isEmpty)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
    }

    /// A sheet writing its rep on every row of a block, one row missing it, keeps that row
    /// `unreadable`: its blocks are no blocks written on their first row only.
    @Test func aBlockWritingItsRepOnEveryRowKeepsABlankOneUnreadable() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows: [[WriteCell]] = [Self.header]
        for (deal, rep) in [("D1", "Ana Lima"), ("D2", "Ana Lima"), ("D3", nil), ("D4", "Ana Lima")] {
            rows.append(Self.deal(deal, rep, 10000, row: rows.count + 1))
        }
        rows.append(Self.subtotal("Subtotal", from: 2, to: 5, amount: 40000))
        rows.append(Self.deal("D5", "Ben Okafor", 10000, row: rows.count + 1))
        rows.append(Self.subtotal("Subtotal", from: 7, to: 7, amount: 10000))
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.skipped.map(\.row) == [4])
    }

    /// A block of one deal under a rep tab, closed by `=SUM(E3:E3)`: a total of that row, not a
    /// second deal, and not counted twice.
    @Test func aSumOverOneRowIsASubtotal() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let rows: [[WriteCell]] = [
            header, Self.deal("D1", "Ana Lima", 10000, row: 2),
            [
                .empty, .empty, .empty, CauseTests.formula("10000", "SUM(D2:D2)"), .empty,
                CauseTests.formula("500", "SUM(F2:F2)"),
            ],
            Self.deal("D2", "Ben Okafor", 4000, row: 4),
            [.empty, .empty, .empty, .empty, .empty, CauseTests.formula("250", "SUM(F4:F4)")],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.dealID) == ["D1", "D2"])
        #expect(read.totals.map(\.row) == [3, 5])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        // Ben's subtotal says 250 for his one row of 200: a wrong total (its SUM gives 200).
        #expect(result.errors.map { "\($0.cell)" } == ["F5"], "\(result.errors.map { "\($0.cell) \($0.cause)" })")
    }
}
