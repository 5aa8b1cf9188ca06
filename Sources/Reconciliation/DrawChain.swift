import Commission
import Foundation
import Spreadsheet

/// A summary's payable and balance under the plan's draw, as its rule (plan-format.md §3, step 10)
/// makes them of the figures the sheet itself shows: the period's earned figure and, under a
/// recoverable draw, the balance carried in from the rep's period before. A payable or balance
/// that is the rule applied to a wrong one of those is wrong through it, named for its cause.
enum DrawChain {
    /// A rep's balance at the end of `period` as the sheet shows it, or as the rule makes it of
    /// the earned figures the sheet shows, and the finding it is wrong through (its own, or a
    /// wrong earned figure's) while it differs from the plan's.
    struct Shown {
        var period: Period
        var figure: Decimal
        var finding: Finding?
    }

    /// The balance the engine carried into `total`'s period.
    static func carriedIn(of total: RepPeriodTotal) -> Decimal { total.balance - total.drawPaid + total.recovered }

    /// The payable and balance of earned figure `earned` under a recoverable draw, given the
    /// balance carried in.
    static func recoverable(earned: Decimal, carried: Decimal, draw: Decimal) -> (payable: Decimal, balance: Decimal) {
        if earned < draw { return (draw, carried + draw - earned) }
        let recovery = min(carried, earned - draw)
        return (earned - recovery, carried - recovery)
    }

    /// The wrong figure `manual` (the row's `field`, payable or balance) is the rule applied to:
    /// the row's earned cell (`earnedColumn`, among `sameRow`) when it is wrong, else, under a
    /// `recoverable` draw, the balance carried in (`carriedIn`, the sheet's figure for the period
    /// before) when that is. The balance carried in is the sheet's when it shows the period before,
    /// else the engine's (`total`'s). Nil when neither is wrong, or when the rule applied to the
    /// sheet's figures does not give `manual`. A draw that is not recoverable carries no balance.
    /// `isEarned`: the figure is the row's earned cell's (else the balance carried in).
    static func source(
        of manual: Decimal, field: SummaryField, sameRow: [Finding], earnedColumn: Int?, carriedIn: Shown?,
        total: RepPeriodTotal, recoverable: Bool, context: RowContext
    ) -> (finding: Finding, isEarned: Bool)? {
        let wrongEarned = earnedColumn.flatMap { column in
            sameRow.first { $0.cell.column == column && $0.isError }
        }
        if let wrongEarned, wrongEarned.manual == nil { return nil }
        let earned = wrongEarned?.manual ?? total.earned
        guard recoverable else {
            guard field == .payable, let wrongEarned else { return nil }
            return context.matchesTotal(manual, max(earned, total.draw)) ? (wrongEarned, true) : nil
        }
        let wrongCarried = carriedIn?.finding.flatMap { $0.isError ? $0 : nil }
        guard let source = wrongEarned ?? wrongCarried else { return nil }
        let carried = carriedIn?.figure ?? Self.carriedIn(of: total)
        let byRule = Self.recoverable(earned: earned, carried: carried, draw: total.draw)
        guard context.matchesTotal(manual, field == .payable ? byRule.payable : byRule.balance) else { return nil }
        return (source, wrongEarned != nil)
    }

    /// The balance the rep carries out of `period`: the sheet's own (`balance`, its finding among
    /// `sameRow`), else the rule applied to the earned figure the sheet shows (`earned`, read at
    /// its finding's value when wrong) and the balance carried in (`carriedIn`, else the engine's
    /// for the period, `total`'s). Wrong through the row's wrong earned figure, or through what the
    /// balance carried in was wrong through, while it differs from the engine's; nil when neither
    /// the sheet nor the engine gives a figure to start from.
    static func carriedOut(
        balance: Cell?, earned: Cell?, sameRow: [Finding], carriedIn: Shown?, period: Period,
        total: RepPeriodTotal?, context: RowContext
    ) -> Shown? {
        if let balance, let shown = Decimal.fromCell(balance.value).0 {
            return Shown(period: period, figure: shown, finding: sameRow.first { $0.cell.column == balance.column })
        }
        guard let total, let earned else { return nil }
        let wrongEarned = sameRow.first { $0.cell.column == earned.column && $0.isError }
        guard let shownEarned = wrongEarned.map({ $0.manual }) ?? Decimal.fromCell(earned.value).0 else { return nil }
        let carried = carriedIn?.figure ?? Self.carriedIn(of: total)
        let figure = recoverable(earned: shownEarned, carried: carried, draw: total.draw).balance
        let off = !context.matchesTotal(figure, total.balance)
        return Shown(period: period, figure: figure, finding: off ? wrongEarned ?? carriedIn?.finding : nil)
    }
}
