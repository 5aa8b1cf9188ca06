import ArgumentParser
import CSV
import Foundation
import Spreadsheet
import XLSX

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a workbook or CSV file to CSV or JSON.",
        discussion: """
            The output's extension chooses the format. CSV holds one sheet (--sheet, default the \
            first visible one): line N is row N, dates as ISO 8601, numbers as plain decimals. JSON \
            holds every sheet's typed cells in the conformance corpus's form. The output is written \
            atomically and never replaces an input.
            """)

    @Argument(help: "The workbook (.xlsx, .xlsm) or CSV file to read.")
    var input: String

    @Argument(help: "The file to write: .csv or .json.")
    var output: String

    @Option(help: "The sheet for CSV output, by name or 1-based position.")
    var sheet: String?

    func run() throws {
        let lower = output.lowercased()
        guard lower.hasSuffix(".csv") || lower.hasSuffix(".json") else {
            throw UsageError("\(output): the output must end in .csv or .json")
        }
        let source = try InputFile.open(input)
        let destination = try AtomicOutputFile(path: output, inputs: [input])
        let progress = ProgressLine()
        defer { progress.finish() }
        switch source {
        case .workbook(let workbook):
            if lower.hasSuffix(".json") {
                try workbook.writeCorpusJSON { destination.write($0) }
            } else {
                try writeCSV(try chosenSheet(workbook), of: workbook, to: destination, progress: progress)
            }
        case .delimited(let reader):
            try writeDelimited(reader, toJSON: lower.hasSuffix(".json"), destination: destination, progress: progress)
        }
        try destination.commit()
    }

    private func chosenSheet(_ workbook: XLSXWorkbook) throws -> SheetInfo {
        guard let sheet else {
            guard let first = workbook.firstVisibleSheet else {
                throw SpreadsheetError(Location(file: input), "the workbook has no sheets")
            }
            return first
        }
        if let named = workbook.sheet(named: sheet) { return named }
        if let position = Int(sheet), workbook.sheets.indices.contains(position - 1) {
            return workbook.sheets[position - 1]
        }
        let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        throw SpreadsheetError(Location(file: input), "no sheet '\(sheet)'; the sheets are \(names)")
    }

    private func writeCSV(
        _ sheet: SheetInfo, of workbook: XLSXWorkbook, to destination: AtomicOutputFile, progress: ProgressLine
    ) throws {
        var nextRow = 1
        var line: [UInt8] = []
        var fields: [String] = []
        try workbook.readRows(of: sheet, progress: { progress.update("Converting \(sheet.name)", done: $0, total: $1) })
        {
            row in
            while nextRow < row.index {
                destination.write("\r\n")
                nextRow += 1
            }
            fields.removeAll(keepingCapacity: true)
            fields.append(contentsOf: repeatElement("", count: row.cells.last.map { $0.column } ?? 0))
            for cell in row.cells { fields[cell.column - 1] = cell.value.plainText }
            line.removeAll(keepingCapacity: true)
            CSVFormatting.appendRecord(fields, to: &line)
            destination.write(line)
            nextRow = row.index + 1
        }
    }

    private func writeDelimited(
        _ reader: CSVReader, toJSON: Bool, destination: AtomicOutputFile, progress: ProgressLine
    ) throws {
        if toJSON {
            destination.write("{\"encoding\": \(JSONText.quoted(reader.encoding.rawValue)), ")
            destination.write(
                "\"delimiter\": \(JSONText.quoted(String(UnicodeScalar(reader.dialect.delimiter)))), \"rows\": [")
        }
        var first = true
        var line: [UInt8] = []
        try reader.forEachRecord(progress: { progress.update("Converting", done: $0, total: $1) }) { record in
            if toJSON {
                destination.write(
                    (first ? "\n " : ",\n ") + "[" + record.fields.map(JSONText.quoted).joined(separator: ", ") + "]")
            } else {
                line.removeAll(keepingCapacity: true)
                CSVFormatting.appendRecord(record.fields, to: &line)
                destination.write(line)
            }
            first = false
        }
        if toJSON { destination.write("\n]}\n") }
    }
}
