import Foundation
import Ingest
import Spreadsheet

extension ExtraColumn {
    /// Headers of grouping columns a rate may follow that no plan field reads (compared ignoring
    /// case, spaces and punctuation).
    static let groupingHeaders: Set<String> = [
        "region", "territory", "country", "segment", "market", "area", "zone", "geo", "geography", "channel",
        "salesregion", "businessunit", "division",
    ]

    private struct HeaderRead: Error {}

    /// The deals sheet's grouping columns (see `groupingHeaders`) left unmapped, each with every
    /// row's text. Reads the sheet a second time only when its header row names one.
    static func read(_ file: TableFile, sheet: String?, headerRow: Int, mapped: Set<Int>) throws -> [ExtraColumn] {
        var wanted: [Int: String] = [:]
        do {
            try file.forEachRow(of: sheet) { row, _ in
                guard row.index >= headerRow else { return }
                for cell in row.cells where !mapped.contains(cell.column) {
                    guard case .text(let text) = cell.value else { continue }
                    let key = String(text.lowercased().unicodeScalars.filter(CharacterSet.alphanumerics.contains))
                    if groupingHeaders.contains(key) { wanted[cell.column] = text }
                }
                throw HeaderRead()
            }
        } catch is HeaderRead {}
        guard !wanted.isEmpty else { return [] }
        var values: [Int: [Int: String]] = [:]
        try file.forEachRow(of: sheet) { row, _ in
            guard row.index > headerRow else { return }
            for cell in row.cells where wanted[cell.column] != nil {
                if case .text(let text) = cell.value { values[cell.column, default: [:]][row.index] = text }
            }
        }
        return wanted.keys.sorted().map { ExtraColumn(header: wanted[$0]!, values: values[$0] ?? [:]) }
    }
}
