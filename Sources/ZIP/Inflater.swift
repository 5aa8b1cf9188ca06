internal import CZlib

/// Owns one raw-deflate `z_stream` (zlib needs its address fixed, so it lives on the heap).
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(ZipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Raw deflate: ZIP entries carry no zlib header.
        guard CZlib_inflateInit2(stream, -MAX_WBITS) == Z_OK else {
            stream.deallocate()
            throw .io("zlib could not start an inflate stream")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    enum Step {
        /// More input is needed (everything given was consumed).
        case needsInput
        /// The output buffer filled; call again with the same input.
        case outputFull
        case finished
    }

    /// Inflates from `input` into `output`, reporting bytes consumed and produced.
    ///
    /// Calls zlib's `inflate`; a damaged stream becomes `ZipError.corruptData`.
    func inflate(
        input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer, part: String
    ) throws(ZipError) -> (step: Step, consumed: Int, produced: Int) {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END:
            return (.finished, consumed, produced)
        case Z_OK, Z_BUF_ERROR:
            if stream.pointee.avail_out == 0 { return (.outputFull, consumed, produced) }
            return (.needsInput, consumed, produced)
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptData(part, "its deflate stream is invalid (\(message))")
        }
    }
}

/// CRC-32 as ZIP computes it (zlib's `crc32`).
func updateCRC32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
    return UInt32(crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
}
