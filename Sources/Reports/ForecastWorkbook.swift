import Commission
import Forecast
import Foundation
import Spreadsheet
import XLSX

/// The forecast as a workbook finance opens: a sheet per period (each rep's quota, closed
/// credit, open deals and pipeline, then credit, attainment and commission for the committed,
/// expected and best-case projections, a data bar on expected attainment), a Teams sheet (each
/// team and the organisation per period) and, when targets were given, a Targets sheet.
public enum ForecastWorkbook {
    static let projections: [Forecast.Scenario] = [.committed, .expected, .bestCase]

    static func title(_ scenario: Forecast.Scenario) -> String {
        switch scenario {
        case .closed: "Closed"
        case .committed: "Committed"
        case .expected: "Expected"
        case .bestCase: "Best case"
        }
    }

    /// Headers after the leading ones: closed credit, open deals, pipeline, then per projection.
    static var figureHeaders: [String] {
        ["Closed credit", "Open deals", "Pipeline", "Weighted pipeline"]
            + projections.flatMap { scenario in
                ["credit", "attainment", "commission"].map { "\(title(scenario)) \($0)" }
            }
    }

    /// Quota, closed credit, the open deals, then credit, attainment and commission per projection.
    static func figureCells(_ figures: some ForecastFigures) -> [WriteCell] {
        [
            figures.quota.map { .number($0, style: .money) } ?? .empty,
            .number(figures.outcome(.closed).credit, style: .money), .number(Decimal(figures.openDeals)),
            .number(figures.pipeline, style: .money), .number(figures.weightedPipeline, style: .money),
        ]
            + projections.flatMap { scenario -> [WriteCell] in
                let outcome = figures.outcome(scenario)
                return [
                    .number(outcome.credit, style: .money),
                    outcome.attainment.map { .number($0.ratioRounded, style: .percent) } ?? .empty,
                    .number(outcome.earned, style: .money),
                ]
            }
    }

    public static func write(_ forecast: Forecast, to writer: WorkbookWriter) throws {
        // Columns: Rep, Name, Team, Quota, then the figures; expected attainment is the data bar.
        let expectedAttainment = 4 + 1 + figureHeaders.firstIndex(of: "Expected attainment")!
        var widths: [Int: Double] = [1: 10, 2: 22, 3: 14]
        for column in 4...(3 + 1 + figureHeaders.count) { widths[column] = 15 }
        for period in forecast.periods {
            try writer.beginSheet(
                period.description,
                layout: SheetLayout(
                    columnWidths: widths, frozenRows: 1, autoFilter: true,
                    conditionalFormats: [.dataBar(column: expectedAttainment)], printLandscapeFitToWidth: true))
            try writer.writeRow((["Rep", "Name", "Team", "Quota"] + figureHeaders).map { .text($0, style: .header) })
            for rep in forecast.reps where rep.period == period {
                try writer.writeRow(
                    [.text(rep.rep), .text(rep.name ?? ""), .text(rep.team ?? "")]
                        + figureCells(rep))
            }
            try writer.endSheet()
        }
        let taken = forecast.periods.map(\.description)
        try writer.beginSheet(
            WorkbookWriter.availableName("Teams", existing: taken),
            layout: SheetLayout(
                columnWidths: widths, frozenRows: 1, autoFilter: true,
                conditionalFormats: [.dataBar(column: expectedAttainment)], printLandscapeFitToWidth: true))
        try writer.writeRow((["Period", "Team", "Reps", "Quota"] + figureHeaders).map { .text($0, style: .header) })
        for period in forecast.periods {
            let groups =
                forecast.teams.filter { $0.period == period } + forecast.organisation.filter { $0.period == period }
            for group in groups {
                try writer.writeRow(
                    [
                        .text(period.description),
                        group.team.map { .text($0) } ?? .text("All teams", style: CellStyle(bold: true)),
                        .number(Decimal(group.repCount)),
                    ]
                        + figureCells(group))
            }
        }
        try writer.endSheet()
        guard !forecast.targets.isEmpty else { return }
        try writer.beginSheet(
            WorkbookWriter.availableName("Targets", existing: taken + ["Teams"]),
            layout: SheetLayout(
                columnWidths: [1: 18, 2: 10, 3: 15, 4: 15, 5: 15, 6: 15, 7: 15, 8: 12], frozenRows: 1,
                autoFilter: true))
        let headers = ["Team", "Period", "Target", "Committed", "Expected", "Best case", "Gap", "Expected ÷ target"]
        try writer.writeRow(headers.map { .text($0, style: .header) })
        for target in forecast.targets {
            try writer.writeRow([
                .text(target.team ?? "All teams"), .text(target.period.description),
                .number(target.target, style: .money), .number(target.committed, style: .money),
                .number(target.expected, style: .money), .number(target.bestCase, style: .money),
                .number(target.gap, style: .money),
                target.attainment.map { .number($0.ratioRounded, style: .percent) } ?? .empty,
            ])
        }
        try writer.endSheet()
    }
}
