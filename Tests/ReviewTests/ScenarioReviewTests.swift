import Commission
import Foundation
import Ingest
import PlanFile
import Reports
import Review
import Testing

/// The review of every case in `shared/scenarios`, read back from its JSON, against the case's
/// `expected.json`: each rep-period's figures are the engine's, and each team's and the
/// organisation's totals are the sums of their reps' expected figures.
@Suite struct ScenarioReviewTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("case-") }.sorted()
    }()

    /// A scenario's plan, roster and deals, read as `calculate` reads them from its case.json.
    static func inputs(_ name: String) throws -> (plan: Plan, roster: [RosterEntry], deals: [CreditLine]) {
        let directory = folder.appendingPathComponent(name)
        let object = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("case.json")))
        let list = (object as! [String: Any])["calculate"] as! [String]
        var arguments: [String: String] = [:]
        for (flag, value) in zip(list, list.dropFirst()) where flag.hasPrefix("--") { arguments[flag] = value }
        let plan = try PlanFile.load(path: directory.appendingPathComponent(arguments["--plan"]!).path)
        let deals = try DealsReader.read(
            TableFile.open(directory.appendingPathComponent(arguments["--deals"]!).path), pins: plan.columns)
        let roster =
            try arguments["--roster"].map {
                try RosterReader.read(TableFile.open(directory.appendingPathComponent($0).path))
            } ?? []
        return (plan, roster, deals.lines)
    }

    /// A scenario's review, as `trueup review` builds it, and the case's expected rep-periods.
    static func review(_ name: String) throws -> (review: Review, expected: [[String: Any]], teams: [String: String]) {
        let (plan, roster, lines) = try inputs(name)
        let statement = try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines)
        let review = Review(
            statement: statement, plan: plan, roster: roster, lines: lines, threshold: Decimal(string: "0.5")!)
        let expected =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent("expected.json")))
            as! [String: Any]
        var teams: [String: String] = [:]
        for rep in roster.isEmpty ? plan.reps : roster { teams[rep.id] = rep.team ?? Review.noTeam }
        return (review, expected["reps"] as! [[String: Any]], teams)
    }

    static func decimal(_ value: Any?) -> Decimal? {
        (value as? String).flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
    }

    @Test func theScenariosAreThere() { #expect(Self.cases.count >= 8) }

    @Test(arguments: cases)
    func repFiguresAreTheStatements(_ name: String) throws {
        let (review, expected, _) = try Self.review(name)
        let json =
            try JSONSerialization.jsonObject(with: Data(OrderedJSONEncoder().encode(ReviewDocument(review)).utf8))
            as! [String: Any]
        let reps = json["reps"] as! [[String: Any]]
        #expect(reps.count == expected.count)
        let ours = Dictionary(reps.map { ("\($0["rep"]!)|\($0["period"]!)", $0) }, uniquingKeysWith: { a, _ in a })
        for theirs in expected {
            let key = "\(theirs["rep"]!)|\(theirs["period"]!)"
            let mine = try #require(ours[key], "\(name): \(key) missing from the review")
            for field in ["quota", "credit", "attainment", "earned", "payable"] {
                #expect(
                    Self.decimal(mine[field]) == Self.decimal(theirs[field]),
                    "\(name) \(key) \(field): review \(mine[field] ?? "none"), expected \(theirs[field] ?? "none")")
            }
        }
    }

    @Test(arguments: cases)
    func teamAndOrganisationTotalsAreTheSumsOfTheirReps(_ name: String) throws {
        let (review, expected, teams) = try Self.review(name)
        let json =
            try JSONSerialization.jsonObject(with: Data(OrderedJSONEncoder().encode(ReviewDocument(review)).utf8))
            as! [String: Any]
        typealias Sum = (credit: Decimal, earned: Decimal, payable: Decimal, reps: Int)
        func add(_ rep: [String: Any], to sum: Sum?) -> Sum {
            let sum = sum ?? (0, 0, 0, 0)
            return (
                sum.credit + Self.decimal(rep["credit"])!, sum.earned + Self.decimal(rep["earned"])!,
                sum.payable + Self.decimal(rep["payable"])!, sum.reps + 1
            )
        }
        var byTeam: [String: Sum] = [:]
        var byPeriod: [String: Sum] = [:]
        for rep in expected {
            let team = teams[rep["rep"] as! String] ?? Review.noTeam
            let period = rep["period"] as! String
            byTeam["\(team)|\(period)"] = add(rep, to: byTeam["\(team)|\(period)"])
            byPeriod[period] = add(rep, to: byPeriod[period])
        }
        let teamRows = json["teams"] as! [[String: Any]]
        #expect(teamRows.count == byTeam.count, "\(name): \(teamRows.count) team-periods, expected \(byTeam.count)")
        for row in teamRows {
            let key = "\(row["team"]!)|\(row["period"]!)"
            let sum = try #require(byTeam[key], "\(name): unexpected team-period \(key)")
            #expect(Self.decimal(row["credit"]) == sum.credit, "\(name) \(key) credit")
            #expect(Self.decimal(row["earned"]) == sum.earned, "\(name) \(key) earned")
            #expect(Self.decimal(row["payable"]) == sum.payable, "\(name) \(key) payable")
            #expect(row["reps"] as? Int == sum.reps, "\(name) \(key) reps")
        }
        let organisation = json["organisation"] as! [[String: Any]]
        #expect(organisation.count == byPeriod.count)
        for row in organisation {
            let sum = try #require(byPeriod[row["period"] as! String])
            #expect(Self.decimal(row["credit"]) == sum.credit, "\(name) \(row["period"]!) credit")
            #expect(Self.decimal(row["earned"]) == sum.earned, "\(name) \(row["period"]!) earned")
            #expect(Self.decimal(row["payable"]) == sum.payable, "\(name) \(row["period"]!) payable")
        }
        let statementEarned = expected.reduce(Decimal(0)) { $0 + Self.decimal($1["earned"])! }
        let reviewEarned = organisation.reduce(Decimal(0)) { $0 + Self.decimal($1["earned"])! }
        #expect(reviewEarned == statementEarned)
        print(
            "scenario \(name): review of \(expected.count) rep-periods, \(teamRows.count) team-periods; earned \(reviewEarned) = statement"
        )
    }

    @Test(arguments: cases)
    func yearToDateSumsTheFiscalYearSoFar(_ name: String) throws {
        let (review, _, _) = try Self.review(name)
        for rep in review.reps {
            let year = review.reps.filter {
                $0.rep == rep.rep && $0.period.fiscalYear == rep.period.fiscalYear && $0.period <= rep.period
            }
            let toDate = try #require(rep.yearToDate)
            #expect(toDate.credit == year.reduce(0) { $0 + $1.credit }, "\(name) \(rep.rep) \(rep.period)")
            let quotas = year.compactMap(\.quota)
            #expect(toDate.quota == (quotas.count == year.count ? quotas.reduce(0, +) : nil))
        }
        for group in review.organisation {
            let year = review.organisation.filter {
                $0.period.fiscalYear == group.period.fiscalYear && $0.period <= group.period
            }
            #expect(group.yearToDate?.credit == year.reduce(0) { $0 + $1.credit })
        }
    }

    @Test(arguments: cases)
    func ranksOrderEachPeriodByAttainment(_ name: String) throws {
        let (review, _, _) = try Self.review(name)
        for period in review.periods {
            let reps = review.reps(in: period)
            #expect(reps.first?.rank == 1)
            for (a, b) in zip(reps, reps.dropFirst()) {
                if let x = a.attainment, let y = b.attainment {
                    #expect(x >= y)
                    #expect(x == y ? a.rank == b.rank : b.rank > a.rank)
                }
            }
        }
    }
}
