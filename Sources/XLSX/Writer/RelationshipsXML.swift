/// The `.rels` parts: the package's, the workbook's and a sheet's (for its notes).
enum RelationshipsXML {
    private static func part(_ items: [(id: String, type: String, target: String)]) -> String {
        var out = PartXML.header + #"<Relationships xmlns="\#(PartXML.packageRelationships)">"#
        for item in items { out += #"<Relationship Id="\#(item.id)" Type="\#(item.type)" Target="\#(item.target)"/>"# }
        return out + "</Relationships>"
    }

    /// `_rels/.rels`.
    static var root: String {
        part([
            ("rId1", "\(PartXML.relationshipBase)/officeDocument", "xl/workbook.xml"),
            ("rId2", "\(PartXML.packageRelationships)/metadata/core-properties", "docProps/core.xml"),
            ("rId3", "\(PartXML.relationshipBase)/extended-properties", "docProps/app.xml"),
        ])
    }

    /// `xl/_rels/workbook.xml.rels`: sheets first (`rId1`…), then styles and shared strings.
    static func workbook(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).prefix(sheetCount).map {
            ("rId\($0)", "\(PartXML.relationshipBase)/worksheet", "worksheets/sheet\($0).xml")
        }
        return part(
            sheets + [
                ("rId\(sheetCount + 1)", "\(PartXML.relationshipBase)/styles", "styles.xml"),
                ("rId\(sheetCount + 2)", "\(PartXML.relationshipBase)/sharedStrings", "sharedStrings.xml"),
            ])
    }

    /// `xl/worksheets/_rels/sheetN.xml.rels`: the VML drawing (`rId1`, named by `<legacyDrawing>`) and the comments.
    static func sheetNotes(_ number: Int) -> String {
        part([
            ("rId1", "\(PartXML.relationshipBase)/vmlDrawing", "../drawings/vmlDrawing\(number).vml"),
            ("rId2", "\(PartXML.relationshipBase)/comments", "../comments\(number).xml"),
        ])
    }
}
