import CSV
import Foundation
import Spreadsheet
import XLSX

/// Conversions out of a delimited text file.
public enum DelimitedConversion {
    public static func writeJSON(_ reader: CSVReader, to destination: AtomicOutputFile) throws {
        destination.write("{\"encoding\": \(JSONText.quoted(reader.encoding.rawValue)), ")
        destination.write(
            "\"delimiter\": \(JSONText.quoted(String(UnicodeScalar(reader.dialect.delimiter)))), \"rows\": [")
        var first = true
        try reader.forEachRecord { record in
            destination.write(
                (first ? "\n " : ",\n ") + "[" + record.fields.map(JSONText.quoted).joined(separator: ", ") + "]")
            first = false
        }
        destination.write("\n]}\n")
    }

    /// Two passes: the first decides each column's kind from all its values, the second writes
    /// typed cells. The first record is the header (bold, frozen, filtered).
    public static func writeXLSX(
        _ reader: CSVReader, sheetName: String, to writer: WorkbookWriter, progress: @escaping (Int64, Int64) -> Void
    ) throws {
        var inference = ColumnKindInference()
        var isHeader = true
        var records = 0
        try reader.forEachFields { fields in
            records += 1
            if isHeader {
                isHeader = false
                return
            }
            inference.add(fields)
        }
        guard records <= CellAddress.maxRow else {
            throw SpreadsheetError(
                Location(file: reader.path),
                "\(records) records do not fit in one sheet (\(CellAddress.maxRow) rows at most); nothing was written")
        }
        let kinds = inference.kinds
        let styles = kinds.map { CellStyle(numberFormat: $0.numberFormat) }
        try writer.beginSheet(sheetName, layout: SheetLayout(frozenRows: 1, autoFilter: true))
        var row = 0
        try reader.forEachRecord(progress: progress) { record in
            row += 1
            if row == 1 {
                try writer.writeRow(record.fields.map { .text($0, style: .header) }, index: row)
                return
            }
            let cells = record.fields.enumerated().map { column, text in
                let kind = column < kinds.count ? kinds[column] : .text
                return WriteCell(
                    ColumnKindInference.value(text, as: kind), style: column < styles.count ? styles[column] : .plain)
            }
            try writer.writeRow(cells, index: row)
        }
        try writer.endSheet()
    }
}
