import Commission
import Foundation
import Ingest
import Ledger
import PlanFile
import TestSupport
import Testing

/// On every shared scenario: the first periods are closed from a copy of the deals without some
/// late deals and without the later cancellations; then the full deals are run against the
/// ledger, and every adjustment must be the engine's payable minus the payable recorded.
@Suite struct ScenarioTrueUpTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("case-") }.sorted()
    }()

    /// A scenario read from its folder.
    struct Scenario {
        let plan: Plan
        let planText: String
        let roster: [RosterEntry]
        let lines: [CreditLine]

        init(_ name: String) throws {
            let directory = ScenarioTrueUpTests.folder.appendingPathComponent(name)
            let planPath = directory.appendingPathComponent("plan.yaml").path
            plan = try PlanFile.load(path: planPath)
            planText = try String(contentsOfFile: planPath, encoding: .utf8)
            let rosterPath = directory.appendingPathComponent("roster.csv").path
            roster =
                FileManager.default.fileExists(atPath: rosterPath)
                ? try RosterReader.read(TableFile.open(rosterPath)) : []
            lines = try DealsReader.read(
                TableFile.open(directory.appendingPathComponent("deals.csv").path), pins: plan.columns
            ).lines
        }

        func statement(_ lines: [CreditLine], carried: CarriedBalances = .none) throws -> Statement {
            try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines, carried: carried)
        }

        func period(of date: LocalDate) -> Period {
            Period(containing: date, kind: plan.period, fiscalYearStart: plan.fiscalYearStart)
        }
    }

    /// The deals as they stood when the first periods closed: every third deal of a closed period
    /// not booked yet, and no deal cancelled yet.
    static func earlyCopy(_ scenario: Scenario, closed: Set<Period>) -> (lines: [CreditLine], late: Set<String>) {
        let clawbackStatuses = Set((scenario.plan.clawback?.statuses ?? []).map { $0.lowercased() })
        let candidates = Set(
            scenario.lines.filter {
                closed.contains(scenario.period(of: $0.date))
                    && !clawbackStatuses.contains(($0.status ?? "").lowercased())
            }.map(\.dealID)
        ).sorted()
        let late = Set(candidates.enumerated().filter { $0.offset % 3 == 1 }.map(\.element))
        let eligible = scenario.plan.eligibleStatuses?.first ?? "Won"
        let lines = scenario.lines.filter { !late.contains($0.dealID) }.map { line in
            var line = line
            if clawbackStatuses.contains((line.status ?? "").lowercased()) {
                line.status = eligible
                line.cancelDate = nil
            }
            return line
        }
        return (lines, late)
    }

    @Test(arguments: cases) func adjustmentsAreTheNewPayableLessThePaidOneWithTheirCauses(_ name: String) throws {
        let scenario = try Scenario(name)
        let full = try scenario.statement(scenario.lines)
        let periods = Set(full.reps.map(\.period)).sorted()
        let closed = periods.count > 1 ? Array(periods.dropLast()) : periods
        let (earlyLines, late) = Self.earlyCopy(scenario, closed: Set(closed))
        let folder = try TemporaryFolder()
        let ledger = try LedgerFile(path: folder.path("ledger.sqlite"), creating: true)
        let periodsOfPlan = LedgerPeriods(plan: scenario.plan)
        for period in closed {
            let carried = try TrueUpCalculation(ledger: ledger, plan: scenario.plan).carried
            let early = try scenario.statement(earlyLines, carried: carried)
            try ledger.close(
                ClosingFigures(statement: early, period: period, planText: scenario.planText, inputs: .init()),
                periods: periodsOfPlan, by: .init(actor: "test", note: nil))
        }
        let early = try scenario.statement(earlyLines)
        let calculation = try TrueUpCalculation(ledger: ledger, plan: scenario.plan)
        let now = try scenario.statement(scenario.lines, carried: calculation.carried)
        #expect(now == full, "no period before the run: nothing carried in")
        let trueUp = try calculation.trueUp(now, planText: scenario.planText)

        func payables(_ statement: Statement) -> [String: Decimal] {
            Dictionary(statement.reps.map { ("\($0.rep) \($0.period)", $0.payable) }, uniquingKeysWith: +)
        }
        let due = payables(full)
        let paid = payables(early)
        var expected: [String: Decimal] = [:]
        for period in closed {
            for key in Set(due.keys).union(paid.keys) where key.hasSuffix(" \(period)") {
                let difference = (due[key] ?? 0) - (paid[key] ?? 0)
                if difference != 0 { expected[key] = difference }
            }
        }
        let found = Dictionary(
            trueUp.adjustments.map { ("\($0.rep) \($0.period)", $0.difference) }, uniquingKeysWith: +)
        #expect(found == expected)
        for adjustment in trueUp.adjustments {
            let key = "\(adjustment.rep) \(adjustment.period)"
            #expect(adjustment.paid == paid[key] ?? 0)
            #expect(adjustment.due == due[key] ?? 0)
            let ownLines = full.lineGroups.joined().filter {
                $0.rep == adjustment.rep && $0.period == adjustment.period
            }
            let lateHere = Set(ownLines.compactMap(\.dealID).filter(late.contains))
            let clawedHere = Set(ownLines.filter { $0.kind == .clawback }.compactMap(\.dealID))
            let causes = Dictionary(
                adjustment.causes.map { ($0.cause, Set($0.dealIDs)) }, uniquingKeysWith: { $0.union($1) })
            if !lateHere.isEmpty || !clawedHere.isEmpty {
                #expect(causes[.lateDeal] ?? [] == lateHere, "\(key): \(adjustment.causes)")
                #expect(causes[.clawback] ?? [] == clawedHere.subtracting(lateHere), "\(key): \(adjustment.causes)")
                #expect(Set(causes.keys).isSubset(of: [.lateDeal, .clawback]), "\(key): \(adjustment.causes)")
            }
        }

        // Payroll: open periods in full, closed ones by adjustment; the lines add up to the cent.
        let payroll = LedgerPayroll.lines(full, trueUp: trueUp)
        let openTotal = full.reps.filter { !closed.contains($0.period) }.reduce(Decimal(0)) { $0 + $1.payable }
        #expect(LedgerPayroll.total(payroll) == openTotal + expected.values.reduce(0, +))
        let fullTotal = full.reps.reduce(Decimal(0)) { $0 + $1.payable }
        let paidTotal = early.reps.filter { closed.contains($0.period) }.reduce(Decimal(0)) { $0 + $1.payable }
        #expect(LedgerPayroll.total(payroll) == fullTotal - paidTotal)
        #expect(payroll.filter { $0.kind == .adjustment }.count == expected.count)
        print(
            "true-up \(name): \(closed.count) closed period(s), \(late.count) late deal(s), \(trueUp.adjustments.count) adjustment(s), net \(trueUp.netAdjustment)"
        )
    }
}

/// A folder under the system's temporary folder, removed when the value goes.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = Scratch.folder.appendingPathComponent("trueup-ledger-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
