import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Total rows labelled in more languages than the six (`Subtotaal Ana`, `Eindtotaal`, `Razem`),
/// with a count of their records (`Grand Totals (3 records)`), or with a word trueup does not know
/// (`Kokku`) over a `SUM` of the rows above: totals compared as totals, never unreadable deals.
@Suite struct TotalRowLanguageTests {
    static let header: [WriteCell] = ["Dealnummer", "Verkoper", "Sluitingsdatum", "Bedrag", "Commissie"].map {
        .text($0)
    }

    /// A deal row at 5% on sheet row `row`: 10,000 gives 500.
    static func row(_ deal: String, _ rep: String, _ row: Int) -> [WriteCell] {
        [
            .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(10000),
            CauseTests.formula("500", "ROUND(D\(row)*0.05,2)"),
        ]
    }

    static func total(_ label: String, _ value: String, _ formula: String) -> [WriteCell] {
        [.text(label), .empty, .empty, .empty, CauseTests.formula(value, formula)]
    }

    @Test func dutchSubtotalsAndGrandTotalAreTotalsAndOneMissingARowIsASumRange() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows: [[WriteCell]] = [
            Self.header, Self.row("D1", "Ana Lima", 2), Self.row("D2", "Ana Lima", 3), Self.row("D3", "Ana Lima", 4),
            // Ana's subtotal leaves out her last deal.
            Self.total("Subtotaal Ana", "1000", "SUM(E2:E3)"), Self.row("D4", "Ben Okafor", 6),
            Self.total("Subtotaal Ben", "500", "SUM(E6:E6)"), Self.total("Eindtotaal", "1500", "E5+E7"),
        ]
        let path = try LayoutReadingTests.workbook([("Maart", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        let finding = try #require(result.errors.first { $0.cell.description == "E5" })
        #expect(finding.cause == .sumRange)
        #expect(!result.findings.contains { $0.cause == .unreadable })
        let notes = result.mappingNotes.joined(separator: "\n")
        #expect(notes.contains("total rows 5 ('Subtotaal Ana'), 7 ('Subtotaal Ben'), 8 ('Eindtotaal')"), "\(notes)")
    }

    @Test func aTotalWithACountOrAnUnknownWordOverASumIsATotal() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, label) in ["Grand Totals (3 records)", "Razem", "Totalt", "Kokku"].enumerated() {
            let rows: [[WriteCell]] = [
                Self.header, Self.row("D1", "Ana Lima", 2), Self.row("D2", "Ana Lima", 3),
                Self.row("D3", "Ben Okafor", 4), Self.total(label, "1500", "SUM(E2:E4)"),
            ]
            let path = try LayoutReadingTests.workbook([("Maart", rows)], in: folder, name: "\(index).xlsx")
            let result = try LayoutReadingTests.reconcile(path, in: folder)
            #expect(result.findings.filter(\.isError).isEmpty, "\(label): \(result.findings.map(\.explanation))")
            #expect(result.mappingNotes.contains { $0.contains("total rows 5 ('\(label)')") }, "\(label)")
        }
    }

    /// tester7 failure 3: the commission in the first column and a total before its label
    /// (`2800 | Total`, typed or a `SUM`): the label is the row's first text with a letter, so the
    /// row is a total, not a deal row with no deal id.
    @Test func aTotalWhoseFigureStandsBeforeItsLabelIsATotal() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Commission", "Notes", "Deal ID", "Rep", "Close Date", "Amount"].map { .text($0) }
        func deal(_ id: String, _ rep: String) -> [WriteCell] {
            [.number(500), .empty, .text(id), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(10000)]
        }
        for figure in [WriteCell.number(1500), CauseTests.formula("1500", "SUM(A2:A4)")] {
            let rows: [[WriteCell]] = [
                header, deal("D1", "Ana Lima"), deal("D2", "Ana Lima"), deal("D3", "Ben Okafor"),
                [figure, .text("Total")],
            ]
            let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
            let result = try LayoutReadingTests.reconcile(path, in: folder)
            #expect(result.findings.filter(\.isError).isEmpty, "\(figure): \(result.findings.map(\.explanation))")
            #expect(result.mappingNotes.contains { $0.contains("total rows 5 ('Total')") }, "\(result.mappingNotes)")
        }
        // A dated deal row that lost its deal id, its note a customer named `Total Wine & More`,
        // is no total: it stays a row that cannot be read.
        let lost: [[WriteCell]] = [
            header, deal("D1", "Ana Lima"), deal("D2", "Ana Lima"),
            [
                .number(500), .text("Total Wine & More"), .empty, .text("Ben Okafor"),
                LayoutReadingTests.date("2026-01-15"), .number(10000),
            ],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", lost)], in: folder, name: "lost.xlsx")
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(
            result.findings.contains { $0.cause == .unreadable && $0.cell.row == 4 },
            "\(result.findings.map(\.explanation))")
    }

    /// tester7 failure 2: a typed Total over rows one of which names a rep on no roster (a
    /// `wrong_rep` row that earns nothing): the Total is wrong through that row and the other wrong
    /// row, a derived total counted once in the headline, not `unexplained` beside them.
    @Test func aTypedTotalOverARowOfAnUnknownRepIsWrongThroughIt() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func deal(_ id: String, _ rep: String, _ commission: Decimal) -> [WriteCell] {
            [.text(id), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(commission)]
        }
        let rows: [[WriteCell]] = [
            Self.header, deal("D1", "Ana Lima", 500), deal("D2", "Kevin Osterberg", 500), deal("D3", "Ben Okafor", 600),
            [.text("Summe"), .empty, .empty, .empty, .number(1600)],
        ]
        let path = try LayoutReadingTests.workbook([("Maart", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(
            result.errors.map(\.cell.description).sorted() == ["E3", "E4", "E5"], "\(result.errors.map(\.explanation))")
        let total = try #require(result.errors.first { $0.cell.description == "E5" })
        #expect(total.cause != .unexplained && total.isDerived, "\(total.explanation)")
        #expect(Set(total.precedents.map(\.cell.description)) == ["E3", "E4"])
        #expect(result.netOverpayment == 600)
    }
}
