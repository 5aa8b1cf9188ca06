import Foundation
import Testing

/// `trueup calculate` and `trueup plan check`, run as a user runs them.
@Suite struct CalculateCommandTests {
    static let samples = CommandLineTests.packageRoot.appendingPathComponent("samples")
    static let scenarios = CommandLineTests.corpus.deletingLastPathComponent().appendingPathComponent("scenarios")

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }

    @Test func theSamplesCalculate() throws {
        let result = try CommandLineTests.run([
            "calculate", "--plan", Self.sample("plan.yaml"), "--deals", Self.sample("crm-deals.csv"), "--roster",
            Self.sample("roster.csv"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Total payable: 146,960.13 USD across 8 rep-periods"))
    }

    @Test func jsonFollowsTheContract() throws {
        let case01 = Self.scenarios.appendingPathComponent("case-01")
        let result = try CommandLineTests.run([
            "calculate", "--plan", case01.appendingPathComponent("plan.yaml").path, "--deals",
            case01.appendingPathComponent("deals.csv").path, "--format", "json",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let reps = object?["reps"] as? [[String: Any]]
        #expect(reps?.first?["earned"] as? String == "7410.48")
        #expect((object?["lines"] as? [[String: Any]])?.count == 52)
    }

    @Test func csvListsTotalsOrLines() throws {
        let arguments = [
            "calculate", "--plan", Self.sample("plan.yaml"), "--deals", Self.sample("crm-deals.csv"), "--roster",
            Self.sample("roster.csv"), "--format", "csv",
        ]
        let totals = try CommandLineTests.run(arguments)
        #expect(totals.stdout.hasPrefix("rep,name,team,period,credit,quota,attainment,earned,"))
        #expect(totals.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 9)
        let lines = try CommandLineTests.run(arguments + ["--lines"])
        #expect(lines.stdout.hasPrefix("rep,period,kind,deal_id,row,credit,amount,rates,flags,explanation"))
    }

    @Test func aBadPlanIsLocatedWithStatus2() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.yaml")
        let text = try String(contentsOfFile: Self.sample("plan.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    mode: marginal", with: "    mode: marginel")
        try text.write(to: plan, atomically: true, encoding: .utf8)
        for command in [
            ["plan", "check", plan.path], ["calculate", "--plan", plan.path, "--deals", Self.sample("crm-deals.csv")],
        ] {
            let result = try CommandLineTests.run(command)
            #expect(result.status == 2)
            #expect(
                result.stderr
                    == "trueup: error: \(plan.path):19:11: 'commission.tiers.mode' must be marginal or retroactive, found 'marginel'\n"
            )
        }
    }

    @Test func unmappableColumnsListWhatWasFoundAndWhatIsMissing() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals = folder.appendingPathComponent("deals.csv")
        try "Code,Who,When,Total\nA,R-101,2026-07-01,100\n".write(to: deals, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["calculate", "--plan", Self.sample("plan.yaml"), "--deals", deals.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("found headers 'Code', 'Who', 'When', 'Total'"))
        #expect(result.stderr.contains("missing deal_id, rep (pinned to 'Owner ID'), date, amount"))
        let mapped = try CommandLineTests.run([
            "calculate", "--plan", Self.sample("plan.yaml"), "--deals", deals.path, "--roster",
            Self.sample("roster.csv"),
            "--map", "deal_id=Code", "--map", "rep=Who", "--map", "date=When", "--map", "amount=Total", "--map",
            "status=Code",
        ])
        #expect(mapped.status == 0, "\(mapped.stderr)")
    }

    /// A row of free text among the deals (a sign-off, a note) holds no deal: it is said on
    /// standard error and left out, and stops nothing, as `reconcile` leaves it out.
    @Test func aNoteAmongTheDealsIsSaidAndLeftOut() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals = folder.appendingPathComponent("deals.csv")
        try
            "Deal ID,Owner ID,Close Date,Amount,Stage\nD1,R-101,2026-07-01,1000,Closed Won\nApproved by J. Smith,,,,\nD3,R-101,2026-07-02,TBD,Closed Won\n"
            .write(to: deals, atomically: true, encoding: .utf8)
        let arguments = [
            "calculate", "--plan", Self.sample("plan.yaml"), "--deals", deals.path, "--roster",
            Self.sample("roster.csv"),
        ]
        // The unreadable amount still stops the run, and only it is named.
        let refused = try CommandLineTests.run(arguments)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("1 deal row cannot be read (D4 \"TBD\")"), "\(refused.stderr)")
        try "Deal ID,Owner ID,Close Date,Amount,Stage\nD1,R-101,2026-07-01,1000,Closed Won\nApproved by J. Smith,,,,\n"
            .write(to: deals, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("a note, not a deal ('Approved by J. Smith'); the row is left out"),
            "\(result.stderr)")
        #expect(result.stdout.contains("2026-Q3  1,000.00"))
    }

    /// A dated row crediting a rep is a deal whatever its id says (`Total Energies Renewal`,
    /// `Acme total`); a row that totals the others is left out and said; a dated deal credited to
    /// `Total` is a rep the roster does not know, refused.
    @Test func aDealNamedLikeATotalIsADealAndATotalRowIsSaid() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.yaml")
        try """
        plan: T
        currency: USD
        period: quarter
        commission:
          tiers:
            metric: amount
            basis: period
            mode: marginal
            table:
              - { from: 0, rate: 10% }
        reps:
          - { id: R1, name: Ann }
        """.write(to: plan, atomically: true, encoding: .utf8)
        let deals = folder.appendingPathComponent("deals.csv")
        try
            "deal_id,rep,date,amount\nD1,R1,2026-01-05,100\nTotal Energies Renewal,R1,2026-01-06,200\nAcme total,R1,2026-01-07,400\nSubtotal,,,700\n"
            .write(to: deals, atomically: true, encoding: .utf8)
        let arguments = ["calculate", "--plan", plan.path, "--deals", deals.path, "--format", "json"]
        let result = try CommandLineTests.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"credit\": \"700.00\""), "\(result.stdout)")
        #expect(
            result.stderr.contains(
                "1 row read as totals of the rows around it, not deals, and left out: row 5 ('Subtotal')"),
            "\(result.stderr)")
        try "deal_id,rep,date,amount\nD1,R1,2026-01-05,100\nD2,Total,2026-01-06,200\n".write(
            to: deals, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests.run(arguments)
        #expect(refused.status == 2, "\(refused.stdout)")
        #expect(refused.stderr.contains("Total"), "\(refused.stderr)")
    }

    /// A negative quota, annual quota or draw in a roster file is refused at its cell, as the
    /// plan's `reps:` refuse it: a quota of −100,000 paid every deal at the top rate.
    @Test func aNegativeQuotaOrDrawInTheRosterIsRefused() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        for (header, value) in [("annual_quota", "-400000"), ("draw", "-500")] {
            try "id,name,\(header)\nR-101,Ana Lima,\(value)\n".write(to: roster, atomically: true, encoding: .utf8)
            let result = try CommandLineTests.run([
                "calculate", "--plan", Self.sample("plan.yaml"), "--deals", Self.sample("deals-2026.csv"), "--roster",
                roster.path,
            ])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(roster.path):2"), "\(result.stderr)")
            #expect(result.stderr.contains("\(header) must not be negative, found \(value)"), "\(result.stderr)")
        }
    }

    /// A pinned header the deals file does not have falls back to the synonyms, and says so
    /// (plan-format.md §7): the statement alone would not show which column was read.
    @Test func aPinNotFoundIsSaid() throws {
        let result = try CommandLineTests.run([
            "calculate", "--plan", Self.sample("plan.yaml"), "--deals", Self.sample("deals-2026.csv"), "--roster",
            Self.sample("roster.csv"), "--map", "amount=Bogus",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("the pinned header is not in the file; matched by the synonyms instead: amount ("),
            "\(result.stderr)")
    }

    @Test func unreadableValuesStopTheRunUnlessAskedToSkipThem() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals = folder.appendingPathComponent("deals.csv")
        try
            "Deal ID,Owner ID,Close Date,Amount,Stage\nD1,R-101,2026-07-01,TBD,Closed Won\nD2,R-101,2026-07-45,100,Closed Won\nD3,R-101,2026-07-02,1000,Closed Won\n"
            .write(to: deals, atomically: true, encoding: .utf8)
        let payroll = folder.appendingPathComponent("payroll.csv").path
        let arguments = [
            "calculate", "--plan", Self.sample("plan.yaml"), "--deals", deals.path, "--roster",
            Self.sample("roster.csv"), "--payroll", payroll,
        ]
        let refused = try CommandLineTests.run(arguments)
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "trueup: error: \(deals.path): 2 deal rows cannot be read (D2 \"TBD\", C3 \"2026-07-45\"); nothing was calculated: correct them, or pass --skip-unreadable to leave them out\n"
        )
        #expect(refused.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: payroll))

        let result = try CommandLineTests.run(arguments + ["--skip-unreadable"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(deals.path):2: expected a number, found \"TBD\""))
        #expect(
            result.stderr.contains("\(deals.path):3: expected a date (a date cell or YYYY-MM-DD), found \"2026-07-45\"")
        )
        #expect(result.stderr.contains("2 of 3 deal rows left out (--skip-unreadable): D2 \"TBD\", C3 \"2026-07-45\""))
        #expect(result.stderr.contains("amounts 100.00 left out, and 1 amount that could not be read"))
        #expect(FileManager.default.fileExists(atPath: payroll))
    }
}

/// `calculate` writes its JSON as the engine computes it; an error stops it cleanly.
@Suite struct StreamedCalculateTests {
    /// 6,000 lines: the streamed document's blocks of rendered lines (one per core; about a
    /// megabyte each on two cores) go to standard output past its buffer, between the buffered
    /// head and tail. The document must be the one the whole-statement path writes (`--out`
    /// keeps every line), in order.
    @Test func aLargeStreamedDocumentIsTheWholeDocument() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals = folder.appendingPathComponent("deals.csv")
        var text = "deal_id,rep,close_date,amount\n"
        for n in 0..<6_000 {
            text += "D-\(n),R-\(n % 7),2026-\(String(format: "%02d", n % 12 + 1))-15,\(1_000 + n * 37 % 90_000).25\n"
        }
        try text.write(to: deals, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.yaml")
        let tiers = "  tiers:\n    metric: amount\n    basis: per_deal\n    mode: marginal\n"
        try "plan: Streamed\nperiod: quarter\ncommission:\n\(tiers)    table:\n      - { from: 0, rate: 7.5% }\nreps:\n"
            .appending((0..<7).map { "  - { id: R-\($0) }\n" }.joined())
            .write(to: plan, atomically: true, encoding: .utf8)
        let arguments = ["calculate", "--plan", plan.path, "--deals", deals.path, "--format", "json"]
        let streamed = try CommandLineTests.run(arguments)
        let whole = try CommandLineTests.run(arguments + ["--out", folder.appendingPathComponent("s.xlsx").path])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(streamed.stdout.utf8.count > 1 << 20)
        #expect(streamed.stdout == whole.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [String: Any]
        let lines = try #require(object?["lines"] as? [[String: Any]])
        #expect(lines.count == 6_000)
        #expect(Set(lines.map { $0["deal_id"] as? String }).count == 6_000)
    }

    @Test func aRefusalMidRunLeavesNoHalfDocument() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Attainment tiers and a rep without a quota: the engine refuses that rep's periods.
        let roster = folder.appendingPathComponent("roster.csv")
        try
            "id,name,team,annual_quota\nR-101,Ana Lima,West,1800000\nR-102,Ben Okafor,West,\nR-103,C,West,100\nR-104,D,West,100\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run([
            "calculate", "--plan", CalculateCommandTests.sample("plan.yaml"), "--deals",
            CalculateCommandTests.sample("crm-deals.csv"), "--roster", roster.path, "--format", "json",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("rep R-102 has no quota"), "\(result.stderr)")
        #expect(!result.stderr.contains("incomplete"))
        // The roster gives the other reps quotas: the hint names the roster's first, then the
        // Quota column a rep the roster gives none reads.
        #expect(
            result.stderr.contains(
                "give the rep a quota or annual_quota in the roster, or fill the rep's cells of a Quota column"),
            "\(result.stderr)")
    }

    /// Where the contract is silent, the run refuses or says so (tester-engine's points): a roster
    /// row whose `quota` and `annual_quota` disagree is refused, naming the file, the row and both
    /// values; a `--roster` beside the plan's `reps:` replaces them, and standard error says so.
    @Test func aRosterWhoseQuotasDisagreeIsRefusedAndOneThatReplacesThePlansRepsIsNamed() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals = folder.appendingPathComponent("deals.csv")
        try "deal_id,rep,date,amount\nD1,R1,2026-01-10,60000\n".write(to: deals, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.yaml")
        let tiers = """
            plan: probe
            period: quarter
            commission:
              tiers: {metric: attainment, basis: period, mode: marginal, table: [{from: 0%, rate: 5%}]}

            """
        try tiers.write(to: plan, atomically: true, encoding: .utf8)
        let roster = folder.appendingPathComponent("roster.csv")
        try "id,name,quota,annual_quota\nR1,Ann,100000,800000\n".write(to: roster, atomically: true, encoding: .utf8)
        let calculate = ["calculate", "--plan", plan.path, "--deals", deals.path, "--roster", roster.path]
        let refused = try CommandLineTests.run(calculate)
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains("\(roster.path):2: rep R1"), "\(refused.stderr)")
        #expect(refused.stderr.contains("quota 100000 and annual_quota 800000 disagree"), "\(refused.stderr)")
        // Quotas that agree (800000 / 4) are read as before, and so is the same pair in the plan.
        try "id,name,quota,annual_quota\nR1,Ann,200000,800000\n".write(to: roster, atomically: true, encoding: .utf8)
        let agreeing = try CommandLineTests.run(calculate)
        #expect(agreeing.status == 0, "\(agreeing.stderr)")
        #expect(!agreeing.stderr.contains("replaces"), "\(agreeing.stderr)")
        try (tiers + "reps:\n  - {id: R1, name: Ann, quota: 100000, annual_quota: 800000}\n")
            .write(to: plan, atomically: true, encoding: .utf8)
        let inPlan = try CommandLineTests.run(["calculate", "--plan", plan.path, "--deals", deals.path])
        #expect(inPlan.status == 2)
        #expect(inPlan.stderr.contains("\(plan.path):6:"), "\(inPlan.stderr)")
        #expect(inPlan.stderr.contains("quota 100000 and annual_quota 800000 disagree"), "\(inPlan.stderr)")
        try (tiers + "reps:\n  - {id: R1, name: Ann, quota: 100000}\n").write(
            to: plan, atomically: true, encoding: .utf8)
        let replaced = try CommandLineTests.run(calculate + ["--format", "json"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("\"quota\": \"200000.00\""), "\(replaced.stdout)")
        let replacing = "--roster \(roster.path) replaces the plan's reps: (1 listed in \(plan.path), not read)"
        #expect(replaced.stderr.contains(replacing), "\(replaced.stderr)")
    }

    /// The deals' Quota column gives a rep's quota "when no roster gives one" (plan-format.md
    /// 1.1): a rep the roster lists without a quota or annual_quota reads it from the rows, while
    /// a rep the roster gives one keeps the roster's, whatever the column holds.
    @Test func aRepTheRosterGivesNoQuotaReadsTheDealsQuotaColumn() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calculate = try Self.calculateJSON(
            in: folder,
            deals: "deal_id,rep,date,amount,quota\nD1,R01,2026-01-10,60000,50000\nD2,R02,2026-01-12,60000,50000\n",
            plan: """
                plan: fallback
                period: quarter
                commission:
                  tiers: {metric: attainment, basis: period, mode: marginal, table: [{from: 0%, rate: 5%}, {from: 100%, rate: 10%}]}
                reps:
                  - { id: R01, name: Ana }
                  - { id: R02, name: Ben, quota: 120000 }

                """)
        let result = try CommandLineTests.run(calculate)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let reps = (document?["reps"] as? [[String: Any]]) ?? []
        let byRep = Dictionary(uniqueKeysWithValues: reps.map { ($0["rep"] as? String ?? "", $0) })
        // R01: 50,000 at 5% + 10,000 at 10%; R02: 60,000 of 120,000, all at 5%.
        #expect(byRep["R01"]?["quota"] as? String == "50000.00", "\(result.stdout)")
        #expect(byRep["R01"]?["earned"] as? String == "3500.00", "\(result.stdout)")
        #expect(byRep["R02"]?["quota"] as? String == "120000.00", "\(result.stdout)")
        #expect(byRep["R02"]?["earned"] as? String == "3000.00", "\(result.stdout)")
        // Attainment written with at least two decimals, as the contract's documents write it.
        #expect(byRep["R01"]?["attainment"] as? String == "1.20", "\(result.stdout)")
        #expect(byRep["R02"]?["attainment"] as? String == "0.50", "\(result.stdout)")
    }

    /// `calculate` takes `--date-order` as `reconcile` does: the refusal of dates such as
    /// 03/04/2026 that read either way names an option the command has, and it settles them.
    @Test func calculateSettlesAmbiguousDatesWithDateOrder() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calculate = try Self.calculateJSON(
            in: folder, deals: "deal_id,rep,date,amount\nD1,R01,03/04/2026,10000\nD2,R01,05/06/2026,10000\n",
            plan: """
                plan: dates
                period: month
                commission:
                  tiers: {metric: amount, basis: period, mode: marginal, table: [{from: 0, rate: 5%}]}

                """)
        let refused = try CommandLineTests.run(calculate)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--date-order day-first|month-first"), "\(refused.stderr)")
        let dayFirst = try CommandLineTests.run(calculate + ["--date-order", "day-first"])
        #expect(dayFirst.status == 0, "\(dayFirst.stderr)")
        #expect(dayFirst.stdout.contains("\"period\": \"2026-04\""), "\(dayFirst.stdout)")
        let monthFirst = try CommandLineTests.run(calculate + ["--date-order", "month-first"])
        #expect(monthFirst.status == 0, "\(monthFirst.stderr)")
        #expect(monthFirst.stdout.contains("\"period\": \"2026-03\""), "\(monthFirst.stdout)")
    }

    /// `calculate --format json`'s arguments over `deals` (a CSV) and `plan`, written into `folder`.
    static func calculateJSON(in folder: URL, deals: String, plan: String) throws -> [String] {
        let dealsFile = folder.appendingPathComponent("deals.csv")
        try deals.write(to: dealsFile, atomically: true, encoding: .utf8)
        let planFile = folder.appendingPathComponent("plan.yaml")
        try plan.write(to: planFile, atomically: true, encoding: .utf8)
        return ["calculate", "--plan", planFile.path, "--deals", dealsFile.path, "--format", "json"]
    }
}
