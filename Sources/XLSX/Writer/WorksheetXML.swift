import Foundation
import Spreadsheet

/// A worksheet part's fixed pieces: everything before `<sheetData>` (views, frozen panes,
/// columns) and after it; `WorkbookWriter` streams the rows between them.
enum WorksheetXML {
    static func head(layout: SheetLayout, selected: Bool) -> String {
        var head = PartXML.header
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        head += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if layout.printLandscapeFitToWidth { head += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        head += #"<sheetViews><sheetView workbookViewId="0""# + (selected ? #" tabSelected="1""# : "") + ">"
        if layout.frozenRows > 0 {
            head +=
                #"<pane ySplit="\#(layout.frozenRows)" topLeftCell="A\#(layout.frozenRows + 1)" activePane="bottomLeft" state="frozen"/>"#
            head += #"<selection pane="bottomLeft"/>"#
        }
        head += "</sheetView></sheetViews>"
        head += #"<sheetFormatPr defaultRowHeight="15"/>"#
        let columns = Set(layout.columnWidths.keys).union(layout.hiddenColumns).sorted()
        if !columns.isEmpty {
            head += "<cols>"
            for column in columns {
                let width = layout.columnWidths[column] ?? 9.140625
                head += #"<col min="\#(column)" max="\#(column)" width="\#(width)" customWidth="1""#
                head += layout.hiddenColumns.contains(column) ? #" hidden="1"/>"# : "/>"
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        return head
    }

    /// `<conditionalFormatting>` elements (they follow the autofilter), priorities from 1.
    static func conditionalFormats(_ formats: [ConditionalFormat], rows: ClosedRange<Int>) -> String {
        var out = ""
        for (index, format) in formats.enumerated() {
            let first = CellAddress.columnName(format.columns.lowerBound)
            let last = CellAddress.columnName(format.columns.upperBound)
            out += #"<conditionalFormatting sqref="\#(first)\#(rows.lowerBound):\#(last)\#(rows.upperBound)">"#
            switch format.rule {
            case .dataBar(let color, let minimum):
                out += #"<cfRule type="dataBar" priority="\#(index + 1)"><dataBar>"#
                out += #"<cfvo type="num" val="\#(minimum.plainString)"/><cfvo type="max"/>"#
                out += #"<color rgb="FF\#(color)"/></dataBar></cfRule>"#
            case .colorScale(let stops, let colors):
                out += #"<cfRule type="colorScale" priority="\#(index + 1)"><colorScale>"#
                for stop in stops { out += #"<cfvo type="num" val="\#(stop.plainString)"/>"# }
                for color in colors { out += #"<color rgb="FF\#(color)"/>"# }
                out += "</colorScale></cfRule>"
            }
            out += "</conditionalFormatting>"
        }
        return out
    }

    static func tail(hasNotes: Bool, layout: SheetLayout) -> String {
        var tail = #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        if layout.printLandscapeFitToWidth {
            tail += #"<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        }
        if hasNotes { tail += #"<legacyDrawing r:id="rId1"/>"# }
        return tail + "</worksheet>"
    }
}
