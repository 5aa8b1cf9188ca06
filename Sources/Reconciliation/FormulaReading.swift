import Formula
import Ingest
import Parallel
import Recalculation
import Spreadsheet
import XLSX

/// What the reconciler takes from a workbook's own formulas: values for formulas saved without a
/// cached value (put into the workbook's reads), the stale cached values, and a line for the report.
///
/// The check may be left to run beside the reconciliation (`evaluate`'s `mayCheckBeside`): it
/// begins at `beginCheckBeside()`, and `staleCells` and `note` are read only after `settle()`.
struct FormulaReading {
    /// The formula cells whose cached value is not what their formula gives.
    var staleCells: [FormulaCensus.StaleCell] {
        get {
            precondition(checking == nil, "the formula check runs beside: settle() first")
            return stale
        }
        set { stale = newValue }
    }
    /// The line the report shows about formulas without a cached value, or about a check not made.
    var note: String? {
        get {
            precondition(checking == nil, "the formula check runs beside: settle() first")
            return noteText
        }
        set { noteText = newValue }
    }
    private var stale: [FormulaCensus.StaleCell] = []
    private var noteText: String?
    /// The check left to run beside the reconciliation, when its result was not needed to read
    /// the deals: waiting for `beginCheckBeside()`, then running on another thread.
    private var checking: CheckBeside?
    private enum CheckBeside {
        typealias Found = (stale: [FormulaCensus.StaleCell], note: String?)
        case waiting(@Sendable () -> Found)
        case running(Background<Found>)
    }
    /// The rate columns `keepCellsReadByRateFormulas` was asked to keep while the check was left
    /// beside (waiting or running).
    private var keptOnceChecked: Set<Int>?
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
    /// While the check runs beside, the cells are let go once it has finished (`settle()`).
    mutating func keepCellsReadByRateFormulas(in rateColumns: Set<Int>) {
        guard checking == nil else {
            keptOnceChecked = rateColumns
            return
        }
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
    ///
    /// `mayCheckBeside` says of the workbook collected whether what its check finds is needed
    /// before the reconciliation starts: given true, and where no formula lacks a cached value (the
    /// deal rows would be read again with the values found) and the workbook asks for no
    /// recalculation on open, the check runs on another thread while the reconciliation goes
    /// on, from `beginCheckBeside()` until `settle()`. Its formulas and cells are there at once.
    static func evaluate(
        _ collector: FormulaCollector, recalculatesOnLoad: Bool, afterReading: () -> Void,
        mayCheckBeside: (FormulaWorkbook) -> Bool = { _ in false },
        progress: (_ stage: String, _ done: Int64, _ total: Int64) -> Void
    ) -> FormulaReading {
        var collected: FormulaWorkbook
        do {
            collected = try collector.finish()
        } catch {
            afterReading()
            return FormulaReading(noteText: "formulas not evaluated: \(error)")
        }
        afterReading()
        progress("evaluating the workbook's formulas", 0, 0)
        if !recalculatesOnLoad, !collected.formulas.hasFormulaWithoutCachedValue, mayCheckBeside(collected) {
            // What the check would let go of first, let go of here: the cells it reads and the
            // reconciliation's stages are then the same value, read on both threads, written on none.
            collected.keepColumns(collected.columnsRead().byAnyFormula)
            let checked = collected
            return FormulaReading(
                checking: .waiting {
                    let check = FormulaCheck(checked)
                    return (check.stale, check.note)
                }, workbook: collected)
        }
        // Handed over: the check lets go of the columns no formula reads, which no other
        // reference may hold.
        let check = FormulaCheck(consume collected, keeping: .readByFormulas)
        var reading = FormulaReading(
            stale: check.stale, noteText: check.note, workbook: check.workbook, values: check.values)
        if recalculatesOnLoad, check.stale.contains(where: { $0.cached == .number(0) }) {
            reading.readPlaceholderZeros()
        }
        return reading
    }

    /// Whether the check is left to run beside the reconciliation (`settle()` waits for it).
    var isCheckingBeside: Bool { checking != nil }

    /// Whether the check left beside runs on another thread (`beginCheckBeside()`).
    var isCheckRunningBeside: Bool {
        if case .running = checking { true } else { false }
    }

    /// Begins the check left to run beside the reconciliation on another thread, when there is one
    /// not yet begun. A caller begins it where its own work leaves a core idle: beside the engine's
    /// run, which keeps every core busy, it would only slow that run down.
    mutating func beginCheckBeside() {
        guard case .waiting(let work) = checking else { return }
        checking = .running(Background(work))
    }

    /// Waits for the check beside the reconciliation, when there is one (running it here when it
    /// was not begun), and takes what it found; then lets go of the cells
    /// `keepCellsReadByRateFormulas` was asked to while it ran.
    mutating func settle() {
        guard let checking else { return }
        switch checking {
        case .waiting(let work): (stale, noteText) = work()
        case .running(let background):
            do {
                (stale, noteText) = try background.result()
            } catch {
                noteText = "formulas not evaluated: \(error)"
            }
        }
        self.checking = nil
        if let columns = keptOnceChecked {
            keptOnceChecked = nil
            keepCellsReadByRateFormulas(in: columns)
        }
    }

    /// Reads each formula cell caching 0 as what its formula gives with every formula of the
    /// workbook recalculated (a total over placeholder rows gives their sum, not 0), and calls
    /// none of them stale.
    private mutating func readPlaceholderZeros() {
        stale.removeAll { $0.cached == .number(0) }
        guard let workbook else { return }
        for result in workbook.evaluate(precedents: .recalculated) where result.cell.cached == .number(0) {
            // A number only: an error (text read as a number the way another locale writes it)
            // says nothing against the 0.
            guard case .success(.number(let number)) = result.outcome, number != 0 else { continue }
            values[result.sheet, default: [:]][result.cell.address] = CellValue(.number(number))
        }
    }
}
