import Foundation
import Testing

/// `reconcile --out`: the corrected workbook, and what it refuses.
@Suite struct CorrectedWorkbookCommandTests {
    @Test func writesTheCorrectedWorkbookWhichReconcilesClean() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corrected = folder.appendingPathComponent("corrected.xlsx")
        let first = try ReconcileCommandTests.run("case-05", ["--out", corrected.path])
        #expect(first.status == 1)
        #expect(first.stderr.contains("cells corrected, sheets Findings, Summary (2), Payroll added"))
        let scenario = ReconcileCommandTests.scenarios.appendingPathComponent("case-05")
        var arguments = ["reconcile", corrected.path, "--plan", scenario.appendingPathComponent("plan.yaml").path]
        if FileManager.default.fileExists(atPath: scenario.appendingPathComponent("roster.csv").path) {
            arguments += ["--roster", scenario.appendingPathComponent("roster.csv").path]
        }
        let again = try CommandLineTests.run(arguments)
        #expect(again.status == 0, "\(again.stdout)")
    }

    @Test func refusesToWriteOverItsInputOrToCorrectACSV() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = ReconcileCommandTests.scenarios.appendingPathComponent("case-01")
        let workbook = folder.appendingPathComponent("manual.xlsx")
        try FileManager.default.copyItem(at: scenario.appendingPathComponent("manual.xlsx"), to: workbook)
        let before = try Data(contentsOf: workbook)
        let plan = scenario.appendingPathComponent("plan.yaml").path
        let overInput = try CommandLineTests.run(["reconcile", workbook.path, "--plan", plan, "--out", workbook.path])
        #expect(overInput.status == 2)
        #expect(overInput.stderr.contains("refusing to overwrite it"))
        #expect(try Data(contentsOf: workbook) == before)

        let csv = scenario.appendingPathComponent("deals.csv").path
        let fromCSV = try CommandLineTests.run([
            "reconcile", csv, "--plan", plan, "--out", folder.appendingPathComponent("out.xlsx").path,
        ])
        #expect(fromCSV.status == 2)
        #expect(fromCSV.stderr.contains("only an .xlsx workbook can be corrected"))

        let wrongKind = try CommandLineTests.run([
            "reconcile", workbook.path, "--plan", plan, "--out", folder.appendingPathComponent("out.xlsm").path,
        ])
        #expect(wrongKind.status == 2)
        #expect(wrongKind.stderr.contains("the corrected copy of a .xlsx workbook must end in .xlsx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["manual.xlsx"])
    }
}

/// `trueup correct`: reviewed findings applied later, from the JSON `reconcile` printed.
@Suite struct CorrectCommandTests {
    static func inputs(_ name: String) -> [String] {
        let folder = ReconcileCommandTests.scenarios.appendingPathComponent(name)
        var arguments = [
            folder.appendingPathComponent("manual.xlsx").path, "--plan",
            folder.appendingPathComponent("plan.yaml").path,
        ]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("roster.csv").path) {
            arguments += ["--roster", folder.appendingPathComponent("roster.csv").path]
        }
        return arguments
    }

    @Test(arguments: PayrollCommandTests.cases)
    func correctingFromTheFindingsWritesWhatReconcileWrites(_ name: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let findings = folder.appendingPathComponent("findings.json")
        let json = try CommandLineTests.run(["reconcile"] + Self.inputs(name) + ["--format", "json"])
        try json.stdout.write(to: findings, atomically: true, encoding: .utf8)
        let direct = folder.appendingPathComponent("direct.xlsx")
        _ = try CommandLineTests.run(["reconcile"] + Self.inputs(name) + ["--out", direct.path])
        let later = folder.appendingPathComponent("later.xlsx")
        let result = try CommandLineTests.run([
            "correct", Self.inputs(name)[0], "--findings", findings.path, "--out", later.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: later) == Data(contentsOf: direct))
    }

    @Test func aDeclinedFindingIsLeftAsItWas() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try CommandLineTests.run(["reconcile"] + Self.inputs("case-01") + ["--format", "json"])
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        var findings = try #require(object["findings"] as? [[String: Any]])
        let declined = try #require(findings.firstIndex { $0["sheet"] as? String == "Deals" })
        let cell = findings.remove(at: declined)["cell"] as! String
        object["findings"] = findings
        let path = folder.appendingPathComponent("reviewed.json")
        try JSONSerialization.data(withJSONObject: object).write(to: path)
        let out = folder.appendingPathComponent("corrected.xlsx")
        let result = try CommandLineTests.run([
            "correct", Self.inputs("case-01")[0], "--findings", path.path, "--out", out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let again = try CommandLineTests.run(["reconcile", out.path] + Self.inputs("case-01").dropFirst())
        #expect(again.status == 1)
        #expect(again.stdout.contains("Deals!\(cell)"))
    }

    @Test func findingsThatAreNotReconcileJSONAreRefused() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("other.json")
        try Data(#"{"findings": []}"#.utf8).write(to: path)
        let result = try CommandLineTests.run([
            "correct", Self.inputs("case-01")[0], "--findings", path.path, "--out",
            folder.appendingPathComponent("out.xlsx").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("other.json: not the JSON of `trueup reconcile --format json`"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["other.json"])
    }
}
