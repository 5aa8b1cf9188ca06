import Foundation
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Clawbacks kept on a tab of their own (`Deal ID | Rep | Cancel Date | Clawback`), the cancelled
/// deals among the deals: each row is compared with the plan's clawback of its deal as a clawback
/// row among the deals is, and a clawback no row takes back is found at the deal's cancel date.
@Suite struct ClawbackTabTests {
    static let plan = CauseTests.planText + "\nclawback:\n  statuses: [Cancelled]\n  window_days: 90\n"

    /// D2 and D3 cancelled (paid 500.00 each), D4 won; the tab takes back `taken` of D2 and, when
    /// `both`, all of D3.
    static func reconcile(taken: Decimal, both: Bool) throws -> Reconciliation {
        try reconcile(tabFigures: [.number(-taken)] + (both ? [.number(-500)] : []))
    }

    /// The same deals, the tab taking back D2 (and D3, with a second figure) by `tabFigures`; each
    /// deal's commission written `dealsCommission`.
    static func reconcile(tabFigures: [WriteCell], dealsCommission: WriteCell = .number(500)) throws
        -> Reconciliation
    {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = ["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Status", "Cancel Date"].map {
            WriteCell.text($0)
        }
        let deals =
            [header]
            + (2...4).map { n -> [WriteCell] in
                let cancelled = n < 4
                return [
                    .text("D\(n)"), .text("R1"), LayoutReadingTests.date("2026-01-15"), .number(10000), dealsCommission,
                    .text(cancelled ? "Cancelled" : "Won"), cancelled ? LayoutReadingTests.date("2026-02-10") : .empty,
                ]
            }
        let tab =
            [["Deal ID", "Rep", "Cancel Date", "Clawback"].map { WriteCell.text($0) }]
            + zip(["D2", "D3"], tabFigures).map { deal, figure in
                [.text(deal), .text("R1"), LayoutReadingTests.date("2026-02-10"), figure]
            }
        let path = try LayoutReadingTests.workbook([("Deals", deals), ("Clawbacks", tab)], in: folder)
        return try Reconciler.reconcile(workbook: path, plan: PlanFile.parse(Self.plan, file: "plan.yaml"), roster: [])
    }

    @Test func everyClawbackTakenBackInFullIsClean() throws {
        #expect(try Self.reconcile(taken: 500, both: true).errors.isEmpty)
    }

    @Test func aClawbackTakenByHalfOrNotAtAllIsMissed() throws {
        let result = try Self.reconcile(taken: 250, both: false)
        let found = result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" }.sorted()
        #expect(found == ["Clawbacks!D2 clawback_missed", "Deals!G3 clawback_missed"])
    }

    /// A tab writing what it takes back as positive figures reads them as clawbacks all the same;
    /// a figure that is no number is reported at its cell, not dropped.
    @Test func positiveFiguresAreTakenBackAndAnUnreadableOneIsReported() throws {
        #expect(try Self.reconcile(tabFigures: [.number(500), .number(500)]).errors.isEmpty)
        let half = try Self.reconcile(tabFigures: [.number(250), .number(500)])
        #expect(half.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" } == ["Clawbacks!D2 clawback_missed"])
        let result = try Self.reconcile(tabFigures: [.number(-500), .text("five hundred")])
        let found = result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue)" }.sorted()
        #expect(found.contains("Clawbacks!D3 unreadable"), "\(found)")
    }

    /// A German or Spanish sheet writes its figures as text in its own style (`-500,00`,
    /// `-1.234,56`): read as the deals' number columns are, in the style the column's texts show,
    /// never reported unreadable for it.
    @Test func figuresWrittenWithADecimalCommaAreRead() throws {
        #expect(try Self.reconcile(tabFigures: [.text("-500,00"), .text("-500,00")]).errors.isEmpty)
        let result = try Self.reconcile(tabFigures: [.text("-250,00"), .text("-1.234,56")])
        let found = result.errors.map { "\($0.sheet)!\($0.cell) \($0.cause.rawValue) \($0.manual ?? 0)" }.sorted()
        #expect(found == ["Clawbacks!D2 clawback_missed -250", "Clawbacks!D3 unexplained -1234.56"], "\(found)")
    }

    /// A column whose texts leave the style open is read one way and the reading is said: one
    /// mixing `1,234.56` and `1.234,56`, or one whose every separator is a dot before three digits.
    @Test func aFigureColumnWhoseStyleIsOpenSaysHowItIsRead() throws {
        let mixed = try Self.reconcile(tabFigures: [.text("-500.00"), .text("-1.500,00")])
        #expect(
            mixed.mappingNotes.contains {
                $0.hasSuffix("column 'Clawback' mixes 1,234.56 and 1.234,56 number styles; read as 1,234.56")
            }, "\(mixed.mappingNotes)")
        let grouped = try Self.reconcile(tabFigures: [.text("-1.500"), .text("-2.000")])
        #expect(
            grouped.mappingNotes.contains {
                $0.hasSuffix(
                    "column 'Clawback' writes '-1.500' with one dot before three digits, which reads either way; read with the dot grouping thousands ('-1.500' as -1500), as most of the column is written"
                )
            }, "\(grouped.mappingNotes)")
        #expect(grouped.errors.map { $0.manual ?? 0 }.sorted() == [-2000, -1500])
        let told = try Self.reconcile(tabFigures: [.text("-500,00"), .text("-500")])
        #expect(
            !told.mappingNotes.contains { $0.contains("number styles") || $0.contains("reads either way") },
            "\(told.mappingNotes)")
    }

    /// A tab whose texts tell no style, or as many of one as of the other, is read in the style the
    /// deals' sheet writes its figures in (`500,00`), not with a decimal point regardless: `-1.500`
    /// beside `-500` is -1,500 there.
    @Test func aFigureColumnWhoseStyleIsOpenIsReadAsTheDealsAre() throws {
        let german = WriteCell.text("500,00")
        let unshown = try Self.reconcile(tabFigures: [.text("-500"), .text("-1.500")], dealsCommission: german)
        #expect(unshown.errors.map { "\($0.sheet)!\($0.cell) \($0.manual ?? 0)" } == ["Clawbacks!D3 -1500"])
        #expect(!unshown.mappingNotes.contains { $0.contains("reads either way") }, "\(unshown.mappingNotes)")
        let tied = try Self.reconcile(tabFigures: [.text("-500.5"), .text("-500,00")], dealsCommission: german)
        #expect(
            tied.mappingNotes.contains {
                $0.hasSuffix("column 'Clawback' mixes 1,234.56 and 1.234,56 number styles; read as 1.234,56")
            }, "\(tied.mappingNotes)")
        #expect(!tied.errors.contains { $0.cell == CellAddress("D3") }, "\(tied.errors)")
        // Deals whose texts tell no style leave the tab read as before.
        let plain = try Self.reconcile(tabFigures: [.text("-500"), .text("-1.500")])
        #expect(plain.errors.map { $0.manual ?? 0 } == [Decimal(string: "-1.5")!], "\(plain.errors)")
    }
}
