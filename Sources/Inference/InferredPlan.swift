import Commission
import Foundation

/// A plan proposed from a workbook, with the evidence for each clause, what could not be
/// established, readings the rows cannot tell apart, and how far the plan reproduces the sheet.
public struct InferredPlan: Sendable {
    public var plan: Plan
    /// Evidence lines per clause: `period`, `tiers`, `overrides`, `cap`, `bonuses`, `clawback`,
    /// `eligible`, `rounding`, `currency`, `splits`.
    public var evidence: [String: [String]]
    /// Clauses left out, each with why.
    public var notEstablished: [String]
    /// Readings that fit the rows equally, with the data that would decide.
    public var ambiguities: [String]
    /// The proposed plan run through the engine against the workbook's own figures.
    public var fit: FitReport
    /// The workbook, the deals sheet and the rows read.
    public var source: String
    /// Which clauses the plan sets from evidence (others keep the contract's defaults).
    public var established: Set<String>
    /// Rows left out of the fit because a cell could not be read, each named with why.
    public var unread: [String] = []

    /// Why no plan can be proposed: the tier table, which every plan needs, could not be read from
    /// the workbook (no commission figures, or no rate enough rows share); nil when it was. A plan
    /// without it would pay a made-up 0%, so none is written.
    public var refusal: String? {
        guard !established.contains("tiers") else { return nil }
        let prefix = "commission tiers: "
        let why = notEstablished.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        return "no tier table can be read from it (\(why ?? "no commission figure to read one from")); no plan proposed"
    }
}
