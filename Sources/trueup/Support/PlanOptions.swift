import ArgumentParser
import Commission
import Foundation
import Ingest
import PlanFile

/// `--plan` and `--roster`: the plan a command pays by and the reps it pays.
struct PlanOptions: ParsableArguments {
    @Option(help: "The plan file (YAML).")
    var plan: String

    @Option(help: "The roster: a CSV file or a workbook (default: the plan's reps:).")
    var roster: String?

    /// The plan and roster files; outputs may not be any of them.
    var files: [String] { [plan] + (roster.map { [$0] } ?? []) }

    func loadPlan() throws -> Plan {
        do { return try PlanFile.load(path: plan) } catch { throw UsageError(error.description) }
    }

    /// The roster file's reps, with targets for the plan's objectives; empty without `--roster`.
    /// A roster given beside the plan's own `reps:` replaces them, and standard error says so.
    func loadRoster(for plan: Plan) throws -> [RosterEntry] {
        guard let roster else { return [] }
        let entries = try RosterReader.read(
            TableFile.open(roster), objectives: plan.objectives.map(\.name), period: plan.period)
        if !plan.reps.isEmpty && !entries.isEmpty {
            FileHandle.standardError.write(
                Data(
                    "trueup: warning: --roster \(TerminalText.escaped(roster)) replaces the plan's reps: (\(plan.reps.count) listed in \(TerminalText.escaped(self.plan)), not read)\n"
                        .utf8))
        }
        return entries
    }
}

/// `--sheet`, `--map` and `--date-order`: which sheets of a workbook hold the deals, which header is
/// which field, and how dates such as 03/04/2026 read.
struct DealsSheetOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The deals sheets: names separated by commas, each may hold * and ? (default: a deals file's first sheet whose header names the deals' columns, or all its tabs per rep or period; every deals sheet of a hand-kept workbook).",
            valueName: "names"))
    var sheet: String?

    @Option(
        help: ArgumentHelp(
            "Pin a column: FIELD=HEADER (repeatable), e.g. amount=\"Net ACV\".", valueName: "field=header"))
    var map: [String] = []

    @Option(help: "How text dates such as 03/04/2026 read when their column does not tell: day-first or month-first.")
    var dateOrder: DateOrder?

    /// The plan's column pins (none without a plan), with `--map` on top.
    func pins(_ plan: Plan?) throws -> [String: String] {
        do { return try PlanFile.pins(plan, map: map) } catch { throw UsageError("--map \(error)") }
    }
}

extension DateOrder: ExpressibleByArgument {}
