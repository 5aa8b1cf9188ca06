import Foundation
import Primitives

/// A rate table made concrete for one rep and quota: money thresholds, rates and the words for each band.
///
/// A band covers `[threshold_i, threshold_{i+1})`; a credit exactly at a threshold is in the upper
/// band, and the first band also covers everything below its threshold (credit notes).
package struct PricedBands {
    let thresholds: [Decimal]
    package let rates: [Decimal]
    /// What follows a part's credit in the words for each band (` at 8% (50–100% of quota)`),
    /// made once.
    private let bandWords: [String]

    package init(_ table: TierTable, quota: Decimal?) {
        thresholds = table.bands.map { table.metric == .attainment ? $0.from * (quota ?? 0) : $0.from }
        rates = table.bands.map(\.rate)
        let labels = table.bands.indices.map { i in
            let bands = table.bands
            let isLast = i == bands.count - 1
            switch table.metric {
            case .attainment:
                let from = bands[i].from.percentText.dropLast()
                return isLast ? "\(from)%+" : "\(from)–\(bands[i + 1].from.percentText) of quota"
            case .amount:
                let from = bands[i].from.groupedMoneyText
                return isLast ? "\(from)+" : "\(from)–\(bands[i + 1].from.groupedMoneyText)"
            }
        }
        bandWords = zip(rates, labels).map { rate, label in " at \(rate.percentText) (\(label))" }
    }

    /// The index of the band containing `credit`.
    package func band(containing credit: Decimal) -> Int {
        var index = 0
        while index + 1 < thresholds.count && !Decimal.less(credit, thresholds[index + 1]) { index += 1 }
        return index
    }

    /// One band's share of a marginal computation.
    struct Part {
        let band: Int
        let credit: Decimal
        var amount: Decimal
    }

    /// Pays `[from, to)` marginally: each part at its own band's rate. Reversed when `to < from`.
    /// Walks only the bands the interval touches; the arithmetic is on integers when it fits.
    /// The parts go into `parts` (emptied first), so that a caller pricing many lines reuses one
    /// buffer.
    func marginal(from: Decimal, to: Decimal, into parts: inout [Part]) {
        parts.removeAll(keepingCapacity: true)
        if Decimal.less(to, from) {
            marginal(from: to, to: from, into: &parts)
            for index in parts.indices {
                parts[index] = Part(band: parts[index].band, credit: -parts[index].credit, amount: -parts[index].amount)
            }
            return
        }
        var band = self.band(containing: from)
        var lower = from
        while true {
            let isLast = band + 1 >= thresholds.count
            let upper = isLast || !Decimal.less(thresholds[band + 1], to) ? to : thresholds[band + 1]
            if Decimal.less(lower, upper) || parts.isEmpty {
                let width = Decimal.difference(upper, lower)
                parts.append(Part(band: band, credit: width, amount: Decimal.product(width, rates[band])))
            }
            if Decimal.same(upper, to) { return }
            lower = upper
            band += 1
        }
    }

    /// Words for a set of parts: `40,000.00 at 8% (50–100% of quota) + 10,000.00 at 12% (100%+)`.
    /// Written in `scratch` (emptied first; one buffer serves a run's lines) and made a string
    /// once: every explained line has these words.
    func describe(_ parts: [Part], in scratch: inout TextBuffer) -> String {
        scratch.removeAll()
        for (index, part) in parts.enumerated() {
            if index > 0 { scratch.append(literal: " + ") }
            scratch.append(groupedMoney: part.credit)
            scratch.append(utf8: bandWords[part.band])
        }
        return scratch.string
    }
}
