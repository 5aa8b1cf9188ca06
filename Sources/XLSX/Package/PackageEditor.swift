import Foundation
import Spreadsheet
import XMLStream
import ZIP

/// Why a package could not be edited as asked.
public struct PackageEditError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Edits an existing OPC package (an `.xlsx`) and writes the result, in the manner of Apache
/// POI's OPC layer: parts are added, replaced (with bytes, or streamed) and removed; the
/// relationships and content types that go with them are kept in step; every part not touched
/// is streamed from the input to the output byte for byte.
///
/// Opening checks every entry's name (`PartName`): a package holding `../../x`, `/abs/x`,
/// `C:/x` or a name with `\` is refused with an error naming the entry, never copied. Relationship
/// ids (`RelationshipSet.nextID`) and part names (`freeNumber`) are allocated against what the
/// package holds, so editing an edited package never collides. Edits are recorded first and
/// carried out by `write(to:)`; a replacement's or addition's content closure runs when its part's
/// turn comes, in this order: the input's parts in their order, then added parts in the order
/// added, then replacements marked `writtenLast`.
public final class PackageEditor {
    /// What a part added or replaced holds.
    public enum Content {
        case bytes([UInt8])
        /// Computed when the part is written (after every part before it in the output).
        case computed(() throws -> [UInt8])
        /// Written piece by piece into the part as it is deflated.
        case streamed((PartSink) throws -> Void)
    }

    /// The output part being written.
    public struct PartSink {
        fileprivate let writer: ZipWriter
        public func write(_ bytes: [UInt8]) throws { try writer.write(bytes) }
        public func write(_ chunk: UnsafeRawBufferPointer) throws { try writer.write(chunk) }
    }

    /// What `write(to:)` did, by part name as written.
    public struct Summary: Sendable {
        public var copied: [String] = []
        public var replaced: [String] = []
        public var added: [String] = []
        public var removed: [String] = []
    }

    public static let relationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml"

    public let archive: ZipArchive
    public let location: Location
    /// The input's entries and their checked names, in archive order.
    private let parts: [(entry: ZipEntry, name: PartName)]
    private let inputNames: Set<PartName>
    public private(set) var contentTypes: ContentTypeSet
    private var contentTypesChanged = false
    /// By `.rels` part name.
    private var relationshipSets: [PartName: RelationshipSet] = [:]
    private var changedRelationships: [PartName] = []
    private var replacements: [PartName: (content: Content, last: Bool)] = [:]
    private var additions: [(name: PartName, content: Content)] = []
    private var removed: Set<PartName> = []

    /// Opens `archive` for editing, refusing it when an entry's name is not a safe part name.
    public init(archive: ZipArchive, location: Location) throws {
        self.archive = archive
        self.location = location
        var parts: [(ZipEntry, PartName)] = []
        for entry in archive.entries {
            do { parts.append((entry, try PartName(entry.name))) } catch {
                throw SpreadsheetError(location, "\(error); trueup will not copy it")
            }
        }
        self.parts = parts
        inputNames = Set(parts.map(\.1))
        let contentTypesName = PartName(checked: ContentTypeSet.partName)
        guard inputNames.contains(contentTypesName) else {
            throw SpreadsheetError(location, "not an Office Open XML package: it has no [Content_Types].xml")
        }
        contentTypes = ContentTypeSet()
        let bytes = try bytes(of: contentTypesName)
        contentTypes = try located(ContentTypeSet.partName) { try ContentTypeSet(parsing: bytes) }
    }

    // MARK: Reading

    /// `name` checked as a part name, the error naming the file.
    public func partName(_ name: String) throws -> PartName {
        do { return try PartName(name) } catch { throw SpreadsheetError(location, error.description) }
    }

    /// Whether the package holds `part` (as it will be written).
    public func contains(_ part: PartName) -> Bool {
        (inputNames.contains(part) && !removed.contains(part)) || additions.contains { $0.name == part }
    }

    /// The input's bytes of `part`.
    public func bytes(of part: PartName) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(part) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The input's bytes of `part`, nil when the input has no such part.
    public func bytesIfPresent(_ part: PartName) throws -> [UInt8]? {
        inputNames.contains(part) ? try bytes(of: part) : nil
    }

    /// The input's bytes of `part` in chunks.
    public func stream(_ part: PartName, _ consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = archive.entry(named: part.name) else {
            throw SpreadsheetError(location, "the package has no part '\(part)'")
        }
        do { try archive.read(entry, into: consume) } catch let error as ZipError {
            throw SpreadsheetError(location, "\(entry.name): \(error)")
        }
    }

    // MARK: Relationships

    /// The `.rels` part of `source` (nil: the package's own, `_rels/.rels`).
    public static func relationshipsPart(of source: PartName?) -> PartName {
        source?.relationshipsPart ?? PartName(checked: "_rels/.rels")
    }

    /// The relationships of `source` as edited so far (none when it has no `.rels` part).
    public func relationships(of source: PartName?) throws -> RelationshipSet {
        let part = Self.relationshipsPart(of: source)
        if let known = relationshipSets[part] { return known }
        var set = RelationshipSet(source: source)
        if let bytes = try bytesIfPresent(part), !removed.contains(part) {
            set = try located(part.name) { try RelationshipSet(parsing: bytes, source: source, partName: part.name) }
        }
        relationshipSets[part] = set
        return set
    }

    /// Changes the relationships of `source`; the `.rels` part is rewritten (or added).
    @discardableResult
    public func editRelationships<T>(of source: PartName?, _ body: (inout RelationshipSet) throws -> T) throws -> T {
        let part = Self.relationshipsPart(of: source)
        var set = try relationships(of: source)
        let result = try body(&set)
        relationshipSets[part] = set
        if !changedRelationships.contains(part) { changedRelationships.append(part) }
        if !inputNames.contains(part) || removed.contains(part) {
            removed.remove(part)
            contentTypesChanged = contentTypes.set(Self.relationshipsContentType, for: part) || contentTypesChanged
        }
        return result
    }

    /// Adds a relationship of `type` from `source` to `target`; returns the id allocated.
    @discardableResult
    public func addRelationship(from source: PartName?, type: String, to target: PartName) throws -> String {
        try editRelationships(of: source) { $0.add(type: type, to: target) }
    }

    // MARK: Part names

    /// The first number from `start` for which none of `names(n)` is a part of the package.
    public func freeNumber(from start: Int = 1, _ names: (Int) -> [String]) -> Int {
        var number = start
        while names(number).contains(where: { name in
            let part = PartName(checked: name)
            return inputNames.contains(part) || additions.contains { $0.name == part }
        }) {
            number += 1
        }
        return number
    }

    /// `make(n)` for the first `n` that names no part: `xl/worksheets/sheet\(n).xml`.
    public func freePartName(_ make: (Int) -> String) throws -> PartName {
        try partName(make(freeNumber { [make($0)] }))
    }

    // MARK: Editing

    /// Adds a new part of type `contentType`. The caller relates it to its source.
    public func add(_ part: PartName, contentType: String, _ content: Content) throws {
        guard !contains(part) else { throw SpreadsheetError(location, "the package already has a part '\(part)'") }
        additions.append((part, content))
        contentTypesChanged = contentTypes.set(contentType, for: part) || contentTypesChanged
    }

    /// Replaces an input part's bytes. `writtenLast`: after every other part (for content
    /// that depends on what streaming other parts finds).
    public func replace(_ part: PartName, writtenLast: Bool = false, _ content: Content) throws {
        guard inputNames.contains(part), !removed.contains(part) else {
            throw SpreadsheetError(location, "the package has no part '\(part)' to replace")
        }
        replacements[part] = (content, writtenLast)
    }

    /// Removes an input part with its content-type override, its own relationships, and every
    /// relationship in the package that points at it.
    public func remove(_ part: PartName) throws {
        guard inputNames.contains(part) else { return }
        removed.insert(part)
        replacements[part] = nil
        contentTypesChanged = contentTypes.remove(part) || contentTypesChanged
        let ownRelationships = part.relationshipsPart
        if inputNames.contains(ownRelationships) {
            removed.insert(ownRelationships)
            relationshipSets[ownRelationships] = nil
            changedRelationships.removeAll { $0 == ownRelationships }
        }
        for candidate in parts.map(\.name) where Self.isRelationshipsPart(candidate) && !removed.contains(candidate) {
            let source = Self.source(ofRelationshipsPart: candidate)
            let set = try relationships(of: source)
            if set.entries.contains(where: { set.targetPart(of: $0).map(ZipEntry.normalize) == part.key }) {
                try editRelationships(of: source) { $0.removeAll(pointingAt: part) }
            }
        }
    }

    static func isRelationshipsPart(_ part: PartName) -> Bool {
        part.key.hasSuffix(".rels")
            && (part.folder.lowercased() == "_rels" || part.folder.lowercased().hasSuffix("/_rels"))
    }

    /// `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → nil.
    static func source(ofRelationshipsPart part: PartName) -> PartName? {
        let file = String(part.fileName.dropLast(".rels".count))
        guard !file.isEmpty else { return nil }
        let folder = part.folder.dropLast("_rels".count)
        return PartName(checked: folder + file)
    }

    // MARK: Writing

    /// Writes the edited package into `handle`.
    public func write(to handle: FileHandle) throws -> Summary {
        let writer = ZipWriter(handle: handle)
        let sink = PartSink(writer: writer)
        var summary = Summary()
        var last: [(PartName, Content)] = []
        let contentTypesName = PartName(checked: ContentTypeSet.partName)
        for (entry, name) in parts where !removed.contains(name) {
            if name == contentTypesName && contentTypesChanged {
                try writer.addPart(entry.name, contentTypes.xml)
                summary.replaced.append(entry.name)
            } else if changedRelationships.contains(name), let set = relationshipSets[name] {
                try writer.addPart(entry.name, set.xml)
                summary.replaced.append(entry.name)
            } else if let replacement = replacements[name] {
                if replacement.last {
                    last.append((PartName(checked: entry.name), replacement.content))
                    continue
                }
                try write(replacement.content, as: entry.name, writer, sink)
                summary.replaced.append(entry.name)
            } else {
                try writer.beginPart(entry.name)
                try stream(name) { try writer.write($0) }
                try writer.closePart()
                summary.copied.append(entry.name)
            }
        }
        for (name, content) in additions {
            try write(content, as: name.name, writer, sink)
            summary.added.append(name.name)
        }
        for name in changedRelationships where !inputNames.contains(name) {
            try writer.addPart(name.name, relationshipSets[name]!.xml)
            summary.added.append(name.name)
        }
        for (name, content) in last {
            try write(content, as: name.name, writer, sink)
            summary.replaced.append(name.name)
        }
        try writer.finish()
        summary.removed = parts.filter { removed.contains($0.name) }.map(\.entry.name)
        return summary
    }

    private func write(_ content: Content, as name: String, _ writer: ZipWriter, _ sink: PartSink) throws {
        switch content {
        case .bytes(let bytes): try writer.addPart(name, bytes)
        case .computed(let make): try writer.addPart(name, try make())
        case .streamed(let body):
            try writer.beginPart(name)
            try body(sink)
            try writer.closePart()
        }
    }

    /// Runs `work`, turning XML and editing errors into one naming the file and the part.
    func located<T>(_ part: String, _ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as XMLStreamError {
            throw SpreadsheetError(location, "part '\(part)': \(error)")
        } catch let error as PackageEditError {
            throw SpreadsheetError(location, "part '\(part)': \(error)")
        }
    }
}
