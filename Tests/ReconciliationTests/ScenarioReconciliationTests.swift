import Commission
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Testing

/// Reconciles every `manual.xlsx` of `shared/scenarios` and scores the findings against its
/// `truth.json`: recall and precision of the wrong cells, and the main cause of each.
@Suite struct ScenarioReconciliationTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("case-") }
            .sorted()
    }()

    struct Score {
        var truthErrors = 0, found = 0, flagged = 0, correct = 0, causesRight = 0, causesChecked = 0
        var problems: [String] = []
    }

    /// Scenario `name`'s hand-kept workbook, plan and roster (the one `case.json` names, if any).
    static func inputs(_ name: String) throws -> (workbook: String, plan: Plan, roster: [RosterEntry]) {
        let directory = folder.appendingPathComponent(name)
        let arguments =
            (try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("case.json")))
            as! [String: Any])["calculate"] as! [String]
        let roster = zip(arguments, arguments.dropFirst()).first { $0.0 == "--roster" }?.1
        let plan = try PlanFile.load(path: directory.appendingPathComponent("plan.yaml").path)
        let entries =
            try roster.map { try RosterReader.read(TableFile.open(directory.appendingPathComponent($0).path)) } ?? []
        return (directory.appendingPathComponent("manual.xlsx").path, plan, entries)
    }

    static func reconcile(_ name: String) throws -> (Reconciliation, [String: Any]) {
        let directory = folder.appendingPathComponent(name)
        let (workbook, plan, entries) = try inputs(name)
        let result = try Reconciler.reconcile(workbook: workbook, plan: plan, roster: entries, pins: plan.columns)
        let truth =
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("truth.json")))
            as! [String: Any]
        return (result, truth)
    }

    static func score(_ result: Reconciliation, _ truth: [String: Any], into score: inout Score, name: String) {
        let cells = truth["cells"] as! [[String: Any]]
        let errors = truth["errors"] as! [[String: Any]]
        let errorCauses = Set(errors.map { $0["cause"] as! String } + errors.flatMap { $0["also_accept"] as! [String] })
        let ours = Dictionary(result.findings.map { ("\($0.sheet)!\($0.cell)", $0) }, uniquingKeysWith: { a, _ in a })
        var truthKeys: Set<String> = []
        for cell in cells {
            let key = "\(cell["sheet"]!)!\(cell["cell"]!)"
            truthKeys.insert(key)
            let role = cell["role"] as! String
            guard role == "primary" || role == "derived" else {
                if role == "rounding", let finding = ours[key], finding.isError {
                    score.problems.append("\(name) \(key): a rounding difference reported as \(finding.cause)")
                }
                continue
            }
            score.truthErrors += 1
            guard let finding = ours[key], finding.isError else {
                score.problems.append("\(name) \(key): not found (\(cell["cause"]!))")
                continue
            }
            score.found += 1
            score.causesChecked += 1
            let accepted = Set([cell["cause"] as! String] + (cell["also_accept"] as! [String]))
            if accepted.contains(finding.cause.rawValue)
                || (role == "derived" && errorCauses.contains(finding.cause.rawValue))
            {
                score.causesRight += 1
            } else {
                score.problems.append("\(name) \(key): cause \(finding.cause), truth \(cell["cause"]!) \(accepted)")
            }
        }
        for finding in result.errors {
            score.flagged += 1
            if truthKeys.contains("\(finding.sheet)!\(finding.cell)") {
                score.correct += 1
            } else {
                score.problems.append(
                    "\(name) \(finding.sheet)!\(finding.cell): false alarm \(finding.cause) (\(finding.explanation))")
            }
        }
    }

    @Test func everyPlantedErrorIsFoundWithItsCauseAndNothingElse() throws {
        try #require(Self.cases.count >= 8)
        var score = Score()
        for name in Self.cases {
            let (result, truth) = try Self.reconcile(name)
            Self.score(result, truth, into: &score, name: name)
            let summary = truth["summary"] as! [String: Any]
            if (summary["errors"] as? Int) == 0 { #expect(result.errors.isEmpty, "\(name) should reconcile clean") }
        }
        let recall = Double(score.found) / Double(max(score.truthErrors, 1)) * 100
        let precision = Double(score.correct) / Double(max(score.flagged, 1)) * 100
        print(
            "reconcile scenarios: recall \(score.found)/\(score.truthErrors) (" + String(format: "%.1f", recall)
                + "%), precision \(score.correct)/\(score.flagged) (" + String(format: "%.1f", precision)
                + "%), main cause right \(score.causesRight)/\(score.causesChecked)")
        for problem in score.problems { print("  " + problem) }
        #expect(score.found == score.truthErrors)
        #expect(score.correct == score.flagged)
        #expect(score.causesRight == score.causesChecked)
    }

    /// Without the statement's lines (`keepingStatementLines: false`, what `trueup reconcile`
    /// asks for without a ledger: the comparisons read the amounts gathered as the lines are
    /// computed, and no explanation is written) the findings are the same, and no cause is read
    /// from an explanation's words (an `override_not_applied` among them, in case-05). Both runs
    /// gather their amounts the same way, in one window here: `EngineAmountsTests` checks the
    /// gathered amounts against the lines, and across windows.
    @Test(arguments: cases)
    func findingsDoNotDependOnTheStatementsLines(_ name: String) throws {
        let (workbook, plan, entries) = try Self.inputs(name)
        func reconcile(keepingLines: Bool) throws -> Reconciliation {
            try Reconciler.reconcile(
                HandKeptWorkbook.read(TableFile.open(workbook), plan: plan, roster: entries, pins: plan.columns),
                plan: plan, roster: entries, keepingStatementLines: keepingLines)
        }
        let kept = try reconcile(keepingLines: true)
        let bare = try reconcile(keepingLines: false)
        #expect(bare.findings == kept.findings)
        #expect(bare.sheetTotals == kept.sheetTotals)
        #expect(bare.statement.reps == kept.statement.reps)
        #expect(bare.statement.issues == kept.statement.issues)
        #expect(bare.statement.lineGroups.isEmpty)
        #expect(kept.statement.lineGroups.joined().contains { !$0.explanation.isEmpty })
    }
}
