import Commission
import Foundation
import Ingest
import PlanFile
import Reports
import Testing

/// Runs every case of `shared/scenarios` end to end — plan file, deals (as CSV and as XLSX),
/// roster — and matches `expected.json` figure for figure, as exact decimals.
@Suite struct ScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("case-") }.sorted()
    }()

    @Test func theScenariosAreThere() {
        #expect(Self.cases.count >= 8)
    }

    @Test(arguments: cases, ["deals.csv", "deals.xlsx"])
    func matchesExpected(_ name: String, _ dealsFile: String) throws {
        let directory = Self.folder.appendingPathComponent(name)
        let arguments = try Self.calculateArguments(directory)
        let plan = try PlanFile.load(path: directory.appendingPathComponent(arguments["--plan"]!).path)
        let deals = try DealsReader.read(
            TableFile.open(directory.appendingPathComponent(dealsFile).path), pins: plan.columns)
        #expect(deals.diagnostics.isEmpty, "\(deals.diagnostics)")
        let roster =
            try arguments["--roster"].map {
                try RosterReader.read(TableFile.open(directory.appendingPathComponent($0).path))
            } ?? []
        let statement = try CommissionEngine.calculate(plan: plan, roster: roster, lines: deals.lines)
        let whole = try OrderedJSONEncoder().encode(StatementDocument(statement))
        var streamed = ""
        try StatementDocument.write(statement) { streamed += $0 }
        #expect(streamed == whole, "calculate --format json's streamed document differs from the whole one")
        // Computed a few reps at a time with the lines handed over: the same lines, totals and issues.
        var handed: [[StatementLine]] = []
        let windowed = try CommissionEngine.calculate(plan: plan, roster: roster, lines: deals.lines, windowLines: 7) {
            handed += $0
        }
        #expect(windowed.lineGroups.isEmpty)
        #expect(handed == statement.lineGroups)
        #expect(windowed.reps == statement.reps && windowed.issues == statement.issues)
        let ours = try JSONSerialization.jsonObject(with: Data(whole.utf8)) as! [String: Any]
        let expected =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: directory.appendingPathComponent("expected.json"))) as! [String: Any]
        let lineDifferences = Self.compareLines(
            ours["lines"] as! [[String: Any]], expected["lines"] as! [[String: Any]])
        let repDifferences = Self.compareReps(ours["reps"] as! [[String: Any]], expected["reps"] as! [[String: Any]])
        #expect(lineDifferences.isEmpty, "\(lineDifferences.prefix(5))")
        #expect(repDifferences.isEmpty, "\(repDifferences.prefix(5))")
        if lineDifferences.isEmpty && repDifferences.isEmpty {
            print(
                "scenario \(name) from \(dealsFile): \((expected["lines"] as! [Any]).count) lines and \((expected["reps"] as! [Any]).count) rep-periods match expected.json"
            )
        }
    }

    static func calculateArguments(_ directory: URL) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("case.json")))
        let list = (object as! [String: Any])["calculate"] as! [String]
        var result: [String: String] = [:]
        for (flag, value) in zip(list, list.dropFirst()) where flag.hasPrefix("--") { result[flag] = value }
        return result
    }

    static func decimal(_ value: Any?) -> Decimal? {
        (value as? String).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    /// Lines match by (rep, period, kind, deal, row, bonus) on amount and credit, every one of them:
    /// two lines with the same key are compared as a multiset of (amount, credit), so a line computed
    /// twice or missing once shows. Lines whose amount is zero may be present on one side only
    /// (scenarios/README.md).
    static func compareLines(_ ours: [[String: Any]], _ expected: [[String: Any]]) -> [String] {
        func key(_ line: [String: Any]) -> String {
            ["rep", "period", "kind", "deal_id", "row", "bonus"].map { "\(line[$0] ?? "-")" }.joined(separator: "|")
        }
        func figures(_ line: [String: Any]) -> String {
            "\(decimal(line["amount"]).map { "\($0)" } ?? "none")/\(decimal(line["credit"]).map { "\($0)" } ?? "none")"
        }
        func nonZero(_ lines: [[String: Any]]) -> [String: [String]] {
            Dictionary(
                grouping: lines.filter { decimal($0["amount"]) != 0 }, by: key
            ).mapValues { $0.map(figures).sorted() }
        }
        let mine = nonZero(ours)
        let theirs = nonZero(expected)
        var differences: [String] = []
        for name in Set(mine.keys).union(theirs.keys).sorted() where mine[name] != theirs[name] {
            differences.append("\(name): ours \(mine[name] ?? ["none"]) expected \(theirs[name] ?? ["none"])")
        }
        return differences
    }

    static func compareReps(_ ours: [[String: Any]], _ expected: [[String: Any]]) -> [String] {
        func index(_ reps: [[String: Any]]) -> [String: [String: Any]] {
            Dictionary(reps.map { ("\($0["rep"]!)|\($0["period"]!)", $0) }, uniquingKeysWith: { a, _ in a })
        }
        let mine = index(ours)
        var differences: [String] = []
        // A rep-period listed twice on either side is a difference of its own.
        if mine.count != ours.count { differences.append("ours lists a rep-period twice") }
        if index(expected).count != expected.count { differences.append("expected lists a rep-period twice") }
        for (name, theirs) in index(expected) {
            guard let row = mine[name] else {
                differences.append("\(name): missing")
                continue
            }
            for field in [
                "credit", "quota", "attainment", "ytd_quota", "earned", "draw", "draw_paid", "recovered", "payable",
                "balance",
            ]
            where theirs[field] != nil && decimal(theirs[field]) != decimal(row[field]) {
                differences.append("\(name) \(field): ours \(row[field] ?? "none") expected \(theirs[field]!)")
            }
        }
        differences += Set(mine.keys).subtracting(index(expected).keys).map { "\($0): not expected" }
        return differences
    }
}
