import Foundation
import Reconciliation
import Spreadsheet

/// The reconciliation for people: a headline, the mapping, then findings ranked by money.
public struct ReconciliationText: Sendable {
    public let result: Reconciliation
    public let currency: String
    /// The terminal's width, when the output goes to one: the findings table wraps to fit it.
    public var width: Int?

    public init(result: Reconciliation, currency: String, width: Int? = nil) {
        self.result = result
        self.currency = currency
        self.width = width
    }

    public func render() -> String {
        let errors = result.errors
        var out =
            errors.isEmpty
            ? "No errors: every figure matches the plan within its tolerance.\n"
            : "\(errors.count) wrong cell\(errors.count == 1 ? "" : "s"); net \(result.netOverpayment >= 0 ? "overpayment" : "underpayment") "
                + "\(abs(result.netOverpayment).groupedMoneyText)\(currency.isEmpty ? "" : " " + currency)\n"
        var byRep: [String: Decimal] = [:]
        for finding in errors where !finding.isDerived && finding.isPay && finding.rep != nil {
            byRep[finding.rep!, default: 0] += finding.difference
        }
        for rep in byRep.keys.sorted() { out += "  \(rep): \(byRep[rep]!.groupedMoneyText)\n" }
        out += result.mappingNotes.map { "  " + $0 + "\n" }.joined()
        guard !result.findings.isEmpty else { return out }
        out += "\n"
        let rows = result.findings.map { finding in
            [
                "\(Location.quotedSheetName(finding.sheet))!\(finding.cell)",
                finding.manualText ?? finding.manual?.groupedMoneyText ?? "",
                finding.expected.groupedMoneyText, finding.difference.groupedMoneyText,
                finding.cause.rawValue + (finding.isDerived ? " (total)" : ""), finding.explanation,
            ]
        }
        out += TextTable(
            header: ["Cell", "Manual", "Expected", "Difference", "Cause", "Why"], rows: rows, rightAligned: [1, 2, 3]
        ).render(width: width)
        return out
    }
}
