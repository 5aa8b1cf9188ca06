import Foundation
import Spreadsheet
import XMLStream

/// A worksheet's `<cols>`: which of its columns the sheet hides.
///
/// A `<col min="7" max="8" hidden="1"/>` hides columns G and H (ECMA-376 Part 1, 18.3.1.13). A
/// column of width 0 is hidden too, flag or not: Excel shows it as hidden, and hiding a column by
/// dragging it shut writes it so. (LibreOffice hides only a column flagged hidden; a width of 0
/// alone it opens at its default width. trueup reads what the sheet's author saw in Excel.)
enum ColumnWidths {
    /// The columns a `<col>` element's `attributes` hide; nil when it hides none, or its `min` and
    /// `max` are no columns (past XFD is cut to XFD).
    static func hidden(_ attributes: XMLAttributes) -> ClosedRange<Int>? {
        guard let first = attributes.bytes("min").flatMap(parseInt), first >= 1, first <= CellAddress.maxColumn,
            let last = attributes.bytes("max").flatMap(parseInt), last >= first
        else { return nil }
        let flagged = attributes.bytes("hidden").map { $0.first == UInt8(ascii: "1") || $0.first == UInt8(ascii: "t") }
        let shut = attributes.string("width").flatMap(Double.init).map { $0 == 0 }
        guard flagged == true || shut == true else { return nil }
        return first...min(last, CellAddress.maxColumn)
    }
}

extension XLSXWorkbook {
    /// The columns `sheet` hides (`ColumnWidths`), in the order its `<cols>` lists them; none for a
    /// chartsheet. The part is read only up to its first row: `<cols>` stands before the rows.
    public func hiddenColumns(of sheet: SheetInfo) throws -> [ClosedRange<Int>] {
        guard sheet.kind != .chartsheet, let partName = sheet.partName, let entry = archive.entry(named: partName)
        else { return [] }
        struct FirstRow: Error {}
        let parser = WorksheetParser(file: path, sheet: sheet.name) { _ in throw FirstRow() }
        let xml = XMLPushParser(handler: parser, documentName: partName)
        do {
            try PackageReader.translatingErrors(location: Location(file: path, sheet: sheet.name), part: partName) {
                try archive.read(entry) { chunk in try xml.feed(chunk) }
                try xml.finish()
            }
        } catch is FirstRow {}
        return parser.hiddenColumns
    }
}
