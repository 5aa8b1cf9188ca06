import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Spreadsheet
import TestSupport
import Testing
import XLSX
import ZIP

/// Correcting a corrected workbook (the reconciler's correction run again on its own output)
/// gives a valid package: unique relationship ids in every `.rels`, every internal target
/// present, every part with a content type, and sheet names that are all different.
@Suite struct CorrectedTwiceTests {
    /// What makes `path` an invalid package, one line each; empty when it is valid.
    static func packageProblems(_ path: String) throws -> [String] {
        let archive = try ZipArchive(path: path)
        var problems: [String] = []
        let types = try ContentTypeSet(
            parsing: archive.data(of: try #require(archive.entry(named: ContentTypeSet.partName))))
        for entry in archive.entries where entry.name != ContentTypeSet.partName {
            if types.type(of: entry.name) == nil { problems.append("\(entry.name) has no content type") }
            guard entry.name.hasSuffix(".rels") else { continue }
            let folder = entry.name.replacingOccurrences(of: "_rels/", with: "")
            let source = folder == ".rels" ? nil : try PartName(String(folder.dropLast(".rels".count)))
            let set = try RelationshipSet(parsing: archive.data(of: entry), source: source, partName: entry.name)
            let ids = set.entries.map(\.id)
            if Set(ids).count != ids.count { problems.append("\(entry.name) repeats an id: \(ids)") }
            for relationship in set.entries {
                if let target = set.targetPart(of: relationship), archive.entry(named: target) == nil {
                    problems.append("\(entry.name): \(relationship.id) points at missing \(target)")
                }
            }
        }
        let names = try XLSXWorkbook(path: path, readingCells: false).sheets.map { $0.name.lowercased() }
        if Set(names).count != names.count { problems.append("sheet names repeat: \(names)") }
        return problems
    }

    @Test func correctingTheCorrectedSampleGivesAValidPackage() throws {
        let path = SampleReconciliationTests.path
        let plan = try PlanFile.load(path: path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(path("roster.csv")))
        var input = path("q3-commissions.xlsx")
        var written: [String] = []
        defer { for file in written { try? FileManager.default.removeItem(atPath: file) } }
        for round in 1...3 {
            let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: roster)
            let output = Scratch.folder.appendingPathComponent("trueup-twice-\(UUID()).xlsx")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            written.append(output.path)
            let handle = try FileHandle(forWritingTo: output)
            let outcome = try CorrectedWorkbook.write(source: input, reconciliation: result, to: handle)
            try handle.close()
            #expect(try Self.packageProblems(output.path) == [], "round \(round)")
            // The sample has a Summary sheet of its own, so trueup's is `Summary (2)` from the first round.
            let before = try XLSXWorkbook(path: input, readingCells: false).sheets.map(\.name)
            #expect(outcome.addedSheets.count == 3 && outcome.addedSheets.allSatisfy { !before.contains($0) })
            #expect(outcome.addedSheets[0] == (round == 1 ? "Findings" : "Findings (\(round))"))
            #expect(outcome.addedSheets[1] == "Summary (\(round + 1))")
            #expect(round > 1 || outcome.correctedCells > 0)
            input = output.path
        }
        let sheets = try XLSXWorkbook(path: input, readingCells: false).sheets.map(\.name)
        #expect(sheets.filter { $0.hasPrefix("Findings") } == ["Findings", "Findings (2)", "Findings (3)"])
    }

    @Test func correctingAWorkbookWithAnEntryThatEscapesThePackageIsRefused() throws {
        let path = SampleReconciliationTests.path
        let source = try ZipArchive(path: path("q3-commissions.xlsx"))
        let hostile = Scratch.folder.appendingPathComponent("trueup-hostile-\(UUID()).xlsx")
        defer { try? FileManager.default.removeItem(at: hostile) }
        _ = FileManager.default.createFile(atPath: hostile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: hostile)
        let writer = ZipWriter(handle: handle)
        for entry in source.entries { try writer.addPart(entry.name, try source.data(of: entry)) }
        try writer.addPart("../../evil.sh", Array("#!/bin/sh\n".utf8))
        try writer.finish()
        try handle.close()

        let plan = try PlanFile.load(path: path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(path("roster.csv")))
        let result = try Reconciler.reconcile(workbook: hostile.path, plan: plan, roster: roster)
        let output = hostile.path + ".corrected.xlsx"
        defer { try? FileManager.default.removeItem(atPath: output) }
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        let error = try #require(throws: SpreadsheetError.self) {
            _ = try CorrectedWorkbook.write(source: hostile.path, reconciliation: result, to: out)
        }
        try out.close()
        #expect(error.location.file == hostile.path)
        #expect(
            error.reason
                == "the package has an entry named '../../evil.sh', which climbs out of its folder ('..'); trueup will not copy it"
        )
    }
}
