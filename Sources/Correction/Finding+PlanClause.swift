import Reconciliation

extension Finding {
    /// Where in the plan file the rule this finding's main cause breaks is written (the "plan:"
    /// line of the corrected cell's note), or nil when the cause is in the data.
    public var planClause: String? { CorrectionNote.clause(cause) }
}
