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
        #expect(first.stderr.contains("cells corrected, "))
        #expect(first.stderr.contains(" dependent formulas recalculated, sheets Findings, Summary (2), Payroll added"))
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

        // The Payroll sheet pays what the workbook now says: the engine's payable, moved by the
        // declined row's difference.
        let removed = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["findings"]
                as? [[String: Any]])[declined]
        let rep = try #require(removed["rep"] as? String)
        let period = try #require(removed["period"] as? String)
        let difference = try #require(Decimal(string: removed["difference"] as? String ?? ""))
        let reps = try #require(object["reps"] as? [[String: Any]])
        let figures = try #require(reps.first { $0["rep"] as? String == rep && $0["period"] as? String == period })
        let payable = try #require(Decimal(string: figures["payable"] as? String ?? ""))
        let payroll = folder.appendingPathComponent("payroll.csv")
        let converted = try CommandLineTests.run(["convert", out.path, payroll.path, "--sheet", "Payroll"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let line = try #require(
            try String(contentsOf: payroll, encoding: .utf8).split(whereSeparator: \.isNewline)
                .first { $0.hasPrefix(rep + ",") && $0.contains("," + period + ",") })
        let paid = try #require(Decimal(string: String(line.split(separator: ",")[3])))
        #expect(paid == payable + difference)
    }

    /// Findings and the workbook they came from, in a temporary folder.
    static func reconciled(_ name: String, in folder: URL) throws -> (workbook: URL, findings: URL, json: String) {
        let workbook = folder.appendingPathComponent("manual.xlsx")
        try FileManager.default.copyItem(atPath: inputs(name)[0], toPath: workbook.path)
        let json = try CommandLineTests.run(
            ["reconcile", workbook.path] + inputs(name).dropFirst() + ["--format", "json"])
        let findings = folder.appendingPathComponent("findings.json")
        try json.stdout.write(to: findings, atomically: true, encoding: .utf8)
        return (workbook, findings, json.stdout)
    }

    @Test func anEditedWorkbookIsRefusedNamingTheFirstCellThatChanged() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workbook, findings, _) = try Self.reconciled("case-01", in: folder)
        let corrected = folder.appendingPathComponent("corrected.xlsx")
        let first = try CommandLineTests.run([
            "correct", workbook.path, "--findings", findings.path, "--out", corrected.path,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        // The corrected copy holds other values in the findings' cells: applying the same findings
        // to it would write the old corrections over new figures.
        let again = try CommandLineTests.run([
            "correct", corrected.path, "--findings", findings.path, "--out",
            folder.appendingPathComponent("twice.xlsx").path,
        ])
        #expect(again.status == 2)
        #expect(again.stderr.contains("corrected.xlsx › "))
        #expect(again.stderr.contains("changed since it was reconciled"))
        #expect(again.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("twice.xlsx").path))
    }

    @Test func findingsOfAnotherWorkbookAreRefused() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, findings, _) = try Self.reconciled("case-01", in: folder)
        let other = try CommandLineTests.run([
            "correct", Self.inputs("case-02")[0], "--findings", findings.path, "--out",
            folder.appendingPathComponent("out.xlsx").path,
        ])
        #expect(other.status == 2)
        #expect(other.stderr.contains("case-02/manual.xlsx"))
        #expect(other.stderr.contains("reconcile it again"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.xlsx").path))
    }

    @Test func aFindingOnASheetTheWorkbookLacksIsRefused() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (workbook, findings, json) = try Self.reconciled("case-01", in: folder)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var list = try #require(object["findings"] as? [[String: Any]])
        let index = try #require(list.firstIndex { $0["cause"] as? String != "missing_line" })
        list[index]["sheet"] = "No Such Sheet"
        object["findings"] = list
        try JSONSerialization.data(withJSONObject: object).write(to: findings)
        let result = try CommandLineTests.run([
            "correct", workbook.path, "--findings", findings.path, "--out",
            folder.appendingPathComponent("out.xlsx").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("sheet 'No Such Sheet'"))
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
