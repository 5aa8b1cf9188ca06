import FileAccess
import Foundation
import Ingest
import PlanFile
import SpooledEngine
import TestSupport
import Testing

@testable import Commission

/// The spooled calculation computes what the engine computes, whether its records stay in memory
/// or go to disk, and its spool gives back exactly what it was given.
@Suite struct SpooledCalculationTests {
    /// The engine's windowed statement and lines, and the spooled one's from the same lines.
    static func both(
        plan: Plan, roster: [RosterEntry], lines: [CreditLine], budget: Int, batch: Int = 5, window: Int = 7
    ) throws -> (engine: (Statement, [[StatementLine]]), spooled: (Statement, [[StatementLine]])) {
        var engineLines: [[StatementLine]] = []
        let engine = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines, windowLines: window) {
            engineLines += $0
        }
        let spool = try SpooledCalculation(plan: plan, roster: roster, memoryBudget: budget)
        var start = 0
        while start < lines.count {
            try spool.add(Array(lines[start..<min(lines.count, start + batch)]))
            start += batch
        }
        // A budget of 0 keeps the lines on disk (a few records past the first chunk); a large one in memory.
        #expect(spool.spilled == (budget == 0 && lines.count >= 2))
        var spooledLines: [[StatementLine]] = []
        let spooled = try spool.calculate(windowLines: window) { spooledLines += $0 }
        return ((engine, engineLines), (spooled, spooledLines))
    }

    /// A scenario's plan, roster and credit lines (from its CSV deals).
    static func scenario(_ name: String) throws -> (plan: Plan, roster: [RosterEntry], lines: [CreditLine]) {
        let directory = ScenarioTests.folder.appendingPathComponent(name)
        let arguments = try ScenarioTests.calculateArguments(directory)
        let plan = try PlanFile.load(path: directory.appendingPathComponent(arguments["--plan"]!).path)
        let deals = try DealsReader.read(
            TableFile.open(directory.appendingPathComponent("deals.csv").path), pins: plan.columns)
        let roster =
            try arguments["--roster"].map {
                try RosterReader.read(TableFile.open(directory.appendingPathComponent($0).path))
            } ?? []
        return (plan, roster, deals.lines)
    }

    @Test(arguments: ScenarioTests.cases, [0, 1 << 28])
    func matchesTheEngineOnEveryScenario(_ name: String, budget: Int) throws {
        let (plan, roster, lines) = try Self.scenario(name)
        let (engine, spooled) = try Self.both(plan: plan, roster: roster, lines: lines, budget: budget)
        #expect(spooled.1 == engine.1)
        #expect(spooled.0.reps == engine.0.reps)
        #expect(spooled.0.issues == engine.0.issues)
        #expect(spooled.0.issues.map(\.message) == engine.0.issues.map(\.message))
        #expect(!engine.1.isEmpty)
    }

    /// Lines whose labels are held apart from the process's table (as once it is full) are
    /// spooled with their texts and computed as the same lines with the table's labels.
    @Test(arguments: [0, 1 << 28])
    func labelsHeldApartAreSpooledAsTexts(budget: Int) throws {
        let (plan, roster, lines) = try Self.scenario(ScenarioTests.cases[0])
        let held = lines.map { line in
            CreditLine(
                row: line.row, dealID: line.dealID, rep: line.rep, date: line.date, amount: line.amount,
                split: line.split, labels: line.labels.map { CreditLine.Labels.held($0.texts) },
                cancelDate: line.cancelDate, quota: line.quota)
        }
        #expect(held.contains { $0.labels != nil && $0.labels?.interned == nil })
        #expect(held == lines)
        let (engine, spooled) = try Self.both(plan: plan, roster: roster, lines: lines, budget: budget)
        let (_, fromHeld) = try Self.both(plan: plan, roster: roster, lines: held, budget: budget)
        #expect(fromHeld.1 == engine.1)
        #expect(fromHeld.1 == spooled.1)
        #expect(fromHeld.0.reps == engine.0.reps)
        #expect(fromHeld.0.issues == engine.0.issues)
    }

    /// Without explanations (`explaining: false`, for outputs that write none) the engine's and
    /// the spool's lines are the explained lines with their explanations empty, and the totals and
    /// issues are the same.
    @Test(arguments: ScenarioTests.cases)
    func withoutExplanationsOnlyTheExplanationsAreLeftOut(_ name: String) throws {
        let (plan, roster, lines) = try Self.scenario(name)
        var explained: [[StatementLine]] = []
        let full = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines, windowLines: 7) {
            explained += $0
        }
        #expect(explained.joined().contains { !$0.explanation.isEmpty })
        let blanked = explained.map { group in
            group.map { line in
                var line = line
                line.explanation = ""
                return line
            }
        }
        var engineLines: [[StatementLine]] = []
        let engine = try CommissionEngine.calculate(
            plan: plan, roster: roster, lines: lines, windowLines: 7, explaining: false
        ) { engineLines += $0 }
        let spool = try SpooledCalculation(plan: plan, roster: roster)
        try spool.add(lines)
        var spooledLines: [[StatementLine]] = []
        let spooled = try spool.calculate(windowLines: 7, explaining: false) { spooledLines += $0 }
        for (statement, groups) in [(engine, engineLines), (spooled, spooledLines)] {
            #expect(groups == blanked)
            #expect(statement.reps == full.reps)
            #expect(statement.issues == full.issues)
        }
    }

    /// Random lines without a roster: split deals that miss 100% (flagged and reported in the order
    /// their deals first appear), ineligible statuses, clawbacks, quotas from the sheet.
    @Test(arguments: [1, 2, 3])
    func matchesTheEngineOnRandomLines(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let plan = try PlanFile.parse(
            """
            plan: spooled
            currency: USD
            period: quarter
            eligible:
              status: [Won]
            commission:
              tiers:
                metric: attainment
                basis: ytd
                mode: marginal
                table:
                  - { from: 0%, rate: 5% }
                  - { from: 80%, rate: 9% }
            clawback:
              statuses: [Cancelled]
              window_days: 60
            draw:
              amount: 500
              recoverable: true
            """, file: "spooled.yaml")
        var lines: [CreditLine] = []
        for deal in 0..<400 {
            let date = LocalDate(year: 2026, month: Int.random(in: 1...12, using: &generator), day: 3)!
            let status = ["Won", "Won", "Won", "Lost", "Cancelled"][Int.random(in: 0...4, using: &generator)]
            let owners = Int.random(in: 1...3, using: &generator)
            let splits: [Decimal] = owners == 1 ? [1] : owners == 2 ? [0.6, 0.4] : [0.5, 0.3, 0.3]
            for (share, split) in splits.enumerated() {
                lines.append(
                    CreditLine(
                        row: lines.count + 2, dealID: "D\(deal % 370)", rep: " rep \((deal + share) % 13)",
                        date: date, amount: Decimal(Int.random(in: 100...900_000, using: &generator)) / 100,
                        split: split, product: share == 0 ? "Core" : nil, status: status,
                        cancelDate: status == "Cancelled" ? LocalDate(dayNumber: date.dayNumber + 20) : nil,
                        quota: 90_000))
            }
        }
        for budget in [0, 1 << 28] {
            let (engine, spooled) = try Self.both(plan: plan, roster: [], lines: lines, budget: budget, batch: 37)
            #expect(spooled.1 == engine.1)
            #expect(spooled.0.reps == engine.0.reps)
            #expect(spooled.0.issues == engine.0.issues)
            #expect(engine.0.issues.contains { $0.code == .splitTotal })
            #expect(engine.0.issues.contains { $0.code == .notEligible })
        }
    }

    /// A monthly plan paying 5% of every deal.
    static func flatPlan() throws -> Plan {
        try PlanFile.parse(
            """
            plan: p
            currency: USD
            period: month
            commission:
              tiers: { metric: amount, basis: per_deal, mode: marginal, table: [{ from: 0, rate: 5% }] }
            """, file: "p.yaml")
    }

    @Test func refusesAnUnknownRepAtTheEnd() throws {
        var plan = try Self.flatPlan()
        plan.reps = [RosterEntry(id: "R1", quota: 1000)]
        let spool = try SpooledCalculation(plan: plan)
        let date = LocalDate(year: 2026, month: 1, day: 5)!
        // The refusal waits for `calculate`, so that reading can finish first.
        try spool.add([
            CreditLine(row: 2, dealID: "A", rep: "R1", date: date, amount: 10),
            CreditLine(row: 3, dealID: "B", rep: "R9", date: date, amount: 10),
        ])
        #expect(throws: SpooledCalculation.Failure.self) { try spool.calculate { _ in } }
        do {
            _ = try spool.calculate { _ in }
        } catch {
            #expect(error.description == "row 3: rep 'R9' is not on the roster (by id or name)")
        }
    }

    /// A date far from the others is refused naming its row, as the engine refuses it.
    @Test(arguments: [0, 1 << 28])
    func refusesADateOutsideTheWindowAsTheEngineDoes(budget: Int) throws {
        let plan = try Self.flatPlan()
        var lines = (0..<9).map { index in
            CreditLine(
                row: index + 2, dealID: "D\(index)", rep: "R1", date: LocalDate(year: 2026, month: 3, day: 1 + index)!,
                amount: 100)
        }
        lines[4].date = LocalDate(year: 9999, month: 12, day: 31)!
        var engineError: EngineError?
        do { _ = try CommissionEngine.calculate(plan: plan, lines: lines) } catch { engineError = error }
        let spool = try SpooledCalculation(plan: plan, memoryBudget: budget)
        try spool.add(lines)
        var spooledError: String?
        do { _ = try spool.calculate { _ in } } catch { spooledError = error.description }
        #expect(engineError != nil)
        #expect(spooledError == engineError?.description)
    }

    @Test(arguments: [0, 1 << 20])
    func theSpoolGivesBackWhatItWasGiven(limit: Int) throws {
        let spool = ByteSpool(memoryLimit: limit, chunkSize: 100)
        let texts = (0..<2000).map { String(repeating: "é\($0)", count: $0 % 70) }
        for (index, text) in texts.enumerated() {
            try spool.append { record in
                record.int(index - 1000)
                record.text(text)
                record.raw(Decimal(index) / 7)
            }
        }
        #expect(spool.spilled == (limit == 0))
        for releasing in [false, true] {
            var seen = 0
            try spool.forEach(releasing: releasing) { record in
                #expect(record.int() == seen - 1000)
                #expect(record.text() == texts[seen])
                #expect(record.raw(Decimal.self) == Decimal(seen) / 7)
                seen += 1
            }
            #expect(seen == texts.count)
        }
        #expect(spool.count == 0)
    }
}
