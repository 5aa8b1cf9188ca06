import Foundation
import Spreadsheet
import XMLStream
import ZIP

/// Writes an `.xlsx` workbook sheet by sheet, row by row, in constant memory.
///
/// Each sheet's XML is generated as rows arrive and deflated straight into the package; only
/// the shared-strings table, the styles and each sheet's notes are kept until `finish()`. Output
/// is deterministic: the same calls give the same bytes. Text is always written as text (shared
/// strings), never as a formula, whatever it starts with. One sheet is open at a time.
public final class WorkbookWriter {
    private let zip: ZipWriter
    private var styles = StyleTable()
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var sheets: [(name: String, hasNotes: Bool, filter: String?)] = []
    private var current: SheetState?
    private var finished = false
    /// Column letters by column number, made once: `A`, `B`, … (index 0 unused).
    private var columnNames: [[UInt8]] = [[]]
    /// The last styles looked up, to skip hashing the same few styles cell after cell.
    private var recentStyles: [(CellStyle, Int)] = []

    /// Writes into `handle` (for example `AtomicOutputFile.handle`).
    public init(handle: FileHandle) {
        zip = ZipWriter(handle: handle)
    }

    /// Starts a sheet. Names are checked the way Excel checks them.
    public func beginSheet(_ name: String, layout: SheetLayout = SheetLayout()) throws {
        precondition(current == nil, "end the open sheet first")
        try Self.validate(sheetName: name, existing: sheets.map(\.name))
        let number = sheets.count + 1
        try zip.beginPart("xl/worksheets/sheet\(number).xml")
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        head += #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        head += #"<sheetViews><sheetView workbookViewId="0""# + (number == 1 ? #" tabSelected="1""# : "") + ">"
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
        try zip.write(Array(head.utf8))
        current = SheetState(name: name, layout: layout)
    }

    /// Writes the next row. `index` (1-based) must grow from row to row; cells are written from
    /// column 1 (or `firstColumn`), skipping `.empty` cells that have no style, formula or note.
    public func writeRow(_ cells: [WriteCell], index: Int? = nil, firstColumn: Int = 1) throws {
        // Taken out of `current` so that the row buffer has one owner and grows in place.
        guard var sheet = current.take() else { preconditionFailure("no sheet is open") }
        defer { current = sheet }
        let row = index ?? sheet.lastRow + 1
        precondition(row > sheet.lastRow && row <= CellAddress.maxRow, "rows must be written in order")
        sheet.buffer.append(contentsOf: #"<row r=""#.utf8)
        sheet.buffer.append(contentsOf: String(row).utf8)
        sheet.buffer.append(contentsOf: #"">"#.utf8)
        for (offset, cell) in cells.enumerated() {
            let column = firstColumn + offset
            try appendCell(cell, row: row, column: column, to: &sheet)
        }
        sheet.buffer.append(contentsOf: "</row>".utf8)
        sheet.lastRow = row
        sheet.lastColumn = max(sheet.lastColumn, firstColumn + cells.count - 1)
        if sheet.firstRow == nil { sheet.firstRow = row }
        if sheet.buffer.count >= 256 << 10 {
            try zip.write(sheet.buffer)
            sheet.buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Ends the open sheet: its filter and notes go after its rows.
    public func endSheet() throws {
        guard var sheet = current.take() else { preconditionFailure("no sheet is open") }
        sheet.buffer.append(contentsOf: "</sheetData>".utf8)
        var filter: String?
        if sheet.layout.autoFilter, let first = sheet.firstRow, sheet.lastColumn >= 1 {
            let range = "A\(first):\(CellAddress.columnName(sheet.lastColumn))\(sheet.lastRow)"
            sheet.buffer.append(contentsOf: #"<autoFilter ref="\#(range)"/>"#.utf8)
            filter = range
        }
        sheet.buffer.append(
            contentsOf: #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
                .utf8)
        if !sheet.notes.isEmpty { sheet.buffer.append(contentsOf: #"<legacyDrawing r:id="rId1"/>"#.utf8) }
        sheet.buffer.append(contentsOf: "</worksheet>".utf8)
        try zip.write(sheet.buffer)
        try zip.closePart()
        let number = sheets.count + 1
        if !sheet.notes.isEmpty {
            try zip.addPart("xl/comments\(number).xml", Array(NotesParts.comments(sheet.notes).utf8))
            try zip.addPart("xl/drawings/vmlDrawing\(number).vml", Array(NotesParts.vml(sheet.notes).utf8))
            try zip.addPart(
                "xl/worksheets/_rels/sheet\(number).xml.rels", Array(NotesParts.sheetRelationships(number).utf8))
        }
        sheets.append((sheet.name, !sheet.notes.isEmpty, filter))
        current = nil
    }

    /// Writes the remaining parts and the ZIP directory. The workbook needs at least one sheet.
    public func finish() throws {
        precondition(current == nil && !finished, "end the open sheet first")
        precondition(!sheets.isEmpty, "a workbook needs a sheet")
        let parts = PackageParts(sheets: sheets.map { ($0.name, $0.hasNotes, $0.filter) })
        try zip.addPart("xl/sharedStrings.xml", sharedStringsXML())
        try zip.addPart("xl/styles.xml", Array(styles.xml.utf8))
        try zip.addPart("xl/workbook.xml", Array(parts.workbook.utf8))
        try zip.addPart("xl/_rels/workbook.xml.rels", Array(parts.workbookRelationships.utf8))
        try zip.addPart("docProps/core.xml", Array(PackageParts.core.utf8))
        try zip.addPart("docProps/app.xml", Array(parts.app.utf8))
        try zip.addPart("_rels/.rels", Array(PackageParts.rootRelationships.utf8))
        try zip.addPart("[Content_Types].xml", Array(parts.contentTypes.utf8))
        try zip.finish()
        finished = true
    }

    // MARK: Cells

    private func appendCell(_ cell: WriteCell, row: Int, column: Int, to sheet: inout SheetState) throws {
        let isBare = cell.value.isEmpty && cell.formula == nil && cell.note == nil && cell.style == .plain
        if let note = cell.note { sheet.notes.append((CellAddress(row: row, column: column), note)) }
        guard !isBare else { return }
        var out = sheet.buffer
        sheet.buffer = []
        defer { sheet.buffer = out }
        out.append(contentsOf: #"<c r=""#.utf8)
        while columnNames.count <= column { columnNames.append(Array(CellAddress.columnName(columnNames.count).utf8)) }
        out.append(contentsOf: columnNames[column])
        out.append(contentsOf: String(row).utf8)
        out.append(UInt8(ascii: "\""))
        var style = cell.style
        if case .date = cell.value, style.numberFormat == nil { style.numberFormat = "yyyy-mm-dd" }
        let styleID = styleID(of: style)
        if styleID != 0 {
            out.append(contentsOf: #" s=""#.utf8)
            out.append(contentsOf: String(styleID).utf8)
            out.append(UInt8(ascii: "\""))
        }
        let formula: [UInt8] =
            cell.formula.map { formula in
                var bytes = Array("<f>".utf8)
                XMLEscaping.append(formula, to: &bytes)
                return bytes + Array("</f>".utf8)
            } ?? []
        switch cell.value {
        case .empty:
            out.append(contentsOf: formula.isEmpty ? Array("/>".utf8) : Array(">".utf8) + formula + Array("</c>".utf8))
            return
        case .number(let number):
            out.append(UInt8(ascii: ">"))
            out += formula
            out.append(contentsOf: "<v>".utf8)
            out.append(contentsOf: number.plainString.utf8)
        case .outOfRangeNumber(let text):
            out.append(UInt8(ascii: ">"))
            out += formula
            out.append(contentsOf: "<v>".utf8)
            out.append(contentsOf: text.utf8)
        case .date(let date):
            out.append(UInt8(ascii: ">"))
            out += formula
            out.append(contentsOf: "<v>".utf8)
            out.append(contentsOf: Self.serial(of: date).plainString.utf8)
        case .bool(let flag):
            out.append(contentsOf: #" t="b">"#.utf8)
            out += formula
            out.append(contentsOf: (flag ? "<v>1" : "<v>0").utf8)
        case .error(let code):
            out.append(contentsOf: #" t="e">"#.utf8)
            out += formula
            out.append(contentsOf: "<v>".utf8)
            XMLEscaping.append(code, to: &out)
        case .text(let text):
            if formula.isEmpty {
                out.append(contentsOf: #" t="s"><v>"#.utf8)
                out.append(contentsOf: String(sharedString(text)).utf8)
            } else {
                out.append(contentsOf: #" t="str">"#.utf8)
                out += formula
                out.append(contentsOf: "<v>".utf8)
                XMLEscaping.append(text, to: &out)
            }
        }
        out.append(contentsOf: "</v></c>".utf8)
    }

    private func styleID(of style: CellStyle) -> Int {
        if style == .plain { return 0 }
        if let hit = recentStyles.first(where: { $0.0 == style }) { return hit.1 }
        let id = styles.id(of: style)
        recentStyles.insert((style, id), at: 0)
        if recentStyles.count > 16 { recentStyles.removeLast() }
        return id
    }

    private func sharedString(_ text: String) -> Int {
        if let found = stringIndex[text] { return found }
        strings.append(text)
        stringIndex[text] = strings.count - 1
        return strings.count - 1
    }

    private func sharedStringsXML() -> [UInt8] {
        var out = Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#.utf8) + [10]
        out += Array(
            #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
                .utf8)
        for text in strings {
            let spaced = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
            out += Array((spaced ? #"<si><t xml:space="preserve">"# : "<si><t>").utf8)
            XMLEscaping.append(text, to: &out)
            out += Array("</t></si>".utf8)
        }
        out += Array("</sst>".utf8)
        return out
    }

    /// The 1900-system serial of a date value (durations as days).
    static func serial(of date: DateTimeValue) -> Decimal {
        if date.kind == .duration { return Decimal(date.durationMilliseconds) / 86_400_000 }
        let day =
            date.kind == .time ? 0 : DateSystem.excel1900.serial(year: date.year, month: date.month, day: date.day)
        let millis = ((date.hour * 60 + date.minute) * 60 + date.second) * 1000 + date.microsecond / 1000
        return Decimal(day) + (millis == 0 ? 0 : Decimal(millis) / 86_400_000)
    }

    /// Excel's rules: 1 to 31 characters, none of `[ ] : * ? / \`, no apostrophe at either end,
    /// unique ignoring case, and not "History".
    static func validate(sheetName name: String, existing: [String]) throws {
        let reason: String? =
            if name.isEmpty || name.count > 31 {
                "must be 1 to 31 characters long"
            } else if name.contains(where: { "[]:*?/\\".contains($0) }) {
                "may not contain [ ] : * ? / \\"
            } else if name.hasPrefix("'") || name.hasSuffix("'") {
                "may not start or end with an apostrophe"
            } else if existing.contains(where: { $0.lowercased() == name.lowercased() }) {
                "is already used by another sheet"
            } else if name.lowercased() == "history" { "is reserved by Excel" } else { nil }
        if let reason { throw SpreadsheetError(Location(file: "workbook"), "sheet name '\(name)' \(reason)") }
    }

    /// A name for a new sheet that fits Excel's rules and is not taken: `Findings`, `Findings (2)`.
    public static func availableName(_ wanted: String, existing: [String]) -> String {
        let cleaned = String(wanted.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        var candidate = cleaned.isEmpty ? "Sheet" : cleaned
        var number = 2
        while existing.contains(where: { $0.lowercased() == candidate.lowercased() }) {
            let suffix = " (\(number))"
            candidate = String(cleaned.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }
}

/// What is kept about the open sheet while its rows stream out.
private struct SheetState {
    let name: String
    let layout: SheetLayout
    var buffer: [UInt8] = []
    var lastRow = 0
    var firstRow: Int?
    var lastColumn = 0
    var notes: [(CellAddress, String)] = []
}
