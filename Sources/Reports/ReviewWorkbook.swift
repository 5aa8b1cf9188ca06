import Commission
import Foundation
import Review
import Spreadsheet
import XLSX

/// The review as a workbook a manager opens: a sheet per period (reps by rank, a data bar on
/// attainment), a Teams sheet (each team and the whole organisation per period, with data
/// bars) and a Trend sheet (each rep's attainment per period, shaded red → amber → green).
public enum ReviewWorkbook {
    static let pointsStyle = CellStyle(numberFormat: "+0.0%;-0.0%;0.0%")
    static let countStyle = CellStyle(numberFormat: "0.##")

    public static func write(_ review: Review, to writer: WorkbookWriter) throws {
        for period in review.periods { try writePeriod(period, of: review, to: writer) }
        try writeTeams(review, to: writer)
        try writeTrend(review, to: writer)
    }

    private static func objectiveHeaders(_ review: Review) -> [String] {
        review.objectives.flatMap { [$0.name, $0.name + " target", $0.name + " %"] }
    }

    private static func objectiveCells(_ results: [ObjectiveResult]) -> [WriteCell] {
        results.flatMap { result -> [WriteCell] in
            let style: CellStyle = result.measure == .deals ? countStyle : .money
            let achieved = result.achieved.map {
                WriteCell.number(result.measure == .averageDeal ? $0.roundedToCents : $0, style: style)
            }
            return [
                achieved ?? .empty, result.target.map { .number($0, style: style) } ?? .empty,
                ratio(result.attainment),
            ]
        }
    }

    private static func ratio(_ value: Decimal?, style: CellStyle = .percent) -> WriteCell {
        value.map { .number($0.ratioRounded, style: style) } ?? .empty
    }

    private static func money(_ value: Decimal?) -> WriteCell { value.map { .number($0, style: .money) } ?? .empty }

    private static func widths(_ fixed: [Double], extra: Int) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (index, width) in fixed.enumerated() { result[index + 1] = width }
        for index in 0..<extra { result[fixed.count + index + 1] = 14 }
        return result
    }

    /// Begins sheet `name` with a header row of `columns` (each a title and its width), then one
    /// column per objective of `review`; a data bar on column `dataBar` (the attainment).
    private static func beginTable(
        _ name: String, of review: Review, to writer: WorkbookWriter, columns: [(String, Double)], dataBar: Int
    ) throws {
        let extra = objectiveHeaders(review)
        try writer.beginSheet(
            name,
            layout: SheetLayout(
                columnWidths: widths(columns.map(\.1), extra: extra.count), frozenRows: 1, autoFilter: true,
                conditionalFormats: [.dataBar(column: dataBar)], printLandscapeFitToWidth: true))
        try writer.writeRow((columns.map(\.0) + extra).map { .text($0, style: .header) })
    }

    private static func writePeriod(_ period: Period, of review: Review, to writer: WorkbookWriter) throws {
        try beginTable(
            period.description, of: review, to: writer,
            columns: [
                ("Rank", 6), ("Rep", 10), ("Name", 22), ("Team", 14), ("Quota", 14), ("Credit", 14),
                ("Attainment", 12), ("Change", 10), ("Year to date", 13), ("Earned", 14), ("Payable", 14),
                ("Standing", 18),
            ], dataBar: 7)
        for rep in review.reps(in: period) {
            try writer.writeRow(
                [
                    .number(Decimal(rep.rank)), .text(rep.rep), .text(rep.name ?? ""), .text(rep.team ?? ""),
                    money(rep.quota), .number(rep.credit, style: .money), ratio(rep.attainment),
                    ratio(rep.change?.attainment, style: pointsStyle), ratio(rep.yearToDate?.attainment),
                    .number(rep.earned, style: .money),
                    .number(rep.payable, style: .money), .text(rep.standing.map(standingText) ?? ""),
                ] + objectiveCells(rep.objectives))
        }
        try writer.endSheet()
    }

    private static func writeTeams(_ review: Review, to writer: WorkbookWriter) throws {
        try beginTable(
            WorkbookWriter.availableName("Teams", existing: review.periods.map(\.description)), of: review,
            to: writer,
            columns: [
                ("Period", 10), ("Team", 18), ("Reps", 6), ("Quota", 14), ("Credit", 14), ("Attainment", 12),
                ("Change", 10), ("Year to date", 13), ("Earned", 14), ("Payable", 14), ("Below", 8), ("≥ 100%", 8),
            ], dataBar: 6)
        for period in review.periods {
            let groups = review.teams(in: period) + review.organisation.filter { $0.period == period }
            for group in groups {
                let label: WriteCell =
                    group.team.map { .text($0) } ?? .text("All teams", style: CellStyle(bold: true))
                try writer.writeRow(
                    [
                        .text(period.description), label, .number(Decimal(group.repCount)), money(group.quota),
                        .number(group.credit, style: .money), ratio(group.attainment),
                        ratio(group.change?.attainment, style: pointsStyle), ratio(group.yearToDate?.attainment),
                        .number(group.earned, style: .money),
                        .number(group.payable, style: .money), .number(Decimal(group.below)),
                        .number(Decimal(group.achieved)),
                    ] + objectiveCells(group.objectives))
            }
        }
        try writer.endSheet()
    }

    private static func writeTrend(_ review: Review, to writer: WorkbookWriter) throws {
        let name = WorkbookWriter.availableName("Trend", existing: review.periods.map(\.description) + ["Teams"])
        let periodColumns = 4...(3 + max(review.periods.count, 1))
        var widths: [Int: Double] = [1: 10, 2: 22, 3: 14]
        for column in periodColumns { widths[column] = 11 }
        let scale = ConditionalFormat(
            columns: periodColumns,
            rule: .colorScale(
                stops: [review.threshold, 1, Decimal(string: "1.5")!], colors: ["F8696B", "FFEB84", "63BE7B"]))
        try writer.beginSheet(
            name,
            layout: SheetLayout(
                columnWidths: widths, frozenRows: 1, conditionalFormats: [scale], printLandscapeFitToWidth: true))
        try writer.writeRow(
            (["Rep", "Name", "Team"] + review.periods.map(\.description)).map { .text($0, style: .header) })
        var order: [String] = []
        var byRep: [String: [Period: RepReview]] = [:]
        for rep in review.reps {
            if byRep[rep.rep] == nil { order.append(rep.rep) }
            byRep[rep.rep, default: [:]][rep.period] = rep
        }
        for id in order.sorted() {
            let periods = byRep[id]!
            let any = periods.values.first!
            try writer.writeRow(
                [.text(id), .text(any.name ?? ""), .text(any.team ?? "")]
                    + review.periods.map { ratio(periods[$0]?.attainment) })
        }
        try writer.endSheet()
    }

    static func standingText(_ standing: Standing) -> String {
        switch standing {
        case .below: "Below threshold"
        case .onTrack: "On track"
        case .achieved: "At or above quota"
        }
    }
}
