import Commission
import Foundation
import Spreadsheet

/// A row of the deals sheet that the plan does not pay and that lacks what only a paid line needs:
/// an open opportunity (`Open`, `Pipeline`, `Negotiation`, in whatever words) with no close date
/// or no amount yet, under a plan whose `eligible:` list leaves its status out. Such a line earns
/// nothing and counts toward nothing (plan-format.md §3, step 2), so the date it lacks decides
/// nothing: the row is read as one the plan does not pay, neither a credit line nor unreadable.
/// A row the plan would pay that lacks its date stays unreadable.
public struct UnpaidRow: Sendable, Hashable {
    /// The row in its sheet (keyed by the sheet as lines are: `DealsTable.rowKey`).
    public var row: Int
    public var dealID: String
    public var rep: String
    public var status: String

    /// The row as one the plan does not pay, when it is one: its status, a word, earns nothing
    /// under `statuses` (a plan with an `eligible:` list; a clawback status earns), the only fields
    /// it failed are the close date and the amount, and its commission cell pays nothing (empty, a
    /// zero, a dash for zero or words without a digit such as `N/A`). A sheet that pays such a row
    /// something leaves it unreadable: without a date it has no period to be checked in. A figure
    /// in the status column (a rep's figures by period kept under the deals of the rep's tab) is
    /// no status: its row is not left out as an open deal.
    static func recognized(
        row: Int, dealID: String?, rep: String?, status: CellValue, failed: [Field], commission: Cell?,
        statuses: StatusRule?
    ) -> UnpaidRow? {
        guard let statuses, let dealID, let rep, let status = ValueReading.text(status),
            status.contains(where: \.isLetter), !statuses.isEligible(status.normalizedKey), !failed.isEmpty,
            failed.allSatisfy({ $0 == .date || $0 == .amount }), paysNothing(commission?.value ?? .empty)
        else { return nil }
        return UnpaidRow(row: row, dealID: dealID, rep: rep, status: status)
    }

    /// Whether a commission cell pays nothing: empty, zero, a dash for zero, or words without a
    /// digit (`N/A`, `none`, `open - no comm`).
    static func paysNothing(_ value: CellValue) -> Bool {
        switch value {
        case .empty: return true
        case .number(let number): return number == 0
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || ValueReading.isZeroDash(trimmed)
                || (trimmed.contains { $0.isLetter } && !trimmed.contains { $0.isNumber })
        default: return false
        }
    }
}

extension UnpaidRow {
    /// The row as `calculate` reports it: `not_eligible`, as the engine reports a line whose status
    /// earns nothing, saying the row has no close date or amount to read.
    public var issue: StatementIssue {
        StatementIssue(
            code: .notEligible, rows: [row], dealID: dealID, rep: rep,
            message:
                "status '\(status)' is not eligible: the row earns nothing (read without its close date or amount)",
            details: [("status", status)])
    }
}
