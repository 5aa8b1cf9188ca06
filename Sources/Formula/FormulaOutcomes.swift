/// Each formula's outcome by its position in a workbook's formula list, as evaluation makes them
/// in dependency order and hands them over in list order: a value in the four bytes of a
/// `PackedColumn` word where it has a narrow form, the reasons formulas are not evaluable beside.
/// A million outcomes take about 4 MB, not the 24 MB of an array of `Result`s.
struct FormulaOutcomes {
    private var values = PackedValues()
    private var words = PackedColumn()
    private var failures: [Int: NotEvaluable] = [:]
    /// Which positions were given an outcome, a bit each.
    private var given: [UInt64]

    /// Room for the outcomes of `count` formulas, none given yet.
    init(count: Int) {
        given = [UInt64](repeating: 0, count: (count + 63) / 64)
        if count > 0 { words.set(PackedValues.blank, at: count - 1, values: &values) }
    }

    /// Gives the formula at `position` its outcome; a later one replaces it (a formula evaluated
    /// again once the cells it reached through OFFSET or INDIRECT are).
    mutating func set(_ outcome: Result<FormulaValue, NotEvaluable>, at position: Int) {
        given[position / 64] |= 1 << UInt64(position % 64)
        switch outcome {
        case .success(let value):
            if !failures.isEmpty { failures[position] = nil }
            words.set(values.pack(value), at: position, values: &values)
        case .failure(let reason): failures[position] = reason
        }
    }

    /// The outcome of the formula at `position`, the value exactly as given; nil when none was.
    subscript(position: Int) -> Result<FormulaValue, NotEvaluable>? {
        guard given[position / 64] & 1 << UInt64(position % 64) != 0 else { return nil }
        if let reason = failures[position] { return .failure(reason) }
        return .success(words.value(at: position, values: values))
    }
}
