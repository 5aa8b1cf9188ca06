import Spreadsheet
import XMLStream
import ZIP

/// An `.xlsx` / `.xlsm` workbook opened for streaming reads.
///
/// Opening reads the package structure, the workbook part, styles and the shared-strings table;
/// sheets are then streamed row by row with `readRows(of:progress:_:)`, never held whole. Every
/// error is a `SpreadsheetError` naming the file (and sheet and cell when known) and the reason:
/// a legacy `.xls`, an encrypted workbook, an `.xlsb` or `.ods` in disguise, a damaged or hostile
/// archive, or malformed XML. Not thread-safe: one owner reads one sheet at a time.
public final class XLSXWorkbook {
    /// The path as the caller gave it; diagnostics name the file this way.
    public let path: String
    public let sheets: [SheetInfo]
    public let dateSystem: DateSystem
    public let definedNames: [DefinedName]
    /// Whether the workbook asks to be fully recalculated when opened (`<calcPr fullCalcOnLoad="1">`):
    /// its cached values are then provisional, as in a corrected workbook.
    public let recalculatesOnLoad: Bool
    /// The package's parts an editor patches: the workbook part (`xl/workbook.xml`), its
    /// styles part and its calculation chain, when they exist.
    public let workbookPartName: String
    public let stylesPartName: String?
    public let calcChainPartName: String?
    /// How many strings the shared-strings table holds.
    public let sharedStringCount: Int
    /// Values an evaluator gave for formula cells, by sheet name and cell: `readRows` shows them
    /// instead of what the file holds (a formula saved without a cached value, or one whose cached
    /// value is stale and is read as what its formula gives).
    public var formulaValues: [String: [CellAddress: CellValue]] = [:]
    /// Hears the rows of every read, as the file holds them (before `formulaValues` fills them),
    /// so that a second consumer of the cells needs no second pass over the file.
    public var observer: (any SheetReadObserver)?

    /// The package, for editors that copy or patch its parts (reads are not thread-safe).
    public let archive: ZipArchive
    /// The shared-strings table: read when the workbook opens, let go by `releaseSharedStrings()`
    /// and read again by the next read of a sheet's cells.
    private var sharedStrings: [String]?
    /// The workbook part's relationships, which find the shared-strings table again.
    private let relationships: [Relationship]
    private let readsCells: Bool
    /// The sheets whose part the relationships do not resolve (`readRows` refuses them).
    private let unresolvedSheets: Set<Int>
    private let styles: Styles
    /// `sheetsAddedByTrueup`, once worked out.
    var addedSheets: [String: SheetInfo]?

    /// `readingCells: false` skips the shared-strings table (tens of megabytes on a large sheet)
    /// for callers that only need the package's structure; cell text then reads as empty.
    public init(path: String, limits: ZipLimits = .standard, readingCells: Bool = true) throws {
        self.path = path
        let location = Location(file: path)
        do {
            archive = try ZipArchive(path: path, limits: limits)
        } catch {
            throw SpreadsheetError(location, error.description)
        }
        let package = PackageReader(archive: archive, location: location)
        let workbookPart = try package.workbookPartName()
        let workbook = try PackageReader.translatingErrors(location: location, part: workbookPart) {
            try WorkbookPart(package.bytes(of: workbookPart), partName: workbookPart)
        }
        try Self.refuseUnusableSheetNames(workbook.sheets.map(\.name), location: location)
        let relationships = try package.relationships(of: workbookPart)
        workbookPartName = workbookPart
        stylesPartName = relationships.first { $0.hasType("styles") && !$0.isExternal }?.target
        calcChainPartName = relationships.first { $0.hasType("calcChain") && !$0.isExternal }?.target
        dateSystem = workbook.uses1904Dates ? .excel1904 : .excel1900
        definedNames = workbook.definedNames
        recalculatesOnLoad = workbook.recalculatesOnLoad
        styles = try package.styles(relationships)
        let strings = readingCells ? try package.sharedStrings(relationships) : []
        sharedStrings = strings
        sharedStringCount = strings.count
        self.relationships = relationships
        readsCells = readingCells
        sheets = workbook.sheets.enumerated().map { index, entry in
            let relationship = relationships.first { $0.id == entry.relationshipID && !$0.isExternal }
            let kind: SheetInfo.Kind =
                switch relationship {
                case let r? where r.hasType("chartsheet"): .chartsheet
                case let r? where r.hasType("dialogsheet"): .dialogsheet
                case let r? where r.hasType("xlMacrosheet") || r.hasType("xlIntlMacrosheet"): .macrosheet
                default: .worksheet
                }
            return SheetInfo(
                name: entry.name, state: entry.state, kind: kind, index: index, partName: relationship?.target)
        }
        // A sheet naming a relationship the workbook's relationships lack, or one leading back to
        // the workbook, cannot be read; one naming none (`r:id=""`, a macro sheet's remnant) is
        // left empty, as Excel and openpyxl leave it.
        unresolvedSheets = Set(
            zip(workbook.sheets, sheets).filter { entry, sheet in
                entry.relationshipID?.isEmpty == false && (sheet.partName == nil || sheet.partName == workbookPart)
            }.map(\.1.index))
    }

    /// The longest sheet name read, in UTF-16 units as Excel counts. Excel refuses a name of more
    /// than 31 when it saves, but other writers (PHP_XLSXWriter, early MiniExcel, openpyxl with a
    /// warning) have written longer ones, which Excel opens after shortening them: such a
    /// workbook is a real team's and is read. 255 is the most Excel's own file formats ever held;
    /// a longer name is no tab a person made.
    public static let maxSheetNameLength = 255

    /// Refuses a sheet name longer than `maxSheetNameLength`, naming the sheet's position, and two
    /// sheets whose names are equal ignoring case (`Deals` and `DEALS`), naming both: Excel
    /// forbids them, a reference `'deals'!A1` (in a formula, a `--sheet` option, a finding) would
    /// mean either, and the one a correction lands on would be a guess.
    static func refuseUnusableSheetNames(_ names: [String], location: Location) throws {
        var first: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            guard name.utf16.count <= maxSheetNameLength else {
                throw SpreadsheetError(
                    location,
                    "sheet \(index + 1)'s name is \(name.utf16.count) characters long; a sheet name has at most \(maxSheetNameLength) (Excel's own limit is 31)"
                )
            }
            let key = name.lowercased()
            if let earlier = first[key] {
                let named = names[earlier] == name ? "both named '\(name)'" : "named '\(names[earlier])' and '\(name)'"
                throw SpreadsheetError(
                    location,
                    "sheets \(earlier + 1) and \(index + 1) are \(named), which Excel forbids (sheet names ignore case): a reference to either would be ambiguous"
                )
            }
            first[key] = index
        }
    }

    /// The sheet named `name` (compared case-insensitively, as Excel does).
    public func sheet(named name: String) -> SheetInfo? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The first sheet whose state is visible, or the first sheet.
    public var firstVisibleSheet: SheetInfo? {
        sheets.first { $0.state == .visible && $0.kind == .worksheet } ?? sheets.first
    }

    /// Parts larger than this are parsed on a second thread (and inflated on a third) while
    /// the caller's thread takes their rows.
    static let pipelineThreshold: Int64 = 4 << 20

    /// What a sheet's stream ends with, beyond its rows.
    public struct SheetTail: Sendable {
        public let mergedRanges: [CellRange]
        /// The rows marked hidden, in file order (a filtered list's rows, rows hidden by hand).
        public var hiddenRows: [Int] = []

        public init(mergedRanges: [CellRange], hiddenRows: [Int] = []) {
            self.mergedRanges = mergedRanges
            self.hiddenRows = hiddenRows
        }
    }

    /// Streams the rows of `sheet` that have at least one cell, in file order, to `body`.
    ///
    /// Memory stays flat in the number of rows. `progress`, when given, is called after each
    /// chunk with the bytes inflated so far and the part's declared size. Chartsheets have no rows.
    /// An error thrown by `body` stops the read and comes out unchanged.
    @discardableResult
    public func readRows(
        of sheet: SheetInfo, progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil,
        _ body: (Row) throws -> Void
    ) throws -> SheetTail {
        let location = Location(file: path, sheet: sheet.name)
        // Read as empty, such a sheet's rows would be lost: the package is broken, not the sheet empty.
        guard !unresolvedSheets.contains(sheet.index) else {
            throw SpreadsheetError(
                location, "the workbook's relationships do not lead to this sheet's part; the package is broken")
        }
        guard sheet.kind != .chartsheet, let partName = sheet.partName else { return SheetTail(mergedRanges: []) }
        guard let entry = archive.entry(named: partName) else {
            throw SpreadsheetError(location, "the sheet's part '\(partName)' is missing from the package")
        }
        let fill = formulaValues[sheet.name]
        let observer = observer.flatMap { $0.beginRead(of: sheet) ? $0 : nil }
        var complete = false
        var hiddenRows: [Int] = []
        defer { observer?.endRead(of: sheet, complete: complete, hiddenRows: hiddenRows) }
        // What `body` throws is told apart from the parse's errors, and comes out unchanged.
        let emit: (Row) throws -> Void = { row in
            observer?.read(row)
            do {
                guard let fill else { return try body(row) }
                var row = row
                for index in row.cells.indices where row.cells[index].formula != nil {
                    if let value = fill[CellAddress(row: row.index, column: row.cells[index].column)] {
                        row.cells[index].value = value
                    }
                }
                try body(row)
            } catch {
                throw ThrownByBody(error: error)
            }
        }
        let tail: SheetTail
        do {
            tail = try readRows(of: sheet, entry: entry, location: location, progress: progress, emit)
        } catch let thrown as ThrownByBody {
            throw thrown.error
        } catch {
            throw PackageReader.damage(of: entry, in: archive, location: location) ?? error
        }
        complete = true
        hiddenRows = tail.hiddenRows
        return tail
    }

    /// An error the row handler of `readRows` threw, carried through the parse to come out as it was.
    private struct ThrownByBody: Error {
        let error: any Error
    }

    /// `readRows`'s parse of the sheet's part `entry`, on this thread or, for a large part, on a
    /// second one.
    private func readRows(
        of sheet: SheetInfo, entry: ZipEntry, location: Location, progress: ((_ done: Int64, _ total: Int64) -> Void)?,
        _ emit: (Row) throws -> Void
    ) throws -> SheetTail {
        guard entry.uncompressedSize <= Self.pipelineThreshold else {
            return try readOnSecondThread(entry, of: sheet, progress: progress, emit)
        }
        let partName = entry.name
        return try withoutActuallyEscaping(emit) { body in
            let builder = try rowBuilder(for: sheet)
            let parser = WorksheetParser(file: path, sheet: sheet.name) { pending in
                defer { pending.removeAll() }
                try builder.emitRows(of: pending, to: body)
            }
            let xml = XMLPushParser(handler: parser, documentName: partName)
            var done: Int64 = 0
            do {
                try PackageReader.translatingErrors(location: location, part: partName) {
                    try archive.read(entry) { chunk in
                        try xml.feed(chunk)
                        done += Int64(chunk.count)
                        progress?(done, entry.uncompressedSize)
                    }
                    try xml.finish()
                }
            } catch {
                // A bad value in the row the parse stopped in was met first: it is reported.
                try builder.emitRows(of: parser.pending, to: body)
                throw error
            }
            // Stray cells after the last row: read for their errors only.
            try builder.emitRows(of: parser.pending, to: body)
            return SheetTail(mergedRanges: parser.mergedRanges, hiddenRows: parser.hiddenRows)
        }
    }

    /// Lets go of the shared-strings table (tens of megabytes when a sheet has a million distinct
    /// ids) for a caller done reading cells; a later read of a sheet's cells reads it again.
    public func releaseSharedStrings() {
        sharedStrings = nil
    }

    /// Whether the shared-strings table is held (for tests of `releaseSharedStrings`).
    var holdsSharedStrings: Bool { sharedStrings != nil }

    private func rowBuilder(for sheet: SheetInfo) throws -> RowBuilder {
        let strings: [String]
        if let sharedStrings {
            strings = sharedStrings
        } else {
            let package = PackageReader(archive: archive, location: Location(file: path))
            strings = readsCells ? try package.sharedStrings(relationships) : []
            sharedStrings = strings
        }
        return RowBuilder(sharedStrings: strings, styles: styles, dateSystem: dateSystem, file: path, sheet: sheet.name)
    }

    /// Parses a large sheet on a second thread while this one hands its rows to `emit`.
    ///
    /// The archive belongs to the parsing thread until it is joined, which happens before this
    /// returns or throws (also when `emit` throws: the parse is cancelled first).
    private func readOnSecondThread(
        _ entry: ZipEntry, of sheet: SheetInfo, progress: ((_ done: Int64, _ total: Int64) -> Void)?,
        _ emit: (Row) throws -> Void
    ) throws -> SheetTail {
        let job = SheetParseJob(archive: archive, entry: entry, path: path, sheetName: sheet.name)
        let builder = try rowBuilder(for: sheet)
        job.start()
        defer {
            job.queue.cancel()
            job.done.wait()
        }
        var tail = SheetTail(mergedRanges: [])
        while let batch = try job.queue.pop() {
            try builder.emitRows(of: batch.rows, to: emit)
            progress?(batch.parsed, entry.uncompressedSize)
            if let last = batch.tail { tail = last }
        }
        return tail
    }
}

/// A second consumer of the rows other readers stream from a workbook (`XLSXWorkbook.observer`):
/// it keeps what it needs of each sheet as the sheet is read, instead of reading the file again.
public protocol SheetReadObserver: AnyObject {
    /// A read of `sheet` begins; false when the observer does not need this read's rows (it
    /// already has the whole sheet).
    func beginRead(of sheet: SheetInfo) -> Bool
    /// A row of the read, in file order, as the file holds it.
    func read(_ row: Row)
    /// The read ended: `complete` when it reached the sheet's end, false when it stopped early
    /// (its reader had what it wanted, or an error), so the rows heard are not the whole sheet.
    /// `hiddenRows`: the rows the sheet marks hidden, when complete.
    func endRead(of sheet: SheetInfo, complete: Bool, hiddenRows: [Int])
}
