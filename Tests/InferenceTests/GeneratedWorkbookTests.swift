import Commission
import Foundation
import Ingest
import PlanFile
import TestSupport
import Testing

@testable import Inference

/// Workbooks made by `scripts/make-inference-fixtures` from known plans, one per mechanic, clean
/// and with planted errors: the inferred plan must reproduce the clean ones (≥ 99% of rows), miss
/// exactly the planted rows, and pay what the true plan pays on a fresh set of deals.
@Suite(.serialized) struct GeneratedWorkbookTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The generated cases (name, mechanics), in a temporary folder made once per run.
    static let generated: (folder: URL, cases: [(name: String, mechanics: String)]) = {
        let folder = Scratch.folder.appendingPathComponent("trueup-infer-\(UUID().uuidString)")
        _ = try? PythonScript.run([
            packageRoot.appendingPathComponent("scripts/make-inference-fixtures").path, folder.path,
        ])
        let listing = (try? String(contentsOf: folder.appendingPathComponent("cases.txt"), encoding: .utf8)) ?? ""
        let cases = listing.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t").map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : "")
        }
        return (folder, cases)
    }()

    /// Cases whose mechanics a plan file can state (each has its true plan.yaml).
    static var caseNames: [String] {
        generated.cases.filter { !$0.mechanics.contains("not_in_plan_format") }.map(\.name)
    }
    /// Cases with a mechanic no plan clause states (a rate by Region, a per-line floor).
    static var outsideNames: [String] {
        generated.cases.filter { $0.mechanics.contains("not_in_plan_format") }.map(\.name)
    }

    func paths(_ name: String) -> (folder: String, plan: String, roster: String) {
        let folder = Self.generated.folder.appendingPathComponent(name).path
        return (folder, folder + "/plan.yaml", folder + "/roster.csv")
    }

    @Test func theGeneratorMakesEveryMechanic() {
        let mechanics = Set(Self.generated.cases.flatMap { $0.mechanics.split(separator: " ").map(String.init) })
        for wanted in [
            "flat_rate", "amount_tiers", "marginal", "retroactive", "attainment_tiers", "per_deal", "period", "ytd",
            "cap_per_deal", "override_product", "override_type", "splits", "clawback", "per_deal_bonus", "half_even",
            "month", "quarter", "gate", "attainment_bonus", "recoverable_draw", "non_recoverable_draw", "floor",
            "override_two_fields", "override_region", "floor_per_line",
        ] {
            #expect(mechanics.contains(wanted), "no generated case has \(wanted)")
        }
    }

    @Test(arguments: caseNames) func cleanWorkbookIsReproducedAndPaysLikeTheTruePlan(name: String) throws {
        let (folder, planPath, rosterPath) = paths(name)
        let roster = try RosterReader.read(TableFile.open(rosterPath))
        let evidence = try WorkbookEvidence.read(path: folder + "/clean.xlsx")
        let inferred = PlanInference.infer(evidence, roster: roster)
        let reloaded = try PlanFile.parse(inferred.yaml, file: "\(name).inferred.yaml")
        let truePlan = try PlanFile.load(path: planPath)
        let fresh = try DealsReader.read(TableFile.open(folder + "/fresh.csv")).lines
        let expected = try CommissionEngine.calculate(plan: truePlan, roster: roster, lines: fresh)
        let proposed = try CommissionEngine.calculate(plan: reloaded, roster: roster, lines: fresh)
        let payable = { (statement: Statement) in
            Dictionary(uniqueKeysWithValues: statement.reps.map { ("\($0.rep) \($0.period)", $0.payable) })
        }
        let same = payable(expected) == payable(proposed)
        print(
            "infer \(name) clean: \(percent(inferred.fit.share)) of \(inferred.fit.rows) rows reproduced; pays like the true plan on fresh deals: \(same ? "yes" : "no")"
        )
        #expect(inferred.fit.share >= 0.99, "\(name): \(inferred.yaml)")
        #expect(same, "\(name): \(inferred.yaml)")
        // The rep-period mechanics are proposed as the true plan has them, not only paid alike.
        #expect(reloaded.commission.gate == truePlan.commission.gate, "\(name): \(inferred.yaml)")
        #expect(reloaded.draw == truePlan.draw, "\(name): \(inferred.yaml)")
        let attainmentBonuses = { (plan: Plan) in
            plan.bonuses.compactMap { bonus -> [Decimal]? in
                guard case .atAttainment(let at, let amount) = bonus.kind else { return nil }
                return [at, amount]
            }
        }
        #expect(attainmentBonuses(reloaded) == attainmentBonuses(truePlan), "\(name): \(inferred.yaml)")
        let conditions = { (plan: Plan) in Set(plan.commission.overrides.map(\.when)) }
        #expect(conditions(reloaded) == conditions(truePlan), "\(name): \(inferred.yaml)")
    }

    @Test(arguments: outsideNames) func mechanicsNoPlanClauseStatesAreNamedAndLeftOut(name: String) throws {
        let (folder, _, rosterPath) = paths(name)
        let roster = try RosterReader.read(TableFile.open(rosterPath))
        let evidence = try WorkbookEvidence.read(path: folder + "/clean.xlsx")
        let inferred = PlanInference.infer(evidence, roster: roster)
        let outside = try String(contentsOfFile: folder + "/outside.txt", encoding: .utf8).split(separator: "\n")
            .compactMap { Int($0) }
        let missed = inferred.fit.misses.map(\.row).sorted()
        print(
            "infer \(name) clean: \(percent(inferred.fit.share)) of \(inferred.fit.rows) rows reproduced; \(outside.count) rows follow a mechanic no plan states, \(missed.count) not fitted"
        )
        #expect(!outside.isEmpty)
        #expect(missed == outside.sorted(), "\(name): \(inferred.yaml)")
        #expect(inferred.plan.commission.overrides.isEmpty, "\(name): \(inferred.yaml)")
        #expect(inferred.yaml.contains("# Seen in the sheet but not expressible in a plan file:"), "\(inferred.yaml)")
        let named = name == "region" ? "override for Region=EMEA" : "floor per line of 500.00"
        #expect(inferred.notEstablished.contains { $0.hasPrefix(named) }, "\(name): \(inferred.notEstablished)")
        _ = try PlanFile.parse(inferred.yaml, file: "\(name).inferred.yaml")
    }

    @Test(arguments: caseNames) func plantedErrorsAreExactlyTheRowsNotFitted(name: String) throws {
        let (folder, _, rosterPath) = paths(name)
        let roster = try RosterReader.read(TableFile.open(rosterPath))
        let evidence = try WorkbookEvidence.read(path: folder + "/planted.xlsx")
        let inferred = PlanInference.infer(evidence, roster: roster)
        let planted = try String(contentsOfFile: folder + "/planted.txt", encoding: .utf8).split(separator: "\n")
            .compactMap { Int($0) }
        let missed = inferred.fit.misses.map(\.row).sorted()
        print(
            "infer \(name) planted: \(percent(inferred.fit.share)) of \(inferred.fit.rows) rows reproduced; not fitted \(missed), planted \(planted)"
        )
        #expect(missed == planted.sorted(), "\(name): \(inferred.yaml)")
        let listed = planted.sorted().map(String.init)
        #expect(inferred.yaml.contains("rows \(listed.dropLast().joined(separator: ", ")) and \(listed.last!) do not"))
    }
}
