import Commission
import Correction
import Forecast
import Foundation
import Ingest
import PlanFile
import Reconciliation
import Reports
import Review
import Spreadsheet
import XLSX

/// The files of one reconciliation, as the server stored them, with the names their owner gave
/// them (what every message shows instead of the private folder's paths).
struct InputFiles: Sendable {
    var workbook: String
    var plan: String
    var roster: String?
    var deals: String?
    var pipeline: String?
    /// Stored path → the name shown.
    var names: [String: String]

    init(
        workbook: String, plan: String, roster: String? = nil, deals: String? = nil, pipeline: String? = nil,
        names: [String: String] = [:]
    ) {
        self.workbook = workbook
        self.plan = plan
        self.roster = roster
        self.deals = deals
        self.pipeline = pipeline
        self.names = names
    }

    /// Whether the workbook can be corrected in place (an .xlsx or .xlsm package).
    var workbookIsPackage: Bool {
        let lowered = workbook.lowercased()
        return lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".xlsm")
    }

    /// `message` with every stored path replaced by the name its owner gave the file.
    func clean(_ message: String) -> String {
        names.keys.sorted { $0.count > $1.count }.reduce(message) { $0.replacingOccurrences(of: $1, with: names[$1]!) }
    }
}

/// A reconciliation and what the pages show beside it.
struct Analysis: Sendable {
    var plan: Plan
    var reconciliation: Reconciliation
    /// The formula each finding's cell held (keyed `Sheet!A1`), for its explanation.
    var formulas: [String: String]
    /// The workbook's sheets: name, kind and visibility, in tab order.
    var sheets: [(name: String, kind: String, state: String)]
    /// The values the findings can be filtered by, sorted.
    var reps: [String]
    var periods: [String]
    var causes: [String]
    /// The ledger's last entry when the reconciliation read its carried balances (`--ledger`);
    /// a close or reopen since makes the reconciliation stale.
    var ledgerHead: String? = nil
}

/// The stages the pages and the API run: the same library calls as `trueup reconcile`,
/// `correct`, `review` and `forecast`, with every error made one line naming the file.
enum Workflow {
    /// Reads the plan and roster and reconciles the workbook (with the CRM export when given),
    /// with `map` (`FIELD=HEADER` items) over the plan's column pins, and the draw balances
    /// `ledger` carries (as `reconcile --ledger` does).
    static func reconcile(_ files: InputFiles, map: [String] = [], ledger: String? = nil) throws(RequestProblem) -> (
        Plan, Reconciliation
    ) {
        try located(files) {
            let plan = try PlanFile.load(path: files.plan)
            let carried = try LedgerWorkflow.carried(ledger, plan: plan)
            let roster = try loadRoster(files, plan: plan)
            let pins: [String: String]
            do { pins = try PlanFile.pins(plan, map: map) } catch {
                throw RequestProblem(.badRequest, "mapping \(error)")
            }
            do {
                let result = try Reconciler.reconcile(
                    HandKeptWorkbook.read(TableFile.open(files.workbook), plan: plan, roster: roster, pins: pins),
                    plan: plan, roster: roster,
                    source: files.deals.map {
                        try DealsReader.read(
                            TableFile.open($0), pins: pins, statuses: StatusRule(plan), currency: plan.currency)
                    }, carried: carried)
                return (plan, result)
            } catch let error as EngineError {
                throw RequestProblem.unusable("\(files.workbook): \(error)")
            }
        }
    }

    /// The findings document `trueup reconcile --format json` prints for these files, without the
    /// findings at the `declined` positions.
    static func document(
        _ plan: Plan, _ result: Reconciliation, files: InputFiles, declined: Set<Int> = []
    ) throws -> FindingsDocument {
        let identity = try FindingsDocument.WorkbookIdentity(reading: files.workbook, name: files.names[files.workbook])
        var document = FindingsDocument(result, plan: plan, workbook: identity)
        document.findings = document.findings.indices.filter { !declined.contains($0) }.map { document.findings[$0] }
        return document
    }

    static func document(_ analysis: Analysis, files: InputFiles, declined: Set<Int>) throws -> FindingsDocument {
        try document(analysis.plan, analysis.reconciliation, files: files, declined: declined)
    }

    /// `reconcile`, then the formulas of the findings' cells and the values to filter by.
    static func analyse(_ files: InputFiles, map: [String] = [], ledger: String? = nil) throws(RequestProblem)
        -> Analysis
    {
        let head = try LedgerWorkflow.head(ledger)
        let (plan, result) = try reconcile(files, map: map, ledger: ledger)
        return try located(files) {
            var sheets: [(name: String, kind: String, state: String)] = []
            var formulas: [String: String] = [:]
            if case .workbook(let workbook) = try TableFile.open(files.workbook) {
                sheets = workbook.sheets.map { ($0.name, $0.kind.rawValue, $0.state.rawValue) }
                formulas = try CellFormulas.read(workbook, at: result.findings.map { ($0.sheet, $0.cell) })
            }
            let findings = result.findings
            return Analysis(
                plan: plan, reconciliation: result, formulas: formulas, sheets: sheets,
                reps: Set(findings.compactMap(\.rep)).sorted(),
                periods: Set(findings.compactMap(\.period)).sorted().map(\.description),
                causes: Set(findings.map(\.cause)).sorted().map(\.rawValue), ledgerHead: head)
        }
    }

    /// Writes the workbook corrected with `findings` only (those accepted) to `out`.
    static func writeCorrected(
        _ input: CorrectionInput, workbook: String, to out: String, files: InputFiles
    ) throws(RequestProblem) -> CorrectedWorkbook.Outcome {
        try located(files) {
            let file = try AtomicOutputFile(path: out, inputs: [workbook])
            let outcome = try CorrectedWorkbook.write(source: workbook, input: input, to: file.handle)
            try file.commit()
            return outcome
        }
    }

    /// Writes the payroll file (`trueup reconcile --payroll`) of `statement` to `out`.
    static func writePayroll(_ statement: Statement, to out: String) throws(RequestProblem) {
        try located(InputFiles(workbook: "", plan: "")) {
            let file = try AtomicOutputFile(path: out, inputs: [])
            PayrollExport.writeCSV(PayrollExport.lines(statement), byteOrderMark: false) { file.write($0) }
            try file.commit()
        }
    }

    /// The review of the workbook's deals (`trueup review --deals WORKBOOK`).
    static func review(_ files: InputFiles, map: [String] = []) throws(RequestProblem) -> Review {
        try located(files) {
            let (plan, deals, roster) = try readDeals(files, map: map)
            let statement = try calculate(plan, roster, deals)
            return Review(
                statement: statement, plan: plan, roster: roster, lines: deals.lines,
                threshold: plan.commission.gate ?? Decimal(string: "0.5")!)
        }
    }

    /// The forecast of the pipeline over the workbook's deals (`trueup forecast`).
    static func forecast(_ files: InputFiles, map: [String] = []) throws(RequestProblem) -> Forecast {
        guard let pipeline = files.pipeline else { throw RequestProblem(.badRequest, "no pipeline file was given") }
        return try located(files) {
            let (plan, deals, roster) = try readDeals(files, map: map)
            let rules = plan.forecast
            let open = try PipelineReader.read(TableFile.open(pipeline), pins: try PlanFile.pins(plan, map: map)) {
                rules.probability(ofStage: $0)
            }
            do {
                return try Forecast.project(plan: plan, roster: roster, closed: deals.lines, pipeline: open)
            } catch let error as ForecastError {
                throw RequestProblem.unusable("\(error.inPipeline ? pipeline : files.workbook): \(error.description)")
            }
        }
    }

    private static func loadRoster(_ files: InputFiles, plan: Plan) throws -> [RosterEntry] {
        try files.roster.map {
            try RosterReader.read(TableFile.open($0), objectives: plan.objectives.map(\.name), period: plan.period)
        } ?? []
    }

    private static func readDeals(_ files: InputFiles, map: [String]) throws -> (Plan, DealsTable, [RosterEntry]) {
        let plan = try PlanFile.load(path: files.plan)
        let deals = try DealsReader.read(
            TableFile.open(files.workbook), pins: try PlanFile.pins(plan, map: map), statuses: StatusRule(plan),
            currency: plan.currency)
        return (plan, deals, try loadRoster(files, plan: plan))
    }

    private static func calculate(_ plan: Plan, _ roster: [RosterEntry], _ deals: DealsTable) throws -> Statement {
        do {
            var statement = try CommissionEngine.calculate(plan: plan, roster: roster, lines: deals.lines)
            statement.issues += deals.unpaid.map(\.issue)
            return statement
        } catch {
            let place = deals.sheet.map { "\(deals.file) › \(Location.quotedSheetName($0))" } ?? deals.file
            throw RequestProblem.unusable("\(place): \(error.description)")
        }
    }

    /// Runs `body`, turning whatever it throws into one line with the owner's file names.
    static func located<T>(_ files: InputFiles, _ body: () throws -> T) throws(RequestProblem) -> T {
        do {
            return try body()
        } catch let problem as RequestProblem {
            throw RequestProblem(problem.status, files.clean(problem.description))
        } catch let error as CustomStringConvertible {
            throw RequestProblem.unusable(files.clean(error.description))
        } catch {
            throw RequestProblem.unusable(files.clean(String(describing: error)))
        }
    }
}

/// The formulas of a few cells of a workbook, read in one pass over the sheets that hold them.
enum CellFormulas {
    static func read(_ workbook: XLSXWorkbook, at cells: [(sheet: String, cell: CellAddress)]) throws -> [String:
        String]
    {
        var wanted: [String: Set<CellAddress>] = [:]
        for (sheet, cell) in cells { wanted[sheet, default: []].insert(cell) }
        var formulas: [String: String] = [:]
        for (name, addresses) in wanted {
            guard let sheet = workbook.sheet(named: name) else { continue }
            let rows = Set(addresses.map(\.row))
            _ = try workbook.readRows(of: sheet) { row in
                guard rows.contains(row.index) else { return }
                for cell in row.cells {
                    let address = CellAddress(row: row.index, column: cell.column)
                    if let formula = cell.formula, addresses.contains(address) {
                        formulas["\(name)!\(address)"] = formula
                    }
                }
            }
        }
        return formulas
    }
}
