import Commission
import Foundation
import Spreadsheet

extension DealsReader {
    /// What reading rows of one table needs again on every row, looked up once (columns, styles),
    /// with the buffers and memos a run of rows shares.
    struct RowContext {
        /// `mapping.columns` by column: the ordinal of a field the column holds, or -1; a column
        /// holding several fields has the others in `moreMapped`.
        let fieldByColumn: [Int]
        /// `mapping.columns`' fields past the first of their column, as (field ordinal, column).
        let moreMapped: [(ordinal: Int, column: Int)]
        /// Each field's column by field ordinal (`mapping.columns`), for the cells findings name.
        let columnByField: [Int?]
        /// `mapping.datesNameMonths` and `mapping.amountScale`: with `columnByField`, what the row's
        /// read takes of the mapping.
        let datesNameMonths: Bool
        /// `mapping.quartersFiscalYearStart`: the date column names quarters of fiscal years starting then.
        let quartersFiscalYearStart: Int?
        /// `mapping.dateParts`: the date's year and month in columns of their own.
        let dateParts: DateParts?
        let amountScale: Decimal?
        /// Whether the table has a date column (`TotalRow.label`'s `date`).
        let hasDateColumn: Bool
        let commissionColumn: Int?
        /// `mapping.commissionColumns`: a column per period, each row's commission the one written.
        let commissionColumns: [Int]
        let commissionPeriods: [String]
        let rateColumn: Int?
        let bonusColumn: Int?
        /// The columns whose bonuses add to `bonusColumn`'s (`ColumnMapping.addedColumns`).
        let addedBonusColumns: [Int?]
        let dateOrder: DateOrder?
        let cancelOrder: DateOrder?
        let dateSystem: DateSystem
        let amountStyle: NumberStyle
        let splitStyle: NumberStyle
        let splitInWholePercents: Bool
        let quotaStyle: NumberStyle
        let rateStyle: NumberStyle
        /// The commission's and bonus's styles, when their columns' texts decide one.
        let commissionStyle: NumberStyle?
        let bonusStyle: NumberStyle?
        /// `mapping.otherReps` and `mapping.commissionOfAllReps`: a deal split between reps on one row.
        let otherReps: [RepColumns]
        let commissionOfAllReps: Bool
        /// The plan's currency (`USD`), and the column naming each row's currency when it is the
        /// amount's (its header names none, and no other column holds the amount in another):
        /// an amount naming another currency is not read as the plan's (`foreignAmount`).
        let planCurrency: String?
        let currencyColumn: Int?
        /// `ColumnStyles.amountsWriteThePlansCurrency`: an amount's symbol is judged too.
        let amountSymbolsJudged: Bool
        /// `ColumnStyles.titleYear`: the year of a date written without one.
        let titleYear: Int?
        /// `ColumnStyles.titleYearUnread`: why a title's year was not read.
        let titleYearUnread: String?
        /// Where the row's value of each field lies among its cells, by field ordinal (-1: none);
        /// a buffer reused from row to row. Positions, not values: a value copied here and reset
        /// for each row retained and released every text cell twice.
        var cellOfField = [Int](repeating: -1, count: Field.allCases.count)
        /// Per field ordinal, how many numbers and dates were stored as text.
        var textNumbers = [Int](repeating: 0, count: Field.allCases.count)
        /// Texts already read as a split, a close date or a cancel date (few distinct ones repeat).
        var splits: [String: Decimal] = [:]
        var dates: [String: LocalDate] = [:]
        var cancelDates: [String: LocalDate] = [:]
        /// The last split read from a number cell, by the number's storage bits
        /// (`Decimal.packedStorage`): a column of 1s is read once.
        var lastNumberSplit: (bits: UInt64, split: Decimal?)?
        /// A line read with each cancel date and quota met (up to `mostSharedRare` of them), whose
        /// copy of them a later line with the same shares: a quota column repeats each rep's quota
        /// on rows that need not stand together.
        private var linesByRare: [RareKey: CreditLine] = [:]
        private static let mostSharedRare = 4096

        private struct RareKey: Hashable {
            let cancelDate: LocalDate?
            let quota: Decimal?
        }

        /// A line read before whose cancel date and quota are `cancelDate` and `quota`, to share
        /// them with (`CreditLine.init(…sharingWith:)`): `previous` when its are, else one met before.
        func line(sharing cancelDate: LocalDate?, _ quota: Decimal?, previous: CreditLine?) -> CreditLine? {
            if cancelDate == nil && quota == nil { return nil }
            if let previous, previous.cancelDate == cancelDate, previous.quota == quota { return previous }
            return linesByRare[RareKey(cancelDate: cancelDate, quota: quota)]
        }

        /// Remembers `line` as the one to share its cancel date and quota with.
        mutating func remember(sharing line: CreditLine) {
            guard line.cancelDate != nil || line.quota != nil, linesByRare.count < Self.mostSharedRare else { return }
            let key = RareKey(cancelDate: line.cancelDate, quota: line.quota)
            if linesByRare[key] == nil { linesByRare[key] = line }
        }
        /// The labels given to lines already, by their texts, so that the process's table (and
        /// its lock) is asked once per distinct texts.
        private var labels: [LabelTexts: CreditLine.Labels] = [:]
        /// The name codes given to lines already (`CreditLine.nameCode`), by rep and labels, so
        /// that the process's table of names (and its lock) is asked once per rep.
        private var nameCodes: [NameKey: UInt32] = [:]

        private struct NameKey: Hashable {
            let rep: String
            let labels: CreditLine.Labels?
        }

        /// `CreditLine.nameCode(rep:labels:)`, remembered (for at most a few thousand reps).
        mutating func nameCode(rep: String, labels: CreditLine.Labels?) -> UInt32 {
            let key = NameKey(rep: rep, labels: labels)
            if let known = nameCodes[key] { return known }
            let code = CreditLine.nameCode(rep: rep, labels: labels)
            if nameCodes.count < 4096 { nameCodes[key] = code }
            return code
        }

        init(mapping: ColumnMapping<Field>, styles: ColumnStyles) {
            var fieldByColumn = [Int](repeating: -1, count: (mapping.columns.values.max() ?? 0) + 1)
            var moreMapped: [(ordinal: Int, column: Int)] = []
            for (field, column) in mapping.columns.sorted(by: { $0.key.ordinal < $1.key.ordinal }) where column >= 0 {
                if fieldByColumn[column] < 0 {
                    fieldByColumn[column] = field.ordinal
                } else {
                    moreMapped.append((field.ordinal, column))
                }
            }
            self.fieldByColumn = fieldByColumn
            self.moreMapped = moreMapped
            columnByField = Field.allCases.map { mapping.columns[$0] }
            datesNameMonths = mapping.datesNameMonths
            quartersFiscalYearStart = mapping.quartersFiscalYearStart
            dateParts = mapping.dateParts
            amountScale = mapping.amountScale
            hasDateColumn = mapping.columns[.date] != nil
            commissionColumn = mapping.columns[.commission]
            commissionColumns = mapping.commissionColumns
            commissionPeriods = mapping.commissionPeriods
            rateColumn = mapping.columns[.rate]
            bonusColumn = mapping.columns[.bonus]
            addedBonusColumns = mapping.addedColumns[.bonus] ?? []
            dateOrder = styles.dates[.date]
            cancelOrder = styles.dates[.cancelDate]
            dateSystem = styles.dateSystem
            amountStyle = styles.numbers[.amount] ?? .decimalPoint
            splitStyle = styles.numbers[.split] ?? .decimalPoint
            splitInWholePercents = styles.splitInWholePercents
            quotaStyle = styles.numbers[.quota] ?? .decimalPoint
            rateStyle = styles.numbers[.rate] ?? .decimalPoint
            // A column mixing both styles, or showing none, does not tell how its texts that do
            // not show theirs read.
            commissionStyle = styles.toldNumbers.contains(.commission) ? styles.numbers[.commission] : nil
            bonusStyle = styles.toldNumbers.contains(.bonus) ? styles.numbers[.bonus] : nil
            otherReps = mapping.otherReps
            commissionOfAllReps = mapping.commissionOfAllReps
            planCurrency = mapping.currency
            amountSymbolsJudged = styles.amountsWriteThePlansCurrency
            titleYear = styles.titleYear
            titleYearUnread = styles.titleYearUnread
            let amountHeader = mapping.headers[.amount] ?? ""
            currencyColumn =
                UnitsRow.currency(of: amountHeader) == nil && mapping.chosenByCurrency[.amount] == nil
                ? mapping.currencyColumn : nil
        }

        /// Why the amount `written` on `row` is no amount in the plan's currency: it names another
        /// beside its digits (`EUR 9.800,00` under a plan in USD), or the row's currency column
        /// does (`EUR`); nil when neither does, or the plan names no currency.
        func foreignAmount(_ written: CellValue, on row: Row) -> String? {
            guard let plan = planCurrency else { return nil }
            if case .text(let text) = written,
                let mark = WrittenCurrency.foreign(text, plan: plan, symbols: amountSymbolsJudged)
            {
                return "an amount in \(mark) (\"\(text)\"), not in the plan's currency \(plan): "
                    + "convert it to \(plan), as the plan pays on amounts in \(plan)"
            }
            if let column = currencyColumn, let cell = row.cell(at: column),
                let named = WrittenCurrency.foreign(inCurrencyCell: cell.value, plan: plan)
            {
                let place = "\(CellAddress.columnName(column))\(row.index)"
                return "an amount booked in \(named) (its currency, \(place)), not in the plan's currency \(plan): "
                    + "convert it to \(plan), as the plan pays on amounts in \(plan)"
            }
            return nil
        }

        /// A line's labels (`CreditLine.Labels.of`), remembered by their texts (at most a few
        /// thousand).
        mutating func labels(product: String?, type: String?, status: String?) -> CreditLine.Labels? {
            guard product != nil || type != nil || status != nil else { return nil }
            let texts = LabelTexts(product: product, type: type, status: status)
            if let known = labels[texts] { return known }
            let made = CreditLine.Labels.of(product: product, type: type, status: status)
            if labels.count < 4096 { labels[texts] = made }
            return made
        }

        /// `read(value)`, remembered by text for a text value (`memo`); only values read
        /// remembered, and at most a few thousand texts.
        static func remembered<T>(
            _ value: CellValue, in memo: inout [String: T], _ read: (CellValue) throws(ValueReading.Failure) -> T?
        ) throws(ValueReading.Failure) -> T? {
            guard case .text(let text) = value else { return try read(value) }
            if let known = memo[text] { return known }
            let found = try read(value)
            if let found, memo.count < 4096 { memo[text] = found }
            return found
        }
    }
}
