import Foundation
import Testing

/// `trueup review` and `trueup forecast` on the bundled samples, run as a user runs them.
@Suite struct ReviewCommandTests {
    static let samples = CommandLineTests.packageRoot.appendingPathComponent("samples")

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    static var reviewArguments: [String] {
        [
            "review", "--plan", sample("plan.yaml"), "--deals", sample("deals-2026.csv"), "--roster",
            sample("roster.csv"),
        ]
    }

    static func json(_ result: CommandLineTests.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func theReviewAgreesWithCalculateAndNamesItsFiguresTheSameWay() throws {
        let review = try Self.json(try CommandLineTests.run(Self.reviewArguments + ["--format", "json"]))
        let calculate = try Self.json(
            try CommandLineTests.run(
                [
                    "calculate", "--plan", Self.sample("plan.yaml"), "--deals", Self.sample("deals-2026.csv"),
                    "--roster", Self.sample("roster.csv"), "--format", "json",
                ]))
        let reps = try #require(review["reps"] as? [[String: Any]])
        let totals = try #require(calculate["reps"] as? [[String: Any]])
        #expect(reps.count == totals.count && !reps.isEmpty)
        let byKey = Dictionary(totals.map { ("\($0["rep"]!)|\($0["period"]!)", $0) }, uniquingKeysWith: { a, _ in a })
        for rep in reps {
            let total = try #require(byKey["\(rep["rep"]!)|\(rep["period"]!)"])
            for field in ["quota", "credit", "attainment", "earned", "payable"] {
                #expect(rep[field] as? String == total[field] as? String, "\(rep["rep"]!) \(rep["period"]!) \(field)")
            }
            let objectives = try #require(rep["objectives"] as? [[String: Any]])
            #expect(objectives.map { $0["name"] as? String } == ["New logos", "Analytics revenue", "Average deal"])
        }
        let anaQ1 = try #require(reps.first { $0["rep"] as? String == "R-101" && $0["period"] as? String == "2026-Q1" })
        let logos = (anaQ1["objectives"] as! [[String: Any]])[0]
        #expect(logos["target"] as? String == "4")  // the roster's target, not the plan's
        #expect((review["teams"] as? [[String: Any]])?.isEmpty == false)
        #expect((review["organisation"] as? [[String: Any]])?.count == (review["periods"] as? [Any])?.count)
    }

    @Test func textCallsOutRepsAndCSVHasARecordPerRepTeamAndPeriod() throws {
        let text = try CommandLineTests.run(Self.reviewArguments + ["--threshold", "30%"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Below 30%: Ben Okafor (19.1%), Ana Lima (3.5%)"))
        #expect(text.stdout.contains("At or above 100%:"))
        let csv = try CommandLineTests.run(Self.reviewArguments + ["--format", "csv"])
        let records = csv.stdout.split(separator: "\r\n")
        #expect(records.first?.hasPrefix("level,period,team,rep,name,rank,quota,credit,attainment") == true)
        #expect(records.first?.hasSuffix("Average deal target,Average deal achieved") == true)
        #expect(records.filter { $0.hasPrefix("rep,") }.count == 14)  // 3 reps in Q1 and Q2, 4 from Q3 (Chloé joins)
        #expect(records.filter { $0.hasPrefix("organisation,") }.count == 4)
        let q3 = try CommandLineTests.run(Self.reviewArguments + ["--format", "csv", "--period", "2026-Q3"])
        let q3Records = q3.stdout.split(separator: "\r\n").dropFirst()
        #expect(q3Records.count == 4 + 2 + 1 && q3Records.allSatisfy { $0.contains(",2026-Q3,") })
        // Changes are still from Q2 (Chloé is new in Q3).
        #expect(q3Records.filter { $0.contains(",2026-Q2,") }.count == 3 + 2 + 1)
        let unknown = try CommandLineTests.run(Self.reviewArguments + ["--period", "2025-Q1"])
        #expect(unknown.status == 2 && unknown.stderr.contains("2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4"))
    }

    /// Names are data, not markup or formulas: a rep called `<script>…` and a team called
    /// `=HYPERLINK(…)` come out escaped in the page and neutralised in the CSV.
    @Test func hostileNamesAreEscapedInThePageAndNeutralisedInTheCSV() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path
        try "id,name,team,quota\r\nR1,\"<script>alert('x')</script> & co\",\"=HYPERLINK(\"\"http://evil\"\")\",1000\r\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let deals = folder.appendingPathComponent("deals.csv").path
        try "Deal ID,Rep,Close Date,Amount\r\nD1,R1,2026-07-01,500\r\n".write(
            toFile: deals, atomically: true, encoding: .utf8)
        let plan = CalculateCommandTests.scenarios.appendingPathComponent("case-03/plan.yaml").path
        let page = folder.appendingPathComponent("review.html").path
        let csv = try CommandLineTests.run([
            "review", "--plan", plan, "--deals", deals, "--roster", roster, "--format", "csv", "--html", page,
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",R1,"))
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    }

    @Test func theWorkbookAndThePageAreWrittenAndInputsAreNeverOverwritten() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("review.xlsx").path
        let page = folder.appendingPathComponent("review.html").path
        let result = try CommandLineTests.run(Self.reviewArguments + ["--out", workbook, "--html", page])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4 + 4)  // a chart per rep and per period's teams
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
        let sheets = try CommandLineTests.run(["inspect", workbook])
        #expect(sheets.status == 0)
        for name in ["2026-Q1", "2026-Q4", "Teams", "Trend"] { #expect(sheets.stdout.contains(name)) }

        // A deals workbook is never the review's output.
        let deals = folder.appendingPathComponent("deals.xlsx")
        try FileManager.default.copyItem(
            at: CalculateCommandTests.scenarios.appendingPathComponent("case-03/deals.xlsx"), to: deals)
        let before = try Data(contentsOf: deals)
        let scenario = CalculateCommandTests.scenarios.appendingPathComponent("case-03")
        let refused = try CommandLineTests.run([
            "review", "--plan", scenario.appendingPathComponent("plan.yaml").path, "--deals", deals.path, "--roster",
            scenario.appendingPathComponent("roster.csv").path, "--out", deals.path,
        ])
        #expect(refused.status == 2 && refused.stderr.contains("deals.xlsx"), "\(refused.stderr)")
        #expect(try Data(contentsOf: deals) == before)
        let notHTML = try CommandLineTests.run(Self.reviewArguments + ["--html", Self.sample("roster.csv")])
        #expect(notHTML.status == 2)
        let badThreshold = try CommandLineTests.run(Self.reviewArguments + ["--threshold", "half"])
        #expect(badThreshold.status == 2 && badThreshold.stderr.contains("--threshold half"))
    }
}
