import Commission
import Foundation
import Spreadsheet

/// A column a pipeline file can have.
public enum PipelineField: String, Sendable, Hashable, CaseIterable {
    case dealID = "deal_id", rep, date, amount, split, product, type, stage, probability

    public static let required: [PipelineField] = [.dealID, .rep, .date, .amount]

    public var synonyms: [String] {
        switch self {
        case .dealID: Field.dealID.synonyms
        case .rep: Field.rep.synonyms
        case .date:
            [
                "Expected Close", "Expected Close Date", "Close Date", "Forecast Close", "Est. Close Date",
                "Estimated Close Date", "Date",
            ]
        case .amount: Field.amount.synonyms + ["Expected Amount", "Pipeline Amount"]
        case .split: Field.split.synonyms
        case .product: Field.product.synonyms
        case .type: Field.type.synonyms
        case .stage: ["Stage", "Sales Stage", "Deal Stage", "Status", "Forecast Category"]
        case .probability: ["Probability", "Probability (%)", "Prob", "Win Probability", "Likelihood", "Close %"]
        }
    }
}

/// Reads open deals from a CSV file or a workbook: deal id, rep, expected close date, amount,
/// and a probability or a stage the plan's `forecast.stages` maps to one.
///
/// A forecast is only as good as every deal in it, so a row with a value that cannot be read,
/// or whose chance of closing is unknown, is refused with its cell, not skipped.
public enum PipelineReader {
    /// - Parameters:
    ///   - pins: the plan's column pins; those of the fields a pipeline shares with the deals
    ///     (deal id, rep, amount, split, product, type) apply to it too.
    ///   - stages: the probability of a stage, or nil when the plan does not map it.
    public static func read(
        _ file: TableFile, sheet: String? = nil, pins: [String: String] = [:], stages: (String) -> Decimal?
    ) throws -> [OpenDeal] {
        let tables = sheet.map { [$0] } ?? file.tables
        let shared: Set<String> = ["deal_id", "rep", "amount", "split", "product", "type"]
        let (table, mapping) = try HeaderSearch.find(
            in: file, tables: tables, keys: PipelineField.allCases, synonyms: \.synonyms,
            required: PipelineField.required, pins: pins.filter { shared.contains($0.key) })
        guard mapping.columns[.probability] != nil || mapping.columns[.stage] != nil else {
            throw SpreadsheetError(
                Location(file: file.path, sheet: table),
                "the pipeline has neither a Probability nor a Stage column; one of them says how likely each deal is")
        }
        var deals: [OpenDeal] = []
        try file.forEachRow(of: table) { row, place in
            guard row.index > mapping.headerRow, row.cells.contains(where: { !$0.value.isEmpty }) else { return }
            func value(_ field: PipelineField) -> CellValue {
                mapping.columns[field].flatMap { row.cell(at: $0)?.value } ?? .empty
            }
            func read<T>(_ field: PipelineField, _ reading: () throws(ValueReading.Failure) -> T?) throws -> T? {
                do throws(ValueReading.Failure) {
                    return try reading()
                } catch {
                    throw SpreadsheetError(place.location(column: mapping.columns[field]), error.message)
                }
            }
            func required<T>(_ field: PipelineField, _ found: T?) throws -> T {
                guard let found else {
                    throw SpreadsheetError(place.location(column: mapping.columns[field]), "no \(field.rawValue)")
                }
                return found
            }
            let stage = ValueReading.text(value(.stage))
            let given = try read(.probability) { () throws(ValueReading.Failure) in
                try probability(value(.probability))
            }
            guard let chance = given ?? stage.flatMap(stages) else {
                let column = mapping.columns[.probability] ?? mapping.columns[.stage]
                let reason =
                    stage.map {
                        "stage '\($0)' has no probability: give one in the plan's forecast: stages: or a Probability column"
                    } ?? "no probability and no stage"
                throw SpreadsheetError(place.location(column: column), reason)
            }
            deals.append(
                OpenDeal(
                    row: row.index, dealID: try required(.dealID, ValueReading.text(value(.dealID))),
                    rep: try required(.rep, ValueReading.text(value(.rep))),
                    expectedClose: try required(
                        .date, read(.date) { () throws(ValueReading.Failure) in try ValueReading.date(value(.date)) }),
                    amount: try required(
                        .amount,
                        read(.amount) { () throws(ValueReading.Failure) in
                            try ValueReading.money(value(.amount), style: .decimalPoint)
                        }),
                    split: try read(.split) { () throws(ValueReading.Failure) in
                        try ValueReading.fraction(value(.split), style: .decimalPoint)
                    } ?? 1, product: ValueReading.text(value(.product)), type: ValueReading.text(value(.type)),
                    stage: stage, probability: chance))
        }
        return deals
    }

    /// `60%`, `0.6`, or `60` (CRMs export "Probability (%)" as a whole number): a number above
    /// 1 is read as a percentage, so `1` is 100% and `0.5` is 50%.
    static func probability(_ value: CellValue) throws(ValueReading.Failure) -> Decimal? {
        if case .text(let text) = value, text.trimmedSpaces.hasSuffix("%") {
            return try ValueReading.fraction(value, style: .decimalPoint)
        }
        let number: Decimal?
        switch value {
        case .number(let n): number = n
        case .text: number = try ValueReading.money(value, style: .decimalPoint)
        case .empty: return nil
        default: throw .wrong("expected a probability such as 60%, 0.6 or 60, found \(ValueReading.describe(value))")
        }
        guard let number else { return nil }
        guard number >= 0 && number <= 100 else {
            throw .wrong("expected a probability from 0% to 100%, found \(ValueReading.describe(value))")
        }
        return number > 1 ? number / 100 : number
    }
}
