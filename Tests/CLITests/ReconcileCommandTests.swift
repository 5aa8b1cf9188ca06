import Foundation
import Testing

/// `trueup reconcile`, run as a user runs it.
@Suite struct ReconcileCommandTests {
    static let scenarios = CalculateCommandTests.scenarios

    static func run(_ name: String, _ extra: [String] = []) throws -> CommandLineTests.Result {
        let folder = scenarios.appendingPathComponent(name)
        var arguments = [
            "reconcile", folder.appendingPathComponent("manual.xlsx").path, "--plan",
            folder.appendingPathComponent("plan.yaml").path,
        ]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("roster.csv").path) {
            arguments += ["--roster", folder.appendingPathComponent("roster.csv").path]
        }
        return try CommandLineTests.run(arguments + extra)
    }

    @Test func findingsToCorrectExitWith1AndAreRankedByMoney() throws {
        let result = try Self.run("case-01")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("6 wrong cells; net underpayment"))
        let cells = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Summary!") || $0.hasPrefix("Deals!") }
        #expect(cells.first?.hasPrefix("Summary!C5") == true)
    }

    @Test func aCleanWorkbookExitsWith0() throws {
        let result = try Self.run("case-03")
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try Self.run("case-02", ["--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        for key in [
            "sheet", "cell", "row", "deal_id", "rep", "period", "manual", "expected", "difference", "cause", "causes",
            "explanation",
        ] {
            #expect(findings.first?[key] != nil, "\(key)")
        }
        #expect(
            (object?["summary"] as? [String: Any])?["errors"] as? Int
                == findings.filter { $0["cause"] as? String != "rounding" }.count)
    }

    @Test func unmappableColumnsListWhatWasFoundWithStatus2() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("book.csv")
        try "Ref,Who,When,Total\nA,R1,2026-01-01,100\n".write(to: workbook, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run([
            "reconcile", workbook.path, "--plan", Self.scenarios.appendingPathComponent("case-01/plan.yaml").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("found headers 'Ref', 'Who', 'When', 'Total'"))
        #expect(result.stderr.contains("missing deal_id, rep, date, amount"))
    }
}
