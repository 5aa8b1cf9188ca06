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

/// trueup's notes go beside the notes a sheet already has, whoever wrote them: openpyxl (its own
/// prefixes `ns0`…, absolute targets), a comments part with `x:` prefixes and a drawing with VML
/// as its default namespace, a sheet with a second VML drawing (a header picture's). The copies
/// come from `scripts/make-noted-workbooks`; none of their notes is lost, each corrected cell
/// without one gets trueup's, in the namespaces readers look for.
@Suite struct CorrectedOwnNotesTests {
    static let vml = "urn:schemas-microsoft-com:vml"
    static let excel = "urn:schemas-microsoft-com:office:excel"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// The notes copies of `source` with notes on `cells`, in a new scratch folder.
    static func render(_ source: String, cells: [String]) throws -> URL {
        let folder = Scratch.folder.appendingPathComponent("trueup-noted-\(UUID())")
        let script = LayoutReconciliationTests.root.appendingPathComponent("scripts/make-noted-workbooks")
        guard try PythonScript.run([script.path, source, folder.path] + cells) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        return folder
    }

    @Test func notesAreAddedBesideThoseOtherProducersWrote() throws {
        let sample = SampleReconciliationTests.path("q3-commissions.xlsx")
        let plan = try PlanFile.load(path: SampleReconciliationTests.path("q3-plan.yaml"))
        let roster = try RosterReader.read(TableFile.open(SampleReconciliationTests.path("roster.csv")))
        let wrong = try Reconciler.reconcile(workbook: sample, plan: plan, roster: roster).findings.filter {
            $0.sheet == "Deals" && $0.isError && $0.isPay && !$0.isInput
        }
        let corrected = wrong.map(\.cell.description)
        #expect(corrected.count >= 3)
        // The rates typed wrong (the wrong_tier and wrong_rate rows') are corrected too, with notes of their own.
        let inputs = wrong.compactMap { $0.wrongInput?.cell.description }
        #expect(inputs.count == 2)
        // A note of its own on a cell trueup leaves and on one it corrects.
        let own = ["H5", corrected[0]]
        let folder = try Self.render(sample, cells: own)
        defer { try? FileManager.default.removeItem(at: folder) }

        for variant in ["openpyxl", "x-prefixed", "header-picture"] {
            let input = folder.appendingPathComponent(variant + ".xlsx").path
            let result = try Reconciler.reconcile(workbook: input, plan: plan, roster: roster)
            let output = folder.appendingPathComponent(variant + "-corrected.xlsx")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            let outcome = try CorrectedWorkbook.write(source: input, reconciliation: result, to: handle)
            try handle.close()
            #expect(outcome.notesSkipped.isEmpty, "\(variant)")
            #expect(try CorrectedTwiceTests.packageProblems(output.path) == [], "\(variant)")

            let archive = try ZipArchive(path: output.path)
            let read = { (name: String) throws -> [UInt8] in
                try archive.data(of: try #require(archive.entry(named: name)))
            }
            let sheet = try PartName("xl/worksheets/sheet1.xml")
            let relationships = try RelationshipSet(
                parsing: read("xl/worksheets/_rels/sheet1.xml.rels"), source: sheet, partName: "sheet1.xml.rels")
            let sheetXML = String(decoding: try read(sheet.name), as: UTF8.self)
            let legacyID = try #require(
                sheetXML.firstMatch(of: #/<legacyDrawing [^>]*r:id="([^"]+)"/#).map { String($0.output.1) })
            let drawingName = try #require(
                relationships.entries.first { $0.id == legacyID }.flatMap { relationships.targetPart(of: $0) })
            let commentsName = try #require(
                relationships.entries.first { $0.hasType("comments") }.flatMap { relationships.targetPart(of: $0) })

            // The comments part: namespace-well-formed, every comment in SpreadsheetML's namespace.
            let comments = try XMLSpans(read(commentsName), partName: commentsName) { _, depth in depth <= 2 }
            let notes = comments.elements.filter { $0.localName == "comment" }
            #expect(notes.allSatisfy { $0.namespace == Self.main }, "\(variant)")
            #expect(
                comments.elements.filter { $0.localName == "author" }.allSatisfy { $0.namespace == Self.main },
                "\(variant)")
            let refs = notes.compactMap { $0.attribute("ref") }
            #expect(Set(refs) == Set(own + corrected + inputs), "\(variant): \(refs)")
            #expect(refs.count == Set(refs).count, "\(variant): a cell with two notes")
            let commentsText = String(decoding: try read(commentsName), as: UTF8.self)
            for cell in own { #expect(commentsText.contains("Ana: checked \(cell)"), "\(variant) \(cell)") }
            #expect(
                commentsText.components(separatedBy: "trueup: was").count - 1 == corrected.count - 1 + inputs.count,
                "\(variant)")

            // The drawing: one note shape per comment, in VML's namespace, their ids all different.
            let drawing = try XMLSpans(read(drawingName), partName: drawingName, recovering: true) { _, _ in true }
            let shapes = drawing.elements.filter { $0.localName == "shape" && $0.namespace == Self.vml }
            let noteData = drawing.elements.filter {
                $0.localName == "ClientData" && $0.namespace == Self.excel && $0.attribute("ObjectType") == "Note"
            }
            #expect(shapes.count == refs.count && noteData.count == refs.count, "\(variant)")
            let ids = shapes.compactMap { $0.attribute("id") }
            #expect(Set(ids).count == refs.count, "\(variant): \(ids)")
            if variant == "header-picture" {
                // The header's drawing is left as it was.
                let source = try ZipArchive(path: input)
                let header = try source.data(of: try #require(source.entry(named: "xl/drawings/vmlDrawing2.vml")))
                #expect(try read("xl/drawings/vmlDrawing2.vml") == header)
                #expect(drawingName == "xl/drawings/vmlDrawing1.vml")
            }
        }
    }
}
