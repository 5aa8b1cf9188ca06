import ArgumentParser
import Commission
import Correction
import Foundation
import Ingest
import Ledger
import Parallel
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

            Several workbooks (a month's or a quarter's each, as teams keep them) are reconciled \
            one after another, each one's rows priced beside the others' deals: a quarter's \
            tiers run across its months' files as across a workbook's tabs. With --ledger, the report ends with each closed period's true-ups \
            and with every rep of every closed period paid against owed: periods closed from a \
            workbook (close --from-workbook) were paid by hand, periods closed from the engine \
            were paid from trueup, and the run's total is what the reps were over- or underpaid. \
            What a period owed is the engine's payable on --deals when several workbooks are \
            given with it, else on the workbooks' own deal rows, all of them together.
            """)

    @Argument(help: "The hand-kept workbooks (XLSX) or CSV: one, or several (a period each).")
    var workbooks: [String]

    @OptionGroup var planFiles: PlanOptions

    @OptionGroup var dealsSheets: DealsSheetOptions

    @Option(
        help:
            "A trusted export of the same deals (e.g. from the CRM): with one workbook, matched by deal id and rep; with several, the deals of all their periods, what each period owed is calculated from."
    )
    var deals: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        help: ArgumentHelp(
            "Also write the workbook corrected: wrong cells fixed and highlighted, Findings, Summary and Payroll sheets added (one workbook only).",
            valueName: "corrected.xlsx"))
    var out: String?

    @OptionGroup var payroll: PayrollOptions

    @Flag(help: "Write --payroll even when deal rows cannot be read (the payroll then leaves them out).")
    var skipUnreadable = false

    @OptionGroup var ledger: LedgerOption

    func validate() throws {
        if workbooks.isEmpty { throw ValidationError("give the hand-kept workbook") }
        if let out, workbooks.count > 1 {
            throw ValidationError("--out \(out) corrects one workbook; give one workbook with --out")
        }
        if let out, let file = payroll.payroll,
            URL(fileURLWithPath: out).standardizedFileURL == URL(fileURLWithPath: file).standardizedFileURL
        {
            throw ValidationError("--out and --payroll name the same file, \(out); give each its own")
        }
    }

    /// The bytes of deal rows a workbook's read holds before setting them aside on disk
    /// (`HandKeptWorkbook.read`'s `rowBudget`), from `TRUEUP_RECONCILE_BUDGET`: a number of
    /// bytes, or of KB, MB or GB with `K`, `M` or `G` after it (`0`, `64M`); nil when unset (each
    /// workbook's is then chosen by its size, `rowBudget(forWorkbook:)`).
    static func rowBudget(_ text: String?) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[Character($0.uppercased())] }
        guard let number = Int(unit == nil ? text : String(text.dropLast())), number >= 0,
            number <= Int.max / (unit ?? 1)
        else {
            throw UsageError("TRUEUP_RECONCILE_BUDGET=\(text): expected a number of bytes, such as 0, 65536 or 64M")
        }
        return number * (unit ?? 1)
    }

    /// The row budget of a workbook when `TRUEUP_RECONCILE_BUDGET` gives none: chosen by its
    /// file's size (`HandKeptWorkbook.rowBudget(forWorkbookOf:)`, 64 MB past 128 MB).
    static func rowBudget(forWorkbook path: String) -> Int? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return HandKeptWorkbook.rowBudget(forWorkbookOf: size)
    }

    func run() throws {
        // A workbook's cells, formulas, deals and findings are each held in turn: freed, their
        // memory goes back to the system (`calculate`, which churns mid-sized blocks, keeps
        // glibc's own setting).
        LargeAllocations.mapEachFromTheSystem()
        if let out { try CorrectedOutput.check(workbook: workbooks[0], out: out) }
        let loadedPlan = try planFiles.loadPlan()
        let rosterEntries = try planFiles.loadRoster(for: loadedPlan)
        let pins = try dealsSheets.pins(loadedPlan)
        let againstLedger = try ledger.open(plan: loadedPlan)
        let carried = againstLedger?.carried ?? .none
        let several = workbooks.count > 1
        let rowBudget = try Self.rowBudget(ProcessInfo.processInfo.environment["TRUEUP_RECONCILE_BUDGET"])
        var results: [Reconciliation] = []
        // The JSON names each workbook by its SHA-256, computed beside the reconciliation once the
        // workbook is read (the read keeps both cores busy; the hash takes a few hundredths of a
        // second a million rows).
        var identities: [Background<FindingsDocument.WorkbookIdentity>] = []
        func readWorkbook(_ workbook: String, progress hear: @escaping (String, Int64, Int64) -> Void) throws
            -> HandKeptWorkbook
        {
            // Several are read ahead and held until their turn: each one's check is finished with
            // its read, so that none holds the cells its formulas read meanwhile.
            try HandKeptWorkbook.read(
                TableFile.open(workbook), plan: loadedPlan, roster: rosterEntries, sheet: dealsSheets.sheet,
                pins: pins, dateOrder: dealsSheets.dateOrder,
                rowBudget: rowBudget ?? Self.rowBudget(forWorkbook: workbook),
                checkingFormulasBeside: !several, progress: hear)
        }
        // With several workbooks, each one's rows are priced beside the others' (a quarter's
        // tiers run across its months' files): all are read first, for the lines the engine
        // prices of each.
        var readAhead: [HandKeptWorkbook?] = []
        var linesOfEach: [[CreditLine]] = []
        if several {
            for workbook in workbooks {
                let progress = ProgressLine()
                defer { progress.finish() }
                let read = try readWorkbook(workbook) { progress.update($0, done: $1, total: $2) }
                linesOfEach.append(Reconciler.engineLines(of: read, plan: loadedPlan, roster: rosterEntries))
                readAhead.append(read)
            }
        }
        for (number, workbook) in workbooks.enumerated() {
            let stage = StageMeter("reconcile")
            let progress = ProgressLine()
            do {
                defer { progress.finish() }
                let hear = LargeAllocations.trimmingAtEachStep(
                    StageMeter.timingSteps { progress.update($0, done: $1, total: $2) })
                // Read, then reconciled: the workbook first, then the export, as the messages name them.
                let read: HandKeptWorkbook
                if several, let ahead = readAhead[number] {
                    read = ahead
                    readAhead[number] = nil
                } else {
                    read = try readWorkbook(workbook, progress: hear)
                }
                if format == .json {
                    identities.append(Background { try FindingsDocument.WorkbookIdentity(reading: workbook) })
                }
                results.append(
                    try Reconciler.reconcile(
                        consume read,
                        plan: loadedPlan, roster: rosterEntries,
                        source: (several ? nil : deals).map {
                            try Self.wholeSource(
                                DealsReader.read(
                                    TableFile.open($0), pins: pins, statuses: StatusRule(loadedPlan),
                                    currency: loadedPlan.currency, dateOrder: dealsSheets.dateOrder))
                        },
                        otherWorkbooks: linesOfEach.indices.filter { $0 != number }.map { linesOfEach[$0] },
                        carried: carried, keepingLines: several && deals == nil,
                        // Only a ledger's comparisons read the statement's lines.
                        keepingStatementLines: againstLedger != nil, progress: hear))
            } catch let error as EngineError {
                throw UsageError("\(workbook): \(error)")
            }
            stage.finish()
        }
        let inputFiles = planFiles.files + workbooks + (deals.map { [$0] } ?? [])
        for (workbook, result) in zip(workbooks, results) {
            if let file = payroll.payroll, let first = result.skippedRows.first, !skipUnreadable {
                throw UsageError(
                    "--payroll \(file): \(result.skippedRows.count) deal row(s) of \(workbook) cannot be read (row \(first) first); "
                        + "a payroll from this run would not pay them: correct them, or pass --skip-unreadable")
            }
            if let file = payroll.payroll, let first = result.rowsOfUnknownReps.first, !skipUnreadable {
                let count = result.rowsOfUnknownReps.count
                throw UsageError(
                    "--payroll \(file): \(count) deal row(s) of \(workbook) name a rep the roster does not have (row "
                        + "\(first.row), '\(first.rep)', first); a payroll from this run would not pay them: add the rep "
                        + "to the roster or correct the row, or pass --skip-unreadable")
            }
        }
        if let out {
            try CorrectedOutput.write(CorrectionInput(results[0]), workbook: workbooks[0], to: out, inputs: inputFiles)
        }
        let owed = try owedStatement(results, pins: pins, plan: loadedPlan, roster: rosterEntries, carried: carried)
        let trueUp = try LedgerOption.trueUp(againstLedger, owed, planPath: planFiles.plan)
        let paidAgainstOwed = againstLedger?.paidAgainstOwed(owed)
        try payroll.write(owed, trueUp: trueUp, inputs: inputFiles)
        if format == .json {
            try printJSON(
                results, identities: identities, plan: loadedPlan, trueUp: trueUp, paidAgainstOwed: paidAgainstOwed)
        } else {
            for (index, (workbook, result)) in zip(workbooks, results).enumerated() {
                if several { print((index == 0 ? "" : "\n") + "== \(TerminalText.escaped(workbook))") }
                TerminalText.printReport {
                    ReconciliationText(result: result, currency: loadedPlan.currency, width: $0).render()
                }
            }
            print(TrueUpText.render(trueUp), terminator: "")
            print(PaidAgainstOwedText.render(paidAgainstOwed), terminator: "")
        }
        if results.contains(where: { !$0.errors.isEmpty }) { throw ExitCode(1) }
    }

    /// `source` when every row of it was read. A row of the export that cannot be read (a file cut
    /// in the middle of its last line) refuses the run: compared without it, the workbook's row
    /// for that deal would be called an extra line and corrected to nothing.
    private static func wholeSource(_ source: DealsTable) throws -> DealsTable {
        guard let first = source.skipped.first else { return source }
        let why = first.failures.first.map { "\($0)" } ?? "\(source.file): row \(first.row) cannot be read"
        throw UsageError(
            "\(why) (--deals: \(source.skipped.count) row(s) of the export cannot be read); "
                + "the workbook is compared with the whole export or not at all")
    }

    /// The statement the ledger's periods are compared with: one workbook's own; with several,
    /// the engine's on --deals, else on all the workbooks' deal lines together.
    private func owedStatement(
        _ results: [Reconciliation], pins: [String: String], plan: Plan, roster: [RosterEntry],
        carried: CarriedBalances
    ) throws -> Statement {
        guard results.count > 1 else { return results[0].statement }
        let lines: [CreditLine]
        if let deals {
            let table = try DealsReader.read(
                TableFile.open(deals), pins: pins, statuses: StatusRule(plan), currency: plan.currency,
                dateOrder: dealsSheets.dateOrder)
            try UnreadableRows.check(table, skip: false)
            lines = table.lines
        } else {
            lines = results.flatMap(\.lines)
        }
        do {
            return try CommissionEngine.calculate(plan: plan, roster: roster, lines: lines, carried: carried)
        } catch {
            throw UsageError("\(deals ?? workbooks.joined(separator: ", ")): \(error)")
        }
    }

    /// One workbook's findings document, or with several `{"workbooks": [...]}`; then the
    /// ledger's `adjustments` and `paid_against_owed`. `identities`: each workbook's name and
    /// SHA-256, being computed.
    private func printJSON(
        _ results: [Reconciliation], identities: [Background<FindingsDocument.WorkbookIdentity>], plan: Plan,
        trueUp: TrueUp?, paidAgainstOwed: PaidAgainstOwed?
    ) throws {
        let documents = try zip(results, identities).map { result, identity in
            FindingsDocument(result, plan: plan, workbook: try identity.result())
        }
        let ledgerMembers = trueUp.map {
            ExtendedDocument(AdjustmentsMember($0), adding: paidAgainstOwed.map(PaidAgainstOwedMember.init))
        }
        let encoder = OrderedJSONEncoder()
        if documents.count == 1 {
            print(try encoder.encode(ExtendedDocument(documents[0], adding: ledgerMembers)), terminator: "")
        } else {
            print(
                try encoder.encode(ExtendedDocument(WorkbooksDocument(workbooks: documents), adding: ledgerMembers)),
                terminator: "")
        }
    }
}

/// `reconcile --format json` of several workbooks: each one's findings document, in order.
struct WorkbooksDocument: Encodable {
    var workbooks: [FindingsDocument]
}
