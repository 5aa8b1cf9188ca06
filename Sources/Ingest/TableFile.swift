import CSV
import FileAccess
import Foundation
import Spreadsheet
import XLSX

/// A file of rows: a CSV/TSV file (one table) or a workbook (one table per sheet).
///
/// CSV rows are numbered by record, as a spreadsheet program shows them (the header is row 1),
/// and each field is a text cell; diagnostics for CSV name the file and the record's line.
public enum TableFile {
    case delimited(CSVReader)
    case workbook(XLSXWorkbook)

    /// Opens `path` by its signature (ZIP or OLE2 → workbook) or extension.
    public static func open(_ path: String) throws -> TableFile {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SpreadsheetError(Location(file: path), "no such file")
        }
        // A folder, a pipe or a device is refused here, before the signature is read from it.
        do throws(ReadableFile.Failure) { try ReadableFile.requireRegularFile(path) } catch {
            throw SpreadsheetError(Location(file: path), error.reason)
        }
        let lower = path.lowercased()
        let workbookExtensions = [".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods"]
        if workbookExtensions.contains(where: lower.hasSuffix) || hasArchiveSignature(path) {
            return .workbook(try XLSXWorkbook(path: path))
        }
        return .delimited(try CSVReader(path: path))
    }

    public var path: String {
        switch self {
        case .delimited(let reader): reader.path
        case .workbook(let workbook): workbook.path
        }
    }

    /// How the file counts days: the workbook's date system, or 1900's for CSV.
    public var dateSystem: DateSystem {
        switch self {
        case .delimited: .excel1900
        case .workbook(let workbook): workbook.dateSystem
        }
    }

    /// The tables in the file: the workbook's worksheets in tab order, or one unnamed table. A
    /// hidden worksheet (`state="hidden"` or `"veryHidden"`, a backup copy of a tab) is left out
    /// (`hiddenTables`) unless every worksheet is hidden, and so are the sheets an earlier
    /// correction appended (`addedByTrueup`); `allTables` holds both.
    public var tables: [String?] {
        guard case .workbook(let workbook) = self else { return [nil] }
        let added = Set(addedByTrueup)
        let sheets = workbook.sheets.filter { $0.kind == .worksheet && !added.contains($0.name) }
        return sheets.filter { $0.state == .visible }.map(\.name).nonEmpty ?? sheets.map(\.name)
    }

    /// The sheets trueup appended to a corrected copy (Findings, Summary, Payroll: its report, not
    /// the team's figures), in tab order; none in CSV.
    public var addedByTrueup: [String] {
        guard case .workbook(let workbook) = self else { return [] }
        return workbook.sheetsAddedByTrueup.values.sorted { $0.index < $1.index }.map(\.name)
    }

    /// Every table in the file, hidden worksheets too, in tab order: what `--sheet` may name.
    public var allTables: [String?] {
        switch self {
        case .delimited: [nil]
        case .workbook(let workbook): workbook.sheets.filter { $0.kind == .worksheet }.map(\.name)
        }
    }

    /// The worksheets in `allTables` that `tables` leaves out because the workbook hides them.
    public var hiddenTables: [String] {
        let shown = Set(tables.compactMap { $0 } + addedByTrueup)
        return allTables.compactMap { $0 }.filter { !shown.contains($0) }
    }

    /// Streams the rows of `table` (a sheet name, or nil for CSV) with where each one is;
    /// `progress`, when given, gets bytes read and the total, now and then. Returns what a
    /// workbook lists after a sheet's rows: its merged ranges and hidden rows (none in CSV).
    @discardableResult
    public func forEachRow(
        of table: String?, progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil,
        _ body: (Row, RowPlace) throws -> Void
    ) throws -> XLSXWorkbook.SheetTail {
        switch self {
        case .delimited(let reader):
            var number = 0
            // Each field's text straight from the reader's bytes, without a record of strings.
            try reader.forEachFields(progress: progress) { record in
                number += 1
                var cells: [Cell] = []
                cells.reserveCapacity(record.count)
                for index in 0..<record.count where !record[index].isEmpty {
                    cells.append(Cell(column: index + 1, value: .text(String(decoding: record[index], as: UTF8.self))))
                }
                try body(
                    Row(index: number, cells: cells),
                    RowPlace(file: reader.path, sheet: nil, line: record.line, row: number))
            }
            return XLSXWorkbook.SheetTail(mergedRanges: [])
        case .workbook(let workbook):
            guard let sheet = table.flatMap(workbook.sheet(named:)) else {
                throw SpreadsheetError(Location(file: workbook.path), "no sheet '\(table ?? "")'")
            }
            return try workbook.readRows(of: sheet, progress: progress) { row in
                try body(row, RowPlace(file: workbook.path, sheet: sheet.name, line: nil, row: row.index))
            }
        }
    }

    /// The columns `table` hides (`XLSXWorkbook.hiddenColumns(of:)`): none in CSV, nor where the
    /// sheet's part cannot be read (its rows' own read says why).
    public func hiddenColumns(of table: String?) -> [ClosedRange<Int>] {
        guard case .workbook(let workbook) = self, let sheet = table.flatMap(workbook.sheet(named:)) else { return [] }
        return (try? workbook.hiddenColumns(of: sheet)) ?? []
    }

    /// The merged ranges of `table` (none in CSV). A workbook lists them after its rows, so the
    /// whole sheet is read to find them.
    public func mergedRanges(of table: String?) throws -> [CellRange] {
        guard case .workbook(let workbook) = self, let sheet = table.flatMap(workbook.sheet(named:)) else { return [] }
        return try workbook.readRows(of: sheet) { _ in }.mergedRanges
    }

    private static func hasArchiveSignature(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head.starts(with: [0x50, 0x4B]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }
}

/// Where a row is, for diagnostics: `Q3.xlsx › Deals!F57` or `deals.csv:57`.
public struct RowPlace: Sendable, Hashable {
    public let file: String
    public let sheet: String?
    public let line: Int?
    public let row: Int

    public func location(column: Int?) -> Location {
        if let sheet {
            return Location(file: file, sheet: sheet, cell: column.map { CellAddress(row: row, column: $0) })
        }
        return Location(file: file, line: line ?? row)
    }
}

extension Array {
    /// The array, or nil when it is empty.
    fileprivate var nonEmpty: Self? { isEmpty ? nil : self }
}
