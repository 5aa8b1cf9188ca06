import ArgumentParser
import Commission
import Forecast
import Foundation
import Ingest
import Reports
import Spreadsheet
import XLSX

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Project each rep's and team's period-end credit, attainment and commission from the pipeline.",
        discussion: """
            The pipeline (CSV or workbook) lists open deals: deal id, rep, expected close date, amount, \
            and a probability (60%, 0.6 or 60) or a stage the plan's forecast: stages: maps to one. \
            Three projections are run through the plan exactly (tiers, accelerators, gates, caps, \
            bonuses) on the closed deals plus: committed — the open deals at or above the commit \
            probability (the plan's forecast: commit_at:, default 90%, or --commit-at); expected — \
            every open deal at its probability-weighted amount; best case — every open deal. \
            --target compares a team's or the organisation's forecast credit with a target from the \
            marketing plan.
            """)

    @OptionGroup var inputs: CalculationInputs

    @Option(help: ArgumentHelp("The open deals: a CSV file or a workbook.", valueName: "file"))
    var pipeline: String

    @Option(help: ArgumentHelp("Commit open deals at or above this probability (e.g. 80%).", valueName: "percent"))
    var commitAt: String?

    @Option(
        help: ArgumentHelp(
            "A credit target: AMOUNT (the organisation, every period), TEAM=AMOUNT, PERIOD=AMOUNT or TEAM@PERIOD=AMOUNT (repeatable).",
            valueName: "target"))
    var target: [String] = []

    @Option(help: ArgumentHelp("Show only this period, e.g. 2026-Q3.", valueName: "period"))
    var period: String?

    @Option(help: "Output format: text, json or csv.")
    var format: StatementFormat = .text

    @Option(help: ArgumentHelp("Also write the forecast as a workbook.", valueName: "forecast.xlsx"))
    var out: String?

    func run() throws {
        let workbook = try WorkbookOutput(out, holding: "forecast")
        let run = try inputs.load()
        // The line that showed the deals being read goes on to show the projections.
        let progress = run.progress
        defer { progress.finish() }
        var plan = run.plan
        if let commitAt {
            let level = try Percentages.parse(commitAt, option: "--commit-at")
            guard level <= 1 else { throw UsageError("--commit-at \(commitAt): a probability is at most 100%") }
            plan.forecast.commitAt = level
        }
        if AtomicOutputFile.sameFile(pipeline, inputs.deals) {
            throw UsageError("--pipeline \(pipeline): the pipeline is the deals file; give the open deals on their own")
        }
        let rules = plan.forecast
        let open = try PipelineReader.read(TableFile.open(pipeline), pins: try inputs.dealsSheets.pins(plan)) {
            rules.probability(ofStage: $0)
        }
        let targets = try target.map(parseTarget)
        var forecast: Forecast
        do {
            forecast = try Forecast.project(
                plan: plan, roster: run.roster, closed: run.deals.lines, pipeline: open, targets: targets
            ) { scenario, number in
                progress.update("forecast: projecting \(scenario.rawValue)", done: Int64(number), total: 4)
            }
            progress.finish()
        } catch {
            let place =
                error.inPipeline
                ? pipeline
                : run.deals.sheet.map { "\(run.deals.file) › \(Location.quotedSheetName($0))" } ?? run.deals.file
            throw UsageError("\(place): \(error.description)")
        }
        let teams = Set(forecast.reps.compactMap(\.team))
        if let unknown = targets.first(where: { $0.team.map { !teams.contains($0) } ?? false }), let team = unknown.team
        {
            let known = teams.sorted().joined(separator: ", ")
            throw UsageError(
                "--target \(team)=…: no team '\(team)' in the roster (its teams are \(known.isEmpty ? "none" : known))")
        }
        if let period {
            try PeriodOption.check(period, in: forecast.periods, of: "the forecast")
            forecast.keepOnly(period: period)
        }
        try workbook?.write(inputs: inputs.files + [pipeline]) { try ForecastWorkbook.write(forecast, to: $0) }
        switch format {
        case .json: print(try OrderedJSONEncoder().encode(ForecastDocument(forecast)), terminator: "")
        case .csv: print(ForecastText(forecast: forecast).csv, terminator: "")
        case .text: TerminalText.printReport { ForecastText(forecast: forecast, width: $0).render() }
        }
        try run.reportSkipped()
    }

    /// `AMOUNT`, `KEY=AMOUNT` (a period label when it is one of the periods' form, else a team)
    /// or `TEAM@PERIOD=AMOUNT`.
    private func parseTarget(_ text: String) throws -> ForecastTarget {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard case .value(let amount) = Decimal.parse(parts.last!.replacingOccurrences(of: ",", with: "")),
            amount >= 0
        else {
            throw UsageError("--target \(text): expected AMOUNT, TEAM=AMOUNT, PERIOD=AMOUNT or TEAM@PERIOD=AMOUNT")
        }
        guard parts.count == 2 else { return ForecastTarget(amount: amount) }
        let key = parts[0]
        if let at = key.lastIndex(of: "@") {
            return ForecastTarget(
                team: String(key[..<at]), period: String(key[key.index(after: at)...]), amount: amount)
        }
        let looksLikePeriod = key.range(of: #"^\d{4}(-Q[1-4]|-\d{2})?$"#, options: .regularExpression) != nil
        return looksLikePeriod ? ForecastTarget(period: key, amount: amount) : ForecastTarget(team: key, amount: amount)
    }
}
