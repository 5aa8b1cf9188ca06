import Foundation
import Testing

/// `trueup reconcile`, run as a user runs it.
@Suite struct ReconcileCommandTests {
    static let scenarios = CalculateCommandTests.scenarios

    static func run(_ name: String, _ extra: [String] = []) throws -> CommandLineTests.Result {
        let folder = scenarios.appendingPathComponent(name)
        var arguments = [
            "reconcile", folder.appendingPathComponent("manual.xlsx").path, "--plan",
            folder.appendingPathComponent("plan.yaml").path,
        ]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("roster.csv").path) {
            arguments += ["--roster", folder.appendingPathComponent("roster.csv").path]
        }
        return try CommandLineTests.run(arguments + extra)
    }

    /// `TRUEUP_RECONCILE_BUDGET` sets the rows aside (on disk at 0) while the formulas are
    /// evaluated: the JSON is the same, byte for byte; a budget that is no number stops the run.
    @Test func aRowBudgetWritesTheSameJSON() throws {
        let folder = Self.scenarios.appendingPathComponent("case-01")
        let arguments = [
            "reconcile", folder.appendingPathComponent("manual.xlsx").path, "--plan",
            folder.appendingPathComponent("plan.yaml").path, "--format", "json",
        ]
        let held = try CommandLineTests.run(arguments)
        #expect(held.status == 1)
        for budget in ["0", "64K"] {
            let spooled = try CommandLineTests.run(arguments, environment: ["TRUEUP_RECONCILE_BUDGET": budget])
            #expect(spooled.status == 1)
            #expect(spooled.stdout == held.stdout, "budget \(budget)")
        }
        let refused = try CommandLineTests.run(arguments, environment: ["TRUEUP_RECONCILE_BUDGET": "lots"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("TRUEUP_RECONCILE_BUDGET=lots"), "\(refused.stderr)")
    }

    @Test func findingsToCorrectExitWith1AndAreRankedByMoney() throws {
        let result = try Self.run("case-01")
        #expect(result.status == 1)
        // Six findings to correct: three wrong cells, and three totals wrong only through them
        // (counted once, plan-format.md §7), each listed above the cells it adds up.
        #expect(result.stdout.hasPrefix("3 wrong cells (and 3 totals wrong only through them); net underpayment"))
        let lines = result.stdout.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("Summary!") || $0.hasPrefix("Deals!") })
        #expect(lines[first].hasPrefix("Summary!F5"))
        #expect(lines[first + 1].hasPrefix("└ Summary!C5"))
    }

    @Test func aCleanWorkbookExitsWith0() throws {
        let result = try Self.run("case-03")
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func jsonFollowsTheContract() throws {
        let result = try Self.run("case-02", ["--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        for key in [
            "sheet", "cell", "row", "deal_id", "rep", "period", "manual", "expected", "difference", "cause", "causes",
            "explanation",
        ] {
            #expect(findings.first?[key] != nil, "\(key)")
        }
        // Each wrong figure once: a derived total that names the cells it adds up is not counted.
        #expect(
            (object?["summary"] as? [String: Any])?["errors"] as? Int
                == findings.filter {
                    $0["cause"] as? String != "rounding"
                        && !($0["derived"] as? Bool == true && !(($0["precedents"] as? [Any]) ?? []).isEmpty)
                }.count)
    }

    @Test func unmappableColumnsListWhatWasFoundWithStatus2() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("book.csv")
        try "Code,Who,When,Total\nA,R1,2026-01-01,100\n".write(to: workbook, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run([
            "reconcile", workbook.path, "--plan", Self.scenarios.appendingPathComponent("case-01/plan.yaml").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("found headers 'Code', 'Who', 'When', 'Total'"))
        #expect(result.stderr.contains("missing deal_id, rep, date, amount"))
    }

    /// An Excel Table whose rep is written on each block's first row only reads the blank rep
    /// cells as the rep above, as the same rows outside a table do (tester9: every blank was
    /// `unreadable`, and a clean workbook was flagged).
    @Test func aTableWritingTheRepOnABlocksFirstRowOnlyIsClean() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("deals.xlsx")
        try CalculateSheetsTests.python(
            """
            import openpyxl, sys, datetime
            from openpyxl.worksheet.table import Table
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.title = "Deals"
            sheet.append(["Deal ID", "Rep", "Close Date", "Amount", "Commission"])
            for deal, rep, amount in [("D1", "Ana Lima", 1000), ("D2", None, 2000), ("D3", "Ben Okafor", 3000), ("D4", None, 4000)]:
                sheet.append([deal, rep, datetime.date(2026, 1, 15), amount, amount * 0.05])
            sheet.add_table(Table(displayName="tblDeals", ref="A1:E5"))
            book.save(sys.argv[1])
            """, workbook)
        let plan = folder.appendingPathComponent("plan.yaml")
        try """
        plan: flat
        period: month
        commission:
          tiers: {metric: amount, basis: per_deal, mode: retroactive, table: [{from: 0, rate: 5%}]}
        reps:
          - {id: R1, name: Ana Lima}
          - {id: R2, name: Ben Okafor}
        """.write(to: plan, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["reconcile", workbook.path, "--plan", plan.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("a blank rep cell takes the rep above"), "\(result.stdout)")
    }
}
