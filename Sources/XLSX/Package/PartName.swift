import XMLStream
import ZIP

/// The name of a part in an OPC package (ECMA-376 Part 2 §6.2.2), as a ZIP entry holds it: no
/// leading `/`, segments separated by `/`. Compared case-insensitively, as OPC requires.
///
/// Creating one checks the name, so a package whose entry would land outside the folder it is
/// extracted to, or on another drive, is refused rather than copied: a name that is absolute
/// (`/abs/x`), names a drive or stream (`C:/x`, anything with `:`), uses `\`, climbs (`..`) or
/// stays (`.`), has an empty segment, a segment ending in `.`, a control character, or a
/// percent-encoded `/`, `\` or `.`.
public struct PartName: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The name as written (no leading `/`).
    public let name: String
    /// The comparison key: lowercase.
    public let key: String

    /// Why an entry's name is not a part name: `entry` is the name as stored.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let entry: String
        public let reason: String
        public var description: String {
            "the package has an entry named '\(PartName.printable(entry))', which \(reason)"
        }
    }

    public init(_ name: String) throws(Invalid) {
        if let reason = Self.problem(name) { throw Invalid(entry: name, reason: reason) }
        self.name = name
        key = ZipEntry.normalize(name)
    }

    /// A name trueup makes itself from names already checked.
    init(checked name: String) {
        self.name = name
        key = ZipEntry.normalize(name)
    }

    public var description: String { name }
    public static func == (a: PartName, b: PartName) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    public static func < (a: PartName, b: PartName) -> Bool { a.key < b.key }

    /// The folder holding the part (`xl/worksheets`), empty at the package root.
    public var folder: String { name.lastIndex(of: "/").map { String(name[..<$0]) } ?? "" }
    public var fileName: String { name.lastIndex(of: "/").map { String(name[name.index(after: $0)...]) } ?? name }
    /// The extension, lowercased, without the dot (`xml`, `vml`); empty when there is none.
    public var fileExtension: String {
        fileName.lastIndex(of: ".").map { String(fileName[fileName.index(after: $0)...]).lowercased() } ?? ""
    }

    /// The `.rels` part holding this part's relationships: `xl/_rels/workbook.xml.rels`.
    public var relationshipsPart: PartName {
        PartName(checked: (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName + ".rels")
    }

    /// The part `name` in the same folder as this one.
    public func sibling(_ fileName: String) -> String { folder.isEmpty ? fileName : folder + "/" + fileName }

    /// The target a relationship from `source` (nil: the package root) writes to reach this
    /// part: relative to the source's folder (`worksheets/sheet4.xml`, `../comments1.xml`).
    public func reference(from source: PartName?) -> String {
        let from = (source?.folder ?? "").split(separator: "/")
        let to = name.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common].lowercased() == to[common].lowercased() {
            common += 1
        }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(
            separator: "/")
    }

    /// The problem with `name` as a part name, or nil.
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.hasPrefix("/") { return "is an absolute path" }
        if name.contains("\\") { return "contains a backslash" }
        if name.contains(":") { return "names a drive or a stream (':')" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains a control character"
        }
        let lowered = name.lowercased()
        if ["%2f", "%5c", "%2e"].contains(where: lowered.contains) {
            return "hides a '/', '\\' or '.' in percent-encoding"
        }
        for segment in name.split(separator: "/", omittingEmptySubsequences: false) {
            if segment == ".." { return "climbs out of its folder ('..')" }
            if segment == "." { return "has a '.' segment" }
            if segment.isEmpty { return "has an empty path segment" }
            if segment.hasSuffix(".") { return "has a segment ending in '.'" }
        }
        return nil
    }

    /// `text` with control characters shown as `\u{…}`, for a one-line message.
    static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Text for the attributes of package parts (`.rels`, `[Content_Types].xml`): plain XML
/// escaping, without SpreadsheetML's `_xHHHH_` escapes, which mean nothing there.
enum PackageXML {
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static func attribute(_ value: String) -> String { XMLEscaping.markup(value) }
}
