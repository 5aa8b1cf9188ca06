import ArgumentParser
import Commission
import Foundation
import Ingest
import Ledger
import PlanFile
import Reports
import SpooledEngine
import Spreadsheet
import XLSX

struct Calculate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute every commission from a plan, a roster and the deals, explaining each figure.",
        discussion: """
            Reads the plan (YAML), the deals (CSV or XLSX: the first sheet whose header row names deal \
            id, rep, date and amount, or those --sheet names; other sheets of deals are named on standard \
            error) and the roster (the plan's reps:, or --roster). A row with a value \
            that cannot be read stops the run (status 2, its cells listed) unless --skip-unreadable, \
            which leaves such rows out, says what they held, and ends with status 1. --format json \
            prints the object of the plan-format contract, section 4.
            """)

    @OptionGroup var inputs: CalculationInputs

    @Option(help: "Output format: text, json or csv.")
    var format: StatementFormat = .text

    @Flag(help: "List every line (text and csv formats), not only the rep-period totals.")
    var lines = false

    @Option(help: "Also write the statement as a workbook (a Totals and a Lines sheet).")
    var out: String?

    @OptionGroup var payroll: PayrollOptions

    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let workbook = try WorkbookOutput(out, holding: "statement")
        if workbook == nil && ledger.ledger == nil && (format == .json || !lines) {
            // Nothing needs every line at once: they are kept compactly (on disk past a budget)
            // and written (or dropped) as they are computed.
            return try streamed(inputs.load(spooling: true))
        }
        let run = try inputs.load()
        // The Lines sheet holds a header and a line per deal line at least: refused before the work.
        try workbook?.checkFits(rows: run.deals.lines.count + 1, sheet: "Lines")
        let againstLedger = try ledger.open(plan: run.plan)
        let statement = try run.calculate(carried: againstLedger?.carried ?? .none)
        let trueUp = try LedgerOption.trueUp(againstLedger, statement, planPath: inputs.plan)
        try workbook?.write(inputs: inputs.files) { try StatementWorkbook.write(statement, to: $0) }
        try payroll.write(statement, trueUp: trueUp, inputs: inputs.files)
        switch format {
        case .json:
            let out = StandardOutput()
            try StatementDocument.write(statement, adding: trueUp.map(AdjustmentsMember.init)) {
                out.write(bytes: $0)
            }
            out.flush()
        case .csv, .text:
            // Written as `StandardOutput` writes, which notice a reader gone (`| head`): stdio
            // drops what a failed write held, and the flush at exit finds nothing left to fail.
            let out = StandardOutput()
            if format == .csv {
                out.write(lines ? statement.linesCSV : statement.totalsCSV)
            } else {
                out.write(Self.text(statement, lines: lines))
                out.write(TrueUpText.render(trueUp))
            }
            out.flush()
        }
        try run.reportSkipped()
    }

    /// The run for outputs that need the totals and not the lines kept: the JSON document is
    /// written a window of reps at a time as the engine computes them, and the text and CSV
    /// totals drop the lines.
    private func streamed(_ run: LoadedRun) throws {
        let out = StandardOutput()
        var document =
            format == .json
            ? StatementDocumentWriter(plan: run.plan.name, currency: run.plan.currency) { out.write(bytes: $0) } : nil
        let statement: Statement
        do {
            if document != nil {
                // The lines are rendered where they are computed and written in order here.
                statement = try run.calculate(explaining: true, turningLinesInto: StatementDocumentWriter.render) {
                    document?.append($0)
                }
            } else {
                // The text and CSV totals need no line, nor its explanation.
                statement = try run.calculate(explaining: false, turningLinesInto: { _ in () }, passingTo: { _ in })
            }
        } catch let error as UsageError {
            // What is still buffered is dropped; a document already partly written says so.
            out.discard()
            guard out.hasWritten else { throw error }
            throw UsageError(error.description + "; the JSON written before this error is incomplete")
        }
        try payroll.write(statement, trueUp: nil, inputs: inputs.files)
        switch format {
        case .json: try document?.finish(reps: statement.reps, issues: statement.issues, adding: String?.none)
        case .csv: out.write(statement.totalsCSV)
        case .text:
            out.write(Self.text(statement, lines: false))
        }
        out.flush()
        try run.reportSkipped()
    }
}

extension Calculate {
    /// The statement as the terminal report, escaped for the terminal.
    static func text(_ statement: Statement, lines: Bool) -> String {
        TerminalText.escaped(
            StatementText(statement: statement, showLines: lines, width: TerminalWidth.standardOutput).render(),
            keepingLines: true)
    }
}

enum StatementFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// The inputs every calculating command takes, and their loading.
struct CalculationInputs: ParsableArguments {
    @OptionGroup var planFiles: PlanOptions

    @Option(help: "The deals: a CSV file or a workbook.")
    var deals: String

    @OptionGroup var dealsSheets: DealsSheetOptions

    @Flag(
        help:
            "Leave out deal rows with values that cannot be read (they are listed, with their amounts, and the status is 1) instead of stopping."
    )
    var skipUnreadable = false

    /// The plan file.
    var plan: String { planFiles.plan }

    /// Every file the command reads; outputs may not be any of them.
    var files: [String] { planFiles.files + [deals] }

    /// Reads the plan, the deals and the roster (`LoadedRun.read`).
    func load(spooling: Bool = false) throws -> LoadedRun {
        try LoadedRun.read(
            planFiles, deals: deals, sheets: dealsSheets, skipUnreadable: skipUnreadable, spooling: spooling)
    }
}

extension LoadedRun {
    /// Reads the plan and roster, and the deals (with a progress line on a terminal) from the
    /// sheets `sheets` selects. `skipUnreadable`: rows with values that cannot be read are left
    /// out and listed (`UnreadableRows`) rather than stopping the run. `spooling`: the lines go
    /// straight into a `SpooledCalculation` (compact, on disk past a memory budget) instead of the
    /// table, for runs that need no line twice.
    static func read(
        _ planFiles: PlanOptions, deals: String, sheets: DealsSheetOptions, skipUnreadable: Bool,
        spooling: Bool = false
    ) throws -> LoadedRun {
        let loaded = try planFiles.loadPlan()
        let entries = try planFiles.loadRoster(for: loaded)
        let pins = try sheets.pins(loaded)
        let progress = ProgressLine()
        let hear = { progress.update("reading the deals", done: $0, total: $1) }
        let file = try TableFile.open(deals)
        // The workbook's deals sheets by ordinal, once read (the spool's errors name them).
        let sheetNames = SheetNames()
        var spool: SpooledCalculation?
        if spooling {
            do {
                spool = try SpooledCalculation(plan: loaded, roster: entries)
            } catch {
                throw UsageError("\(deals): \(error.description)")
            }
        }
        let receive = spool.map { calculation in
            { (lines: [CreditLine]) throws in
                do {
                    try calculation.add(lines)
                } catch let error as EngineError {
                    throw UsageError("\(deals): \(error.placed(inSheets: sheetNames))")
                } catch {
                    throw UsageError("\(deals): \(error)")
                }
            }
        }
        // Benchmarks and tests tell the two ways apart by the stage's name.
        let stage = StageMeter(spool == nil ? "read deals" : "read deals into the spool")
        var table: DealsTable
        if case .workbook = file {
            // Every deals sheet of the workbook (a tab per rep, per month, …); each line keeps its
            // sheet in its row (`DealsTable.rowKey`) through the engine, and the statement's lines
            // name the sheet and the sheet's own row (`LoadedRun.placed`).
            let knownReps = (entries.isEmpty ? loaded.reps : entries).flatMap(\.knownForms)
            table = try DealsReader.readWorkbook(
                file, selection: sheets.sheet, pins: pins, knownReps: knownReps, dateOrder: sheets.dateOrder,
                plan: loaded, firstDealsSheet: true,
                progress: hear, passingLinesTo: receive)
            sheetNames.names = table.sheets.map { $0.name ?? table.sheet ?? "" }
            for other in table.otherSheets where other.reason.hasPrefix(DealsReader.notTheFirstDealsSheet) {
                progress.finish()
                FileHandle.standardError.write(
                    Data(
                        "trueup: warning: \(TerminalText.escaped(deals)): sheet \(TerminalText.escaped(Location.quotedSheetName(other.sheet))) holds \(TerminalText.escaped(other.reason))\n"
                            .utf8))
            }
        } else {
            table = try DealsReader.read(
                file, sheet: sheets.sheet, pins: pins, statuses: StatusRule(loaded), currency: loaded.currency,
                dateOrder: sheets.dateOrder, progress: hear,
                passingLinesTo: receive)
        }
        stage.finish()
        do {
            try UnreadableRows.check(table, skip: skipUnreadable)
        } catch {
            progress.finish()
            throw error
        }
        progress.finish()
        ReadingWarnings.write(table)
        return LoadedRun(
            plan: loaded, deals: table, roster: entries, progress: progress, spool: spool,
            sheetNames: sheetNames.names)
    }
}

/// A workbook's deals sheets by ordinal, filled once they are read (nil for a CSV file).
final class SheetNames: @unchecked Sendable {
    var names: [String]?
}

extension EngineError {
    /// The description, its rows named by sheet and the sheet's own row when they are a
    /// workbook's (`DealsTable.rowKey`): `'Deals (last month)' row 2: …`.
    func placed(inSheets names: SheetNames) -> String { placed(inSheets: names.names) }

    func placed(inSheets names: [String]?) -> String {
        guard let names, !rows.isEmpty else { return description }
        let places = rows.map { row in
            let ordinal = DealsTable.sheetOrdinal(row)
            let sheet = names.indices.contains(ordinal) ? Location.quotedSheetName(names[ordinal]) + " " : ""
            return "\(sheet)row \(DealsTable.sheetRow(row))"
        }
        return places.joined(separator: ", ") + ": " + message
    }
}

/// A plan, its deals and roster, ready to calculate.
struct LoadedRun {
    let plan: Plan
    let deals: DealsTable
    let roster: [RosterEntry]
    /// The progress line reading began; calculating ends it.
    let progress: ProgressLine
    /// The lines, when they were read into a spooled calculation rather than `deals`.
    var spool: SpooledCalculation? = nil
    /// The workbook's deals sheets by ordinal, when the deals were read from one: the lines'
    /// rows hold their sheet (`DealsTable.rowKey`) until the statement names it (`placed`).
    var sheetNames: [String]? = nil

    /// The sheets the lines' rows are placed on (`placed`): a workbook's deals sheets, none for a
    /// file whose rows split their deals between reps (`ColumnMapping.otherReps`: a row's other
    /// reps' lines are keyed apart from it); nil when the rows are the file's own.
    var placedSheets: [String]? {
        sheetNames
            ?? (deals.mapping.otherReps.isEmpty && deals.sheets.allSatisfy { $0.mapping.otherReps.isEmpty } ? nil : [])
    }

    /// `line` with its row as its own sheet's row and its sheet named, for a workbook's lines.
    static func placed(_ line: StatementLine, sheets names: [String]) -> StatementLine {
        guard let key = line.row else { return line }
        var line = line
        line.row = DealsTable.sheetRow(key)
        let ordinal = DealsTable.sheetOrdinal(key)
        if names.indices.contains(ordinal) { line.sheet = names[ordinal] }
        return line
    }

    /// `statement` with its lines' and issues' rows as their own sheets' rows, and their sheets
    /// named (an issue's when its rows stand on one sheet), for a workbook's deals or a file whose
    /// rows split their deals between reps (`ColumnMapping.otherReps`: a row's other reps' lines are
    /// keyed apart from it); the rows the plan does not pay that were read without a date
    /// (`UnpaidRow`) are issues beside the engine's.
    func placed(_ statement: Statement) -> Statement {
        var statement = statement
        statement.issues += deals.unpaid.map(\.issue)
        guard let names = placedSheets else { return statement }
        statement.lineGroups = statement.lineGroups.map { $0.map { Self.placed($0, sheets: names) } }
        statement.issues = statement.issues.map { issue in
            var issue = issue
            let ordinals = Set(issue.rows.map(DealsTable.sheetOrdinal))
            issue.rows = issue.rows.map(DealsTable.sheetRow)
            if ordinals.count == 1, let ordinal = ordinals.first, names.indices.contains(ordinal) {
                issue.details.append(("sheet", names[ordinal]))
            }
            return issue
        }
        return statement
    }

    /// The deals file, and its sheet when one was named, for errors.
    private var place: String {
        deals.sheet.map { "\(deals.file) › \(Location.quotedSheetName($0))" } ?? deals.file
    }

    /// How many credit lines were read.
    var lineCount: Int { spool?.count ?? deals.lines.count }

    /// `carried`: the draw balances a ledger's closed periods bring into the run.
    func calculate(carried: CarriedBalances = .none) throws -> Statement {
        progress.update("calculating \(deals.lines.count) lines", done: 0, total: 0)
        defer { progress.finish() }
        do {
            return placed(
                try CommissionEngine.calculate(plan: plan, roster: roster, lines: deals.lines, carried: carried))
        } catch {
            throw UsageError("\(place): \(error.placed(inSheets: sheetNames))")
        }
    }

    /// Calculates as `calculate(carried:)` does, handing the lines to `receive` a window of reps
    /// at a time instead of keeping them (`SpooledCalculation.calculate(…turningLinesInto:…)`, or
    /// `CommissionEngine.calculate(…passingLinesTo:)` when the lines were not spooled): each
    /// window's line groups are first turned into a `Part` by `part`, on the thread that computed
    /// them. `explaining`: false leaves their explanations empty.
    func calculate<Part>(
        explaining: Bool = true, turningLinesInto part: @escaping @Sendable ([[StatementLine]]) -> Part,
        passingTo receive: (Part) -> Void
    ) throws -> Statement {
        progress.update("calculating \(lineCount) lines", done: 0, total: 0)
        defer { progress.finish() }
        // A workbook's lines name their sheets before they are turned into parts.
        let placing: @Sendable ([[StatementLine]]) -> Part
        if let names = placedSheets {
            placing = { groups in part(groups.map { $0.map { Self.placed($0, sheets: names) } }) }
        } else {
            placing = part
        }
        do {
            if let spool {
                do {
                    return placed(
                        try spool.calculate(explaining: explaining, turningLinesInto: placing, passingTo: receive))
                } catch .engine(let error) {
                    throw error
                } catch .spool(let failure) {
                    throw UsageError(failure.description)
                }
            }
            return placed(
                try CommissionEngine.calculate(
                    plan: plan, roster: roster, lines: deals.lines, explaining: explaining
                ) { receive(placing($0)) })
        } catch let error as UsageError {
            throw error
        } catch let error as EngineError {
            throw UsageError("\(place): \(error.placed(inSheets: sheetNames))")
        }
    }

    /// One line per unreadable value on standard error, then the rows and money left out, and
    /// status 1 (`UnreadableRows`); only a run with `--skip-unreadable` gets here with such rows.
    func reportSkipped() throws {
        guard !deals.diagnostics.isEmpty else { return }
        for diagnostic in deals.diagnostics.prefix(50) {
            FileHandle.standardError.write(
                Data("trueup: warning: \(TerminalText.escaped(diagnostic.description))\n".utf8))
        }
        if deals.diagnostics.count > 50 {
            FileHandle.standardError.write(Data("trueup: warning: … and \(deals.diagnostics.count - 50) more\n".utf8))
        }
        try UnreadableRows.report(deals)
    }
}
