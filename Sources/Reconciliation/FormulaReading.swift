import Formula
import Ingest
import Recalculation

/// What the reconciler takes from a workbook's own formulas: values for formulas saved without a
/// cached value (put into the workbook's reads), the stale cached values, and a line for the report.
struct FormulaReading {
    var staleCells: [FormulaCensus.StaleCell] = []
    var note: String?
    /// The workbook's cells and formulas, for tracing rates to the table they are looked up from.
    var workbook: FormulaWorkbook?

    /// Evaluates the formulas of `file` when it is a workbook. A sheet the check cannot read is no
    /// reason to refuse the reconciliation (the deals reader reports what it needs): the note
    /// then says the formulas were not evaluated.
    /// How many cells the formula read keeps for the deals reader: about 150 MB.
    static let rowsKeptForTheDealsReader = 2_000_000

    static func prepare(_ file: TableFile, progress: (_ stage: String, _ done: Int64, _ total: Int64) -> Void)
        -> FormulaReading
    {
        guard case .workbook(let workbook) = file else { return FormulaReading() }
        progress("evaluating the workbook's formulas", 0, 0)
        // The sheets are read whole here; the deals reader then replays them rather than reading
        // the file again, up to a bound on memory (a bigger workbook is read twice).
        workbook.rowsToKeep = rowsKeptForTheDealsReader
        let check: FormulaCheck
        do {
            check = try FormulaCheck(workbook)
        } catch {
            return FormulaReading(note: "formulas not evaluated: \(error)")
        }
        workbook.formulaValues = check.values
        // A workbook that asks to be recalculated on open declares its cached values provisional.
        return FormulaReading(
            staleCells: workbook.recalculatesOnLoad ? [] : check.stale, note: check.note, workbook: check.workbook)
    }
}
