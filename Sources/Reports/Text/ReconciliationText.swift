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
        let figures = result.wrongFigures
        let derived = errors.count - figures.count
        let unknown = result.unknownDifferences
        let counted = result.headlineDifferences
        let net = result.netOverpayment(counting: counted)
        let unknownNote =
            unknown == 0 ? "" : ", leaving out \(unknown) cell\(unknown == 1 ? "" : "s") that could not be read"
        var out: String
        // A commission column that could not be read: its rows were compared with nothing.
        let unread = result.commissionsUnread.map {
            Reconciliation.commissionUnreadMessage(sheet: $0.sheet, headers: $0.headers)
        }
        if errors.isEmpty && !unread.isEmpty {
            out = "No errors in the totals compared, but " + unread.joined(separator: "; ") + ".\n"
        } else if errors.isEmpty && result.statement.reps.isEmpty && result.sheetTotals.isEmpty {
            // No rep-period at all: the table had no deal row under its header, so nothing was compared.
            out = "No errors, and nothing to compare: no deal row under the header.\n"
        } else if errors.isEmpty {
            out = "No errors: every figure matches the plan within its tolerance.\n"
        } else {
            out =
                "\(figures.count) wrong cell\(figures.count == 1 ? "" : "s")"
                + (derived > 0 ? " (and \(derived) total\(derived == 1 ? "" : "s") wrong only through them)" : "")
                + "; net \(net >= 0 ? "overpayment" : "underpayment") "
                + "\(abs(net).groupedMoneyText)\(currency.isEmpty ? "" : " " + currency)"
                + unknownNote + unread.map { "; " + $0 }.joined() + "\n"
        }
        var byRep: [String: Decimal] = [:]
        for (position, counted) in counted {
            guard let rep = result.findings[position].rep else { continue }
            byRep[rep, default: 0] += counted
        }
        for rep in byRep.keys.sorted() { out += "  \(rep): \(byRep[rep]!.groupedMoneyText)\n" }
        out += result.mappingNotes.map { "  " + $0 + "\n" }.joined()
        guard !result.findings.isEmpty else { return out }
        out += "\n"
        let rows = FindingGroups(result.findings).ordered.map { position, depth in
            let finding = result.findings[position]
            let place = "\(Location.quotedSheetName(finding.sheet))!\(finding.cell)"
            return [
                depth == 0 ? place : String(repeating: "  ", count: depth - 1) + "└ " + place,
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

/// The findings as the report lists them: each total followed by the wrong cells it adds up
/// (its precedents, indented one level deeper), each finding once, under the first total that
/// names it; the rest in their own order.
struct FindingGroups {
    /// Index in the findings and depth (0 for a finding under no total).
    let ordered: [(position: Int, depth: Int)]

    init(_ findings: [Finding]) {
        var byPlace: [CellPlace: Int] = [:]
        for (position, finding) in findings.enumerated() where finding.isError {
            let place = CellPlace(sheet: finding.sheet, cell: finding.cell)
            if byPlace[place] == nil { byPlace[place] = position }
        }
        var parent: [Int: Int] = [:]
        for (position, finding) in findings.enumerated() {
            for place in finding.precedents {
                if let child = byPlace[place], child != position, parent[child] == nil { parent[child] = position }
            }
        }
        var ordered: [(Int, Int)] = []
        var placed = Set<Int>()
        func place(_ position: Int, depth: Int) {
            guard placed.insert(position).inserted else { return }
            ordered.append((position, depth))
            for precedent in findings[position].precedents {
                if let child = byPlace[precedent], parent[child] == position { place(child, depth: depth + 1) }
            }
        }
        for position in findings.indices where parent[position] == nil { place(position, depth: 0) }
        // A cycle of totals naming each other has no top: list what is left at the top level.
        for position in findings.indices { place(position, depth: 0) }
        self.ordered = ordered
    }
}
