import Commission
import Foundation
import Ingest
import Spreadsheet

/// What a trusted source of deals (a CRM export given with `--deals`) decides of the lines the
/// engine prices (plan-format.md section 6): the workbook's rows are matched to the source's by
/// deal id and rep, and the source's figures are the deal's.
///
/// - A row matched to a source line (same deal, same rep) is priced on the source's amount: a
///   commission the sheet worked out on its own amount, another, is then a finding of the
///   commission cell, beside the `amount_mismatch` of the amount cell. The match compares the
///   deal, the rep and the amount alone, so the row keeps its own date, split, product, type and
///   status.
/// - A row whose deal the source credits to other reps (`wrong_rep`) is priced as the first of
///   the deal's source lines no row matches, on its rep and amount: the rep owed the deal is
///   paid for it, and the rest of that rep's rows, and of the rep the sheet names, are priced on
///   the credit each rep truly has.
/// - A row the source has no line for (a deal it does not have, `extra_line`, or a wrong-rep row
///   left over once every line of its deal is another row's) is priced as nothing: its amount
///   and split 0, so that it earns nothing and counts toward no one's tiers.
/// - The source's lines no row stands for (`missing_line`) are priced beside the rows: the rep
///   is owed them, they count toward the rep's tiers, and the statement pays them.
struct SourceTruth {
    /// What a workbook row is to the source.
    enum Pairing: Equatable {
        /// The source's line of the same deal and rep (its index in the source's lines).
        case matched(Int)
        /// The deal is the source's, credited to other reps: the source's line the row is priced
        /// as (its index), nil when every line of the deal is some other row's.
        case wrongRep(Int?)
        /// The source does not have the deal.
        case extra
    }

    /// Row ordinal (`DealsTable.sheetOrdinal`) of the source's lines priced beside the
    /// workbook's: past every sheet of a workbook, below the other workbooks' (`ContextLines`).
    static let sourceOrdinal = ContextLines.firstOrdinal - 1

    /// Per workbook line (by index in the deals' lines), what it is to the source.
    let pairings: [Pairing]
    /// The workbook's own lines that took the source's figures, by index in the deals' lines.
    let sheetLines: [Int: CreditLine]
    /// The rows (`CreditLine.row`) the source has no line for, priced as nothing.
    let unpriced: Set<Int>
    /// The indices, in the source's lines, of the lines no workbook row stands for.
    let missing: [Int]
    /// The lines of `missing`, their rows renumbered past the workbook's (`sourceOrdinal`), to be
    /// priced beside the workbook's lines.
    let missingLines: [CreditLine]
    /// Deal ids compared across the two tables.
    let dealKey: DealKeys
    let repNames: RepNames

    /// Matches `deals`' lines to `source`'s and gives each matched line the source's amount, and
    /// each wrong-rep line the rep and amount of the source's line it stands for.
    /// Stops a run that would match `deals`, a workbook's deals named by their customer (no deal id
    /// column, `CustomerColumn`), with the deal ids of `source`: no row would match.
    static func requireDealIDs(_ deals: DealsTable, toMatch source: DealsTable) throws {
        guard let sheet = ([deals.mapping] + deals.sheets.map(\.mapping)).first(where: \.dealsByCustomer) else {
            return
        }
        let customer = sheet.headers[.dealID] ?? "Customer"
        let id = source.mapping.headers[.dealID] ?? "deal_id"
        throw SpreadsheetError(
            Location(file: deals.file, sheet: deals.sheets.first { $0.mapping.dealsByCustomer }?.name ?? deals.sheet),
            "the workbook names its deals by customer (column '\(customer)', no deal id column) and "
                + "'\((source.file as NSString).lastPathComponent)' by deal id ('\(id)'): its rows cannot be matched with "
                + "the export's; add the export's deal ids to the workbook")
    }

    init(_ source: DealsTable, deals: inout DealsTable, roster: [RosterEntry]) {
        let dealKey = DealKeys([source.lines.lazy.map(\.dealID), deals.lines.lazy.map(\.dealID)])
        let repNames = RepNames(roster)
        var sourceByDeal: [String: [Int]] = [:]
        for (index, line) in source.lines.enumerated() { sourceByDeal[dealKey(line.dealID), default: []].append(index) }
        func key(_ line: CreditLine) -> String { "\(dealKey(line.dealID))|\(repNames.id(line.rep))" }
        var pairings: [Pairing] = []
        pairings.reserveCapacity(deals.lines.count)
        var matched: Set<String> = []
        for line in deals.lines {
            guard let candidates = sourceByDeal[dealKey(line.dealID)] else {
                pairings.append(.extra)
                continue
            }
            let rep = repNames.id(line.rep)
            if let match = candidates.first(where: { repNames.id(source.lines[$0].rep) == rep }) {
                pairings.append(.matched(match))
                matched.insert(key(line))
            } else {
                pairings.append(.wrongRep(nil))
            }
        }
        // Each wrong-rep row stands for the first line of its deal that no row matches and no
        // earlier wrong-rep row stands for.
        var claimed: Set<Int> = []
        var sheetLines: [Int: CreditLine] = [:]
        var unpriced: Set<Int> = []
        func priceAsNothing(_ index: Int) {
            sheetLines[index] = deals.lines[index]
            unpriced.insert(deals.lines[index].row)
            deals.lines[index].amount = 0
            deals.lines[index].split = 0
        }
        for index in pairings.indices {
            switch pairings[index] {
            case .matched(let match):
                let amount = source.lines[match].amount
                guard amount != deals.lines[index].amount else { continue }
                sheetLines[index] = deals.lines[index]
                deals.lines[index].amount = amount
            case .wrongRep:
                let candidates = sourceByDeal[dealKey(deals.lines[index].dealID)] ?? []
                guard
                    let owed = candidates.first(where: {
                        !claimed.contains($0) && !matched.contains(key(source.lines[$0]))
                    })
                else {
                    priceAsNothing(index)
                    continue
                }
                claimed.insert(owed)
                pairings[index] = .wrongRep(owed)
                sheetLines[index] = deals.lines[index]
                deals.lines[index].rep = source.lines[owed].rep
                deals.lines[index].amount = source.lines[owed].amount
            case .extra: priceAsNothing(index)
            }
        }
        let missing = source.lines.indices.filter { !claimed.contains($0) && !matched.contains(key(source.lines[$0])) }
        self.pairings = pairings
        self.sheetLines = sheetLines
        self.unpriced = unpriced
        self.missing = missing
        missingLines = missing.map { index in
            var line = source.lines[index]
            let row = DealsTable.rowKey(sheet: Self.sourceOrdinal, row: DealsTable.sheetRow(line.row))
            line.row = DealsTable.otherRepKey(row, number: DealsTable.otherRep(line.row))
            return line
        }
        self.dealKey = dealKey
        self.repNames = repNames
    }

    /// The row under which the engine prices the source's line `missing[position]`.
    func row(ofMissing position: Int) -> Int { missingLines[position].row }

    /// Takes out of `statement` the `split_total` issues of the deals whose rows are all priced
    /// as nothing (their splits, 0, add up to nothing): the source does not have those deals.
    func leaveOutUnpricedDeals(_ statement: inout Statement) {
        guard !unpriced.isEmpty else { return }
        statement.issues.removeAll { $0.code == .splitTotal && $0.rows.allSatisfy(unpriced.contains) }
    }
}
