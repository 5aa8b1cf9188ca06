import Foundation
import Spreadsheet
import XMLStream
import ZIP

/// Finds the parts of a SpreadsheetML package by following relationships, never by fixed names.
struct PackageReader {
    let archive: ZipArchive
    let location: Location

    /// The workbook part named by `_rels/.rels`, after checking the package is SpreadsheetML.
    func workbookPartName() throws -> String {
        guard archive.entry(named: "[Content_Types].xml") != nil else {
            if let mimetype = archive.entry(named: "mimetype"),
                let text = try? String(decoding: archive.data(of: mimetype), as: UTF8.self),
                text.contains("opendocument")
            {
                throw SpreadsheetError(
                    location, "an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx")
            }
            throw SpreadsheetError(location, "not an Office Open XML package: it has no [Content_Types].xml")
        }
        let contentTypes = try Self.translatingErrors(location: location, part: ContentTypeSet.partName) {
            try ContentTypeSet(parsing: bytes(of: ContentTypeSet.partName))
        }
        let root = try relationships(of: "")
        guard let office = root.first(where: { $0.hasType("officeDocument") && !$0.isExternal }) else {
            throw SpreadsheetError(location, "not a workbook: _rels/.rels names no officeDocument part")
        }
        let type = contentTypes.type(of: office.target) ?? ""
        if type.contains("binary") || office.target.lowercased().hasSuffix(".bin") {
            throw SpreadsheetError(
                location, "an Excel binary workbook (.xlsb), which trueup does not read; save it as .xlsx")
        }
        if type.contains("wordprocessingml") || type.contains("presentationml") {
            let what = type.contains("wordprocessingml") ? "a Word document" : "a PowerPoint presentation"
            throw SpreadsheetError(location, "\(what), not a workbook")
        }
        guard archive.entry(named: office.target) != nil else {
            throw SpreadsheetError(
                location, "the workbook part '\(office.target)' named by _rels/.rels is missing from the package")
        }
        return office.target
    }

    /// The relationships of `source` (`""` for the package root); none when its `.rels` is absent.
    func relationships(of source: String) throws -> [Relationship] {
        let relsName = source.isEmpty ? "_rels/.rels" : Relationships.partName(for: source)
        guard archive.entry(named: relsName) != nil else { return [] }
        return try Self.translatingErrors(location: location, part: relsName) {
            try Relationships.parse(bytes(of: relsName), source: source, partName: relsName)
        }
    }

    func styles(_ relationships: [Relationship]) throws -> Styles {
        guard let part = relationships.first(where: { $0.hasType("styles") })?.target,
            archive.entry(named: part) != nil
        else { return .empty }
        return try Self.translatingErrors(location: location, part: part) {
            try Styles(bytes(of: part), partName: part, location: location)
        }
    }

    /// The shared-strings table, streamed through the parser (it can be tens of megabytes).
    func sharedStrings(_ relationships: [Relationship]) throws -> [String] {
        guard let part = relationships.first(where: { $0.hasType("sharedStrings") })?.target,
            let entry = archive.entry(named: part)
        else { return [] }
        // A large table (a million distinct ids) is parsed in pieces on every core; a part that
        // cannot be, or that fails, is parsed whole below, which reports its error.
        if entry.uncompressedSize > XLSXWorkbook.pipelineThreshold, ProcessInfo.processInfo.activeProcessorCount > 1,
            let strings = SharedStringsInPieces.read(archive, entry, partName: part)
        {
            return strings
        }
        let collector = SharedStringsParser()
        let xml = XMLPushParser(handler: collector, documentName: part)
        // A failed parse of a damaged part reports the damage (`damage(of:in:location:)`).
        do {
            try Self.translatingErrors(location: location, part: part) {
                // A large table (a million distinct ids) inflates on the second core while this one parses.
                if entry.uncompressedSize > XLSXWorkbook.pipelineThreshold {
                    try archive.readPipelined(entry) { try xml.feed($0) }
                } else {
                    try archive.read(entry) { try xml.feed($0) }
                }
                try xml.finish()
            }
        } catch let error as SharedStringsParser.TooLong {
            throw Self.damage(of: entry, in: archive, location: location)
                ?? SpreadsheetError(location, "part '\(part)': \(error.reason)")
        } catch {
            throw Self.damage(of: entry, in: archive, location: location) ?? error
        }
        return collector.strings
    }

    /// The whole inflated part, with errors located.
    func bytes(of part: String) throws -> [UInt8] {
        guard let entry = archive.entry(named: part) else {
            throw SpreadsheetError(location, "the package has no part '\(part)'")
        }
        return try Self.translatingErrors(location: location, part: part) { try archive.data(of: entry) }
    }

    /// The damage of `entry`'s bytes, located, when they are damaged (`ZipArchive.damage(of:)`: a
    /// CRC or size that does not match, a broken deflate stream): what a failed parse of the part
    /// reports instead of its own error, as a damaged part's XML reads as anything and its damage is
    /// found only at its end.
    static func damage(of entry: ZipEntry, in archive: ZipArchive, location: Location) -> SpreadsheetError? {
        archive.damage(of: entry).map { SpreadsheetError(location, $0.description) }
    }

    /// Runs `work`, turning container and XML errors into one located `SpreadsheetError`.
    static func translatingErrors<T>(location: Location, part: String, _ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as ZipError {
            throw SpreadsheetError(location, error.description)
        } catch let error as XMLStreamError {
            throw SpreadsheetError(location, "part '\(part)': \(error)")
        }
    }
}
