import Commission
import Foundation
import Hummingbird
import HummingbirdTesting
import Ledger
import Server
import Spreadsheet
import TestSupport
import Testing

/// `serve --ledger`: the ledger's pages, closing and reopening a period through the forms (and
/// every refusal the command line makes), the true-ups and the payroll file against the ledger.
@Suite struct LedgerRouteTests {
    /// A server with a ledger in a folder of its own (removed by `cleanUp`).
    static func serverWithLedger() throws -> (TrueupServer, ledger: String) {
        let folder = Scratch.folder.appendingPathComponent("trueup-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ledger = folder.appendingPathComponent("payouts.ledger").path
        return (try ServerFixtures.server(ServerConfiguration(ledger: ledger)), ledger)
    }

    static func cleanUp(_ server: TrueupServer, _ ledger: String) {
        server.removeFiles()
        try? FileManager.default.removeItem(atPath: (ledger as NSString).deletingLastPathComponent)
    }

    @Test func withoutALedgerItsPagesAreAbsent() async throws {
        let server = try ServerFixtures.server()
        defer { server.removeFiles() }
        try await Application(router: server.router()).test(.router) { client in
            let browser = try await Browser.start(client)
            let upload = try await browser.get("/")
            #expect(!upload.text.contains("href=\"/ledger\""))
            #expect(!upload.text.contains("href=\"/trueups\""))
            for path in ["/ledger", "/ledger/2026-Q3", "/trueups"] {
                #expect(try await browser.get(path).status == .notFound, "\(path)")
            }
            let close = try await browser.postForm("/ledger/close", [("period", "2026-Q3"), ("approved_by", "Dana")])
            #expect(close.status == .notFound)
        }
    }

    @Test func aPeriodClosedInTheBrowserIsListedAndShownAsPaid() async throws {
        let (server, ledger) = try Self.serverWithLedger()
        defer { Self.cleanUp(server, ledger) }
        try await Application(router: server.router()).test(.router) { client in
            let browser = try await Browser.start(client)
            let start = try await browser.get("/ledger")
            #expect(start.text.contains("href=\"/ledger\" aria-current=\"page\""))
            #expect(start.text.contains("No closed period yet"))
            #expect(start.text.contains("to close a period on them"))
            #expect(try await browser.get("/trueups").text.contains("Nothing uploaded yet"))

            _ = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            let form = try await browser.get("/ledger")
            #expect(form.text.contains("action=\"/ledger/close\""))
            #expect(form.text.contains("<option value=\"2026-Q3\" selected>2026-Q3</option>"))

            let closed = try await browser.postForm(
                "/ledger/close", [("period", "2026-Q3"), ("approved_by", "Dana Ops"), ("note", "Q3 run")])
            #expect(closed.status == .seeOther)
            #expect(closed.headers[.location] == "/ledger/2026-Q3")

            // What the pages show is what the ledger holds.
            let file = try LedgerFile(path: ledger, creating: false)
            #expect(try file.verify().isIntact)
            let status = try #require(try file.periodStatuses().first)
            #expect(status.period == "2026-Q3" && status.isClosed && status.close.actor == "Dana Ops")
            let paid = try #require(try file.paidPeriod("2026-Q3"))
            #expect(!paid.totals.isEmpty && !paid.lines.isEmpty)
            let total = LedgerMoney.decimal(status.close.totalPayable).groupedMoneyText

            let listing = try await browser.get("/ledger")
            #expect(listing.text.contains("<a href=\"/ledger/2026-Q3\">2026-Q3</a></td><td>closed</td><td>engine</td>"))
            #expect(listing.text.contains("<td class=\"num\">\(paid.totals.count)</td>"))
            #expect(listing.text.contains(total))
            #expect(listing.text.contains("Dana Ops"))
            #expect(listing.text.contains("Q3 run"))
            #expect(listing.text.contains("2026-Q3 (closed)"))

            let period = try await browser.get("/ledger/2026-Q3")
            #expect(period.status == .ok)
            #expect(period.text.contains("<b>Closed</b>"))
            #expect(period.text.contains("Total paid<b>\(total)"))
            for rep in paid.totals { #expect(period.text.contains("<td>\(rep.rep)</td>")) }
            #expect(period.text.components(separatedBy: "<tr><td>").count - 1 == paid.totals.count + paid.lines.count)
            #expect(period.text.contains("Reopen 2026-Q3"))
            let csv = try await browser.get("/ledger/2026-Q3/paid.csv")
            #expect(csv.text == LedgerListing.periodCSV(paid))
            let json = try await browser.get("/ledger/2026-Q3/paid.json")
            #expect(json.text == LedgerListing.periodJSON(paid, status: status))

            let never = try await browser.get("/ledger/2026-Q4")
            #expect(never.status == .notFound)
            #expect(never.text.contains("2026-Q4 was never closed (closed periods: 2026-Q3)"))
        }
    }

    @Test func closingRefusesWhatTheCommandLineRefuses() async throws {
        let (server, ledger) = try Self.serverWithLedger()
        defer { Self.cleanUp(server, ledger) }
        try await Application(router: server.router()).test(.router) { client in
            let browser = try await Browser.start(client)
            let early = try await browser.postForm("/ledger/close", [("period", "2026-Q3"), ("approved_by", "Dana")])
            #expect(early.status == .badRequest)
            #expect(early.text.contains("upload the workbook and its plan first"))
            _ = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            func close(_ period: String, by: String = "Dana") async throws -> TestResponse {
                try await browser.postForm("/ledger/close", [("period", period), ("approved_by", by)])
            }
            // Without the session's token nothing is recorded.
            let forged = try await browser.post(
                "/ledger/close", [Upload(field: "period", value: "2026-Q3"), Upload(field: "approved_by", value: "X")],
                csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try LedgerFile(path: ledger, creating: false).entries().isEmpty)

            let unnamed = try await close("2026-Q3", by: " ")
            #expect(unnamed.status == .badRequest)
            #expect(unnamed.text.contains("name who approved the payment"))
            let badLabel = try await close("2026-13")
            #expect(badLabel.status == .badRequest)
            #expect(
                badLabel.text.contains("period 2026-13: the plan pays by quarter; expected a label such as 2026-Q3"))
            let uncovered = try await close("2026-Q1")
            #expect(uncovered.status == .unprocessableContent)
            #expect(uncovered.text.contains("q3-commissions.xlsx: no rep has a figure for 2026-Q1"))

            #expect(try await close("2026-Q3").status == .seeOther)
            let again = try await close("2026-Q3")
            #expect(again.status == .conflict)
            #expect(again.text.contains("\(ledger): 2026-Q3 is already closed (by Dana at "))
            #expect(again.text.contains("reopen it first to change it"))
            #expect(again.text.contains("value=\"Dana\""), "the refused form keeps what was typed")
            let skipping = try await close("2027-Q1")
            #expect(skipping.status == .conflict)
            #expect(
                skipping.text.contains(
                    "\(ledger): 2026-Q4 is still open; periods close in order, so close it before 2027-Q1"))
            let before = try await close("2026-Q2")
            #expect(before.status == .conflict)
            #expect(before.text.contains("2026-Q2 is before 2026-Q3, the ledger&#39;s first closed period"))
            #expect(try LedgerFile(path: ledger, creating: false).entries().count == 1)
        }
    }

    @Test func reopeningTakesAReasonAndLetsThePeriodCloseAgain() async throws {
        let (server, ledger) = try Self.serverWithLedger()
        defer { Self.cleanUp(server, ledger) }
        try await Application(router: server.router()).test(.router) { client in
            let browser = try await Browser.start(client)
            let nothing = try await browser.postForm(
                "/ledger/reopen", [("period", "2026-Q3"), ("reason", "x"), ("by", "Lee")])
            #expect(nothing.status == .conflict)
            #expect(nothing.text.contains("\(ledger): the ledger has no closed period"))
            _ = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            _ = try await browser.postForm("/ledger/close", [("period", "2026-Q3"), ("approved_by", "Dana")])

            let noReason = try await browser.postForm("/ledger/reopen", [("period", "2026-Q3"), ("by", "Lee")])
            #expect(noReason.status == .badRequest)
            #expect(noReason.text.contains("the reason must say why"))
            let forged = try await browser.post(
                "/ledger/reopen", [Upload(field: "period", value: "2026-Q3"), Upload(field: "reason", value: "x")],
                csrf: false)
            #expect(forged.status == .forbidden)

            let reopened = try await browser.postForm(
                "/ledger/reopen", [("period", "2026-Q3"), ("reason", "late deal D-9"), ("by", "Lee")])
            #expect(reopened.status == .seeOther)
            #expect(reopened.headers[.location] == "/ledger/2026-Q3")
            let period = try await browser.get("/ledger/2026-Q3")
            #expect(period.text.contains("<b>Reopened</b>"))
            #expect(period.text.contains("Reopened by Lee at "))
            #expect(!period.text.contains("action=\"/ledger/reopen\""))
            let listing = try await browser.get("/ledger")
            #expect(listing.text.contains("<td>reopened</td>"))
            #expect(listing.text.contains("late deal D-9"))

            let twice = try await browser.postForm(
                "/ledger/reopen", [("period", "2026-Q3"), ("reason", "again"), ("by", "Lee")])
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("2026-Q3 is not closed; nothing to reopen"))

            let closedAgain = try await browser.postForm(
                "/ledger/close", [("period", "2026-Q3"), ("approved_by", "Dana")])
            #expect(closedAgain.status == .seeOther)
            let file = try LedgerFile(path: ledger, creating: false)
            #expect(try file.entries().map(\.action) == [.close, .reopen, .close])
            #expect(try file.verify().isIntact)
        }
    }

    @Test func trueUpsAndThePayrollFileFollowTheLedger() async throws {
        let (server, ledger) = try Self.serverWithLedger()
        defer { Self.cleanUp(server, ledger) }
        try await Application(router: server.router()).test(.router) { client in
            let browser = try await Browser.start(client)
            _ = try await browser.post("/upload", try ServerFixtures.sampleUpload())
            let open = try await browser.get("/trueups")
            #expect(open.text.contains("No closed period in these inputs"))
            let regular = try Self.payrollLines(try await browser.get("/download/payroll").text)
            #expect(!regular.isEmpty && regular.allSatisfy { $0.kind == "regular" })

            _ = try await browser.postForm("/ledger/close", [("period", "2026-Q3"), ("approved_by", "Dana")])
            let standing = try await browser.get("/trueups")
            #expect(standing.text.contains("Closed periods covered: 2026-Q3."))
            #expect(standing.text.contains("every closed period's payable still stands"))
            #expect(try Self.payrollLines(try await browser.get("/download/payroll").text).isEmpty)

            // The plan's upper rate raised after the close: the closed period is now owed more.
            let plan = try String(
                contentsOf: ServerFixtures.samples.appendingPathComponent("q3-plan.yaml"), encoding: .utf8)
            let raised = plan.replacingOccurrences(of: "{ from: 50000, rate: 10% }", with: "{ from: 50000, rate: 12% }")
            #expect(raised != plan)
            #expect(try await browser.postForm("/plan", [("text", raised), ("action", "use")]).status == .seeOther)
            let trueUps = try await browser.get("/trueups")
            #expect(trueUps.text.contains("<code>plan_changed</code> D-"))
            let adjustments = try Self.payrollLines(try await browser.get("/download/payroll").text)
            #expect(!adjustments.isEmpty)
            #expect(adjustments.allSatisfy { $0.kind == "adjustment" && $0.period == "2026-Q3" && $0.payable > 0 })
            #expect(trueUps.text.components(separatedBy: "<tr><td>").count - 1 == adjustments.count)
            let net = adjustments.reduce(Decimal(0)) { $0 + $1.payable }
            #expect(trueUps.text.contains("Net adjustment: <b>\(net.groupedMoneyText) USD</b>"))
        }
    }

    /// The payroll CSV's lines after its header, which must be `LedgerPayroll`'s.
    static func payrollLines(_ csv: String) throws -> [(period: String, kind: String, payable: Decimal)] {
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == LedgerPayroll.header.joined(separator: ","))
        return rows.dropFirst().map { row in
            let fields = row.components(separatedBy: ",")
            let payable: Decimal = if case .value(let number) = Decimal.parse(fields[4]) { number } else { 0 }
            return (fields[2], fields[3], payable)
        }
    }
}
