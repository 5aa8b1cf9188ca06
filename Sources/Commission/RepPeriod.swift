/// One rep in one period: the key of every per-rep-period figure (totals, summary rows, payroll
/// lines). `rep` is whatever identifies the rep where the key is used — the roster id, or a
/// normalised name when reading a sheet — and two keys are equal when both parts are.
public struct RepPeriod: Sendable, Hashable, Comparable {
    public var rep: String
    public var period: Period

    public init(rep: String, period: Period) {
        self.rep = rep
        self.period = period
    }

    /// By rep, then period.
    public static func < (a: RepPeriod, b: RepPeriod) -> Bool { (a.rep, a.period) < (b.rep, b.period) }
}
