/// `[Content_Types].xml`: the media type of every part written.
enum ContentTypesXML {
    static func xml(_ sheets: [WrittenSheet]) -> String {
        let sml = PartXML.spreadsheetML
        var out = PartXML.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        if sheets.contains(where: \.hasNotes) {
            out += #"<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>"#
        }
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
}
