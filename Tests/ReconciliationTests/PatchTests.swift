import Foundation
import Spreadsheet
import Testing
import XLSX

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

    /// A style past the styles part's formats reads as the default: a rewritten cell takes the
    /// default's highlight (or the default), and one copied keeps its bytes but for the style,
    /// made `0`s as long as it was, so it names neither a highlighted copy nor no format at all.
    @Test func aStylePastTheFormatsIsWrittenAsTheDefault() throws {
        let xml =
            #"<worksheet><sheetData><row r="1"><c r="A1" s="9999"><v>1</v></c><c r="B1" s="3" t="s"><v>0</v></c></row>"#
            + #"<row r="2"><c r="A2" s = '77' t="n"><v>2</v></c><c r="B2" s="9999"><f>A2*2</f><v>4</v></c>"#
            + #"<c r="C2" s="9999"><v>5</v></c></row></sheetData></worksheet>"#
        var plain = edit("C2", 6)
        plain.highlighted = false
        let patched = try WorksheetPatch.apply(
            location: Self.location, edits: [edit("B2", 5), plain], formats: 5, highlight: { $0 + 100 },
            to: Array(xml.utf8))
        #expect(
            String(decoding: patched.bytes, as: UTF8.self)
                == #"<worksheet><sheetData><row r="1"><c r="A1" s="0000"><v>1</v></c><c r="B1" s="3" t="s"><v>0</v></c></row>"#
                + #"<row r="2"><c r="A2" s = '00' t="n"><v>2</v></c><c r="B2" s="100"><v>5</v></c>"#
                + #"<c r="C2"><v>6</v></c></row></sheetData></worksheet>"#)
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

    /// Cells out of column order (read sorted): an edited one is replaced where it stands, never
    /// written a second time, and a missing one goes before the first cell of a later column.
    @Test func cellsOutOfColumnOrderAreReplacedWhereTheyStand() throws {
        let xml =
            #"<worksheet><sheetData><row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(
            try patch(xml, [edit("A3", 5), edit("B3", 2), edit("C3", 4)])
                == #"<worksheet><sheetData><row r="3"><c r="B3" s="100"><v>2</v></c><c r="C3" s="100"><v>4</v></c><c r="A3" s="100"><v>5</v></c></row></sheetData></worksheet>"#
        )
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
        streamed += try streaming.finish().bytes
        #expect(String(decoding: streamed, as: UTF8.self) == whole)
        #expect(
            whole.hasSuffix(#"</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#))
        #expect(streaming.formulas == [CellAddress("E3")!: "B3*2"])
    }

    @Test func aNewDrawingGoesInItsSchemaPlaceWhateverCommentsAndQuotesSay() throws {
        // A comment and an attribute value that look like the elements trueup looks for: libxml2
        // reads them as what they are, so the drawing goes before <tableParts>.
        let xml =
            #"<worksheet xmlns="m"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><!-- <legacyDrawing r:id="x"/> --><hyperlinks><hyperlink ref="A1" display="&lt;extLst&gt;"/></hyperlinks><tableParts count="0"/></worksheet>"#
        var out: [UInt8] = []
        let patch = WorksheetPatch(location: Self.location, edits: [edit("A1", 2)], highlight: { $0 }) { out += $0 }
        try Array(xml.utf8).withUnsafeBytes { try patch.feed($0) }
        let tail = try patch.finish()
        #expect(tail.elements.map(\.name) == ["hyperlinks", "tableParts"])
        let notes = try #require(try notes(nil))
        out += try notes.tail(tail, drawingID: "rId9")
        let text = String(decoding: out, as: UTF8.self)
        #expect(
            text.hasSuffix(
                #"</hyperlinks><legacyDrawing xmlns:r="\#(NotesPatch.relationshipsNamespace)" r:id="rId9"/><tableParts count="0"/></worksheet>"#
            ))
        #expect(text.hasPrefix(#"<worksheet xmlns="m"><sheetData><row r="1"><c r="A1"><v>2</v></c></row>"#))
    }

    @Test func aSheetThatIsNotXMLIsRefused() throws {
        let broken = #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>"#
        #expect(throws: SpreadsheetError.self) { try patch(broken, [edit("A1", 2)]) }
    }

    @Test func unsafeSheetsAreRefusedWithTheReason() throws {
        // Cells without `r` follow the one before; a prefixed sheet's new cells declare the namespace.
        let noReferences =
            #"<worksheet><sheetData><row r="1"><c><v>1</v></c><c t="s"><v>0</v></c><c><v>3</v></c></row></sheetData></worksheet>"#
        #expect(
            try patch(noReferences, [edit("C1", 2)]).contains(
                #"<row r="1"><c><v>1</v></c><c t="s"><v>0</v></c><c r="C1" s="100"><v>2</v></c></row>"#))
        for master in [#"<f t="array" ref="A1:A9">B1:B9</f>"#, #"<f t="shared" ref="A1:B9" si="0">C1</f>"#] {
            let xml =
                #"<worksheet><sheetData><row r="1"><c r="A1">"# + master
                + #"<v>1</v></c></row></sheetData></worksheet>"#
            do {
                _ = try patch(xml, [edit("A1", 2)])
                Issue.record("an array formula's or a block's master was replaced")
            } catch let error as SpreadsheetError {
                #expect(error.description.contains("array formula, or a shared formula over a block"))
            }
        }
        let prefixed =
            #"<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"/><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        #expect(
            try patch(prefixed, [edit("A1", 2), edit("B2", 3)])
                == #"<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><c xmlns="m" r="A1" s="100"><v>2</v></c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><c xmlns="m" r="B2" s="100"><v>3</v></c></x:row></x:sheetData></x:worksheet>"#
        )
        let noRow = #"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#
        #expect(throws: SpreadsheetError.self) { try patch(noRow, [edit("A5", 2)]) }
    }

    /// An array formula of one cell (`{=SUM(IF(…))}`) is no other cell's: it is replaced as any
    /// formula is, its repair an array formula still, a typed value a value.
    @Test func aOneCellArrayFormulaIsReplacedItsRepairStillAnArray() throws {
        let xml =
            #"<worksheet><sheetData><row r="2"><c r="C2"><f t="array" ref="C2">SUM(IF(D2:D4=1,E2:E3))</f>"#
            + #"<v>1</v></c></row></sheetData></worksheet>"#
        var repaired = edit("C2", 3)
        repaired.formula = "SUM(IF(D2:D4=1,E2:E4))"
        #expect(
            try patch(xml, [repaired]).contains(
                #"<c r="C2" s="100"><f t="array" ref="C2">SUM(IF(D2:D4=1,E2:E4))</f><v>3</v></c>"#))
        #expect(try patch(xml, [edit("C2", 3)]).contains(#"<c r="C2" s="100"><v>3</v></c>"#))
    }

    /// Excel stores a filled-down column as one shared formula: its master replaced, the next
    /// cell of the group that keeps a formula becomes the master, its text moved to it.
    @Test func aReplacedSharedMasterHandsItsFormulaToTheNextCellOfItsGroup() throws {
        let xml =
            #"<worksheet><sheetData><row r="4"><c r="F4" s="3"><f t="shared" ref="F4:F7" si="0">ROUND(D4*E4,2)+$B$1</f><v>9</v></c></row><row r="5"><c r="F5"><f t="shared" si="0"/><v>1</v></c></row><row r="6"><c r="A6"><v>1</v></c><c r="F6"><f t="shared" si="0"/><v>2</v></c></row><row r="7"><c r="F7"><f t="shared" si="0"/><v>3</v></c></row><row r="8"><c r="F8"><f>SUM(F4:F7)</f><v>15</v></c></row></sheetData></worksheet>"#
        let out = try patch(xml, [edit("F4", 8)])
        #expect(out.contains(#"<row r="4"><c r="F4" s="103"><v>8</v></c></row>"#))
        #expect(out.contains(#"<c r="F5"><f t="shared" ref="F5:F7" si="0">ROUND(D5*E5,2)+$B$1</f><v>1</v></c>"#))
        #expect(out.contains(#"<row r="6"><c r="A6"><v>1</v></c><c r="F6"><f t="shared" si="0"/><v>2</v></c></row>"#))
        #expect(out.hasSuffix(#"<row r="8"><c r="F8"><f>SUM(F4:F7)</f><v>15</v></c></row></sheetData></worksheet>"#))

        let nextReplaced = try patch(xml, [edit("F4", 8), edit("F5", 7)])
        #expect(nextReplaced.contains(#"<c r="F5" s="100"><v>7</v></c>"#))
        #expect(
            nextReplaced.contains(#"<c r="F6"><f t="shared" ref="F6:F7" si="0">ROUND(D6*E6,2)+$B$1</f><v>2</v></c>"#))
        let nextKept = try patch(xml, [edit("F4", 8), edit("F5", 7, keepsFormula: true)])
        #expect(
            nextKept.contains(
                #"<c r="F5" s="100"><f t="shared" ref="F5:F7" si="0">ROUND(D5*E5,2)+$B$1</f><v>7</v></c>"#)
        )
        // One row of a shared formula across columns: the next column takes it.
        let across =
            #"<worksheet><sheetData><row r="2"><c r="B2"><f t="shared" ref="B2:D2" si="3">B1*2</f><v>2</v></c><c r="C2"><f t="shared" si="3"/><v>4</v></c><c r="D2"><f t="shared" si="3"/><v>6</v></c></row></sheetData></worksheet>"#
        #expect(
            try patch(across, [edit("B2", 5)]).contains(
                #"<c r="B2" s="100"><v>5</v></c><c r="C2"><f t="shared" ref="C2:D2" si="3">C1*2</f><v>4</v></c>"#))
        // Streamed in small chunks, the same bytes.
        var streamed: [UInt8] = []
        let streaming = WorksheetPatch(location: Self.location, edits: [edit("F4", 8)], highlight: { $0 + 100 }) {
            streamed += $0
        }
        let bytes = Array(xml.utf8)
        for start in stride(from: 0, to: bytes.count, by: 7) {
            try bytes[start..<min(start + 7, bytes.count)].withUnsafeBytes { try streaming.feed($0) }
        }
        streamed += try streaming.finish().bytes
        #expect(String(decoding: streamed, as: UTF8.self) == out)
    }

    /// The styles gain one fill, the added sheets' money format, and a highlighted copy of each
    /// format a corrected cell asks for, once; a part patched so before gains nothing it has, so
    /// correcting a corrected copy again and again does not double its formats.
    @Test func stylesGainOneFillAndAHighlightedCopyOfEachFormatAsked() throws {
        let xml =
            #"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><cellXfs count="3"><xf numFmtId="0" fillId="0"/><xf numFmtId="164" fontId="1" applyFill="0"><alignment horizontal="left"/></xf><xf numFmtId="2"/></cellXfs></styleSheet>"#
        let patch = try StylesPatch(Array(xml.utf8), location: Self.location)
        #expect(patch.moneyStyle == 3)
        #expect(
            [patch.highlight(1), patch.highlight(0), patch.highlight(1), patch.highlight(7)] == [4, 5, 4, 7] as [Int])
        let out = String(decoding: patch.patched(), as: UTF8.self)
        #expect(out.contains(#"<fills count="3">"#))
        #expect(out.contains(#"<cellXfs count="6">"#))
        #expect(out.contains(#"<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
        #expect(out.contains(#"<xf fillId="2" applyFill="1" numFmtId="0"/>"#))
        #expect(
            out.contains(#"<xf fillId="2" applyFill="1" numFmtId="164" fontId="1"><alignment horizontal="left"/></xf>"#)
        )
        #expect(!out.contains(#"<xf fillId="2" applyFill="1" numFmtId="2"/>"#))
        // Patched again: the fill, the money format and the highlighted copies are its own.
        let again = try StylesPatch(patch.patched(), location: Self.location)
        #expect(again.moneyStyle == 3)
        #expect([again.highlight(4), again.highlight(5), again.highlight(1)] == [4, 5, 6] as [Int])
        let twice = String(decoding: again.patched(), as: UTF8.self)
        #expect(twice.contains(#"<fills count="3">"#))
        #expect(twice.contains(#"<cellXfs count="7">"#))
        // Nothing asked: the part is kept byte for byte.
        let untouched = try StylesPatch(patch.patched(), location: Self.location)
        #expect(untouched.patched() == patch.patched())
    }

    /// A cell format naming a number format the part does not define (a custom id, 164 and up,
    /// with no `<numFmt>` of that id) is written as General (`0`), in the part's own formats and
    /// in a highlighted copy: readers that look the id up (openpyxl) fail on the file otherwise.
    /// Built-in ids (below 164) and defined custom ones are kept.
    @Test func aNumberFormatThePartDoesNotDefineIsWrittenAsGeneral() throws {
        let xml =
            #"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="200" fontId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="4"><xf numFmtId="0" fillId="0"/><xf numFmtId="164" fontId="0"/><xf numFmtId="165" fontId="1" applyNumberFormat="1"><alignment horizontal="left"/></xf><xf numFmtId="14"/></cellXfs></styleSheet>"#
        let patch = try StylesPatch(Array(xml.utf8), location: Self.location)
        #expect(patch.highlight(2) == 5)
        let out = String(decoding: patch.patched(), as: UTF8.self)
        #expect(out.contains(#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>"#), "\(out)")
        #expect(out.contains(#"<xf numFmtId="164" fontId="0"/><xf numFmtId="0" fontId="1" applyNumberFormat="1">"#))
        #expect(out.contains(#"<xf numFmtId="14"/>"#))
        #expect(
            out.contains(
                #"<xf fillId="2" applyFill="1" numFmtId="0" fontId="1" applyNumberFormat="1"><alignment horizontal="left"/></xf>"#
            ), "\(out)")
        #expect(!out.contains("165") && !out.contains("200"))
        // Patched again, nothing is left to write as General.
        let again = try StylesPatch(patch.patched(), location: Self.location)
        #expect(again.patched() == patch.patched())
    }

    static let ownComments =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Ana</author><author>Ben</author></authors><commentList><comment ref="H5" authorId="0"><text><t>approved</t></text></comment><comment ref="G9" authorId="1"><text><t>check</t></text></comment></commentList></comments>"#
    static let ownDrawing =
        ##"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"/><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>4</x:Row><x:Column>7</x:Column></x:ClientData></v:shape><v:shape id="_x0000_s1026" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>8</x:Row><x:Column>6</x:Column></x:ClientData></v:shape><br></xml>"##

    func notes(_ relationships: String?, parts: [String: String] = [:]) throws -> NotesPatch? {
        let sheet = try PartName("xl/worksheets/sheet1.xml")
        let set =
            try relationships.map {
                try RelationshipSet(parsing: Array($0.utf8), source: sheet, partName: "sheet1.xml.rels")
            } ?? RelationshipSet(source: sheet)
        return try NotesPatch(
            location: Self.location, relationships: set,
            newParts: { (try PartName("xl/comments1.xml"), try PartName("xl/drawings/vmlDrawing1.vml")) },
            partBytes: { parts[$0.name].map { Array($0.utf8) } })
    }

    @Test func aSheetWithoutNotesGetsNewPartsAndOnlyOneOfThePairGetsNone() throws {
        #expect(try notes(nil)?.commentsPart.name == "xl/comments1.xml")
        #expect(try notes(nil)?.mergesIntoExisting == false)
        #expect(
            try notes(#"<Relationships><Relationship Id="a" Type='http://x/drawing' Target="d.xml"/></Relationships>"#)
                != nil)
        // Comments without a drawing, or a drawing (form controls) without comments: left alone.
        #expect(
            try notes(#"<Relationships><Relationship Id="a" Type='http://x/comments' Target="c.xml"/></Relationships>"#)
                == nil)
        #expect(
            try notes(
                #"<Relationships><Relationship Id="v" Target="v.vml" Type="http://x/vmlDrawing"/></Relationships>"#)
                == nil)
    }

    @Test func aSheetWithNotesOfItsOwnGetsTrueupsBesideThem() throws {
        let relationships =
            #"<Relationships><Relationship Id="r1" Type="http://x/comments" Target="../comments1.xml"/><Relationship Id="r2" Type="http://x/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>"#
        let patch = try #require(
            try notes(
                relationships,
                parts: ["xl/comments1.xml": Self.ownComments, "xl/drawings/vmlDrawing1.vml": Self.ownDrawing]))
        #expect(patch.mergesIntoExisting)
        #expect(
            patch.commentsPart.name == "xl/comments1.xml" && patch.drawingPart.name == "xl/drawings/vmlDrawing1.vml")
        #expect(patch.commentedCells == [CellAddress("H5")!, CellAddress("G9")!])

        let added = [(address: CellAddress("G12")!, text: "trueup: was 5 & more")]
        let comments = String(
            decoding: try NotesMerge.comments(Array(Self.ownComments.utf8), adding: added, location: Self.location),
            as: UTF8.self)
        #expect(comments.contains("<author>Ana</author><author>Ben</author><author>trueup</author></authors>"))
        #expect(
            comments.contains(
                #"<comment ref="G9" authorId="1"><text><t>check</t></text></comment><comment ref="G12" authorId="2"><text><r><t xml:space="preserve">trueup: was 5 &amp; more</t></r></text></comment></commentList>"#
            ))
        let drawing = String(
            decoding: try NotesMerge.vml(Array(Self.ownDrawing.utf8), adding: added, location: Self.location),
            as: UTF8.self)
        #expect(drawing.hasPrefix(String(Self.ownDrawing.dropLast("<br></xml>".count))))
        #expect(drawing.contains(##"<v:shape id="_x0000_s1027" type="#_x0000_t202""##))
        #expect(drawing.contains("<x:Row>11</x:Row><x:Column>6</x:Column>"))
        #expect(drawing.hasSuffix("</v:shape></xml>"))
        #expect(drawing.components(separatedBy: "_x0000_t202\" coordsize").count == 2)  // the type is not added twice
    }

    @Test func partsWithOtherPrefixesAreMergedIntoInTheirOwn() throws {
        let relationships =
            #"<Relationships><Relationship Id="r1" Type="http://x/comments" Target="/xl/c.xml"/><Relationship Id="r2" Type="http://x/vmlDrawing" Target="/xl/d.vml"/></Relationships>"#
        let prefixed = Self.ownComments.replacingOccurrences(of: "<", with: "<x:").replacingOccurrences(
            of: "<x:/", with: "</x:"
        ).replacingOccurrences(of: "<x:?xml", with: "<?xml").replacingOccurrences(of: "xmlns=", with: "xmlns:x=")
        #expect(try notes(relationships, parts: ["xl/c.xml": prefixed, "xl/d.vml": Self.ownDrawing]) != nil)
        let added = [(address: CellAddress("G12")!, text: "trueup")]
        let comments = String(
            decoding: try NotesMerge.comments(Array(prefixed.utf8), adding: added, location: Self.location),
            as: UTF8.self)
        #expect(
            comments.contains(
                #"<x:author>Ben</x:author><author xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">trueup</author></x:authors>"#
            ))
        #expect(
            comments.contains(
                #"<comment xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ref="G12" authorId="2">"#))

        // openpyxl's prefixes: ns0 for office, ns1 for VML, ns2 for Excel.
        let openpyxl = Self.ownDrawing.replacingOccurrences(of: "xmlns:v=", with: "xmlns:ns1=")
            .replacingOccurrences(of: "xmlns:o=", with: "xmlns:ns0=").replacingOccurrences(
                of: "xmlns:x=", with: "xmlns:ns2="
            )
            .replacingOccurrences(of: "<v:", with: "<ns1:").replacingOccurrences(of: "<o:", with: "<ns0:")
            .replacingOccurrences(of: "<x:", with: "<ns2:").replacingOccurrences(of: "</v:", with: "</ns1:")
            .replacingOccurrences(of: "</o:", with: "</ns0:").replacingOccurrences(of: "</x:", with: "</ns2:")
            .replacingOccurrences(of: " v:ext", with: " ns1:ext").replacingOccurrences(of: " o:spt", with: " ns0:spt")
        #expect(try notes(relationships, parts: ["xl/c.xml": Self.ownComments, "xl/d.vml": openpyxl]) != nil)
        let drawing = String(
            decoding: try NotesMerge.vml(Array(openpyxl.utf8), adding: added, location: Self.location), as: UTF8.self)
        #expect(drawing.contains(##"<ns1:shape id="_x0000_s1027" type="#_x0000_t202""##))
        #expect(drawing.contains(#"ns0:insetmode="auto""#) && drawing.contains("<ns2:Row>11</ns2:Row>"))
        #expect(!drawing.contains("<v:") && !drawing.contains("<x:"))

        // VML the default namespace, the others under names of their own: `v` is declared for the
        // added shapes (attributes cannot take a default namespace), the others reused.
        let defaulted = Self.ownDrawing.replacingOccurrences(of: "xmlns:v=", with: "xmlns=")
            .replacingOccurrences(of: "<v:", with: "<").replacingOccurrences(of: "</v:", with: "</")
            .replacingOccurrences(of: " v:ext", with: " ext")
        let declared = String(
            decoding: try NotesMerge.vml(Array(defaulted.utf8), adding: added, location: Self.location), as: UTF8.self)
        #expect(
            declared.hasPrefix(
                ##"<xml xmlns="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:v="urn:schemas-microsoft-com:vml">"##
            ))
        #expect(declared.contains(##"<v:shape id="_x0000_s1027""##))

        // A drawing missing: nothing to merge into.
        #expect(try notes(relationships, parts: ["xl/c.xml": Self.ownComments]) == nil)
    }

    @Test func emptyListsAreOpenedForTheNotes() throws {
        let empty =
            #"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/><commentList/></comments>"#
        let comments = String(
            decoding: try NotesMerge.comments(
                Array(empty.utf8), adding: [(CellAddress("B2")!, "trueup")], location: Self.location), as: UTF8.self)
        #expect(
            comments.contains(
                #"<authors><author>trueup</author></authors><commentList><comment ref="B2" authorId="0">"#))
    }

    @Test func aPartTwoSheetsShareIsNotMergedInto() throws {
        let relationships =
            #"<Relationships><Relationship Id="r1" Type="http://x/comments" Target="/xl/c.xml"/><Relationship Id="r2" Type="http://x/vmlDrawing" Target="/xl/d.vml"/></Relationships>"#
        let sheet = try PartName("xl/worksheets/sheet1.xml")
        let set = try RelationshipSet(parsing: Array(relationships.utf8), source: sheet, partName: "sheet1.xml.rels")
        let patch = try NotesPatch(
            location: Self.location, relationships: set,
            newParts: { (try PartName("xl/comments1.xml"), try PartName("xl/drawings/vmlDrawing1.vml")) },
            partBytes: { ["xl/c.xml": Self.ownComments, "xl/d.vml": Self.ownDrawing][$0.name].map { Array($0.utf8) } },
            shared: ["xl/d.vml"])
        #expect(patch == nil)
    }

    @Test func aDrawingFullOfShapesTakesAnotherIdBlock() throws {
        let crowded = Self.ownDrawing.replacingOccurrences(of: "_x0000_s1026", with: "_x0000_s2047")
        let drawing = String(
            decoding: try NotesMerge.vml(
                Array(crowded.utf8), adding: [(CellAddress("A1")!, "one"), (CellAddress("A2")!, "two")],
                location: Self.location), as: UTF8.self)
        #expect(drawing.contains(#"data="1,2""#))
        #expect(drawing.contains("_x0000_s2048") && drawing.contains("_x0000_s2049"))
    }
}
