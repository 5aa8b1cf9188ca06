import Foundation
import TestSupport
import Testing

/// `calculate` against the contract's oracle: `scripts/oracle/fuzz-plans` runs the built binary
/// and an implementation of shared/docs/plan-format.md written from the contract alone
/// (`scripts/oracle/`, Python, decimals throughout) on seeded random plans, rosters and deals
/// (CSV, and every fourth case as a workbook), and compares the exit status and every figure.
/// A fixed set of seeds keeps it to a few seconds; `scripts/oracle/fuzz-plans --seeds 5000`
/// runs the long search.
@Suite struct OracleFuzzTests {
    @Test func calculateAgreesWithTheOracle() throws {
        let script = CommandLineTests.packageRoot.appendingPathComponent("scripts/oracle/fuzz-plans")
        var arguments = ["python3", script.path, "--trueup", CommandLineTests.binary, "--seeds", "60"]
        // The oracle first reproduces the shared scenarios' expected outputs, when they are there.
        if FileManager.default.fileExists(atPath: ReconcileCommandTests.scenarios.path) {
            arguments += ["--scenarios", ReconcileCommandTests.scenarios.path]
        }
        let result = try CommandLineTests.run(
            arguments, executable: "/usr/bin/env", environment: PythonScript.environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Agreeing by refusing alike proves nothing of the figures: most cases are priced
        // (`60 cases, 60 agree (7 refused by both), 0 disagree`).
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("fuzz-plans:") })
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 3 && numbers[0] == 60 && numbers[2] * 4 < numbers[0], "\(summary)")
    }

    /// Seeds whose workbooks plant every kind of error `fuzz-reconcile` plants (39 errors of 15
    /// kinds), in formulas and in typed values, with a summary sheet or without; among them the
    /// seeds of the bugs it found. Seed 64 plants `gate_not_applied`, which seed 89 planted until
    /// the generator's reps began and ended outside 2026 too (session 46). Seed 25577 plants a
    /// wrong tier that the rep-period's running band gives too, beside another such row: the
    /// oracle accepts trueup's `marginal_vs_retroactive` for it (session 51). Seed 26227 plants a
    /// typo that lands on another tier's commission to the cent, which trueup names `wrong_tier`
    /// (session 52).
    static let reconcileSeeds = [3, 10, 21, 44, 59, 64, 89, 103, 125, 143, 150, 502, 25577, 26227]

    /// `reconcile` on hand-kept workbooks of those random plans: `scripts/oracle/fuzz-reconcile`
    /// writes each seed's workbook (the deals, a rate and a commission per row, values or formulas
    /// with their cached values, on some seeds a summary sheet of SUMIFS or typed totals) with
    /// errors of known cause planted where the plan makes them meaningful, and the same workbook
    /// without them. Every planted error is found at its cell with its cause, every total it
    /// spoils found, no other cell flagged (none but `rounding` on the unplanted copy) and no run
    /// refused. `scripts/oracle/fuzz-reconcile --seeds 2000` runs the long search.
    @Test func reconcileFindsThePlantedErrors() throws {
        let script = CommandLineTests.packageRoot.appendingPathComponent("scripts/oracle/fuzz-reconcile")
        let seeds = Self.reconcileSeeds.flatMap { ["--seed", String($0)] }
        let result = try CommandLineTests.run(
            ["python3", script.path, "--trueup", CommandLineTests.binary] + seeds, executable: "/usr/bin/env",
            environment: PythonScript.environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // `fuzz-reconcile: 12 cases (0 skipped: …), 0 failing; 31 planted errors, 31 found, 31 with
        // their cause (…`: every seed priced, and each plants something.
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("fuzz-reconcile:") })
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(
            numbers.count >= 6 && numbers[0] == Self.reconcileSeeds.count && numbers[3] >= numbers[0]
                && numbers[4] == numbers[3] && numbers[5] == numbers[3], "\(summary)")
    }
}
