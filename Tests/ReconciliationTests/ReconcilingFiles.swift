import Commission
import Ingest
import Reconciliation

extension Reconciler {
    /// The stages `trueup reconcile` runs, for the tests: the workbook read from `workbook`, the
    /// export from `source`, then reconciled. `rowBudget`: the read's (`HandKeptWorkbook.read`).
    static func reconcile(
        workbook: String, plan: Plan, roster: [RosterEntry], sheet: String? = nil, pins: [String: String] = [:],
        source: String? = nil, dateOrder: DateOrder? = nil, rowBudget: Int? = nil
    ) throws -> Reconciliation {
        try reconcile(
            HandKeptWorkbook.read(
                TableFile.open(workbook), plan: plan, roster: roster, sheet: sheet, pins: pins, dateOrder: dateOrder,
                rowBudget: rowBudget),
            plan: plan, roster: roster, source: source.map { try DealsReader.read(TableFile.open($0), pins: pins) })
    }
}
