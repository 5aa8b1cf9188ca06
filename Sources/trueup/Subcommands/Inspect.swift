import ArgumentParser
import Reports

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a workbook or CSV file: sheets, used ranges, header row and column types.")

    @Argument(help: "An .xlsx/.xlsm workbook or a CSV/TSV file.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(
        help:
            "Evaluate the workbook's formulas: per sheet, how many agree with their cached values, are stale or not evaluable."
    )
    var formulas = false

    func run() throws {
        if formulas { return try FormulaInspection.run(file: file, json: format == .json) }
        let progress = ProgressLine()
        defer { progress.finish() }
        let report = try FileReport.inspect(file) { progress.update($0, done: $1, total: $2) }
        print(format == .json ? report.json : TerminalText.escaped(report.text, keepingLines: true), terminator: "")
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
