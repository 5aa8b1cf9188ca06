import Commission
import Foundation
import Primitives
import Spreadsheet

/// Which column holds which field, found from a header row.
public struct ColumnMapping<Key: Hashable & Sendable>: Sendable {
    /// The 1-based row the headers are on.
    public let headerRow: Int
    /// Field → 1-based column.
    public internal(set) var columns: [Key: Int]
    /// Field → the header text it was matched by.
    public internal(set) var headers: [Key: String]
    /// Fields pinned to a header this table does not have, matched by their synonyms instead.
    public var pinsNotFound: [Key] = []
    /// Columns whose figures add to the field's, by field: the bonus written in two columns
    /// under two names (`SPIFF (€)` and `Bonus (€)`), read as their sum.
    public var addedColumns: [Key: [Int]] = [:]
    /// The commission's columns when it is kept in a column per month or quarter (`Jan comm`,
    /// `Feb comm`, …; `PeriodCommissionColumns`), the first of them `columns[.commission]`: each
    /// row's commission is the cell written among them. Empty for a commission in one column.
    public var commissionColumns: [Int] = []
    /// The month or quarter each of `commissionColumns` is headed by (`m3-2026`, `q1`:
    /// `PeriodCommissionColumns.period(inCommissionHeader:)`).
    public var commissionPeriods: [String] = []
    /// The columns of the table the header heads, when its row holds another table beside it,
    /// an empty column between them (a lookup table of rates right of the deals): only these are
    /// read. Nil when the header is the whole row.
    public var columnSpan: ClosedRange<Int>?
    /// Whether the date column names each row's month rather than its day (`Month`: `Jul 2026`,
    /// `2026-07`; `MonthColumn`): every row is dated its month's first day.
    public var datesNameMonths = false
    /// With `datesNameMonths`, the month the plan's fiscal year starts in when the column names
    /// quarters (`Quarter | Q3 2026`; `MonthColumn`): every row is dated its quarter's first day.
    public var quartersFiscalYearStart: Int?
    /// The year and month columns when the date column is the day of a date written in three
    /// columns (`Year | Month | Day`; `DateParts`): each row is dated the day its parts name.
    public var dateParts: DateParts?
    /// What the amount column's figures are multiplied by: 1000 when its header says they are in
    /// thousands (`Amount ($k)`, `Bookings (000s)`, `ACV in thousands`; `AmountScale`), 0.01 when
    /// it says cents (`Amount (cents)`, `amount_cents`), else nil.
    public var amountScale: Decimal?
    /// The headers of the other tables of deals on the header's row, an empty column between
    /// each (January's deals, then February's): each read as a table of its own.
    public var tablesBeside: [ColumnMapping<Key>] = []
    /// The fields read from the one of their columns that names the plan's currency, with the
    /// headers of the others passed over (`Amount (USD)` read, `Amount (EUR)` and `Amount` not).
    public var chosenByCurrency: [Key: [String]] = [:]
    /// The fields read from the one of their columns the sheet shows, with the headers of the
    /// columns it hides passed over (`Commission` read, last year's `Commission` hidden beside it
    /// not): field → the hidden columns and their headers.
    public var chosenAsShown: [Key: [(column: Int, text: String)]] = [:]
    /// The plan's currency (`USD`) the header was mapped for, when the plan names one.
    public var currency: String?
    /// A column naming each row's currency (`Currency`, `Curr.`: `WrittenCurrency`), none of the
    /// fields': the amount's currency, where the amount's header names none.
    public var currencyColumn: Int?
    /// The fields no header names, read from the one column whose first rows hold values the
    /// plan's rules name (`HeaderWords.ruleValues`).
    public var foundByValues: Set<Key> = []
    /// The fields no column is read for because two columns or more name them alike among other
    /// words (`Commission (2025 plan)` beside `Commission (2026 plan)`): field → their headers,
    /// said in the report, never one of them guessed.
    public var tied: [Key: [String]] = [:]
    /// The sheet's rows the table holds when another table stands under it, or it under another
    /// (`MovedHeader`: a second table whose header writes the columns in another order): rows
    /// outside are the other table's, neither its deals nor its totals. Nil for the whole sheet.
    public var rows: ClosedRange<Int>?
    /// Whether the deal id is read from a column of customers, the table having no deal id column
    /// (`CustomerColumn`): each customer's rows must then be one deal.
    public var dealsByCustomer = false
    /// The columns of the row's other reps when it splits its deal between reps on one row (`Rep 2 |
    /// Rep 2 % | Commission 2`; `SplitRow`), the first rep's being `columns`' own: each row is a
    /// credit line per rep named. Empty for a row of one rep.
    public var otherReps: [RepColumns] = []
    /// Whether the row's one commission column holds what its reps earn together (`Rep 1 | Rep 2 |
    /// Commission`): compared with the sum of its lines, the other reps' lines having none.
    public var commissionOfAllReps = false
}

/// Why no header row fits: what was found and what is missing.
public struct MappingFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// When several columns could be one field: the field, the header's row and the columns with
    /// their headers, which a two-row header names again by its joined headers (`naming`).
    private let ambiguity: (field: String, row: Int, columns: [(column: Int, text: String)])?

    init(description: String) {
        self.description = description
        ambiguity = nil
    }

    /// Several `columns` of the header on `row` could be `field`: each named, and how to pin one.
    init(field: String, row: Int, columns: [(column: Int, text: String)]) {
        let found = columns.map { "'\($0.text)' (\(CellAddress.columnName($0.column)))" }.joined(separator: ", ")
        description =
            "row \(row): several columns could be '\(field)': \(found); pin one with the plan's columns: { \(field): \"…\" } or --map \(field)=HEADER"
        ambiguity = (field, row, columns)
    }

    /// This failure with its columns named by the headers of `joined`, a two-row header read as
    /// one, where those tell the columns apart and their own headers do not (`Montant` twice is
    /// `Affaire Montant` and `Commission Montant`): the names a pin can then give.
    func naming(_ joined: Row) -> MappingFailure {
        guard let ambiguity else { return self }
        let renamed = ambiguity.columns.map { column -> (column: Int, text: String) in
            guard case .text(let text)? = joined.cell(at: column.column)?.value else { return column }
            return (column: column.column, text: text)
        }
        let distinct = { (columns: [(column: Int, text: String)]) in
            Set(columns.map { headerKey($0.text) }).count == columns.count
        }
        guard !distinct(ambiguity.columns), distinct(renamed) else { return self }
        return MappingFailure(field: ambiguity.field, row: ambiguity.row, columns: renamed)
    }
}

/// Matches header texts to fields by synonyms, with pins taking precedence.
enum ColumnMatcher {
    /// The longest text, in UTF-8 bytes, that can be a header.
    static let longestHeader = 255

    /// Maps one candidate header row. `pins` name the exact header for a field; `sample`, the rows
    /// below it, tells a commission's header over rates from the commission (`holdsRates`).
    /// Returns nil when a required field is missing; throws when a field is ambiguous.
    /// `hidden` gives the columns the sheet hides (`XLSXWorkbook.hiddenColumns(of:)`), asked only
    /// when columns tie for a field: of such columns, the one shown is the field's.
    ///
    /// A row holding several tables side by side, an empty column between them (the deals, then a
    /// lookup table of products and rates: `Product` and `Rate` twice), is ambiguous as a whole:
    /// the tables among them that name every required field, and no field twice, are the headers
    /// (`ColumnMapping.columnSpan`), the first returned and the others beside it
    /// (`tablesBeside`: a month's deals beside the month before); none, and the row stays ambiguous.
    static func map<Key: Hashable & Sendable & RawRepresentable>(
        row: Row, words: HeaderWords<Key>, required: [Key], pins: [String: String], sample: [Row] = [],
        hidden: @escaping () -> [ClosedRange<Int>] = { [] }
    ) throws(MappingFailure) -> ColumnMapping<Key>? where Key.RawValue == String {
        // A deal split between reps on one row (`Rep 1 | Rep 2`): its first rep's headers mapped.
        if words.repSlots != nil,
            let split = try SplitRow.mapping(
                row: row, words: words,
                map: { (row) throws(MappingFailure) in
                    try map(row: row, words: words, required: required, pins: pins, sample: sample, hidden: hidden)
                })
        {
            return split
        }
        do throws(MappingFailure) {
            return try mapWhole(
                row: row, words: words, required: required, pins: pins, sample: sample, hidden: hidden)
        } catch {
            let tables = sideBySide(row)
            guard tables.count > 1 else { throw error }
            var found: [ColumnMapping<Key>] = []
            for table in tables {
                guard
                    var mapping = try? mapWhole(
                        row: table, words: words, required: required, pins: pins, sample: sample, hidden: hidden)
                else { continue }
                mapping.columnSpan = (table.cells.first?.column ?? 1)...(table.cells.last?.column ?? 1)
                found.append(mapping)
            }
            guard var first = found.first else { throw error }
            first.tablesBeside = Array(found.dropFirst())
            return first
        }
    }

    /// The tables a header row holds side by side: its cells in runs of adjacent columns, each
    /// run apart from the next by at least one empty column.
    static func sideBySide(_ row: Row) -> [Row] {
        var tables: [Row] = []
        var current: [Cell] = []
        for cell in row.cells where !cell.value.isBlank {
            if let last = current.last, cell.column > last.column + 1 {
                tables.append(Row(index: row.index, cells: current))
                current = []
            }
            current.append(cell)
        }
        if !current.isEmpty { tables.append(Row(index: row.index, cells: current)) }
        return tables
    }

    /// The columns among `columns` whose cell in one of `rows` holds a text that is one of a
    /// field's `values` (`String.normalizedKey`), by field: each text keyed once (a row's cells
    /// stand in column order; of two in one column, the first is read, as `Row.cell(at:)` does).
    private static func holding<Key: Hashable>(
        _ values: [Key: Set<String>], in rows: ArraySlice<Row>, columns: Set<Int>
    ) -> [Key: Set<Int>] {
        var holding: [Key: Set<Int>] = [:]
        for row in rows {
            var previous: Int?
            for cell in row.cells where cell.column != previous {
                previous = cell.column
                guard columns.contains(cell.column), case .text(let text) = cell.value else { continue }
                let key = text.normalizedKey
                for (field, named) in values where named.contains(key) {
                    holding[field, default: []].insert(cell.column)
                }
            }
        }
        return holding
    }

    /// The one of `candidates` (columns) that the formulas in `column` of `rows` read on their own
    /// row (`=ROUND(B5*E5*K5,2)` reads B5), when each such formula reads it and no other candidate,
    /// and some do; nil otherwise (typed figures, or formulas reading two candidates).
    static func columnRead(by column: Int, among candidates: [Int], in rows: [Row]) -> Int? {
        var read: Int?
        for row in rows {
            guard let formula = row.cell(at: column)?.formula?.uppercased() else { continue }
            let reading = candidates.filter { reads(formula, CellAddress.columnName($0), row: row.index) }
            if reading.isEmpty { continue }
            guard reading.count == 1, read == nil || read == reading[0] else { return nil }
            read = reading[0]
        }
        return read
    }

    /// The one of `candidates` whose figure times the row's `rate` is the commission typed in
    /// `column` (to the cent) in half the first rows or more, where no other candidate's is in any:
    /// typed commissions priced on the net amount, beside its gross. Nil otherwise.
    static func columnPriced(_ column: Int, rate: Int, among candidates: [Int], in rows: [Row]) -> Int? {
        func number(_ row: Row, _ column: Int) -> Decimal? {
            if case .number(let value)? = row.cell(at: column)?.value { return value }
            return nil
        }
        var priced: [Int: Int] = [:]
        var rowsPriced = 0
        for row in rows {
            guard let commission = number(row, column), let rate = number(row, rate), rate > 0, commission != 0 else {
                continue
            }
            rowsPriced += 1
            for candidate in candidates {
                if let amount = number(row, candidate), abs(amount * rate - commission) <= Decimal(string: "0.01")! {
                    priced[candidate, default: 0] += 1
                }
            }
        }
        guard priced.count == 1, let (candidate, count) = priced.first, count * 2 >= rowsPriced else { return nil }
        return candidate
    }

    /// Whether `formula` (upper case) refers to the cell of column `letters` on `row` of its own
    /// sheet (`B5`, `$B$5`; not `Rates!B5`, `AB5` or `B50`).
    static func reads(_ formula: String, _ letters: String, row: Int) -> Bool {
        let pattern = "(?<![A-Z0-9_.!$'])\\$?\(letters)\\$?\(row)(?![0-9(])"
        return formula.range(of: pattern, options: .regularExpression) != nil
    }

    /// The key a joined field's header is read by, as a NetSuite saved search heads a field it reads
    /// through another record (`Sales Rep : Name`, `Sales Team : Contribution %`, `Item : Product
    /// Family`): the field's own name where it names a field, else the record's where the field is
    /// the record's name (`Name`, `Full Name`, `Entity`). Nil for a header without one ` : ` between
    /// two names, or whose parts name no field: a header naming a field whole is never asked.
    static func joinedKey<Key>(_ header: String, named: [String: [Key]]) -> String? {
        let parts = header.components(separatedBy: " : ")
        guard parts.count == 2 else { return nil }
        let record = headerKey(parts[0].trimmingCharacters(in: .whitespaces))
        let field = headerKey(parts[1].trimmingCharacters(in: .whitespaces))
        guard !record.isEmpty, !field.isEmpty else { return nil }
        if named[field] != nil { return field }
        if ["name", "fullname", "entity", "entityname"].contains(field), named[record] != nil { return record }
        return nil
    }

    /// The header keys of a header written in two languages or two words for one field, a slash
    /// between them (`Bonus / Prime`, `Sales Rep / Représentant`, as Canadian or Belgian teams head
    /// their columns): it names a field when both name it. Nil for a header without a slash.
    static func twoLanguages(_ header: String) -> [String]? {
        // No byte `/`, no character `/` (the bytes are asked first: a character search is slow).
        guard header.utf8.contains(UInt8(ascii: "/")) else { return nil }
        let names = header.split(separator: "/").map { headerKey($0.trimmingCharacters(in: .whitespaces)) }
        return names.count == 2 && !names.contains(where: \.isEmpty) ? names : nil
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, without asking Foundation when the text
    /// begins and ends in an ASCII character that is no space or tab (most headers and cells).
    static func trimmingWhitespace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last,
            first < 0x80, last < 0x80, first != 32, first != 9, last != 32, last != 9
        else { return text.trimmingCharacters(in: .whitespaces) }
        return text
    }

    private static func mapWhole<Key: Hashable & Sendable & RawRepresentable>(
        row: Row, words: HeaderWords<Key>, required: [Key], pins: [String: String], sample: [Row],
        hidden: @escaping () -> [ClosedRange<Int>]
    ) throws(MappingFailure) -> ColumnMapping<Key>? where Key.RawValue == String {
        let keys = words.keys
        // Each header's key is made once per row (a sheet's first rows may hold megabytes of
        // text); a cell longer than `longestHeader` is no header.
        var headers: [(column: Int, text: String, key: String)] = []
        // Whether some header may be one of Odoo's technical names (`OdooFieldNames`).
        var technical = false
        // The headers that name their currency (`Bonus (GBP)`, `SPIFF [EUR]`), keyed without it.
        var unitless: [(column: Int, text: String, key: String)] = []
        // The headers written in two languages (`Bonus / Prime`), each name's key, by column.
        var bilingual: [Int: [String]] = [:]
        // The headers naming the company's currency (`Amount in company currency`), among `unitless`.
        var inCompanyCurrency: [Int] = []
        for cell in row.cells {
            guard case .text(let text) = cell.value, text.utf8.count <= longestHeader else { continue }
            let trimmed = trimmingWhitespace(text)
            if BookkeepingColumn.isBookkeeping(trimmed) { continue }
            if !trimmed.isEmpty {
                let key = headerKey(trimmed)
                // A joined field's header (`Sales Rep : Name`), asked only of one naming no field whole.
                let joined = trimmed.utf8.contains(UInt8(ascii: ":")) && words.fieldsNamed[key] == nil
                let named = joined ? Self.joinedKey(trimmed, named: words.fieldsNamed) : nil
                headers.append((cell.column, trimmed, named ?? key))
            }
            if !technical, OdooFieldNames.mayBeTechnical(trimmed) { technical = true }
            if let bare = UnitsRow.withoutCurrency(trimmed) {
                unitless.append((cell.column, trimmed, headerKey(bare)))
            } else if let bare = CompanyCurrency.bare(trimmed) {
                unitless.append((cell.column, trimmed, headerKey(bare)))
                inCompanyCurrency.append(cell.column)
            }
            if let names = Self.twoLanguages(trimmed) { bilingual[cell.column] = names }
        }
        var columns: [Key: Int] = [:]
        var names: [Key: String] = [:]
        var taken: Set<Int> = []
        var pinsNotFound: [Key] = []
        let pins = technical ? pins.merging(OdooFieldNames.pins(headers.map(\.text))) { pinned, _ in pinned } : pins
        for key in keys {
            if let pin = pins[key.rawValue] {
                // A pin this table does not have falls back to the synonyms (plan-format.md §7).
                let wanted = headerKey(pin)
                guard let match = headers.first(where: { $0.key == wanted }) else {
                    pinsNotFound.append(key)
                    continue
                }
                columns[key] = match.column
                names[key] = match.text
                taken.insert(match.column)
            }
        }
        var ambiguous: [(key: Key, matches: [(column: Int, text: String, key: String)])] = []
        var added: [Key: [Int]] = [:]
        var chosenByCurrency: [Key: [String]] = [:]
        var foundByValues: Set<Key> = []
        // Of columns that tie for a field, the one the sheet shows beside others it hides.
        var shown = ShownColumns(hidden)
        var chosenAsShown: [Key: [(column: Int, text: String)]] = [:]
        // Fields two columns or more name alike among other words, left unmatched (`LooseHeaders`).
        var tied: [Key: [String]] = [:]
        // The fields each header names, whole or in both its languages (`Bonus / Prime`), and those
        // any name in the row names (whole, without a currency, either language): a field none
        // names finds no column in the loop below.
        let fieldsOfHeader = headers.map { words.fieldsNamed[$0.key] ?? [] }
        var fieldsOfBilingual: [Int: [Key]] = [:]
        var fieldsInRow = Set(fieldsOfHeader.joined())
        for name in unitless.map(\.key) + bilingual.values.joined() {
            fieldsInRow.formUnion(words.fieldsNamed[name] ?? [])
        }
        for (column, names) in bilingual {
            fieldsOfBilingual[column] = (words.fieldsNamed[names[0]] ?? []).filter { key in
                names.allSatisfy { words.fieldsNamed[$0]?.contains(key) == true }
            }
        }
        for key in keys where columns[key] == nil {
            guard fieldsInRow.contains(key) else { continue }
            let wanted = words.wanted[key] ?? []
            var matches = headers.indices.filter { index in
                !taken.contains(headers[index].column)
                    && (fieldsOfHeader[index].contains(key)
                        || fieldsOfBilingual[headers[index].column]?.contains(key) == true)
            }.map { headers[$0] }
            // A field written in several columns under different names (`SPIFF (€)`, `Bonus EUR`),
            // with or without their currencies, is all of them, added up; under one name in two
            // currencies (`Bonus (GBP)`, `Bonus (EUR)`) it is either, as below.
            if key == words.additive {
                var all = matches
                for named in unitless where wanted.contains(named.key) && !taken.contains(named.column) {
                    if !all.contains(where: { $0.column == named.column }) { all.append(named) }
                }
                let bare = Set(all.map { UnitsRow.withoutCurrency($0.text).map(headerKey) ?? $0.key })
                if all.count > 1, bare.count == all.count {
                    all.sort { $0.column < $1.column }
                    // The SPIFF's column first: the plan's per-deal bonuses are its.
                    let first = all.first { $0.key.contains("spiff") } ?? all[0]
                    columns[key] = first.column
                    names[key] = first.text
                    added[key] = all.map(\.column).filter { $0 != first.column }
                    taken.formUnion(all.map(\.column))
                    continue
                }
            }
            // The plan's currency chooses among a field's columns in several currencies: `Amount
            // (USD)` beside `Amount (EUR)`, or beside a plain `Amount` written in each row's own
            // `Currency`. The mapping says which was read (`chosenByCurrency`).
            if let currency = words.currency {
                let candidates =
                    matches
                    + unitless.filter { named in
                        wanted.contains(named.key) && !taken.contains(named.column)
                            && !matches.contains { $0.column == named.column }
                    }
                // A figure in the company's currency is in the plan's where the rows say so: the same
                // as the field in each row's own currency on the rows in the plan's (`CompanyCurrency`).
                let currencyColumn = headers.first { WrittenCurrency.headsCurrencyColumn($0.text) }?.column
                let plain = matches.first { !inCompanyCurrency.contains($0.column) }?.column
                let inCurrency = candidates.filter { candidate in
                    if inCompanyCurrency.contains(candidate.column) {
                        guard let currencyColumn, let plain else { return false }
                        return CompanyCurrency.isPlans(
                            candidate.column, plain: plain, currencyColumn: currencyColumn, currency: currency,
                            rows: sample)
                    }
                    return UnitsRow.currency(of: candidate.text) == currency
                }
                if inCurrency.count == 1, candidates.count > 1 {
                    let chosen = inCurrency[0]
                    columns[key] = chosen.column
                    names[key] = chosen.text
                    taken.insert(chosen.column)
                    chosenByCurrency[key] = candidates.filter { $0.column != chosen.column }.map(\.text)
                    continue
                }
            }
            // A header naming its currency is the field only where no header names it without one,
            // and only one such header names it (`Commission (USD)` beside `Commission (EUR)` is
            // either, as a header naming the field among other words would be: neither is taken).
            // Two or more such headers of a required field (`Amount (EUR)`, `Amount (USD)`) are the
            // candidates of an ambiguous column (plan-format.md §1.3), named in the error unless one
            // is pinned.
            if matches.isEmpty {
                let named = unitless.filter { wanted.contains($0.key) && !taken.contains($0.column) }
                if named.count == 1 || required.contains(key) { matches = named }
            }
            // The rep by name and by id (`Rep`, `Rep ID`): the name, which the roster matches however
            // it is written; an id the roster does not use would make every row a wrong rep.
            if matches.count > 1, key == words.writtenByNameAndID {
                let byName = matches.filter { !Self.namesAnID($0.text) }
                if byName.count == 1 { matches = byName }
            }
            if matches.count > 1 {
                ambiguous.append((key, matches))
            } else if let match = matches.first {
                columns[key] = match.column
                names[key] = match.text
                taken.insert(match.column)
            }
        }
        // Headers cut short (`Imp.`, `Vdor.`) name the fields no header names in full, each the
        // one field its abbreviation fits and no other header cut short the same way.
        var shortened: [Key: (column: Int, text: String)] = [:]
        for key in keys where columns[key] == nil && !ambiguous.contains(where: { $0.key == key }) {
            let wanted = words.abbreviated[key] ?? []
            guard !wanted.isEmpty else { continue }
            // Cut short and naming a currency as well (`Imp. (€)`).
            let matches = (headers + unitless).filter { wanted.contains($0.key) && !taken.contains($0.column) }
            if Set(matches.map(\.column)).count == 1 { shortened[key] = (matches[0].column, matches[0].text) }
        }
        for (key, match) in shortened
        where shortened.values.filter({ $0.column == match.column }).count == 1 {
            columns[key] = match.column
            names[key] = match.text
            taken.insert(match.column)
        }
        // A commission's header (`Comm`, `Comisión`) over a column of rates is the rate: beside a
        // commission column, or alone (a header naming the commission among other words may then
        // be it: `Importe comisión`), unless it is pinned.
        if let (rate, commission, amount) = words.figures, !sample.isEmpty, pins[commission.rawValue] == nil {
            func holdsRates(_ column: Int) -> Bool {
                !Self.pricedFromRate(sample, column: column, amountColumn: columns[amount], rateColumn: columns[rate])
                    && Self.holdsRates(
                        sample, column: column, amountColumn: columns[amount], wholePercents: columns[rate] == nil)
            }
            var rates: [(column: Int, text: String, key: String)] = []
            if let index = ambiguous.firstIndex(where: { $0.key == commission }) {
                let matches = ambiguous[index].matches
                let others = matches.filter { !holdsRates($0.column) }
                if others.count < matches.count, others.count <= 1 {
                    ambiguous.remove(at: index)
                    rates = matches.filter { holdsRates($0.column) }
                    if let other = others.first {
                        columns[commission] = other.column
                        names[commission] = other.text
                        taken.insert(other.column)
                    }
                }
            } else if let column = columns[commission], holdsRates(column), let text = names[commission] {
                columns[commission] = nil
                names[commission] = nil
                rates = [(column, text, headerKey(text))]
            }
            if rates.count == 1, columns[rate] == nil {
                columns[rate] = rates[0].column
                names[rate] = rates[0].text
            }
            // Columns of rates are the commission's among other words no more.
            taken.formUnion(rates.map(\.column))
        }
        // Columns no synonym names may name a field among other words (`Booking Amount`), in a
        // row with text enough to be a header.
        if !words.loose.claimable.isEmpty && headers.count >= required.count {
            let open = words.loose.claimable.filter { key in
                columns[key] == nil && !ambiguous.contains { $0.key == key }
            }
            // Of two columns that could each be the amount (`Net Deal Value`, `Gross Deal Value`),
            // the one every commission formula of the first rows reads is (`=ROUND(B5*K5,2)`); of
            // typed commissions, the one they are priced on.
            let chooseAmount = { (key: Key, candidates: [Int]) -> Int? in
                guard let (rate, commission, amount) = words.figures, key == amount, let column = columns[commission]
                else { return nil }
                return Self.columnRead(by: column, among: candidates, in: sample)
                    ?? columns[rate].flatMap { Self.columnPriced(column, rate: $0, among: candidates, in: sample) }
            }
            // Else the one column the sheet shows among others it hides (`Commission (2026 plan)`
            // beside last year's `Commission (2025 plan)`, hidden).
            let choose = { (key: Key, candidates: [Int]) -> Int? in
                if let column = chooseAmount(key, candidates) { return column }
                guard let column = shown.only(among: candidates) else { return nil }
                chosenAsShown[key] = headers.filter { candidates.contains($0.column) && $0.column != column }.map {
                    ($0.column, $0.text)
                }
                return column
            }
            let loose = words.loose.match(
                headers.map { ($0.column, $0.text) }, open: open, taken: taken, choose: choose)
            for (key, match) in loose.matched {
                columns[key] = match.column
                names[key] = match.text
                taken.insert(match.column)
            }
            tied = loose.tied
        }
        // A header of what is owed (`Amount Payable`) beside the deal's amount, where no header
        // names the commission: the commission (`PayableHeader`).
        if let (_, commission, amount) = words.figures, columns[commission] == nil, columns[amount] != nil,
            !ambiguous.contains(where: { $0.key == commission })
        {
            let owing = headers.filter { !taken.contains($0.column) && PayableHeader.names($0.text) }
            if owing.count == 1 {
                columns[commission] = owing[0].column
                names[commission] = owing[0].text
                taken.insert(owing[0].column)
            }
        }
        // A header of what is owed or accrued (`Amount Due`, `Accrued`), where none names the
        // commission, is the commission when its figures are priced at the row's rate, to the
        // cent in half the first rows (`PayableHeader.namesOwed`). A customer's amount due is no
        // product of a rate.
        if let (rate, commission, amount) = words.figures, columns[commission] == nil,
            let amountColumn = columns[amount], let rateColumn = columns[rate],
            !ambiguous.contains(where: { $0.key == commission })
        {
            let owed = headers.filter { !taken.contains($0.column) && PayableHeader.namesOwed($0.text) }
            // By the figures themselves (a formula's cached value among them): a formula reading
            // the amount and the rate may take the commission out (`=D2-D2*E2`, what is owed net).
            if owed.count == 1,
                PayableHeader.pricedAtRate(sample, column: owed[0].column, amount: amountColumn, rate: rateColumn)
            {
                columns[commission] = owed[0].column
                names[commission] = owed[0].text
                taken.insert(owed[0].column)
            }
        }
        // A field the plan's rules read, under a header no word names (`Prod.`, `Gamme`): the one
        // column left whose first rows hold a value the rules name. The first rows' texts are
        // read once for every field (`holding(_:in:columns:)`), where each header looked its
        // column up in every row for each field.
        var held: [Key: Set<Int>]?
        for (key, _) in words.ruleValues where columns[key] == nil && !ambiguous.contains(where: { $0.key == key }) {
            let columnsHolding =
                held
                ?? Self.holding(
                    words.ruleValues, in: sample.prefix(HeaderSearch.rowsSearched),
                    columns: Set(headers.lazy.map(\.column).filter { !taken.contains($0) }))
            held = columnsHolding
            let holding = headers.filter { header in
                !taken.contains(header.column) && columnsHolding[key]?.contains(header.column) == true
            }
            guard holding.count == 1 else { continue }
            columns[key] = holding[0].column
            names[key] = holding[0].text
            taken.insert(holding[0].column)
            foundByValues.insert(key)
        }
        // A number's header (`N°`, `#`, `Affaire N°`), or `ID` or a number's word beside a name of
        // the deal's or of a figure's (`Abschluss-ID`, `Sales No.`), is the deal id no other header
        // names, over figures that do not count the rows (`NumberHeaders`).
        if let key = words.numbered, columns[key] == nil, !ambiguous.contains(where: { $0.key == key }) {
            let numbered = headers.filter { header in
                !taken.contains(header.column)
                    && NumberHeaders.names(header.key, own: words.numberedBeside, words: NumberHeaders.identifierKeys)
            }
            if numbered.count == 1, !NumberHeaders.countsRows(sample, column: numbered[0].column) {
                columns[key] = numbered[0].column
                names[key] = numbered[0].text
                taken.insert(numbered[0].column)
            }
        }
        // A header that may name a deal's shares or a rep's quota (`Quota %`, the Italian `Quota`,
        // `Porcentaje`; `ShareHeaders`): the split over shares adding up to each deal's whole, the
        // quota over money. A quota's word over neither is an error naming it, never passed over.
        var unclearShares: [(key: (split: Key, quota: Key), column: (column: Int, text: String))] = []
        if let (split, quota, dealID) = words.shares, columns[split] == nil, let dealColumn = columns[dealID],
            !ambiguous.contains(where: { $0.key == split })
        {
            var shares: [(column: Int, text: String, key: String)] = []
            var money: [(column: Int, text: String, key: String)] = []
            for header in headers where !taken.contains(header.column) || header.column == columns[quota] {
                guard let reading = ShareHeaders.reading(header.text) else { continue }
                switch ShareHeaders.figures(sample, column: header.column, dealColumn: dealColumn) {
                case .shares: shares.append(header)
                case .money where reading == .quota && header.column != columns[quota]: money.append(header)
                case .other where reading == .quota && header.column != columns[quota]:
                    unclearShares.append(((split, quota), (header.column, header.text)))
                default: break
                }
            }
            if shares.count > 1 {
                ambiguous.append((split, shares))
            } else if let share = shares.first {
                if columns[quota] == share.column {
                    columns[quota] = nil
                    names[quota] = nil
                }
                columns[split] = share.column
                names[split] = share.text
                taken.insert(share.column)
                unclearShares.removeAll()
            }
            if money.count == 1, columns[quota] == nil {
                columns[quota] = money[0].column
                names[quota] = money[0].text
                taken.insert(money[0].column)
            }
        }
        // Several columns could be a field, and the sheet shows one alone, hiding the others (last
        // year's `Rate | Commission` hidden beside this year's): the one shown.
        for entry in ambiguous {
            let open = entry.matches.filter { !taken.contains($0.column) }
            guard open.count > 1, let column = shown.only(among: open.map(\.column)),
                let match = open.first(where: { $0.column == column })
            else { continue }
            columns[entry.key] = match.column
            names[entry.key] = match.text
            taken.insert(match.column)
            chosenAsShown[entry.key] = open.filter { $0.column != column }.map { ($0.column, $0.text) }
        }
        ambiguous.removeAll { columns[$0.key] != nil }
        // Several columns could be a field, and one alone is named by the contract's synonyms
        // (plan-format.md §7, the floor: `Rep` beside `Rep Name`, `Close Date` beside `Won Date`):
        // that one; the others name the field only by words trueup adds. Two the contract names
        // stay ambiguous.
        for entry in ambiguous {
            let contract = words.contract[entry.key] ?? []
            var named = entry.matches.filter { contract.contains($0.key) && !taken.contains($0.column) }
            // A `Provision` (the Spanish `Provisión`, an accrual; in German the commission)
            // beside a column named the commission another way (`Comisión`, `Commission`) is not it.
            if named.isEmpty, entry.key == words.figures?.commission {
                named = entry.matches.filter { !$0.key.hasPrefix("provis") && !taken.contains($0.column) }
            }
            guard named.count == 1 else { continue }
            columns[entry.key] = named[0].column
            names[entry.key] = named[0].text
            taken.insert(named[0].column)
        }
        ambiguous.removeAll { columns[$0.key] != nil }
        let isHeaderRow = required.allSatisfy { key in columns[key] != nil || ambiguous.contains { $0.key == key } }
        guard isHeaderRow else { return nil }
        if let (key, matches) = ambiguous.first {
            throw MappingFailure(
                field: key.rawValue, row: row.index, columns: matches.map { (column: $0.column, text: $0.text) })
        }
        if let (key, column) = unclearShares.first {
            let pins = [key.split, key.quota].map { "--map \($0.rawValue)=HEADER" }.joined(separator: " or ")
            throw MappingFailure(
                description:
                    "row \(row.index): the column '\(column.text)' (\(CellAddress.columnName(column.column))) could be '\(key.split.rawValue)' or '\(key.quota.rawValue)': its figures are neither shares adding up to each deal's whole nor money; pin it with \(pins), or the plan's columns:"
            )
        }
        var mapping = ColumnMapping(headerRow: row.index, columns: columns, headers: names)
        if let amount = words.figures?.amount, let header = names[amount] {
            let scale = AmountScale.of(header)
            mapping.amountScale = scale == 1 ? nil : scale
        }
        mapping.pinsNotFound = pinsNotFound.filter { columns[$0] != nil }
        mapping.addedColumns = added.filter { columns[$0.key] != nil }
        mapping.chosenByCurrency = chosenByCurrency.filter { names[$0.key] != nil }
        mapping.foundByValues = foundByValues
        mapping.chosenAsShown = chosenAsShown.filter { names[$0.key] != nil }
        mapping.tied = tied.filter { columns[$0.key] == nil }
        mapping.currency = words.currency
        // Beside a local amount or an exchange rate (`Local Amount | Currency | FX Rate | Amount`),
        // the currency is the local amount's, the amount converted from it.
        let mapped = Set(columns.values)
        if !headers.contains(where: { WrittenCurrency.headsConversion($0.text) }) {
            mapping.currencyColumn =
                headers.first { !mapped.contains($0.column) && WrittenCurrency.headsCurrencyColumn($0.text) }?.column
        }
        return mapping
    }

    /// Whether a header names an id (`Rep ID`, `RepID`, `Rep Code`, `Rep #`, `Rep No.`).
    static func namesAnID(_ header: String) -> Bool {
        let words = LooseHeaders<String>.terms(header)
        return headerKey(header).hasSuffix("id")
            || words.contains { ["id", "code", "number", "no", "nr", "#"].contains($0) }
    }

    /// Whether the cells of `column` in `rows` (the first rows below a header) hold rates rather
    /// than money: some `%` text or fraction between 0 and 1 on a row whose amount (in
    /// `amountColumn`) is 100 or more, and no figure above 1 or below 0. A commission column's
    /// figures are a part of their amounts, never a fraction of one unit of money.
    ///
    /// Rates in whole percent (`5`, `7.5` for 5%, 7.5%) are told by their amounts too: every
    /// figure from 0 to 100, one above 1, and each at most a 200th of its row's amount (as money
    /// it would be under 0.5% of the deal, as a rate it is a commission's).
    /// Whether a formula of `column` in `rows` reads its row's amount and rate cells
    /// (`=ROUND(D5*J5,2)`, `=IF(…,0,D5*E5*J5)`): a figure priced from them, never a column of
    /// rates, whatever its values (a gated rep's zeros and one bonus of 99.99 look like rates
    /// in whole percent).
    static func pricedFromRate(_ rows: [Row], column: Int, amountColumn: Int?, rateColumn: Int?) -> Bool {
        guard let amountColumn, let rateColumn, rateColumn != column, amountColumn != column else { return false }
        let (amount, rate) = (CellAddress.columnName(amountColumn), CellAddress.columnName(rateColumn))
        return rows.contains { row in
            guard let formula = row.cell(at: column)?.formula?.uppercased() else { return false }
            return reads(formula, amount, row: row.index) && reads(formula, rate, row: row.index)
        }
    }

    /// Whether `column` holds rates: fractions, or with `wholePercents` whole percents. Beside a
    /// column of rates already (`Rate`), a commission's figures that could be whole percents (a
    /// gated rep's zeros, one bonus of 99.99) are no second column of rates in another scale.
    static func holdsRates(_ rows: [Row], column: Int, amountColumn: Int?, wholePercents: Bool = true) -> Bool {
        holdsFractionRates(rows, column: column, amountColumn: amountColumn)
            || (wholePercents && holdsWholePercentRates(rows, column: column, amountColumn: amountColumn))
    }

    private static func holdsWholePercentRates(_ rows: [Row], column: Int, amountColumn: Int?) -> Bool {
        guard let amountColumn else { return false }
        var aboveOne = false
        for row in rows {
            guard let value = row.cell(at: column)?.value, value != .empty else { continue }
            guard let number = try? ValueReading.money(value, style: .decimalPoint) else {
                return false
            }
            guard !Decimal.less(100, number), !Decimal.less(number, 0) else { return false }
            guard number != 0 else { continue }
            guard
                let amount = row.cell(at: amountColumn).flatMap({
                    try? ValueReading.money($0.value, style: .decimalPoint)
                }),
                !Decimal.less(amount.magnitude, number * 200)
            else { return false }
            aboveOne = aboveOne || Decimal.less(1, number)
        }
        return aboveOne
    }

    private static func holdsFractionRates(_ rows: [Row], column: Int, amountColumn: Int?) -> Bool {
        var rates = 0
        for row in rows {
            guard let value = row.cell(at: column)?.value, value != .empty,
                let number = ValueReading.percentage(value, style: .decimalPoint)
            else { continue }
            guard !Decimal.less(1, number), !Decimal.less(number, 0) else { return false }
            if value.isText && value.plainText.trimmingCharacters(in: .whitespaces).hasSuffix("%") {
                rates += 1
                continue
            }
            guard number != 0 else { continue }
            let amount = amountColumn.flatMap { row.cell(at: $0) }.flatMap {
                try? ValueReading.money($0.value, style: .decimalPoint)
            }
            if let amount, amount.magnitude >= 100 { rates += 1 }
        }
        return rates > 0
    }

    /// The column down which the rows' first texts name every required field (`Deal ID`, `Close
    /// Date`, `Sales Rep`, `Amount` down column A, each deal a column right of it): a deals table
    /// turned round. Nil when no column does.
    static func turnedRound<Key: Hashable & Sendable & RawRepresentable>(
        _ rows: [Row], required: [Key], words: HeaderWords<Key>, pins: [String: String]
    ) -> Int? where Key.RawValue == String {
        var byColumn: [Int: Set<String>] = [:]
        for row in rows {
            guard let cell = row.cells.first(where: { !$0.value.isBlank }), case .text(let text) = cell.value,
                text.utf8.count <= longestHeader
            else { continue }
            byColumn[cell.column, default: []].insert(headerKey(text))
        }
        return byColumn.keys.sorted().first { column in
            let found = byColumn[column]!
            return found.count >= 2
                && required.allSatisfy { key in
                    (pins[key.rawValue].map { [headerKey($0)] } ?? words.wanted[key] ?? []).contains(
                        where: found.contains)
                }
        }
    }

    /// The message for a sheet where no row among the first ones holds every required field.
    static func missingMessage<Key: Hashable & Sendable & RawRepresentable>(
        firstRows: [Row], required: [Key], words: HeaderWords<Key>, pins: [String: String]
    ) -> String where Key.RawValue == String {
        let best = firstRows.max { a, b in a.cells.filter(\.value.isText).count < b.cells.filter(\.value.isText).count }
        let texts =
            best?.cells.compactMap { cell -> String? in
                if case .text(let text) = cell.value, text.utf8.count <= longestHeader { return text }
                return nil
            } ?? []
        let found = Set(texts.map(headerKey))
        var missing = required.filter { key in
            let wanted = pins[key.rawValue].map { [headerKey($0)] } ?? words.wanted[key] ?? []
            return !wanted.contains(where: found.contains)
        }
        let named = words.loose.match(
            texts.enumerated().map { ($0.offset, $0.element) },
            open: Set(missing.filter { pins[$0.rawValue] == nil && words.loose.claimable.contains($0) }), taken: []
        ).matched
        if missing.contains(where: { named[$0] == nil }) { missing.removeAll { named[$0] != nil } }
        let headerList = texts.isEmpty ? "no headers" : "headers " + texts.map { "'\($0)'" }.joined(separator: ", ")
        let missingList = missing.map { key in
            pins[key.rawValue].map { "\(key.rawValue) (pinned to '\($0)')" } ?? key.rawValue
        }
        let row = best.map { " (row \($0.index))" } ?? ""
        if let column = turnedRound(firstRows, required: required, words: words, pins: pins) {
            let name = CellAddress.columnName(column)
            return "no header row names every required column: the fields stand down column \(name), each deal a "
                + "column (a table turned round); it is not read: turn it back (copy it, Paste Special › "
                + "Transpose) to read it"
        }
        return "no header row names every required column: found \(headerList)\(row); missing "
            + missingList.joined(separator: ", ") + "; pin a column with --map FIELD=HEADER or the plan's columns:"
    }
}

extension CellValue {
    var isText: Bool {
        if case .text = self { return true }
        return false
    }

    /// Whether the cell holds nothing: empty, or text of spaces only.
    var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): !text.opensWithASCIIOtherThanSpace && text.allSatisfy(\.isWhitespace)
        default: false
        }
    }
}

extension String {
    /// Whether the first byte is an ASCII character other than white space (a deal id, a name, a
    /// number): its first character is then no white space (`Character.isWhitespace` is its
    /// first scalar's), told without breaking the text into characters.
    var opensWithASCIIOtherThanSpace: Bool {
        guard let first = utf8.first, first < 0x80 else { return false }
        return first != UInt8(ascii: " ") && !(9...13).contains(first)
    }
}
