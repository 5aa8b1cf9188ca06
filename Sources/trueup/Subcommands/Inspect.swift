import ArgumentParser
import Recalculation
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
        if formulas { return try inspectFormulas() }
        let progress = ProgressLine()
        defer { progress.finish() }
        let report = try FileReport.inspect(file) { progress.update($0, done: $1, total: $2) }
        print(format == .json ? report.json : TerminalText.escaped(report.text, keepingLines: true), terminator: "")
    }

    /// `--formulas`: the workbook read, then its formulas evaluated, each stage timed.
    private func inspectFormulas() throws {
        let reading = StageMeter("read workbook")
        let formulas = try WorkbookFormulas(path: file)
        reading.finish()
        let evaluating = StageMeter("evaluate formulas")
        let report = FormulaReport(file: file, evaluating: formulas)
        evaluating.finish()
        print(format == .json ? report.json : report.text, terminator: "")
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
