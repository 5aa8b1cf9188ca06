import Commission
import Foundation
import Testing
import XLSX

@testable import Inference

/// Deal rows whose reps are written otherwise than the roster writes them are read as the
/// roster's reps, as `reconcile` reads them: the engine prices the roster's reps only.
@Suite struct RosterRepTests {
    /// Twenty deals at 10%, the rep of deal `index` written `rep(index)`.
    static func deals(rep: (Int) -> String) -> [[WriteCell]] {
        (0..<20).map { index in
            let commission = (ClaimTests.amount(index) * Decimal(string: "0.1")!).rounded(places: 2, mode: .halfUp)
            var row = ClaimTests.row(index, commission: .number(commission))
            row[1] = .text(rep(index))
            return row
        }
    }

    /// Twenty deals at 10% whose reps are written by e-mail (`ana.lima@acme.com`), beside a roster of
    /// ids and names: every row is the roster's rep and reproduced (none was, the engine knowing no
    /// such rep); a row naming no one of the roster is said, not priced.
    @Test func repsWrittenByEmailAreTheRostersReps() throws {
        var rows = Self.deals { $0 % 2 == 0 ? "ana.lima@acme.com" : "ben.okafor@acme.com" }
        rows.append(ClaimTests.row(20, commission: .number(100)))
        rows[20][1] = .text("nobody@acme.com")
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkbookLayoutTests.workbook([("Deals", [ClaimTests.header] + rows)], in: folder)
        let roster = [RosterEntry(id: "R1", name: "Ana Lima"), RosterEntry(id: "R2", name: "Ben Okafor")]
        let evidence = try WorkbookEvidence.read(path: path, roster: roster)
        #expect(Set(evidence.observations.map(\.line.rep)) == ["R1", "R2"])
        #expect(
            evidence.unread.contains { $0.contains("rep 'nobody@acme.com' is no one on the roster") },
            "\(evidence.unread)")
        let inferred = PlanInference.infer(evidence, roster: roster)
        #expect(inferred.fit.reproduced == 20, "\(inferred.yaml)")
    }

    /// Deals whose reps are ids the roster does not know (`E101`, kept on a sheet of their own):
    /// no row names a rep of the roster, so the rows are read as written and their rates still
    /// give a plan (every row was taken out, and none was left to propose one from).
    @Test func rowsNamingNoRepOfTheRosterAreReadAsWritten() throws {
        let rows = Self.deals { $0 % 2 == 0 ? "E101" : "E102" }
        let folder = try WorkbookLayoutTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try WorkbookLayoutTests.workbook([("Deals", [ClaimTests.header] + rows)], in: folder)
        let roster = [RosterEntry(id: "R1", name: "Ana Lima"), RosterEntry(id: "R2", name: "Ben Okafor")]
        let evidence = try WorkbookEvidence.read(path: path, roster: roster)
        #expect(evidence.observations.count == 20)
        let inferred = PlanInference.infer(evidence)
        #expect(inferred.refusal == nil, "\(inferred.yaml)")
        #expect(inferred.plan.commission.tiers.bands.map(\.rate) == [Decimal(string: "0.1")!], "\(inferred.yaml)")
    }
}
