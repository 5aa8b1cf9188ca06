import Foundation
import TestSupport
import Testing

/// `trueup calculate --deals` on a workbook kept a tab per rep reads every deals sheet: its
/// statements are those of the same deals on one sheet, spooled or kept whole.
@Suite struct CalculateSheetsTests {
    /// Every scenario's hand-kept workbook rendered on one Deals sheet (`base`) and a tab per rep
    /// without a rep column (`tab-per-rep`), by `scripts/make-layouts`.
    static func render(into folder: URL) throws {
        let script = CommandLineTests.packageRoot.appendingPathComponent("scripts/make-layouts")
        guard try PythonScript.run([script.path, folder.path, "--layouts", "base,tab-per-rep"], quiet: true) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// `calculate --format json` on `workbook` with the case's plan and roster, and `more`
    /// arguments: the document, and the stages the run reported (`TRUEUP_STAGES`).
    static func statement(_ workbook: URL, case folder: URL, _ more: [String] = []) throws -> (
        json: String, stages: String
    ) {
        var arguments = [
            "calculate", "--plan", folder.appendingPathComponent("plan.yaml").path, "--deals", workbook.path,
            "--format", "json",
        ]
        let roster = folder.appendingPathComponent("roster.csv")
        if FileManager.default.fileExists(atPath: roster.path) { arguments += ["--roster", roster.path] }
        let result = try CommandLineTests.run(arguments + more, environment: ["TRUEUP_STAGES": "1"])
        #expect(result.status == 0, "\(workbook.path): \(result.stderr)")
        return (result.stdout, result.stderr)
    }

    /// A JSON statement's reps, and its lines without the row and sheet each stands on (a tab's
    /// rows are numbered on their own sheet).
    static func parsed(_ document: String) throws -> (reps: [NSDictionary], lines: [String]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? NSDictionary)
        let reps = try #require(object["reps"] as? [NSDictionary])
        let lines = try #require(object["lines"] as? [[String: Any]]).map { line in
            var line = line
            line["row"] = nil
            line["sheet"] = nil
            let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        return (reps, lines.sorted())
    }

    /// Runs the openpyxl `script` with the workbook's path as its one argument.
    static func python(_ script: String, _ workbook: URL) throws {
        try #require(try PythonScript.run(["-c", script, workbook.path]) == 0)
    }

    @Test func aTabPerRepCalculatesAsTheSameDealsOnOneSheet() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.render(into: folder)
        let cases = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("tab-per-rep").path
        ).filter { $0.hasSuffix(".xlsx") }.sorted()
        try #require(cases.count >= 8)
        for file in cases {
            let name = String(file.dropLast(".xlsx".count))
            let scenario = CalculateCommandTests.scenarios.appendingPathComponent(name)
            let oneSheet = try Self.parsed(
                Self.statement(folder.appendingPathComponent("base").appendingPathComponent(file), case: scenario).json)
            let tabs = folder.appendingPathComponent("tab-per-rep").appendingPathComponent(file)
            let spooled = try Self.statement(tabs, case: scenario)
            let perRep = try Self.parsed(spooled.json)
            #expect(!oneSheet.reps.isEmpty && !oneSheet.lines.isEmpty, "\(name)")
            #expect(perRep.reps == oneSheet.reps, "\(name): the tabs' statements differ from one sheet's")
            #expect(perRep.lines == oneSheet.lines, "\(name): the tabs' lines differ from one sheet's")
            // The JSON statement is written from spooled lines unless an output needs them all
            // (`--out`): both ways give the same document, byte for byte.
            let whole = try Self.statement(
                tabs, case: scenario, ["--out", folder.appendingPathComponent("statement-\(file)").path])
            #expect(spooled.stages.contains("stage read deals into the spool:"), "\(name): \(spooled.stages)")
            #expect(whole.stages.contains("stage read deals:"), "\(name): \(whole.stages)")
            #expect(spooled.json == whole.json, "\(name): the spooled statement differs from the whole run's")
        }
    }

    /// tester-engine finding 1: lines from two sheets of a deals workbook both on row 2 are told
    /// apart by their sheet, in the JSON (spooled or kept whole) and in the text's lines; an issue
    /// and a refusal name the sheet as well.
    @Test func eachLineOfAWorkbookNamesItsSheet() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("deals.xlsx")
        func write(lastMonthRep: String) throws {
            let script = """
                import openpyxl, sys
                book = openpyxl.Workbook()
                first = book.active
                first.title = "Deals"
                first.append(["deal_id", "rep", "date", "amount", "split"])
                first.append(["D1", "R1", "2026-01-10", 50000, 1])
                second = book.create_sheet("Deals (last month)")
                second.append(["deal_id", "rep", "date", "amount", "split"])
                second.append(["D0", "R1", "2026-01-05", 30000, 0.5])
                second.append(["D2", "\(lastMonthRep)", "2026-01-06", 1000, 1])
                book.save(sys.argv[1])
                """
            try Self.python(script, workbook)
        }
        try write(lastMonthRep: "R1")
        let plan = folder.appendingPathComponent("plan.yaml")
        try """
        plan: sheets
        period: month
        commission:
          tiers: {metric: amount, basis: per_deal, mode: retroactive, table: [{from: 0, rate: 10%}]}
        reps:
          - {id: R1, name: Ann}
        """.write(to: plan, atomically: true, encoding: .utf8)
        // Both sheets named: without `--sheet` the first alone is read (`onlyTheFirstDealsSheetIsRead`).
        let calculate = ["calculate", "--plan", plan.path, "--deals", workbook.path, "--sheet", "Deals*"]
        for more in [[], ["--out", folder.appendingPathComponent("statement.xlsx").path]] {
            let result = try CommandLineTests.run(calculate + ["--format", "json"] + more)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary)
            let lines = try #require(object["lines"] as? [[String: Any]])
            let places = lines.map {
                "\($0["deal_id"] as? String ?? "") \($0["sheet"] as? String ?? "-") \($0["row"] as? Int ?? 0)"
            }
            #expect(
                places.sorted() == ["D0 Deals (last month) 2", "D1 Deals 2", "D2 Deals (last month) 3"], "\(places)")
            // D0's split of 50% is an issue on the second sheet's row 2.
            let issues = try #require(object["issues"] as? [[String: Any]])
            #expect(
                issues.contains { $0["sheet"] as? String == "Deals (last month)" && $0["row"] as? Int == 2 },
                "\(issues)")
        }
        let text = try CommandLineTests.run(calculate + ["--lines"])
        #expect(text.stdout.contains("(Deals row 2)"), "\(text.stdout)")
        #expect(text.stdout.contains("('Deals (last month)' row 2)"), "\(text.stdout)")
        #expect(text.stdout.contains("splitTotal ('Deals (last month)' row 2)"), "\(text.stdout)")
        try write(lastMonthRep: "R9")
        let refused = try CommandLineTests.run(calculate)
        #expect(refused.status == 2)
        #expect(
            refused.stderr.contains("'Deals (last month)' row 3: rep 'R9' is not on the roster"), "\(refused.stderr)")
    }

    /// tester8 finding 1: a deals workbook with two sheets whose headers name every required
    /// column (`Deals`, and open deals on `Pipeline (open)`) pays the first sheet's deals alone, as
    /// plan-format.md §7 says ("the deals sheet is the first sheet that has such a row, unless
    /// `--sheet` names one"); the other is named on standard error, and `--sheet` reads it too.
    @Test func onlyTheFirstDealsSheetIsRead() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("two.xlsx")
        let script = """
            import openpyxl, sys
            book = openpyxl.Workbook()
            first = book.active
            first.title = "Deals"
            first.append(["deal_id", "rep", "date", "amount"])
            first.append(["A", "R1", "2026-01-10", 60000])
            second = book.create_sheet("Pipeline (open)")
            second.append(["deal_id", "rep", "date", "amount"])
            second.append(["P1", "R1", "2026-02-10", 90000])
            book.save(sys.argv[1])
            """
        try Self.python(script, workbook)
        let plan = folder.appendingPathComponent("plan.yaml")
        try """
        plan: first sheet
        period: quarter
        commission:
          tiers: {metric: amount, basis: per_deal, mode: retroactive, table: [{from: 0, rate: 5%}]}
        reps:
          - {id: R1, name: Ann}
        """.write(to: plan, atomically: true, encoding: .utf8)
        let calculate = ["calculate", "--plan", plan.path, "--deals", workbook.path, "--format", "json"]
        func deals(_ result: CommandLineTests.Result) throws -> [String] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary)
            return try #require(object["lines"] as? [[String: Any]]).compactMap { $0["deal_id"] as? String }.sorted()
        }
        let first = try CommandLineTests.run(calculate)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try deals(first) == ["A"])
        #expect(first.stdout.contains("\"3000.00\""), "\(first.stdout)")
        #expect(first.stderr.contains("'Pipeline (open)' holds deals, not read"), "\(first.stderr)")
        let both = try CommandLineTests.run(calculate + ["--sheet", "Deals,Pipeline (open)"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try deals(both) == ["A", "P1"])
        #expect(!both.stderr.contains("not read"), "\(both.stderr)")
    }
}
