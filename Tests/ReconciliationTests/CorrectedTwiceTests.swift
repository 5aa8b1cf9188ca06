import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Reports
import Spreadsheet
import TestSupport
import Testing
import XLSX
import ZIP

/// Correcting a corrected workbook (the reconciler's correction run again on its own output)
/// gives a valid package: unique relationship ids in every `.rels`, every internal target
/// present, every part with a content type, and sheet names that are all different; trueup's
/// own sheets from the first correction are replaced, not stacked.
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

    /// Corrects `input` (reconciled against the sample's plan and roster) into a scratch file.
    static func correct(_ input: String) throws -> (path: String, outcome: CorrectedWorkbook.Outcome) {
        let path = SampleReconciliationTests.path
        let plan = try PlanFile.load(path: path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(path("roster.csv")))
        let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: roster)
        let output = Scratch.folder.appendingPathComponent("trueup-twice-\(UUID()).xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let outcome = try CorrectedWorkbook.write(source: input, reconciliation: result, to: handle)
        try handle.close()
        return (output.path, outcome)
    }

    /// The cells of sheet `name` in the workbook at `path`, a line per row (values and formulas).
    static func cells(_ path: String, _ name: String) throws -> [String] {
        let workbook = try XLSXWorkbook(path: path)
        var rows: [String] = []
        try workbook.readRows(of: try #require(workbook.sheet(named: name))) { row in
            rows.append(
                "\(row.index): "
                    + row.cells.map { "\($0.column)=\($0.value) \($0.formula ?? "")" }.joined(separator: "; "))
        }
        return rows
    }

    /// A copy of the package at `path` with its workbook part's text passed through `edit`.
    static func withWorkbookPart(_ path: String, _ edit: (String) -> String) throws -> String {
        let source = try ZipArchive(path: path)
        let copy = Scratch.folder.appendingPathComponent("trueup-edited-\(UUID()).xlsx")
        _ = FileManager.default.createFile(atPath: copy.path, contents: nil)
        let handle = try FileHandle(forWritingTo: copy)
        let writer = ZipWriter(handle: handle)
        for entry in source.entries {
            var bytes = try source.data(of: entry)
            if entry.name == "xl/workbook.xml" { bytes = Array(edit(String(decoding: bytes, as: UTF8.self)).utf8) }
            try writer.addPart(entry.name, bytes)
        }
        try writer.finish()
        try handle.close()
        return copy.path
    }

    @Test func correctingTheCorrectedSampleReplacesItsOwnSheets() throws {
        var input = SampleReconciliationTests.path("q3-commissions.xlsx")
        var written: [String] = []
        defer { for file in written { try? FileManager.default.removeItem(atPath: file) } }
        var afterFirst: [String] = []
        var summaryAfterFirst: [String] = []
        for round in 1...3 {
            let (output, outcome) = try Self.correct(input)
            written.append(output)
            #expect(try Self.packageProblems(output) == [], "round \(round)")
            let sheets = try XLSXWorkbook(path: output, readingCells: false).sheets.map(\.name)
            if round == 1 {
                // The sample has a Summary sheet of its own, so trueup's is `Summary (2)`.
                #expect(outcome.addedSheets == ["Findings", "Summary (2)", "Payroll"])
                #expect(outcome.replacedSheets.isEmpty)
                #expect(outcome.correctedCells > 0)
                afterFirst = sheets
                summaryAfterFirst = try Self.cells(output, "Summary")
            } else {
                // Its own sheets are found by their mark and replaced; no second set is added.
                #expect(outcome.addedSheets.isEmpty, "round \(round)")
                #expect(outcome.replacedSheets == ["Findings", "Summary (2)", "Payroll"], "round \(round)")
                #expect(sheets == afterFirst, "round \(round)")
            }
            input = output
        }
        // The team's own Summary, corrected in the first round, is left as it is: trueup's replaced
        // sheet is the marked `Summary (2)`.
        #expect(try Self.cells(input, "Summary") == summaryAfterFirst)
        #expect(try Self.cells(input, "Summary (2)").first?.contains("Rep") == true)
    }

    /// A renamed sheet of trueup's is still its own; sheets that only look like trueup's (the
    /// same sheets without the mark, as a user's copy would be) are kept, and a new set added.
    @Test func theMarkNotTheNameTellsTrueupsSheets() throws {
        let (first, _) = try Self.correct(SampleReconciliationTests.path("q3-commissions.xlsx"))
        defer { try? FileManager.default.removeItem(atPath: first) }

        let renamed = try Self.withWorkbookPart(first) {
            $0.replacingOccurrences(of: "name=\"Findings\"", with: "name=\"Review\"")
        }
        defer { try? FileManager.default.removeItem(atPath: renamed) }
        let (again, outcome) = try Self.correct(renamed)
        defer { try? FileManager.default.removeItem(atPath: again) }
        #expect(outcome.addedSheets.isEmpty)
        #expect(outcome.replacedSheets == ["Review", "Summary (2)", "Payroll"])
        #expect(try XLSXWorkbook(path: again, readingCells: false).sheets.map(\.name).contains("Findings") == false)

        let unmarked = try Self.withWorkbookPart(first) {
            $0.replacingOccurrences(
                of: #"<definedName [^>]*name="_trueup_added"[^>]*>[^<]*</definedName>"#, with: "",
                options: .regularExpression)
        }
        defer { try? FileManager.default.removeItem(atPath: unmarked) }
        let (other, added) = try Self.correct(unmarked)
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(added.replacedSheets.isEmpty)
        #expect(added.addedSheets == ["Findings (2)", "Summary (3)", "Payroll (2)"])
        for sheet in ["Findings", "Summary (2)", "Payroll"] {
            #expect(try Self.cells(other, sheet) == Self.cells(unmarked, sheet), "\(sheet)")
        }
        #expect(try Self.packageProblems(other) == [])
    }

    /// Reconciling a corrected copy leaves trueup's own sheets out, found by their mark (their
    /// rows are its report of the earlier run, not the team's figures), and says so: renamed, a
    /// sheet is still left out; without the mark, it is read as any other sheet.
    @Test func reconcilingACorrectedCopyLeavesTrueupsSheetsOut() throws {
        let (first, _) = try Self.correct(SampleReconciliationTests.path("q3-commissions.xlsx"))
        defer { try? FileManager.default.removeItem(atPath: first) }
        let added = ["Findings", "Summary (2)", "Payroll"]
        let file = try TableFile.open(first)
        #expect(file.addedByTrueup == added)
        #expect(file.tables.allSatisfy { !added.contains($0 ?? "") })
        #expect(file.hiddenTables.isEmpty)
        #expect(Set(file.allTables.compactMap { $0 }).isSuperset(of: added))

        let path = SampleReconciliationTests.path
        let plan = try PlanFile.load(path: path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(path("roster.csv")))
        let again = try Reconciler.reconcile(workbook: first, plan: plan, roster: roster)
        #expect(again.errors.isEmpty)
        for sheet in added {
            #expect(
                again.mappingNotes.contains(
                    "sheet '\(sheet)': ignored (added by trueup to a corrected copy, not the team's figures)"))
        }

        let renamed = try Self.withWorkbookPart(first) {
            $0.replacingOccurrences(of: "name=\"Findings\"", with: "name=\"Review\"")
        }
        defer { try? FileManager.default.removeItem(atPath: renamed) }
        #expect(try TableFile.open(renamed).addedByTrueup == ["Review", "Summary (2)", "Payroll"])

        let unmarked = try Self.withWorkbookPart(first) {
            $0.replacingOccurrences(
                of: #"<definedName [^>]*name="_trueup_added"[^>]*>[^<]*</definedName>"#, with: "",
                options: .regularExpression)
        }
        defer { try? FileManager.default.removeItem(atPath: unmarked) }
        let plain = try TableFile.open(unmarked)
        #expect(plain.addedByTrueup.isEmpty)
        #expect(Set(plain.tables.compactMap { $0 }).isSuperset(of: added))
    }

    /// A mark proves nothing alone (Excel copies a sheet's local names with the sheet; one line
    /// of the workbook part writes one): a marked sheet is left out only when its mark is hidden,
    /// names a kind trueup adds, and its row 1 is that kind's header. Else it is the team's, read
    /// as any other: never pay from a partial read.
    @Test func aMarkOnTheTeamsOwnSheetHidesNothing() throws {
        // The Payroll sheet is told by the payroll export's header, which it repeats.
        #expect(AddedSheetKind.payroll.header == PayrollExport.header)
        let (first, _) = try Self.correct(SampleReconciliationTests.path("q3-commissions.xlsx"))
        defer { try? FileManager.default.removeItem(atPath: first) }
        let teams = try #require(TableFile.open(first).tables.first ?? nil)
        let variants: [(String, (String) -> String)] = [
            // The Findings mark moved onto the team's first sheet.
            (
                "moved",
                {
                    $0.replacingOccurrences(
                        of: #"(<definedName[^>]*localSheetId=")\d+("[^>]*>(&quot;|")findings)"#, with: "$10$2",
                        options: .regularExpression)
                }
            ),
            // Findings' mark visible, or naming a kind trueup never adds.
            (
                "visible",
                {
                    $0.replacingOccurrences(
                        of: #"hidden="1"(>(&quot;|")findings)"#, with: "$1", options: .regularExpression)
                }
            ),
            ("kind", { $0.replacingOccurrences(of: "findings", with: "deals") }),
        ]
        for (variant, edit) in variants {
            let path = try Self.withWorkbookPart(first, edit)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = try TableFile.open(path)
            #expect(file.addedByTrueup == ["Summary (2)", "Payroll"], "\(variant)")
            #expect(file.tables.contains(teams), "\(variant)")
            #expect(file.tables.contains("Findings"), "\(variant)")
        }
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
