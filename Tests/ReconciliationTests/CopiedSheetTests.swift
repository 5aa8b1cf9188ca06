import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A tab named as a copy of another (`Deals (2)`, `Copy of Deals`) and repeating it row for row
/// is a backup: no `duplicate_line` findings, a note instead. A second tab repeating the first
/// under another name is paid twice: its rows are findings. A rep's statement tab whose cells show
/// the master's rows through formulas (`='All deals'!E2`) is a view of them: not paid again.
@Suite struct CopiedSheetTests {
    /// `Deals` and a copy of it named `name`, the copy first when `copyFirst`.
    static func reconcile(copyNamed name: String, copyFirst: Bool = false) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }
        let rows = (2...4).map { n -> [WriteCell] in
            [.text("D\(n)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), .number(500)]
        }
        let total: [WriteCell] = [.text("Total"), .empty, .empty, .empty, .number(1500)]
        let sheets = [("Deals", [header] + rows + [total]), (name, [header] + rows + [total])]
        let path = try LayoutReadingTests.workbook(copyFirst ? sheets.reversed() : sheets, in: folder)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
    }

    @Test(arguments: ["Deals (2)", "Copy of Deals", "Kopie von Deals", "Deals backup"])
    func aTabNamedAsACopyIsABackup(name: String) throws {
        let result = try Self.reconcile(copyNamed: name)
        #expect(result.errors.isEmpty)
        #expect(
            result.mappingNotes.contains("sheet '\(name)': a copy of sheet 'Deals' row for row (3 rows), not compared"))
    }

    /// Excel puts a copy before the sheet it copies.
    @Test func aCopyBeforeItsOriginalIsABackupToo() throws {
        let result = try Self.reconcile(copyNamed: "Deals (2)", copyFirst: true)
        #expect(result.errors.isEmpty)
        #expect(
            result.mappingNotes.contains(
                "sheet 'Deals (2)': a copy of sheet 'Deals' row for row (3 rows), not compared"))
        #expect(result.statement.reps.first?.earned == 1500)
    }

    @Test func aSecondTabNotNamedAsACopyIsPaidTwice() throws {
        let result = try Self.reconcile(copyNamed: "Deals West")
        #expect(result.errors.filter { $0.cause == .duplicateLine && !$0.isDerived }.count == 3)
    }

    /// `All deals` (D2–D4, one wrong), then a statement tab for R1 whose cells are references to
    /// the master's (typed, when `typed`, as the same values), with a total row of its own.
    static func reconcile(statementByReference byReference: Bool) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }
        let rows = (2...4).map { n -> [WriteCell] in
            [
                .text("D\(n)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000),
                .number(n == 3 ? 600 : 500),
            ]
        }
        let shown = (2...4).map { n -> [WriteCell] in
            rows[n - 2].enumerated().map { column, cell in
                guard byReference else { return cell }
                var linked = cell
                linked.formula = "'All deals'!\(["A", "B", "C", "D", "E"][column])\(n)"
                return linked
            }
        }
        let total: [WriteCell] = [
            .text("Total"), .empty, .empty, .empty, WriteCell(.number(1600), formula: "SUM(E2:E4)"),
        ]
        let path = try LayoutReadingTests.workbook(
            [("All deals", [header] + rows), ("Statement R1", [header] + shown + [total])], in: folder)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
    }

    @Test func aStatementShowingTheMastersRowsByReferenceIsNotPaidAgain() throws {
        let result = try Self.reconcile(statementByReference: true)
        #expect(result.errors.map(\.cell.description) == ["E3"])
        #expect(result.errors.first?.sheet == "All deals")
        #expect(
            result.mappingNotes.contains(
                "sheet 'Statement R1': shows rows of sheet 'All deals' through formulas (3 rows), not compared again"))
        #expect(result.statement.reps.first?.earned == 1500)
    }

    /// Typed over, the same rows are a second payment of each deal.
    @Test func aStatementTypingTheMastersRowsIsPaidTwice() throws {
        let result = try Self.reconcile(statementByReference: false)
        #expect(result.errors.filter { $0.cause == .duplicateLine && !$0.isDerived }.count == 3)
    }

    /// `Deals` (D2–D5, D3 paid 600 where the plan pays 500) and a stale copy of it named `name`
    /// (D2–D4 as they stood before D5 closed, D4's amount then 9,000 and its commission 450),
    /// the copy first when `copyFirst`; `extra`: a deal on the copy alone.
    static func reconcile(staleCopyNamed name: String, copyFirst: Bool = false, extra: Bool = false) throws
        -> Reconciliation
    {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission"].map { WriteCell.text($0) }
        func row(_ n: Int, amount: Decimal = 10000, paid: Decimal? = nil) -> [WriteCell] {
            [
                .text("D\(n)"), .text("R1"), LayoutReadingTests.date("2026-01-1\(n)"), .number(amount),
                .number(paid ?? amount / 20),
            ]
        }
        let current = [header] + (2...5).map { row($0, paid: $0 == 3 ? 600 : nil) }
        let stale = [header, row(2), row(3, paid: 600), row(4, amount: 9000)] + (extra ? [row(9)] : [])
        let sheets = [("Deals", current), (name, stale)]
        let path = try LayoutReadingTests.workbook(copyFirst ? sheets.reversed() : sheets, in: folder)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"), roster: [])
    }

    /// A copy kept from an earlier version of the workbook, named so, whose every deal is on the
    /// deals tab: the deals closed since missing from it, a deal's figures as they stood then. It
    /// is not paid, nor compared; the deals tab's own error is found, and the note names the copy.
    @Test(arguments: [("Deals (old)", false), ("OLD Deals", true), ("Deals backup", false)])
    func aStaleCopyNamedAsOneIsNotCompared(name: String, copyFirst: Bool) throws {
        let result = try Self.reconcile(staleCopyNamed: name, copyFirst: copyFirst)
        #expect(result.errors.filter { !$0.isDerived }.map(\.cell) == [CellAddress("E3")])
        #expect(result.errors.allSatisfy { $0.sheet == "Deals" })
        #expect(
            result.mappingNotes.contains(
                "sheet '\(name)': an earlier copy of sheet 'Deals' (its 3 deals all on 'Deals', 2 of its 3 rows as they stand there), not compared"
            ))
        #expect(result.statement.reps.first?.earned == 2000)
    }

    /// A tab named as a copy that holds a deal no other tab holds is read as before: its rows are
    /// paid, the copied ones found again.
    @Test func aCopyHoldingADealOfItsOwnIsRead() throws {
        let result = try Self.reconcile(staleCopyNamed: "Deals (old)", extra: true)
        #expect(!result.mappingNotes.contains { $0.contains("an earlier copy") })
        #expect(result.errors.contains { $0.sheet == "Deals (old)" && $0.cause == .duplicateLine })
    }
}
