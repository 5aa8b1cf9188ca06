import Commission
import Foundation
import Ingest
import Primitives
import Reconciliation
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
    /// The commission cell's column, when the row has one (to name the cell a clue is read from).
    public var commissionColumn: Int? = nil
    /// Whether the row's commission cell is blank: no value, no formula (a lost deal's, left empty
    /// among paid rows), as against one that holds a text that is no number.
    public var commissionIsBlank = false
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
    /// The per-rep summaries as `reconcile` reads them (`SummaryFigures.read`) under a plan by
    /// years, and under one by quarters or months (where a sheet of years is set beside the summary).
    public var summariesOfYears: [SummaryFigures] = []
    public var summariesOfShorterPeriods: [SummaryFigures] = []

    /// The summaries as `reconcile` reads them under a plan by `period`.
    public func summaries(for period: PeriodKind) -> [SummaryFigures] {
        period == .year ? summariesOfYears : summariesOfShorterPeriods
    }
    /// The deals sheets' names by the ordinal a line's row key carries (`DealsTable.rowKey`), when
    /// the deals come from more than one sheet; empty otherwise.
    public var sheets: [String] = []
    /// Every row left out of the fit for a cell that could not be read, in words naming it: the
    /// rows the deals reader skipped, and rows whose commission cell holds no number (`abc`).
    public var unread: [String] = []
    /// The deal rows a clawback row takes back, on a tab of clawbacks or among the deals (`Clawbacks:
    /// OP-4212 | Priya Fischer | 2026-03-05 | =-Deals!H4`, as `reconcile` reads them: `ClawbackRow`):
    /// those whose deal and rep it names and whose commission it takes back whole.
    public var clawedBackRows: Set<Int> = []
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

    /// The rows of `observations` the clawback rows take back: each row of the deal and rep a
    /// clawback row names whose commission is minus the clawback's figure (to the cent).
    static func clawedBack(by clawbacks: [ClawbackRow], among observations: [Observation]) -> Set<Int> {
        guard !clawbacks.isEmpty else { return [] }
        var rows: [String: [Observation]] = [:]
        for observation in observations where observation.commission != nil {
            rows[observation.line.dealID.normalizedKey, default: []].append(observation)
        }
        var found: Set<Int> = []
        for clawback in clawbacks where clawback.amount < 0 {
            let reps = Set(([clawback.rep] + clawback.otherReps).map(\.normalizedKey))
            for observation in rows[clawback.dealID.normalizedKey] ?? []
            where reps.contains(observation.line.rep.normalizedKey)
                && ((observation.commission ?? 0) + clawback.amount).magnitude < Decimal(string: "0.005")!
            {
                found.insert(observation.line.row)
            }
        }
        return found
    }

    /// Reads `path` through the deals reader, as `reconcile` reads it: every deals sheet (a tab per
    /// month, a tab per rep its name or title names by a rep of `roster`; `sheet` names the sheets to read, commas and wildcards as `reconcile --sheet` takes them), the values and formulas of the
    /// manual cells, and the texts and formulas of the other sheets; text dates that do not tell
    /// their order (`03/04/2026`) read in `dateOrder`. Throws the readers' errors (file, sheet, cell).
    public static func read(
        path: String, sheet: String? = nil, pins: [String: String] = [:], roster: [RosterEntry] = [],
        dateOrder: DateOrder? = nil
    ) throws -> WorkbookEvidence {
        let knownReps = roster.flatMap(\.knownForms)
        let file = try TableFile.open(path)
        var table = try DealsReader.readWorkbook(
            file, selection: sheet, pins: pins, manualCells: .valuesAndFormulas, knownReps: knownReps,
            dateOrder: dateOrder)
        // Reps written by e-mail or another form of a roster name are the roster's, as `reconcile`
        // reads them; where no row names a rep of the roster (ids it does not know), the rows are
        // read as written: their rates still say the plan.
        let written = table
        var reps = table.resolveReps(against: roster)
        if table.lines.isEmpty {
            table = written
            reps.unknown = []
        }
        var observations: [Observation] = []
        observations.reserveCapacity(table.lines.count)
        for (line, manual) in zip(table.lines, table.manual) {
            observations.append(
                Observation(
                    line: line, commission: manual.commission.flatMap { number($0.value) },
                    formula: manual.commission?.formula, numberFormat: manual.commission?.numberFormat,
                    bonus: manual.bonus.flatMap(number), commissionColumn: manual.commission?.column,
                    commissionIsBlank: manual.commission.map { $0.value.isEmpty && $0.formula == nil }
                        ?? (table.mapping(ofRow: line.row).columns[.commission] != nil)))
        }
        var unread: [(row: Int, text: String)] = []
        for (line, manual) in zip(table.lines, table.manual) {
            guard let cell = manual.commission, !cell.value.isEmpty, number(cell.value) == nil else { continue }
            let shown: String
            if case .text(let text) = cell.value { shown = "'\(text)'" } else { shown = String(describing: cell.value) }
            unread.append((line.row, "\(line.dealID): the commission cell holds \(shown), not a number"))
        }
        let dealsSheets = table.sheets.map(\.name)
        var others: [SheetText] = []
        for name in file.tables.compactMap({ $0 }) where !dealsSheets.contains(name) {
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
            file: path, sheet: table.sheets.first?.name ?? table.sheet, observations: observations,
            hasBonusColumn: table.sheets.contains { $0.mapping.columns[.bonus] != nil }
                || table.mapping.columns[.bonus] != nil,
            hasCommissionColumn: table.sheets.contains { $0.mapping.columns[.commission] != nil }
                || table.mapping.columns[.commission] != nil,
            otherSheets: others, skippedRows: table.skippedRows + reps.unknown.count)
        evidence.sheets = dealsSheets.count > 1 ? dealsSheets.map { $0 ?? "" } : []
        // A text file's one table, named by no sheet (`""`), is no summary of its own deals.
        func summaries(under period: PeriodKind) throws -> [SummaryFigures] {
            try SummaryFigures.read(
                file, dealsSheets: Set(dealsSheets.map { $0 ?? "" }),
                commissionHeader: table.mapping.headers[.commission],
                period: period)
        }
        evidence.summariesOfYears = try summaries(under: .year)
        evidence.summariesOfShorterPeriods = try summaries(under: .quarter)
        evidence.unread = unread.map { "row \(evidence.rowLabel($0.row)), deal \($0.text)" }
        for line in reps.unknown {
            evidence.unread.append(
                "row \(evidence.rowLabel(line.row)), deal \(line.dealID): rep '\(line.rep)' is no one on the roster")
        }
        for row in table.skipped {
            let why = row.failures.map(\.reason).joined(separator: "; ")
            evidence.unread.append(
                "row \(evidence.rowLabel(row.row))\(row.dealID.map { ", deal \($0)" } ?? ""): \(why)")
        }
        // A grouping column (a Region) is read on every deals sheet, its rows keyed as the lines are.
        var extra: [(header: String, values: [Int: String])] = []
        for (ordinal, dealsSheet) in (table.sheets.isEmpty ? [nil] : table.sheets.map { $0 }).enumerated() {
            let mapping = dealsSheet?.mapping ?? table.mapping
            for column in try ExtraColumn.read(
                file, sheet: dealsSheet?.name ?? table.sheet, headerRow: mapping.headerRow,
                mapped: Set(mapping.columns.values))
            {
                let values = Dictionary(
                    uniqueKeysWithValues: column.values.map {
                        (DealsTable.rowKey(sheet: ordinal, row: $0.key), $0.value)
                    })
                if let index = extra.firstIndex(where: { $0.header.normalizedKey == column.header.normalizedKey }) {
                    extra[index].values.merge(values) { first, _ in first }
                } else {
                    extra.append((column.header, values))
                }
            }
        }
        evidence.extraColumns = extra.map { ExtraColumn(header: $0.header, values: $0.values) }
        evidence.clawedBackRows = clawedBack(by: table.clawbackRows, among: observations)
        return evidence
    }

    /// How people find a row: its sheet row number, after its sheet's name when the deals come
    /// from several sheets (`Febrero!12`).
    public func rowLabel(_ key: Int) -> String {
        let row = String(DealsTable.sheetRow(key))
        return sheetName(ofRow: key).map { "\($0)!\(row)" } ?? row
    }

    /// The name of the sheet a row key stands on, when the deals come from several sheets.
    public func sheetName(ofRow key: Int) -> String? {
        let ordinal = DealsTable.sheetOrdinal(key)
        return sheets.indices.contains(ordinal) ? sheets[ordinal] : nil
    }

    /// `rows 17, 88 and 203` (`rowList`), each row as `rowLabel` names it.
    public func rowList(_ keys: [Int], limit: Int = 6) -> String {
        Inference.rowList(keys, limit: limit, label: rowLabel)
    }

    /// A cell's number: a number cell, or text that reads as money in the style its separators
    /// show (`1,234.50`, `1.234,56 €`, `$99`, `(250.00)`), as `reconcile` reads it. A text whose
    /// one separator could be either (`1.500`) is no number here: the deals reader has written
    /// such a cell in its column's style when the column's other cells tell it.
    static func number(_ value: CellValue) -> Decimal? {
        switch value {
        // A typed 8,820.03 stored as the double 8820.030000000001 is 8,820.03: money is decimal.
        case .number(let number): return number.excelPrecision
        case .text(let text): return NumberStyle.money(inText: text)
        default: return nil
        }
    }
}
