import Foundation
import Testing

/// `close`, `reopen`, `ledger` and `--ledger`, run as a user would: a true-up after late deals
/// and cancellations, the payroll by kind, the audit views, and the ledger's safety under
/// SIGKILL and under two closes at once.
@Suite(.serialized) struct LedgerCommandTests {
    static let case07 = ReconcileCommandTests.scenarios.appendingPathComponent("case-07")
    static let samples = CommandLineTests.packageRoot.appendingPathComponent("samples")

    /// case-07's deals as they stood when January to March closed: D-00019 and D-00002 not yet
    /// booked, and no deal refunded or cancelled yet.
    static func earlyDeals(to url: URL) throws {
        let text = try String(contentsOf: case07.appendingPathComponent("deals.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.filter { !$0.contains(",D-00019,") && !$0.contains(",D-00002,") }.map { line in
            guard line.contains(",Cancelled,") || line.contains(",Refunded,") else { return line }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[8] = "Closed Won"
            fields[9] = ""
            return fields.joined(separator: ",")
        }
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    static func payables(_ reps: [[String: Any]]) -> [String: Decimal] {
        var result: [String: Decimal] = [:]
        for rep in reps {
            result["\(rep["rep"]!) \(rep["period"]!)"] = Decimal(string: rep["payable"] as! String)!
        }
        return result
    }

    @Test func closeThenLateDealsAndCancellationsGiveTheTrueUp() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let early = folder.appendingPathComponent("early.csv")
        try Self.earlyDeals(to: early)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let plan = Self.case07.appendingPathComponent("plan.yaml").path
        let roster = Self.case07.appendingPathComponent("roster.csv").path
        let full = Self.case07.appendingPathComponent("deals.csv").path
        for period in ["2026-01", "2026-02", "2026-03"] {
            let closed = try CommandLineTests.run([
                "close", period, "--plan", plan, "--deals", early.path, "--roster", roster, "--ledger", ledger,
                "--approved-by", "Dana Controller", "--note", "payroll run",
            ])
            #expect(closed.status == 0, "\(closed.stderr)")
            #expect(closed.stdout.contains("closed \(period) in \(ledger)"))
        }
        let again = try CommandLineTests.run([
            "close", "2026-02", "--plan", plan, "--deals", full, "--roster", roster, "--ledger", ledger,
        ])
        #expect(again.status == 2)
        #expect(again.stderr.split(separator: "\n").count == 1 && again.stderr.contains("2026-02 is already closed"))

        let payroll = folder.appendingPathComponent("payroll.csv")
        let result = try CommandLineTests.run([
            "calculate", "--plan", plan, "--deals", full, "--roster", roster, "--ledger", ledger, "--format", "json",
            "--payroll", payroll.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try Self.json(result.stdout)
        let due = Self.payables(object["reps"] as! [[String: Any]])
        var paid: [String: Decimal] = [:]
        for period in ["2026-01", "2026-02", "2026-03"] {
            let shown = try CommandLineTests.run(["ledger", ledger, "--period", period, "--format", "json"])
            #expect(shown.status == 0, "\(shown.stderr)")
            let asPaid = try Self.json(shown.stdout)
            #expect(asPaid["closed_by"] as? String == "Dana Controller")
            paid.merge(Self.payables(asPaid["reps"] as! [[String: Any]])) { a, _ in a }
        }
        let adjustments = try #require(object["adjustments"] as? [[String: Any]])
        var expected: [String: Decimal] = [:]
        for key in Set(due.keys).union(paid.keys) where !key.hasSuffix("2026-04") {
            let difference = (due[key] ?? 0) - (paid[key] ?? 0)
            if difference != 0 { expected[key] = difference }
        }
        var found: [String: Decimal] = [:]
        var causes: [String: Set<String>] = [:]
        for adjustment in adjustments {
            let key = "\(adjustment["rep"]!) \(adjustment["period"]!)"
            found[key] = Decimal(string: adjustment["difference"] as! String)!
            #expect(
                Decimal(string: adjustment["due"] as! String)! - Decimal(string: adjustment["paid"] as! String)!
                    == found[key])
            for cause in adjustment["causes"] as! [[String: Any]] {
                for deal in cause["deal_ids"] as! [String] {
                    causes[cause["cause"] as! String, default: []].insert(deal)
                }
            }
        }
        #expect(found == expected)
        #expect(!expected.isEmpty)
        #expect(causes["late_deal"] == ["D-00019", "D-00002"])
        #expect(causes["clawback"] == ["D-00025", "D-00007", "D-00022"])

        // Payroll: April in full, January to March by their adjustments; the lines add up.
        let records = try PayrollCommandTests.records(payroll)
        #expect(records.first == ["rep_id", "name", "period", "kind", "payable", "currency"])
        var total: Decimal = 0
        for record in records.dropFirst() {
            let amount = Decimal(string: record[4])!
            total += amount
            if record[3] == "adjustment" {
                #expect(expected["\(record[0]) \(record[2])"] == amount)
            } else {
                #expect(record[3] == "regular" && record[2] == "2026-04" && due["\(record[0]) \(record[2])"] == amount)
            }
        }
        let april = due.filter { $0.key.hasSuffix("2026-04") }.values.reduce(0, +)
        #expect(total == april + expected.values.reduce(0, +))
        #expect(total == due.values.reduce(0, +) - paid.values.reduce(0, +))
        #expect(records.filter { $0[3] == "adjustment" }.count == expected.count)

        let text = try CommandLineTests.run([
            "calculate", "--plan", plan, "--deals", full, "--roster", roster, "--ledger", ledger,
        ])
        #expect(text.stdout.contains("True-ups against the ledger \(ledger) (closed: 2026-01, 2026-02, 2026-03)"))
        #expect(text.stdout.contains("late_deal (D-00002)") || text.stdout.contains("late_deal (D-00019)"))
        for command in ["reconcile", "review"] {
            let arguments =
                command == "reconcile"
                ? ["reconcile", Self.case07.appendingPathComponent("manual.xlsx").path, "--plan", plan]
                : ["review", "--plan", plan, "--deals", full]
            let other = try CommandLineTests.run(
                arguments + ["--roster", roster, "--ledger", ledger, "--format", "json"])
            #expect(other.status == 0 || other.status == 1, "\(other.stderr)")
            #expect((try Self.json(other.stdout)["adjustments"] as? [[String: Any]])?.isEmpty == false, "\(command)")
        }
    }

    /// History loaded from case-07's hand-kept workbook: each closed month's true-up is what its
    /// summary sheet paid wrong (truth.json's summary cells, the last figure of each row), a `correction`.
    @Test func historyFromAHandKeptWorkbookIsTrueUpByItsErrors() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let plan = Self.case07.appendingPathComponent("plan.yaml").path
        let roster = Self.case07.appendingPathComponent("roster.csv").path
        let months = ["2026-01", "2026-02", "2026-03"]
        for period in months {
            let closed = try CommandLineTests.run([
                "close", period, "--plan", plan, "--roster", roster, "--ledger", ledger, "--from-workbook",
                Self.case07.appendingPathComponent("manual.xlsx").path,
            ])
            #expect(closed.status == 0, "\(closed.stderr)")
        }
        let result = try CommandLineTests.run([
            "calculate", "--plan", plan, "--deals", Self.case07.appendingPathComponent("deals.csv").path, "--roster",
            roster, "--ledger", ledger, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        var found: [String: Decimal] = [:]
        for adjustment in try #require(try Self.json(result.stdout)["adjustments"] as? [[String: Any]]) {
            found["\(adjustment["rep"]!) \(adjustment["period"]!)"] = Decimal(
                string: adjustment["difference"] as! String)
            #expect((adjustment["causes"] as! [[String: Any]]).map { $0["cause"] as! String } == ["correction"])
        }
        let truth = try Self.json(
            String(contentsOf: Self.case07.appendingPathComponent("truth.json"), encoding: .utf8))
        var last: [String: [String: Any]] = [:]
        for cell in truth["cells"] as! [[String: Any]] where cell["sheet"] as? String == "Summary" {
            let key = "\(cell["rep"]!) \(cell["period"]!)"
            if let seen = last[key], (seen["cell"] as! String) > (cell["cell"] as! String) { continue }
            last[key] = cell
        }
        var expected: [String: Decimal] = [:]
        for (key, cell) in last where months.contains(String(key.split(separator: " ")[1])) {
            expected[key] = Decimal(string: cell["expected"] as! String)! - Decimal(string: cell["manual"] as! String)!
        }
        #expect(!expected.isEmpty)
        #expect(found == expected)
    }

    @Test func theLedgerListsItsPeriodsAndReopenIsRecorded() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let plan = Self.samples.appendingPathComponent("plan.yaml").path
        let deals = Self.samples.appendingPathComponent("deals-2026.csv").path
        let roster = Self.samples.appendingPathComponent("roster.csv").path
        for period in ["2026-Q1", "2026-Q2"] {
            let closed = try CommandLineTests.run([
                "close", period, "--plan", plan, "--deals", deals, "--roster", roster, "--ledger", ledger,
                "--approved-by", "Dana",
            ])
            #expect(closed.status == 0, "\(closed.stderr)")
        }
        let skipping = try CommandLineTests.run([
            "close", "2026-Q4", "--plan", plan, "--deals", deals, "--roster", roster, "--ledger", ledger,
        ])
        #expect(skipping.status == 2 && skipping.stderr.contains("2026-Q3 is still open"))
        let reopened = try CommandLineTests.run([
            "reopen", "2026-Q2", "--ledger", ledger, "--reason", "CRM corrected D-2450", "--by", "CFO",
        ])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        let listing = try Self.json(try CommandLineTests.run(["ledger", ledger, "--format", "json"]).stdout)
        let periods = listing["periods"] as! [[String: Any]]
        #expect(periods.map { $0["period"] as! String } == ["2026-Q1", "2026-Q2"])
        #expect(periods.map { $0["status"] as! String } == ["closed", "reopened"])
        #expect(
            periods[1]["reason"] as? String == "CRM corrected D-2450" && periods[1]["reopened_by"] as? String == "CFO")
        let csv = try CommandLineTests.run(["ledger", ledger, "--format", "csv"])
        #expect(csv.stdout.hasPrefix("period,status,source,reps,lines,payable,currency,closed_by"))
        let workbook = folder.appendingPathComponent("ledger.xlsx")
        let written = try CommandLineTests.run(["ledger", ledger, "--out", workbook.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try Data(contentsOf: workbook).prefix(2) == Data("PK".utf8))
        let shown = try CommandLineTests.run(["ledger", ledger, "--period", "2026-Q1"])
        #expect(shown.stdout.contains("2026-Q1 closed") && shown.stdout.contains("closed by Dana"))
        let verified = try CommandLineTests.run(["ledger", "verify", ledger])
        #expect(verified.status == 0 && verified.stdout.contains("intact: 3 entries"), "\(verified.stdout)")
        let notLedger = try CommandLineTests.run(["ledger", "verify", plan])
        #expect(notLedger.status == 2 && notLedger.stderr.split(separator: "\n").count == 1, "\(notLedger.stderr)")
    }

    /// A quarter of `count` deals for the samples' four reps.
    static func bigQuarter(_ count: Int, to url: URL) throws {
        var text = "Opportunity ID,Owner ID,Close Date,Amount,Product,Type,Stage\n"
        let reps = ["R-101", "R-102", "R-104"]
        for index in 0..<count {
            let day = 1 + index % 28
            let month = 4 + (index / 28) % 3
            text += "D-\(100_000 + index),\(reps[index % 3]),2026-0\(month)-\(day < 10 ? "0" : "")\(day),"
            text += "\(1000 + index % 9000).\(index % 100 < 10 ? "0" : "")\(index % 100),Core Platform,New,Closed Won\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Kills `close` with SIGKILL at random points, again and again: each time the ledger is
    /// exactly as before (Q2 not closed) or exactly as after (Q2 closed, every line there), and intact.
    @Test func aCloseKilledAnywhereLeavesTheLedgerBeforeOrAfter() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = Self.samples.appendingPathComponent("plan.yaml").path
        let roster = Self.samples.appendingPathComponent("roster.csv").path
        let deals = folder.appendingPathComponent("q2.csv")
        try Self.bigQuarter(3_000, to: deals)
        let base = folder.appendingPathComponent("base.sqlite").path
        let first = try CommandLineTests.run([
            "close", "2026-Q1", "--plan", plan, "--deals", Self.samples.appendingPathComponent("deals-2026.csv").path,
            "--roster", roster, "--ledger", base,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let arguments = ["close", "2026-Q2", "--plan", plan, "--deals", deals.path, "--roster", roster, "--ledger"]

        let reference = folder.appendingPathComponent("reference.sqlite").path
        try FileManager.default.copyItem(atPath: base, toPath: reference)
        let started = Date()
        let whole = try CommandLineTests.run(arguments + [reference])
        let duration = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        let after = try Self.periodFigures(reference)
        #expect(after != nil)

        var generator = SystemRandomNumberGenerator()
        var outcomes = (before: 0, after: 0, interrupted: 0)
        for attempt in 0..<10 {
            let ledger = folder.appendingPathComponent("killed-\(attempt).sqlite").path
            try FileManager.default.copyItem(atPath: base, toPath: ledger)
            let (process, _) = try Self.start(arguments + [ledger])
            Thread.sleep(forTimeInterval: Double.random(in: (duration * 0.4)...(duration * 1.1), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Killed mid-change, the close leaves its rollback journal: the commands that only read
            // refuse the ledger until it is recovered (which rolls the change back).
            var verified = try CommandLineTests.run(["ledger", "verify", ledger])
            if verified.status == 2 && verified.stderr.contains("a change to the ledger was interrupted") {
                outcomes.interrupted += 1
                let recovered = try CommandLineTests.run(["ledger", "recover", ledger])
                #expect(recovered.status == 0, "\(recovered.stderr)")
                verified = try CommandLineTests.run(["ledger", "verify", ledger])
            }
            #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")
            let figures = try Self.periodFigures(ledger)
            #expect(figures == nil || figures == after, "attempt \(attempt)")
            if figures == nil { outcomes.before += 1 } else { outcomes.after += 1 }
            let listing = try Self.json(try CommandLineTests.run(["ledger", ledger, "--format", "json"]).stdout)
            #expect((listing["periods"] as! [Any]).count == (figures == nil ? 1 : 2))
        }
        print(
            "SIGKILL during close (\(String(format: "%.2f", duration)) s uninterrupted): \(outcomes.before) left it before, \(outcomes.after) after, \(outcomes.interrupted) mid-change (recovered)"
        )
    }

    /// Starts `trueup` with `arguments` without waiting for it; its standard error is piped.
    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    /// Q2's reps and lines as paid, or nil when Q2 is not closed.
    static func periodFigures(_ ledger: String) throws -> String? {
        let shown = try CommandLineTests.run(["ledger", ledger, "--period", "2026-Q2", "--format", "json"])
        guard shown.status == 0 else { return nil }
        let object = try json(shown.stdout)
        let parts = [object["reps"]!, object["lines"]!, object["payable"]!]
        return String(
            decoding: try JSONSerialization.data(withJSONObject: parts, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func twoClosesAtOnceCloseOnceAndRefuseInOneLine() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = Self.samples.appendingPathComponent("plan.yaml").path
        let roster = Self.samples.appendingPathComponent("roster.csv").path
        let deals = folder.appendingPathComponent("q2.csv")
        try Self.bigQuarter(5_000, to: deals)
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let arguments = [
            "close", "2026-Q2", "--plan", plan, "--deals", deals.path, "--roster", roster, "--ledger", ledger,
        ]
        let processes = try [Self.start(arguments), Self.start(arguments)]
        var statuses: [Int32] = []
        var messages: [String] = []
        for (process, errors) in processes {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
            messages.append(text)
        }
        #expect(statuses.sorted() == [0, 2], "\(messages)")
        let refusal = messages[statuses.firstIndex(of: 2) ?? 0]
        #expect(refusal.split(separator: "\n").count == 1, "\(refusal)")
        #expect(refusal.contains("already closed") || refusal.contains("busy"), "\(messages)")
        let verified = try CommandLineTests.run(["ledger", "verify", ledger])
        #expect(verified.stdout.contains("intact: 1 entry"), "\(verified.stdout)")
    }
}
