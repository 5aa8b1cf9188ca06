import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// A printout pasted back into a sheet: a footer after each page (`Page 1 of 2` at the left,
/// `Printed 03/01/2027` under the dates) and the header again. The footers are notes, not deals,
/// and a print stamp's date is no deal's date: it settles no date order.
@Suite struct PageFooterRowsTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }

    /// A deal of Ana Lima's on sheet row `row`: 10,000 at 5% (`=ROUND(D*E,2)`), 500.00.
    static func deal(_ id: String, _ row: Int) -> [WriteCell] {
        [
            .text(id), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15"), .number(10000),
            .number(Decimal(string: "0.05")!), CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
        ]
    }

    @Test func pageMarksAndPrintStampsArePageFurniture() {
        for text in [
            "Page 1 of 2", "Seite 3 von 7", "Página 2 de 5", "Pag. 4", "Printed 03/01/2027", "Gedruckt am 1.3.2027",
        ] {
            #expect(NoteRow.isPageFurniture(text), "\(text)")
        }
        for text in ["Page views", "Pagina web", "D-17", "Printed"] {
            #expect(!NoteRow.isPageFurniture(text), "\(text)")
        }
    }

    @Test func aPrintoutsFootersAndRepeatedHeadersAreNoDeals() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = Self.header
        let deal = Self.deal
        let footer: [WriteCell] = [.text("Page 1 of 2"), .empty, .text("Printed 03/01/2027")]
        let rows: [[WriteCell]] = [header, deal("D1", 2), deal("D2", 3), footer, [], header, deal("D3", 7)]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lineGroups.joined().compactMap(\.dealID).sorted() == ["D1", "D2", "D3"])
    }
}
