import Formula
import Foundation
import Recalculation
import Spreadsheet
import XLSX

/// The formula cells that read corrected cells, directly or through other formulas and across
/// sheets, given the values they take once the corrections are made.
///
/// A corrected workbook still asks for a full recalculation on open, but a reader of cached values
/// (openpyxl with `data_only=True`, pandas, a payroll import) never recalculates: without this it
/// would see the old, wrong totals beside the corrected rows.
enum DependentTotals {
    /// What recalculating found: the edits to make, sheet by sheet, and how many formulas changed
    /// value or could not be evaluated (those keep their old cached value; the recalculation on
    /// open still corrects them in Excel and LibreOffice).
    struct Result {
        var edits: [(sheet: SheetInfo, edits: [CellEdit])]
        var recalculated: Int
        var notEvaluable: Int
    }

    /// `corrections` with every dependent formula cell added (keeping its formula and style, with
    /// its new value cached). A corrected cell keeps the engine's value, but for a total that
    /// keeps its formula, which caches what the formula gives over the cells as written (the
    /// engine's figure, unless a correction it adds up was declined); a formula that does not
    /// reproduce its own cached value from the file is left as it is.
    static func apply(
        to proposed: [(sheet: SheetInfo, edits: [CellEdit])], workbook path: String
    ) throws -> Result {
        guard !proposed.isEmpty else { return Result(edits: [], recalculated: 0, notEvaluable: 0) }
        let source = try XLSXWorkbook(path: path)
        let formulas = try WorkbookFormulas(source).workbook
        guard !formulas.formulas.isEmpty else {
            return Result(edits: InputCorrections.droppingAll(proposed), recalculated: 0, notEvaluable: 0)
        }
        var columnFormulas: [Int: [CellAddress: String]] = [:]
        func changes(_ corrections: [(sheet: SheetInfo, edits: [CellEdit])]) -> [CellChange] {
            var changes: [CellChange] = []
            for (sheet, edits) in corrections {
                guard let index = formulas.sheet(named: sheet.name) else { continue }
                for edit in edits where !edit.recalculates {
                    // A repaired formula is taken at its value: what it gives is `edit.value`.
                    changes.append(
                        CellChange(
                            sheet: index, address: edit.address,
                            value: edit.typed.map { .text($0.text) } ?? .number(edit.value),
                            keepsFormula: edit.keepsFormula && edit.formula == nil,
                            formula: columnFormulas[index]?[edit.address]))
                }
            }
            return changes
        }
        // A wrong input written where a wrong figure's formula reads it, when its formula then
        // gives the engine's value; else the figure is typed (`InputCorrections`).
        var corrections = proposed
        if InputCorrections.proposed(corrections) {
            corrections = InputCorrections.checked(corrections, in: formulas)
            if InputCorrections.proposed(corrections) {
                let inexact = InputCorrections.inexact(
                    corrections, results: formulas.recalculated(after: changes(corrections)))
                corrections = InputCorrections.dropping(inexact, from: corrections)
            }
        }
        // A wrong cell whose formula its correction replaces may take its column's formula instead of a
        // typed value: when that formula gives the engine's value over the corrected workbook.
        var replacedFormulas: [(sheet: Int, address: CellAddress)] = []
        for (sheet, edits) in corrections {
            guard let index = formulas.sheet(named: sheet.name) else { continue }
            for edit in edits
            where !edit.keepsFormula && edit.formula == nil && edit.typed == nil && !edit.recalculates
                && edit.feeds.isEmpty
            {
                replacedFormulas.append((index, edit.address))
            }
        }
        columnFormulas = ColumnFormulas.candidates(replacedFormulas, in: formulas)
        var bySheet: [String: [CellAddress: CellEdit]] = [:]
        for (sheet, edits) in corrections {
            bySheet[sheet.name] = Dictionary(edits.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var results = formulas.recalculated(after: changes(corrections))
        if !columnFormulas.isEmpty {
            // A column's formula that does not give the engine's value exactly is dropped (the cell
            // takes the typed value: a plan keeping lines exact pays what no ROUND(…,2) gives), and
            // the workbook recalculated without it.
            var kept: [Int: [CellAddress: String]] = [:]
            for result in results {
                guard let index = formulas.sheet(named: result.sheet),
                    let formula = columnFormulas[index]?[result.cell.address],
                    let edit = bySheet[result.sheet]?[result.cell.address],
                    case .success(let value) = result.outcome, case .number(let number) = value.scalar,
                    number == edit.value
                else { continue }
                kept[index, default: [:]][result.cell.address] = formula
                bySheet[result.sheet]?[result.cell.address]?.formula = formula
            }
            let candidates = columnFormulas.values.map(\.count).reduce(0, +)
            if kept.values.map(\.count).reduce(0, +) < candidates {
                columnFormulas = kept
                results = formulas.recalculated(after: changes(corrections))
            }
        }
        var recalculated = 0
        var notEvaluable = 0
        // A formula whose cached value it does not reproduce from the file as it is (SUMIFS over
        // names written otherwise, numbers stored as text) is not trusted with a new value.
        let unreproducedCells = formulas.evaluate(precedents: .cachedWhereAvailable).filter {
            $0.agreesWithCached == false
        }.map { SheetCell($0.cell.sheet, $0.cell.address) }
        let unreproduced = Set(unreproducedCells.map { "\($0.sheet)!\($0.address)" })
        // A total reading one of those, directly or not, is recalculated from its new value, which
        // is not trusted either.
        var readsUnreproduced = unreproducedCells.isEmpty ? nil : PrecedentWalk(formulas, accepting: unreproducedCells)
        for result in results {
            let key = "\(result.cell.sheet)!\(result.cell.address)"
            // A corrected cell keeps the engine's value, but for a stale formula's, which takes
            // what its formula gives after the corrections (its cached value is no guide).
            let corrected = bySheet[result.sheet]?[result.cell.address]
            let stale = corrected?.recalculates == true
            if var total = corrected, total.keepsFormula && total.formula == nil && !stale {
                // A corrected total that keeps its formula caches what the formula gives from the
                // cells as written, a declined correction's manual figure included (over accepted
                // corrections it is the engine's); one it cannot evaluate, or that reads a formula
                // not trusted, keeps the engine's.
                guard !unreproduced.contains(key),
                    readsUnreproduced?.reachedCells(from: result.cell.sheet, result.cell.address)?.isEmpty ?? true,
                    case .success(let value) = result.outcome,
                    case .number(let number) = value.scalar
                else { continue }
                total.value = number
                bySheet[result.sheet]![result.cell.address] = total
                continue
            }
            if !stale && (corrected != nil || unreproduced.contains(key)) { continue }
            guard case .success(let value) = result.outcome, var edit = Self.edit(result.cell.address, value) else {
                if !stale { notEvaluable += 1 }
                continue
            }
            if stale {
                guard edit.typed == nil else { continue }
                edit.highlighted = true
                edit.recalculates = true
            }
            bySheet[result.sheet, default: [:]][result.cell.address] = edit
            if !stale { recalculated += 1 }
        }
        let edits = source.sheets.compactMap { sheet in
            bySheet[sheet.name].map { (sheet: sheet, edits: $0.values.sorted { $0.address < $1.address }) }
        }
        return Result(edits: edits, recalculated: recalculated, notEvaluable: notEvaluable)
    }

    /// The edit caching `value` in a formula cell at `address`, its formula and style kept.
    static func edit(_ address: CellAddress, _ value: FormulaValue) -> CellEdit? {
        var edit = CellEdit(address: address, value: 0, keepsFormula: true, highlighted: false)
        switch value.scalar {
        case .number(let number): edit.value = number
        case .blank: edit.typed = .init(type: "str", text: "")
        case .text(let text): edit.typed = .init(type: "str", text: text)
        case .bool(let flag): edit.typed = .init(type: "b", text: flag ? "1" : "0")
        case .error(let error) where error != .notEvaluable: edit.typed = .init(type: "e", text: error.rawValue)
        case .error, .array: return nil
        }
        return edit
    }
}
