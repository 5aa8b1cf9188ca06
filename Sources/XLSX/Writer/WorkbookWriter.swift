import Foundation
import Primitives
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
    // The writer runs on one thread and never re-enters, so the run-time exclusivity checks on
    // its state (about a tenth of reading time) are switched off per property: a compiler flag
    // would do it too, but SwiftPM refuses unsafe flags in a package others depend on.
    @exclusivity(unchecked) private var styles = StyleTable()
    @exclusivity(unchecked) private var strings: [String] = []
    @exclusivity(unchecked) private var stringIndex: [String: Int] = [:]
    @exclusivity(unchecked) private var sheets: [WrittenSheet] = []
    /// How dates are written as serial numbers (and declared in `workbook.xml`).
    public let dateSystem: DateSystem
    @exclusivity(unchecked) private var current: SheetState?
    @exclusivity(unchecked) private var finished = false
    /// Column letters by column number, made once: `A`, `B`, … (index 0 unused).
    @exclusivity(unchecked) private var columnNames: [[UInt8]] = [[]]
    /// The last styles looked up, to skip hashing the same few styles cell after cell.
    @exclusivity(unchecked) private var recentStyles: [(CellStyle, Int)] = []

    /// Writes into `handle` (for example `AtomicOutputFile.handle`).
    /// Distinct texts kept in the shared-strings table; text first seen after it is full is
    /// written inline (`t="inlineStr"`), so memory stays bounded on sheets of unique identifiers.
    public let sharedStringLimit: Int

    /// The file's name in diagnostics (the destination's path, when the caller gives it).
    public let fileName: String

    public init(
        handle: FileHandle, dateSystem: DateSystem = .excel1900, sharedStringLimit: Int = 100_000,
        fileName: String = "workbook"
    ) {
        zip = ZipWriter(handle: handle)
        self.fileName = fileName
        self.dateSystem = dateSystem
        self.sharedStringLimit = sharedStringLimit
    }

    /// Starts a sheet. Names are checked the way Excel checks them.
    public func beginSheet(_ name: String, layout: SheetLayout = SheetLayout()) throws {
        precondition(current == nil, "end the open sheet first")
        try Self.validate(sheetName: name, existing: sheets.map(\.name))
        let number = sheets.count + 1
        try zip.beginPart("xl/worksheets/sheet\(number).xml")
        let head = WorksheetXML.head(layout: layout, selected: number == 1)
        try zip.write(Array(head.utf8))
        current = SheetState(name: name, layout: layout)
    }

    /// Writes the next row. `index` (1-based) must grow from row to row; cells are written from
    /// column 1 (or `firstColumn`), skipping `.empty` cells that have no style, formula or note.
    /// A row out of order, repeated, or past row 1,048,576 (Excel's last) throws, naming the sheet.
    public func writeRow(_ cells: [WriteCell], index: Int? = nil, firstColumn: Int = 1) throws {
        // Taken out of `current` so that the row buffer has one owner and grows in place.
        guard var sheet = current.take() else { preconditionFailure("no sheet is open") }
        defer { current = sheet }
        let row = index ?? sheet.lastRow + 1
        guard row > sheet.lastRow else {
            throw SpreadsheetError(
                Location(file: fileName, sheet: sheet.name),
                "row \(row) comes after row \(sheet.lastRow); rows are written once each, in order")
        }
        guard row <= CellAddress.maxRow else {
            throw SpreadsheetError(
                Location(file: fileName, sheet: sheet.name),
                "more than \(CellAddress.maxRow) rows, the most a sheet holds")
        }
        sheet.buffer.append(literal: #"<row r=""#)
        WorksheetXML.appendDigits(of: row, to: &sheet.buffer)
        sheet.buffer.append(literal: #"">"#)
        for (offset, cell) in cells.enumerated() {
            let column = firstColumn + offset
            try appendCell(cell, row: row, column: column, to: &sheet)
        }
        sheet.buffer.append(literal: "</row>")
        sheet.lastRow = row
        sheet.lastColumn = max(sheet.lastColumn, firstColumn + cells.count - 1)
        if sheet.firstRow == nil { sheet.firstRow = row }
        if sheet.buffer.count >= 256 << 10 {
            try zip.write(sheet.buffer)
            sheet.buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Merges cell ranges of the open sheet (written after its rows, as the schema wants).
    /// Overlapping ranges are refused: Excel calls such a file corrupt.
    public func mergeCells(_ ranges: [CellRange]) throws {
        guard var sheet = current.take() else { preconditionFailure("no sheet is open") }
        defer { current = sheet }
        for range in ranges {
            if let other = sheet.merged.first(where: { $0.overlaps(range) }) {
                throw SpreadsheetError(
                    Location(file: fileName, sheet: sheet.name), "merged ranges \(other) and \(range) overlap")
            }
            sheet.merged.append(range)
        }
    }

    /// Ends the open sheet: its filter, merged ranges, conditional formats and notes go after its rows.
    public func endSheet() throws {
        guard var sheet = current.take() else { preconditionFailure("no sheet is open") }
        sheet.buffer.append(contentsOf: "</sheetData>".utf8)
        var filter: String?
        if sheet.layout.autoFilter, let first = sheet.firstRow, sheet.lastColumn >= 1 {
            let range = "A\(first):\(CellAddress.columnName(sheet.lastColumn))\(sheet.lastRow)"
            sheet.buffer.append(contentsOf: #"<autoFilter ref="\#(range)"/>"#.utf8)
            filter = range
        }
        if !sheet.merged.isEmpty {
            sheet.buffer.append(contentsOf: #"<mergeCells count="\#(sheet.merged.count)">"#.utf8)
            for range in sheet.merged { sheet.buffer.append(contentsOf: #"<mergeCell ref="\#(range)"/>"#.utf8) }
            sheet.buffer.append(contentsOf: "</mergeCells>".utf8)
        }
        let firstDataRow = sheet.layout.frozenRows + 1
        if sheet.lastRow >= firstDataRow {
            sheet.buffer.append(
                contentsOf: WorksheetXML.conditionalFormats(
                    sheet.layout.conditionalFormats, rows: firstDataRow...sheet.lastRow
                ).utf8)
        }
        sheet.buffer.append(contentsOf: WorksheetXML.tail(hasNotes: !sheet.notes.isEmpty, layout: sheet.layout).utf8)
        try zip.write(sheet.buffer)
        try zip.closePart()
        let number = sheets.count + 1
        if !sheet.notes.isEmpty {
            try zip.addPart("xl/comments\(number).xml", Array(CommentsXML.xml(sheet.notes).utf8))
            try zip.addPart("xl/drawings/vmlDrawing\(number).vml", Array(VMLDrawingXML.xml(sheet.notes).utf8))
            try zip.addPart(
                "xl/worksheets/_rels/sheet\(number).xml.rels", Array(RelationshipsXML.sheetNotes(number).utf8))
        }
        sheets.append(WrittenSheet(name: sheet.name, hasNotes: !sheet.notes.isEmpty, filter: filter))
        current = nil
    }

    /// Writes the remaining parts and the ZIP directory. The workbook needs at least one sheet.
    public func finish() throws {
        precondition(current == nil && !finished, "end the open sheet first")
        precondition(!sheets.isEmpty, "a workbook needs a sheet")
        try zip.addPart("xl/sharedStrings.xml", SharedStringsXML.xml(strings))
        try zip.addPart("xl/styles.xml", Array(styles.xml.utf8))
        try zip.addPart("xl/workbook.xml", Array(WorkbookXML.xml(sheets, dateSystem: dateSystem).utf8))
        try zip.addPart("xl/_rels/workbook.xml.rels", Array(RelationshipsXML.workbook(sheetCount: sheets.count).utf8))
        try zip.addPart("docProps/core.xml", Array(DocPropsXML.core.utf8))
        try zip.addPart("docProps/app.xml", Array(DocPropsXML.app.utf8))
        try zip.addPart("_rels/.rels", Array(RelationshipsXML.root.utf8))
        try zip.addPart("[Content_Types].xml", Array(ContentTypesXML.xml(sheets).utf8))
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
        while columnNames.count <= column { columnNames.append(Array(CellAddress.columnName(columnNames.count).utf8)) }
        let style: Int
        if case .date = cell.value, cell.style.numberFormat == nil {
            var dated = cell.style
            dated.numberFormat = "yyyy-mm-dd"
            style = styleID(of: dated)
        } else {
            style = styleID(of: cell.style)
        }
        var shared: Int?
        if case .text(let text) = cell.value, cell.formula == nil { shared = sharedString(text) }
        WorksheetXML.appendCell(
            cell, column: columnNames[column], row: row, styleID: style, sharedString: shared,
            dateSystem: dateSystem, to: &out)
    }

    private func styleID(of style: CellStyle) -> Int {
        if style == .plain { return 0 }
        if let hit = recentStyles.first(where: { $0.0 == style }) { return hit.1 }
        let id = styles.id(of: style)
        recentStyles.insert((style, id), at: 0)
        if recentStyles.count > 16 { recentStyles.removeLast() }
        return id
    }

    /// The text's shared-string index, or nil when the table is full and the text is new.
    private func sharedString(_ text: String) -> Int? {
        if let found = stringIndex[text] { return found }
        guard strings.count < sharedStringLimit else { return nil }
        strings.append(text)
        stringIndex[text] = strings.count - 1
        return strings.count - 1
    }

    /// The serial of a date value in this workbook's date system (durations as days).
    func serial(of date: DateTimeValue) -> Decimal { WorksheetXML.serial(of: date, in: dateSystem) }

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
    var merged: [CellRange] = []
}
