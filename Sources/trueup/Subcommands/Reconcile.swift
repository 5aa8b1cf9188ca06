import ArgumentParser
import Commission
import Correction
import Foundation
import Ingest
import Ledger
import PlanFile
import Reconciliation
import Reports
import Spreadsheet

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find every wrong cell in a hand-kept commission workbook, with its cause and its cost.",
        discussion: """
            Compares each row's manual commission with the engine's line for it, and a summary \
            sheet's totals with the engine's, within the plan's tolerance. Exit status: 0 nothing \
            to correct (only rounding), 1 findings to correct, 2 the run could not be done.
            """)

    @Argument(help: "The hand-kept workbook (XLSX) or CSV.")
    var workbook: String

    @Option(help: "The plan file (YAML).")
    var plan: String

    @Option(help: "The roster: a CSV file or a workbook (default: the plan's reps:).")
    var roster: String?

    @Option(
        help: ArgumentHelp(
            "The deals sheets, when not every sheet with deals: names separated by commas, each may hold * and ? (default: every sheet whose header names the deals' columns).",
            valueName: "names"))
    var sheet: String?

    @Option(help: "How text dates such as 03/04/2026 read when their column does not tell: day-first or month-first.")
    var dateOrder: DateOrder?

    @Option(help: "A trusted export of the same deals (e.g. from the CRM), matched by deal id and rep.")
    var deals: String?

    @Option(help: ArgumentHelp("Pin a column: FIELD=HEADER (repeatable).", valueName: "field=header"))
    var map: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        help: ArgumentHelp(
            "Also write the workbook corrected: wrong cells fixed and highlighted, Findings, Summary and Payroll sheets added.",
            valueName: "corrected.xlsx"))
    var out: String?

    @OptionGroup var payroll: PayrollOptions

    @Flag(help: "Write --payroll even when deal rows cannot be read (the payroll then leaves them out).")
    var skipUnreadable = false

    @OptionGroup var ledger: LedgerOption

    func run() throws {
        if let out { try CorrectedOutput.check(workbook: workbook, out: out) }
        let inputs = try CalculationInputs.parse(
            ["--plan", plan, "--deals", workbook] + (roster.map { ["--roster", $0] } ?? [])
                + map.flatMap { ["--map", $0] })
        let loadedPlan = try inputs.loadPlan()
        let rosterEntries = try inputs.loadRoster(for: loadedPlan)
        let againstLedger = try ledger.open(plan: loadedPlan)
        let result: Reconciliation
        let stage = StageMeter("reconcile")
        let progress = ProgressLine()
        do {
            defer { progress.finish() }
            result = try Reconciler.reconcile(
                workbook: workbook, plan: loadedPlan, roster: rosterEntries, sheet: sheet,
                pins: try inputs.pins(loadedPlan), source: deals, dateOrder: dateOrder,
                carried: againstLedger?.carried ?? .none
            ) { progress.update($0, done: $1, total: $2) }
        } catch let error as EngineError {
            throw UsageError("\(workbook): \(error)")
        }
        stage.finish()
        let inputFiles = inputs.files + (deals.map { [$0] } ?? [])
        if let file = payroll.payroll, let first = result.skippedRows.first, !skipUnreadable {
            throw UsageError(
                "--payroll \(file): \(result.skippedRows.count) deal row(s) of \(workbook) cannot be read (row \(first) first); "
                    + "a payroll from this run would not pay them: correct them, or pass --skip-unreadable")
        }
        if let out {
            try CorrectedOutput.write(CorrectionInput(result), workbook: workbook, to: out, inputs: inputFiles)
        }
        let trueUp = try LedgerOption.trueUp(againstLedger, result.statement, planPath: plan)
        try payroll.write(result.statement, trueUp: trueUp, inputs: inputFiles)
        if format == .json {
            let identity = FindingsDocument.WorkbookIdentity(
                file: (workbook as NSString).lastPathComponent, sha256: try FileDigest.sha256(of: workbook))
            let json = try OrderedJSONEncoder().encode(FindingsDocument(result, plan: loadedPlan, workbook: identity))
            print(trueUp.map { $0.adding(to: json) } ?? json, terminator: "")
        } else {
            print(
                TerminalText.escaped(
                    ReconciliationText(
                        result: result, currency: loadedPlan.currency, width: TerminalWidth.standardOutput
                    )
                    .render(), keepingLines: true), terminator: "")
            print(TrueUpText.render(trueUp), terminator: "")
        }
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}

extension DateOrder: ExpressibleByArgument {}
