import Foundation
import Testing

/// The readings session 28 added (`scripts/make-readings28`): a Smartsheet export's parent rows
/// checked as totals over their child rows, a tab per quarter's per-rep figures and the `YTD`
/// tab's 3-D sums over them (`=SUM('Q1 2026:Q4 2026'!B4)`) checked against the engine, a wrong one
/// reported with the cause of the wrong figures it adds up, or as a `sum_range` stopping a tab
/// short; and last year's columns hidden inside an Excel Table passed over for the shown ones.
/// Each part renders an odd and an even case of each of its layouts with their planted errors
/// (each found with its cause, the corrected copies reconciling clean) and an odd and an even one
/// clean (nothing at all).
@Suite struct Readings28Tests {
    static let script = "scripts/make-readings28"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }

    /// A 3-D sum stopping a tab short of the sheet's others is repaired to their run of tabs
    /// (`quarter-ytd` case 2: `YTD`'s first rep summed over the first three of four quarters).
    @Test func aThreeDSumStoppingATabShortIsRepairedToTheOthersRun() throws {
        let folder = try LayoutReconciliationTests.render(Self.script, ["--layouts=quarter-ytd", "--cases=case-02"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (result, _, _) = try LayoutReconciliationTests.reconcile(
            folder.appendingPathComponent("quarter-ytd/case-02.xlsx"))
        let short = try #require(result.findings.first { $0.sheet == "YTD" && $0.cause == .sumRange })
        #expect(short.repairedFormula?.hasSuffix(":Q4 2026'!B\(short.cell.row))") == true, "\(short)")
        #expect(short.explanation.contains("leaving out 'Q4 2026'"), "\(short.explanation)")
    }
}
