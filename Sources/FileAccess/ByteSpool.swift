import Foundation
import SystemPackage

/// An append-only store of length-prefixed records, kept in memory up to `memoryLimit` bytes and
/// moved to an unnamed temporary file beyond it, then read back in the order written.
///
/// For data that must be seen again later but need not be held at once: the file is unlinked as
/// soon as it is created, so nothing is left behind however the process ends. The temporary
/// folder is `TMPDIR`, else `/tmp`. Not for sharing between threads, nor for use from the
/// closures its own methods call.
public final class ByteSpool {
    /// Why the temporary file could not be created, written or read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { "the temporary spill file: \(reason)" }
    }

    // A spool is used by one thread at a time and its methods never re-enter one another, so
    // the run-time exclusivity checks on its state (four for each record appended) are left out.
    private let memoryLimit: Int
    /// Full chunks of whole records not yet written to the file (all of them while the spool
    /// fits in memory), and the chunk being filled. Chunks rather than one array, so that
    /// growing never copies what is held.
    @exclusivity(unchecked) private var chunks: [[UInt8]] = []
    @exclusivity(unchecked) private var current: [UInt8] = []
    @exclusivity(unchecked) private var file: FileDescriptor?
    @exclusivity(unchecked) private var fileSize: Int64 = 0
    /// Whether the records have moved to a file.
    public var spilled: Bool { file != nil }
    /// Records appended.
    @exclusivity(unchecked) public private(set) var count = 0
    /// Bytes appended, length prefixes included.
    @exclusivity(unchecked) public private(set) var byteCount: Int64 = 0

    /// The size of a chunk held in memory, and of a write to the file.
    private let chunkSize: Int

    /// `memoryLimit`: the bytes held in memory before the records move to the file (0: at once);
    /// `chunkSize`: the unit records are held and written in (the memory a spool on disk keeps).
    public init(memoryLimit: Int, chunkSize: Int = 1 << 20) {
        self.memoryLimit = memoryLimit
        self.chunkSize = max(chunkSize, 64)
    }

    deinit { try? file?.close() }

    /// Appends one record, written by `encode` into a `RecordWriter`.
    public func append(_ encode: (inout RecordWriter) -> Void) throws(Failure) {
        if current.capacity == 0 { current.reserveCapacity(chunkSize) }
        let start = current.count
        // The writer borrows the chunk and gives it back, so that it is never shared (and copied).
        var writer = RecordWriter(bytes: [])
        swap(&current, &writer.bytes)
        writer.bytes.append(contentsOf: [0, 0, 0, 0] as [UInt8])
        encode(&writer)
        swap(&current, &writer.bytes)
        let length = UInt32(current.count - start - 4)
        withUnsafeBytes(of: length.littleEndian) { bytes in
            for (offset, byte) in bytes.enumerated() { current[start + offset] = byte }
        }
        count += 1
        byteCount += Int64(current.count - start)
        if current.count > chunkSize {
            // The chunk is full: it keeps the records before this one, which opens the next.
            var next = [UInt8]()
            next.reserveCapacity(max(chunkSize, current.count - start))
            next.append(contentsOf: current[start...])
            current.removeSubrange(start...)
            if !current.isEmpty { chunks.append(current) }
            current = next
            if file != nil || chunks.count * chunkSize > memoryLimit { try flush() }
        }
    }

    /// Calls `body` with each record in the order appended. The spool can be read again unless
    /// `releasing`, which frees the records held in memory as they are read and empties the spool.
    public func forEach(releasing: Bool = false, _ body: (inout RecordReader) throws -> Void) throws {
        defer {
            if releasing {
                (chunks, current, count, byteCount, fileSize) = ([], [], 0, 0, 0)
                try? file?.close()
                file = nil
            }
        }
        guard let file else {
            if releasing {
                while !chunks.isEmpty {
                    let chunk = chunks.removeFirst()
                    _ = try chunk.withUnsafeBytes { try Self.records(in: $0, body) }
                }
            } else {
                for chunk in chunks { _ = try chunk.withUnsafeBytes { try Self.records(in: $0, body) } }
            }
            _ = try current.withUnsafeBytes { try Self.records(in: $0, body) }
            return
        }
        try flush()
        try flush(current)
        current.removeAll(keepingCapacity: true)
        var offset: Int64 = 0
        var chunk = [UInt8](repeating: 0, count: max(chunkSize, 1 << 16))
        var held = 0
        while offset < fileSize || held > 0 {
            let want = min(Int64(chunk.count - held), fileSize - offset)
            if want > 0 {
                try chunk.withUnsafeMutableBytes { raw in
                    try Self.fill(
                        UnsafeMutableRawBufferPointer(rebasing: raw[held..<held + Int(want)]), from: file, at: offset)
                }
                offset += want
                held += Int(want)
            }
            let used = try chunk.withUnsafeBytes { raw in
                try Self.records(in: UnsafeRawBufferPointer(rebasing: raw[0..<held]), body)
            }
            if used == 0 {
                // One record longer than the chunk: grow the chunk to hold it.
                guard held == chunk.count else { throw Failure(reason: "it ends inside a record") }
                chunk += [UInt8](repeating: 0, count: chunk.count)
                continue
            }
            chunk.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + used, byteCount: held - used)
            }
            held -= used
        }
    }

    /// Reads the complete records at the start of `bytes`; returns how many bytes they took.
    @discardableResult
    private static func records(
        in bytes: UnsafeRawBufferPointer, _ body: (inout RecordReader) throws -> Void
    ) rethrows -> Int {
        var at = 0
        while bytes.count - at >= 4 {
            let length = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            guard bytes.count - at - 4 >= length else { break }
            var reader = RecordReader(UnsafeRawBufferPointer(rebasing: bytes[at + 4..<at + 4 + length]))
            try body(&reader)
            at += 4 + length
        }
        return at
    }

    /// Moves the full chunks to the file, creating it the first time.
    private func flush() throws(Failure) {
        for chunk in chunks { try flush(chunk) }
        chunks.removeAll()
    }

    private func flush(_ bytes: [UInt8]) throws(Failure) {
        guard !bytes.isEmpty else { return }
        fileSize += Int64(try Self.write(bytes, to: &file, at: fileSize))
    }

    /// Writes `bytes` at `offset` of `file`, a temporary file (`temporaryFile()`) made the first
    /// time; returns the bytes written.
    static func write(_ bytes: [UInt8], to file: inout FileDescriptor?, at offset: Int64) throws(Failure) -> Int {
        let descriptor: FileDescriptor
        if let file {
            descriptor = file
        } else {
            descriptor = try temporaryFile()
            file = descriptor
        }
        do {
            return try bytes.withUnsafeBytes { try descriptor.writeAll(toAbsoluteOffset: offset, $0) }
        } catch {
            throw Failure(reason: "\(error)")
        }
    }

    private static func fill(
        _ buffer: UnsafeMutableRawBufferPointer, from file: FileDescriptor, at offset: Int64
    ) throws(Failure) {
        let read: Int
        do {
            read = try file.readAll(into: buffer, at: offset)
        } catch {
            throw Failure(reason: "\(error)")
        }
        guard read == buffer.count else { throw Failure(reason: "it is shorter than what was written") }
    }

    /// A new file in the temporary folder, unlinked at once (it lives as long as the descriptor).
    static func temporaryFile() throws(Failure) -> FileDescriptor {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        for attempt in 0..<100 {
            let path = FilePath(folder).appending("trueup-spool-\(getpid())-\(UInt32.random(in: .min ... .max))")
            do {
                let descriptor = try FileDescriptor.open(
                    path, .readWrite, options: [.create, .exclusiveCreate, .closeOnExec], permissions: [.ownerReadWrite]
                )
                unlink(path.string)
                return descriptor
            } catch Errno.fileExists where attempt < 99 {
                continue
            } catch {
                throw Failure(reason: "cannot be created in \(folder): \(error)")
            }
        }
        throw Failure(reason: "cannot be created in \(folder)")
    }
}

/// Writes one record's fields: whole numbers as variable-length integers, texts with their length.
public struct RecordWriter {
    public internal(set) var bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A signed whole number (zigzag, seven bits a byte: small values take one byte).
    public mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A value of a type without references, byte for byte (e.g. `Decimal`).
    public mutating func raw<T>(_ value: T) {
        precondition(_isPOD(T.self), "only a type without references is written byte for byte")
        withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Every field of the record `reader` reads, whatever it has read so far: a record copied
    /// from one spool to another without decoding it.
    public mutating func copy(of reader: RecordReader) {
        bytes.append(contentsOf: reader.bytes)
    }
}

/// Reads one record's fields in the order they were written.
public struct RecordReader {
    fileprivate let bytes: UnsafeRawBufferPointer
    private var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    public mutating func int() -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[at]
            at += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    public mutating func text() -> String {
        let count = int()
        defer { at += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + count]), as: UTF8.self)
    }

    public mutating func raw<T>(_ type: T.Type) -> T {
        precondition(_isPOD(T.self), "only a type without references is read byte for byte")
        defer { at += MemoryLayout<T>.size }
        return bytes.loadUnaligned(fromByteOffset: at, as: T.self)
    }
}
