import Commission
import Foundation
import Spreadsheet

/// A deals table without a deal id column whose deals are named by their customer (`Customer`,
/// `Account Name`). A customer is no deal id: one customer may buy twice. Its column is read as
/// the deals' identity only where each customer's rows can be one deal, one close date and one
/// amount, credited to one rep or split between reps (`Check`); where a customer's rows are
/// several deals, they cannot be told apart (which is a split, which a copy, which comes first on
/// a day) and the read stops naming them. A column pinned as the deal id (`--map deal_id=…`, the
/// plan's `columns:`) is the user's word, taken as it is.
enum CustomerColumn {
    /// The headers of a column of customers, in the languages `HeaderSynonyms` covers.
    static let headers: Set<String> = Set(
        [
            "Customer", "Customer Name", "Account", "Account Name", "Client", "Client Name", "Company",
            "Company Name", "Cliente", "Nombre del cliente", "Nom du client", "Kunde", "Kundenname", "Klant",
            "Klantnaam", "Klient", "Kund", "Asiakas", "Müşteri",
        ].map(headerKey))

    /// `mapping` (a header naming every required field but the deal id, and no deal id) with its
    /// deal id read from the one column among `rows` (the table's first rows, the header among
    /// them), outside the fields found, headed as a customer's. Nil when there is none.
    static func mapping(_ mapping: ColumnMapping<Field>, rows: [Row]) -> ColumnMapping<Field>? {
        guard mapping.columns[.dealID] == nil, let (column, text) = mapping.onlyHeader(in: rows, keyedAs: headers)
        else { return nil }
        var named = mapping.adding(.dealID, column: column, header: text)
        named.dealsByCustomer = true
        return named
    }

    /// The deals read so far from tables whose deal id is a customer's: each customer's first
    /// row, with its close date and amount. Stops the read at a row of a customer already met
    /// on another day or for another amount.
    final class Check {
        private let file: String
        private var first: [String: (sheet: String?, row: Int, date: LocalDate, amount: Decimal)] = [:]

        init(file: String) { self.file = file }

        /// Takes `lines`, rows of `sheet` read under `mapping` (whose deal id is a customer's),
        /// their rows the sheet's; throws naming the sheet, the customer and both rows at the
        /// first whose customer stands on another deal.
        func add(_ lines: [CreditLine], sheet: String?, mapping: ColumnMapping<Field>) throws {
            for line in lines {
                let row = DealsTable.sheetRow(line.row)
                let key = line.dealID.normalizedKey
                guard let met = first[key] else {
                    first[key] = (sheet, row, line.date, line.amount)
                    continue
                }
                guard met.date != line.date || met.amount != line.amount else { continue }
                let header = mapping.headers[.dealID] ?? "Customer"
                let earlier =
                    met.sheet == sheet
                    ? "rows \(met.row) and \(row)" : "row \(met.row) of '\(met.sheet ?? "")' and row \(row)"
                throw SpreadsheetError(
                    Location(
                        file: file, sheet: sheet, cell: CellAddress(row: row, column: mapping.columns[.dealID] ?? 1)),
                    "column '\(header)' names customers, not deals, and no column holds a deal id: '\(line.dealID)' stands on "
                        + "\(earlier) with another close date or amount, so its rows cannot be told apart as deals (which is a "
                        + "split, which a copy, which comes first); add a deal id column, or name one with --map deal_id=HEADER"
                )
            }
        }
    }
}
