import Commission

/// Period labels as the ledger stores them (`2026-07`, `2026-Q3`, `2026`), read back as periods.
public struct LedgerPeriods: Sendable {
    public let kind: PeriodKind
    public let fiscalYearStart: Int

    public init(kind: PeriodKind, fiscalYearStart: Int) {
        self.kind = kind
        self.fiscalYearStart = fiscalYearStart
    }

    public init(plan: Plan) { self.init(kind: plan.period, fiscalYearStart: plan.fiscalYearStart) }

    /// The period `label` names, or nil when it is not a label of this kind.
    public func period(_ label: String) -> Period? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first.flatMap({ Int($0) }), parts[0].count == 4 else { return nil }
        var firstDay: LocalDate?
        switch (kind, parts.count) {
        case (.year, 1):
            firstDay = LocalDate(year: year, month: fiscalYearStart, day: 1)
        case (.quarter, 2):
            guard parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else {
                return nil
            }
            let months = fiscalYearStart - 1 + (quarter - 1) * 3
            firstDay = LocalDate(year: year + months / 12, month: months % 12 + 1, day: 1)
        case (.month, 2):
            guard parts[1].count == 2, let month = Int(parts[1]) else { return nil }
            firstDay = LocalDate(year: year, month: month, day: 1)
        default: return nil
        }
        guard let firstDay else { return nil }
        let period = Period(containing: firstDay, kind: kind, fiscalYearStart: fiscalYearStart)
        return period.description == label ? period : nil
    }

    /// A label given on the command line, or an error naming what a label of this kind looks like.
    public func parse(_ label: String) throws -> Period {
        if let period = period(label) { return period }
        let example =
            switch kind {
            case .month: "2026-07"
            case .quarter: "2026-Q3"
            case .year: "2026"
            }
        throw LedgerError("period \(label): the plan pays by \(kind.rawValue); expected a label such as \(example)")
    }
}
