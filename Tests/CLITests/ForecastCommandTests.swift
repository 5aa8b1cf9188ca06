import Foundation
import Testing

/// `trueup forecast` on the bundled samples, run as a user runs it.
@Suite struct ForecastCommandTests {
    static func sample(_ name: String) -> String { ReviewCommandTests.sample(name) }

    static func forecast(pipeline: String, _ extra: [String] = []) throws -> CommandLineTests.Result {
        try CommandLineTests.run(
            [
                "forecast", "--plan", sample("plan.yaml"), "--deals", sample("deals-2026.csv"), "--roster",
                sample("roster.csv"), "--pipeline", pipeline,
            ] + extra)
    }

    /// The sample pipeline's records as fields (it has no quoted fields).
    static func pipelineRecords() throws -> [[String]] {
        try String(contentsOfFile: sample("pipeline.csv"), encoding: .utf8).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// With every open deal at 100%, each projection is `calculate` on the deals and the pipeline
    /// together (the pipeline written as won deals closing on their expected dates).
    @Test func everyOpenDealAtProbabilityOneIsCalculateOnDealsAndPipeline() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try Self.pipelineRecords()
        let header = records[0]
        let probability = try #require(header.firstIndex(of: "Probability"))
        var certain = [header]
        for record in records.dropFirst() {
            var fields = record
            fields[probability] = "100%"
            certain.append(fields)
        }
        let pipeline = folder.appendingPathComponent("certain.csv").path
        try (certain.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").write(
            toFile: pipeline, atomically: true, encoding: .utf8)
        // Deals columns: Opportunity ID, Owner ID, Owner, Account, Close Date, Amount, Split, Product, Type, Stage, Cancel Date.
        var deals = try String(contentsOfFile: Self.sample("deals-2026.csv"), encoding: .utf8)
        for record in records.dropFirst() {
            deals +=
                [
                    record[0], record[1], record[2], record[3], record[4], record[5], "100%", record[6], record[7],
                    "Closed Won", "",
                ].joined(separator: ",") + "\r\n"
        }
        let together = folder.appendingPathComponent("together.csv").path
        try deals.write(toFile: together, atomically: true, encoding: .utf8)

        let forecast = try ReviewCommandTests.json(try Self.forecast(pipeline: pipeline, ["--format", "json"]))
        let calculate = try ReviewCommandTests.json(
            try CommandLineTests.run([
                "calculate", "--plan", Self.sample("plan.yaml"), "--deals", together, "--roster",
                Self.sample("roster.csv"), "--format", "json",
            ]))
        let reps = try #require(forecast["reps"] as? [[String: Any]])
        let totals = try #require(calculate["reps"] as? [[String: Any]])
        #expect(reps.count == totals.count)
        let byKey = Dictionary(totals.map { ("\($0["rep"]!)|\($0["period"]!)", $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for rep in reps {
            let total = try #require(byKey["\(rep["rep"]!)|\(rep["period"]!)"])
            for scenario in ["committed", "expected", "best_case"] {
                let outcome = try #require(rep[scenario] as? [String: Any])
                for field in ["credit", "attainment", "earned", "payable"] {
                    #expect(
                        outcome[field] as? String == total[field] as? String,
                        "\(rep["rep"]!) \(rep["period"]!) \(scenario) \(field): \(outcome[field] ?? "nil") vs \(total[field] ?? "nil")"
                    )
                    compared += 1
                }
            }
        }
        #expect(compared == reps.count * 12 && compared > 0)
        let open = reps.reduce(0) { $0 + ($1["open_deals"] as! Int) }
        #expect(open == records.count - 1)
    }

    @Test func projectionsAreOrderedAndTargetsCompared() throws {
        let result = try Self.forecast(
            pipeline: Self.sample("pipeline.csv"),
            ["--period", "2026-Q4", "--target", "1900000", "--target", "West=800000", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try ReviewCommandTests.json(result)
        let organisation = try #require((object["organisation"] as? [[String: Any]])?.first)
        func credit(_ scenario: String) -> Decimal {
            Decimal(string: (organisation[scenario] as! [String: Any])["credit"] as! String)!
        }
        #expect(credit("closed") <= credit("committed"))
        #expect(credit("committed") <= credit("expected"))
        #expect(credit("expected") <= credit("best_case"))
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.count == 2)
        #expect(targets[0]["team"] is NSNull && targets[0]["target"] as? String == "1900000.00")
        #expect(targets[1]["team"] as? String == "West")
        let gap = Decimal(string: targets[0]["gap"] as! String)!
        #expect(gap == credit("expected") - 1_900_000)
    }

    @Test func csvHasARecordPerRepTeamAndPeriodWithEachProjection() throws {
        let result = try Self.forecast(
            pipeline: Self.sample("pipeline.csv"), ["--format", "csv", "--period", "2026-Q4"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = result.stdout.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let header = records[0].map(String.init)
        #expect(header.prefix(5) == ["level", "period", "team", "rep", "name"])
        for scenario in ["closed", "committed", "expected", "best_case"] {
            #expect(header.contains("\(scenario)_credit") && header.contains("\(scenario)_earned"))
        }
        #expect(records.filter { $0.first == "rep" }.count == 4)
        #expect(records.filter { $0.first == "team" }.count == 2)
        let organisation = try #require(records.first { $0.first == "organisation" })
        let open = header.firstIndex(of: "open_deals")!
        #expect(organisation[open] == "28")  // every open deal in the sample pipeline closes in Q4
    }

    @Test func theWorkbookHasASheetPerPeriodTeamsAndTargets() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("forecast.xlsx").path
        let result = try Self.forecast(
            pipeline: Self.sample("pipeline.csv"), ["--target", "West=800000", "--out", workbook])
        #expect(result.status == 0, "\(result.stderr)")
        let sheets = try CommandLineTests.run(["inspect", workbook])
        for name in ["2026-Q1", "2026-Q4", "Teams", "Targets"] { #expect(sheets.stdout.contains(name)) }
        let csv = folder.appendingPathComponent("q4.csv").path
        #expect(try CommandLineTests.run(["convert", workbook, csv, "--sheet", "2026-Q4"]).status == 0)
        let header = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").first ?? ""
        #expect(header.hasPrefix("Rep,Name,Team,Quota,Closed credit,Open deals,Pipeline,Weighted pipeline"))
        let notWorkbook = try Self.forecast(pipeline: Self.sample("pipeline.csv"), ["--out", csv])
        #expect(notWorkbook.status == 2)
    }

    @Test func anUnmappedStageIsRefusedAtItsCell() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var records = try Self.pipelineRecords()
        let row = try #require(records.firstIndex { $0.last == "" && $0.count > 1 && $0[0] != "Opportunity ID" })
        records[row][records[row].count - 2] = "Verbal"
        let pipeline = folder.appendingPathComponent("pipeline.csv").path
        try (records.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").write(
            toFile: pipeline, atomically: true, encoding: .utf8)
        let result = try Self.forecast(pipeline: pipeline)
        #expect(result.status == 2)
        #expect(result.stderr.contains("pipeline.csv") && result.stderr.contains("'Verbal'"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
