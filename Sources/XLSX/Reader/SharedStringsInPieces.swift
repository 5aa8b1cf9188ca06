import Parallel
import Primitives
import XMLStream
import ZIP

/// A large shared-strings table parsed in pieces on every core: the inflated part is cut before
/// an `<si>` about every `pieceSize` bytes, and each piece is parsed as a document of its own
/// (the part's prologue and root start tag, the piece, the root's end tag).
///
/// Gives the table one parse of the whole part gives, or nil, and then the caller parses the
/// part whole: when the part is not cut this way safely (it does not begin with an XML
/// declaration or comment-free prologue in UTF-8, its root is empty, no `<si>` comes for too
/// long), and on any error at all (a piece that is not well-formed, a damaged stream), so that an
/// error is always the one the whole parse reports. A cut can only give two well-formed pieces
/// where it falls between two items of the root: a cut inside an item, a comment, a CDATA
/// section or a processing instruction leaves the first piece with something open before the
/// root's end tag, which libxml2 refuses.
enum SharedStringsInPieces {
    /// About how many bytes a piece holds: it ends before the first item starting past this.
    static let pieceSize = 256 << 10
    /// Pieces parsed or waiting at once (their bytes and strings are what this holds beyond the table).
    static let inFlight = 3
    /// A prologue or an item longer than this is not cut: the part is parsed whole.
    static let longestUncut = 16 << 20

    private struct Unsuitable: Error {}

    /// The strings of `entry` (`partName` in diagnostics), or nil (see above).
    static func read(_ archive: ZipArchive, _ entry: ZipEntry, partName: String) -> [String]? {
        var strings: [String] = []
        var pending: [UInt8] = []
        var frame: Frame?
        var jobs: [Background<[String]>] = []
        func collect(_ job: Background<[String]>) throws { strings.append(contentsOf: try job.result()) }
        func dispatch(_ body: ArraySlice<UInt8>, frame: Frame, last: Bool) throws {
            var document = frame.start
            document.reserveCapacity(frame.start.count + body.count + frame.end.count)
            document += body
            if !last { document += frame.end }
            jobs.append(Background { [document] in try parse(document, name: partName) })
            if jobs.count >= inFlight { try collect(jobs.removeFirst()) }
        }
        do {
            defer { for job in jobs { _ = try? job.result() } }
            try archive.readPipelined(entry) { chunk in
                pending.append(contentsOf: chunk)
                if frame == nil {
                    guard let found = try Frame(prologueOf: pending) else { return }
                    frame = found
                    pending.removeFirst(found.start.count)
                }
                guard let frame else { return }
                var start = 0
                while pending.count - start > pieceSize {
                    guard let cut = frame.itemStart(in: pending, from: start + pieceSize) else {
                        if pending.count - start > longestUncut { throw Unsuitable() }
                        break
                    }
                    try dispatch(pending[start..<cut], frame: frame, last: false)
                    start = cut
                }
                if start > 0 { pending.removeFirst(start) }
            }
            guard let frame else { return nil }
            try dispatch(pending[...], frame: frame, last: true)
            pending = []
            while !jobs.isEmpty { try collect(jobs.removeFirst()) }
        } catch {
            return nil
        }
        return strings
    }

    /// The strings of one piece, framed as a document of its own.
    private static func parse(_ document: [UInt8], name: String) throws -> [String] {
        let handler = SharedStringsParser()
        var given = false
        try XMLPushParser(handler: handler, documentName: name).parse(pulling: {
            defer { given = true }
            return given ? nil : document
        })
        return handler.strings
    }

    /// What each piece is framed by: the part's bytes up to the end of its root start tag, and
    /// the root's end tag.
    struct Frame {
        let start: [UInt8]
        let end: [UInt8]
        /// `<si` with the root's prefix (`<x:si` for `<x:sst>`): how an item's start tag begins.
        let itemTag: [UInt8]

        /// The frame of a part beginning with `bytes`; nil while the root start tag is not all in
        /// them. Throws `Unsuitable` for a part not cut safely: not UTF-8, a comment, doctype or
        /// CDATA before the root, an empty root, or no root within `longestUncut` bytes.
        init?(prologueOf bytes: [UInt8]) throws {
            var index = 0
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            while true {
                while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
                guard index + 1 < bytes.count else { try Self.waitOrRefuse(bytes); return nil }
                guard bytes[index] == UInt8(ascii: "<") else { throw Unsuitable() }
                if bytes[index + 1] == UInt8(ascii: "?") {
                    guard let close = bytes.firstIndex(of: [UInt8(ascii: "?"), UInt8(ascii: ">")], from: index) else {
                        try Self.waitOrRefuse(bytes); return nil
                    }
                    guard Self.declaresUTF8(bytes[index..<close]) else { throw Unsuitable() }
                    index = close + 2
                    continue
                }
                guard Self.isNameStart(bytes[index + 1]) else { throw Unsuitable() }
                break
            }
            var nameEnd = index + 1
            while nameEnd < bytes.count, !Self.isSpace(bytes[nameEnd]), bytes[nameEnd] != UInt8(ascii: ">"),
                bytes[nameEnd] != UInt8(ascii: "/")
            {
                nameEnd += 1
            }
            var close = nameEnd
            var quote: UInt8?
            while close < bytes.count {
                let byte = bytes[close]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "<") {
                    throw Unsuitable()
                }
                close += 1
            }
            guard close < bytes.count else { try Self.waitOrRefuse(bytes); return nil }
            guard bytes[close - 1] != UInt8(ascii: "/") else { throw Unsuitable() }
            let name = bytes[(index + 1)..<nameEnd]
            start = Array(bytes[...close])
            end = [UInt8(ascii: "<"), UInt8(ascii: "/")] + name + [UInt8(ascii: ">")]
            let prefix = name.lastIndex(of: UInt8(ascii: ":")).map { Array(name[...$0]) } ?? []
            itemTag = [UInt8(ascii: "<")] + prefix + [UInt8(ascii: "s"), UInt8(ascii: "i")]
        }

        /// The offset of the first `<si` start tag (with the root's prefix) at or after `from`.
        func itemStart(in bytes: [UInt8], from: Int) -> Int? {
            var at = from
            while let found = bytes.firstIndex(of: itemTag, from: at) {
                let after = found + itemTag.count
                guard after < bytes.count else { return nil }
                if Self.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/")
                {
                    return found
                }
                at = found + 1
            }
            return nil
        }

        /// The root start tag is not all in `bytes` yet: throws when it has been too long coming.
        private static func waitOrRefuse(_ bytes: [UInt8]) throws {
            if bytes.count > longestUncut { throw Unsuitable() }
        }

        /// Whether an XML declaration names no encoding or UTF-8.
        private static func declaresUTF8(_ declaration: ArraySlice<UInt8>) -> Bool {
            let text = String(decoding: declaration, as: UTF8.self).lowercased()
            guard text.hasPrefix("<?xml"), let range = text.range(of: "encoding") else { return true }
            let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
            return rest.hasPrefix("utf-8") || rest.hasPrefix("utf8")
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private static func isNameStart(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_")
                || byte >= 0x80
        }
    }
}
