import Foundation
import Primitives
import Spreadsheet

/// Headers that may name a deal's shares or a rep's quota: the Italian `Quota` (a share) and the
/// English one (a target), a quota's word with a percent sign (`Quota %`, `% Cuota`), and the
/// share words of Italian, Spanish and Portuguese (`Percentuale`, `Porcentaje`, `Participação`).
/// Their figures tell which (`figures`): shares adding up to each deal's whole are the split,
/// money under a quota's word alone is the quota. A percent sign never heads money: `Quota %`
/// over anything but shares is an attainment (`% to quota`), which no field reads.
enum ShareHeaders {
    /// What a header's words may name.
    enum Reading {
        /// A quota's word alone (`Quota`, `Cuota`): the split or the quota.
        case quota
        /// A share word among others (`Percentuale di ripartizione`), or a quota's word with a
        /// percent sign (`Quota %`): the split or nothing.
        case share
    }

    /// What the figures of a column are.
    enum Figures {
        /// Shares: each deal's add up to its whole (1, or 100 in whole percents), for most deals.
        case shares
        /// Money: some figure above 100 or below 0.
        case money
        /// Neither: text, or fractions that do not add up to the deals' wholes.
        case other
        /// No figure at all.
        case none
    }

    /// Words for a quota that also mean a share (Italian, Spanish, Portuguese), folded.
    private static let quotaWords: Set<String> = ["quota", "cuota", "cota"]

    /// Words for a share or a percentage of one, folded.
    /// The French `Part` (a share; in English also a part number, whose figures are no shares)
    /// and `Répartition` among them.
    private static let shareWords: Set<String> = [
        "ripartizione", "percentuale", "reparto", "participacion", "porcentaje", "participacao", "porcentagem",
        "percentual", "part", "repartition",
    ]

    /// What `header` may name; nil when it names no share.
    static func reading(_ header: String) -> Reading? {
        let terms = LooseHeaders<String>.terms(header)
        if terms.contains(where: quotaWords.contains), terms.allSatisfy({ quotaWords.contains($0) || $0 == "%" }) {
            return terms.contains("%") ? .share : .quota
        }
        return terms.contains(where: shareWords.contains) ? .share : nil
    }

    /// The figures of `column` in `rows` (the first rows below a header), each row's deal read in
    /// `dealColumn`; rows without a deal, and total rows, are passed over. The deal of the last row
    /// may go on below the rows and is left out of the count, when there are others. Text is read
    /// in the style its column writes (`33,34 %` is a third: `NumberStyle.decide`).
    static func figures(_ rows: [Row], column: Int, dealColumn: Int) -> Figures {
        var read: [(deal: String, value: CellValue, number: Decimal)] = []
        let sample = rows.prefix(HeaderSearch.rowsSearched)
        let style = NumberStyle.decide(
            sample.compactMap { row in
                if case .text(let text)? = row.cell(at: column)?.value { return text }
                return nil
            }
        ).style
        for row in sample {
            guard let deal = row.cell(at: dealColumn)?.value, !deal.isBlank, TotalRow.label(of: deal) == nil,
                let value = row.cell(at: column)?.value, !value.isBlank
            else { continue }
            guard let number = ValueReading.percentage(value, style: style) else { return .other }
            if Decimal.less(100, number) || Decimal.less(number, 0) { return .money }
            read.append((deal.plainText.trimmingCharacters(in: .whitespaces), value, number))
        }
        guard !read.isEmpty else { return .none }
        let wholePercents = ValueReading.wholePercents(read.map(\.value), style: style)
        var sums: [String: Decimal] = [:]
        var deals: [String] = []
        for line in read {
            let written = line.value.isText && line.value.plainText.trimmingCharacters(in: .whitespaces).hasSuffix("%")
            if sums[line.deal] == nil { deals.append(line.deal) }
            sums[line.deal, default: 0] += wholePercents && !written ? line.number / 100 : line.number
        }
        let counted = deals.count > 1 ? deals.dropLast() : deals[...]
        let whole = counted.filter { deal in
            !Decimal.less(tolerance, ((sums[deal] ?? 0) - 1).magnitude)
        }
        return whole.count * 2 > counted.count ? .shares : .other
    }

    /// How far a deal's shares may fall from its whole (a third written `33.33`).
    private static let tolerance = Decimal(string: "0.001")!
}
