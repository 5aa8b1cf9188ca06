import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
import TestSupport
import Testing

/// Renders every scenario's hand-kept workbook in each layout teams keep (`scripts/make-layouts`,
/// into a temporary folder), reconciles each one and scores it against its moved truth: recall,
/// precision and main cause per layout.
@Suite struct LayoutReconciliationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Renders the layouts of `script` (given `arguments` after the folder) into a new temporary folder.
    static func render(_ script: String = "scripts/make-layouts", _ arguments: [String] = []) throws -> URL {
        let folder = Scratch.folder.appendingPathComponent(
            "trueup-layouts-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.removeItem(at: folder)
        guard try PythonScript.run([root.appendingPathComponent(script).path, folder.path] + arguments) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        return folder
    }

    /// Reconciles a rendered workbook, checking its `stale_value` findings against the truth's
    /// `stale` cells: the Summary formulas whose cached value (the case's figure) is not what they
    /// give in this layout — a SUMIFS whose criteria meet dates stored as text, which Excel's
    /// criteria never match, or reps written otherwise (`scripts/make-layouts` works them out by
    /// Excel's rules). Those are true of the file and not planted: once found exactly, their
    /// `stale_value` is left out of the score. `staleProblem` says how they differ otherwise.
    static func reconcile(_ workbook: URL) throws -> (Reconciliation, [String: Any], staleProblem: String?) {
        let truthURL = workbook.deletingPathExtension().appendingPathExtension("truth.json")
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as! [String: Any]
        let plan = try PlanFile.load(path: truth["plan"] as! String)
        let roster = try (truth["roster"] as? String).map { try RosterReader.read(TableFile.open($0)) } ?? []
        var result = try Reconciler.reconcile(workbook: workbook.path, plan: plan, roster: roster, pins: plan.columns)
        let expected = Set(truth["stale"] as? [String] ?? [])
        let found = Set(result.findings.filter { $0.causes.contains(.staleValue) }.map { "\($0.sheet)!\($0.cell)" })
        let problem =
            found == expected
            ? nil
            : "stale_value at \(found.subtracting(expected).sorted()) not in the truth, "
                + "\(expected.subtracting(found).sorted()) not found"
        result.findings = result.findings.compactMap { finding in
            guard expected.contains("\(finding.sheet)!\(finding.cell)") else { return finding }
            var finding = finding
            finding.causes.removeAll { $0 == .staleValue }
            return finding.causes.isEmpty ? nil : finding
        }
        return (result, truth, problem)
    }

    /// `workbook` reconciled (`reconcile`) and scored into `score` under `name`, a stale problem
    /// among its problems; whether its stale cells were found exactly.
    static func scored(_ workbook: URL, name: String, into score: inout ScenarioReconciliationTests.Score) throws
        -> (Reconciliation, [String: Any], staleRight: Bool)
    {
        let (result, truth, staleProblem) = try reconcile(workbook)
        ScenarioReconciliationTests.score(result, truth, into: &score, name: name)
        if let staleProblem { score.problems.append("\(name): \(staleProblem)") }
        return (result, truth, staleProblem == nil)
    }

    /// The workbook corrected from `result`, reconciled again: what is still wrong in it.
    static func stillWrong(_ workbook: URL, _ result: Reconciliation, truth: [String: Any]) throws -> [String] {
        // A macro-enabled workbook's corrected copy keeps its extension, as `trueup correct` writes it.
        let output = workbook.deletingPathExtension().appendingPathExtension("corrected." + workbook.pathExtension)
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        _ = try CorrectedWorkbook.write(source: workbook.path, reconciliation: result, to: handle)
        try handle.close()
        let plan = try PlanFile.load(path: truth["plan"] as! String)
        let roster = try (truth["roster"] as? String).map { try RosterReader.read(TableFile.open($0)) } ?? []
        let again = try Reconciler.reconcile(workbook: output.path, plan: plan, roster: roster, pins: plan.columns)
        // The truth's stale cells were left out of the correction (`reconcile`): they are as stale
        // as they were, and nothing else may be wrong.
        let stale = Set(truth["stale"] as? [String] ?? [])
        return again.errors.filter { !(stale.contains("\($0.sheet)!\($0.cell)") && $0.causes == [.staleValue]) }.map {
            "\($0.sheet)!\($0.cell) \($0.cause)"
        }
    }

    /// Each planted wrong rate table cell (a truth cell with `spoils`) is found naming exactly the
    /// rows it spoils; a problem otherwise. How many there were, and how many were not so found.
    static func checkRateTables(
        _ result: Reconciliation, _ truth: [String: Any], name: String, problems: inout [String]
    ) -> (cells: Int, wrong: Int) {
        var wrong = 0
        let cells = (truth["cells"] as! [[String: Any]]).filter { $0["spoils"] is [String] }
        for cell in cells {
            let spoils = Set((cell["spoils"] as! [String]).map { $0.replacingOccurrences(of: "!", with: "|") })
            let place = "\(cell["sheet"]!)!\(cell["cell"]!)"
            let found = result.findings.first { "\($0.sheet)!\($0.cell)" == place }
            if Set(found?.lookedUpBy ?? []) != spoils {
                wrong += 1
                problems.append("\(name) \(place): spoils \(found?.lookedUpBy ?? []), truth \(spoils)")
            }
        }
        return (cells.count, wrong)
    }

    /// The layouts in four parts (every fourth from the first, the second…), run side by side.
    static let parts = (0..<4).map { "--part=\($0)/4" }

    /// The positions, among a layout's `count` workbooks in name order, of those whose corrected
    /// copy is checked: two, half the count apart, chosen by the layout's name so that the cases
    /// corrected go round the layouts.
    static func correctedCases(of layout: String, count: Int) -> Set<Int> {
        let half = max(count / 2, 1)
        let first = layout.utf8.reduce(0) { ($0 &+ Int($1)) } % half
        return Set([first, first + half].map { $0 % max(count, 1) })
    }

    /// Each part renders three of the eight cases, odd and even, a different three from one part
    /// to the next (`HeldOutLayouts8Tests.plantedCases`): every case is reconciled in a quarter of
    /// the layouts or half, and `scripts/score-layouts` still scores them all.
    @Test(arguments: parts) func everyLayoutFindsEveryPlantedErrorWithItsCauseAndNothingElse(part: String) throws {
        let folder = try Self.render("scripts/make-layouts", [part, HeldOutLayouts8Tests.plantedCases(part)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let layouts = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // Fourteen layouts at least, a fourth of them in each part.
        try #require(layouts.count >= 3)
        var failures: [String] = []
        var uncorrected: [String] = []
        for layout in layouts {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(layout).path)
                .filter { $0.hasSuffix(".xlsx") && !$0.hasSuffix(".corrected.xlsx") }.sorted()
            var score = ScenarioReconciliationTests.Score()
            var tableCells = 0
            var tablesWrong = 0
            var staleWrong = 0
            for (number, file) in files.enumerated() {
                let name = "\(layout)/\(file)"
                do {
                    let (result, truth, staleRight) = try Self.scored(
                        folder.appendingPathComponent(layout).appendingPathComponent(file), name: name, into: &score)
                    if !staleRight { staleWrong += 1 }
                    let tables = Self.checkRateTables(result, truth, name: name, problems: &score.problems)
                    tableCells += tables.cells
                    tablesWrong += tables.wrong
                    // The corrected copies of two cases a layout, a different two from one layout to
                    // the next (`correctedCases`): every case is corrected in several layouts, and the
                    // suite does not write and reconcile again a copy of every workbook.
                    guard Self.correctedCases(of: layout, count: files.count).contains(number) else { continue }
                    let left = try Self.stillWrong(
                        folder.appendingPathComponent(layout).appendingPathComponent(file), result, truth: truth)
                    if !left.isEmpty { uncorrected.append("\(name) corrected, still: \(left.joined(separator: ", "))") }
                } catch {
                    score.problems.append("\(name): \(error)")
                    score.truthErrors += 1
                }
            }
            let recall = Double(score.found) / Double(max(score.truthErrors, 1)) * 100
            let precision = Double(score.correct) / Double(max(score.flagged, 1)) * 100
            let causes = Double(score.causesRight) / Double(max(score.causesChecked, 1)) * 100
            print(
                "layout \(layout): recall \(score.found)/\(score.truthErrors) (\(String(format: "%.1f", recall))%), "
                    + "precision \(score.correct)/\(score.flagged) (\(String(format: "%.1f", precision))%), "
                    + "main cause \(score.causesRight)/\(score.causesChecked) (\(String(format: "%.1f", causes))%)")
            for problem in score.problems { print("  " + problem) }
            if layout == "rate-lookup" {
                #expect(tableCells > 0, "the rate-lookup layout plants wrong rate table cells")
            }
            if score.found != score.truthErrors || score.correct != score.flagged || causes < 95 || tablesWrong > 0
                || staleWrong > 0
            {
                failures.append(layout)
            }
        }
        #expect(failures.isEmpty, "layouts below 100% / 100% / 95%: \(failures.joined(separator: ", "))")
        for line in uncorrected { print(line) }
        #expect(uncorrected.isEmpty, "corrected workbooks that do not reconcile clean: \(uncorrected.count)")
    }
}
