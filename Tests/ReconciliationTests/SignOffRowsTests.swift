import Foundation
import Reconciliation
import Spreadsheet
import Testing
import XLSX

@testable import Ingest

/// A sign-off block under the deals, written across the first columns whatever their headers
/// (`Prepared by: | J. Smith | Date: | 03/09/2026`, `Approved by: | Ana Lima | Date: | …`): a
/// form's fields, a note, not a deal with a text amount and a date in the rep's column.
@Suite struct SignOffRowsTests {
    @Test func aFormsLabelsAndValuesAreANote() {
        func row(_ values: [CellValue]) -> Row {
            Row(index: 9, cells: values.enumerated().map { Cell(column: $0.offset + 1, value: $0.element) })
        }
        #expect(
            NoteRow.formText(of: row([.text("Prepared by:"), .text("J. Smith"), .text("Date:"), .text("03/09/2026")]))?
                .text == "Prepared by: J. Smith · Date: 03/09/2026")
        #expect(NoteRow.formText(of: row([.text("Approved by:"), .text("Ana Lima")])) != nil)
        // A label's figure is a total's, and a deal's cells are no labels.
        #expect(NoteRow.formText(of: row([.text("Total:"), .number(1500)])) == nil)
        // Whatever its format: `[Red]` holds a `d`, and a date's serial is read as a date already.
        let red = Cell(column: 2, value: .number(-1500), numberFormat: "#,##0.00;[Red]-#,##0.00")
        #expect(NoteRow.formText(of: Row(index: 9, cells: [Cell(column: 1, value: .text("Total:")), red])) == nil)
        #expect(NoteRow.formText(of: row([.text("D1"), .text("Ana Lima"), .text("Date:")])) == nil)
    }

    @Test func aSignOffBlockUnderTheDealsIsNoFinding() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Amount", "Close Date", "Rep", "Rate", "Commission"].map { .text($0) }
        func deal(_ id: String, _ row: Int) -> [WriteCell] {
            [
                .text(id), .number(10000), LayoutReadingTests.date("2026-01-15"), .text("Ana Lima"),
                .number(Decimal(string: "0.05")!), CauseTests.formula("500", "ROUND(B\(row)*E\(row),2)"),
            ]
        }
        let rows: [[WriteCell]] = [
            header, deal("D1", 2), deal("D2", 3), [],
            [
                .text("Prepared by:"), .text("J. Smith (Sales Ops)"), .text("Date:"),
                LayoutReadingTests.date("2026-04-09"),
            ],
            [.text("Approved by:"), .text("Ana Lima"), .text("Date:"), LayoutReadingTests.date("2026-04-10")],
        ]
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lineGroups.joined().compactMap(\.dealID).sorted() == ["D1", "D2"])
    }
}
