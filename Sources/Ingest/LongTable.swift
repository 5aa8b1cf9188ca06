import Spreadsheet

/// A long (tidy) table: each deal on several rows, one per measure, under a `Measure | Value` pair
/// of columns (`Deal ID | Close Date | Sales Rep | Measure | Value`, the measure `Amount`, `Rate`,
/// `Commission`), as a database's or Power Query's unpivoted output writes deals. Trueup reads a
/// deal line per row, so such a table is refused, saying where and how to pivot it, rather than
/// read with one measure's figures for the amount. Told by a header naming the measure column and
/// one naming the value column, and under them measures naming two fields or more, each on two
/// rows or more (a sheet of figures labelled once each, `Metric | Value` of a dashboard, is none).
enum LongTable {
    /// Header keys of the column naming each row's measure.
    private static let measureHeaders: Set<String> = [
        "measure", "measures", "metric", "metrics", "measurename", "metricname", "attribute", "kpi", "variable",
    ]
    /// Header keys of the column holding each row's figure.
    private static let valueHeaders: Set<String> = ["value", "values", "figure", "measurevalue", "metricvalue"]

    /// The reason a table whose header is `row` and whose first rows below are `below` is a long
    /// table not read, naming its measure and value columns and the measures found; nil when it is none.
    static func refusal<Key>(_ row: Row, below: ArraySlice<Row>, fieldsNamed: [String: [Key]]) -> String? {
        var measure: Int?
        var value: Int?
        for cell in row.cells {
            // Each name begins with one of these letters and is 3 to 14 bytes long: other texts are
            // passed over without a key made.
            guard case .text(let text) = cell.value, (3...14).contains(text.utf8.count),
                let first = text.utf8.first, "mMvVaAkKfF".utf8.contains(first)
            else { continue }
            let key = headerKey(text)
            if measure == nil, measureHeaders.contains(key) { measure = cell.column }
            if value == nil, valueHeaders.contains(key) { value = cell.column }
        }
        guard let measure, let value else { return nil }
        var counts: [String: Int] = [:]
        var names: [String: String] = [:]
        for line in below {
            guard case .text(let text)? = line.cell(at: measure)?.value else { continue }
            let key = headerKey(text)
            guard fieldsNamed[key]?.isEmpty == false else { continue }
            counts[key, default: 0] += 1
            if names[key] == nil { names[key] = text }
        }
        let repeated = counts.filter { $0.value >= 2 }.keys
        let fields = Set(repeated.flatMap { key in fieldsNamed[key]!.map { "\($0)" } })
        guard repeated.count >= 2, fields.count >= 2 else { return nil }
        let shown = repeated.compactMap { names[$0] }.sorted().map { "'\($0)'" }.joined(separator: ", ")
        return "the deals stand one measure a row (a long table): column \(CellAddress.columnName(measure)) names "
            + "each row's measure (\(shown)) and column \(CellAddress.columnName(value)) its figure, where trueup "
            + "reads a deal line a row; it is not read: pivot it to a column per measure (a PivotTable of "
            + "the values by deal, or Power Query's Pivot Column) to read it"
    }
}
