import Foundation
import Parallel
import Spreadsheet

/// Encodes `Encodable` values as JSON text, keys in the order they are encoded and written as
/// they come, so documents read the same from run to run and a long list never sits twice in
/// memory.
///
/// Foundation's `JSONEncoder` orders keys by hash or alphabetically; the contract's documents
/// (plan-format.md section 4) list them in a fixed order. A `nil` optional is written as `null`
/// (never left out), so every object of a kind has the same keys. Each element of an array that
/// stands directly in the top-level object is put on a line of its own.
public struct OrderedJSONEncoder: Sendable {
    public init() {}

    /// The JSON text of `value`, ending in a newline.
    public func encode(_ value: some Encodable) throws -> String {
        var text = ""
        try encode(value) { text += $0 }
        return text
    }

    /// Writes the JSON text of `value` piece by piece, ending in a newline.
    public func encode(_ value: some Encodable, to write: (String) -> Void) throws {
        try withoutActuallyEscaping(write) { write in
            let sink = JSONSink(write: write)
            try sink.encodeValue(value, codingPath: [])
            sink.closeFrames(above: 0)
            sink.emit("\n")
            sink.flush()
        }
    }

    /// The JSON text of `value` as the encoder writes it as an element of a list that is a member
    /// of the top-level object (`{"reps": [<here>, …]}`): on one line, no separator before it, no
    /// newline after it. Documents written piece by piece use it to read the same as whole ones.
    public func encodeListElement(_ value: some Encodable) throws -> String {
        var text = ""
        try withoutActuallyEscaping({ (piece: String) in text += piece }) { write in
            let sink = JSONSink(write: write, insideTopLevelList: true)
            try sink.encodeValue(value, codingPath: [])
            sink.closeFrames(above: 2)
            sink.flush()
        }
        return text
    }
}

/// The text being written and the objects and arrays still open, innermost last. The text is
/// gathered as UTF-8 bytes and handed to `write` 64 KB at a time, each piece whole texts.
final class JSONSink {
    private struct Frame {
        let isObject: Bool
        var count = 0
    }

    private let write: (String) -> Void
    private var buffer: [UInt8] = []
    private var frames: [Frame] = []

    /// `insideTopLevelList`: the value written is an element of a list in the top-level object,
    /// which has written a member and an element before it.
    init(write: @escaping (String) -> Void, insideTopLevelList: Bool = false) {
        self.write = write
        if insideTopLevelList { frames = [Frame(isObject: true, count: 1), Frame(isObject: false, count: 1)] }
        buffer.reserveCapacity(insideTopLevelList ? 256 : 1 << 16)
    }

    func emit(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushWhenFull()
    }

    /// Writes `text` as a JSON string literal, quotes included (`JSONText.quoted`).
    func emitQuoted(_ text: String) {
        // Most text needs no escaping: its bytes are copied whole, with no string made.
        guard !JSONText.needsEscaping(text) else { return emit(JSONText.quoted(text)) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(contentsOf: text.utf8)
        buffer.append(UInt8(ascii: "\""))
        flushWhenFull()
    }

    private func flushWhenFull() {
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Opens an object or array; it closes when the value that opened it is done.
    func open(object: Bool) -> Int {
        buffer.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        frames.append(Frame(isObject: object))
        return frames.count
    }

    /// Closes every frame deeper than `depth` (a nested container its writer left open).
    func closeFrames(above depth: Int) {
        while frames.count > depth {
            buffer.append(frames.removeLast().isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Starts the next member of the frame at `depth`: closes deeper frames, writes the separator
    /// and, in an object, the key.
    func beginMember(at depth: Int, key: String?) {
        closeFrames(above: depth)
        let index = depth - 1
        let first = frames[index].count == 0
        frames[index].count += 1
        if depth == 1, frames[index].isObject {
            if !first { emit(",\n ") }
        } else if depth == 2, !frames[index].isObject, frames[0].isObject {
            emit(first ? "\n  " : ",\n  ")
        } else if !first {
            emit(", ")
        }
        if let key {
            emitQuoted(key)
            emit(": ")
        }
    }

    func encodeValue(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        switch value {
        case let list as any ListRenderedApart where list.isLong && frames.count == 1 && frames[0].isObject:
            // A list member of the top-level object, as its elements would be written here.
            emit("[\n  ")
            flush()
            try list.writeElements(to: write)
            emit("]")
        case let text as String: emitQuoted(text)
        case let flag as Bool: emit(flag ? "true" : "false")
        case let number as Int: emit(String(number))
        case let decimal as Decimal: emit(decimal.description)
        default:
            let depth = frames.count
            try value.encode(to: SinkEncoder(sink: self, codingPath: codingPath))
            closeFrames(above: depth)
        }
    }
}

private struct SinkEncoder: Encoder {
    /// The object this encoder opened: asking it for a keyed container again (a type encoding
    /// another's fields into its own object) writes into the same object.
    final class Opened {
        var depth: Int?
    }

    let sink: JSONSink
    let codingPath: [any CodingKey]
    let opened = Opened()
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if opened.depth == nil { opened.depth = sink.open(object: true) }
        return KeyedEncodingContainer(KeyedSink(sink: sink, depth: opened.depth!, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedSink(sink: sink, depth: sink.open(object: false), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSink(sink: sink, codingPath: codingPath) }
}

private struct KeyedSink<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: JSONSink
    let depth: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        sink.beginMember(at: depth, key: key.stringValue)
        sink.emit("null")
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        sink.beginMember(at: depth, key: key.stringValue)
        try sink.encodeValue(value, codingPath: codingPath + [key])
    }

    // The texts, flags and whole numbers most members are, written without asking their type.
    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.beginMember(at: depth, key: key.stringValue)
        sink.emitQuoted(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.beginMember(at: depth, key: key.stringValue)
        sink.emit(value ? "true" : "false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        sink.beginMember(at: depth, key: key.stringValue)
        sink.emit(String(value))
    }

    // A missing optional is written as null, so every object of a kind has the same keys.
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        guard let value else { return try encodeNil(forKey: key) }
        try encode(value, forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        sink.beginMember(at: depth, key: key.stringValue)
        return KeyedEncodingContainer(
            KeyedSink<NestedKey>(sink: sink, depth: sink.open(object: true), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.beginMember(at: depth, key: key.stringValue)
        return UnkeyedSink(sink: sink, depth: sink.open(object: false), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.beginMember(at: depth, key: key.stringValue)
        return SinkEncoder(sink: sink, codingPath: codingPath + [key])
    }
}

private struct UnkeyedSink: UnkeyedEncodingContainer {
    let sink: JSONSink
    let depth: Int
    let codingPath: [any CodingKey]
    private(set) var count = 0

    init(sink: JSONSink, depth: Int, codingPath: [any CodingKey]) {
        self.sink = sink
        self.depth = depth
        self.codingPath = codingPath
    }

    mutating func encodeNil() throws {
        sink.beginMember(at: depth, key: nil)
        sink.emit("null")
        count += 1
    }

    mutating func encode(_ value: some Encodable) throws {
        sink.beginMember(at: depth, key: nil)
        try sink.encodeValue(value, codingPath: codingPath)
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        sink.beginMember(at: depth, key: nil)
        count += 1
        return KeyedEncodingContainer(KeyedSink(sink: sink, depth: sink.open(object: true), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.beginMember(at: depth, key: nil)
        count += 1
        return UnkeyedSink(sink: sink, depth: sink.open(object: false), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        sink.beginMember(at: depth, key: nil)
        count += 1
        return SinkEncoder(sink: sink, codingPath: codingPath)
    }
}

private struct SingleSink: SingleValueEncodingContainer {
    let sink: JSONSink
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { sink.emit("null") }
    mutating func encode(_ value: some Encodable) throws { try sink.encodeValue(value, codingPath: codingPath) }
}

/// A type whose lists are written element by element on all cores when they are members of the
/// top-level object (a findings document's findings): each element's text is the one
/// `OrderedJSONEncoder.encodeListElement` makes, so the document reads as if written in one pass.
protocol RenderedApart: Encodable, Sendable {}

/// How many elements a list is made or written in pieces on all cores for: enough to be worth
/// it, and not so many that the pieces, held at once, weigh on memory (a ten-million-row sheet's
/// findings are made and written one by one).
let renderedApartCounts = 2_000...50_000

/// A list of `RenderedApart` elements, for `JSONSink`.
protocol ListRenderedApart {
    /// Whether the elements are written on all cores: enough of them to be worth it, and not so
    /// many that their texts, held at once, weigh on memory (a ten-million-row sheet's findings
    /// are written one by one, as they always were).
    var isLong: Bool { get }
    /// Writes the elements' texts, in order, with the separator the encoder writes between them.
    func writeElements(to write: (String) -> Void) throws
}

extension Array: ListRenderedApart where Element: RenderedApart {
    var isLong: Bool { renderedApartCounts.contains(count) }

    func writeElements(to write: (String) -> Void) throws {
        let chunks = chunkCount(items: count, minimum: 2_000)
        let separator = ",\n  "
        var pieces = inParallel(chunks: chunks) { chunk in
            Result { () throws -> String in
                // One sink a piece, writing each element as it would after another in the list.
                var text = ""
                try withoutActuallyEscaping({ (piece: String) in text += piece }) { write in
                    let sink = JSONSink(write: write, insideTopLevelList: true)
                    for element in self[chunkRange(chunk, of: chunks, total: count)] {
                        sink.beginMember(at: 2, key: nil)
                        try sink.encodeValue(element, codingPath: [])
                    }
                    sink.closeFrames(above: 2)
                    sink.flush()
                }
                return String(text.utf8.dropFirst(separator.utf8.count))!
            }
        }
        // Each piece let go once written.
        var first = true
        for index in pieces.indices {
            let piece = try pieces[index].get()
            pieces[index] = .success("")
            guard !piece.isEmpty else { continue }
            write(first ? piece : separator + piece)
            first = false
        }
    }
}
