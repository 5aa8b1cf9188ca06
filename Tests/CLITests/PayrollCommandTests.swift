import Foundation
import Testing

/// `--payroll`: the payroll CSV, checked against the scenarios' independent expected figures.
@Suite struct PayrollCommandTests {
    static let cases = ["case-01", "case-02", "case-03", "case-04", "case-05", "case-06", "case-07", "case-08"]

    /// Reconciling each scenario's hand-kept workbook writes one payroll line per rep-period of
    /// `expected.json`, each payable to the cent, and lines that add up to its total.
    @Test(arguments: cases) func payrollMatchesTheExpectedPayables(_ name: String) throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let payroll = folder.appendingPathComponent("payroll.csv")
        let result = try ReconcileCommandTests.run(name, ["--payroll", payroll.path])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")

        let records = try Self.records(payroll)
        #expect(records.first == ["rep_id", "name", "period", "payable", "currency"])
        var ours: [String: Decimal] = [:]
        for record in records.dropFirst() {
            #expect(record.count == 5)
            // Bound first: assigned straight into the dictionary, #require's value would be
            // `Decimal??` and never nil, so a payable that does not parse would pass unseen.
            let payable: Decimal = try #require(Decimal(string: record[3]), "\(record)")
            ours[record[0] + " " + record[2]] = payable
        }
        let expected = try Self.expectedPayables(name)
        #expect(ours == expected)
        let total = ours.values.reduce(Decimal(0), +)
        #expect(total == expected.values.reduce(Decimal(0), +))
        #expect(records.count - 1 == expected.count)
        print("payroll \(name): \(records.count - 1) lines, total \(total) equals expected.json to the cent")
    }

    @Test func calculateWritesTheSamePayrollWithAByteOrderMarkWhenAsked() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let payroll = folder.appendingPathComponent("payroll.csv")
        let scenario = ReconcileCommandTests.scenarios.appendingPathComponent("case-02")
        let result = try CommandLineTests.run([
            "calculate", "--plan", scenario.appendingPathComponent("plan.yaml").path, "--deals",
            scenario.appendingPathComponent("deals.csv").path, "--payroll", payroll.path, "--bom",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("17 payroll lines, total 68,558.64 EUR"))
        let bytes = try Data(contentsOf: payroll)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try Self.records(payroll).count == 18)
    }

    @Test func payrollOverAnInputIsRefusedAndTheInputKept() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = ReconcileCommandTests.scenarios.appendingPathComponent("case-01")
        let deals = folder.appendingPathComponent("deals.csv")
        try FileManager.default.copyItem(at: scenario.appendingPathComponent("deals.csv"), to: deals)
        let before = try Data(contentsOf: deals)
        let result = try CommandLineTests.run([
            "calculate", "--plan", scenario.appendingPathComponent("plan.yaml").path, "--deals", deals.path,
            "--payroll", deals.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is an input of this command; refusing to overwrite it"))
        #expect(try Data(contentsOf: deals) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["deals.csv"])
    }

    /// A payroll named like a workbook, or the same file as `--out`, is refused before anything
    /// is written (the corrected workbook was written first, then the payroll refused).
    @Test func aPayrollNamedLikeAWorkbookOrAsTheCorrectedCopyIsRefusedFirst() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = ReconcileCommandTests.scenarios.appendingPathComponent("case-01")
        let arguments = [
            "reconcile", scenario.appendingPathComponent("manual.xlsx").path, "--plan",
            scenario.appendingPathComponent("plan.yaml").path,
        ]
        let out = folder.appendingPathComponent("x.xlsx").path
        for payroll in [out, folder.appendingPathComponent("pay.xlsx").path, folder.path + "/./x.xlsx"] {
            let result = try CommandLineTests.run(arguments + ["--out", out, "--payroll", payroll])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(payroll)")
        }
    }

    /// Rep-period payables of a scenario's `expected.json`, keyed "rep period".
    static func expectedPayables(_ name: String) throws -> [String: Decimal] {
        let url = ReconcileCommandTests.scenarios.appendingPathComponent(name).appendingPathComponent("expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var result: [String: Decimal] = [:]
        for rep in object["reps"] as! [[String: Any]] {
            result["\(rep["rep"]!) \(rep["period"]!)"] = Decimal(string: rep["payable"] as! String)
        }
        return result
    }

    /// The records of an RFC 4180 file (quoted fields, doubled quotes, CRLF), BOM skipped.
    static func records(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        field.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if c != "\r" {
                field.unicodeScalars.append(c)
            }
        }
        return records
    }
}
