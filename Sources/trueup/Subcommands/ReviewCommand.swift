import ArgumentParser
import Commission
import Foundation
import Ledger
import Reports
import Review
import Spreadsheet
import XLSX

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review each rep's and team's attainment against quota and personal objectives, period by period.",
        discussion: """
            Runs the engine on the deals, then reports per period and rep: quota, credit, attainment, \
            commission earned, rank and change from the previous period; the same per team and for the \
            whole organisation; and each personal objective of the plan's objectives: (targets from the \
            plan, or from roster columns named after them). Reps below --threshold and at or above 100% \
            are called out. --out writes a workbook (a sheet per period with data bars, Teams, Trend); \
            --html a self-contained page with a chart per rep.
            """)

    @OptionGroup var inputs: CalculationInputs

    @Option(help: "Output format: text, json or csv.")
    var format: StatementFormat = .text

    @Option(
        help: ArgumentHelp(
            "Call out reps below this attainment, e.g. 50% (default: the plan's gate, else 50%).", valueName: "percent")
    )
    var threshold: String?

    @Option(
        help: ArgumentHelp(
            "Show only this period, e.g. 2026-Q3 (changes are still from the period before).", valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("Also write the review as a workbook.", valueName: "review.xlsx"))
    var out: String?

    @Option(help: ArgumentHelp("Also write the review as one self-contained HTML page.", valueName: "review.html"))
    var html: String?

    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let workbook = try WorkbookOutput(out, holding: "review")
        if let html, !(html.lowercased().hasSuffix(".html") || html.lowercased().hasSuffix(".htm")) {
            throw UsageError("--html \(html): the review page must end in .html")
        }
        let run = try inputs.load()
        let againstLedger = try ledger.open(plan: run.plan)
        let statement = try run.calculate(carried: againstLedger?.carried ?? .none)
        let trueUp = try LedgerOption.trueUp(againstLedger, statement, planPath: inputs.plan)
        var review = Review(
            statement: statement, plan: run.plan, roster: run.roster, lines: run.deals.lines,
            threshold: try thresholdValue(run.plan))
        if let period {
            try PeriodOption.check(period, in: review.periods, of: "the review")
            review.keepOnly(period: period)
        }
        try workbook?.write(inputs: inputs.files) { try ReviewWorkbook.write(review, to: $0) }
        if let html {
            let file = try AtomicOutputFile(path: html, inputs: inputs.files + (out.map { [$0] } ?? []))
            file.write(Array(ReviewPage(review: review).html.utf8))
            try file.commit()
            FileHandle.standardError.write(Data("trueup: wrote \(html)\n".utf8))
        }
        switch format {
        case .json:
            let document = ExtendedDocument(ReviewDocument(review), adding: trueUp.map(AdjustmentsMember.init))
            print(try OrderedJSONEncoder().encode(document), terminator: "")
        case .csv: print(ReviewText(review: review).csv, terminator: "")
        case .text:
            TerminalText.printReport { ReviewText(review: review, width: $0).render() }
            print(TrueUpText.render(trueUp), terminator: "")
        }
        try run.reportSkipped()
    }

    private func thresholdValue(_ plan: Plan) throws -> Decimal {
        guard let threshold else { return plan.commission.gate ?? Decimal(string: "0.5")! }
        return try Percentages.parse(threshold, option: "--threshold")
    }
}
