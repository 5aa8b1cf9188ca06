import CSV
import Foundation
import Spreadsheet
import XLSX

/// Conversions out of a workbook.
public enum WorkbookConversion {
    /// One sheet as CSV: line N is row N (empty lines for empty rows).
    public static func writeCSV(
        _ sheet: SheetInfo, of workbook: XLSXWorkbook, writer: inout CSVWriter,
        progress: @escaping (Int64, Int64) -> Void
    ) throws {
        var nextRow = 1
        try workbook.readRows(of: sheet, progress: progress) { row in
            while nextRow < row.index {
                writer.write([])
                nextRow += 1
            }
            writer.write(cells: row.cells)
            nextRow = row.index + 1
        }
    }

    /// Every sheet with rows, copied value by value with formulas and number formats.
    public static func copy(
        _ workbook: XLSXWorkbook, to writer: WorkbookWriter, progress: @escaping (String, Int64, Int64) -> Void
    ) throws {
        var names: [String] = []
        for sheet in workbook.sheets where sheet.kind != .chartsheet {
            let name = WorkbookWriter.availableName(sheet.name, existing: names)
            names.append(name)
            try writer.beginSheet(name)
            let tail = try workbook.readRows(of: sheet, progress: { progress(sheet.name, $0, $1) }) { row in
                guard let last = row.cells.map(\.column).max() else { return }
                var cells = [WriteCell](repeating: .empty, count: last)
                for cell in row.cells {
                    cells[cell.column - 1] = WriteCell(
                        cell.value, style: CellStyle(numberFormat: cell.numberFormat), formula: cell.formula)
                }
                try writer.writeRow(cells, index: row.index)
            }
            try writer.mergeCells(tail.mergedRanges)
            try writer.endSheet()
        }
        if names.isEmpty {
            try writer.beginSheet("Sheet1")
            try writer.endSheet()
        }
    }
}
