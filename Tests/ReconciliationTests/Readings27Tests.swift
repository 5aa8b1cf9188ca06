import Foundation
import Testing

/// The readings session 27 added (`scripts/make-readings27`): last year's rate and commission in
/// hidden columns under the very headers of this year's or headers alike, flagged hidden or shut
/// to width 0 (the shown columns read, the report saying so), and a CSV's dates saved as day and
/// month without the year (`15/03`, `03/15`) under a title writing it, the column's days past the
/// 12th telling the order. Each part renders an odd and an even case of each of its layouts with
/// their planted errors (each found with its cause, the corrected copies reconciling clean) and
/// an odd and an even one clean (nothing at all).
@Suite struct Readings27Tests {
    static let script = "scripts/make-readings27"

    @Test(arguments: [false, true], HeldOutLayouts13Tests.parts)
    func everyLayoutReadReconcilesAsItsTruthSays(clean: Bool, part: String) throws {
        try HeldOutLayouts13Tests.expectOddAndEvenReconcile(Self.script, clean: clean, part: part)
    }

    /// The report says which shown column was read and which hidden ones were passed over, each by
    /// its letter (`hidden-twins` case 2: `Rate | Commission` hidden in G and H, shown in I and J).
    @Test func theReportNamesTheShownColumnReadAndTheHiddenOnesPassedOver() throws {
        let folder = try LayoutReconciliationTests.render(
            Self.script, ["--layouts=hidden-twins", "--cases=case-02", "--clean"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("hidden-twins/case-02.xlsx")
        let (result, _, _) = try LayoutReconciliationTests.reconcile(workbook)
        #expect(result.errors.isEmpty)
        let notes = result.mappingNotes.joined(separator: "\n")
        #expect(notes.contains("commission: 'Commission' (J) read, the column shown, not the hidden 'Commission' (H)"))
        #expect(notes.contains("rate: 'Rate' (I) read, the column shown, not the hidden 'Rate' (G)"), "\(notes)")
    }
}
