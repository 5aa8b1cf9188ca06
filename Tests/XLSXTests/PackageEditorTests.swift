import Foundation
import Spreadsheet
import TestSupport
import Testing
import XLSX
import ZIP

/// The package editor: ids and part names allocated against what the package holds, parts
/// added, replaced and removed with their relationships and content types, every other part
/// byte for byte, the workbook part spliced where libxml2 finds its elements, and entries whose
/// names would escape the package refused.
@Suite struct PackageEditorTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    static let contentTypes =
        header
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>"#
    static let workbook =
        header
        + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><!-- </sheets> <calcPr/> --><sheets><sheet name="Deals" sheetId="3" r:id="rId1"/><sheet name="Findings" sheetId="7" r:id="rId3"/></sheets><calcPr calcId="191029" fullCalcOnLoad="0"/><extLst><ext uri="x"/></extLst></workbook>"#
    static let workbookRelationships =
        header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="\#(relationships)/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rIdTrueup9" Type="\#(relationships)/calcChain" Target="calcChain.xml"/><Relationship Id="rId7" Type="\#(relationships)/hyperlink" Target="https://example.com/a&amp;b" TargetMode="External"/></Relationships>"#
    static let sheet =
        #"<worksheet xmlns="\#(main)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#

    static func basicParts() -> [(String, String)] {
        [
            ("[Content_Types].xml", contentTypes),
            (
                "_rels/.rels",
                header
                    + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/worksheets/sheet1.xml", sheet), ("xl/worksheets/sheet2.xml", sheet),
            ("xl/calcChain.xml", #"<calcChain xmlns="\#(main)"><c r="A1" i="1"/></calcChain>"#),
            ("docProps/app.xml", "<Properties/>"),
        ]
    }

    /// `basicParts()` with `table` as the workbook's shared-strings part.
    static func basicParts(sharedStrings table: String) -> [(String, String)] {
        let relationship =
            #"<Relationship Id="rId9" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
        return basicParts().map { name, text in
            name == "xl/_rels/workbook.xml.rels"
                ? (name, text.replacingOccurrences(of: "</Relationships>", with: relationship + "</Relationships>"))
                : (name, text)
        } + [("xl/sharedStrings.xml", table)]
    }

    /// A package of `parts`, written with the ZIP writer to a temporary file.
    static func package(_ parts: [(String, String)]) throws -> String {
        let path = Scratch.folder.appendingPathComponent("trueup-editor-\(UUID()).xlsx").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let writer = ZipWriter(handle: handle)
        for (name, text) in parts { try writer.addPart(name, Array(text.utf8)) }
        try writer.finish()
        try handle.close()
        return path
    }

    static func edit(_ path: String, _ body: (PackageEditor) throws -> Void) throws -> (
        archive: ZipArchive, summary: PackageEditor.Summary
    ) {
        let editor = try PackageEditor(archive: ZipArchive(path: path), location: Location(file: path))
        try body(editor)
        let output = path + ".out.xlsx"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: output))
        let summary = try editor.write(to: handle)
        try handle.close()
        return (try ZipArchive(path: output), summary)
    }

    static func text(_ archive: ZipArchive, _ name: String) throws -> String {
        String(
            decoding: try archive.data(of: try #require(archive.entry(named: name), "\(name) is missing")),
            as: UTF8.self)
    }

    @Test func idsAndPartNamesAreAllocatedAgainstWhatThePackageHolds() throws {
        let path = try Self.package(Self.basicParts())
        var appended: [WorkbookEditor.AppendedSheet] = []
        let (out, _) = try Self.edit(path) { editor in
            var book = try WorkbookEditor(editor: editor, workbookPart: PartName("xl/workbook.xml"))
            appended.append(try book.appendWorksheet(named: "Findings", .bytes(Array(Self.sheet.utf8))))
            appended.append(try book.appendWorksheet(named: "Summary", .bytes(Array(Self.sheet.utf8))))
            try book.commit()
        }
        #expect(appended.map(\.name) == ["Findings (2)", "Summary"])
        #expect(appended.map(\.partName.name) == ["xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"])
        #expect(appended.map(\.relationshipID) == ["rId8", "rId9"])
        #expect(appended.map(\.sheetID) == [8, 9])
        let rels = try Self.text(out, "xl/_rels/workbook.xml.rels")
        #expect(
            rels.contains(
                #"<Relationship Id="rId8" Type="\#(Self.relationships)/worksheet" Target="worksheets/sheet3.xml"/>"#))
        #expect(rels.contains(#"Target="https://example.com/a&amp;b" TargetMode="External""#))
        #expect(rels.contains(#"Id="rIdTrueup9""#))
        let types = try Self.text(out, "[Content_Types].xml")
        #expect(
            types.contains(
                #"<Override PartName="/xl/worksheets/sheet4.xml" ContentType="\#(WorkbookEditor.worksheetContentType)"/>"#
            ))
        let workbook = try Self.text(out, "xl/workbook.xml")
        #expect(workbook.contains(#"name="Summary" sheetId="9" r:id="rId9"/></sheets>"#))
        #expect(workbook.contains("<!-- </sheets> <calcPr/> -->"))
        // The workbook part did not ask for recalculation, so its calcPr is as it was.
        #expect(workbook.contains(#"<calcPr calcId="191029" fullCalcOnLoad="0"/>"#))
    }

    @Test func removingAPartTakesItsRelationshipsAndContentTypeWithIt() throws {
        let path = try Self.package(Self.basicParts())
        let (out, summary) = try Self.edit(path) { editor in
            try editor.remove(PartName("xl/calcChain.xml"))
            var book = try WorkbookEditor(editor: editor, workbookPart: PartName("xl/workbook.xml"))
            book.recalculateOnLoad()
            try book.commit()
        }
        #expect(out.entry(named: "xl/calcChain.xml") == nil)
        #expect(summary.removed == ["xl/calcChain.xml"])
        #expect(!(try Self.text(out, "xl/_rels/workbook.xml.rels")).contains("calcChain"))
        #expect(!(try Self.text(out, "[Content_Types].xml")).contains("calcChain"))
        let workbook = try Self.text(out, "xl/workbook.xml")
        #expect(workbook.contains(#"<calcPr fullCalcOnLoad="1" calcId="191029"/><extLst>"#))
        #expect(workbook.hasPrefix(Self.header + #"<workbook xmlns="\#(Self.main)""#))
    }

    @Test func untouchedPartsAreCopiedByteForByteAndReplacementsCanStream() throws {
        let path = try Self.package(Self.basicParts())
        let (out, summary) = try Self.edit(path) { editor in
            let part = try PartName("xl/worksheets/sheet2.xml")
            try editor.replace(
                part,
                .streamed { sink in
                    try editor.stream(part) { chunk in
                        try sink.write(
                            Array(String(decoding: chunk, as: UTF8.self).replacing("<v>1<", with: "<v>2<").utf8))
                    }
                })
            try editor.replace(try PartName("docProps/app.xml"), writtenLast: true, .computed { Array("<P/>".utf8) })
            try editor.add(
                try PartName("xl/drawings/vmlDrawing1.vml"),
                contentType: "application/vnd.openxmlformats-officedocument.vmlDrawing",
                .bytes(Array("<xml/>".utf8)))
        }
        let input = try ZipArchive(path: path)
        for name in [
            "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml",
            "xl/calcChain.xml",
        ] {
            #expect(
                try out.data(of: try #require(out.entry(named: name)))
                    == input.data(of: try #require(input.entry(named: name))), "\(name)")
        }
        #expect(summary.copied.count == 5)
        #expect(try Self.text(out, "xl/worksheets/sheet2.xml").contains("<v>2</v>"))
        #expect(try Self.text(out, "docProps/app.xml") == "<P/>")
        #expect(out.entries.last?.name == "docProps/app.xml")
        #expect(
            try Self.text(out, "[Content_Types].xml").contains(#"<Override PartName="/xl/drawings/vmlDrawing1.vml""#))
    }

    @Test func aPrefixedWorkbookWithoutCalcPrGetsItsOwnPrefix() throws {
        var parts = Self.basicParts()
        parts[2].1 =
            #"<x:workbook xmlns:x="\#(Self.main)" xmlns:r="\#(Self.relationships)"><x:sheets><x:sheet name="A&amp;B" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#
        let path = try Self.package(parts)
        let (out, _) = try Self.edit(path) { editor in
            var book = try WorkbookEditor(editor: editor, workbookPart: PartName("xl/workbook.xml"))
            #expect(book.sheetNames == ["A&B"])
            try book.appendWorksheet(named: "A&B", .bytes(Array(Self.sheet.utf8)))
            book.recalculateOnLoad()
            try book.commit()
        }
        let workbook = try Self.text(out, "xl/workbook.xml")
        #expect(
            workbook.contains(
                #"<x:sheet xmlns:r="\#(Self.relationships)" name="A&amp;B (2)" sheetId="2" r:id="rId8"/></x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>"#
            ))
    }

    @Test func aByteOrderMarkAndLineBreaksDoNotMoveTheSplices() throws {
        var parts = Self.basicParts()
        parts[2].1 = "\u{FEFF}" + Self.workbook.replacingOccurrences(of: "><", with: ">\r\n  <")
        let path = try Self.package(parts)
        let (out, _) = try Self.edit(path) { editor in
            var book = try WorkbookEditor(editor: editor, workbookPart: PartName("xl/workbook.xml"))
            try book.appendWorksheet(named: "Payroll", .bytes(Array(Self.sheet.utf8)))
            book.recalculateOnLoad()
            try book.commit()
        }
        let workbook = try Self.text(out, "xl/workbook.xml")
        #expect(workbook.hasPrefix("\u{FEFF}"))
        #expect(workbook.contains(#"r:id="rId8"/></sheets>"#))
        #expect(workbook.contains(#"<calcPr fullCalcOnLoad="1" calcId="191029"/>"#))
    }

    @Test func relationshipTargetsAreRelativeToTheirSource() throws {
        let sheet = try PartName("xl/worksheets/sheet1.xml")
        #expect(try PartName("xl/comments1.xml").reference(from: sheet) == "../comments1.xml")
        #expect(try PartName("xl/drawings/vmlDrawing1.vml").reference(from: sheet) == "../drawings/vmlDrawing1.vml")
        #expect(
            try PartName("xl/worksheets/sheet9.xml").reference(from: PartName("xl/workbook.xml"))
                == "worksheets/sheet9.xml")
        #expect(try PartName("xl/workbook.xml").reference(from: nil) == "xl/workbook.xml")
        #expect(sheet.relationshipsPart.name == "xl/worksheets/_rels/sheet1.xml.rels")
        var set = RelationshipSet(source: sheet)
        #expect(set.add(type: "t", to: try PartName("xl/comments1.xml")) == "rId1")
        #expect(set.add(type: "t", to: try PartName("xl/comments2.xml")) == "rId2")
        #expect(set.removeAll(pointingAt: try PartName("XL/Comments1.xml")))
        #expect(set.entries.map(\.id) == ["rId2"])
    }

    @Test(arguments: [
        "../../x", "/abs/x", "C:/x", "xl\\evil.xml", "xl/./a.xml", "xl//a.xml", "xl/%2e%2e/a.xml", "xl/a.\u{1B}[2J.xml",
        "xl/../../etc/passwd",
    ])
    func entriesThatWouldEscapeThePackageAreRefusedByName(_ name: String) throws {
        let path = try Self.package(Self.basicParts() + [(name, "x")])
        let error = try #require(throws: SpreadsheetError.self) {
            _ = try PackageEditor(archive: ZipArchive(path: path), location: Location(file: path))
        }
        #expect(error.reason.hasPrefix("the package has an entry named '"))
        #expect(error.reason.hasSuffix("; trueup will not copy it"))
        #expect(!error.description.contains("\u{1B}") && !error.description.contains("\n"))
        if !name.contains("\u{1B}") { #expect(error.reason.contains("'\(name)'")) }
    }
}
