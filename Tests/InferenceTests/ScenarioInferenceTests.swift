import Commission
import Foundation
import Ingest
import PlanFile
import Testing

@testable import Inference

/// The shared scenarios' hand-kept workbooks (`shared/scenarios/case-*/manual.xlsx`): how the
/// inferred plan compares with the case's own plan. Informative: these workbooks carry planted
/// errors and mechanics a sheet may not show (gates, draws, attainment bonuses), so the test
/// asserts only what holds for any workbook — the proposed plan loads and its fit report adds
/// up — and prints the rows each plan reproduces and whether the tier tables agree.
@Suite struct ScenarioInferenceTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []).filter { $0.hasPrefix("case-") }
            .sorted()
    }

    @Test(arguments: cases) func inferredPlanAgainstTheScenarioPlan(name: String) throws {
        let folder = Self.scenarios.appendingPathComponent(name).path
        let truePlan = try PlanFile.load(path: folder + "/plan.yaml")
        let rosterPath = folder + "/roster.csv"
        let roster =
            FileManager.default.fileExists(atPath: rosterPath)
            ? try RosterReader.read(TableFile.open(rosterPath)) : truePlan.reps
        let evidence = try WorkbookEvidence.read(path: folder + "/manual.xlsx", pins: truePlan.columns)
        let inferred = PlanInference.infer(evidence, roster: roster)
        let reloaded = try PlanFile.parse(inferred.yaml, file: "\(name).inferred.yaml")
        let own = FitReport.measure(plan: truePlan, roster: roster, evidence: evidence)
        let tiers = reloaded.commission.tiers
        let sameTiers = tiers == truePlan.commission.tiers
        print(
            "infer \(name): inferred plan reproduces \(inferred.fit.reproduced) of \(inferred.fit.rows) rows (\(percent(inferred.fit.share))), the case's own plan \(own.reproduced); tier table \(sameTiers ? "the same" : "differs: \(tiers.metric.rawValue)/\(tiers.basis.rawValue)/\(tiers.mode.rawValue) \(tiers.bands.map { "\($0.from.plainText)→\($0.rate.plainText)" })")"
        )
        #expect(inferred.fit.reproduced + inferred.fit.misses.count == inferred.fit.rows)
        #expect(inferred.fit.rows == evidence.observations.filter { $0.commission != nil }.count)
        #expect(reloaded.period == inferred.plan.period)
    }

    /// case-03 pays 4% and 5% from 110% of quota (marginal, by month): a threshold of 100% is
    /// rounder, but only 110% reproduces every row; the window stated is what the rows allow.
    @Test func aRoundThresholdIsNeverPreferredToOneThatFitsMoreRows() throws {
        let folder = Self.scenarios.appendingPathComponent("case-03").path
        let roster = try RosterReader.read(TableFile.open(folder + "/roster.csv"))
        let evidence = try WorkbookEvidence.read(path: folder + "/manual.xlsx")
        let inferred = PlanInference.infer(evidence, roster: roster)
        let own = FitReport.measure(
            plan: try PlanFile.load(path: folder + "/plan.yaml"), roster: roster, evidence: evidence)
        #expect(inferred.fit.reproduced >= own.reproduced, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.map(\.from) == [0, Decimal(string: "1.1")!], "\(inferred.yaml)")
        #expect(!inferred.yaml.contains("above 0% and at most 110%"), "\(inferred.yaml)")
    }

    /// case-02's summary sums by quarter (its SUMIFS ranges and 2026-Q3 labels): running totals by
    /// month that reproduce fewer than half the rows do not overrule it.
    @Test func aWeakReadingDoesNotOverruleThePeriodTheWorkbookNames() throws {
        let folder = Self.scenarios.appendingPathComponent("case-02").path
        let inferred = PlanInference.infer(try WorkbookEvidence.read(path: folder + "/manual.xlsx"))
        #expect(inferred.plan.period == .quarter, "\(inferred.yaml)")
    }
}
