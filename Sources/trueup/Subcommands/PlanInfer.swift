import ArgumentParser
import Commission
import Foundation
import Inference
import Ingest
import PlanFile
import Spreadsheet

extension PlanCommand {
    struct Infer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose the plan a hand-kept commission workbook follows, with the evidence for each clause.",
            discussion: """
                Reads the workbook's deals rows, their commission figures and formulas, and its \
                other sheets; fits the tier table, overrides, caps, bonuses, clawbacks, rounding \
                and period to them, checking each reading with the engine. Prints the plan (or \
                writes it with --out) and a fit report: rows and money the plan reproduces and the \
                rows it does not.
                """)

        @Argument(help: "The hand-kept workbook (XLSX) or CSV with a commission column.")
        var workbook: String

        @Option(help: "The roster: quotas for attainment tiers (a CSV file or a workbook).")
        var roster: String?

        @Option(help: "A trusted export of the same deals; rows it does not hold are left out of the fit.")
        var deals: String?

        @OptionGroup var dealsSheets: DealsSheetOptions

        @Option(
            help: ArgumentHelp("Write the proposed plan here (YAML) instead of printing it.", valueName: "plan.yaml"))
        var out: String?

        @Option(help: "Fit report format: text or json.")
        var format: OutputFormat = .text

        func run() throws {
            let inputs = [workbook] + (roster.map { [$0] } ?? []) + (deals.map { [$0] } ?? [])
            if let out, inputs.contains(where: { AtomicOutputFile.sameFile($0, out) }) {
                throw UsageError("--out \(out): is one of the inputs; refusing to overwrite it")
            }
            let entries = try roster.map { try RosterReader.read(TableFile.open($0)) } ?? []
            var evidence = try WorkbookEvidence.read(
                path: workbook, sheet: dealsSheets.sheet, pins: dealsSheets.pins(nil), roster: entries,
                dateOrder: dealsSheets.dateOrder)
            guard evidence.hasCommissionColumn else {
                throw UsageError("\(workbook): the deals sheet has no commission column to infer a plan from")
            }
            var dropped: [Int] = []
            if let deals {
                let trusted = try DealsReader.read(TableFile.open(deals), dateOrder: dealsSheets.dateOrder).lines
                let kept = evidence.keepingDeals(of: trusted)
                // An export that names reps another way (ids for names) matches almost nothing: say so, keep every row.
                if kept.dropped.count * 2 > evidence.observations.count {
                    FileHandle.standardError.write(
                        Data(
                            "trueup: warning: \(deals) matches only \(kept.evidence.observations.count) of \(evidence.observations.count) rows by deal id, rep and amount; every row is kept\n"
                                .utf8))
                } else {
                    (evidence, dropped) = kept
                }
            }
            var inferred = PlanInference.infer(evidence, roster: entries)
            if let deals, !dropped.isEmpty {
                inferred.notEstablished.append(
                    "left out of the fit: \(evidence.rowList(dropped)), not in \(deals) with the same deal id, rep and amount"
                )
            }
            // A plan whose tier table the workbook does not establish would pay 0%: refuse instead.
            if let refusal = inferred.refusal { throw UsageError("\(workbook): \(refusal)") }
            let yaml = inferred.yaml
            // The plan must load as any plan file does; a plan trueup itself could not read is a bug.
            do { _ = try PlanFile.parse(yaml, file: out ?? "proposed plan") } catch {
                throw UsageError("the proposed plan does not load: \(error.description)")
            }
            if let out {
                let file = try AtomicOutputFile(path: out, inputs: inputs)
                file.write(yaml)
                try file.commit()
                FileHandle.standardError.write(Data("trueup: wrote \(out)\n".utf8))
            }
            switch format {
            case .json: print(inferred.reportJSON, terminator: "")
            case .text:
                if out == nil { print(yaml) }
                print(inferred.reportText, terminator: "")
            }
        }
    }
}
