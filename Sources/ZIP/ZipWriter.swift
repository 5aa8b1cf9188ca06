internal import CZlib
import Foundation

/// Writes a ZIP archive part by part to a file, deflating with zlib.
///
/// Output is deterministic: fixed timestamps (1980-01-01), parts in the order written, no extra
/// fields unless a size or offset needs ZIP64. Each part is streamed: its local header is written
/// first and its sizes and CRC patched in place when it ends, so no data descriptors are needed
/// and memory stays flat. One part is open at a time. The caller owns the file handle's place
/// (the archive starts at the handle's current end).
public final class ZipWriter {
    private let handle: FileHandle
    private var offset: UInt64 = 0
    private var records: [Record] = []
    private var open: OpenPart?
    private var names: Set<String> = []

    private struct Record {
        let name: [UInt8]
        let crc: UInt32
        let compressed: UInt64
        let uncompressed: UInt64
        let offset: UInt64
        let method: UInt16
    }

    /// The part being written. Its bytes are checksummed, deflated and written to the file on a
    /// second thread, so compression overlaps with whatever produces the bytes; the file handle
    /// belongs to that thread until the part closes.
    private final class OpenPart: @unchecked Sendable {
        let name: [UInt8]
        let headerOffset: UInt64
        let deflater: Deflater
        let handle: FileHandle
        let queue = BoundedQueue<[UInt8]>(capacity: 8)
        let done = DispatchSemaphore(value: 0)
        var crc: UInt32 = 0
        var uncompressed: UInt64 = 0
        var compressed: UInt64 = 0
        var failure: (any Error)?

        init(name: [UInt8], headerOffset: UInt64, deflater: Deflater, handle: FileHandle) {
            self.name = name
            self.headerOffset = headerOffset
            self.deflater = deflater
            self.handle = handle
        }

        func start() {
            startThread { self.run() }
        }

        private func run() {
            do {
                while let chunk = try queue.pop() {
                    try chunk.withUnsafeBytes { bytes in
                        crc = updateCRC32(crc, bytes)
                        uncompressed += UInt64(bytes.count)
                        try deflater.deflate(bytes, finish: false) { try emit($0) }
                    }
                }
                try deflater.deflate(UnsafeRawBufferPointer(start: nil, count: 0), finish: true) { try emit($0) }
            } catch {
                failure = error
                queue.cancel()
            }
            done.signal()
        }

        private func emit(_ chunk: UnsafeRawBufferPointer) throws {
            guard !chunk.isEmpty else { return }
            try handle.write(contentsOf: chunk)
            compressed += UInt64(chunk.count)
        }
    }

    /// Writes into `handle`, which must be open for writing and seeking.
    public init(handle: FileHandle) {
        self.handle = handle
    }

    /// Starts a part; its bytes follow with `write(_:)` until `closePart()`.
    public func beginPart(_ name: String, level: Int32 = 6) throws {
        precondition(open == nil, "a part is already open")
        guard names.insert(ZipEntry.normalize(name)).inserted else { throw ZipError.duplicateName(name, name) }
        let nameBytes = Array(name.utf8)
        let headerOffset = offset
        var header = localHeader(name: nameBytes, crc: 0, compressed: 0, uncompressed: 0)
        try emit(&header)
        let part = OpenPart(
            name: nameBytes, headerOffset: headerOffset, deflater: try Deflater(level: level), handle: handle)
        part.start()
        open = part
    }

    /// Appends bytes to the open part.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let part = open else { preconditionFailure("no part is open") }
        guard !bytes.isEmpty else { return }
        do {
            try part.queue.push(Array(bytes))
        } catch {
            part.done.wait()
            open = nil
            throw part.failure ?? error
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Ends the open part: flushes the deflate stream and patches the local header's sizes.
    public func closePart() throws {
        guard let part = open else { preconditionFailure("no part is open") }
        part.queue.finish(nil)
        part.done.wait()
        open = nil
        if let failure = part.failure { throw failure }
        offset += part.compressed
        guard part.compressed < 0xFFFF_FFFF, part.uncompressed < 0xFFFF_FFFF else {
            throw ZipError.partTooLarge(String(decoding: part.name, as: UTF8.self), limit: 0xFFFF_FFFE)
        }
        let patched = localHeader(
            name: part.name, crc: part.crc, compressed: UInt32(part.compressed), uncompressed: UInt32(part.uncompressed)
        )
        try handle.seek(toOffset: part.headerOffset)
        try handle.write(contentsOf: patched)
        try handle.seek(toOffset: offset)
        records.append(
            Record(
                name: part.name, crc: part.crc, compressed: part.compressed, uncompressed: part.uncompressed,
                offset: part.headerOffset, method: 8))
    }

    /// A whole small part in one call.
    public func addPart(_ name: String, _ bytes: [UInt8]) throws {
        try beginPart(name)
        try write(bytes)
        try closePart()
    }

    /// Writes the central directory (ZIP64 records when offsets or the count need them).
    public func finish() throws {
        precondition(open == nil, "a part is still open")
        let directoryStart = offset
        for record in records {
            let needs64 = record.offset >= 0xFFFF_FFFF
            var entry: [UInt8] = []
            entry.le32(0x0201_4B50)
            entry.le16(needs64 ? 45 : 20)
            entry.le16(needs64 ? 45 : 20)
            entry.le16(0x0800)  // UTF-8 names
            entry.le16(record.method)
            entry.le16(0)  // time 00:00
            entry.le16(0x21)  // date 1980-01-01
            entry.le32(record.crc)
            entry.le32(UInt32(record.compressed))
            entry.le32(UInt32(record.uncompressed))
            entry.le16(UInt16(record.name.count))
            entry.le16(needs64 ? 12 : 0)
            entry.le16(0)
            entry.le16(0)
            entry.le16(0)
            entry.le32(0)
            entry.le32(needs64 ? 0xFFFF_FFFF : UInt32(record.offset))
            entry += record.name
            if needs64 {
                entry.le16(0x0001)
                entry.le16(8)
                entry.le64(record.offset)
            }
            try emit(&entry)
        }
        let directorySize = offset - directoryStart
        let needs64 = directoryStart >= 0xFFFF_FFFF || records.count >= 0xFFFF
        var end: [UInt8] = []
        if needs64 {
            let zip64Start = offset
            end.le32(0x0606_4B50)
            end.le64(44)
            end.le16(45)
            end.le16(45)
            end.le32(0)
            end.le32(0)
            end.le64(UInt64(records.count))
            end.le64(UInt64(records.count))
            end.le64(directorySize)
            end.le64(directoryStart)
            end.le32(0x0706_4B50)
            end.le32(0)
            end.le64(zip64Start)
            end.le32(1)
        }
        end.le32(0x0605_4B50)
        end.le16(0)
        end.le16(0)
        end.le16(UInt16(min(records.count, 0xFFFF)))
        end.le16(UInt16(min(records.count, 0xFFFF)))
        end.le32(UInt32(min(directorySize, 0xFFFF_FFFF)))
        end.le32(needs64 ? 0xFFFF_FFFF : UInt32(directoryStart))
        end.le16(0)
        try emit(&end)
    }

    private func localHeader(name: [UInt8], crc: UInt32, compressed: UInt32, uncompressed: UInt32) -> [UInt8] {
        var header: [UInt8] = []
        header.le32(0x0403_4B50)
        header.le16(20)
        header.le16(0x0800)
        header.le16(8)
        header.le16(0)
        header.le16(0x21)
        header.le32(crc)
        header.le32(compressed)
        header.le32(uncompressed)
        header.le16(UInt16(name.count))
        header.le16(0)
        return header + name
    }

    private func emit(_ bytes: inout [UInt8]) throws {
        try handle.write(contentsOf: bytes)
        offset += UInt64(bytes.count)
    }
}

/// Owns one raw-deflate `z_stream` for writing.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 << 10, alignment: 16)

    init(level: Int32) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard CZlib_deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw ZipError.io("zlib could not start a deflate stream")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `input` (with `finish`, ends the stream), handing each output chunk to `emit`.
    func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        repeat {
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = CZlib.deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            guard status != Z_STREAM_ERROR else { throw ZipError.io("zlib deflate failed") }
            let produced = output.count - Int(stream.pointee.avail_out)
            try emit(UnsafeRawBufferPointer(rebasing: output[0..<produced]))
            if finish && status == Z_STREAM_END { return }
        } while stream.pointee.avail_out == 0 || (finish && stream.pointee.avail_in > 0) || finish
    }
}

extension [UInt8] {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }
    mutating func le32(_ value: UInt32) {
        le16(UInt16(value & 0xFFFF))
        le16(UInt16(value >> 16))
    }
    mutating func le64(_ value: UInt64) {
        le32(UInt32(value & 0xFFFF_FFFF))
        le32(UInt32(value >> 32))
    }
}
