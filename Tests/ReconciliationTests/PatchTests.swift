import Foundation
import Spreadsheet
import Testing

@testable import Correction

/// The byte-level patches of a corrected workbook, on the shapes real producers write.
@Suite struct PatchTests {
    static let location = Location(file: "book.xlsx", sheet: "Deals")

    func patch(_ xml: String, _ edits: [CellEdit]) throws -> String {
        let patched = try WorksheetPatch.apply(
            location: Self.location, edits: edits, highlight: { $0 + 100 }, to: Array(xml.utf8))
        return String(decoding: patched.bytes, as: UTF8.self)
    }

    func edit(_ cell: String, _ value: Decimal, keepsFormula: Bool = false) -> CellEdit {
        CellEdit(address: CellAddress(cell)!, value: value, keepsFormula: keepsFormula)
    }

    @Test func replacesAValueKeepingEveryOtherByte() throws {
        let xml =
            #"<worksheet xmlns="m"><sheetData><row r="1"><c r="A1" s="2"><v>5</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData><extLst><ext uri="x"/></extLst></worksheet>"#
        #expect(
            try patch(xml, [edit("A1", Decimal(string: "7.25")!)])
                == #"<worksheet xmlns="m"><sheetData><row r="1"><c r="A1" s="102"><v>7.25</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData><extLst><ext uri="x"/></extLst></worksheet>"#
        )
    }

    @Test func aWrongFormulaGivesWayAndARightOneStaysWithTheNewValue() throws {
        let xml =
            #"<worksheet><sheetData><row r="2"><c r="C2" s="1"><f>A2*B2</f><v>9</v></c><c r="D2"><f>SUM(C2:C2)</f><v>9</v></c></row></sheetData></worksheet>"#
        let out = try patch(xml, [edit("C2", 10), edit("D2", 10, keepsFormula: true)])
        #expect(out.contains(#"<c r="C2" s="101"><v>10</v></c>"#))
        #expect(out.contains(#"<c r="D2" s="100"><f>SUM(C2:C2)</f><v>10</v></c>"#))
        let formulas = try WorksheetPatch.apply(
            location: Self.location, edits: [edit("C2", 10)], highlight: { $0 },
            to: Array(xml.replacingOccurrences(of: "A2*B2", with: "IF(A2&gt;0,A2*B2,0)").utf8)
        ).formulas
        #expect(formulas == [CellAddress("C2")!: "IF(A2>0,A2*B2,0)"])
    }

    @Test func missingCellsAreInsertedInColumnOrder() throws {
        let xml =
            #"<worksheet><sheetData><row r="3"><c r="B3"><v>1</v></c><c r="E3"><v>2</v></c></row><row r="4"/></sheetData></worksheet>"#
        let out = try patch(xml, [edit("A3", 1), edit("C3", 3), edit("G3", 4), edit("B4", 5)])
        #expect(
            out.contains(
                #"<row r="3"><c r="A3" s="100"><v>1</v></c><c r="B3"><v>1</v></c><c r="C3" s="100"><v>3</v></c><c r="E3"><v>2</v></c><c r="G3" s="100"><v>4</v></c></row>"#
            ))
        #expect(out.contains(#"<row r="4"><c r="B4" s="100"><v>5</v></c></row>"#))
    }

    @Test(arguments: [1, 2, 5, 13, 64])
    func streamingInAnyChunkSizeGivesTheSameBytes(_ size: Int) throws {
        let xml =
            #"<worksheet><dimension ref="A1:G4"/><sheetData><row r="3" spans="1:7"><c r="B3"><v>1</v></c><c r="E3"><f>B3*2</f><v>2</v></c></row><row r="4"/><row r="5"><c r="A5" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#
        let edits = [edit("A3", 1), edit("E3", 3), edit("B4", 5)]
        let whole = try patch(xml, edits)
        var streamed: [UInt8] = []
        let streaming = WorksheetPatch(location: Self.location, edits: edits, highlight: { $0 + 100 }) {
            streamed += $0
        }
        let bytes = Array(xml.utf8)
        for start in stride(from: 0, to: bytes.count, by: size) {
            try bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { try streaming.feed($0) }
        }
        streamed += try streaming.finish()
        #expect(String(decoding: streamed, as: UTF8.self) == whole)
        #expect(
            whole.hasSuffix(#"</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#))
        #expect(streaming.formulas == [CellAddress("E3")!: "B3*2"])
    }

    @Test func unsafeSheetsAreRefusedWithTheReason() throws {
        let noReferences = #"<worksheet><sheetData><row r="1"><c><v>1</v></c></row></sheetData></worksheet>"#
        #expect(throws: SpreadsheetError.self) { try patch(noReferences, [edit("A1", 2)]) }
        let sharedMaster =
            #"<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A9" si="0">B1</f><v>1</v></c></row></sheetData></worksheet>"#
        do {
            _ = try patch(sharedMaster, [edit("A1", 2)])
            Issue.record("a shared formula's master was replaced")
        } catch let error as SpreadsheetError {
            #expect(error.description.contains("shared or array formula"))
        }
        let prefixed = #"<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>"#
        #expect(throws: SpreadsheetError.self) { try patch(prefixed, [edit("A1", 2)]) }
        let noRow = #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(throws: SpreadsheetError.self) { try patch(noRow, [edit("A5", 2)]) }
    }

    @Test func stylesGainOneFillAndAHighlightedCopyOfEachFormat() throws {
        let xml =
            #"<styleSheet><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><cellXfs count="2"><xf numFmtId="0" fillId="0"/><xf numFmtId="164" fontId="1" applyFill="0"><alignment horizontal="left"/></xf></cellXfs></styleSheet>"#
        let (bytes, count) = try StylesPatch(location: Self.location).apply(to: Array(xml.utf8))
        let out = String(decoding: bytes, as: UTF8.self)
        #expect(count == 2)
        #expect(out.contains(#"<fills count="3">"#))
        #expect(out.contains(#"<cellXfs count="5">"#))
        #expect(out.contains(#"<xf fillId="2" applyFill="1" numFmtId="0"/>"#))
        #expect(
            out.contains(#"<xf fillId="2" applyFill="1" numFmtId="164" fontId="1"><alignment horizontal="left"/></xf>"#)
        )
    }

    @Test func aSheetWithNotesOfItsOwnGetsNoneFromTrueup() throws {
        func notes(_ relationships: String?) -> NotesPatch? {
            NotesPatch(
                location: Self.location, sheetPart: "xl/worksheets/sheet1.xml",
                existingRelationships: relationships.map { Array($0.utf8) }, number: 1, taken: { _ in false })
        }
        #expect(notes(nil)?.commentsPart == "xl/worksheets/trueup-notes1.xml")
        #expect(
            notes(#"<Relationships><Relationship Id="a" Type='http://x/drawing' Target="d.xml"/></Relationships>"#)
                != nil)
        #expect(
            notes(#"<Relationships><Relationship Id="a" Type='http://x/comments' Target="c.xml"/></Relationships>"#)
                == nil)
        #expect(
            notes(#"<Relationships><Relationship Target="v.vml" Type="http://x/vmlDrawing"/></Relationships>"#) == nil)
    }

    @Test func theWorkbookAsksForRecalculationAndLosesItsCalculationChain() throws {
        let package = PackagePatch(location: Self.location)
        let sheet = PackagePatch.NewSheet(
            name: "A&B", sheetID: 4, relationshipID: "rIdTrueup1", target: "worksheets/t.xml",
            partName: "xl/worksheets/t.xml")
        let workbook = String(
            decoding: try package.workbook(
                Array(
                    #"<workbook><sheets><sheet name="S" sheetId="3" r:id="rId1"/></sheets><calcPr calcId="1" fullCalcOnLoad="0"/></workbook>"#
                        .utf8),
                adding: [sheet]), as: UTF8.self)
        #expect(workbook.contains(#"name="A&amp;B" sheetId="4" r:id="rIdTrueup1"/></sheets>"#))
        #expect(workbook.contains(#"<calcPr fullCalcOnLoad="1" calcId="1"/>"#))
        let relationships = String(
            decoding: try package.relationships(
                Array(
                    #"<Relationships><Relationship Id="rId9" Type="http://x/calcChain" Target="calcChain.xml"/><Relationship Id="rId1" Type="http://x/worksheet" Target="s.xml"/></Relationships>"#
                        .utf8),
                adding: [sheet]), as: UTF8.self)
        #expect(!relationships.contains("calcChain"))
        #expect(relationships.contains(#"Target="worksheets/t.xml"/></Relationships>"#))
        let types = String(
            decoding: try package.contentTypes(
                Array(#"<Types><Override PartName="/xl/calcChain.xml" ContentType="c"/></Types>"#.utf8),
                dropping: "xl/calcChain.xml",
                adding: [(sheet.partName, PackagePatch.worksheetContentType)]), as: UTF8.self)
        #expect(!types.contains("calcChain"))
        #expect(types.contains(#"PartName="/xl/worksheets/t.xml""#))
    }
}
