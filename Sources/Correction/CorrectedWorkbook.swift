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
/// cached. The calculation chain is dropped and the workbook asks for a full recalculation on
/// open, so dependent cells update in Excel and LibreOffice. Findings, Summary and Payroll
/// sheets are appended. Every other part is copied byte for byte. A workbook that cannot be
/// patched safely is refused with the reason before anything is written.
public enum CorrectedWorkbook {
    public struct Outcome: Sendable {
        /// Cells given the engine's value.
        public var correctedCells: Int
        /// Parts copied unchanged from the input.
        public var partsCopied: Int
        /// Parts the correction rewrote (sheets, styles, workbook, relationships, content types).
        public var partsPatched: [String]
        /// The names the appended sheets were given.
        public var addedSheets: [String]
        /// Parts added beside the patched sheets (their notes).
        public var partsAdded: [String]
        /// Sheets whose corrected cells got no notes because the sheet has notes of its own.
        public var notesSkipped: [String]
    }

    public static func write(
        source path: String, reconciliation: Reconciliation, to handle: FileHandle
    ) throws -> Outcome {
        let workbook = try XLSXWorkbook(path: path)
        let location = Location(file: path)
        let archive: ZipArchive
        do { archive = try ZipArchive(path: path) } catch { throw SpreadsheetError(location, error.description) }
        func bytes(_ part: String) throws -> [UInt8] {
            guard let entry = archive.entry(named: part) else {
                throw SpreadsheetError(location, "the package has no part '\(part)'")
            }
            do { return try archive.data(of: entry) } catch { throw SpreadsheetError(location, "\(part): \(error)") }
        }

        let edits = Corrections.edits(reconciliation, workbook: workbook)
        let findings = Dictionary(
            reconciliation.findings.map { ($0.sheet + "!" + $0.cell.description, $0) }, uniquingKeysWith: { a, _ in a })
        var newParts: [(name: String, bytes: [UInt8])] = []
        guard let stylesPart = workbook.stylesPartName, archive.entry(named: stylesPart) != nil else {
            throw SpreadsheetError(
                location, "the workbook has no styles part; trueup cannot highlight corrections in it")
        }
        let styles = try StylesPatch(location: location).apply(to: bytes(stylesPart))
        let highlight = { (style: Int) in style < styles.formatCount ? styles.formatCount + style : style }
        var patched: [String: [UInt8]] = [stylesPart: styles.bytes]
        var overrides: [(partName: String, contentType: String)] = []
        var notesSkipped: [String] = []
        for (number, (sheet, sheetEdits)) in edits.enumerated() {
            guard let part = sheet.partName else { continue }
            let sheetLocation = Location(file: path, sheet: sheet.name)
            let result = try WorksheetPatch(location: sheetLocation, edits: sheetEdits, highlight: highlight)
                .apply(to: bytes(part))
            let notes = sheetEdits.compactMap { edit in
                findings[sheet.name + "!" + edit.address.description].map {
                    (address: edit.address, text: CorrectionNote.text($0, formula: result.formulas[edit.address]))
                }
            }
            let relationshipsPart = XLSXWorkbook.relationshipsPartName(for: part)
            let existing = archive.entry(named: relationshipsPart) != nil ? try bytes(relationshipsPart) : nil
            guard
                let added = try NotesPatch(location: sheetLocation).apply(
                    sheetPart: part, sheet: result.bytes, existingRelationships: existing, notes: notes,
                    number: number + 1, taken: { archive.entry(named: $0) != nil })
            else {
                patched[part] = result.bytes
                notesSkipped.append(sheet.name)
                continue
            }
            patched[part] = added.sheet
            patched[added.relationshipsPart] = added.relationships
            newParts.append((added.commentsPart, added.comments))
            newParts.append((added.drawingPart, added.drawing))
            overrides.append((added.commentsPart, NoteParts.commentsContentType))
            overrides.append((added.drawingPart, NoteParts.vmlContentType))
        }

        let workbookPart = workbook.workbookPartName
        let relationshipsPart = XLSXWorkbook.relationshipsPartName(for: workbookPart)
        let workbookBytes = try bytes(workbookPart)
        let added = AddedSheets.build(reconciliation, workbook: workbook)
        let newSheets = AddedSheets.place(
            added, workbook: workbook, workbookBytes: workbookBytes, archive: archive)
        let package = PackagePatch(location: location)
        patched[workbookPart] = try package.workbook(workbookBytes, adding: newSheets)
        patched[relationshipsPart] = try package.relationships(bytes(relationshipsPart), adding: newSheets)
        patched["[Content_Types].xml"] = try package.contentTypes(
            bytes("[Content_Types].xml"), dropping: workbook.calcChainPartName,
            adding: overrides + newSheets.map { ($0.partName, PackagePatch.worksheetContentType) })

        let byNormalizedName = Dictionary(uniqueKeysWithValues: patched.map { (ZipEntry.normalize($0.key), $0.value) })
        let dropped = workbook.calcChainPartName.map(ZipEntry.normalize)
        let writer = ZipWriter(handle: handle)
        var copied = 0
        for entry in archive.entries where entry.normalizedName != dropped {
            if let replacement = byNormalizedName[entry.normalizedName] {
                try writer.addPart(entry.name, replacement)
            } else {
                do { try writer.addPart(entry.name, try archive.data(of: entry)) } catch let error as ZipError {
                    throw SpreadsheetError(location, "\(entry.name): \(error)")
                }
                copied += 1
            }
        }
        for (name, bytes) in patched.sorted(by: { $0.key < $1.key }) where archive.entry(named: name) == nil {
            try writer.addPart(name, bytes)
        }
        for part in newParts { try writer.addPart(part.name, part.bytes) }
        for (sheet, place) in zip(added, newSheets) {
            try writer.addPart(place.partName, sheet.xml(moneyStyle: styles.formatCount * 2))
        }
        try writer.finish()
        return Outcome(
            correctedCells: edits.reduce(0) { $0 + $1.edits.count }, partsCopied: copied,
            partsPatched: patched.keys.sorted(), addedSheets: newSheets.map(\.name), partsAdded: newParts.map(\.name),
            notesSkipped: notesSkipped)
    }
}

/// Which cells a reconciliation corrects.
enum Corrections {
    /// Every wrong pay cell on a sheet of this workbook (not a CRM export's), one edit per cell,
    /// grouped by sheet. Totals whose cause lies in the rows keep their formulas.
    static func edits(_ reconciliation: Reconciliation, workbook: XLSXWorkbook) -> [(
        sheet: SheetInfo, edits: [CellEdit]
    )] {
        var bySheet: [String: [CellAddress: CellEdit]] = [:]
        for finding in reconciliation.findings where finding.isError && finding.isPay {
            guard let sheet = workbook.sheets.first(where: { $0.name == finding.sheet }), sheet.kind == .worksheet
            else { continue }
            if bySheet[sheet.name]?[finding.cell] != nil { continue }
            bySheet[sheet.name, default: [:]][finding.cell] = CellEdit(
                address: finding.cell, value: finding.expected, keepsFormula: finding.isDerived)
        }
        return workbook.sheets.compactMap { sheet in
            bySheet[sheet.name].map { (sheet, $0.values.sorted { $0.address < $1.address }) }
        }
    }
}
