import Commission
import Foundation
import GRDB
import Ingest
import Ledger
import PlanFile
import Testing

/// Closing in order, reopening, refusing a newer ledger, finding a tampered row, two closes at
/// once, and draw balances carried from the ledger.
@Suite struct LedgerMechanicsTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples")

    /// The samples' plan (quarterly, a recoverable draw), roster and deals, and their statement.
    struct Sample {
        let plan: Plan
        let roster: [RosterEntry]
        let lines: [CreditLine]
        let statement: Commission.Statement

        /// `draw`: the plan's quarterly draw instead of its own.
        init(draw: String? = nil) throws {
            let path = samples.appendingPathComponent("plan.yaml").path
            var text = try String(contentsOfFile: path, encoding: .utf8)
            if let draw { text = text.replacingOccurrences(of: "amount: 2000\n", with: "amount: \(draw)\n") }
            plan = try PlanFile.parse(text, file: path)
            roster = try RosterReader.read(TableFile.open(samples.appendingPathComponent("roster.csv").path))
            lines = try DealsReader.read(
                TableFile.open(samples.appendingPathComponent("deals-2026.csv").path), pins: plan.columns
            ).lines
            statement = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines)
        }

        var periods: LedgerPeriods { LedgerPeriods(plan: plan) }

        func quarter(_ label: String) throws -> Period { try periods.parse(label) }

        func figures(_ label: String, from statement: Commission.Statement? = nil) throws -> ClosingFigures {
            ClosingFigures(
                statement: statement ?? self.statement, period: try quarter(label), planText: "plan", inputs: .init())
        }
    }

    static let signature = LedgerFile.Signature(actor: "Controller", note: "approved")

    @Test func periodsCloseInOrderAndOnlyReopenChangesAClosedOne() throws {
        let sample = try Sample()
        let folder = try TemporaryFolder()
        let ledger = try LedgerFile(path: folder.path("ledger.sqlite"), creating: true)
        try ledger.close(sample.figures("2026-Q1"), periods: sample.periods, by: Self.signature)
        #expect(throws: LedgerError.self) {
            try ledger.close(sample.figures("2026-Q1"), periods: sample.periods, by: Self.signature)
        }
        let skipping = #expect(throws: LedgerError.self) {
            try ledger.close(sample.figures("2026-Q3"), periods: sample.periods, by: Self.signature)
        }
        #expect(skipping?.description.contains("2026-Q2 is still open") == true)
        try ledger.close(sample.figures("2026-Q2"), periods: sample.periods, by: Self.signature)
        try ledger.reopen(
            sample.quarter("2026-Q1"), periods: sample.periods, by: .init(actor: "CFO", note: "late deal"))
        #expect(throws: LedgerError.self) {
            try ledger.reopen(sample.quarter("2026-Q1"), periods: sample.periods, by: Self.signature)
        }
        // Q1 is open again: Q3 may not close before it, Q1 may close again.
        #expect(throws: LedgerError.self) {
            try ledger.close(sample.figures("2026-Q3"), periods: sample.periods, by: Self.signature)
        }
        try ledger.close(sample.figures("2026-Q1"), periods: sample.periods, by: Self.signature)
        try ledger.close(sample.figures("2026-Q3"), periods: sample.periods, by: Self.signature)
        let statuses = try ledger.periodStatuses()
        #expect(statuses.map(\.period) == ["2026-Q1", "2026-Q2", "2026-Q3"])
        #expect(statuses.allSatisfy { $0.isClosed })
        #expect(try ledger.entries().map(\.action) == [.close, .close, .reopen, .close, .close])
        #expect(try ledger.verify().isIntact)
        let paid = try #require(try ledger.paidPeriod("2026-Q2"))
        let q2 = sample.statement.reps.filter { $0.period.description == "2026-Q2" }
        #expect(paid.totals.map(\.payableValue) == q2.map(\.payable))
        #expect(
            paid.lines.count == sample.statement.lineGroups.joined().filter { $0.period.description == "2026-Q2" }.count
        )
    }

    @Test func aLedgerWrittenByANewerTrueupIsRefused() throws {
        let sample = try Sample()
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.sqlite")
        try LedgerFile(path: path, creating: true).close(
            sample.figures("2026-Q1"), periods: sample.periods, by: Self.signature)
        let newer = folder.path("newer.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: newer)
        try DatabaseQueue(path: newer).write { try $0.execute(sql: "PRAGMA user_version = 2") }
        let refusal = #expect(throws: LedgerError.self) { try LedgerFile(path: newer, creating: false) }
        #expect(refusal?.description.contains("written by a newer trueup") == true)

        let migrated = folder.path("migrated.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: migrated)
        try DatabaseQueue(path: migrated).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: a table from the future')")
        }
        #expect(throws: LedgerError.self) { try LedgerFile(path: migrated, creating: false) }

        let foreign = folder.path("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let notLedger = #expect(throws: LedgerError.self) { try LedgerFile(path: foreign, creating: true) }
        #expect(notLedger?.description.contains("not a trueup ledger") == true)
        #expect(throws: LedgerError.self) { try LedgerFile(path: folder.path("missing.sqlite"), creating: false) }
        // An empty file given to a command that only reads a ledger is refused and left empty
        // (it was made a ledger); a close may make one of it.
        let empty = folder.path("empty.sqlite")
        FileManager.default.createFile(atPath: empty, contents: Data())
        let notOne = #expect(throws: LedgerError.self) { try LedgerFile(path: empty, creating: false) }
        #expect(notOne?.description.contains("not a ledger (an empty file)") == true)
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0)
        _ = try LedgerFile(path: empty, creating: true)
    }

    /// A new ledger in `folder` with `sample`'s `quarters` closed, and its path.
    static func ledger(closing quarters: [String], of sample: Sample, in folder: TemporaryFolder) throws
        -> (path: String, file: LedgerFile)
    {
        let path = folder.path("ledger.sqlite")
        let ledger = try LedgerFile(path: path, creating: true)
        for quarter in quarters { try ledger.close(sample.figures(quarter), periods: sample.periods, by: signature) }
        return (path, ledger)
    }

    /// A view or a trigger added to a ledger is refused when it is opened: a recursive view in place
    /// of `line` made `ledger verify` run without end, and a trigger rewrote what `close` recorded.
    @Test(arguments: [
        "ALTER TABLE line RENAME TO line_old; CREATE VIEW line AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r",
        "CREATE TRIGGER cheap AFTER INSERT ON line BEGIN UPDATE line SET amount = '0.01'; END",
    ])
    func aViewOrATriggerAddedByHandIsRefused(_ alteration: String) throws {
        let sample = try Sample()
        let folder = try TemporaryFolder()
        let (path, _) = try Self.ledger(closing: ["2026-Q1"], of: sample, in: folder)
        try DatabaseQueue(path: path).write { try $0.execute(sql: alteration) }
        for creating in [false, true] {
            let refusal = #expect(throws: LedgerError.self) { try LedgerFile(path: path, creating: creating) }
            #expect(refusal?.description.contains("which trueup never makes") == true)
        }
    }

    @Test(arguments: [
        "UPDATE line SET amount = '999.99' WHERE position = 3",
        "DELETE FROM line WHERE position = 0",
        "UPDATE repTotal SET payable = '0' WHERE position = 0",
        "UPDATE entry SET actor = 'Mallory' WHERE id = 1",
        "UPDATE entry SET totalPayable = '1' WHERE id = 2",
        "DELETE FROM entry WHERE id = 1",
        "DELETE FROM line WHERE entryID = 2; DELETE FROM repTotal WHERE entryID = 2; DELETE FROM entry WHERE id = 2",
    ])
    func aTamperedRowIsFoundByVerify(_ tampering: String) throws {
        let sample = try Sample()
        let folder = try TemporaryFolder()
        let (path, ledger) = try Self.ledger(closing: ["2026-Q1", "2026-Q2"], of: sample, in: folder)
        #expect(try ledger.verify().isIntact)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: configuration).write { try $0.execute(sql: tampering) }
        let result = try LedgerFile(path: path, creating: false).verify()
        #expect(!result.isIntact, "\(tampering)")
        print("tampering '\(tampering)' found: \(result.problems.first ?? "")")
        // Nothing that reads the ledger for money uses it: not a true-up, a payroll, a close or a reopen.
        let tampered = try LedgerFile(path: path, creating: false)
        let refusals = [
            #expect(throws: LedgerError.self) { try TrueUpCalculation(ledger: tampered, plan: sample.plan) },
            #expect(throws: LedgerError.self) {
                try tampered.close(sample.figures("2026-Q3"), periods: sample.periods, by: Self.signature)
            },
            #expect(throws: LedgerError.self) {
                try tampered.checkCanClose(
                    sample.quarter("2026-Q3"), periods: sample.periods, currency: sample.plan.currency)
            },
            #expect(throws: LedgerError.self) {
                try tampered.reopen(sample.quarter("2026-Q1"), periods: sample.periods, by: Self.signature)
            },
        ]
        for refusal in refusals {
            #expect(refusal?.description.hasPrefix("\(path): the ledger does not hold together (") == true)
        }
        #expect(try tampered.entries().count <= 2, "nothing was appended")
    }

    /// A reopened period is still paid what its last close recorded: a run over it pays the
    /// difference as adjustments, never the whole period again as regular lines.
    @Test func aReopenedPeriodIsPaidByItsDifferenceNotAgainInFull() throws {
        let sample = try Sample()
        let q1 = try sample.quarter("2026-Q1")
        let april = LocalDate(year: 2026, month: 4, day: 1)!
        let late = try #require(sample.lines.lastIndex { $0.date < april })
        var early = sample.lines
        early.remove(at: late)
        let before = try CommissionEngine.calculate(plan: sample.plan, roster: sample.roster, lines: early)
        let folder = try TemporaryFolder()
        let ledger = try LedgerFile(path: folder.path("ledger.sqlite"), creating: true)
        try ledger.close(sample.figures("2026-Q1", from: before), periods: sample.periods, by: Self.signature)
        try ledger.reopen(q1, periods: sample.periods, by: .init(actor: "CFO", note: "late deal"))

        let trueUp = try TrueUpCalculation(ledger: ledger, plan: sample.plan).trueUp(
            sample.statement, planText: "plan")
        #expect(trueUp.reopenedPeriods == [q1] && trueUp.closedPeriods.isEmpty)
        let payroll = LedgerPayroll.lines(sample.statement, trueUp: trueUp).filter { $0.period == "2026-Q1" }
        let paid = before.reps.filter { $0.period == q1 }.reduce(Decimal(0)) { $0 + $1.payable }
        let due = sample.statement.reps.filter { $0.period == q1 }.reduce(Decimal(0)) { $0 + $1.payable }
        #expect(paid != due, "the late deal must change Q1 for this test to mean anything")
        #expect(!payroll.isEmpty && payroll.allSatisfy { $0.kind == .adjustment })
        #expect(LedgerPayroll.total(payroll) == due - paid)
    }

    /// A ledger keeps one currency: a plan in another is neither closed onto it nor trued-up against it.
    @Test func aPlanInAnotherCurrencyIsRefused() throws {
        let sample = try Sample()
        let folder = try TemporaryFolder()
        let ledger = try LedgerFile(path: folder.path("ledger.sqlite"), creating: true)
        try ledger.close(sample.figures("2026-Q1"), periods: sample.periods, by: Self.signature)
        let path = Self.samples.appendingPathComponent("plan.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(sample.plan.currency == "USD" && text.contains("currency: USD\n"))
        let euros = try PlanFile.parse(
            text.replacingOccurrences(of: "currency: USD\n", with: "currency: EUR\n"), file: path)
        let statement = try CommissionEngine.calculate(plan: euros, roster: sample.roster, lines: sample.lines)
        let refusals = [
            #expect(throws: LedgerError.self) {
                try ledger.close(
                    sample.figures("2026-Q2", from: statement), periods: sample.periods, by: Self.signature)
            },
            #expect(throws: LedgerError.self) {
                try ledger.checkCanClose(sample.quarter("2026-Q2"), periods: sample.periods, currency: "EUR")
            },
            #expect(throws: LedgerError.self) { try TrueUpCalculation(ledger: ledger, plan: euros) },
        ]
        for refusal in refusals {
            #expect(
                refusal?.description.contains("pays in USD") == true
                    && refusal?.description.contains("the plan pays in EUR") == true, "\(refusal?.description ?? "")")
        }
        #expect(try ledger.entries().count == 1)
    }

    @Test func twoClosesAtOnceLeaveOneCloseAndOneClearRefusal() async throws {
        let sample = try Sample()
        let folder = try TemporaryFolder()
        let path = folder.path("ledger.sqlite")
        _ = try LedgerFile(path: path, creating: true)
        let figures = try sample.figures("2026-Q1")
        let periods = sample.periods
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    do {
                        try LedgerFile(path: path, creating: true).close(figures, periods: periods, by: Self.signature)
                        return "closed"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == "closed" }.count == 1, "\(outcomes)")
        let refusal = outcomes.first { $0 != "closed" } ?? ""
        #expect(refusal.contains("already closed") || refusal.contains("busy"), "\(refusal)")
        #expect(!refusal.contains("\n"))
        #expect(try LedgerFile(path: path, creating: false).entries().count == 1)
    }

    /// Closing Q1 and Q2, then running only the second half's deals against the ledger, gives
    /// the second half the draw balances and recoveries of a run over the whole year.
    @Test func drawBalancesContinueFromTheLedger() throws {
        let sample = try Sample(draw: "30000")
        let july = LocalDate(year: 2026, month: 7, day: 1)!
        let year = sample.lines.filter { $0.cancelDate == nil }
        let whole = try CommissionEngine.calculate(plan: sample.plan, roster: sample.roster, lines: year)
        let folder = try TemporaryFolder()
        let ledger = try LedgerFile(path: folder.path("ledger.sqlite"), creating: true)
        try ledger.close(sample.figures("2026-Q1", from: whole), periods: sample.periods, by: Self.signature)
        try ledger.close(sample.figures("2026-Q2", from: whole), periods: sample.periods, by: Self.signature)
        let q2 = try sample.quarter("2026-Q2")
        #expect(
            whole.reps.contains { $0.period == q2 && $0.balance > 0 },
            "the sample must carry a balance past Q2 for this test to mean anything")

        let secondHalf = year.filter { $0.date >= july }
        let calculation = try TrueUpCalculation(ledger: ledger, plan: sample.plan)
        let carried = try CommissionEngine.calculate(
            plan: sample.plan, roster: sample.roster, lines: secondHalf, carried: calculation.carried)
        let alone = try CommissionEngine.calculate(plan: sample.plan, roster: sample.roster, lines: secondHalf)
        func figures(_ statement: Commission.Statement) -> [String] {
            statement.reps.filter { $0.period > q2 }.map {
                "\($0.rep) \($0.period) \($0.recovered) \($0.payable) \($0.balance)"
            }
        }
        #expect(figures(carried) == figures(whole))
        #expect(figures(carried) != figures(alone))
        // Closed periods before the run are history: no adjustments for them.
        #expect(try calculation.trueUp(carried, planText: "plan").adjustments.isEmpty)
    }
}
