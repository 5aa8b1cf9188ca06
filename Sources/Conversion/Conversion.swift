import CSV
import Foundation
import Ingest
import Spreadsheet
import XLSX

/// One file converted to another: a workbook or CSV file read, written as XLSX, CSV or JSON.
///
/// The output's extension chooses the format. CSV holds one sheet (`sheet`, by name or 1-based
/// position; by default the first visible one). A CSV file becomes an XLSX with each column typed
/// from all its values. XLSX to XLSX is a normalised copy; JSON holds every sheet's typed cells in
/// the conformance corpus's form. The output is written atomically and never replaces the input.
public struct Conversion {
    public enum Target: Sendable, Hashable {
        case xlsx, csv, json

        /// The format an output's extension names; nil for another extension.
        public init?(outputPath: String) {
            let lower = outputPath.lowercased()
            if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") {
                self = .xlsx
            } else if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") || lower.hasSuffix(".txt") {
                self = .csv
            } else if lower.hasSuffix(".json") {
                self = .json
            } else {
                return nil
            }
        }
    }

    public var input: String
    public var output: String
    public var target: Target
    /// The sheet CSV output holds, by name or 1-based position.
    public var sheet: String?
    public var csvOptions: CSVWriter.Options
    /// Called now and then with what is being read, bytes read and the total.
    public var progress: (_ what: String, _ done: Int64, _ total: Int64) -> Void

    public init(
        input: String, output: String, target: Target, sheet: String? = nil,
        csvOptions: CSVWriter.Options = CSVWriter.Options(),
        progress: @escaping (_ what: String, _ done: Int64, _ total: Int64) -> Void = { _, _, _ in }
    ) {
        self.input = input
        self.output = output
        self.target = target
        self.sheet = sheet
        self.csvOptions = csvOptions
        self.progress = progress
    }

    /// The CSV delimiter an option names: `comma`, `semicolon`, `tab`, `pipe` or one character
    /// (not a quote or line break); nil (no option) gives a tab for `.tsv` output, else a comma.
    /// Nil for a name that is none of these.
    public static func delimiter(named name: String?, output: String) -> UInt8? {
        switch name?.lowercased() {
        case nil: output.lowercased().hasSuffix(".tsv") ? 9 : UInt8(ascii: ",")
        case "comma": UInt8(ascii: ",")
        case "semicolon": UInt8(ascii: ";")
        case "tab": 9
        case "pipe": UInt8(ascii: "|")
        // Not a character numbers, dates or the quote are written with (`0` would split `10000`).
        case let text?
        where text.utf8.count == 1 && !"\"\r\n.-+:".contains(text)
            && !text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }):
            text.utf8.first!
        default: nil
        }
    }

    /// Reads the input and writes the output; nothing is left behind when it fails.
    public func run() throws {
        let source = try TableFile.open(input)
        let destination = try AtomicOutputFile(path: output, inputs: [input])
        try destination.translatingErrors { try write(source, to: destination) }
        try destination.commit()
    }

    private func write(_ source: TableFile, to destination: AtomicOutputFile) throws {
        switch (source, target) {
        case (.workbook(let workbook), .json):
            try workbook.writeCorpusJSON { destination.write($0) }
        case (.workbook(let workbook), .csv):
            let output = OutputBuffer(destination)
            var writer = CSVWriter(options: csvOptions, emit: output.write)
            let chosen = try chosenSheet(workbook)
            try WorkbookConversion.writeCSV(chosen, of: workbook, writer: &writer) {
                progress("Converting \(chosen.name)", $0, $1)
            }
            output.flush()
        case (.workbook(let workbook), .xlsx):
            let writer = WorkbookWriter(handle: destination.handle, fileName: output)
            try WorkbookConversion.copy(workbook, to: writer) { progress("Copying \($0)", $1, $2) }
            try writer.finish()
        case (.delimited(let reader), .json):
            try DelimitedConversion.writeJSON(reader, to: destination)
        case (.delimited(let reader), .csv):
            let output = OutputBuffer(destination)
            var writer = CSVWriter(options: csvOptions, emit: output.write)
            try reader.forEachFields(progress: { progress("Converting", $0, $1) }) { writer.write(fields: $0) }
            output.flush()
        case (.delimited(let reader), .xlsx):
            let writer = WorkbookWriter(handle: destination.handle, fileName: output)
            let name = (input as NSString).lastPathComponent.components(separatedBy: ".").first ?? "Sheet1"
            try DelimitedConversion.writeXLSX(
                reader, sheetName: WorkbookWriter.availableName(name, existing: []), to: writer
            ) { progress("Converting", $0, $1) }
            try writer.finish()
        }
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
