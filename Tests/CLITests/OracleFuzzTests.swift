import Foundation
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
        let result = try CommandLineTests.run(arguments, executable: "/usr/bin/env")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        // Agreeing by refusing alike proves nothing of the figures: most cases are priced
        // (`60 cases, 60 agree (7 refused by both), 0 disagree`).
        let summary = try #require(result.stdout.split(separator: "\n").last { $0.hasPrefix("fuzz-plans:") })
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 3 && numbers[0] == 60 && numbers[2] * 4 < numbers[0], "\(summary)")
    }
}
