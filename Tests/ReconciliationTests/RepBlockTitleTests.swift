import Foundation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// Blocks of deals opened by a title naming their rep with a label (`Rep: Ana Lima`, `Sales Rep -
/// Ben Okafor`) or with a count of records (`Opportunity Owner: Ana Lima (2 records)`, as a
/// Salesforce summary report grouped by owner writes it): each block's rows are that rep's, and
/// the title is no row of the header.
@Suite struct RepBlockTitleTests {
    @Test func aTitlesLabelAndCountAreNoPartOfTheName() {
        #expect(RepTitle.name(in: "Opportunity Owner: Ana Lima (12 records)") == "Ana Lima")
        #expect(RepTitle.name(in: "Owner: Ana Lima") == "Ana Lima")
        #expect(RepTitle.name(in: "Sales Rep - Ana Lima") == "Ana Lima")
        #expect(RepTitle.name(in: "Account Rep – Ben Okafor") == "Ben Okafor")
        #expect(RepTitle.name(in: "Vendedor: Ana Lima") == "Ana Lima")
        #expect(RepTitle.name(in: "Ana Lima (3 records)") == "Ana Lima")
        // A bare name stays as it is; a label naming something else names no rep.
        #expect(RepTitle.name(in: "Ana Lima") == nil)
        #expect(RepTitle.name(in: "Account: Globex") == nil)
        #expect(RepTitle.name(in: "Ana Lima (left in May)") == nil)
    }

    /// A deal row of the Salesforce layout: the owner blank, 10,000 or so at 5%.
    static func ownerRow(_ deal: String, _ amount: Decimal) -> [WriteCell] {
        [
            .empty, .text("Account \(deal)"), LayoutReadingTests.date("2026-01-15"), .number(amount), .text(deal),
            .number(amount * Decimal(string: "0.05")!),
        ]
    }

    @Test func aSummaryReportGroupedByOwnerGivesEachGroupsRowsItsOwner() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = [
            "Opportunity Owner", "Opportunity Name", "Close Date", "Amount", "Opportunity ID", "Commission",
        ].map { .text($0) }
        let rows: [[WriteCell]] = [
            header, [.text("Opportunity Owner: Ana Lima (2 records)")], Self.ownerRow("D1", 10000),
            Self.ownerRow("D2", 6000), [.text("Subtotal"), .empty, .empty, .number(16000), .empty, .number(800)],
            [.text("Owner: Ben Okafor (1 record)")], Self.ownerRow("D3", 4000),
            [.text("Subtotal"), .empty, .empty, .number(4000), .empty, .number(200)],
        ]
        let path = try LayoutReadingTests.workbook([("Sheet1", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ben Okafor"])
        #expect(read.totals.map(\.row) == [5, 8])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
    }

    @Test func aTitleRowUnderTheHeaderIsNoSecondHeaderRow() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for first in ["Account", "Notes"] {
            let header: [WriteCell] = [first, "Deal ID", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
            func row(_ deal: String, _ amount: Decimal) -> [WriteCell] {
                [
                    .text("Globex \(deal)"), .text(deal), LayoutReadingTests.date("2026-01-15"), .number(amount),
                    .number(Decimal(string: "0.05")!), .number(amount * Decimal(string: "0.05")!),
                ]
            }
            let rows: [[WriteCell]] = [
                header, [.text("Rep: Ana Lima")], row("D1", 10000), row("D2", 6000), [.text("Sales Rep - Ben Okafor")],
                row("D3", 4000),
            ]
            let path = try LayoutReadingTests.workbook([("March", rows)], in: folder, name: "\(first).xlsx")
            let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
            #expect(read.mapping.headerRow == 1)
            #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ben Okafor"], "\(first)")
            let result = try LayoutReadingTests.reconcile(path, in: folder)
            #expect(result.errors.isEmpty, "\(first): \(result.errors.map { "\($0.cell) \($0.explanation)" })")
        }
    }

    /// A title writing its rep `Last, First` after a label (`Sales rep: Lima, Ana`), each block
    /// under its own title, header and subtotal: the rows are that rep's.
    @Test func aTitlesLastFirstNameAfterALabelNamesTheRep() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        func row(_ deal: String, _ amount: Decimal) -> [WriteCell] {
            [
                .text(deal), LayoutReadingTests.date("2026-01-15"), .number(amount), .number(Decimal(string: "0.05")!),
                .number(amount * Decimal(string: "0.05")!),
            ]
        }
        let rows: [[WriteCell]] = [
            [.text("Commission statement by sales rep")], [], [.text("Sales rep: Lima, Ana")], header,
            row("D1", 10000), row("D2", 6000), [.text("Subtotal"), .empty, .empty, .empty, .number(800)], [],
            [.text("Account Rep – Okafor, Ben")], header, row("D3", 4000),
            [.text("Subtotal"), .empty, .empty, .empty, .number(200)],
        ]
        let path = try LayoutReadingTests.workbook([("By rep", rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ben Okafor"])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
    }
}
