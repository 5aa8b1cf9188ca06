import Commission
import Foundation
import PlanFile
import TestSupport
import Testing

/// The engine's windows of reps, computed on every core while the caller takes the ones before
/// them, give the statement computed in one window: the same lines in roster order, totals and
/// issues, and, when a rep fails, the error of the first failing rep in roster order.
@Suite struct WindowedStatementTests {
    /// A quarterly plan priced on attainment, so that a rep without a quota fails.
    static func plan() throws -> Plan {
        try PlanFile.parse(
            """
            plan: windows
            currency: USD
            period: quarter
            eligible: { status: [Won] }
            commission:
              tiers: { metric: attainment, basis: period, mode: marginal, table: [{ from: 0%, rate: 4% }, { from: 70%, rate: 8% }] }
            clawback: { statuses: [Cancelled], window_days: 90 }
            """, file: "windows.yaml")
    }

    /// Reps `R0`… in that order, each with a quarterly quota except those in `withoutQuota`.
    static func roster(_ count: Int, withoutQuota: Set<Int> = []) -> [RosterEntry] {
        (0..<count).map { RosterEntry(id: "R\($0)", quota: withoutQuota.contains($0) ? nil : 400_000) }
    }

    /// `count` deals over `reps` reps, in several quarters, some split, lost or cancelled.
    static func lines(seed: UInt64, count: Int, reps: Int) -> [CreditLine] {
        var generator = SeededGenerator(state: seed)
        var lines: [CreditLine] = []
        for deal in 0..<count {
            let date = LocalDate(year: 2026, month: Int.random(in: 1...12, using: &generator), day: 9)!
            let status = ["Won", "Won", "Won", "Lost", "Cancelled"][Int.random(in: 0...4, using: &generator)]
            let first = Int.random(in: 0..<reps, using: &generator)
            let splits: [Decimal] = Int.random(in: 0...3, using: &generator) == 0 ? [0.5, 0.5] : [1]
            for (share, split) in splits.enumerated() {
                let rep = (first + share) % reps
                lines.append(
                    CreditLine(
                        row: lines.count + 2, dealID: "D\(deal)", rep: "R\(rep)", date: date,
                        amount: Decimal(Int.random(in: 100...5_000_000, using: &generator)) / 100, split: split,
                        status: status,
                        cancelDate: status == "Cancelled" ? LocalDate(dayNumber: date.dayNumber + 30) : nil))
            }
        }
        return lines
    }

    @Test(arguments: [1, 3, 40, 10_000])
    func windowsGiveTheWholeStatement(windowLines: Int) throws {
        let plan = try Self.plan()
        let roster = Self.roster(37)
        let lines = Self.lines(seed: UInt64(windowLines), count: 900, reps: 37)
        let whole = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines)
        var handed: [[[StatementLine]]] = []
        let windowed = try CommissionEngine.calculate(
            plan: plan, roster: roster, lines: lines, windowLines: windowLines
        ) { handed.append($0) }
        #expect(Array(handed.joined()) == whole.lineGroups)
        #expect(windowed.reps == whole.reps)
        #expect(windowed.issues == whole.issues)
        #expect(windowed.lineGroups.isEmpty)
        #expect(whole.issues.contains { $0.code == .notEligible })
        // One window when it holds every line, else several, each handed on once.
        #expect((handed.count == 1) == (windowLines >= lines.count))
    }

    /// A line's credit is its amount × split whether few or most lines are split (the run keeps
    /// the split lines' credits in a table, or every line's in a list when most are split).
    /// `halvedEvery`: 0 leaves the lines as made (about four in ten split); n halves every nth.
    @Test(arguments: [0, 1, 4])
    func creditsAreAmountTimesSplit(halvedEvery: Int) throws {
        var lines = Self.lines(seed: 7, count: 300, reps: 5)
        if halvedEvery > 0 {
            for index in lines.indices { lines[index].split = index % halvedEvery == 0 ? 0.5 : 1 }
        }
        let statement = try CommissionEngine.calculate(plan: try Self.plan(), roster: Self.roster(5), lines: lines)
        let byRow = Dictionary(uniqueKeysWithValues: lines.map { ($0.row, $0) })
        let credited = statement.lineGroups.joined().filter { $0.kind == .commission && $0.credit != nil }
        #expect(credited.count > 100)
        for line in credited {
            let row = try #require(line.row)
            let source = try #require(byRow[row])
            #expect(line.credit == source.amount * source.split, "row \(source.row)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aFailingRepStopsTheWindowsWithTheFirstError(seed: UInt64) throws {
        let plan = try Self.plan()
        // Two reps fail, far apart in roster order: the first one's error is the one thrown.
        let roster = Self.roster(37, withoutQuota: [9, 30])
        let lines = Self.lines(seed: seed, count: 900, reps: 37)
        var whole: EngineError?
        do { _ = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines) } catch { whole = error }
        var windowed: EngineError?
        var handed = 0
        do {
            _ = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines, windowLines: 5) {
                handed += $0.count
            }
        } catch {
            windowed = error
        }
        #expect(whole?.description.contains("rep R9 ") == true)
        #expect(windowed?.description == whole?.description)
        // Windows before the failing rep's were handed on, none from it on.
        #expect(handed > 0 && handed <= 9)
    }
}
