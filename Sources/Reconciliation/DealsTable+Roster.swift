import Commission
import Ingest

extension DealsTable {
    /// Reads each deal row's rep against `roster` as `reconcile` does (`RepIdentity.resolve`): an
    /// id, a name, an alias, an e-mail or a form of the name (`Lima, Ana`, `A. Lima`) becomes the
    /// roster's id. Rows naming no one of the roster are taken out and returned (in `reconcile`
    /// they are `wrong_rep` findings), with a note for each way a rep is written other than the
    /// roster's own. Nothing changes without a roster.
    public mutating func resolveReps(against roster: [RosterEntry]) -> (notes: [String], unknown: [CreditLine]) {
        let resolution = RepIdentity.resolve(&self, roster: roster)
        return (resolution.notes, resolution.unknown.map(\.line))
    }
}
