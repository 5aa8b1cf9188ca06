import ArgumentParser
import CSV
import Conversion

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

    func run() throws {
        guard let target = Conversion.Target(outputPath: output) else {
            throw UsageError("\(output): the output must end in .xlsx, .csv, .tsv or .json")
        }
        if input.lowercased().hasSuffix(".json") {
            throw UsageError("\(input): convert reads a workbook or a CSV file, not JSON")
        }
        guard let separator = Conversion.delimiter(named: delimiter, output: output) else {
            throw UsageError("--delimiter \(delimiter ?? ""): use comma, semicolon, tab, pipe or one character")
        }
        let progress = ProgressLine()
        defer { progress.finish() }
        try Conversion(
            input: input, output: output, target: target, sheet: sheet,
            csvOptions: CSVWriter.Options(delimiter: separator, byteOrderMark: bom, neutralizeFormulas: !raw),
            progress: { progress.update($0, done: $1, total: $2) }
        ).run()
    }
}
