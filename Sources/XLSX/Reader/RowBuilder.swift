import Foundation
import Spreadsheet

/// Reads the values of the raw rows a `WorksheetParser` collects and hands out `Row`s.
///
/// Values as formats.md "Cells" has them: shared strings by index, inline and formula strings with
/// `_xHHHH_` escapes decoded, numbers as `Decimal`, dates from number formats, booleans, errors and
/// ISO 8601 dates. Rows must come in ascending order, each once. A row's cells are handed out in
/// column order, whatever their order in the file (as calamine and LibreOffice read them); two
/// at one reference are refused. Errors name the file, sheet and cell (or row). Raw rows must be
/// given in document order, all to one builder.
final class RowBuilder {
    private let sharedStrings: [String]
    private let styles: Styles
    private let dateSystem: DateSystem
    private let file: String
    private let sheet: String
    // One thread reads with a builder at a time and never re-enters, so the run-time exclusivity
    // checks on its state (a call per cell) are switched off per property, as in the parsers.
    /// The last row emitted: rows must come in ascending order, each once.
    @exclusivity(unchecked) private var lastEmittedRow = 0
    @exclusivity(unchecked) private var cells: [Cell] = []
    /// The column of the last cell appended to `cells`, and whether a cell came at or before the
    /// one before it (the row is then sorted, and checked for two cells at one reference).
    @exclusivity(unchecked) private var lastColumn = 0
    @exclusivity(unchecked) private var outOfOrder = false

    init(sharedStrings: [String], styles: Styles, dateSystem: DateSystem, file: String, sheet: String) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        self.file = file
        self.sheet = sheet
    }

    /// Emits the rows of `raw` that have cells. Stray cells, and those after the last complete
    /// row, are read for their errors only, so a bad value is reported where the parse met it.
    func emitRows(of raw: RawRows, to emit: (Row) throws -> Void) throws {
        try withExtendedLifetime(raw.bytes) {
            try raw.cells.withUnsafeBufferPointer { rawCells in
                try emitRows(of: raw.rows, rawCells, raw.bytes.buffer, to: emit)
            }
        }
    }

    private func emitRows(
        of rows: [RawRows.Entry], _ raw: UnsafeBufferPointer<RawCell>, _ bytes: UnsafeBufferPointer<UInt8>,
        to emit: (Row) throws -> Void
    ) throws {
        var start = 0
        for entry in rows {
            cells.removeAll(keepingCapacity: true)
            (lastColumn, outOfOrder) = (0, false)
            for index in start..<entry.cellsEnd { try appendCell(raw.baseAddress! + index, bytes) }
            start = entry.cellsEnd
            guard entry.kind != .stray, !cells.isEmpty || entry.kind == .repeatedRow else { continue }
            // A repeated row would read as a copied deal and its correction land on the wrong
            // cells; Excel itself calls such a file corrupt. Refused, naming the row.
            guard entry.index > lastEmittedRow else {
                throw SpreadsheetError(
                    Location(file: file, sheet: sheet),
                    entry.index == lastEmittedRow
                        ? "row \(entry.index) appears twice; each row may appear once"
                        : "row \(entry.index) comes after row \(lastEmittedRow); rows must be in ascending order")
            }
            lastEmittedRow = entry.index
            guard entry.kind == .row else { continue }
            if outOfOrder { try sortByColumn(row: entry.index) }
            // The next row reuses the cells' storage unless the consumer kept this row.
            try emit(Row(index: entry.index, cells: cells))
        }
        cells.removeAll(keepingCapacity: true)
        for index in start..<raw.count { try appendCell(raw.baseAddress! + index, bytes) }
    }

    /// Puts the row's cells in column order; refuses two at one reference, naming it (readers do
    /// not agree which of the two holds the cell's value, and a correction would land on one).
    @inline(never)
    private func sortByColumn(row: Int) throws {
        cells.sort { $0.column < $1.column }
        for index in cells.indices.dropFirst() where cells[index].column == cells[index - 1].column {
            throw SpreadsheetError(
                Location(file: file, sheet: sheet, cell: CellAddress(row: row, column: cells[index].column)),
                "two cells at this reference in one row; each cell may appear once")
        }
    }

    // Raw cells are read where they lie, through pointers: a copy of each (which a subscript or a
    // parameter of type `RawCell` makes) would retain and release its formula.
    private func appendCell(_ raw: UnsafePointer<RawCell>, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let value = try value(of: raw, UnsafeBufferPointer(rebasing: bytes[raw.pointee.value]))
        let numberFormat: String?
        switch value {
        case .number, .date: numberFormat = styles.format(raw.pointee.style)?.code
        default: numberFormat = nil
        }
        let column = raw.pointee.column
        if column <= lastColumn { outOfOrder = true }
        lastColumn = column
        var cell = Cell(column: column, value: consume value, formula: raw.pointee.formula, numberFormat: numberFormat)
        cell.isArrayFormula = raw.pointee.isArrayFormula
        cells.append(consume cell)
    }

    private func value(of raw: UnsafePointer<RawCell>, _ bytes: UnsafeBufferPointer<UInt8>) throws -> CellValue {
        switch raw.pointee.kind {
        case .empty:
            return .empty
        case .inlineString, .formulaString:
            let text = XMLText.string(bytes)
            if bytes.count > CellValue.maxTextLength, text.utf16.count > CellValue.maxTextLength {
                throw cellError(raw, Self.longText)
            }
            return .text(text)
        case .sharedString:
            guard let index = parseInt(bytes), index >= 0, index < sharedStrings.count else {
                throw cellError(
                    raw,
                    "refers to shared string '\(String(decoding: bytes, as: UTF8.self))', but the table holds \(sharedStrings.count)"
                )
            }
            return .text(sharedStrings[index])
        case .boolean:
            switch String(decoding: bytes, as: UTF8.self) {
            case "1", "true", "TRUE": return .bool(true)
            case "0", "false", "FALSE": return .bool(false)
            case let other: throw cellError(raw, "expected a boolean (0 or 1), found '\(other)'")
            }
        case .error:
            return .error(String(decoding: bytes, as: UTF8.self))
        case .isoDate:
            let text = String(decoding: bytes, as: UTF8.self)
            guard let date = ISODate.parse(text) else {
                throw cellError(raw, "expected an ISO 8601 date, found '\(text)'")
            }
            return .date(date)
        case .number:
            return try numberValue(of: raw, bytes)
        }
    }

    private func numberValue(of raw: UnsafePointer<RawCell>, _ bytes: UnsafeBufferPointer<UInt8>) throws -> CellValue {
        switch Decimal.parse(ascii: bytes) {
        case .value(let number):
            guard let format = styles.format(raw.pointee.style), format.kind != .number else { return .number(number) }
            let duration = format.kind == .duration
            // A date without a time is a whole serial: no decimal arithmetic is needed.
            let date =
                if let days = parseInt(bytes) {
                    dateSystem.value(wholeSerial: days, serial: number, duration: duration)
                } else {
                    dateSystem.value(serial: number, duration: duration)
                }
            guard let date else { return .number(number) }
            return .date(date)
        case .outOfRange:
            // Past Decimal's range but a double's (`1e200`): kept as written. Past a double's
            // (`1e400`, `1e-400`), no spreadsheet holds it; read, it would be infinity or zero.
            let text = String(decoding: bytes, as: UTF8.self)
            guard let double = Double(text.trimmingCharacters(in: [" "])), double.isFinite, double != 0 else {
                throw cellError(
                    raw,
                    "the number '\(text.prefix(40))\(text.count > 40 ? "…" : "")' is beyond what a spreadsheet cell holds (a double, about 1.8e308 down to 4.9e-324)"
                )
            }
            return .outOfRangeNumber(text)
        case .invalid:
            throw cellError(raw, "expected a number, found '\(String(decoding: bytes, as: UTF8.self))'")
        }
    }

    /// Why a cell whose text is longer than a cell holds is refused.
    static let longText =
        "the cell's text is longer than \(CellValue.maxTextLength) characters, the most a spreadsheet cell holds"

    private func cellError(_ raw: UnsafePointer<RawCell>, _ reason: String) -> SpreadsheetError {
        SpreadsheetError(
            Location(
                file: file, sheet: sheet, cell: CellAddress(row: max(raw.pointee.row, 1), column: raw.pointee.column)),
            reason)
    }
}
