import ArgumentParser
import Commission
import Foundation
import Ingest
import Ledger
import PlanFile
import Reconciliation

struct Close: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Record a period's statement as paid in a ledger: every line and rep total, the plan, the inputs' SHA-256.",
        discussion: """
            Periods close in order: closing a period already closed, or one after a period still \
            open, is refused (reopen changes a closed period). With --from-workbook, records what a \
            hand-kept workbook paid for the period instead (the rep totals of its summary sheet), \
            so history kept by hand can be loaded. The close is one transaction: the ledger holds \
            all of it or nothing of it.
            """)

    @Argument(help: "The period to close, e.g. 2026-Q1, 2026-07 or 2026.")
    var period: String

    @OptionGroup var planFiles: PlanOptions

    @Option(help: "The deals: a CSV file or a workbook (not with --from-workbook).")
    var deals: String?

    @OptionGroup var dealsSheets: DealsSheetOptions

    @Option(help: ArgumentHelp("The ledger file (created when missing).", valueName: "ledger"))
    var ledger: String

    @Option(help: ArgumentHelp("Who approved the payment (default: the user running trueup).", valueName: "name"))
    var approvedBy: String?

    @Option(help: "A note kept with the close.")
    var note: String?

    @Option(
        help: ArgumentHelp(
            "Record what this hand-kept workbook paid for the period (its summary totals) instead of the engine's statement.",
            valueName: "workbook"))
    var fromWorkbook: String?

    func validate() throws {
        if fromWorkbook == nil && deals == nil { throw ValidationError("give --deals, or --from-workbook") }
        if fromWorkbook != nil && deals != nil { throw ValidationError("give --deals or --from-workbook, not both") }
    }

    func run() throws {
        let loadedPlan = try planFiles.loadPlan()
        let periods = LedgerPeriods(plan: loadedPlan)
        let closing = try periods.parse(period)
        let actor = try approvedBy ?? Self.currentUser(option: "--approved-by")
        // A ledger already there is checked before the statement is built; a new one is made
        // only to record the close, so a refused close leaves no ledger file behind. (An empty
        // file there is made a ledger: the close was asked to write to it.)
        let existing =
            FileManager.default.fileExists(atPath: ledger) ? try LedgerFile(path: ledger, creating: true) : nil
        try existing?.checkCanClose(closing, periods: periods, currency: loadedPlan.currency)
        let figures: ClosingFigures
        if let fromWorkbook {
            figures = try workbookFigures(fromWorkbook, plan: loadedPlan, period: closing)
        } else if let deals {
            figures = try engineFigures(deals: deals, period: closing, ledger: existing)
        } else {
            throw ValidationError("give --deals, or --from-workbook")
        }
        let file = try existing ?? LedgerFile(path: ledger, creating: true)
        let entry = try file.close(figures, periods: periods, by: LedgerFile.Signature(actor: actor, note: note))
        let currency = figures.currency.isEmpty ? "" : " " + figures.currency
        print(
            "closed \(closing) in \(ledger): \(entry.repCount) rep total\(entry.repCount == 1 ? "" : "s"), \(entry.lineCount) line\(entry.lineCount == 1 ? "" : "s"), payable \(figures.totalPayable.groupedMoneyText)\(currency); approved by \(entry.actor) at \(entry.recordedAt)"
        )
    }

    /// The engine's statement for the period, the draw balances carried from the ledger.
    private func engineFigures(deals: String, period: Period, ledger: LedgerFile?) throws -> ClosingFigures {
        let run = try LoadedRun.read(planFiles, deals: deals, sheets: dealsSheets, skipUnreadable: false)
        let carried = try ledger.map { try TrueUpCalculation(ledger: $0, plan: run.plan).carried } ?? .none
        let statement = try run.calculate(carried: carried)
        try run.reportSkipped()
        guard statement.reps.contains(where: { $0.period == period }) else {
            let known = Set(statement.reps.map(\.period)).sorted().map(\.description).joined(separator: ", ")
            throw UsageError(
                "\(deals): no rep has a figure for \(period) (\(known.isEmpty ? "the deals have no rows" : "the deals cover \(known)"))"
            )
        }
        let digests = ClosingFigures.InputDigests(
            plan: try Digest.sha256(file: planFiles.plan), deals: try Digest.sha256(file: deals),
            roster: try planFiles.roster.map { try Digest.sha256(file: $0) })
        let planText = try PlanFile.text(atPath: planFiles.plan)
        return ClosingFigures(statement: statement, period: period, planText: planText, inputs: digests)
    }

    /// What the workbook's summary sheet paid each rep for the period, as the reconciler reads it.
    private func workbookFigures(_ workbook: String, plan: Plan, period: Period) throws -> ClosingFigures {
        let result: Reconciliation
        do {
            let roster = try planFiles.loadRoster(for: plan)
            result = try Reconciler.reconcile(
                HandKeptWorkbook.read(
                    TableFile.open(workbook), plan: plan, roster: roster, sheet: dealsSheets.sheet,
                    pins: dealsSheets.pins(plan), dateOrder: dealsSheets.dateOrder),
                plan: plan, roster: roster)
        } catch let error as EngineError {
            throw UsageError("\(workbook): \(error)")
        }
        let names = Dictionary(
            result.statement.reps.map { ($0.rep, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(
            result.statement.reps.enumerated().map { ($1.rep, $0) }, uniquingKeysWith: { a, _ in a })
        let paid = result.sheetTotals.compactMap { key, total -> (rep: String, name: String?, payable: Decimal)? in
            guard key.period == period else { return nil }
            return (key.rep, names[key.rep] ?? nil, total.manual)
        }.sorted { (order[$0.rep] ?? Int.max, $0.rep) < (order[$1.rep] ?? Int.max, $1.rep) }
        guard !paid.isEmpty else {
            throw UsageError(
                "\(workbook): no summary total for \(period) (the workbook needs a summary sheet with rep, period and payable, earned or commission columns)"
            )
        }
        return ClosingFigures(
            paid: paid, period: period, planName: plan.name, currency: plan.currency,
            inputs: ClosingFigures.InputDigests(
                plan: try Digest.sha256(file: planFiles.plan),
                roster: try planFiles.roster.map { try Digest.sha256(file: $0) },
                workbook: try Digest.sha256(file: workbook)))
    }

    /// The user running trueup: `$USER`, else `$LOGNAME`, else the account's name; refused, asking
    /// for `option`, when none of them names anyone, so no entry is signed "unknown".
    static func currentUser(option: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        for variable in ["USER", "LOGNAME"] {
            if let name = environment[variable], !name.isEmpty { return name }
        }
        if let account = getpwuid(getuid()), let name = account.pointee.pw_name, name.pointee != 0 {
            return String(cString: name)
        }
        throw UsageError(
            "cannot tell who is running trueup ($USER is unset and the account has no name): give \(option) NAME")
    }
}

struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reopen a closed period of a ledger, recording who and why; the only way to change a closed period.")

    @Argument(help: "The period to reopen.")
    var period: String

    @Option(help: ArgumentHelp("The ledger file.", valueName: "ledger"))
    var ledger: String

    @Option(help: "Why the period is reopened (kept in the ledger).")
    var reason: String

    @Option(help: ArgumentHelp("Who reopens it (default: the user running trueup).", valueName: "name"))
    var by: String?

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why") }
    }

    func run() throws {
        let actor = try by ?? Close.currentUser(option: "--by")
        let file = try LedgerFile(path: ledger, creating: false)
        guard let first = try file.entries().first, let kind = PeriodKind(rawValue: first.periodKind) else {
            throw UsageError("\(ledger): the ledger has no closed period")
        }
        let periods = LedgerPeriods(kind: kind, fiscalYearStart: first.fiscalYearStart)
        let entry = try file.reopen(
            try periods.parse(period), periods: periods,
            by: LedgerFile.Signature(actor: actor, note: reason))
        print("reopened \(entry.period) in \(ledger) by \(entry.actor) at \(entry.recordedAt): \(reason)")
    }
}
