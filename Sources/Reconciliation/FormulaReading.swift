import Formula
import Ingest
import Recalculation
import Spreadsheet
import XLSX

/// What the reconciler takes from a workbook's own formulas: values for formulas saved without a
/// cached value (put into the workbook's reads), the stale cached values, and a line for the report.
struct FormulaReading {
    var staleCells: [FormulaCensus.StaleCell] = []
    var note: String?
    /// The workbook's formulas, for their texts, for tracing rates to the table they are looked
    /// up from and totals to the cells they add up; of its cells, the columns some formula reads
    /// (`FormulaCheck.Kept.readByFormulas`), then those `keepCellsReadByRateFormulas` keeps.
    var workbook: FormulaWorkbook?
    /// Values for formulas the file holds without a cached value, by sheet name and cell.
    var values: [String: [CellAddress: CellValue]] = [:]

    /// Lets go of the cells no stage after the reading reads again: of the workbook's cells, only
    /// the columns read by a formula that stands in one of `rateColumns` (the deals' rate columns,
    /// on any sheet; a sheet without one gives its commission column, whose formulas may read the
    /// rate from one cell) and reads beyond its own row are kept, for `RateTableFindings` to
    /// evaluate such a formula (a rate looked up in a table, or kept in `$H$1`) again. The formulas themselves, the names and
    /// the tables stay, for `CommissionFormulas` and `FindingPrecedents`, which read no cell.
    mutating func keepCellsReadByRateFormulas(in rateColumns: Set<Int>) {
        guard let read = workbook?.columnsRead(standingIn: { rateColumns.contains($1) }) else { return }
        workbook?.keepColumns(read.beyondOwnRow)
    }

    /// Evaluates the formulas of the workbook `collector` heard the other readers read (it reads
    /// the sheets they did not read whole, then calls `afterReading`). A sheet the check cannot
    /// read is no reason to refuse the reconciliation (the deals reader reports what it needs):
    /// the note then says the formulas were not evaluated.
    /// A workbook that asks to be recalculated on open (`recalculatesOnLoad`) may have been
    /// written by a tool that puts 0 for every formula's value (XlsxWriter does): there a cached 0
    /// is a placeholder, not stale, and is read as what its formula gives with the workbook
    /// recalculated (as the person opening it sees it; kept 0 where the formula gives no
    /// number). Any other cached value its formula does not give is still stale, for that is the
    /// figure anyone reading the file without recalculating it sees.
    static func evaluate(
        _ collector: FormulaCollector, recalculatesOnLoad: Bool, afterReading: () -> Void,
        progress: (_ stage: String, _ done: Int64, _ total: Int64) -> Void
    ) -> FormulaReading {
        let collected: FormulaWorkbook
        do {
            collected = try collector.finish()
        } catch {
            afterReading()
            return FormulaReading(note: "formulas not evaluated: \(error)")
        }
        afterReading()
        progress("evaluating the workbook's formulas", 0, 0)
        // Handed over: the check lets go of the columns no formula reads, which no other
        // reference may hold.
        let check = FormulaCheck(consume collected, keeping: .readByFormulas)
        var reading = FormulaReading(
            staleCells: check.stale, note: check.note, workbook: check.workbook, values: check.values)
        if recalculatesOnLoad, check.stale.contains(where: { $0.cached == .number(0) }) {
            reading.readPlaceholderZeros()
        }
        return reading
    }

    /// Reads each formula cell caching 0 as what its formula gives with every formula of the
    /// workbook recalculated (a total over placeholder rows gives their sum, not 0), and calls
    /// none of them stale.
    private mutating func readPlaceholderZeros() {
        staleCells.removeAll { $0.cached == .number(0) }
        guard let workbook else { return }
        for result in workbook.evaluate(precedents: .recalculated) where result.cell.cached == .number(0) {
            // A number only: an error (text read as a number the way another locale writes it)
            // says nothing against the 0.
            guard case .success(.number(let number)) = result.outcome, number != 0 else { continue }
            values[result.sheet, default: [:]][result.cell.address] = CellValue(.number(number))
        }
    }
}
