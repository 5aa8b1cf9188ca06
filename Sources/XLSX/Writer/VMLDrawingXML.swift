import Spreadsheet
import XMLStream

/// `xl/drawings/vmlDrawingN.vml`: one hidden note shape per comment. Excel shows a sheet's
/// comments only when this legacy drawing exists and the sheet names it with `<legacyDrawing>`.
///
/// Shape ids come from blocks of 1,024 (`idmap`); a drawing added to a workbook that has others
/// starts at its own `firstBlock` so that ids never collide.
enum VMLDrawingXML {
    static func xml(_ notes: [(address: CellAddress, text: String)], firstBlock: Int = 1) -> String {
        let blocks = (firstBlock..<(firstBlock + max(1, (notes.count + 1023) / 1024))).map(String.init)
        var out =
            #"<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">"#
        out +=
            #"<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\#(blocks.joined(separator: ","))"/></o:shapelayout>"#
        out += noteShapeType
        return out + shapes(notes, firstShapeID: firstBlock * 1024 + 1) + "</xml>"
    }

    static var noteShapeType: String { noteShapeType(VMLPrefixes()) }

    static func noteShapeType(_ p: VMLPrefixes) -> String {
        let (v, o) = (p.vml, p.office)
        return
            #"<\#(v):shapetype id="_x0000_t202" coordsize="21600,21600" \#(o):spt="202" path="m,l,21600r21600,l21600,xe">"#
            + #"<\#(v):stroke joinstyle="miter"/><\#(v):path gradientshapeok="t" \#(o):connecttype="rect"/></\#(v):shapetype>"#
    }

    static func shapes(
        _ notes: [(address: CellAddress, text: String)], firstShapeID: Int, prefixes p: VMLPrefixes = VMLPrefixes()
    ) -> String {
        let (v, o, x) = (p.vml, p.office, p.excel)
        var out = ""
        for (i, note) in notes.enumerated() {
            out +=
                ##"<\##(v):shape id="_x0000_s\##(firstShapeID + i)" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:\##(i + 1);visibility:hidden" fillcolor="#ffffe1" \##(o):insetmode="auto">"##
            out +=
                ##"<\##(v):fill color2="#ffffe1"/><\##(v):shadow on="t" color="black" obscured="t"/><\##(v):path \##(o):connecttype="none"/>"##
            out += #"<\#(v):textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></\#(v):textbox>"#
            out += #"<\#(x):ClientData ObjectType="Note"><\#(x):MoveWithCells/><\#(x):SizeWithCells/>"#
            out +=
                #"<\#(x):Anchor>\#(note.address.column), 15, \#(max(0, note.address.row - 2)), 10, \#(note.address.column + 3), 15, \#(note.address.row + 3), 4</\#(x):Anchor>"#
            out +=
                #"<\#(x):AutoFill>False</\#(x):AutoFill><\#(x):Row>\#(note.address.row - 1)</\#(x):Row><\#(x):Column>\#(note.address.column - 1)</\#(x):Column></\#(x):ClientData></\#(v):shape>"#
        }
        return out
    }
}

/// The prefixes a VML drawing binds to VML's three namespaces, for shapes added to a drawing
/// whose writer chose others (openpyxl's `ns0`, `ns1`, `ns2`).
public struct VMLPrefixes: Sendable, Hashable {
    public static let vmlNamespace = "urn:schemas-microsoft-com:vml"
    public static let officeNamespace = "urn:schemas-microsoft-com:office:office"
    public static let excelNamespace = "urn:schemas-microsoft-com:office:excel"

    public var vml: String
    public var office: String
    public var excel: String

    public init(vml: String = "v", office: String = "o", excel: String = "x") {
        self.vml = vml
        self.office = office
        self.excel = excel
    }
}
