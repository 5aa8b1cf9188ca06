import Foundation
import TestSupport
import Testing

/// A year run in parallel: each shared scenario's hand-kept workbook split into a workbook per
/// period (`scripts/split-by-period`), each period closed from its workbook, then all of them
/// reconciled together against the ledger with the case's deals. Each rep-period's paid must be
/// its workbook's summary figure, owed `calculate`'s payable on the deals, the difference
/// owed − paid to the cent, and the totals their sums.
@Suite(.serialized) struct YearInParallelTests {
    /// The folder `scripts/split-by-period` writes, made once per test run.
    static let split: URL = {
        let folder = Scratch.folder.appendingPathComponent("trueup-split-\(getpid())")
        _ = try? PythonScript.run([
            CommandLineTests.packageRoot.appendingPathComponent("scripts/split-by-period").path, folder.path,
            "--scenarios", ReconcileCommandTests.scenarios.path,
        ])
        return folder
    }()

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: ReconcileCommandTests.scenarios.path)) ?? []
        return names.filter { $0.hasPrefix("case-") }.sorted()
    }()

    /// A case's plan and roster arguments, as its case.json runs `calculate`.
    static func inputs(_ name: String) throws -> [String] {
        let folder = ReconcileCommandTests.scenarios.appendingPathComponent(name)
        let object = try LedgerCommandTests.json(
            String(contentsOf: folder.appendingPathComponent("case.json"), encoding: .utf8))
        let calculate = object["calculate"] as! [String]
        var result: [String] = []
        for option in ["--plan", "--roster"] {
            if let at = calculate.firstIndex(of: option) {
                result += [option, folder.appendingPathComponent(calculate[at + 1]).path]
            }
        }
        return result
    }

    /// What each workbook's summary pays, by period and by the rep as the sheet names them.
    static func paid(_ name: String) throws -> [String: [String: Decimal]] {
        let data = try Data(contentsOf: split.appendingPathComponent(name).appendingPathComponent("paid.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: String]])
        return object.mapValues { $0.mapValues { Decimal(string: $0)! } }
    }

    /// `calculate`'s payable on the case's deals, by "name period", and every period it has.
    static func owed(_ name: String) throws -> (payable: [String: Decimal], periods: Set<String>) {
        let deals = ReconcileCommandTests.scenarios.appendingPathComponent(name).appendingPathComponent("deals.csv")
        let result = try CommandLineTests.run(["calculate", "--deals", deals.path, "--format", "json"] + inputs(name))
        #expect(result.status == 0, "\(result.stderr)")
        var payable: [String: Decimal] = [:]
        var periods: Set<String> = []
        for rep in try LedgerCommandTests.json(result.stdout)["reps"] as! [[String: Any]] {
            let period = rep["period"] as! String
            payable["\((rep["name"] as? String) ?? rep["rep"] as! String) \(period)"] = Decimal(
                string: rep["payable"] as! String)!
            periods.insert(period)
        }
        return (payable, periods)
    }

    static func money(_ value: Any?) -> Decimal { Decimal(string: value as! String)! }

    @Test(arguments: cases) func eachPeriodPaidByHandAgainstOwed(name: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let paid = try Self.paid(name)
        let periods = paid.keys.sorted()
        try #require(!periods.isEmpty)
        let workbooks = periods.map {
            Self.split.appendingPathComponent(name).appendingPathComponent("\($0).xlsx").path
        }
        for (period, workbook) in zip(periods, workbooks) {
            let closed = try CommandLineTests.run(
                ["close", period, "--ledger", ledger, "--from-workbook", workbook] + Self.inputs(name))
            try #require(closed.status == 0, "\(name) \(period): \(closed.stderr)")
        }
        let deals = ReconcileCommandTests.scenarios.appendingPathComponent(name).appendingPathComponent("deals.csv")
        let result = try CommandLineTests.run(
            ["reconcile"] + workbooks + ["--deals", deals.path, "--ledger", ledger, "--format", "json"]
                + Self.inputs(name))
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let object = try LedgerCommandTests.json(result.stdout)
        if workbooks.count > 1 {
            #expect((object["workbooks"] as? [[String: Any]])?.count == workbooks.count)
        } else {
            #expect(object["findings"] != nil)
        }
        let section = try #require(object["paid_against_owed"] as? [String: Any])

        let owed = try Self.owed(name)
        var expected: [String: [Decimal]] = [:]
        for period in periods {
            let reps = Set(paid[period]!.keys).union(
                owed.payable.keys.filter { $0.hasSuffix(" " + period) }.map { String($0.dropLast(period.count + 1)) })
            for rep in reps {
                let figures = (paid: paid[period]![rep] ?? 0, owed: owed.payable["\(rep) \(period)"] ?? 0)
                expected["\(rep) \(period)"] = [figures.paid, figures.owed, figures.owed - figures.paid]
            }
        }
        var found: [String: [Decimal]] = [:]
        for row in section["rows"] as! [[String: Any]] {
            #expect(row["paid_by"] as? String == "hand")
            let key = "\((row["name"] as? String) ?? row["rep"] as! String) \(row["period"]!)"
            found[key] = [Self.money(row["paid"]), Self.money(row["owed"]), Self.money(row["difference"])]
        }
        #expect(found == expected, "\(name)")
        let total = section["total"] as! [String: Any]
        let sum = expected.values.reduce([Decimal(0), 0, 0]) { [$0[0] + $1[0], $0[1] + $1[1], $0[2] + $1[2]] }
        #expect([Self.money(total["paid"]), Self.money(total["owed"]), Self.money(total["difference"])] == sum)
        let byHand = section["by_hand"] as! [String: Any]
        #expect(Self.money(byHand["difference"]) == sum[2])
        #expect(Self.money((section["by_trueup"] as! [String: Any])["paid"]) == 0)
        let perRep = (section["reps"] as! [[String: Any]]).reduce(Decimal(0)) { $0 + Self.money($1["difference"]) }
        #expect(perRep == sum[2])
        #expect(Set(section["not_closed"] as! [String]) == owed.periods.subtracting(periods))
    }

    /// case-07's first two months paid by hand, the third closed from the engine: the report
    /// tells them apart, the month paid from trueup owes nothing, and the text says the total.
    @Test func periodsPaidByHandAndFromTrueupAreToldApart() throws {
        let name = "case-07"
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let paid = try Self.paid(name)
        let deals = ReconcileCommandTests.scenarios.appendingPathComponent(name).appendingPathComponent("deals.csv")
        let workbooks = paid.keys.sorted().map {
            Self.split.appendingPathComponent(name).appendingPathComponent("\($0).xlsx").path
        }
        for period in ["2026-01", "2026-02"] {
            let workbook = Self.split.appendingPathComponent(name).appendingPathComponent("\(period).xlsx").path
            let closed = try CommandLineTests.run(
                ["close", period, "--ledger", ledger, "--from-workbook", workbook] + Self.inputs(name))
            try #require(closed.status == 0, "\(closed.stderr)")
        }
        let closed = try CommandLineTests.run(
            ["close", "2026-03", "--ledger", ledger, "--deals", deals.path] + Self.inputs(name))
        try #require(closed.status == 0, "\(closed.stderr)")
        let arguments =
            ["reconcile"] + workbooks + ["--deals", deals.path, "--ledger", ledger] + (try Self.inputs(name))
        let json = try CommandLineTests.run(arguments + ["--format", "json"])
        let section = try #require(try LedgerCommandTests.json(json.stdout)["paid_against_owed"] as? [String: Any])
        let periods = section["periods"] as! [[String: Any]]
        #expect(periods.map { $0["period"] as! String } == ["2026-01", "2026-02", "2026-03"])
        #expect(periods.map { $0["paid_by"] as! String } == ["hand", "hand", "trueup"])
        #expect(Self.money(periods[2]["difference"]) == 0)
        let owed = try Self.owed(name).payable
        let handPaid = ["2026-01", "2026-02"].flatMap { paid[$0]!.values }.reduce(0, +)
        let handOwed = owed.filter { $0.key.hasSuffix("2026-01") || $0.key.hasSuffix("2026-02") }.values.reduce(0, +)
        let byHand = section["by_hand"] as! [String: Any]
        #expect(Self.money(byHand["paid"]) == handPaid && Self.money(byHand["owed"]) == handOwed)
        #expect(section["not_closed"] as? [String] == ["2026-04"])

        let text = try CommandLineTests.run(arguments)
        #expect(text.stdout.contains("== \(workbooks[0])") && text.stdout.contains("== \(workbooks[3])"))
        #expect(text.stdout.contains("paid by hand: 2026-01, 2026-02; paid from trueup: 2026-03"), "\(text.stdout)")
        let difference = handOwed - handPaid
        let verdict =
            difference > 0 ? "underpaid by \(Self.grouped(difference))" : "overpaid by \(Self.grouped(-difference))"
        #expect(
            text.stdout.contains(
                "Paid by hand: paid \(Self.grouped(handPaid)), owed \(Self.grouped(handOwed)): \(verdict)"),
            "\(text.stdout)")
        #expect(text.stdout.contains("Not closed in the ledger, not counted: 2026-04"))
    }

    /// 1234.5 as the text report writes money: `1,234.50`.
    static func grouped(_ value: Decimal) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.minimumFractionDigits = 2
        formatter.maximumFractionDigits = 2
        return formatter.string(from: value as NSDecimalNumber)!
    }
}
