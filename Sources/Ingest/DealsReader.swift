import Commission
import Foundation
import Parallel
import Spreadsheet

/// The cells a sheet's author filled in by hand for one line: the figures the reconciler checks.
public struct ManualCells: Sendable, Hashable {
    public var row: Int
    /// The rate the author typed (its value only).
    public var rate: CellValue?
    /// The commission cell whole: forensics read its formula.
    public var commission: Cell?
    /// The bonus the author entered (its value only).
    public var bonus: CellValue?
}

/// A row of the deals sheet that totals others ("Total", "Subtotal R-101", "Grand total").
public struct TotalRow: Sendable, Hashable {
    public var row: Int
    /// The text that marks it, e.g. `Total Ana Lima`.
    public var label: String
    public var commission: Cell?
}

/// The credit lines read from a deals sheet, with what could not be read.
public struct DealsTable: Sendable {
    public var lines: [CreditLine]
    /// For each line (same index), its row's manual rate, commission and bonus cells, when
    /// the reader was asked for them (`manualCells: true`); empty otherwise.
    public var manual: [ManualCells] = []
    /// Rows that total others, in sheet order; they are not credit lines.
    public var totals: [TotalRow] = []
    /// Values that could not be read, each at its cell; those rows were skipped.
    public var diagnostics: [SpreadsheetError]
    /// Data rows below the header that held anything.
    public var rowsRead: Int
    /// The rows left out because a value could not be read, in sheet order (plan-format.md §7:
    /// every row is accounted for; callers refuse the run or report these).
    public var skipped: [SkippedRow] = []
    public var skippedRows: Int { skipped.count }
    public var mapping: ColumnMapping<Field>
    public var file: String
    public var sheet: String?
}

/// A data row left out because a value in it could not be read.
public struct SkippedRow: Sendable, Hashable {
    /// A cell that could not be read, with what it held.
    public struct Unread: Sendable, Hashable {
        public var cell: CellAddress
        public var text: String
    }

    public var row: Int
    /// Why, each at its cell (or line, for CSV).
    public var failures: [SpreadsheetError]
    public var cells: [Unread]
    public var dealID: String?
    public var rep: String?
    /// The row's amount when that much could be read.
    public var amount: Decimal?
    /// The row's commission cell, for the reconciler.
    public var commission: Cell?
}

/// Reads credit lines (plan-format.md 1.1) from a CSV file or a workbook's deals sheet.
public enum DealsReader {
    /// Data rows read before the columns' number styles are decided.
    static let styleSample = 1000
    /// Rows converted together, split across the cores.
    static let batchSize = 16_384

    /// Converts a batch of rows into lines in parallel slices, appending them in row order.
    private static func convert(
        _ batch: [(Row, RowPlace)], mapping: ColumnMapping<Field>, styles: [Field: NumberStyle], manualCells: Bool,
        into result: inout DealsTable
    ) {
        let slices = chunkCount(items: batch.count, minimum: 4096)
        let file = result.file
        let parts = inParallel(chunks: slices) { slice in
            var part = DealsTable(lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: file, sheet: nil)
            for (row, place) in batch[chunkRange(slice, of: slices, total: batch.count)] {
                read(row, place, mapping: mapping, styles: styles, manualCells: manualCells, into: &part)
            }
            return part
        }
        for part in parts {
            result.lines += part.lines
            result.manual += part.manual
            result.totals += part.totals
            result.diagnostics += part.diagnostics
            result.skipped += part.skipped
            result.rowsRead += part.rowsRead
        }
    }

    /// Finds the header (the first sheet with every required field, unless `sheet` names one),
    /// maps the columns (`pins` first, then synonyms) and reads every row below it. A row with a
    /// value that cannot be read is skipped and reported at its cell; the run goes on.
    /// `manualCells` keeps each row's rate, commission and bonus cells (for the reconciler; a
    /// million of them take about 120 MB). `progress`, when given, gets bytes read and the total
    /// as the rows stream in.
    public static func read(
        _ file: TableFile, sheet: String? = nil, pins: [String: String] = [:], manualCells: Bool = false,
        progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil
    ) throws -> DealsTable {
        let tables = sheet.map { [$0] } ?? file.tables
        let (table, mapping) = try HeaderSearch.find(
            in: file, tables: tables, keys: Field.allCases, synonyms: \.synonyms, required: Field.required, pins: pins)
        var result = DealsTable(
            lines: [], diagnostics: [], rowsRead: 0, mapping: mapping, file: file.path, sheet: table)
        var pending: [(Row, RowPlace)] = []
        var styles: [Field: NumberStyle]?
        try file.forEachRow(of: table, progress: progress) { row, place in
            guard row.index > mapping.headerRow else { return }
            pending.append((row, place))
            if styles == nil && pending.count >= styleSample {
                styles = decideStyles(pending.map(\.0), mapping: mapping, file: file.path, table: table, into: &result)
            }
            if let styles, pending.count >= batchSize {
                convert(pending, mapping: mapping, styles: styles, manualCells: manualCells, into: &result)
                pending.removeAll(keepingCapacity: true)
            }
        }
        let decided =
            styles ?? decideStyles(pending.map(\.0), mapping: mapping, file: file.path, table: table, into: &result)
        convert(pending, mapping: mapping, styles: decided, manualCells: manualCells, into: &result)
        return result
    }

    private static func decideStyles(
        _ rows: [Row], mapping: ColumnMapping<Field>, file: String, table: String?, into result: inout DealsTable
    ) -> [Field: NumberStyle] {
        var styles: [Field: NumberStyle] = [:]
        for field in [Field.amount, .split, .quota, .rate, .commission, .bonus] {
            guard let column = mapping.columns[field] else { continue }
            let texts = rows.compactMap { row -> String? in
                if case .text(let text) = row.cell(at: column)?.value { return text }
                return nil
            }
            let (style, ambiguous) = NumberStyle.decide(texts)
            styles[field] = style
            if ambiguous {
                result.diagnostics.append(
                    SpreadsheetError(
                        Location(file: file, sheet: table),
                        "column '\(mapping.headers[field] ?? field.rawValue)' mixes 1,234.56 and 1.234,56 number styles; read as \(style == .decimalPoint ? "1,234.56" : "1.234,56")"
                    ))
            }
        }
        return styles
    }

    private static func read(
        _ row: Row, _ place: RowPlace, mapping: ColumnMapping<Field>, styles: [Field: NumberStyle], manualCells: Bool,
        into result: inout DealsTable
    ) {
        // The row's values by field, looked up once.
        var values = [CellValue](repeating: .empty, count: Field.allCases.count)
        var any = false
        for cell in row.cells {
            for (field, column) in mapping.columns where column == cell.column {
                values[field.ordinal] = cell.value
                any = true
            }
        }
        guard any else { return }
        func value(_ field: Field) -> CellValue { values[field.ordinal] }
        if let label = [value(.dealID), value(.rep)].lazy.compactMap(TotalRow.label(of:)).first {
            let commission = mapping.columns[.commission].flatMap { column in row.cells.first { $0.column == column } }
            result.totals.append(TotalRow(row: row.index, label: label, commission: commission))
            return
        }
        result.rowsRead += 1
        var failures: [SpreadsheetError] = []
        var failed: [Field] = []
        func attempt<T>(_ field: Field, _ read: () throws(ValueReading.Failure) -> T?) -> T? {
            do throws(ValueReading.Failure) {
                return try read()
            } catch {
                let message = error.message
                failures.append(SpreadsheetError(place.location(column: mapping.columns[field]), message))
                failed.append(field)
                return nil
            }
        }
        func required<T>(_ field: Field, _ found: T?) -> T? {
            if found == nil && !failed.contains(field) {
                failures.append(
                    SpreadsheetError(
                        place.location(column: mapping.columns[field]), "no \(field.rawValue); the row is skipped"))
                failed.append(field)
            }
            return found
        }
        let dealID = required(.dealID, ValueReading.text(value(.dealID)))
        let rep = required(.rep, ValueReading.text(value(.rep)))
        let date = required(
            .date, attempt(.date) { () throws(ValueReading.Failure) in try ValueReading.date(value(.date)) })
        let amount = required(
            .amount,
            attempt(.amount) { () throws(ValueReading.Failure) in
                try ValueReading.money(value(.amount), style: styles[.amount] ?? .decimalPoint)
            })
        let split = attempt(.split) { () throws(ValueReading.Failure) in
            try ValueReading.fraction(value(.split), style: styles[.split] ?? .decimalPoint)
        }
        let cancel = attempt(.cancelDate) { () throws(ValueReading.Failure) in try ValueReading.date(value(.cancelDate))
        }
        let quota = attempt(.quota) { () throws(ValueReading.Failure) in
            try ValueReading.money(value(.quota), style: styles[.quota] ?? .decimalPoint)
        }
        guard failures.isEmpty, let dealID, let rep, let date, let amount else {
            result.diagnostics += failures
            result.skipped.append(
                SkippedRow(
                    row: row.index, failures: failures,
                    cells: failed.map { field in
                        SkippedRow.Unread(
                            cell: CellAddress(row: row.index, column: mapping.columns[field] ?? 1),
                            text: value(field).plainText)
                    },
                    dealID: dealID, rep: rep, amount: amount,
                    commission: mapping.columns[.commission].flatMap { column in
                        row.cells.first { $0.column == column }
                    }))
            return
        }
        func cell(_ field: Field) -> Cell? {
            mapping.columns[field].flatMap { column in row.cells.first { $0.column == column } }
        }
        if manualCells {
            result.manual.append(
                ManualCells(
                    row: row.index, rate: cell(.rate)?.value, commission: cell(.commission), bonus: cell(.bonus)?.value)
            )
        }
        result.lines.append(
            CreditLine(
                row: row.index, dealID: dealID, rep: rep, date: date, amount: amount, split: split ?? 1,
                product: ValueReading.text(value(.product)), type: ValueReading.text(value(.type)),
                status: ValueReading.text(value(.status)), cancelDate: cancel, quota: quota))
    }
}

extension TotalRow {
    /// The cell's text when it marks a total row: it starts with "total", "subtotal" or "grand total".
    static func label(of value: CellValue) -> String? {
        guard case .text(let text) = value else { return nil }
        // Most cells are deal ids and names: only text starting with t, s or g (after spaces) can match.
        guard let first = text.utf8.first(where: { $0 != 32 }), "tsgTSG".utf8.contains(first) else { return nil }
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        let marks = ["total", "subtotal", "sub-total", "grand total", "sum"]
        return marks.contains { lower == $0 || lower.hasPrefix($0 + " ") || lower.hasPrefix($0 + ":") } ? text : nil
    }
}
