import Spreadsheet
import XMLStream

/// `xl/workbook.xml`: the sheets in order, the date system, and each filter's defined name.
enum WorkbookXML {
    static func xml(_ sheets: [WrittenSheet], dateSystem: DateSystem) -> String {
        var out =
            PartXML.header + #"<workbook xmlns="\#(PartXML.mainNamespace)" xmlns:r="\#(PartXML.relationshipBase)">"#
        out +=
            (dateSystem == .excel1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>")
            + #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
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
}
