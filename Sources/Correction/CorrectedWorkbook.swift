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
        let archive = workbook.archive
        let source = PackageSource(archive: archive, location: location)

        let edits = Corrections.edits(input.findings, workbook: workbook)
        guard let stylesPart = workbook.stylesPartName, archive.entry(named: stylesPart) != nil else {
            throw SpreadsheetError(
                location, "the workbook has no styles part; trueup cannot highlight corrections in it")
        }
        let styles = try StylesPatch(location: location).apply(to: source.bytes(stylesPart))
        var patched: [String: [UInt8]] = [stylesPart: styles.bytes]

        var sheetPatches: [String: (sheet: SheetInfo, edits: [CellEdit], notes: NotesPatch?)] = [:]
        /// The sheets' own comments parts and drawings that take trueup's notes, written last.
        var merged = Set<String>()
        var overrides: [(partName: String, contentType: String)] = []
        for (number, (sheet, sheetEdits)) in edits.enumerated() {
            guard let part = sheet.partName else { continue }
            let relationshipsPart = XLSXWorkbook.relationshipsPartName(for: part)
            let notes = try NotesPatch(
                location: Location(file: path, sheet: sheet.name), sheetPart: part,
                existingRelationships: try source.bytesIfPresent(relationshipsPart), number: number + 1,
                taken: { archive.entry(named: $0) != nil }, partBytes: { try source.bytesIfPresent($0) })
            if let notes, notes.mergesIntoExisting {
                merged.insert(ZipEntry.normalize(notes.commentsPart))
                merged.insert(ZipEntry.normalize(notes.drawingPart))
            } else if let notes {
                patched[relationshipsPart] = try notes.relationships()
                overrides += [
                    (notes.commentsPart, NoteParts.commentsContentType), (notes.drawingPart, NoteParts.vmlContentType),
                ]
            }
            sheetPatches[ZipEntry.normalize(part)] = (sheet, sheetEdits, notes)
        }

        let workbookPart = workbook.workbookPartName
        let workbookBytes = try source.bytes(workbookPart)
        let added = AddedSheets.build(input, workbook: workbook)
        let newSheets = AddedSheets.place(added, workbook: workbook, workbookBytes: workbookBytes, archive: archive)
        let package = PackagePatch(location: location)
        patched[workbookPart] = try package.workbook(workbookBytes, adding: newSheets)
        let relationshipsPart = XLSXWorkbook.relationshipsPartName(for: workbookPart)
        patched[relationshipsPart] = try package.relationships(source.bytes(relationshipsPart), adding: newSheets)
        patched["[Content_Types].xml"] = try package.contentTypes(
            source.bytes("[Content_Types].xml"), dropping: workbook.calcChainPartName,
            adding: overrides + newSheets.map { ($0.partName, PackagePatch.worksheetContentType) })

        let replacements = Dictionary(uniqueKeysWithValues: patched.map { (ZipEntry.normalize($0.key), $0.value) })
        let dropped = workbook.calcChainPartName.map(ZipEntry.normalize)
        let findings = Dictionary(
            input.findings.map { ($0.sheet + "!" + $0.cell.description, $0) }, uniquingKeysWith: { a, _ in a })
        let writer = ZipWriter(handle: handle)
        var copied = 0
        var patchedNames: [String] = []
        var noteParts: [(name: String, bytes: [UInt8])] = []
        var mergedParts: [(name: String, bytes: [UInt8])] = []
        for entry in archive.entries where entry.normalizedName != dropped {
            if merged.contains(entry.normalizedName) { continue }
            if let replacement = replacements[entry.normalizedName] {
                try writer.addPart(entry.name, replacement)
                patchedNames.append(entry.name)
            } else if let sheetPatch = sheetPatches[entry.normalizedName] {
                let sheetLocation = Location(file: path, sheet: sheetPatch.sheet.name)
                try writer.beginPart(entry.name)
                let patch = WorksheetPatch(
                    location: sheetLocation, edits: sheetPatch.edits,
                    highlight: { $0 < styles.formatCount ? styles.formatCount + $0 : $0 },
                    emit: { try writer.write($0) })
                try source.stream(entry) { try patch.feed($0) }
                let tail = try patch.finish()
                try writer.write(try sheetPatch.notes?.tail(tail) ?? tail)
                try writer.closePart()
                patchedNames.append(entry.name)
                if let notes = sheetPatch.notes {
                    let texts = sheetPatch.edits.compactMap { edit in
                        findings[sheetPatch.sheet.name + "!" + edit.address.description].map {
                            (
                                address: edit.address,
                                text: CorrectionNote.text($0, formula: patch.formulas[edit.address])
                            )
                        }
                    }.filter { !notes.commentedCells.contains($0.address) }
                    if let existing = notes.existingParts {
                        let location = Location(file: path, sheet: sheetPatch.sheet.name)
                        mergedParts.append(
                            (
                                notes.commentsPart,
                                try NotesMerge.comments(existing.comments, adding: texts, location: location)
                            ))
                        mergedParts.append(
                            (notes.drawingPart, try NotesMerge.vml(existing.drawing, adding: texts, location: location))
                        )
                    } else {
                        noteParts.append((notes.commentsPart, NoteParts.comments(texts)))
                        noteParts.append(
                            (notes.drawingPart, NoteParts.vmlDrawing(texts, firstBlock: 100 + noteParts.count)))
                    }
                }
            } else {
                try writer.beginPart(entry.name)
                try source.stream(entry) { try writer.write($0) }
                try writer.closePart()
                copied += 1
            }
        }
        for (name, bytes) in patched.sorted(by: { $0.key < $1.key }) where archive.entry(named: name) == nil {
            try writer.addPart(name, bytes)
            patchedNames.append(name)
        }
        for part in noteParts { try writer.addPart(part.name, part.bytes) }
        for part in mergedParts {
            try writer.addPart(part.name, part.bytes)
            patchedNames.append(part.name)
        }
        // A part set aside for merging whose sheet was never written goes out as it was.
        let written = Set(mergedParts.map { ZipEntry.normalize($0.name) })
        for entry in archive.entries
        where merged.contains(entry.normalizedName) && !written.contains(entry.normalizedName) {
            try writer.beginPart(entry.name)
            try source.stream(entry) { try writer.write($0) }
            try writer.closePart()
            copied += 1
        }
        for (sheet, place) in zip(added, newSheets) {
            try writer.addPart(place.partName, sheet.xml(moneyStyle: styles.formatCount * 2))
        }
        try writer.finish()
        return Outcome(
            correctedCells: edits.reduce(0) { $0 + $1.edits.count }, partsCopied: copied,
            partsPatched: patchedNames.sorted(), addedSheets: newSheets.map(\.name), partsAdded: noteParts.map(\.name),
            notesSkipped: sheetPatches.values.filter { $0.notes == nil }.map(\.sheet.name).sorted())
    }
}

/// The input package's parts, read with errors that name the file and the part.
struct PackageSource {
    let archive: ZipArchive
    let location: Location

    func bytes(_ part: String) throws -> [UInt8] {
        guard let bytes = try bytesIfPresent(part) else {
            throw SpreadsheetError(location, "the package has no part '\(part)'")
        }
        return bytes
    }

    func bytesIfPresent(_ part: String) throws -> [UInt8]? {
        guard let entry = archive.entry(named: part) else { return nil }
        var bytes: [UInt8] = []
        try stream(entry) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The part's inflated bytes in chunks; a ZIP error becomes one naming the part.
    func stream(_ entry: ZipEntry, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        do { try archive.read(entry, into: consume) } catch let error as ZipError {
            throw SpreadsheetError(location, "\(entry.name): \(error)")
        }
    }
}

/// Which cells a reconciliation corrects.
enum Corrections {
    /// Every wrong pay cell on a sheet of this workbook (not a CRM export's), one edit per cell,
    /// grouped by sheet. Totals whose cause lies in the rows keep their formulas.
    static func edits(_ findings: [Finding], workbook: XLSXWorkbook) -> [(
        sheet: SheetInfo, edits: [CellEdit]
    )] {
        var bySheet: [String: [CellAddress: CellEdit]] = [:]
        for finding in findings where finding.isError && finding.isPay {
            guard let sheet = workbook.sheets.first(where: { $0.name == finding.sheet }), sheet.kind == .worksheet
            else { continue }
            if bySheet[sheet.name]?[finding.cell] != nil { continue }
            bySheet[sheet.name, default: [:]][finding.cell] = CellEdit(
                address: finding.cell, value: finding.expected, keepsFormula: finding.isDerived,
                formula: finding.repairedFormula)
        }
        return workbook.sheets.compactMap { sheet in
            bySheet[sheet.name].map { (sheet, $0.values.sorted { $0.address < $1.address }) }
        }
    }
}
