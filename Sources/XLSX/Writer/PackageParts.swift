import Spreadsheet
import XMLStream

/// The fixed and per-workbook parts of a package: content types, relationships, workbook, docProps.
struct PackageParts {
    let sheets: [(name: String, hasNotes: Bool, filter: String?)]

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    var contentTypes: String {
        var out = Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        if sheets.contains(where: \.hasNotes) {
            out += #"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#
        }
        let sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        out += #"<Override PartName="/xl/workbook.xml" ContentType="\#(sml).sheet.main+xml"/>"#
        for (i, sheet) in sheets.enumerated() {
            out += #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="\#(sml).worksheet+xml"/>"#
            if sheet.hasNotes {
                out += #"<Override PartName="/xl/comments\#(i + 1).xml" ContentType="\#(sml).comments+xml"/>"#
            }
        }
        out += #"<Override PartName="/xl/styles.xml" ContentType="\#(sml).styles+xml"/>"#
        out += #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(sml).sharedStrings+xml"/>"#
        out +=
            #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        out +=
            #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
        return out + "</Types>"
    }

    static var rootRelationships: String {
        var out = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        out += #"<Relationship Id="rId1" Type="\#(relationshipBase)/officeDocument" Target="xl/workbook.xml"/>"#
        out +=
            #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        out += #"<Relationship Id="rId3" Type="\#(relationshipBase)/extended-properties" Target="docProps/app.xml"/>"#
        return out + "</Relationships>"
    }

    var workbook: String {
        var out = Self.header + #"<workbook xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipBase)">"#
        out += #"<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
        for (i, sheet) in sheets.enumerated() {
            out += #"<sheet name="\#(XMLEscaping.escaped(sheet.name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        out += "</sheets>"
        let filters = sheets.enumerated().compactMap { i, sheet in sheet.filter.map { (i, sheet.name, $0) } }
        if !filters.isEmpty {
            out += "<definedNames>"
            for (i, name, range) in filters {
                let absolute = range.split(separator: ":").map { part -> String in
                    let letters = part.prefix { $0.isLetter }
                    return "$" + letters + "$" + part.dropFirst(letters.count)
                }.joined(separator: ":")
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                out += #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(i)" hidden="1">"#
                out += XMLEscaping.escaped("\(quoted)!\(absolute)") + "</definedName>"
            }
            out += "</definedNames>"
        }
        return out + #"<calcPr calcId="191029"/></workbook>"#
    }

    var workbookRelationships: String {
        var out = Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            out +=
                #"<Relationship Id="rId\#(i + 1)" Type="\#(Self.relationshipBase)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let n = sheets.count
        out += #"<Relationship Id="rId\#(n + 1)" Type="\#(Self.relationshipBase)/styles" Target="styles.xml"/>"#
        out +=
            #"<Relationship Id="rId\#(n + 2)" Type="\#(Self.relationshipBase)/sharedStrings" Target="sharedStrings.xml"/>"#
        return out + "</Relationships>"
    }

    static var core: String {
        var out =
            header
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
        out += #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
        out +=
            #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>trueup</dc:creator></cp:coreProperties>"#
        return out
    }

    var app: String {
        var out =
            Self.header
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#
        out +=
            #"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>trueup</Application>"#
        return out + "</Properties>"
    }
}

/// The three parts that make a sheet's notes visible in Excel and LibreOffice: the comments
/// themselves, a legacy VML drawing with one shape per note, and the sheet's relationships.
enum NotesParts {
    static func comments(_ notes: [(address: CellAddress, text: String)]) -> String {
        var out =
            PackageParts.header
            + #"<comments xmlns="\#(PackageParts.mainNamespace)"><authors><author>trueup</author></authors><commentList>"#
        for note in notes {
            out += #"<comment ref="\#(note.address)" authorId="0"><text><r><t xml:space="preserve">"#
            out += XMLEscaping.escaped(note.text) + "</t></r></text></comment>"
        }
        return out + "</commentList></comments>"
    }

    static func vml(_ notes: [(address: CellAddress, text: String)]) -> String {
        var out =
            #"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">"#
        out += #"<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>"#
        out += #"<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">"#
        out += #"<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>"#
        for (i, note) in notes.enumerated() {
            out +=
                ##"<v:shape id="_x0000_s\##(1025 + i)" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:\##(i + 1);visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">"##
            out +=
                ##"<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>"##
            out += #"<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>"#
            out += #"<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>"#
            out +=
                #"<x:Anchor>\#(note.address.column), 15, \#(max(0, note.address.row - 2)), 10, \#(note.address.column + 3), 15, \#(note.address.row + 3), 4</x:Anchor>"#
            out +=
                #"<x:AutoFill>False</x:AutoFill><x:Row>\#(note.address.row - 1)</x:Row><x:Column>\#(note.address.column - 1)</x:Column></x:ClientData></v:shape>"#
        }
        return out + "</xml>"
    }

    static func sheetRelationships(_ number: Int) -> String {
        var out =
            PackageParts.header
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        out +=
            #"<Relationship Id="rId1" Type="\#(PackageParts.relationshipBase)/vmlDrawing" Target="../drawings/vmlDrawing\#(number).vml"/>"#
        out +=
            #"<Relationship Id="rId2" Type="\#(PackageParts.relationshipBase)/comments" Target="../comments\#(number).xml"/>"#
        return out + "</Relationships>"
    }
}
