import Commission
import Foundation
import Ingest
import Spreadsheet

/// One deals row as the workbook holds it: its credit line and the figures its author entered.
public struct Observation: Sendable {
    public var line: CreditLine
    /// The commission cell's number (a value, or a formula's cached value); nil when blank or not a number.
    public var commission: Decimal?
    /// The commission cell's formula text, when it has one.
    public var formula: String?
    /// The number format of the commission cell, when it has one.
    public var numberFormat: String?
    /// The bonus cell's number, when the sheet has a bonus column.
    public var bonus: Decimal?
}

/// Another sheet's text cells and formulas (a summary, a rate table), read for evidence.
public struct SheetText: Sendable {
    public var name: String
    public var texts: [String]
    public var formulas: [String]
    /// The sheet's number cells (a rate table's thresholds and rates).
    public var numbers: Set<Decimal> = []
    /// Every non-empty cell, row by row, for reading the sheet as a table (a summary's columns).
    public var rows: [[SheetCell]] = []
}

/// One cell of another sheet: where it is, its value and its formula.
public struct SheetCell: Sendable {
    public var row: Int
    public var column: Int
    public var value: CellValue
    public var formula: String?
}

/// A text column of the deals sheet that no plan field reads (a Region, a Territory), kept
/// because a rate may follow it.
public struct ExtraColumn: Sendable {
    public var header: String
    /// Each deals row's text in this column, by sheet row.
    public var values: [Int: String]
}

/// What a workbook says about its plan: the deals rows with their manual figures, and the rest.
public struct WorkbookEvidence: Sendable {
    public var file: String
    /// The deals sheet's name (nil for CSV).
    public var sheet: String?
    public var observations: [Observation]
    public var hasBonusColumn: Bool
    public var hasCommissionColumn: Bool
    public var otherSheets: [SheetText]
    /// Grouping columns of the deals sheet that the plan format has no field for.
    public var extraColumns: [ExtraColumn] = []
    /// Rows the deals reader could not read (each skipped).
    public var skippedRows: Int
    public var rowsRead: Int

    public init(
        file: String, sheet: String?, observations: [Observation], hasBonusColumn: Bool, hasCommissionColumn: Bool,
        otherSheets: [SheetText] = [], skippedRows: Int = 0
    ) {
        self.file = file
        self.sheet = sheet
        self.observations = observations
        self.hasBonusColumn = hasBonusColumn
        self.hasCommissionColumn = hasCommissionColumn
        self.otherSheets = otherSheets
        self.skippedRows = skippedRows
        rowsRead = observations.count + skippedRows
    }

    /// Rows of other sheets read for evidence; summaries and rate tables are far smaller.
    static let otherSheetRows = 5000

    /// Reads `path` through the deals reader (values and formulas of the manual cells) and the
    /// texts and formulas of its other sheets. Throws the readers' errors (file, sheet, cell).
    public static func read(path: String, sheet: String? = nil, pins: [String: String] = [:]) throws -> WorkbookEvidence
    {
        let file = try TableFile.open(path)
        let table = try DealsReader.read(file, sheet: sheet, pins: pins, manualCells: .valuesAndFormulas)
        var observations: [Observation] = []
        observations.reserveCapacity(table.lines.count)
        for (line, manual) in zip(table.lines, table.manual) {
            observations.append(
                Observation(
                    line: line, commission: manual.commission.flatMap { number($0.value) },
                    formula: manual.commission?.formula, numberFormat: manual.commission?.numberFormat,
                    bonus: manual.bonus.flatMap(number)))
        }
        var others: [SheetText] = []
        for name in file.tables.compactMap({ $0 }) where name != table.sheet {
            var texts: [String] = []
            var formulas: [String] = []
            var numbers: Set<Decimal> = []
            var rows: [[SheetCell]] = []
            try file.forEachRow(of: name) { row, _ in
                guard row.index <= otherSheetRows else { return }
                rows.append(
                    row.cells.map { SheetCell(row: row.index, column: $0.column, value: $0.value, formula: $0.formula) }
                )
                for cell in row.cells {
                    if let formula = cell.formula { formulas.append(formula) }
                    if case .text(let text) = cell.value { texts.append(text) }
                    if case .number(let number) = cell.value, cell.formula == nil { numbers.insert(number) }
                }
            }
            others.append(SheetText(name: name, texts: texts, formulas: formulas, numbers: numbers, rows: rows))
        }
        var evidence = WorkbookEvidence(
            file: path, sheet: table.sheet, observations: observations,
            hasBonusColumn: table.mapping.columns[.bonus] != nil,
            hasCommissionColumn: table.mapping.columns[.commission] != nil, otherSheets: others,
            skippedRows: table.skippedRows)
        evidence.extraColumns = try ExtraColumn.read(
            file, sheet: table.sheet, headerRow: table.mapping.headerRow, mapped: Set(table.mapping.columns.values))
        return evidence
    }

    /// A cell's number: a number cell, or text that reads as plain money (`1,234.50`, `$99`).
    static func number(_ value: CellValue) -> Decimal? {
        switch value {
        case .number(let number): return number
        case .text(let text):
            let cleaned = text.filter { $0.isNumber || $0 == "." || $0 == "-" }
            guard !cleaned.isEmpty, case .value(let number) = Decimal.parse(cleaned) else { return nil }
            return number
        default: return nil
        }
    }
}
