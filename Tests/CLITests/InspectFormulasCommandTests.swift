import Foundation
import Testing

/// `trueup inspect --formulas`: per sheet, formulas evaluated, agreeing, stale, not evaluable.
@Suite struct InspectFormulasCommandTests {
    @Test func theSampleWorkbooksFormulasAllAgreeWithTheirCachedValues() throws {
        let result = try CommandLineTests.run([
            "inspect", "--formulas", "--format", "json", CalculateCommandTests.sample("q3-commissions.xlsx"),
        ])
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let sheets = report["sheets"] as! [[String: Any]]
        let deals = try #require(sheets.first { $0["name"] as? String == "Deals" })
        #expect(deals["formulas"] as? Int == 35)
        #expect(deals["agreeing"] as? Int == 35)
        #expect((deals["stale"] as? [Any])?.isEmpty == true)
        let text = try CommandLineTests.run([
            "inspect", "--formulas", CalculateCommandTests.sample("q3-commissions.xlsx"),
        ])
        #expect(text.stdout.contains("Deals: 35 formulas, 35 evaluated, 35 agree with their cached values, 0 stale"))
    }

    @Test func aCSVFileIsRefusedOnOneLine() throws {
        let result = try CommandLineTests.run(["inspect", "--formulas", CalculateCommandTests.sample("roster.csv")])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("roster.csv"))
    }
}
