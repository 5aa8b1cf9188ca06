import Formula
import Spreadsheet
import XLSX

/// Builds a workbook's `FormulaWorkbook` from the reads of its sheets.
///
/// Made the workbook's `observer`, it keeps each sheet that another reader (the deals reader, a
/// summary search) reads to the end, so a sheet is parsed once for both; `finish` then reads the
/// sheets no one read whole. A read that stops early (a header search) is discarded.
public final class FormulaCollector: SheetReadObserver {
    private let source: XLSXWorkbook
    private var workbook: FormulaWorkbook
    /// The formula workbook's sheet for each of the source's sheets, by `SheetInfo.index`.
    private var indexes: [Int: Int] = [:]
    /// The source's sheets read whole, by `SheetInfo.index`.
    private var collected: Set<Int> = []
    /// The read being heard: the source's sheet, the formula workbook's, and how many formulas
    /// there were before it.
    private var current: (source: Int, target: Int, formulasBefore: Int)?

    public init(_ source: XLSXWorkbook) {
        self.source = source
        workbook = FormulaWorkbook(dateSystem: source.dateSystem)
        for sheet in source.sheets {
            indexes[sheet.index] = workbook.addSheet(named: sheet.name)
        }
    }

    public func beginRead(of sheet: SheetInfo) -> Bool {
        guard current == nil, sheet.kind == .worksheet, !collected.contains(sheet.index),
            let target = indexes[sheet.index]
        else { return false }
        current = (sheet.index, target, workbook.formulas.count)
        return true
    }

    public func read(_ row: Row) {
        guard let target = current?.target else { return }
        // The workbook is reached once for the row, not once a cell (each reach of a class's
        // property is checked for exclusive access).
        workbook.setCells(row.cells, row: row.index, inSheet: target)
    }

    public func endRead(of sheet: SheetInfo, complete: Bool, hiddenRows: [Int]) {
        guard let current, current.source == sheet.index else { return }
        if complete {
            collected.insert(sheet.index)
            workbook.setHiddenRows(hiddenRows, ofSheet: current.target)
        } else {
            workbook.discardCells(ofSheet: current.target, formulasAfter: current.formulasBefore)
        }
        self.current = nil
    }

    /// The worksheets no read has gone through whole yet: what `finish` reads.
    public var sheetsToRead: [SheetInfo] {
        source.sheets.filter { $0.kind == .worksheet && !collected.contains($0.index) }
    }

    /// Reads the worksheets not yet read whole, then the tables and defined names: the workbook's
    /// cells and formulas, as if read in tab order. The workbook is handed over, not kept: the
    /// caller holds its only copy (to change in place), and the collector is left empty.
    public func finish() throws -> FormulaWorkbook {
        let previous = source.observer
        source.observer = self
        defer { source.observer = previous }
        for sheet in sheetsToRead {
            try source.readRows(of: sheet) { _ in }
        }
        workbook.orderFormulasBySheet()
        for sheet in source.sheets where sheet.kind == .worksheet {
            for table in try source.tables(of: sheet) {
                workbook.addTable(
                    TableDefinition(
                        name: table.name, sheet: indexes[sheet.index]!, range: table.range, columns: table.columns,
                        headerRows: table.headerRows, totalsRows: table.totalsRows))
            }
        }
        for name in source.definedNames where !name.name.hasPrefix("_xlnm.") {
            workbook.defineName(name.name, formula: name.formula, localSheet: name.localSheet.flatMap { indexes[$0] })
        }
        let finished = workbook
        workbook = FormulaWorkbook(dateSystem: source.dateSystem)
        return finished
    }
}
