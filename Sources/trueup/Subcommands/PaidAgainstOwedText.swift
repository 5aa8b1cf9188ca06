import Commission
import Foundation
import Ledger
import Reports
import Spreadsheet

/// Paid against owed as a section of the reconcile report: every rep of every closed period, then
/// each rep's sums, then the sums by how the periods were paid and the run's total.
enum PaidAgainstOwedText {
    static func render(_ report: PaidAgainstOwed?) -> String {
        guard let report else { return "" }
        let currency = report.currency.isEmpty ? "" : " " + report.currency
        var out = "\nPaid against owed, the closed periods of the ledger \(report.ledger)"
        guard !report.rows.isEmpty else {
            return out + ": none of this run's periods is closed.\n"
        }
        let periods = report.periods
        func named(_ paidBy: PaidAgainstOwed.PaidBy) -> String {
            periods.filter { $0.paidBy == paidBy }.map(\.period.description).joined(separator: ", ")
        }
        let hand = named(.hand)
        let trueup = named(.trueup)
        out +=
            " (paid by hand: \(hand.isEmpty ? "none" : hand); paid from trueup: \(trueup.isEmpty ? "none" : trueup)):\n"
        let rows = report.rows.map { row in
            [
                row.rep, row.name ?? "", row.period.description, row.paidBy == .hand ? "by hand" : "trueup",
                row.paid.groupedMoneyText, row.owed.groupedMoneyText, row.difference.groupedMoneyText,
            ]
        }
        out += TextTable(
            header: ["Rep", "Name", "Period", "Paid by", "Paid", "Owed", "Difference"], rows: rows,
            rightAligned: [4, 5, 6]
        ).render()
        out += "\nPer rep, all closed periods:\n"
        out += TextTable(
            header: ["Rep", "Name", "Paid", "Owed", "Difference"],
            rows: report.reps.map { rep in
                [
                    rep.rep, rep.name ?? "", rep.sum.paid.groupedMoneyText, rep.sum.owed.groupedMoneyText,
                    rep.sum.difference.groupedMoneyText,
                ]
            }, rightAligned: [2, 3, 4]
        ).render()
        out += "\n"
        if !hand.isEmpty { out += "Paid by hand: " + verdict(report.sum(paidBy: .hand), currency) + "\n" }
        if !trueup.isEmpty { out += "Paid from trueup: " + verdict(report.sum(paidBy: .trueup), currency) + "\n" }
        out += "Total: " + verdict(report.sum(), currency) + "\n"
        if !report.notClosed.isEmpty {
            out +=
                "Not closed in the ledger, not counted: \(report.notClosed.map(\.description).joined(separator: ", "))\n"
        }
        return out
    }

    /// `paid 1,000.00, owed 1,250.00: underpaid by 250.00 USD`.
    private static func verdict(_ sum: PaidAgainstOwed.Sum, _ currency: String) -> String {
        let figures = "paid \(sum.paid.groupedMoneyText), owed \(sum.owed.groupedMoneyText)"
        if sum.difference > 0 { return figures + ": underpaid by \(sum.difference.groupedMoneyText)\(currency)" }
        if sum.difference < 0 { return figures + ": overpaid by \((-sum.difference).groupedMoneyText)\(currency)" }
        return figures + ": paid exactly"
    }
}
