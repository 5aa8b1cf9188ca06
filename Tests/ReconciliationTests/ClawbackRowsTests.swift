import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// Clawbacks kept as rows of the deals sheet (tester4 x64): under the deals, a row per clawback
/// with the deal's id and rep, the cancel date, a clawback status, no amount (or a negative one)
/// and a negative commission. Such a row is the deal's manual clawback, compared with the plan's;
/// a clawback the plan makes that no row takes back is `clawback_missed`.
@Suite struct ClawbackRowsTests {
    /// `SummaryClawbackTests.deals()` (clawbacks of D2 −1,000.00 and D5 −300.00 in Q1, of D3
    /// −400.00 in Q2), then: D2's clawback right, D5's at half with a negative amount, none for D3,
    /// and one for a deal the sheet does not hold.
    /// `words`: the three clawback rows' status; `inType`: written in a `Type` column after the
    /// others instead (the deals' type `New`), the status left empty.
    static func reconcile(
        words: [String] = ["Clawback", "Chargeback", "Claw-back"], inType: Bool = false
    ) throws -> Reconciliation {
        var (name, deals) = SummaryClawbackTests.deals()
        if inType { deals = deals.enumerated().map { $1 + [.text($0 == 0 ? "Type" : "New")] } }
        func clawback(_ deal: String, _ date: String, amount: WriteCell, _ commission: Decimal, _ word: String)
            -> [WriteCell]
        {
            [
                .text(deal), .text("Ana Lima"), LayoutReadingTests.date(date), amount, .empty, .number(commission),
                inType ? .empty : .text(word), .empty,
            ] + (inType ? [.text(word)] : [])
        }
        let rows = [
            clawback("D2", "2026-03-01", amount: .empty, -1000, words[0]),
            clawback("D5", "2026-03-15", amount: .number(-6000), -150, words[1]),
            clawback("D9", "2026-03-20", amount: .empty, -250, words[2]),
        ]
        return try reconcile([(name, deals + rows)])
    }

    /// `sheets` written as a workbook and reconciled against `planText` and the two reps' roster.
    static func reconcile(
        _ sheets: [(String, [[WriteCell]])], planText: String = SummaryClawbackTests.planText
    ) throws -> Reconciliation {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(sheets, in: folder)
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try LayoutReadingTests.roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(planText, file: "plan.yaml"),
            roster: RosterReader.read(TableFile.open(rosterPath)))
    }

    /// The clawback rows marked in English and other languages, in the status column or the type column.
    @Test(arguments: [
        (["Clawback", "Chargeback", "Claw-back"], false), (["Rückbuchung", "Stornierung", "Gutschrift"], false),
        (["Rückforderung", "Storno", "Avoir"], false),
        (["Anulación", "Devolución", "Annulation"], false), (["Rückbuchung", "Reversal", "Storno"], true),
    ])
    func clawbackRowsAreComparedWithThePlansClawbacks(words: [String], inType: Bool) throws {
        let result = try Self.reconcile(words: words, inType: inType)
        let found = result.errors.map { "\($0.cell) \($0.cause.rawValue) \($0.manual ?? 0) \($0.expected)" }.sorted()
        #expect(
            found == [
                // D5's row takes back half of what D5 was paid.
                "F8 clawback_missed -150 -300",
                // The D9 row has no deal to claw back from: reported, not checked.
                "F9 unreadable -250 -250",
                // D3's clawback (Q2) has no row: reported at D3's cancel date, never overwritten.
                "H4 clawback_missed 0 -400",
            ], "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        let missed = try #require(result.errors.first { $0.cell == CellAddress("H4") })
        #expect(missed.isInput && missed.isPay)
        #expect(missed.period?.description == "2026-Q2")
        // D2's right row is no finding, and no clawback row is read as a deal.
        #expect(!result.findings.contains { $0.cell.row == 7 })
        #expect(result.netOverpayment == Decimal(150 + 400))
    }

    /// A row with a clawback word and its own negative amount, of a deal the workbook holds no
    /// other row of, is a credit note: a line the engine prices (5% of −4,000.00 walking the
    /// marginal tiers down), compared like any row, not an `unreadable` clawback. The same kind of
    /// row of a deal the sheet holds (D1's) still takes that deal's commission back by hand.
    @Test(arguments: [(Decimal(-200), nil), (Decimal(-150), "-150 -200")])
    func aCreditNoteOfADealWithNoOtherRowIsALine(commission: Decimal, finding: String?) throws {
        let header: [WriteCell] = [
            "Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission", "Status", "Cancel Date",
        ]
        .map { .text($0) }
        func row(_ deal: String, _ date: String, _ amount: Decimal, _ commission: Decimal, _ status: String)
            -> [WriteCell]
        {
            [
                .text(deal), .text("Ana Lima"), LayoutReadingTests.date(date), .number(amount), .number(0.05),
                .number(commission), .text(status), .empty,
            ]
        }
        let rows = [
            header, row("D1", "2026-01-15", 10000, 500, "Won"),
            row("CN-7", "2026-02-01", -4000, commission, "Gutschrift"),
            row("D8", "2026-02-20", 2000, 100, "Won"), row("D1", "2026-02-25", -10000, -500, "Storno"),
        ]
        let result = try Self.reconcile(
            [("Deals", rows)],
            planText: SummaryClawbackTests.planText.replacingOccurrences(
                of: "  status: [Won]\n", with: "  status: [Won, Gutschrift]\n"))
        let found = result.findings.map { "\($0.cell) \($0.manual ?? 0) \($0.expected)" }
        // D1's Storno row takes back what D1 was paid, though the plan claws back nothing of it.
        #expect(
            found.sorted() == ([finding.map { "F3 \($0)" }].compactMap { $0 } + ["F5 -500 0"]).sorted(),
            "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        #expect(!result.findings.contains { $0.cause == .unreadable })
        let ana = try #require(result.statement.reps.first { $0.rep == "R1" })
        // D1 500 + CN-7 −200 + D8 100; D1's Storno row is no line.
        #expect(ana.earned == 400)
    }

    /// Without the manual cells (`calculate`), a clawback row is still no deal: an unreadable row.
    @Test func calculateStillRefusesARowWithoutAnAmount() throws {
        let (name, deals) = SummaryClawbackTests.deals()
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let row: [WriteCell] = [
            .text("D2"), .text("Ana Lima"), LayoutReadingTests.date("2026-03-01"), .empty, .empty, .number(-1000),
            .text("Clawback"), .empty,
        ]
        let path = try LayoutReadingTests.workbook([(name, deals + [row])], in: folder)
        let table = try DealsReader.readWorkbook(TableFile.open(path))
        #expect(table.clawbackRows.isEmpty)
        #expect(table.skipped.map { DealsTable.sheetRow($0.row) } == [7])
    }

    /// A clawback row's status as teams write it in their languages; a status that takes nothing
    /// back is none.
    @Test func aClawbackStatusIsReadInOtherLanguages() {
        for status in [
            "Clawback", "Charge-back", "Reversed", "Storno", "Rückbelastung", "Anulación", "Estorno", "Rückbuchung",
            "Stornierung", "Rückforderung", "Gutschrift", "Devolución", "Annulation", "Avoir", "AVOIR N° 12",
        ] {
            #expect(ClawbackRow.names(status), "\(status)")
        }
        for status in ["Closed Won", "Cerrada", "Gewonnen", "Renewal", "Savoir-faire", "Neukunde"] {
            #expect(!ClawbackRow.names(status), "\(status)")
        }
    }

    /// A row of one of the plan's clawback statuses with a close date and a later cancel date of
    /// its own is the contract's cancelled line (plan-format.md §9), priced in its close period and
    /// clawed back by the engine, even beside another row of its deal and with a negative amount:
    /// not a hand-kept clawback of that row, which a clawback row is dated by (fuzz seed 4652).
    @Test func aCancelledLineWithItsOwnCancelDateIsALine() throws {
        let rows = [
            Self.header, Self.row(2, "2026-01-15", 10000, "Won", cancel: nil),
            Self.row(3, "2026-04-20", -2000, "Cancelled", cancel: "2026-05-10"),
        ]
        let result = try Self.reconcile([("Deals", rows)])
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == [])
        // Both rows are lines; the second is clawed back in its cancel quarter.
        #expect(result.statement.lines.filter { $0.kind == .clawback }.map(\.row) == [3])
        // Cancelled before its close, it is still the line, which the engine says was cancelled
        // first; dated on its cancel date, it is a clawback row (dated by the cancellation).
        let early = try Self.reconcile([
            ("Deals", [rows[0], rows[1], Self.row(3, "2026-04-20", -2000, "Cancelled", cancel: "2026-04-10")])
        ])
        #expect(early.statement.lines.compactMap(\.row).contains(3))
        #expect(early.statement.issues.contains { $0.rows.contains(3) && $0.code == .cancelBeforeClose })
        let sameDay = try Self.reconcile([
            ("Deals", [rows[0], rows[1], Self.row(3, "2026-04-20", -2000, "Cancelled", cancel: "2026-04-20")])
        ])
        #expect(!sameDay.statement.lines.compactMap(\.row).contains(3))
    }

    /// The same statuses and dates on a copy of the deal's row with its amount and commission
    /// negated (the same close date, the same rep): the team's own reversal of that row, a
    /// clawback row compared with the engine's clawback of the deal, and no line: as a line it
    /// would lower the rep's credit, which a clawback never does (plan-format.md §9).
    @Test func aMirroredCopyOfACancelledRowTakesItsCommissionBack() throws {
        let rows = [
            Self.header, Self.row(2, "2026-01-15", 10000, "Cancelled", cancel: "2026-03-10"),
            Self.row(3, "2026-01-15", -10000, "Cancelled", cancel: "2026-03-10"),
        ]
        let result = try Self.reconcile([("Deals", rows)])
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == [])
        #expect(result.statement.lines.compactMap(\.row).sorted() == [2, 2])
        #expect(result.statement.lines.filter { $0.kind == .clawback }.map(\.row) == [2])
        // Taking back less than the engine's clawback is reported at the copy's commission.
        let short = [
            Self.header, Self.row(2, "2026-01-15", 10000, "Cancelled", cancel: "2026-03-10"),
            Self.row(3, "2026-01-15", -10000, "Cancelled", cancel: "2026-03-10", commission: -250),
        ]
        let found = try Self.reconcile([("Deals", short)]).errors.map { "\($0.cell) \($0.cause.rawValue)" }
        #expect(found == ["F3 clawback_missed"])
    }

    /// A clawback word in the row's type makes it a clawback row whatever its dates: the type says
    /// what the row is.
    @Test func aClawbackTypeKeepsACancelledRowAClawbackRow() throws {
        let rows = [
            Self.header + [.text("Type")], Self.row(2, "2026-01-15", 10000, "Won", cancel: nil) + [.text("New")],
            Self.row(3, "2026-04-20", -2000, "Cancelled", cancel: "2026-05-10") + [.text("Storno")],
        ]
        let result = try Self.reconcile([("Deals", rows)])
        #expect(!result.statement.lines.compactMap(\.row).contains(3))
        // The plan claws back nothing of D1 (its own row is won): the row's clawback is unexplained.
        #expect(result.errors.map { "\($0.cell) \($0.cause.rawValue)" } == ["F3 unexplained"])
    }

    static let header: [WriteCell] = [
        "Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission", "Status", "Cancel Date",
    ]
    .map { .text($0) }

    /// A row of deal D1 for Ana Lima at 5%, its commission `=ROUND(D*E,2)`, or `commission` typed.
    static func row(
        _ number: Int, _ date: String, _ amount: Decimal, _ status: String, cancel: String?,
        commission: Decimal? = nil
    ) -> [WriteCell] {
        [
            .text("D1"), .text("Ana Lima"), LayoutReadingTests.date(date), .number(amount), .number(0.05),
            commission.map { .number($0) }
                ?? WriteCell(.number(amount * 0.05), formula: "ROUND(D\(number)*E\(number),2)"),
            .text(status), cancel.map { LayoutReadingTests.date($0) } ?? .empty,
        ]
    }
}
