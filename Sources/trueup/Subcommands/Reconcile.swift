import ArgumentParser
import Commission
import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
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

    func run() throws {
        if let out { try CorrectedOutput.check(workbook: workbook, out: out) }
        let inputs = try CalculationInputs.parse(
            ["--plan", plan, "--deals", workbook] + (roster.map { ["--roster", $0] } ?? [])
                + map.flatMap { ["--map", $0] })
        let loadedPlan = try inputs.loadPlan()
        let rosterEntries = try inputs.loadRoster(for: loadedPlan)
        let result: Reconciliation
        let stage = StageMeter("reconcile")
        let progress = ProgressLine()
        do {
            defer { progress.finish() }
            result = try Reconciler.reconcile(
                workbook: workbook, plan: loadedPlan, roster: rosterEntries, sheet: sheet,
                pins: try inputs.pins(loadedPlan), source: deals, dateOrder: dateOrder
            ) { progress.update($0, done: $1, total: $2) }
        } catch let error as EngineError {
            throw UsageError("\(workbook): \(error)")
        }
        stage.finish()
        let inputFiles = inputs.files + (deals.map { [$0] } ?? [])
        if let out {
            try CorrectedOutput.write(CorrectionInput(result), workbook: workbook, to: out, inputs: inputFiles)
        }
        try payroll.write(result.statement, inputs: inputFiles)
        print(
            format == .json ? result.json : ReconciliationText(result: result, currency: loadedPlan.currency).render(),
            terminator: "")
        if !result.errors.isEmpty { throw ExitCode(1) }
    }
}

extension DateOrder: ExpressibleByArgument {}

/// The reconciliation for people: a headline, the mapping, then findings ranked by money.
struct ReconciliationText {
    let result: Reconciliation
    let currency: String

    func render() -> String {
        let errors = result.errors
        var out =
            errors.isEmpty
            ? "No errors: every figure matches the plan within its tolerance.\n"
            : "\(errors.count) wrong cell\(errors.count == 1 ? "" : "s"); net \(result.netOverpayment >= 0 ? "overpayment" : "underpayment") "
                + "\(abs(result.netOverpayment).groupedMoneyText)\(currency.isEmpty ? "" : " " + currency)\n"
        var byRep: [String: Decimal] = [:]
        for finding in errors where !finding.isDerived && finding.isPay && finding.rep != nil {
            byRep[finding.rep!, default: 0] += finding.difference
        }
        for rep in byRep.keys.sorted() { out += "  \(rep): \(byRep[rep]!.groupedMoneyText)\n" }
        out += result.mappingNotes.map { "  " + $0 + "\n" }.joined()
        guard !result.findings.isEmpty else { return out }
        out += "\n"
        let rows = result.findings.map { finding in
            [
                "\(Location.quotedSheetName(finding.sheet))!\(finding.cell)",
                finding.manualText ?? finding.manual?.groupedMoneyText ?? "",
                finding.expected.groupedMoneyText, finding.difference.groupedMoneyText,
                finding.cause + (finding.isDerived ? " (total)" : ""), finding.explanation,
            ]
        }
        out += StatementText.table(
            header: ["Cell", "Manual", "Expected", "Difference", "Cause", "Why"], rows: rows, rightAligned: [1, 2, 3])
        return out
    }
}
