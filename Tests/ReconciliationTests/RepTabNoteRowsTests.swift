import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A row of free text among or under a rep tab's deals (`Note: March adjusted per VP`, `* split
/// with Ben`, `Approved by J. Smith 02/04`): no deal, no refusal and no finding, but a row the
/// report lists as left out. The tab gives every row its rep, so a note is told from a deal by
/// what it holds, never by its rep.
@Suite struct RepTabNoteRowsTests {
    static let notes = ["Note: March adjusted per VP", "* split with Ben", "Approved by J. Smith 02/04"]

    /// A tab of three deals with `notes` between and under them, in `column` (0 the deal id's).
    static func tab(notesIn column: Int) -> [[WriteCell]] {
        func note(_ text: String) -> [WriteCell] { Array(repeating: .empty, count: column) + [.text(text)] }
        let header: [WriteCell] = ["Deal ID", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        return [
            header, LayoutReadingTests.tabRow("D1", 2), note(notes[0]), LayoutReadingTests.tabRow("D2", 4),
            note(notes[1]), LayoutReadingTests.tabRow("D3", 6),
            [.text("Total"), .empty, .empty, .empty, CauseTests.formula("1500", "SUM(E2:E6)")], [], note(notes[2]),
        ]
    }

    @Test(arguments: [0, 1, 2])
    func notesOnARepTabAreRowsLeftOutAndNoFindings(column: Int) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Ana Lima", Self.tab(notesIn: column))], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(result.statement.lineGroups.joined().compactMap(\.dealID).sorted() == ["D1", "D2", "D3"])
        // No deal row is left out: a payroll from the statement misses nothing.
        #expect(result.skippedRows.isEmpty)
        let skipped = result.mappingNotes.filter { $0.hasPrefix("skipped:") }
        #expect(skipped.count == 3, "\(result.mappingNotes)")
        for (row, text) in zip([3, 5, 9], Self.notes) {
            let cell = "\(["A", "B", "C"][column])\(row)"
            #expect(
                skipped.contains { $0.contains(cell) && $0.contains("a note, not a deal ('\(text)')") }, "\(skipped)")
        }
    }

    /// A deal under the same tab whose amount cannot be read is still a finding.
    @Test func aDealWithoutItsAmountOnARepTabIsStillUnreadable() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = Self.tab(notesIn: 0)
        rows.append([.text("D4"), LayoutReadingTests.date("2026-01-20"), .text("ten thousand"), .empty, .number(500)])
        let path = try LayoutReadingTests.workbook([("Ana Lima", rows)], in: folder)
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell.row) \($0.cause)" }.contains("10 unreadable"))
    }
}
