import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A CRM-style deals sheet lists closed-won deals with their close dates beside open ones
/// (`Open`, `Pipeline`, `Negociación`) that have none. Under a plan whose `eligible:` list pays
/// only closed-won deals, an open row earns nothing and counts toward nothing (plan-format.md §3,
/// step 2): the date it lacks decides nothing, so it is read as a row the plan does not pay, not
/// as unreadable. A row the plan would pay that lacks its date stays unreadable.
@Suite struct UnpaidRowsTests {
    static let plan = """
        plan: Closed won only
        period: quarter
        eligible:
          status: [Closed Won]
        commission:
          tiers:
            metric: amount
            basis: per_deal
            mode: retroactive
            table:
              - { from: 0, rate: 5% }
        clawback:
          statuses: [Rescinded, Void]
          window_days: 90
        """

    /// Rows 2 and 6 closed-won and dated (500.00 each); open rows 3–5 without a close date (one
    /// without an amount, one paying `N/A`); row 7 closed-won without its date; row 8 open without
    /// a date but paid 250.00 by the sheet.
    static func workbook(in folder: URL) throws -> String {
        let header: [WriteCell] = ["Opportunity", "Owner", "Close Date", "Amount", "Stage", "Commission"].map {
            .text($0)
        }
        func row(_ deal: String, _ date: String?, _ amount: WriteCell, _ stage: String, _ commission: WriteCell)
            -> [WriteCell]
        {
            [
                .text(deal), .text("Ana Lima"), date.map(LayoutReadingTests.date) ?? .empty, amount, .text(stage),
                commission,
            ]
        }
        let rows: [[WriteCell]] = [
            header,
            row("D1", "2026-01-15", .number(10000), "Closed Won", .number(500)),
            row("D2", nil, .number(40000), "Negotiation", .empty),
            row("D3", nil, .empty, "Pipeline", .number(0)),
            row("D4", nil, .number(15000), "Negociación", .text("N/A")),
            row("D5", "2026-02-10", .number(10000), "closed won", .number(500)),
            row("D6", nil, .number(20000), "Closed Won", .number(1000)),
            row("D7", nil, .number(5000), "Open", .number(250)),
        ]
        return try LayoutReadingTests.workbook([("Opportunities", rows)], in: folder)
    }

    @Test func openRowsWithoutACloseDateAreRowsThePlanDoesNotPay() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(in: folder)
        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [])
        // Only the closed-won row without its date, and the open row the sheet pays, are unreadable.
        #expect(
            result.findings.map { "\($0.cell) \($0.cause.rawValue)" }.sorted() == ["C7 unreadable", "C8 unreadable"],
            "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")

        // `calculate` reads them as lines that earn nothing, reported as `not_eligible`.
        let table = try DealsReader.readWorkbook(TableFile.open(path), plan: plan)
        #expect(table.unpaid.map { DealsTable.sheetRow($0.row) } == [3, 4, 5])
        #expect(table.unpaid.map(\.issue.code) == [.notEligible, .notEligible, .notEligible])
        #expect(table.skipped.map { DealsTable.sheetRow($0.row) } == [7, 8])
        #expect(table.lines.map(\.dealID) == ["D1", "D5"])
    }

    /// Without an `eligible:` list every status is paid: an open row without a date is unreadable.
    @Test func aPlanPayingEveryStatusLeavesADatelessRowUnreadable() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(in: folder)
        let everyStatus = Self.plan.replacingOccurrences(of: "eligible:\n  status: [Closed Won]\n", with: "")
        let plan = try PlanFile.parse(everyStatus, file: "plan.yaml")
        let table = try DealsReader.readWorkbook(TableFile.open(path), plan: plan)
        #expect(table.unpaid.isEmpty)
        #expect(table.skipped.map { DealsTable.sheetRow($0.row) } == [3, 4, 5, 7, 8])
    }

    /// A CSV export read with the plan's statuses, as `calculate` reads one.
    @Test func aCSVExportsOpenRowsAreNotEligible() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deals.csv").path
        try """
        deal_id,rep,date,amount,status
        D1,Ana Lima,2026-01-15,10000,Closed Won
        D2,Ana Lima,,40000,Open
        D3,Ana Lima,TBD,,Qualification
        D4,Ana Lima,,8000,Closed Won

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let statuses = StatusRule(eligible: ["Closed Won"], clawback: [])
        let table = try DealsReader.read(TableFile.open(path), statuses: statuses)
        #expect(table.unpaid.map(\.dealID) == ["D2", "D3"])
        #expect(table.skipped.map(\.dealID) == ["D4"])
    }
}

/// A plan that names its own clawback statuses (`clawback.statuses: [Rescinded, Void]`): rows of
/// the deals sheet with those words, no amount and a negative commission are the deals' manual
/// clawbacks, as rows saying `Clawback` are.
@Suite struct PlanClawbackStatusRowsTests {
    @Test func thePlansClawbackStatusesMarkClawbackRows() throws {
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Commission", "Status", "Cancel Date"]
            .map { .text($0) }
        func deal(_ id: String, _ date: String, _ amount: Decimal, _ status: String, cancel: String?) -> [WriteCell] {
            [
                .text(id), .text("Ana Lima"), LayoutReadingTests.date(date), .number(amount),
                .number(amount * Decimal(string: "0.05")!), .text(status),
                cancel.map(LayoutReadingTests.date) ?? .empty,
            ]
        }
        func clawback(_ id: String, _ date: String, _ commission: Decimal, _ status: String) -> [WriteCell] {
            [
                .text(id), .text("Ana Lima"), LayoutReadingTests.date(date), .empty, .number(commission), .text(status),
                .empty,
            ]
        }
        let rows: [[WriteCell]] = [
            header,
            deal("D1", "2026-01-15", 10000, "Closed Won", cancel: nil),
            deal("D2", "2026-01-20", 20000, "Rescinded", cancel: "2026-02-20"),
            deal("D3", "2026-02-01", 8000, "Void", cancel: "2026-03-01"),
            // D2's clawback taken in full; D3's at half.
            clawback("D2", "2026-02-20", -1000, "Rescinded"),
            clawback("D3", "2026-03-01", -200, "void"),
        ]
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
        let plan = try PlanFile.parse(UnpaidRowsTests.plan, file: "plan.yaml")
        let result = try Reconciler.reconcile(workbook: path, plan: plan, roster: [])
        #expect(
            result.errors.map { "\($0.cell) \($0.cause.rawValue) \($0.manual ?? 0) \($0.expected)" } == [
                "E6 clawback_missed -200 -400"
            ], "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")

        let table = try DealsReader.readWorkbook(TableFile.open(path), manualCells: .values, plan: plan)
        #expect(table.clawbackRows.map(\.dealID) == ["D2", "D3"])
        // The reader's own words do not know `Rescinded`: without the plan's, the rows are unreadable.
        let alone = try DealsReader.readWorkbook(TableFile.open(path), manualCells: .values)
        #expect(alone.clawbackRows.isEmpty)
    }
}

/// A deals sheet with the amount in two currencies (`Amount (EUR)` and `Amount (USD)`, or a plain
/// `Amount` in each row's own `Currency` beside `Amount USD`): the column naming the plan's
/// currency is the amount, and the mapping notes say so; a plan in neither currency leaves the
/// choice to the user, as before.
@Suite struct AmountInThePlansCurrencyTests {
    static func plan(currency: String) throws -> Plan {
        try PlanFile.parse("currency: \(currency)\n" + CauseTests.planText, file: "plan.yaml")
    }

    static func workbook(_ headers: [String], in folder: URL) throws -> String {
        let rows: [[WriteCell]] = [
            (["Deal ID", "Rep", "Close Date"] + headers + ["Commission"]).map { .text($0) },
            [.text("D1"), .text("Ana Lima"), LayoutReadingTests.date("2026-01-15")]
                + headers.map { header -> WriteCell in
                    header == "Currency" ? .text("EUR") : header.contains("USD") ? .number(10000) : .number(9000)
                } + [.number(500)],
        ]
        return try LayoutReadingTests.workbook([("Deals", rows)], in: folder)
    }

    @Test(arguments: [["Amount (EUR)", "Amount (USD)"], ["Amount", "Currency", "Amount USD"]])
    func theColumnInThePlansCurrencyIsTheAmount(_ headers: [String]) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(headers, in: folder)
        let result = try Reconciler.reconcile(workbook: path, plan: Self.plan(currency: "USD"), roster: [])
        #expect(result.findings.isEmpty, "\(result.findings.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        let usd = try #require(headers.first { $0.contains("USD") })
        #expect(
            result.mappingNotes.contains { $0.contains("amount: '\(usd)' read, in the plan's currency") },
            "\(result.mappingNotes)")

        let table = try DealsReader.read(TableFile.open(path), currency: "usd")
        #expect(table.lines.map(\.amount) == [10000])
    }

    @Test func aPlanInNeitherCurrencyLeavesTheChoiceToThePins() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.workbook(["Amount (EUR)", "Amount (USD)"], in: folder)
        #expect(throws: (any Error).self) { try DealsReader.read(TableFile.open(path), currency: "GBP") }
        #expect(throws: (any Error).self) { try DealsReader.read(TableFile.open(path)) }
    }
}
