import Commission
import Foundation
import Hummingbird
import Ledger
import PlanFile
import Reconciliation
import Spreadsheet

/// What `serve --ledger` does with its ledger, through the Ledger module as the command line's
/// `close`, `reopen`, `ledger` and `--ledger` do, with the same one-line reasons: a refusal
/// (a period already closed, one out of order, one not closed) is 409, anything else 422.
enum LedgerWorkflow {
    /// The server's ledger (`TrueupServer` made it when it was missing), read-only unless `access`
    /// says it is written.
    static func open(_ path: String, access: LedgerFile.Access = .read) throws(RequestProblem) -> LedgerFile {
        try refusing(.unprocessableContent) { try LedgerFile(path: path, access: access) }
    }

    /// The digest of the ledger's last entry (nil without a ledger or before the first close):
    /// it changes with every close and reopen.
    static func head(_ path: String?) throws(RequestProblem) -> String? {
        guard let path else { return nil }
        let file = try open(path)
        return try refusing(.unprocessableContent) { try file.entries().last?.sha256 }
    }

    /// The draw balances the ledger's closed periods carry into a run of `plan`.
    static func carried(_ path: String?, plan: Plan) throws -> CarriedBalances {
        guard let path else { return .none }
        return try TrueUpCalculation(ledger: LedgerFile(path: path, access: .read), plan: plan).carried
    }

    /// Each period the ledger has closed, in period order.
    static func statuses(_ path: String) throws(RequestProblem) -> [PeriodStatus] {
        let file = try open(path)
        return try refusing(.unprocessableContent) { try file.periodStatuses() }
    }

    /// `period` as paid and where it stands; 404 with `ledger --period`'s reason when it was never closed.
    static func paid(_ path: String, period: String) throws(RequestProblem) -> (PaidPeriod, PeriodStatus?) {
        let file = try open(path)
        let statuses = try refusing(.unprocessableContent) { try file.periodStatuses() }
        guard let paid = try refusing(.unprocessableContent, { try file.paidPeriod(period) }) else {
            let known = statuses.map(\.period).joined(separator: ", ")
            throw RequestProblem(
                .notFound, "\(path): \(period) was never closed (closed periods: \(known.isEmpty ? "none" : known))")
        }
        return (paid, statuses.first { $0.period == period })
    }

    /// The reconciled statement's true-ups against the ledger (`reconcile --ledger`).
    static func trueUp(_ path: String, _ analysis: Analysis, _ files: InputFiles) throws(RequestProblem) -> TrueUp {
        let file = try open(path)
        return try refusing(.unprocessableContent) {
            let planText = try? PlanFile.text(atPath: files.plan)
            return try TrueUpCalculation(ledger: file, plan: analysis.plan).trueUp(
                analysis.reconciliation.statement, planText: planText)
        }
    }

    /// Closes `label` with the statement the payroll download pays (the reconciled one), as
    /// `trueup close LABEL --plan P --deals WORKBOOK [--roster R]` does: refused before anything
    /// is built when the period is closed or out of order, or when deal rows cannot be read.
    static func close(
        _ label: String, approvedBy: String, note: String?, ledger: String, analysis: Analysis, files: InputFiles
    ) throws(RequestProblem) -> LedgerEntry {
        let periods = LedgerPeriods(plan: analysis.plan)
        let period = try refusing(.badRequest) { try periods.parse(label) }
        let file = try refusing(.unprocessableContent) { try LedgerFile(path: ledger, creating: true) }
        try refusing(.conflict) { try file.checkCanClose(period, periods: periods, currency: analysis.plan.currency) }
        let result = analysis.reconciliation
        let workbook = files.names[files.workbook] ?? (files.workbook as NSString).lastPathComponent
        if let first = result.skippedRows.first {
            let count = result.skippedRows.count
            throw RequestProblem.unusable(
                "\(workbook): \(count) deal row\(count == 1 ? "" : "s") cannot be read (row \(first) first); "
                    + "a close would not pay \(count == 1 ? "it" : "them"): correct the workbook first")
        }
        guard result.statement.reps.contains(where: { $0.period == period }) else {
            let known = Set(result.statement.reps.map(\.period)).sorted().map(\.description).joined(separator: ", ")
            throw RequestProblem.unusable("\(workbook): no rep has a figure for \(period) (the deals cover \(known))")
        }
        let figures = try Workflow.located(files) {
            ClosingFigures(
                statement: result.statement, period: period,
                planText: try PlanFile.text(atPath: files.plan),
                inputs: ClosingFigures.InputDigests(
                    plan: try Digest.sha256(file: files.plan), deals: try Digest.sha256(file: files.workbook),
                    roster: try files.roster.map { try Digest.sha256(file: $0) }))
        }
        return try refusing(.conflict) {
            try file.close(figures, periods: periods, by: LedgerFile.Signature(actor: approvedBy, note: note))
        }
    }

    /// Reopens `label`, recording who and why, as `trueup reopen` does.
    static func reopen(_ label: String, reason: String, by actor: String, ledger: String) throws(RequestProblem)
        -> LedgerEntry
    {
        guard !reason.isEmpty else { throw RequestProblem(.badRequest, "reopen: the reason must say why") }
        guard !actor.isEmpty else { throw RequestProblem(.badRequest, "reopen: name who reopens the period") }
        let file = try open(ledger, access: .write)
        guard let first = try refusing(.unprocessableContent, { try file.entries().first }),
            let kind = PeriodKind(rawValue: first.periodKind)
        else { throw RequestProblem(.conflict, "\(ledger): the ledger has no closed period") }
        let periods = LedgerPeriods(kind: kind, fiscalYearStart: first.fiscalYearStart)
        let period = try refusing(.badRequest) { try periods.parse(label) }
        return try refusing(.conflict) {
            try file.reopen(period, periods: periods, by: LedgerFile.Signature(actor: actor, note: reason))
        }
    }

    /// The payroll file against the ledger (`reconcile --ledger L --payroll`): open periods paid
    /// in full (`regular`), closed periods by their adjustment only (`adjustment`).
    static func writePayroll(_ path: String, _ analysis: Analysis, _ files: InputFiles, to out: String)
        throws(RequestProblem)
    {
        let trueUp = try trueUp(path, analysis, files)
        let statement = analysis.reconciliation.statement
        try Workflow.located(files) {
            let file = try AtomicOutputFile(path: out, inputs: [])
            LedgerPayroll.writeCSV(
                LedgerPayroll.lines(statement, trueUp: trueUp), currency: statement.currency, byteOrderMark: false
            ) { file.write($0) }
            try file.commit()
        }
    }

    /// Runs `body`, a `LedgerError` becoming a problem of `status` with its line.
    private static func refusing<T>(_ status: HTTPResponse.Status, _ body: () throws -> T) throws(RequestProblem) -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw RequestProblem(status, error.description)
        } catch {
            throw RequestProblem.unusable(String(describing: error))
        }
    }
}
