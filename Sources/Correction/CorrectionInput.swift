import Commission
import Foundation
import Reconciliation
import Reports
import Spreadsheet

/// What a correction applies: the findings, and the per rep-period figures the added Summary and
/// Payroll sheets show. Made from a reconciliation in the same run, or read back from the JSON
/// `trueup reconcile --format json` printed (see `init(document:file:)`), so a reviewed set of
/// findings can be applied later without holding the deals in memory.
public struct CorrectionInput: Sendable {
    public var findings: [Finding]
    public var repPeriods: [RepPeriodFigures]
    public var currency: String
    /// What a summary sheet paid, by rep (roster id) and period (see `Reconciliation.sheetTotals`).
    public var sheetTotals: [RepPeriod: SheetTotal]
    /// The workbook the findings are about, when they were read back from a document: a
    /// correction is applied to that file only.
    public var workbook: FindingsDocument.WorkbookIdentity?

    public init(
        findings: [Finding], repPeriods: [RepPeriodFigures], currency: String, sheetTotals: [RepPeriod: SheetTotal],
        workbook: FindingsDocument.WorkbookIdentity? = nil
    ) {
        self.findings = findings
        self.repPeriods = repPeriods
        self.currency = currency
        self.sheetTotals = sheetTotals
        self.workbook = workbook
    }

    public init(_ reconciliation: Reconciliation) {
        self.init(
            findings: reconciliation.findings,
            repPeriods: reconciliation.statement.reps.map {
                RepPeriodFigures(
                    rep: $0.rep, name: $0.name ?? "", period: $0.period, earned: $0.earned, payable: $0.payable,
                    declined: 0)
            }, currency: reconciliation.statement.currency, sheetTotals: reconciliation.sheetTotals)
    }

    /// The findings a reviewer kept from `document` (read from `file`). A row-level correction
    /// declined (removed from the document) leaves the workbook paying its own figure, so that
    /// rep-period's Summary and Payroll figures move by the declined difference.
    public init(document: FindingsDocument, file: String) throws {
        let findings = try document.domainFindings(file: file)
        try Self.refuseTwoCorrectionsOfOneCell(findings, file: file)
        var kept: [RepPeriod: Decimal] = [:]
        for finding in findings
        where finding.isError && finding.isRowPayDifference {
            guard let rep = finding.rep, let period = finding.period else { continue }
            kept[RepPeriod(rep: rep, period: period), default: 0] += finding.difference
            // A wrong rep's row: the reps owed the deal have their part of the document's difference.
            for share in finding.owedElsewhere {
                guard let period = share.period else { continue }
                kept[RepPeriod(rep: share.rep, period: period), default: 0] -= share.amount
            }
        }
        var figures: [RepPeriodFigures] = []
        for (index, record) in document.reps.enumerated() {
            let period = try document.period(record.period, file: file, what: "rep-period \(index + 1)")
            let key = RepPeriod(rep: record.rep, period: period)
            figures.append(
                RepPeriodFigures(
                    rep: record.rep, name: record.name ?? "", period: period, earned: record.earned.value,
                    payable: record.payable.value, declined: record.difference.value - (kept[key] ?? 0)))
        }
        var totals: [RepPeriod: SheetTotal] = [:]
        for (index, record) in document.sheetTotals.enumerated() {
            let period = try document.period(record.period, file: file, what: "sheet total \(index + 1)")
            totals[RepPeriod(rep: record.rep, period: period)] = SheetTotal(
                manual: record.manual.value, expected: record.expected.value)
        }
        self.init(
            findings: findings, repPeriods: figures, currency: document.currency, sheetTotals: totals,
            workbook: document.workbook)
    }

    /// Refuses two findings that would both write one cell, naming both (1-based, in the
    /// document's order): which one the cell should take is the reviewer's to say, and taking the
    /// first would leave the other listed as made. `reconcile` never writes two: a row the trusted
    /// source says earns nothing replaces that row's own comparison (`SourceFindings.add`), and a
    /// total is a cell of its own. Findings only reported (an input, a cell that could not be
    /// read) write nothing, and may share a cell with one that does.
    static func refuseTwoCorrectionsOfOneCell(_ findings: [Finding], file: String) throws {
        var first: [CellPlace: Int] = [:]
        for (index, finding) in findings.enumerated() where Corrections.writes(finding) {
            let place = CellPlace(sheet: finding.sheet, cell: finding.cell)
            if let earlier = first[place] {
                throw SpreadsheetError(
                    Location(file: file),
                    "findings \(earlier + 1) and \(index + 1) both correct \(place) (to \(findings[earlier].expected.moneyText) and \(finding.expected.moneyText)); a cell takes one correction: remove one of them"
                )
            }
            first[place] = index
        }
    }

    /// What payroll pays each rep-period once the corrections are applied: the engine's payable,
    /// moved by any correction the reviewer declined.
    var payroll: [PayrollLine] {
        repPeriods.map {
            PayrollLine(
                rep: $0.rep, name: $0.name, period: $0.period, payable: $0.payable + $0.declined, currency: currency)
        }
    }
}

/// One rep's figures for one period, as the engine computed them.
public struct RepPeriodFigures: Sendable, Hashable {
    public var rep: String
    public var name: String
    public var period: Period
    public var earned: Decimal
    public var payable: Decimal
    /// Σ (manual − expected) of the row-level corrections declined in this rep-period: what the
    /// corrected workbook still pays beyond the engine.
    public var declined: Decimal

    public init(rep: String, name: String, period: Period, earned: Decimal, payable: Decimal, declined: Decimal) {
        self.rep = rep
        self.name = name
        self.period = period
        self.earned = earned
        self.payable = payable
        self.declined = declined
    }
}
