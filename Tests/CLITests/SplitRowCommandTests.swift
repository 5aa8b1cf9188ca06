import Foundation
import TestSupport
import Testing

/// `trueup calculate --deals` on a file keeping a split deal on one row, a column per rep: each
/// rep's line names the row it stands on, not its key (`DealsTable.otherRepKey`).
@Suite struct SplitRowCommandTests {
    @Test func eachRepsLineNamesItsRow() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deals = folder.appendingPathComponent("deals.csv")
        try """
        Deal ID,Close Date,Amount,Rep 1,Rep 1 %,Rep 2,Rep 2 %
        D-1,2026-01-10,10000,Ana Ruiz,60%,Ben Cole,40%
        D-2,2026-02-10,20000,Ben Cole,100%,,

        """.write(to: deals, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.yaml")
        try
            (PlanTexts.flat("Split rows", rate: "10%") + "\nreps:\n  - { id: R01, name: Ana Ruiz, quota: 100000 }\n"
            + "  - { id: R02, name: Ben Cole, quota: 100000 }\n").write(to: plan, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(
            ["calculate", "--plan", plan.path, "--deals", deals.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary)
        let lines = try #require(object["lines"] as? [[String: Any]]).map { line in
            "\(line["row"] ?? "") \(line["rep"] ?? "") \(line["credit"] ?? "")"
        }
        #expect(lines.sorted() == ["2 R01 6000.00", "2 R02 4000.00", "3 R02 20000.00"])
    }
}
