import Formula
import Foundation
import Spreadsheet
import XLSX

/// The wrong inputs a correction writes instead of typing over the formulas that read them
/// (`Finding.wrongInput`): a rate typed by hand that is not the plan's, a summary row's
/// misspelled rep name that its `SUMIFS(…,A5)` finds no deal of.
///
/// An input is written only where that is safe and exact: the cell holds a value of its kind (a
/// number for a rate, a text for a name), not a formula; each wrong figure it is proposed for
/// reads it as a cell of its own (a name as a lookup's criteria); no formula on another row reads
/// it so (a rate in `$H$1` that every row reads is no one row's to change: when it is wrong for
/// all of them it is the rate table's case, `RateTableFindings`); and with it written, every such
/// figure's formula gives the plan's figure to the cent (`inexact` tells those that do not).
/// Otherwise the input is left as it is and the figures are typed, as any wrong figure is
/// (`dropping`).
enum InputCorrections {
    typealias Corrections = [(sheet: SheetInfo, edits: [CellEdit])]

    /// The functions whose criteria arguments a name cell may be, and where those stand: every
    /// second argument from the index given.
    static let criteria: [String: (first: Int, repeats: Bool)] = [
        "SUMIFS": (2, true), "AVERAGEIFS": (2, true), "MAXIFS": (2, true), "MINIFS": (2, true),
        "COUNTIFS": (1, true), "SUMIF": (1, false), "COUNTIF": (1, false), "AVERAGEIF": (1, false),
    ]

    /// Whether `corrections` propose any input.
    static func proposed(_ corrections: Corrections) -> Bool {
        corrections.contains { $0.edits.contains { !$0.feeds.isEmpty } }
    }

    /// `corrections` with the inputs that fail the checks read from the formulas of `workbook`
    /// dropped (each with its figures typed), and each input kept told what it held (`was`), its
    /// figures keeping their formulas. Whether those then give the plan's figures is for
    /// `inexact` to say, once the workbook is recalculated.
    static func checked(_ corrections: Corrections, in workbook: FormulaWorkbook) -> Corrections {
        var inputs: [String: [CellAddress: CellEdit]] = [:]
        for (sheet, edits) in corrections {
            for edit in edits where !edit.feeds.isEmpty { inputs[sheet.name, default: [:]][edit.address] = edit }
        }
        guard !inputs.isEmpty else { return corrections }
        var refused: Set<String> = []
        var fedFormulas: [String: FormulaExpression] = [:]
        var fed: Set<String> = []
        for (sheet, edits) in inputs {
            for edit in edits.values { for cell in edit.feeds { fed.insert("\(sheet)!\(cell)") } }
        }
        let rows = inputs.mapValues { Set($0.keys.map(\.row)) }
        // One pass: the fed figures' formulas, and every formula naming a cell on an input's row
        // (a few per input: the row's own), read for whether it reads an input from another row.
        for position in workbook.formulas.indices {
            let (index, address) = workbook.formulas.location(at: position)
            let home = workbook.sheets[index].name
            let key = "\(home)!\(address)"
            if inputs[home]?[address] != nil {
                refused.insert(key)
                continue
            }
            let text = workbook.formulas[position].text
            let namesInputRow = rows.contains { sheet, rows in
                // A cell of its own sheet is named with or without the sheet's name.
                let references =
                    FormulaReferences.references(in: text, sheet: sheet)
                    + (sheet == home ? FormulaReferences.references(in: text, sheet: nil) : [])
                return references.contains { !$0.isRange && rows.contains($0.rows.lowerBound) }
            }
            guard namesInputRow || fed.contains(key), let expression = try? Parser.parse(text) else { continue }
            if fed.contains(key) { fedFormulas[key] = expression }
            for (sheet, edits) in inputs {
                for input in edits.keys
                where (sheet != home || input.row != address.row) && reads(expression, input, of: sheet, from: home) {
                    refused.insert("\(sheet)!\(input)")
                }
            }
        }
        var result = corrections
        for position in result.indices {
            let sheet = result[position].sheet.name
            guard let index = workbook.sheet(named: sheet) else { continue }
            for (number, edit) in result[position].edits.enumerated() where !edit.feeds.isEmpty {
                let key = "\(sheet)!\(edit.address)"
                let held = workbook.sheets[index][edit.address.row, edit.address.column]
                let was: String?
                switch (held, edit.typed) {
                case (.number(let number), nil): was = "\(number)"
                case (.text(let text), _?): was = text
                default: was = nil
                }
                let readByEach = edit.feeds.allSatisfy { cell in
                    fedFormulas["\(sheet)!\(cell)"].map {
                        edit.typed == nil
                            ? reads($0, edit.address, of: sheet, from: sheet)
                            : readsAsCriteria($0, edit.address, of: sheet, from: sheet)
                    } ?? false
                }
                if refused.contains(key) || was == nil || !readByEach {
                    refused.insert(key)
                } else {
                    result[position].edits[number].was = was
                }
            }
        }
        return dropping(refused, from: result)
    }

    /// The inputs (`Sheet!A1`) of `corrections` whose figures' formulas, in `results` (the
    /// workbook recalculated with the inputs written and every other correction made), do not
    /// all give the plan's figure to the cent.
    static func inexact(_ corrections: Corrections, results: [FormulaResult]) -> Set<String> {
        var given: [String: Decimal] = [:]
        for result in results {
            if case .success(let value) = result.outcome, case .number(let number) = value.scalar {
                given["\(result.sheet)!\(result.cell.address)"] = number
            }
        }
        var wrong: Set<String> = []
        for (sheet, edits) in corrections {
            let wanted = Dictionary(edits.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
            for edit in edits where !edit.feeds.isEmpty {
                let exact = edit.feeds.allSatisfy { cell in
                    given["\(sheet.name)!\(cell)"].map { wanted[cell]?.isGiven(by: $0) ?? false } ?? false
                }
                if !exact { wrong.insert("\(sheet.name)!\(edit.address)") }
            }
        }
        return wrong
    }

    /// `corrections` without the inputs `refused` names (`Sheet!A1`), their figures typed.
    static func dropping(_ refused: Set<String>, from corrections: Corrections) -> Corrections {
        guard !refused.isEmpty else { return corrections }
        return corrections.map { sheet, edits in
            let dropped = Set(edits.filter { refused.contains("\(sheet.name)!\($0.address)") }.map(\.address))
            guard !dropped.isEmpty else { return (sheet, edits) }
            return (
                sheet,
                edits.compactMap { edit in
                    if dropped.contains(edit.address) { return nil }
                    var edit = edit
                    if let input = edit.correctedInput, dropped.contains(input) {
                        edit.correctedInput = nil
                        edit.keepsFormula = false
                    }
                    return edit
                }
            )
        }
    }

    /// `corrections` with every input proposed dropped: a workbook whose formulas cannot be read.
    static func droppingAll(_ corrections: Corrections) -> Corrections {
        dropping(
            Set(
                corrections.flatMap { sheet, edits in
                    edits.filter { !$0.feeds.isEmpty }.map { "\(sheet.name)!\($0.address)" }
                }),
            from: corrections)
    }

    /// Whether `expression`, a formula on sheet `home`, reads `cell` of sheet `sheet` as a cell
    /// of its own (not inside a range).
    static func reads(_ expression: FormulaExpression, _ cell: CellAddress, of sheet: String, from home: String) -> Bool
    {
        expression.references.contains { refers($0, cell, of: sheet, from: home) }
    }

    /// Whether `expression` reads `cell` as the criteria of a conditional sum or count
    /// (`SUMIFS(Deals!F:F,Deals!B:B,A5)`).
    static func readsAsCriteria(
        _ expression: FormulaExpression, _ cell: CellAddress, of sheet: String, from home: String
    )
        -> Bool
    {
        var found = false
        expression.visit { node in
            guard case .call(let name, let arguments) = node, let place = criteria[name] else { return }
            var index = place.first
            while index < arguments.count {
                if refers(arguments[index], cell, of: sheet, from: home) { found = true }
                guard place.repeats else { break }
                index += 2
            }
        }
        return found
    }

    /// Whether `node` is a reference to `cell` of `sheet` alone, written on sheet `home`.
    private static func refers(_ node: FormulaExpression, _ cell: CellAddress, of sheet: String, from home: String)
        -> Bool
    {
        guard case .reference(let reference) = node, reference.isCell, reference.firstRow == cell.row,
            reference.firstColumn == cell.column
        else { return false }
        return (reference.sheet ?? home).lowercased() == sheet.lowercased()
    }
}
