import Commission
import Foundation
import Spreadsheet

/// A deal's commission written a second time in another period's column of its row (`Jan comm`
/// 500.00, `Mar comm` 500.00 beside it: `PeriodCommissionColumns`): the deal paid twice. It is
/// no credit line nor its figure (that is the row's own cell); the reconciler reports it at its
/// cell (docs/layouts.md, "A commission column per month").
public struct PaidAgainCell: Sendable, Hashable {
    /// The row in its sheet (keyed by the sheet as lines are: `DealsTable.rowKey`).
    public var row: Int
    public var dealID: String
    public var rep: String
    /// The cell paying the deal again, and the figure it pays (above 0).
    public var cell: Cell
    public var amount: Decimal
    /// The column of the row's own figure (its close period's, or the first written), when it has one.
    public var paidIn: Int?
    /// The first days of the first and last months of the period heading the cell's column (`Mar
    /// comm`: March; `Q2 Commission`: April to June), in the year its header names, else the
    /// deal's close year: the period it is paid in again, which a finding names.
    public var columnMonths: ClosedRange<LocalDate>?
}
