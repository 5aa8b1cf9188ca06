import Foundation
import Spreadsheet
import XMLStream

/// Turns a worksheet part's XML events into rows, one at a time, as they stream by.
///
/// Handles what real writers do (formats.md "Cells"): rows and cells without `r` (running counters,
/// re-anchored by any explicit `r`), every `t` type, rich and phonetic inline strings, dates from
/// number formats, shared formulas expanded per cell, and merged ranges. Memory holds one row.
final class WorksheetParser: XMLEventHandler {
    private enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate
    }

    private enum Capture {
        case none, value, formula, inlineText
    }

    private let sharedStrings: [String]
    private let styles: Styles
    private let dateSystem: DateSystem
    private let file: String
    private let sheet: String
    private let emit: (Row) throws -> Void

    /// Merged ranges found so far (they follow `<sheetData>`, so they are complete at the end).
    @exclusivity(unchecked) private(set) var mergedRanges: [CellRange] = []

    // The parser runs on one thread and never re-enters, so the run-time exclusivity checks on
    // its state (about a tenth of reading time) are switched off per property: a compiler flag
    // would do it too, but SwiftPM refuses unsafe flags in a package others depend on.
    @exclusivity(unchecked) private var mainNamespace: UnsafePointer<UInt8>?
    @exclusivity(unchecked) private var inSheetData = false
    @exclusivity(unchecked) private var rowIndex = 0
    @exclusivity(unchecked) private var rowHasExplicitIndex = false
    @exclusivity(unchecked) private var nextColumn = 1
    @exclusivity(unchecked) private var cells: [Cell] = []
    /// The last row handed to `emit`: rows must come in ascending order, each once.
    @exclusivity(unchecked) private var lastEmittedRow = 0

    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var capture = Capture.none
    @exclusivity(unchecked) private var valueBytes: [UInt8] = []
    @exclusivity(unchecked) private var formulaBytes: [UInt8] = []
    @exclusivity(unchecked) private var inlineBytes: [UInt8] = []
    @exclusivity(unchecked) private var hasValue = false
    @exclusivity(unchecked) private var hasInline = false
    @exclusivity(unchecked) private var hasFormula = false
    @exclusivity(unchecked) private var formulaIsShared = false
    @exclusivity(unchecked) private var formulaSharedIndex: Int?
    @exclusivity(unchecked) private var formulaHasRef = false
    @exclusivity(unchecked) private var formulaIsArray = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    @exclusivity(unchecked) private var sharedFormulas: [Int: (text: String, row: Int, column: Int)] = [:]

    init(
        sharedStrings: [String], styles: Styles, dateSystem: DateSystem, file: String, sheet: String,
        emit: @escaping (Row) throws -> Void
    ) {
        self.sharedStrings = sharedStrings
        self.styles = styles
        self.dateSystem = dateSystem
        self.file = file
        self.sheet = sheet
        self.emit = emit
        valueBytes.reserveCapacity(64)
    }

    /// Whether `name` is in the SpreadsheetML main namespace (Transitional or Strict), or none.
    @inline(__always)
    private func isMain(_ name: XMLName) -> Bool {
        guard let uri = name.uri else { return true }
        if uri == mainNamespace { return true }
        let text = String(cString: uri)
        guard text.hasSuffix("spreadsheetml/2006/main") || text.hasSuffix("spreadsheetml/main") else { return false }
        mainNamespace = uri
        return true
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        guard isMain(name) else { return }
        if inSheetData {
            if name.is("c") {
                try startCell(attributes)
            } else if name.is("v") {
                capture = .value
                hasValue = true
            } else if name.is("f") {
                startFormula(attributes)
            } else if name.is("is") {
                hasInline = true
            } else if name.is("rPh") {
                phoneticDepth += 1
            } else if name.is("t") && hasInline && phoneticDepth == 0 {
                capture = .inlineText
            } else if name.is("row") {
                try startRow(attributes)
            }
        } else if name.is("sheetData") {
            inSheetData = true
        } else if name.is("mergeCell"), let ref = attributes.string("ref"), let range = CellRange(ref) {
            mergedRanges.append(range)
        }
    }

    func endElement(_ name: XMLName) throws {
        guard inSheetData, isMain(name) else { return }
        if name.is("c") {
            try endCell()
        } else if name.is("v") || name.is("f") || name.is("t") {
            capture = .none
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("row") {
            if !cells.isEmpty {
                // A repeated row would read as a copied deal and its correction land on the wrong
                // cells; Excel itself calls such a file corrupt. Refused, naming the row.
                guard rowIndex > lastEmittedRow else {
                    throw SpreadsheetError(
                        Location(file: file, sheet: sheet),
                        rowIndex == lastEmittedRow
                            ? "row \(rowIndex) appears twice; each row may appear once"
                            : "row \(rowIndex) comes after row \(lastEmittedRow); rows must be in ascending order")
                }
                lastEmittedRow = rowIndex
                // The next row reuses the cells' storage unless the consumer kept this row.
                try emit(Row(index: rowIndex, cells: cells))
            }
        } else if name.is("sheetData") {
            inSheetData = false
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        switch capture {
        case .none: return
        case .value: valueBytes.append(contentsOf: text)
        case .formula: formulaBytes.append(contentsOf: text)
        case .inlineText: inlineBytes.append(contentsOf: text)
        }
    }

    // MARK: Rows and cells

    private func startRow(_ attributes: XMLAttributes) throws {
        if let r = attributes.bytes("r") {
            guard let index = parseInt(r), index >= 1, index <= CellAddress.maxRow else {
                throw SpreadsheetError(
                    Location(file: file, sheet: sheet),
                    "row number '\(String(decoding: r, as: UTF8.self))' is not between 1 and \(CellAddress.maxRow)")
            }
            rowIndex = index
            rowHasExplicitIndex = true
        } else {
            rowIndex += 1
            rowHasExplicitIndex = false
        }
        nextColumn = 1
        cells.removeAll(keepingCapacity: true)
    }

    private func startCell(_ attributes: XMLAttributes) throws {
        if let r = attributes.bytes("r") {
            guard let address = CellAddress.parse(r) else {
                throw SpreadsheetError(
                    Location(file: file, sheet: sheet),
                    "invalid cell reference '\(String(decoding: r, as: UTF8.self))' in row \(rowIndex)")
            }
            cellColumn = address.column
            if !rowHasExplicitIndex && cells.isEmpty {
                rowIndex = address.row
                rowHasExplicitIndex = true
            }
        } else {
            cellColumn = nextColumn
            if rowIndex == 0 { rowIndex = 1 }
        }
        guard cellColumn <= CellAddress.maxColumn else {
            throw SpreadsheetError(Location(file: file, sheet: sheet), "a cell lies past column XFD in row \(rowIndex)")
        }
        nextColumn = cellColumn + 1
        cellType = Self.cellType(attributes.bytes("t"))
        cellStyle = attributes.bytes("s").flatMap(parseInt) ?? 0
        if !valueBytes.isEmpty { valueBytes.removeAll(keepingCapacity: true) }
        if !formulaBytes.isEmpty { formulaBytes.removeAll(keepingCapacity: true) }
        if !inlineBytes.isEmpty { inlineBytes.removeAll(keepingCapacity: true) }
        hasValue = false
        hasInline = false
        hasFormula = false
        formulaIsArray = false
        phoneticDepth = 0
        capture = .none
    }

    private static func cellType(_ t: UnsafeBufferPointer<UInt8>?) -> CellType {
        guard let t, let first = t.first else { return .number }
        switch (first, t.count) {
        case (UInt8(ascii: "s"), 1): return .sharedString
        case (UInt8(ascii: "n"), 1): return .number
        case (UInt8(ascii: "b"), 1): return .boolean
        case (UInt8(ascii: "e"), 1): return .error
        case (UInt8(ascii: "d"), 1): return .isoDate
        case (UInt8(ascii: "s"), 3): return .formulaString
        case (UInt8(ascii: "i"), _): return .inlineString
        default: return .number
        }
    }

    private func startFormula(_ attributes: XMLAttributes) {
        capture = .formula
        hasFormula = true
        formulaIsShared = attributes.bytes("t").map { $0.elementsEqual("shared".utf8) } ?? false
        formulaSharedIndex = attributes.bytes("si").flatMap(parseInt)
        formulaHasRef = attributes.bytes("ref") != nil
        formulaIsArray = attributes.bytes("t").map { $0.elementsEqual("array".utf8) } ?? false
    }

    private func endCell() throws {
        capture = .none
        let value = try cellValue()
        let formula = hasFormula ? resolveFormula() : nil
        guard !value.isEmpty || formula != nil else { return }
        let numberFormat: String?
        switch value {
        case .number, .date: numberFormat = styles.format(cellStyle)?.code
        default: numberFormat = nil
        }
        cells.append(Cell(column: cellColumn, value: value, formula: formula, numberFormat: numberFormat))
        if formulaIsArray && formula != nil { cells[cells.count - 1].isArrayFormula = true }
    }

    private func resolveFormula() -> String? {
        let text = String(decoding: formulaBytes, as: UTF8.self)
        guard formulaIsShared, let index = formulaSharedIndex else { return text.isEmpty ? nil : text }
        if !text.isEmpty {
            if formulaHasRef || sharedFormulas[index] == nil {
                sharedFormulas[index] = (text, rowIndex, cellColumn)
            }
            return text
        }
        guard let master = sharedFormulas[index] else { return nil }
        return FormulaShifter.shift(master.text, rows: rowIndex - master.row, columns: cellColumn - master.column)
    }

    private func cellValue() throws -> CellValue {
        switch cellType {
        case .inlineString:
            // The text is in <is>; a stray <v> beside it (or instead of it) is ignored.
            return hasInline ? .text(inlineBytes.withUnsafeBufferPointer { XMLText.string($0) }) : .empty
        case _ where valueBytes.isEmpty:
            return .empty
        case .sharedString:
            guard let index = valueBytes.withUnsafeBufferPointer(parseInt), index >= 0,
                index < sharedStrings.count
            else {
                throw cellError(
                    "refers to shared string '\(String(decoding: valueBytes, as: UTF8.self))', but the table holds \(sharedStrings.count)"
                )
            }
            return .text(sharedStrings[index])
        case .formulaString:
            return .text(valueBytes.withUnsafeBufferPointer { XMLText.string($0) })
        case .boolean:
            switch String(decoding: valueBytes, as: UTF8.self) {
            case "1", "true", "TRUE": return .bool(true)
            case "0", "false", "FALSE": return .bool(false)
            case let other: throw cellError("expected a boolean (0 or 1), found '\(other)'")
            }
        case .error:
            return .error(String(decoding: valueBytes, as: UTF8.self))
        case .isoDate:
            let text = String(decoding: valueBytes, as: UTF8.self)
            guard let date = ISODate.parse(text) else { throw cellError("expected an ISO 8601 date, found '\(text)'") }
            return .date(date)
        case .number:
            return try numberValue()
        }
    }

    private func numberValue() throws -> CellValue {
        switch valueBytes.withUnsafeBufferPointer(Decimal.parse(ascii:)) {
        case .value(let number):
            guard let format = styles.format(cellStyle), format.kind != .number else { return .number(number) }
            let duration = format.kind == .duration
            // A date without a time is a whole serial: no decimal arithmetic is needed.
            let date =
                if let days = valueBytes.withUnsafeBufferPointer(parseInt) {
                    dateSystem.value(wholeSerial: days, serial: number, duration: duration)
                } else {
                    dateSystem.value(serial: number, duration: duration)
                }
            guard let date else { return .number(number) }
            return .date(date)
        case .outOfRange:
            return .outOfRangeNumber(String(decoding: valueBytes, as: UTF8.self))
        case .invalid:
            throw cellError("expected a number, found '\(String(decoding: valueBytes, as: UTF8.self))'")
        }
    }

    private func cellError(_ reason: String) -> SpreadsheetError {
        SpreadsheetError(
            Location(file: file, sheet: sheet, cell: CellAddress(row: max(rowIndex, 1), column: cellColumn)), reason)
    }
}

/// A non-negative decimal integer from ASCII bytes, or nil.
@inline(__always)
func parseInt(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
    var value = 0
    for byte in bytes {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
    }
    return value
}
