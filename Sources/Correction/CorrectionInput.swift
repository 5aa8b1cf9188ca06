import Commission
import Foundation
import Reconciliation
import Reports

/// What a correction applies: the findings, and the per rep-period figures the added Summary and
/// Payroll sheets show. Made from a reconciliation in the same run, or read back from the JSON
/// `trueup reconcile --format json` printed (see `init(json:)`), so a reviewed set of findings can
/// be applied later without holding the deals in memory.
public struct CorrectionInput: Sendable {
    public var findings: [Finding]
    public var repPeriods: [RepPeriodFigures]
    public var currency: String
    /// What a summary sheet paid, keyed `"rep|period"` (see `Reconciliation.sheetTotals`).
    public var sheetTotals: [String: SheetTotal]

    public init(
        findings: [Finding], repPeriods: [RepPeriodFigures], currency: String, sheetTotals: [String: SheetTotal]
    ) {
        self.findings = findings
        self.repPeriods = repPeriods
        self.currency = currency
        self.sheetTotals = sheetTotals
    }

    public init(_ reconciliation: Reconciliation) {
        self.init(
            findings: reconciliation.findings,
            repPeriods: reconciliation.statement.reps.map {
                RepPeriodFigures(
                    rep: $0.rep, name: $0.name ?? "", period: $0.period.description, earned: $0.earned,
                    payable: $0.payable)
            }, currency: reconciliation.statement.currency, sheetTotals: reconciliation.sheetTotals)
    }

    var payroll: [PayrollLine] {
        repPeriods.map {
            PayrollLine(rep: $0.rep, name: $0.name, period: $0.period, payable: $0.payable, currency: currency)
        }
    }
}

/// One rep's figures for one period, as the engine computed them.
public struct RepPeriodFigures: Sendable, Hashable {
    public var rep: String
    public var name: String
    public var period: String
    public var earned: Decimal
    public var payable: Decimal

    public init(rep: String, name: String, period: String, earned: Decimal, payable: Decimal) {
        self.rep = rep
        self.name = name
        self.period = period
        self.earned = earned
        self.payable = payable
    }
}
