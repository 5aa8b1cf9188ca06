import ArgumentParser
import CSV
import Foundation
import Ingest
import Spreadsheet
import XLSX

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between XLSX, CSV and JSON.",
        discussion: """
            The output's extension chooses the format: .xlsx, .csv (or .tsv), .json. CSV holds one \
            sheet (--sheet, default the first visible one): line N is row N, dates as ISO 8601, \
            numbers as plain decimals, text that would run as a formula neutralised with a leading \
            apostrophe (--raw keeps it). A CSV becomes an XLSX with each column typed from all its \
            values (dates, numbers, money, percentages; identifiers with leading zeros stay text). \
            XLSX to XLSX is a normalised copy: every sheet's values, formulas, number formats and \
            merged ranges. \
            JSON holds every sheet's typed cells in the conformance corpus's form. The output is \
            written atomically and never replaces an input.
            """)

    @Argument(help: "The workbook (.xlsx, .xlsm) or CSV file to read.")
    var input: String

    @Argument(help: "The file to write: .xlsx, .csv, .tsv or .json.")
    var output: String

    @Option(help: "The sheet for CSV output, by name or 1-based position.")
    var sheet: String?

    @Option(help: "CSV output delimiter: comma, semicolon, tab, pipe, or one character.")
    var delimiter: String?

    @Flag(help: "Start CSV output with a UTF-8 byte-order mark, for Excel.")
    var bom = false

    @Flag(help: "Write text that looks like a formula as it is (no leading apostrophe) in CSV output.")
    var raw = false

    enum Target { case xlsx, csv, json }

    func run() throws {
        let lower = output.lowercased()
        let target: Target
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
            target = .xlsx
        } else if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") {
            target = .csv
        } else if lower.hasSuffix(".json") {
            target = .json
        } else {
            throw UsageError("\(output): the output must end in .xlsx, .csv, .tsv or .json")
        }
        if input.lowercased().hasSuffix(".json") {
            throw UsageError("\(input): convert reads a workbook or a CSV file, not JSON")
        }
        let source = try TableFile.open(input)
        let destination = try AtomicOutputFile(path: output, inputs: [input])
        let progress = ProgressLine()
        defer { progress.finish() }
        try destination.translatingErrors { try convert(source, to: target, destination, progress: progress) }
        try destination.commit()
    }

    private func convert(
        _ source: TableFile, to target: Target, _ destination: AtomicOutputFile, progress: ProgressLine
    ) throws {
        switch (source, target) {
        case (.workbook(let workbook), .json):
            try workbook.writeCorpusJSON { destination.write($0) }
        case (.workbook(let workbook), .csv):
            var writer = try csvWriter(destination)
            let chosen = try chosenSheet(workbook)
            try WorkbookConversion.writeCSV(chosen, of: workbook, writer: &writer) {
                progress.update("Converting \(chosen.name)", done: $0, total: $1)
            }
        case (.workbook(let workbook), .xlsx):
            let writer = WorkbookWriter(handle: destination.handle, fileName: output)
            try WorkbookConversion.copy(workbook, to: writer) { progress.update("Copying \($0)", done: $1, total: $2) }
            try writer.finish()
        case (.delimited(let reader), .json):
            try DelimitedConversion.writeJSON(reader, to: destination)
        case (.delimited(let reader), .csv):
            var writer = try csvWriter(destination)
            try reader.forEachRecord(progress: { progress.update("Converting", done: $0, total: $1) }) {
                writer.write(texts: $0.fields)
            }
        case (.delimited(let reader), .xlsx):
            let writer = WorkbookWriter(handle: destination.handle, fileName: output)
            let name = (input as NSString).lastPathComponent.components(separatedBy: ".").first ?? "Sheet1"
            try DelimitedConversion.writeXLSX(
                reader, sheetName: WorkbookWriter.availableName(name, existing: []), to: writer
            ) {
                progress.update("Converting", done: $0, total: $1)
            }
            try writer.finish()
        }
    }

    private func csvWriter(_ destination: AtomicOutputFile) throws -> CSVWriter {
        let separator: UInt8
        switch delimiter?.lowercased() {
        case nil: separator = output.lowercased().hasSuffix(".tsv") ? 9 : UInt8(ascii: ",")
        case "comma": separator = UInt8(ascii: ",")
        case "semicolon": separator = UInt8(ascii: ";")
        case "tab": separator = 9
        case "pipe": separator = UInt8(ascii: "|")
        case let text? where text.utf8.count == 1 && !"\"\r\n".contains(text): separator = text.utf8.first!
        case let text?: throw UsageError("--delimiter \(text): use comma, semicolon, tab, pipe or one character")
        }
        return CSVWriter(
            options: CSVWriter.Options(delimiter: separator, byteOrderMark: bom, neutralizeFormulas: !raw),
            emit: { destination.write($0) })
    }

    private func chosenSheet(_ workbook: XLSXWorkbook) throws -> SheetInfo {
        guard let sheet else {
            guard let first = workbook.firstVisibleSheet else {
                throw SpreadsheetError(Location(file: input), "the workbook has no sheets")
            }
            return first
        }
        if let named = workbook.sheet(named: sheet) { return named }
        if let position = Int(sheet), position >= 1, position <= workbook.sheets.count {
            return workbook.sheets[position - 1]
        }
        let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        throw SpreadsheetError(Location(file: input), "no sheet '\(sheet)'; the sheets are \(names)")
    }
}

/// Conversions out of a workbook.
enum WorkbookConversion {
    /// One sheet as CSV: line N is row N (empty lines for empty rows).
    static func writeCSV(
        _ sheet: SheetInfo, of workbook: XLSXWorkbook, writer: inout CSVWriter,
        progress: @escaping (Int64, Int64) -> Void
    ) throws {
        var nextRow = 1
        var values: [CellValue] = []
        try workbook.readRows(of: sheet, progress: progress) { row in
            while nextRow < row.index {
                writer.write([])
                nextRow += 1
            }
            values.removeAll(keepingCapacity: true)
            // Cells may come out of column order; the widest column decides the line's width.
            values.append(contentsOf: repeatElement(CellValue.empty, count: row.cells.map(\.column).max() ?? 0))
            for cell in row.cells { values[cell.column - 1] = cell.value }
            writer.write(values)
            nextRow = row.index + 1
        }
    }

    /// Every sheet with rows, copied value by value with formulas and number formats.
    static func copy(
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

/// Conversions out of a delimited text file.
enum DelimitedConversion {
    static func writeJSON(_ reader: CSVReader, to destination: AtomicOutputFile) throws {
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
    static func writeXLSX(
        _ reader: CSVReader, sheetName: String, to writer: WorkbookWriter, progress: @escaping (Int64, Int64) -> Void
    ) throws {
        var inference = ColumnKindInference()
        var isHeader = true
        var records = 0
        try reader.forEachRecord { record in
            records += 1
            if isHeader {
                isHeader = false
                return
            }
            inference.add(record.fields)
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
