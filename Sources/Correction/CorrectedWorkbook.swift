import Commission
import Foundation
import Reconciliation
import Reports
import Spreadsheet
import XLSX
import ZIP

/// The team's own workbook, corrected: the package is patched, not rebuilt.
///
/// Every wrong pay cell the reconciliation found takes the engine's value and a highlight fill
/// (its number format kept); a total whose formula is right keeps it, with the right value
/// cached. Every formula that reads a corrected cell, directly or not, caches its recalculated
/// value (see `DependentTotals`), so readers of cached values see the corrected totals; the
/// calculation chain is dropped and the workbook still asks for a full recalculation on open. Findings, Summary and Payroll
/// sheets are appended (a copy trueup corrected before has its own replaced, see `AddedSheets`). Every other part is copied byte for byte. A workbook that cannot be
/// patched safely is refused with the reason before anything is written.
public enum CorrectedWorkbook {
    public struct Outcome: Sendable {
        /// Cells given the engine's value.
        public var correctedCells: Int
        /// Formula cells that read corrected cells (directly or not), given their new cached value.
        public var recalculatedCells: Int
        /// Formula cells whose value after the corrections could not be evaluated: they keep their
        /// old cached value until Excel or LibreOffice recalculates on open.
        public var notRecalculated: Int
        /// Parts copied unchanged from the input.
        public var partsCopied: Int
        /// Parts the correction rewrote (sheets, styles, workbook, relationships, content types).
        public var partsPatched: [String]
        /// The names the appended sheets were given.
        public var addedSheets: [String]
        /// trueup's sheets from an earlier correction whose contents were replaced (names kept).
        public var replacedSheets: [String]
        /// Parts added beside the patched sheets (their notes).
        public var partsAdded: [String]
        /// Sheets whose corrected cells got no notes because the sheet's own notes or drawing
        /// cannot take them.
        public var notesSkipped: [String]
    }

    public static func write(
        source path: String, reconciliation: Reconciliation, to handle: FileHandle
    ) throws -> Outcome {
        try write(source: path, input: CorrectionInput(reconciliation), to: handle)
    }

    /// Applies `input` (findings read back from `reconcile --format json`, or a reconciliation's).
    public static func write(source path: String, input: CorrectionInput, to handle: FileHandle) throws -> Outcome {
        let workbook = try XLSXWorkbook(path: path, readingCells: false)
        try input.checkApplies(to: path, workbook: workbook)
        let location = Location(file: path)
        let editor = try PackageEditor(archive: workbook.archive, location: location)

        // The styles part is written after the worksheets: it copies the formats their
        // corrected cells ask for (`StylesPatch.highlight`).
        let styles: StylesPatch
        if let stylesName = workbook.stylesPartName, let stylesPart = try? PartName(stylesName),
            editor.contains(stylesPart)
        {
            styles = try StylesPatch(editor.bytes(of: stylesPart), partName: stylesPart.name, location: location)
            try editor.replace(stylesPart, writtenLast: true, .computed { styles.patched() })
        } else {
            // The styles part is optional (every cell then has the default format): a workbook
            // without one gets the smallest Excel reads, highlighted like any other.
            let workbookPart = try editor.partName(workbook.workbookPartName)
            let folder = workbookPart.folder.isEmpty ? "" : workbookPart.folder + "/"
            let stylesPart = try editor.freePartName { "\(folder)styles\($0 == 1 ? "" : String($0)).xml" }
            styles = try StylesPatch(Array(Self.minimalStyles.utf8), partName: stylesPart.name, location: location)
            try editor.add(stylesPart, contentType: Self.stylesContentType, .computed { styles.patched() })
            try editor.addRelationship(from: workbookPart, type: Self.stylesType, to: stylesPart)
        }

        // trueup's own sheets from an earlier correction: replaced below, never corrected.
        let marked = workbook.sheetsAddedByTrueup
        let corrections = Corrections.edits(
            input.findings, workbook: workbook, skipping: Set(marked.values.map(\.name)))
        let dependents = try DependentTotals.apply(to: corrections, workbook: path)
        let edits = dependents.edits
        let findings = Dictionary(
            input.findings.map { ($0.sheet + "!" + $0.cell.description, $0) }, uniquingKeysWith: { a, _ in a })
        var noteParts: [String] = []
        var notesSkipped: [String] = []
        let sharedNotes = try Self.notesPartsShared(workbook, editor: editor)
        for (sheet, sheetEdits) in edits {
            guard let name = sheet.partName, let part = try? PartName(name), editor.contains(part) else { continue }
            let sheetLocation = Location(file: path, sheet: sheet.name)
            var number = 0
            let notes = try NotesPatch(
                location: sheetLocation, relationships: editor.relationships(of: part),
                newParts: {
                    let folder = Self.notesFolder(of: part)
                    number = editor.freeNumber {
                        ["\(folder)comments\($0).xml", "\(folder)drawings/vmlDrawing\($0).vml"]
                    }
                    return (
                        try editor.partName("\(folder)comments\(number).xml"),
                        try editor.partName("\(folder)drawings/vmlDrawing\(number).vml")
                    )
                }, partBytes: { try editor.bytesIfPresent($0) }, shared: sharedNotes)
            var newDrawingID: String?
            if let notes, !notes.mergesIntoExisting {
                newDrawingID = try editor.addRelationship(from: part, type: NotesPatch.vmlType, to: notes.drawingPart)
                try editor.addRelationship(from: part, type: NotesPatch.commentsType, to: notes.commentsPart)
            }
            let drawingID = newDrawingID
            let replaced = ReplacedFormulas()
            try editor.replace(
                part,
                .streamed { sink in
                    let patch = WorksheetPatch(
                        location: sheetLocation, edits: sheetEdits, formats: styles.formatCount,
                        highlight: { styles.highlight($0) },
                        emit: { try sink.write($0) })
                    try editor.stream(part) { try patch.feed($0) }
                    let tail = try patch.finish()
                    try sink.write(try notes?.tail(tail, drawingID: drawingID) ?? tail.bytes)
                    replaced.formulas = patch.formulas
                })
            guard let notes else {
                notesSkipped.append(sheet.name)
                continue
            }
            // Computed once the sheet has streamed: a note says which formula it replaced.
            let byAddress = Dictionary(sheetEdits.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
            func finding(_ cell: CellAddress) -> Finding? { findings[sheet.name + "!" + cell.description] }
            let texts = {
                sheetEdits.compactMap { edit -> (address: CellAddress, text: String)? in
                    if !edit.feeds.isEmpty {
                        // A wrong input written: its note tells the figures it corrects.
                        let figures = edit.feeds.compactMap { cell in
                            finding(cell).map {
                                (cell: cell, finding: $0, gives: byAddress[cell]?.value ?? $0.expected)
                            }
                        }
                        return figures.isEmpty ? nil : (edit.address, CorrectionNote.input(edit, figures: figures))
                    }
                    return finding(edit.address).map {
                        (
                            address: edit.address,
                            text: CorrectionNote.text(
                                $0, formula: replaced.formulas[edit.address], written: edit.value,
                                columnFormula: $0.repairedFormula == nil ? edit.formula : nil,
                                input: edit.correctedInput.flatMap { cell in byAddress[cell].map { (cell, $0) } })
                        )
                    }
                }.filter { !notes.commentedCells.contains($0.address) }
            }
            if let existing = notes.existingParts {
                try editor.replace(
                    notes.commentsPart, writtenLast: true,
                    .computed { try NotesMerge.comments(existing.comments, adding: texts(), location: sheetLocation) })
                try editor.replace(
                    notes.drawingPart, writtenLast: true,
                    .computed { try NotesMerge.vml(existing.drawing, adding: texts(), location: sheetLocation) })
            } else {
                let block = 100 + number
                try editor.add(
                    notes.commentsPart, contentType: NoteParts.commentsContentType,
                    .computed { NoteParts.comments(texts()) })
                try editor.add(
                    notes.drawingPart, contentType: NoteParts.vmlContentType,
                    .computed { NoteParts.vmlDrawing(texts(), firstBlock: block) })
                noteParts += [notes.commentsPart.name, notes.drawingPart.name]
            }
        }

        var book = try WorkbookEditor(editor: editor, workbookPart: editor.partName(workbook.workbookPartName))
        book.recalculateOnLoad()
        if let chain = workbook.calcChainPartName, let chainPart = try? PartName(chain) {
            try editor.remove(chainPart)
        }
        var replacedSheets: [String] = []
        for sheet in AddedSheets.build(input, workbook: workbook) {
            let bytes = sheet.xml(moneyStyle: styles.moneyStyle)
            if let earlier = marked[sheet.kind.rawValue], let name = earlier.partName, let part = try? PartName(name),
                editor.contains(part)
            {
                try editor.replace(part, .bytes(bytes))
                replacedSheets.append(earlier.name)
            } else {
                let appended = try book.appendWorksheet(named: sheet.name, .bytes(bytes))
                book.defineName(
                    AddedSheets.markName, formula: AddedSheets.markFormula(sheet.kind), localTo: appended, hidden: true)
            }
        }
        try book.commit()

        let summary = try editor.write(to: handle)
        return Outcome(
            correctedCells: corrections.reduce(0) { $0 + $1.edits.count { $0.feeds.isEmpty } },
            recalculatedCells: dependents.recalculated, notRecalculated: dependents.notEvaluable,
            partsCopied: summary.copied.count,
            partsPatched: (summary.replaced + summary.added.filter { $0.lowercased().hasSuffix(".rels") }).sorted(),
            addedSheets: book.appended.map(\.name), replacedSheets: replacedSheets, partsAdded: noteParts,
            notesSkipped: notesSkipped.sorted())
    }

    static let stylesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
    static let stylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
    /// One font, the two fills Excel reserves, one border and the default cell format.
    static let minimalStyles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    /// The comments parts and VML drawings more than one sheet points at: trueup's notes for
    /// one sheet would show on the others too, so they are not merged into.
    static func notesPartsShared(_ workbook: XLSXWorkbook, editor: PackageEditor) throws -> Set<String> {
        var users: [String: Int] = [:]
        for sheet in workbook.sheets {
            guard let name = sheet.partName, let part = try? PartName(name), editor.contains(part) else { continue }
            let relationships = try editor.relationships(of: part)
            let targets = Set(
                relationships.entries.filter { $0.hasType("comments") || $0.hasType("vmlDrawing") }.compactMap {
                    relationships.targetPart(of: $0).flatMap { try? PartName($0) }?.name
                })
            for target in targets { users[target, default: 0] += 1 }
        }
        return Set(users.filter { $0.value > 1 }.keys)
    }

    /// Where a sheet's new notes go: `xl/` for `xl/worksheets/sheet1.xml`, as Excel puts them.
    static func notesFolder(of sheet: PartName) -> String {
        let folder = sheet.folder
        guard let slash = folder.lastIndex(of: "/") else { return folder.isEmpty ? "" : folder + "/" }
        return String(folder[...slash])
    }
}

extension Corrections {
    /// Proposes the wrong input each wrong figure's formula reads (`Finding.wrongInput`) as an
    /// edit of its own feeding the figure, which keeps its formula if `InputCorrections` finds
    /// that safe and exact. Not for a figure whose formula is repaired or kept anyway, nor for an
    /// input that is a wrong figure itself or that two findings would give different values.
    static func proposeInputs(_ findings: [Finding], into bySheet: inout [String: [CellAddress: CellEdit]]) {
        var proposed: [String: [CellAddress: (value: CellValue, feeds: [CellAddress])?]] = [:]
        for finding in findings where finding.isError {
            guard let input = finding.wrongInput, let edit = bySheet[finding.sheet]?[finding.cell],
                !edit.keepsFormula, edit.formula == nil, bySheet[finding.sheet]?[input.cell] == nil
            else { continue }
            switch proposed[finding.sheet]?[input.cell] {
            case nil: proposed[finding.sheet, default: [:]][input.cell] = (input.value, [finding.cell])
            case let earlier?? where earlier.value == input.value:
                proposed[finding.sheet]![input.cell] = (input.value, earlier.feeds + [finding.cell])
            default: proposed[finding.sheet]![input.cell] = .some(nil)
            }
        }
        for (sheet, inputs) in proposed {
            for case let (cell, (value, feeds)?) in inputs {
                var edit = CellEdit(address: cell, value: 0, keepsFormula: false)
                switch value {
                case .number(let number): edit.value = number
                case .text(let text): edit.typed = .init(type: "str", text: text)
                default: continue
                }
                edit.feeds = feeds
                bySheet[sheet]![cell] = edit
                for figure in feeds {
                    bySheet[sheet]![figure]!.correctedInput = cell
                    bySheet[sheet]![figure]!.keepsFormula = true
                }
            }
        }
    }
}

/// The formulas a sheet's patch replaced, known once the sheet has streamed.
private final class ReplacedFormulas {
    var formulas: [CellAddress: String] = [:]
}

/// Which cells a reconciliation corrects.
enum Corrections {
    /// Whether the correction writes `finding`'s cell: a wrong pay figure that is not an input,
    /// or a stale input (which keeps its formula and caches what it gives).
    static func writes(_ finding: Finding) -> Bool {
        finding.isError && ((finding.isPay && !finding.isInput) || finding.isStaleInput)
    }

    /// The positions of the rows within the tolerance (`rounding`) that a total over them, wrong
    /// by how they are rounded (derived, `rounding_mode` among its causes: alone, or beside wrong
    /// rows), adds up: those of its rep, in its period or one within it (any, for a total of no
    /// period). The total keeps its formula, so the rows take the plan's figures (and a formula
    /// rounding as the plan does, where one gives them) for it to give the plan's total.
    static func roundedUnderTotals(_ findings: [Finding]) -> Set<Int> {
        var totals: [String: [Period?]] = [:]
        for finding in findings
        where finding.isError && finding.isDerived && finding.causes.contains(.roundingMode) {
            guard let rep = finding.rep?.normalizedKey else { continue }
            totals[rep, default: []].append(finding.period)
        }
        guard !totals.isEmpty else { return [] }
        return Set(
            findings.indices.filter { position in
                let row = findings[position]
                guard row.cause == .rounding, row.isPay, !row.isInput, !row.isDerived,
                    let periods = row.rep.flatMap({ totals[$0.normalizedKey] })
                else { return false }
                return periods.contains { total in
                    guard let total else { return true }
                    return row.period.map(total.contains) == true
                }
            })
    }

    /// Every wrong pay cell on a sheet of this workbook (not a CRM export's), one edit per cell,
    /// grouped by sheet, and the rows within the tolerance a total rounded otherwise adds up
    /// (`roundedUnderTotals`). Totals whose cause lies in the rows keep their formulas, and so does a
    /// deal row's stale input (an ACV whose `=MRR*12` was not recalculated), which caches what
    /// its formula gives.
    /// `skipping` names sheets left as they are (trueup's own, from an earlier correction).
    static func edits(_ findings: [Finding], workbook: XLSXWorkbook, skipping: Set<String> = []) -> [(
        sheet: SheetInfo, edits: [CellEdit]
    )] {
        var bySheet: [String: [CellAddress: CellEdit]] = [:]
        let roundedOtherwise = roundedUnderTotals(findings)
        // An input cell is reported, never overwritten (a clawback no row takes back names its
        // deal's), but for a stale input, which keeps its formula and caches what it gives.
        for (position, finding) in findings.enumerated() where writes(finding) || roundedOtherwise.contains(position) {
            guard let sheet = workbook.sheets.first(where: { $0.name == finding.sheet }), sheet.kind == .worksheet,
                !skipping.contains(sheet.name)
            else { continue }
            if bySheet[sheet.name]?[finding.cell] != nil { continue }
            let keepsFormula = finding.isDerived || finding.isStaleInput
            var edit = CellEdit(
                address: finding.cell, value: finding.expected, keepsFormula: keepsFormula,
                formula: finding.repairedFormula)
            edit.recalculates = finding.cause == .staleValue && keepsFormula && finding.repairedFormula == nil
            bySheet[sheet.name, default: [:]][finding.cell] = edit
        }
        proposeInputs(findings, into: &bySheet)
        return workbook.sheets.compactMap { sheet in
            bySheet[sheet.name].map { (sheet, $0.values.sorted { $0.address < $1.address }) }
        }
    }
}
